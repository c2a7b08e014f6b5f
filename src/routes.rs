//! Where everything in the output lives: the one place that decides the path of every
//! page and file (relative to the output root), the anchors pages link to, and the
//! main navigation. Paths use `/` and never start with one, so that pages can reach
//! each other relatively and the site works from `file://` and under any sub-path.
//!
//! Item ids share their kind's folder with the list's pages, so an id shaped like one
//! of their names is refused ([`is_reserved_id`], checked by `load` and `new`).

use crate::model::{Contribution, Kind, Lang, Languages, RoundView};

/// The front page.
pub const FRONT: &str = "index.html";
/// The stylesheet every page loads.
pub const STYLESHEET: &str = "style.css";
/// The search page and the index it loads.
pub const SEARCH: &str = "search.html";
/// The folder of the search index's files.
pub const SEARCH_DIR: &str = "search/";
/// The search index's manifest (`search.js` loads it, then the shards a query needs).
pub const SEARCH_MANIFEST: &str = "search/manifest.js";
/// The search page's script.
pub const SEARCH_SCRIPT: &str = "search.js";
/// The script every embed loads to post its height to the page framing it.
pub const EMBED_SIZE_SCRIPT: &str = "embed/size.js";
/// The script a host page loads to size the iframes of embeds to their content.
pub const EMBED_HOST_SCRIPT: &str = "embed/host.js";
/// The Atom feed.
pub const FEED: &str = "feed.xml";
/// The sitemap, made when site.yaml gives a `base_url`.
pub const SITEMAP: &str = "sitemap.xml";
/// The whole briefing as JSON.
pub const BRIEFING_JSON: &str = "data/briefing.json";
/// The statements table.
pub const STATEMENTS_CSV: &str = "data/statements.csv";
/// The contributions table.
pub const CONTRIBUTIONS_CSV: &str = "data/contributions.csv";
/// Shard `n` of the search index's terms.
pub fn search_terms(n: usize) -> String {
    format!("search/t{n}.js")
}

/// Block `n` of the search index's items.
pub fn search_docs(n: usize) -> String {
    format!("search/d{n}.js")
}

/// The commitment matrix after every round and now.
pub const MATRIX_CSV: &str = "data/matrix.csv";
/// Every claim of a figure, checked.
pub const CLAIMS_CSV: &str = "data/claims.csv";
/// The TimelineJS export.
pub const TIMELINE_JSON: &str = "timeline.json";

/// The folder of language `lang`'s pages and files: the default language's are at the
/// root (`""`), each other language's under its code (`uk/`), the same paths inside.
pub fn language_dir(languages: &Languages, lang: &Lang) -> String {
    if lang == languages.default_lang() {
        String::new()
    } else {
        format!("{lang}/")
    }
}

/// The relative way from the top of one language's folder (`from`, as [`language_dir`]
/// gives it) to the top of another's (`to`): `uk/` from the root, `../` back, `../fr/`;
/// none to its own.
pub fn between_languages(from: &str, to: &str) -> String {
    if from == to {
        return String::new();
    }
    format!("{}{to}", "../".repeat(from.matches('/').count()))
}

/// True for the files made once for every language, at the top of the output rather than
/// in each language's folder: `data/briefing.json` (it carries every language) and the
/// sitemap (it lists every language's pages).
pub fn shared_by_languages(path: &str) -> bool {
    path == BRIEFING_JSON || path == SITEMAP
}

/// A page of analysis over the whole briefing, or a view made to be embedded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Contributions by actor and component.
    Matrix,
    /// What each actor said against what it committed to.
    Declarations,
    /// Every claim of a figure, checked against the tracked one.
    Claims,
    /// Everything dated, month by month.
    Timeline,
    /// Contributions by status at the end of every round up to the lead one (round
    /// pages and the front page draw the last few).
    RoundsChart,
    /// The sourcing register and report.
    Sourcing,
    /// Search over every item.
    Search,
    /// What the source grades and the markings mean (linked from every footer).
    Markings,
    /// The matrix, without the site around it.
    EmbedMatrix,
    /// The latest round's changes, without the site around them.
    EmbedChanges,
    /// The timeline, without the site around it.
    EmbedTimeline,
}

