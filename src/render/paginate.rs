//! Splits a kind's list into pages of site.yaml's `paginate` items, with the links
//! between them. Page 1 is `<kind>/index.html`, page n is `<kind>/page-<n>.html`; the
//! links are file names in the same folder, so they work from file://.

use crate::routes::list_file;
use serde::Serialize;

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
    let count = total.div_ceil(size).max(1);
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
                    url: (n != page).then(|| list_file(n)),
                    current: n == page,
                });
            }
            Pagination {
                page,
                pages: count,
                total,
                first: ((page - 1) * size + 1).min(total),
                last: (page * size).min(total),
                prev: (page > 1).then(|| list_file(page - 1)),
                next: (page < count).then(|| list_file(page + 1)),
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
}
