//! Splits a kind's list into pages of site.yaml's `paginate` items, with the links
//! between them. Page 1 is `<kind>/index.html`, page n is `<kind>/page-<n>.html`; the
//! links are file names in the same folder, so they work from file://.

use crate::routes::list_file;
use serde::Serialize;
use std::ops::Range;

/// Where a list page stands among its siblings, for `list.html`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pagination {
    /// This page's number, from 1.
    pub page: usize,
    /// How many pages the list has.
    pub pages: usize,
    /// Items in the whole list.
    pub total: usize,
    /// Position of this page's first and last item in the whole list, from 1.
    pub first: usize,
    pub last: usize,
    /// The previous and next page's file name, if any.
    pub prev: Option<String>,
    pub next: Option<String>,
    /// Links to the first, the last and the pages near this one; `number` is `None` for
    /// a gap between them.
    pub links: Vec<PageLink>,
}

/// One entry of the page links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageLink {
    pub number: Option<usize>,
    pub url: Option<String>,
    pub current: bool,
}

/// How many pages near the current one get a link of their own, on each side.
const NEAR: usize = 2;

/// The pagination of every page of a list of `total` items, `size` to a page (at least
/// one page, even for an empty list).
pub fn pages(total: usize, size: usize) -> Vec<Pagination> {
    let size = size.max(1);
    let runs: Vec<Range<usize>> = (0..total.div_ceil(size))
        .map(|p| p * size..((p + 1) * size).min(total))
        .collect();
    paged(&runs, total, &list_file)
}

/// Cuts a list of rows weighing `weights` (entries each row shows) into runs of rows
/// weighing at most `budget` together, in order; a row heavier than the budget has a run
/// of its own (split such rows first to keep every page within the budget). Pages of
/// the analysis views are cut this way, so that none grows with the site.
pub fn runs(weights: &[usize], budget: usize) -> Vec<Range<usize>> {
    let budget = budget.max(1);
    let mut out = Vec::new();
    let (mut start, mut weight) = (0, 0);
    for (i, &w) in weights.iter().enumerate() {
        if i > start && weight + w > budget {
            out.push(start..i);
            (start, weight) = (i, 0);
        }
        weight += w;
    }
    if start < weights.len() {
        out.push(start..weights.len());
    }
    out
}

/// The pagination of pages holding the `runs` of a list of `total` rows (consecutive
/// ranges from 0; none for an empty list, which still has one page), page `n` (from 1)
/// in the file `name(n)` of the same folder.
pub fn paged(
    runs: &[Range<usize>],
    total: usize,
    name: &dyn Fn(usize) -> String,
) -> Vec<Pagination> {
    let count = runs.len().max(1);
    (1..=count)
        .map(|page| {
            let mut shown: Vec<usize> =
                (page.saturating_sub(NEAR).max(1)..=(page + NEAR).min(count)).collect();
            shown.insert(0, 1);
            shown.push(count);
            shown.dedup();
            let mut links = Vec::new();
            for (i, &n) in shown.iter().enumerate() {
                if i > 0 && n > shown[i - 1] + 1 {
                    links.push(PageLink {
                        number: None,
                        url: None,
                        current: false,
                    });
                }
                links.push(PageLink {
                    number: Some(n),
                    url: (n != page).then(|| name(n)),
                    current: n == page,
                });
            }
            let run = runs.get(page - 1).cloned().unwrap_or(0..0);
            Pagination {
                page,
                pages: count,
                total,
                first: (run.start + 1).min(total),
                last: run.end.min(total),
                prev: (page > 1).then(|| name(page - 1)),
                next: (page < count).then(|| name(page + 1)),
                links,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_links() {
        let p = pages(250, 100);
        assert_eq!(p.len(), 3);
        assert_eq!((p[0].first, p[0].last), (1, 100));
        assert_eq!((p[2].first, p[2].last), (201, 250));
        assert_eq!(p[0].prev, None);
        assert_eq!(p[0].next.as_deref(), Some("page-2.html"));
        assert_eq!(p[1].prev.as_deref(), Some("index.html"));
        assert_eq!(p[2].next, None);
    }

    #[test]
    fn empty_list_has_one_page() {
        let p = pages(0, 100);
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].first, p[0].last, p[0].pages), (0, 0, 1));
    }

    #[test]
    fn far_pages_collapse_into_gaps() {
        let p = pages(10_000, 100);
        let numbers: Vec<Option<usize>> = p[49].links.iter().map(|l| l.number).collect();
        assert_eq!(
            numbers,
            [
                Some(1),
                None,
                Some(48),
                Some(49),
                Some(50),
                Some(51),
                Some(52),
                None,
                Some(100)
            ]
        );
    }

    #[test]
    fn runs_stay_within_the_budget() {
        let weights = [3, 4, 2, 9, 1, 1, 1, 12, 5];
        let r = runs(&weights, 9);
        assert_eq!(r, [0..3, 3..4, 4..7, 7..8, 8..9]);
        for run in &r {
            let w: usize = weights[run.clone()].iter().sum();
            // Only a row heavier than the budget on its own exceeds it.
            assert!(w <= 9 || run.len() == 1, "{run:?}");
        }
        assert_eq!(runs(&[], 9), Vec::<Range<usize>>::new());
        let p = paged(&r, weights.len(), &|n| format!("x-{n}.html"));
        assert_eq!((p[1].first, p[1].last, p[1].total), (4, 4, 9));
        assert_eq!(p[2].prev.as_deref(), Some("x-2.html"));
        assert_eq!(p[4].next, None);
    }
}