impl View {
    /// The path of the view's page.
    pub fn path(self) -> &'static str {
        match self {
            View::Matrix => "matrix.html",
            View::Declarations => "declarations.html",
            View::Claims => "claims.html",
            View::Timeline => "timeline.html",
            View::RoundsChart => "rounds-chart.html",
            View::Sourcing => "sourcing.html",
            View::Search => SEARCH,
            View::Markings => "markings.html",
            View::EmbedMatrix => "embed/matrix.html",
            View::EmbedChanges => "embed/changes.html",
            View::EmbedTimeline => "embed/timeline.html",
        }
    }
}

/// A run of pages of a view split into pages (the timeline, declarations and sourcing
/// views grow with the site, so their page is an index of these): each in its view's
/// folder ([`SPLIT_DIRS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section<'a> {
    /// One month of the timeline, by its id (`2026-03`).
    Month(&'a str),
    /// The declarations of each actor.
    DeclaredByActor,
    /// The declarations about each guarantee component.
    DeclaredOnComponent,
    /// Statements answering or contradicting others.
    Exchanges,
    /// The sources register.
    Register,
    /// One group of the sourcing report, by its problem's code (`single-source`).
    Findings(&'a str),
    /// The claims checked, newest first: page 1 is the view's own page, `claims.html`,
    /// then `claims-2.html`, ... beside it.
    Claims,
}

/// The folders of the views split into pages: what is in them is made whole by every
/// render of those views (a page that is no longer made is stale).
pub const SPLIT_DIRS: [&str; 3] = ["timeline/", "declarations/", "sourcing/"];

impl<'a> Section<'a> {
    /// The view whose index lists the section.
    pub fn view(self) -> View {
        match self {
            Section::Month(_) => View::Timeline,
            Section::DeclaredByActor | Section::DeclaredOnComponent | Section::Exchanges => {
                View::Declarations
            }
            Section::Register | Section::Findings(_) => View::Sourcing,
            Section::Claims => View::Claims,
        }
    }

    fn stem(self) -> &'a str {
        match self {
            Section::Month(id) | Section::Findings(id) => id,
            Section::DeclaredByActor => "actors",
            Section::DeclaredOnComponent => "components",
            Section::Exchanges => "exchanges",
            Section::Register => "register",
            Section::Claims => "claims",
        }
    }

    fn dir(self) -> &'static str {
        match self.view() {
            View::Timeline => SPLIT_DIRS[0],
            View::Declarations => SPLIT_DIRS[1],
            View::Sourcing => SPLIT_DIRS[2],
            _ => "",
        }
    }

    /// The file name of page `n` (from 1) in the view's folder, by which its pages link
    /// to each other: `2026-03.html`, then `2026-03-2.html`, ...
    pub fn file(self, n: usize) -> String {
        if n <= 1 {
            format!("{}.html", self.stem())
        } else {
            format!("{}-{n}.html", self.stem())
        }
    }

    /// The path of page `n` (from 1): `timeline/2026-03.html`, `sourcing/register-2.html`.
    pub fn page(self, n: usize) -> String {
        format!("{}{}", self.dir(), self.file(n))
    }
}

/// The page of item `id` of `kind`: `meetings/paris-summit.html`.
pub fn item(kind: Kind, id: &str) -> String {
    item_at(kind, id, None)
}

/// The page of an item, and the element `fragment` on it (already percent-encoded).
pub fn item_at(kind: Kind, id: &str, fragment: Option<&str>) -> String {
    // Pushed piece by piece: made for every link of every text, where `format!` cost
    // several times more.
    let dir = kind.dir();
    let fragment_len = fragment.map_or(0, |f| f.len() + 1);
    let mut path = String::with_capacity(dir.len() + id.len() + 6 + fragment_len);
    path.push_str(dir);
    path.push('/');
    path.push_str(id);
    path.push_str(".html");
    if let Some(f) = fragment {
        path.push('#');
        path.push_str(f);
    }
    path
}

