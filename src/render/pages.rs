//! Which pages the site has and what each one shows.

use super::view::{Cx, ItemView, RoundModel, ToValue, Views};
use super::{Page, value};
use crate::model::{Kind, MeetingStatus, Model, Tlp};
use rayon::prelude::*;
use std::borrow::Cow;

/// Every page of the site, and each kind's items in list order.
pub(super) struct Plan {
    pub pages: Vec<Page>,
    /// Item ids by kind, in list order; [`Lazy`] points into them.
    pub items: Vec<(Kind, Vec<String>)>,
}

/// An item in its kind's list: what it sorts by, and its page's path and title.
struct Listed {
    id: String,
    date: Option<crate::dates::When>,
    title: String,
    url: String,
}

/// Lists every page of the site and the data each one shows. An item or list page's
/// data is only pointed at here ([`lazy_data`] makes it when the page is rendered), so
/// the views of ten thousand items never exist at once.
pub(super) fn plan(m: &Model, views: &Views, lead: Option<&str>) -> Plan {
    let mut pages = Vec::new();
    let listed = |k: Kind| -> Vec<Listed> {
        let date = |id: &str| m.item(k, id).and_then(|x| x.date());
        let ids: Vec<&String> = m.ids(k);
        let mut items: Vec<Listed> = ids
            .into_iter()
            .filter_map(|id| {
                let link = views.item_link(k, id)?;
                Some(Listed {
                    id: id.clone(),
                    date: date(id),
                    title: link.title.clone(),
                    url: link.url.clone(),
                })
            })
            .collect();
        sort_for_list(k, &mut items);
        items
    };
    // The lead round is the one asked for, else the latest to have started by the as-of
    // date; a round that has not started yet has no bottom line to give.
    let lead = crate::analysis::lead_round(m, lead);
    let all: Vec<(Kind, Vec<Listed>)> = Kind::ALL.par_iter().map(|k| (*k, listed(*k))).collect();

    for (k, (kind, items)) in all.iter().enumerate() {
        pages.extend(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| item_page((k, *kind, i), &item.url, &item.title)),
        );
        pages.extend(list_pages(
            k,
            *kind,
            items.len(),
            m.site.paginate,
            views.locale(),
        ));
    }
    let items: Vec<(Kind, Vec<String>)> = all
        .into_iter()
        .map(|(k, v)| (k, v.into_iter().map(|x| x.id).collect()))
        .collect();
    pages.push(front_page(m, views, lead, &items));
    // The analyst pages first: they are the largest, best started early.
    pages.splice(0..0, super::analysis_pages::plan(views));
    pages.extend(super::round_views::plan(m, views));
    pages.extend(super::round_views::plan_documents(m, views));
    Plan { pages, items }
}

/// The meetings and statements the front page lists in full (besides its round's brief).
struct FrontLists<'a> {
    /// Meetings after the as-of date, not cancelled, soonest first.
    next: Vec<&'a String>,
    /// The five latest meetings up to the as-of date.
    recent: Vec<&'a String>,
    /// The five first statements of the statements list.
    latest: Vec<&'a String>,
}

fn front_lists<'a>(m: &'a Model, items: &'a [(Kind, Vec<String>)]) -> FrontLists<'a> {
    let as_of = m.site.as_of;
    let mut next: Vec<&crate::model::Meeting> = m
        .meetings
        .values()
        .filter(|x| x.date.first() > as_of && x.status != MeetingStatus::Cancelled)
        .collect();
    next.sort_by_key(|x| (x.date, &x.meta.id));
    let mut recent: Vec<&crate::model::Meeting> = m
        .meetings
        .values()
        .filter(|x| x.date.first() <= as_of)
        .collect();
    recent.sort_by_key(|x| std::cmp::Reverse((x.date, &x.meta.id)));
    let statements = items
        .iter()
        .find(|(k, _)| *k == Kind::Statements)
        .map_or(&[][..], |(_, v)| v.as_slice());
    FrontLists {
        next: next.iter().map(|x| &x.meta.id).collect(),
        recent: recent.iter().take(5).map(|x| &x.meta.id).collect(),
        latest: statements.iter().take(5).collect(),
    }
}

