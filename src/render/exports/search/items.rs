//! Every searchable item as results show it (kind, title, page, note), with its words
//! folded for the index: in result order, each in the language its page shows it in.

use super::terms;
use crate::markdown::Prose;
use crate::model::translation::{
    ActorWords, DocumentWords, GuaranteeWords, MeetingWords, StatementWords,
};
use crate::model::{Kind, Model, Ref};
use crate::render::exports::text::{Bodies, plain};
use crate::render::view::{ProvisionText, Shown, Views};
use rayon::prelude::*;
use std::borrow::Cow;

/// One item as results show it.
pub(super) struct Doc {
    /// Kind, singular: `meeting`, `statement`, `guarantee`, `actor`, `document`.
    pub kind: &'static str,
    pub title: String,
    /// Page, relative to the site root.
    pub url: String,
    /// A short note (date, attribution, role).
    pub note: String,
    /// Its words folded, the title's first: `folded[..title_len]` is the title, the
    /// rest its other words, each piece after a space.
    folded: String,
    title_len: usize,
}

impl Doc {
    /// Its terms in order, with repeats, each with whether it comes from the title.
    pub fn terms(&self) -> impl Iterator<Item = (&str, bool)> {
        let (title, rest) = self.folded.split_at(self.title_len);
        let title = terms::words(title).map(|t| (t, true));
        title.chain(terms::words(rest).map(|t| (t, false)))
    }
}

/// Every searchable item, withheld or not, in result order.
fn listed(m: &Model) -> Vec<(Kind, &String)> {
    let mut first: Vec<(Kind, &String)> = Vec::new();
    for kind in [Kind::Guarantees, Kind::Documents, Kind::Actors] {
        first.extend(m.ids(kind).into_iter().map(|id| (kind, id)));
    }
    let mut dated: Vec<(Kind, &String)> = [Kind::Meetings, Kind::Statements]
        .into_iter()
        .flat_map(|k| m.ids(k).into_iter().map(move |id| (k, id)))
        .collect();
    let last = |k: Kind, id: &str| m.item(k, id).and_then(|x| x.date()).map(|d| d.last());
    dated.sort_by(|a, b| {
        last(b.0, b.1)
            .cmp(&last(a.0, a.1))
            .then(a.0.cmp(&b.0))
            .then(a.1.cmp(b.1))
    });
    first.extend(dated);
    first
}

/// The items of the index as a full render made them, kept for partial renders (see
/// `render::partial::Kept`): an edit that changes only some items' words makes only
/// their entries again, not every item's.
pub struct Entries {
    docs: Vec<Doc>,
    /// Where each item's entry is in `docs`.
    at: std::collections::HashMap<(Kind, String), usize>,
}

impl Entries {
    /// Every item's entry, in result order (made in parallel); `bodies` are the plain
    /// text of `m`'s bodies.
    pub fn new(m: &Model, views: &Views, bodies: &Bodies) -> Self {
        let made: Vec<(Kind, &String, Option<Doc>)> = listed(m)
            .into_par_iter()
            .map(|(kind, id)| (kind, id, doc(m, views, bodies, kind, id)))
            .collect();
        let mut docs = Vec::with_capacity(made.len());
        let mut at = std::collections::HashMap::with_capacity(made.len());
        for (kind, id, d) in made {
            if let Some(d) = d {
                at.insert((kind, id.clone()), docs.len());
                docs.push(d);
            }
        }
        Entries { docs, at }
    }

    /// Makes the entries of `edited` again from `m`, an edit of the model the entries were
    /// made from that changed only those items' words or fields no link shows (not their
    /// titles, dates, markings or references, so not the order or who is withheld);
    /// `false` (nothing changed) if one of them is not where it was.
    pub fn update(&mut self, m: &Model, views: &Views, edited: &[(Kind, String)]) -> bool {
        let mut made = Vec::new();
        for (kind, id) in edited {
            let Some(n) = self.at.get(&(*kind, id.clone())) else {
                if matches!(kind, Kind::Sources | Kind::Rounds) {
                    continue;
                }
                return false;
            };
            let Some(d) = doc(m, views, &Bodies::of_one(m, *kind, id), *kind, id) else {
                return false;
            };
            made.push((*n, d));
        }
        for (n, d) in made {
            self.docs[n] = d;
        }
        true
    }

    /// The entries, in result order.
    pub(super) fn docs(&self) -> &[Doc] {
        &self.docs
    }
}