/// Round `round`'s frozen view: `rounds/<id>/matrix.html`, beside `rounds/<id>.html`.
pub fn round_view(round: &str, view: RoundView) -> String {
    let name = match view {
        RoundView::Matrix => "matrix",
        RoundView::Components => "components",
    };
    format!("{}/{round}/{name}.html", Kind::Rounds.dir())
}

/// The page listing what did not move in round `round` (stalled, steady, settled):
/// `rounds/<id>/unchanged.html`, beside its frozen views.
pub fn round_unchanged(round: &str) -> String {
    format!("{}/{round}/unchanged.html", Kind::Rounds.dir())
}

/// Document `document`'s frozen view at the end of round `round`:
/// `documents/<id>/<round>.html`, in a folder named after the document (as a round's
/// frozen views are after the round), beside `documents/<id>.html`.
pub fn document_round_view(document: &str, round: &str) -> String {
    format!("{}/{document}/{round}.html", Kind::Documents.dir())
}

/// Page `n` (from 1) of the list of `kind`: `meetings/index.html`, `meetings/page-2.html`.
pub fn list(kind: Kind, n: usize) -> String {
    format!("{}/{}", kind.dir(), list_file(n))
}

/// The file name of page `n` of a list (from 1), in its kind's folder: list pages link
/// to each other by it.
pub fn list_file(n: usize) -> String {
    if n <= 1 {
        "index.html".into()
    } else {
        format!("page-{n}.html")
    }
}

/// The page number of a list page's file name, the inverse of [`list_file`]:
/// `index.html` is page 1, `page-<digits>.html` page n. `None` for any other name.
pub fn list_number(file_name: &str) -> Option<usize> {
    if file_name == "index.html" {
        return Some(1);
    }
    let digits = file_name.strip_prefix("page-")?.strip_suffix(".html")?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Any run of digits is taken, even one too long for a number: such a name is
    // still the shape of a list page and must not be an item's.
    Some(digits.parse().unwrap_or(usize::MAX))
}

/// True if an item called `id` would have its page ([`item`]) where a list page of its
/// kind goes, or might go as the list grows: `index`, `page-2`, ... A round's or a
/// document's folder of frozen views (`rounds/<id>/`, `documents/<id>/`) is named after
/// the item itself, so it takes no name.
pub fn is_reserved_id(id: &str) -> bool {
    list_number(&format!("{id}.html")).is_some()
}

/// A contribution's element id on its component's page: its own `id`, else
/// `contribution-<place + 1>`.
pub fn contribution_anchor(c: &Contribution) -> String {
    match &c.id {
        Some(id) => id.clone(),
        None => format!("contribution-{}", c.place + 1),
    }
}

/// The element id of a provision on its document's page: `provision-<id>`.
pub fn provision_anchor(id: &str) -> String {
    format!("provision-{id}")
}

/// The element id of a contribution (`anchor` on its component's page) on a page
/// listing every component, a round's frozen components page: `<guarantee id>-<anchor>`.
pub fn listed_contribution_anchor(guarantee: &str, anchor: &str) -> String {
    format!("{guarantee}-{anchor}")
}

/// The element id of the front page's "What changed" section.
pub const CHANGES_ANCHOR: &str = "section-changes";

/// One entry of the main navigation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NavEntry {
    /// What the entry is: `index`, `matrix`, ... or a kind's folder; pages name theirs.
    pub section: &'static str,
    /// Its label, in the interface language (the catalog's `nav.<section>`).
    pub title: String,
    /// The page it leads to.
    pub url: String,
}