/// True if the front page holds the full view (body included) of item `kind`/`id`.
pub(super) fn front_shows(
    m: &Model,
    views: &Views,
    lead: Option<&crate::model::Round>,
    items: &[(Kind, Vec<String>)],
    kind: Kind,
    id: &str,
) -> bool {
    let briefed = || {
        lead.map(|r| views.round_brief_lists(&views.round_model(&r.meta.id)))
            .unwrap_or_default()
    };
    match kind {
        Kind::Guarantees => true,
        Kind::Rounds => lead.is_some_and(|r| r.meta.id == id),
        Kind::Statements => {
            front_lists(m, items).latest.iter().any(|x| *x == id)
                || briefed().1.iter().any(|x| *x == id)
        }
        Kind::Meetings => {
            let f = front_lists(m, items);
            f.next.iter().chain(&f.recent).any(|x| *x == id) || briefed().0.iter().any(|x| *x == id)
        }
        Kind::Actors | Kind::Sources | Kind::Documents => false,
    }
}

/// The page of the item at position `i` of kind `kind` (number `k` in [`Plan::items`]).
pub(super) fn item_page((k, kind, i): (usize, Kind, usize), url: &str, title: &str) -> Page {
    Page {
        path: url.to_string(),
        template: item_template(kind),
        title: title.to_string(),
        section: kind.dir(),
        data: Vec::new(),
        lazy: Some(Lazy::Item(k, i)),
        marked: None,
    }
}

/// The front page: the current round, what comes next, what was said last, where each
/// guarantee component stands. `items` are each kind's ids in list order.
pub(super) fn front_page(
    m: &Model,
    views: &Views,
    lead: Option<&crate::model::Round>,
    items: &[(Kind, Vec<String>)],
) -> Page {
    let find = |k: Kind| {
        items
            .iter()
            .find(|(kk, _)| *kk == k)
            .map_or(&[][..], |(_, v)| v.as_slice())
    };
    let f = front_lists(m, items);
    let round = lead.map(|r| views.item(Kind::Rounds, &r.meta.id));
    let brief = lead.map(|r| views.round_brief(&views.round_model(&r.meta.id)));
    let chart = lead.and_then(|r| views.rounds_chart(&r.meta.id));
    let all = |kind: Kind, ids: &[&String]| -> Vec<ItemView> {
        ids.iter().map(|id| views.item(kind, id)).collect()
    };
    let next = all(Kind::Meetings, &f.next);
    let recent = all(Kind::Meetings, &f.recent);
    let latest = all(Kind::Statements, &f.latest);
    let guarantees: Vec<ItemView> = find(Kind::Guarantees)
        .iter()
        .map(|id| views.item(Kind::Guarantees, id))
        .collect();
    let cx = Cx::new();
    let counts: Vec<(&str, usize)> = items.iter().map(|(k, v)| (k.dir(), v.len())).collect();
    Page {
        path: crate::routes::FRONT.into(),
        template: "index.html",
        title: m.site.title.clone(),
        section: "index",
        lazy: None,
        marked: None,
        data: vec![
            ("round", round.to_value(&cx)),
            ("brief", brief.to_value(&cx)),
            ("chart", value(&chart)),
            ("next_meetings", next.to_value(&cx)),
            ("recent_meetings", recent.to_value(&cx)),
            ("latest_statements", latest.to_value(&cx)),
            ("guarantees", guarantees.to_value(&cx)),
            (
                "counts",
                value(
                    &counts
                        .into_iter()
                        .collect::<std::collections::BTreeMap<_, _>>(),
                ),
            ),
        ],
    }
}

/// What a page's data is made from when the page is rendered, so the template values
/// of every page never exist at once.
#[derive(Debug, Clone)]
pub(crate) enum Lazy {
    /// The item at (kind, position) in [`Plan::items`], and for a round its brief.
    Item(usize, usize),
    /// An analyst view's page.
    View(crate::routes::View),
    /// A round's frozen view: round id and which view.
    Frozen(String, crate::model::RoundView),
    /// What did not move in a round: its id.
    Unchanged(String),
    /// A document's frozen view: round id and document id.
    FrozenDocument(String, String),
    /// A page of a view split into pages.
    Split(super::split::Part),
    /// A page of a list: positions in the kind's list in [`Plan::items`].
    List(usize, std::ops::Range<usize>),
}

impl Lazy {
    /// The round whose model as of its day ([`Views::round_model`]) the page is made on:
    /// a round's page (its brief), its frozen views and its list of what did not move.
    pub(super) fn round<'a>(&'a self, items: &'a [(Kind, Vec<String>)]) -> Option<&'a str> {
        match self {
            Lazy::Item(k, i) if items[*k].0 == Kind::Rounds => Some(&items[*k].1[*i]),
            Lazy::Frozen(id, _) | Lazy::Unchanged(id) => Some(id),
            _ => None,
        }
    }
}