/// The item `kind`/`id` (a meeting, statement, guarantee, actor or document) as results
/// show it, with its terms; `None` if withheld.
fn doc(m: &Model, views: &Views, bodies: &Bodies, kind: Kind, id: &str) -> Option<Doc> {
    // The item's own words as its page shows them: in the views' language where its
    // translation gives them, else the original's.
    let w = views.words_of_id(kind, id);
    let m_words = views.m;
    // A withheld reference names nothing: it adds no word.
    let name = |a: &Ref| {
        a.id()
            .and_then(|a| m.actors.get(a))
            .map_or("", |x| x.name.as_str())
    };
    let who;
    let body;
    let description;
    let parties: Vec<String>;
    let provisions: Vec<ProvisionText>;
    let (note, words): (String, Vec<&str>) = match kind {
        Kind::Meetings => {
            let x = &m_words.meetings[id];
            body = plain_or(
                w.word(|t: &MeetingWords| t.body_html.as_ref(), &x.body_html),
                &x.body_html,
                bodies.meeting(id),
            );
            let location = w.opt_word(
                |t: &MeetingWords| t.location.as_deref(),
                x.location.as_deref(),
            );
            let mut w = vec![body.as_ref(), location.map_or("", |l| l.text)];
            w.extend(x.participants.iter().map(|p| name(&p.actor)));
            w.extend(x.convened_by.iter().map(name));
            w.extend(x.meta.tags.iter().map(String::as_str));
            (x.date.long(), w)
        }
        Kind::Statements => {
            let x = &m_words.statements[id];
            who = views.attribution(x);
            body = plain_or(
                w.word(|t: &StatementWords| t.body_html.as_ref(), &x.body_html),
                &x.body_html,
                bodies.statement(id),
            );
            let mut w = vec![body.as_ref(), who.as_str()];
            w.extend(
                x.about
                    .iter()
                    .filter_map(|g| m.guarantees.get(g.id()?))
                    .map(|g| g.title.as_str()),
            );
            w.extend(x.meta.tags.iter().map(String::as_str));
            (format!("{}, {who}", x.date.long()), w)
        }
        Kind::Guarantees => {
            let x = &m_words.guarantees[id];
            body = plain_or(
                w.word(|t: &GuaranteeWords| t.body_html.as_ref(), &x.body_html),
                &x.body_html,
                bodies.guarantee(id),
            );
            let summary = w.opt_word(
                |t: &GuaranteeWords| t.summary.as_deref(),
                x.summary.as_deref(),
            );
            let mut w = vec![body.as_ref(), summary.map_or("", |s| s.text)];
            for (i, c) in x.contributions.iter().enumerate() {
                w.push(views.commitment(id, i).text);
                w.push(name(&c.by));
            }
            w.extend(x.meta.tags.iter().map(String::as_str));
            (x.category.as_str().to_string(), w)
        }
        Kind::Documents => {
            let x = &m_words.documents[id];
            let shown = w.word(|t: &DocumentWords| t.body_html.as_ref(), &x.body_html);
            description = plain(&shown.text.html(""));
            parties = x.parties.iter().map(|p| name(p).to_string()).collect();
            let mut w = vec![description.as_str(), x.kind.label()];
            w.extend(parties.iter().map(String::as_str));
            provisions = x
                .provisions
                .iter()
                .map(|p| views.provision_words(x, p))
                .collect();
            for p in &provisions {
                w.push(p.label.as_deref().unwrap_or(""));
                w.push(&p.title);
                w.push(p.summary.as_deref().unwrap_or(""));
            }
            w.extend(x.meta.tags.iter().map(String::as_str));
            let date = x
                .date
                .map_or_else(|| "date unknown".to_string(), |d| d.long());
            (format!("{date}, {}", x.kind.label()), w)
        }
        _ => {
            let x = &m_words.actors[id];
            // Actor descriptions are used here only: made plain where needed.
            description = w
                .opt_word(
                    |t: &ActorWords| t.description_html.as_ref(),
                    x.description_html.as_ref(),
                )
                .map(|d| plain(&d.text.html("")))
                .unwrap_or_default();
            let role = w
                .opt_word(|t: &ActorWords| t.role.as_deref(), x.role.as_deref())
                .map_or("", |r| r.text);
            // The original's other names stay searchable beside the translation's.
            let aliases = w.word(|t: &ActorWords| Some(&t.aliases), &x.aliases);
            let mut w: Vec<&str> = x.aliases.iter().map(String::as_str).collect();
            if !std::ptr::eq(aliases.text, &x.aliases) {
                w.extend(aliases.text.iter().map(String::as_str));
            }
            w.push(role);
            w.push(&description);
            w.extend(x.meta.tags.iter().map(String::as_str));
            (role.to_string(), w)
        }
    };
    let link = views.item_link(kind, id)?;
    // Each piece folded on its own (folding depends on context), after a space: the
    // words are those of the pieces one by one.
    let mut folded =
        String::with_capacity(link.title.len() + words.iter().map(|w| w.len() + 1).sum::<usize>());
    terms::fold_into(&link.title, &mut folded);
    let title_len = folded.len();
    for w in &words {
        folded.push(' ');
        terms::fold_into(w, &mut folded);
    }
    Some(Doc {
        kind: kind.singular(),
        title: link.title.clone(),
        url: link.url.clone(),
        note,
        folded,
        title_len,
    })
}

/// A body made plain: the original's as `bodies` made it once, or a translation's.
fn plain_or<'a>(shown: Shown<'a, Prose>, original: &Prose, cached: &'a str) -> Cow<'a, str> {
    if std::ptr::eq(shown.text, original) {
        Cow::Borrowed(cached)
    } else {
        Cow::Owned(plain(&shown.text.html("")))
    }
}