/// The main navigation, in order: the front page, the analysis views, each kind's
/// list, search.
pub fn navigation(locale: &crate::i18n::Locale) -> Vec<NavEntry> {
    let entry = |section: &'static str, url: &str| NavEntry {
        section,
        title: locale.text(&format!("nav.{section}")),
        url: url.to_string(),
    };
    let mut nav = vec![
        entry("index", FRONT),
        entry("matrix", View::Matrix.path()),
        entry("declarations", View::Declarations.path()),
        entry("claims", View::Claims.path()),
        entry("timeline", View::Timeline.path()),
        entry("sourcing", View::Sourcing.path()),
    ];
    nav.extend(Kind::ALL.iter().map(|k| entry(k.dir(), &list(*k, 1))));
    nav.push(entry("search", View::Search.path()));
    nav
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_ids_are_the_list_pages_names() {
        for n in 1..=300 {
            let name = list_file(n);
            assert_eq!(list_number(&name), Some(n), "{name}");
            assert!(is_reserved_id(name.trim_end_matches(".html")), "{name}");
        }
        for id in [
            "page-0",
            "page-1",
            "page-007",
            "page-99999999999999999999999",
        ] {
            assert!(is_reserved_id(id), "{id}");
        }
        for id in [
            "indexes",
            "page",
            "page-",
            "page-2a",
            "pages-2",
            "front-page-2",
        ] {
            assert!(!is_reserved_id(id), "{id}");
        }
    }

    #[test]
    fn languages_other_than_the_default_live_under_their_code() {
        let l = |s| Lang::parse(s).unwrap();
        let ls = Languages::new(l("en"), [l("uk"), l("pt-BR")]);
        assert_eq!(language_dir(&ls, &l("en")), "");
        assert_eq!(language_dir(&ls, &l("uk")), "uk/");
        assert_eq!(language_dir(&ls, &l("pt-BR")), "pt-BR/");
        assert_eq!(between_languages("", "uk/"), "uk/");
        assert_eq!(between_languages("uk/", ""), "../");
        assert_eq!(between_languages("uk/", "fr/"), "../fr/");
        assert_eq!(between_languages("uk/", "uk/"), "");
        assert!(shared_by_languages(BRIEFING_JSON) && !shared_by_languages(FEED));
    }

    #[test]
    fn paths_stay_relative_and_distinct() {
        let mut paths: Vec<String> = vec![
            FRONT.into(),
            STYLESHEET.into(),
            SEARCH_MANIFEST.into(),
            search_terms(0),
            search_docs(0),
            SEARCH_SCRIPT.into(),
            FEED.into(),
            SITEMAP.into(),
            BRIEFING_JSON.into(),
            STATEMENTS_CSV.into(),
            CONTRIBUTIONS_CSV.into(),
            MATRIX_CSV.into(),
            CLAIMS_CSV.into(),
            TIMELINE_JSON.into(),
            item(Kind::Meetings, "paris-summit"),
            list(Kind::Meetings, 1),
            list(Kind::Meetings, 2),
            round_view("r1", RoundView::Matrix),
            round_view("r1", RoundView::Components),
            round_unchanged("r1"),
            document_round_view("plan", "r1"),
            Section::Month("2026-03").page(1),
            Section::Month("2026-03").page(2),
            Section::DeclaredByActor.page(1),
            Section::DeclaredOnComponent.page(1),
            Section::Exchanges.page(1),
            Section::Register.page(2),
            Section::Findings("single-source").page(1),
            Section::Claims.page(2),
            item(Kind::Documents, "plan"),
            item(Kind::Rounds, "r1"),
        ];
        paths.extend(
            [
                View::Matrix,
                View::Declarations,
                View::Claims,
                View::Timeline,
                View::RoundsChart,
                View::Sourcing,
                View::Search,
                View::Markings,
                View::EmbedMatrix,
                View::EmbedChanges,
                View::EmbedTimeline,
            ]
            .map(|v| v.path().to_string()),
        );
        let n = paths.len();
        assert!(
            paths
                .iter()
                .all(|p| !p.starts_with('/') && !p.contains('\\'))
        );
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), n);
        assert_eq!(
            item_at(Kind::Guarantees, "g", Some("contribution-2")),
            "guarantees/g.html#contribution-2"
        );
        assert_eq!(
            navigation(crate::i18n::english()).len(),
            7 + Kind::ALL.len()
        );
        assert_eq!(Section::Month("2026-03").page(2), "timeline/2026-03-2.html");
        assert_eq!(Section::Claims.page(1), View::Claims.path());
        for s in [
            Section::Month("2026-03"),
            Section::Register,
            Section::Exchanges,
        ] {
            assert!(SPLIT_DIRS.iter().any(|d| s.page(3).starts_with(d)));
        }
    }
}