/// `then` if it is round `id`'s model as of its day, else that model made now.
fn round_model<'a, 'm>(
    views: &Views<'m>,
    then: Option<&'a RoundModel<'m>>,
    id: &str,
) -> Cow<'a, RoundModel<'m>> {
    match then {
        Some(t) if t.round() == id => Cow::Borrowed(t),
        _ => Cow::Owned(views.round_model(id)),
    }
}

/// The data a [`Lazy`] stands for; `then` is the model of the round [`Lazy::round`]
/// names (made here if not given).
pub(super) fn lazy_data<'m>(
    views: &Views<'m>,
    items: &[(Kind, Vec<String>)],
    lead: Option<&str>,
    lazy: &Lazy,
    then: Option<&RoundModel<'m>>,
) -> (Vec<(&'static str, tera::Value)>, Option<Tlp>) {
    let cx = Cx::new();
    // The highest marking of what the page's charts count (made through serde, not
    // noted by `cx`).
    let mut charted = Tlp::Clear;
    let mut chart = |c: Option<crate::render::charts::Chart>| {
        if let Some(c) = &c {
            charted = charted.max(Tlp::parse(c.tlp.word).unwrap_or(Tlp::Clear));
        }
        views.value(&c)
    };
    let data = match lazy {
        Lazy::View(page) => return (super::analysis_pages::data(views, lead, *page), None),
        Lazy::Split(part) => return (super::split::data(views, part), None),
        Lazy::Frozen(id, view) => {
            let then = round_model(views, then, id);
            return (super::round_views::data(views, &then, *view), None);
        }
        Lazy::Unchanged(id) => {
            let then = round_model(views, then, id);
            return (super::round_views::unchanged_data(views, &then), None);
        }
        Lazy::FrozenDocument(round, doc) => {
            return (super::round_views::document_data(views, round, doc), None);
        }
        Lazy::Item(k, i) => {
            let (kind, list) = &items[*k];
            let item = views.item(*kind, &list[*i]);
            let mut data = vec![("item", item.to_value(&cx))];
            if *kind == Kind::Rounds {
                let brief = views.round_brief(&round_model(views, then, &item.id));
                data.push(("brief", brief.to_value(&cx)));
                data.push(("frozen", views.value(&views.frozen(&item.id))));
                data.push(("chart", chart(views.rounds_chart(&item.id))));
            }
            if *kind == Kind::Guarantees {
                data.push(("chart", chart(views.component_chart(&item.id))));
            }
            if *kind == Kind::Documents {
                let picker = views.document_picker(&item.id, None);
                data.push(("picker", views.value(&picker)));
            }
            data
        }
        Lazy::List(k, range) => {
            let (kind, list) = &items[*k];
            let shown: Vec<ItemView> = list[range.clone()]
                .iter()
                .map(|id| views.item(*kind, id))
                .collect();
            vec![("items", shown.to_value(&cx))]
        }
    };
    (data, Some(cx.marking().max(charted)))
}

/// A kind's list (number `k` in [`Plan::items`]), split into pages of `size` items.
pub(super) fn list_pages(
    k: usize,
    kind: Kind,
    len: usize,
    size: usize,
    locale: &crate::i18n::Locale,
) -> Vec<Page> {
    let size = size.max(1);
    super::paginate::pages(len, size)
        .into_iter()
        .map(|p| {
            let start = (p.page - 1) * size;
            Page {
                path: crate::routes::list(kind, p.page),
                template: "list.html",
                title: {
                    let list = locale.text(&format!("kinds.{}", kind.dir()));
                    if p.page == 1 {
                        list.to_string()
                    } else {
                        locale.fill(
                            "title.list_page",
                            &[
                                ("list", &list),
                                ("page", &p.page.to_string()),
                                ("pages", &p.pages.to_string()),
                            ],
                        )
                    }
                },
                section: kind.dir(),
                lazy: Some(Lazy::List(k, start.min(len)..(start + size).min(len))),
                marked: None,
                data: vec![("kind", value(&kind.dir())), ("pagination", value(&p))],
            }
        })
        .collect()
}

fn item_template(k: Kind) -> &'static str {
    match k {
        Kind::Actors => "actor.html",
        Kind::Sources => "source.html",
        Kind::Meetings => "meeting.html",
        Kind::Statements => "statement.html",
        Kind::Guarantees => "guarantee.html",
        Kind::Rounds => "round.html",
        Kind::Documents => "document.html",
    }
}

/// Dated kinds list newest first; the others by title.
fn sort_for_list(kind: Kind, items: &mut [Listed]) {
    match kind {
        Kind::Meetings | Kind::Statements | Kind::Rounds | Kind::Documents => {
            items.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)))
        }
        _ => items.sort_by_cached_key(|x| (x.title.to_lowercase(), x.id.clone())),
    }
}
