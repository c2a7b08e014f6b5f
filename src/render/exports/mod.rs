//! Files other than pages: feeds, data exports and the search index.
//!
//! Everything here is computed from the model it is given, so a filtered model yields
//! filtered exports.

mod atom;
mod csv;
mod json;
mod search;
mod text;

use super::Output;
use super::view::Views;
use crate::model::Model;

pub use text::plain;

/// Version of the `data/briefing.json` schema; raised on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// Every export of the site. `pages` are the HTML pages already rendered (for the sitemap);
/// `lead` is the round leading the front page.
pub(super) fn all(m: &Model, pages: &[String], lead: Option<&str>) -> Vec<Output> {
    let views = Views::new(m);
    let mut out = vec![
        file("feed.xml", atom::feed(m, &views)),
        file("timeline.json", json::timeline(m, &views)),
        file("data/briefing.json", json::briefing(m, &views, lead)),
        file("data/contributions.csv", csv::contributions(m, &views)),
        file("data/statements.csv", csv::statements(m, &views)),
        file("search-index.js", search::index(m, &views)),
        file("search.js", search::SCRIPT.to_string()),
    ];
    if let Some(base) = &m.site.base_url {
        out.push(file("sitemap.xml", sitemap(base, pages)));
    }
    out
}

fn file(path: &str, text: String) -> Output {
    Output {
        path: path.to_string(),
        bytes: text.into_bytes(),
    }
}

/// Every page but the embeds, as absolute URLs under `base` (which ends in `/`).
fn sitemap(base: &str, pages: &[String]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for p in pages.iter().filter(|p| !p.starts_with("embed/")) {
        s.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            text::xml(&format!("{base}{p}"))
        ));
    }
    s.push_str("</urlset>\n");
    s
}
