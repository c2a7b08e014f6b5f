//! Render stage: views of the model through Tera templates, one page per item and list.

pub mod templates;
pub mod view;

use crate::diagnostics::Diagnostic;
use crate::markdown::ROOT_MARK;
use crate::model::{Kind, MeetingStatus, Model, Tlp};
use rayon::prelude::*;
use serde::Serialize;
use std::path::Path;
use tera::{Context, Tera, Value};
use view::{DateView, ItemView, TlpView, Views};

/// A rendered output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Path relative to the output folder, with `/` separators.
    pub path: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// One page to render: where it goes, with which template and data.
struct Page {
    path: String,
    template: &'static str,
    title: String,
    section: &'static str,
    data: Vec<(&'static str, Value)>,
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    description_html: Option<&'a str>,
    base_url: Option<&'a str>,
    language: &'a str,
    timezone: &'a str,
    as_of: DateView,
    default_tlp: TlpView,
}

#[derive(Serialize)]
struct NavEntry {
    section: &'static str,
    title: &'static str,
    url: String,
}

/// Renders every page of the site with the templates in `root/templates` over the defaults.
pub fn render(model: &Model, root: &Path) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let mut tera = templates::load(root)?;
    install_globals(&mut tera, model);
    let pages = plan(model);
    let results: Vec<Result<Output, Vec<Diagnostic>>> =
        pages.par_iter().map(|p| render_page(&tera, p)).collect();
    let mut outputs = Vec::with_capacity(results.len() + 1);
    let mut problems = Vec::new();
    for r in results {
        match r {
            Ok(o) => outputs.push(o),
            Err(d) => problems.extend(d),
        }
    }
    match tera.render("style.css", &Context::new()) {
        Ok(css) => outputs.push(Output {
            path: "style.css".into(),
            bytes: css.into_bytes(),
        }),
        Err(e) => problems.extend(templates::from_tera(&e)),
    }
    if problems.is_empty() {
        outputs.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(outputs)
    } else {
        // One template bug fails every page using it: report it once.
        problems.sort_by(|a, b| (&a.file, a.pos, &a.message).cmp(&(&b.file, b.pos, &b.message)));
        problems.dedup();
        Err(problems)
    }
}

fn install_globals(tera: &mut Tera, m: &Model) {
    let s = &m.site;
    let site = SiteView {
        title: &s.title,
        subtitle: s.subtitle.as_deref(),
        description_html: s.description_html.as_deref(),
        base_url: s.base_url.as_deref(),
        language: &s.language,
        timezone: &s.timezone,
        as_of: DateView::new(s.as_of),
        default_tlp: s.default_tlp.into(),
    };
    let mut nav = vec![NavEntry {
        section: "index",
        title: "Briefing",
        url: "index.html".into(),
    }];
    nav.extend(Kind::ALL.iter().map(|k| NavEntry {
        section: k.dir(),
        title: k.title(),
        url: format!("{}/index.html", k.dir()),
    }));
    let g = tera.global_context();
    g.insert("site", &site);
    g.insert("nav", &nav);
}

fn render_page(tera: &Tera, p: &Page) -> Result<Output, Vec<Diagnostic>> {
    let depth = p.path.matches('/').count();
    let prefix = "../".repeat(depth);
    let mut ctx = Context::new();
    ctx.insert("root", &prefix);
    let mut tlp = Tlp::Clear;
    for (_, v) in &p.data {
        tlp = tlp.max(max_tlp(v));
    }
    ctx.insert(
        "page",
        &PageMeta {
            path: &p.path,
            title: &p.title,
            section: p.section,
            tlp: tlp.into(),
        },
    );
    for (k, v) in &p.data {
        ctx.insert_value(*k, v.clone());
    }
    let html = tera
        .render(p.template, &ctx)
        .map_err(|e| templates::from_tera(&e))?;
    // Markdown links were rendered once, relative to a placeholder root.
    let html = html.replace(ROOT_MARK, &prefix);
    Ok(Output {
        path: p.path.clone(),
        bytes: html.into_bytes(),
    })
}

#[derive(Serialize)]
struct PageMeta<'a> {
    path: &'a str,
    title: &'a str,
    section: &'static str,
    tlp: TlpView,
}

/// The most restrictive marking anywhere in a view: every `tlp` object carries a `word`.
fn max_tlp(v: &Value) -> Tlp {
    let mut best = Tlp::Clear;
    if let Some(map) = v.as_map() {
        for (k, child) in map {
            if k.as_str() == Some("tlp")
                && let Some(w) = child
                    .as_map()
                    .and_then(|m| m.get(&tera::value::Key::from("word")))
                && let Some(t) = w.as_str().and_then(Tlp::parse)
            {
                best = best.max(t);
            } else {
                best = best.max(max_tlp(child));
            }
        }
    } else if let Some(items) = v.as_array() {
        for child in items {
            best = best.max(max_tlp(child));
        }
    }
    best
}

fn value<T: Serialize>(v: &T) -> Value {
    Value::from_serializable(v)
}

/// Lists every page of the site and the data each one shows.
fn plan(m: &Model) -> Vec<Page> {
    let views = Views::new(m);
    let mut pages = Vec::new();
    let ids = |k: Kind| -> Vec<String> {
        match k {
            Kind::Actors => m.actors.keys().cloned().collect(),
            Kind::Sources => m.sources.keys().cloned().collect(),
            Kind::Meetings => m.meetings.keys().cloned().collect(),
            Kind::Statements => m.statements.keys().cloned().collect(),
            Kind::Guarantees => m.guarantees.keys().cloned().collect(),
            Kind::Rounds => m.rounds.keys().cloned().collect(),
        }
    };
    let mut all: Vec<(Kind, Vec<ItemView>)> = Kind::ALL
        .par_iter()
        .map(|k| (*k, ids(*k).iter().map(|id| views.item(*k, id)).collect()))
        .collect();
    for (kind, items) in &mut all {
        sort_for_list(*kind, items);
    }
    let find = |k: Kind| {
        &all.iter()
            .find(|(kk, _)| *kk == k)
            .expect("every kind is planned")
            .1
    };

    for (kind, items) in &all {
        for item in items {
            pages.push(Page {
                path: item.url.clone(),
                template: item_template(*kind),
                title: item.title.clone(),
                section: kind.dir(),
                data: vec![("item", value(item))],
            });
        }
        pages.push(Page {
            path: format!("{}/index.html", kind.dir()),
            template: "list.html",
            title: kind.title().to_string(),
            section: kind.dir(),
            data: vec![("items", value(items)), ("kind", value(&kind.dir()))],
        });
    }

    // Front page: the current round, what comes next, what was said last, where each
    // guarantee component stands.
    let as_of = m.site.as_of;
    // The current round is the latest to have started by the as-of date; a round that
    // has not started yet has no bottom line to give.
    let round = m
        .rounds
        .values()
        .filter(|r| r.start <= as_of)
        .max_by_key(|r| (r.start, r.end))
        .map(|r| views.item(Kind::Rounds, &r.meta.id));
    let mut next: Vec<&crate::model::Meeting> = m
        .meetings
        .values()
        .filter(|x| x.date > as_of && x.status != MeetingStatus::Cancelled)
        .collect();
    next.sort_by_key(|x| (x.date, x.meta.id.clone()));
    let next: Vec<ItemView> = next
        .iter()
        .map(|x| views.item(Kind::Meetings, &x.meta.id))
        .collect();
    let mut recent: Vec<&crate::model::Meeting> =
        m.meetings.values().filter(|x| x.date <= as_of).collect();
    recent.sort_by_key(|x| std::cmp::Reverse((x.date, x.meta.id.clone())));
    let recent: Vec<ItemView> = recent
        .iter()
        .take(5)
        .map(|x| views.item(Kind::Meetings, &x.meta.id))
        .collect();
    let latest: Vec<ItemView> = find(Kind::Statements).iter().take(5).cloned().collect();
    let guarantees = find(Kind::Guarantees);
    let counts: Vec<(&str, usize)> = all.iter().map(|(k, v)| (k.dir(), v.len())).collect();
    pages.push(Page {
        path: "index.html".into(),
        template: "index.html",
        title: m.site.title.clone(),
        section: "index",
        data: vec![
            ("round", value(&round)),
            ("next_meetings", value(&next)),
            ("recent_meetings", value(&recent)),
            ("latest_statements", value(&latest)),
            ("guarantees", value(guarantees)),
            (
                "counts",
                value(
                    &counts
                        .into_iter()
                        .collect::<std::collections::BTreeMap<_, _>>(),
                ),
            ),
        ],
    });
    pages
}

fn item_template(k: Kind) -> &'static str {
    match k {
        Kind::Actors => "actor.html",
        Kind::Sources => "source.html",
        Kind::Meetings => "meeting.html",
        Kind::Statements => "statement.html",
        Kind::Guarantees => "guarantee.html",
        Kind::Rounds => "round.html",
    }
}

/// Dated kinds list newest first; the others by title.
fn sort_for_list(kind: Kind, items: &mut [ItemView]) {
    use view::Detail;
    let date = |v: &ItemView| match &v.detail {
        Detail::Meeting { date, .. } | Detail::Statement { date, .. } => Some(date.iso.clone()),
        Detail::Round { start, .. } => Some(start.iso.clone()),
        _ => None,
    };
    match kind {
        Kind::Meetings | Kind::Statements | Kind::Rounds => {
            items.sort_by(|a, b| date(b).cmp(&date(a)).then_with(|| a.id.cmp(&b.id)))
        }
        _ => items.sort_by(|a, b| {
            a.title
                .to_lowercase()
                .cmp(&b.title.to_lowercase())
                .then_with(|| a.id.cmp(&b.id))
        }),
    }
}
