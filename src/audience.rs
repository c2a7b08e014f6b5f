//! Audience builds: the model restricted to what an audience may see.
//!
//! Items and contributions marked above the audience are removed before anything is
//! rendered, so no page, export or count can mention them. References from what stays
//! to what goes become [`Ref::Withheld`], which pages show as "(withheld)" without
//! a link; Markdown links to withheld items lose their target the same way.

use crate::markdown::Prose;
use crate::model::*;
use std::collections::{BTreeMap, BTreeSet};

/// How much each marking withheld.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Withheld {
    /// Items withheld, per marking.
    pub items: BTreeMap<Tlp, usize>,
    /// Contributions withheld from included guarantee components, per marking.
    pub contributions: BTreeMap<Tlp, usize>,
    /// Provisions and positions withheld from included documents, per marking.
    pub document_parts: BTreeMap<Tlp, usize>,
    /// The items withheld, by kind and id.
    pub ids: BTreeSet<(Kind, String)>,
}

impl Withheld {
    /// True if nothing was withheld.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.contributions.is_empty() && self.document_parts.is_empty()
    }

    /// "withheld: 2 items marked TLP:AMBER, 1 contribution marked TLP:GREEN".
    pub fn summary(&self) -> String {
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        let mut parts = Vec::new();
        for (tlp, n) in &self.items {
            parts.push(format!("{} marked {}", plural(*n, "item"), tlp.label()));
        }
        for (tlp, n) in &self.contributions {
            parts.push(format!(
                "{} marked {}",
                plural(*n, "contribution"),
                tlp.label()
            ));
        }
        for (tlp, n) in &self.document_parts {
            let what = if *n == 1 {
                "provision or position"
            } else {
                "provisions or positions"
            };
            parts.push(format!("{n} {what} marked {}", tlp.label()));
        }
        format!("withheld: {}", parts.join(", "))
    }
}

/// Removes everything marked above `audience` and every trace of it.
pub fn restrict(mut m: Model, audience: Tlp) -> (Model, Withheld) {
    let mut withheld = Withheld::default();
    m.site.audience = audience;
    let mut gone: BTreeSet<(Kind, String)> = BTreeSet::new();
    macro_rules! drop_above {
        ($map:expr, $kind:expr) => {
            $map.retain(|id, x| {
                let keep = x.meta.tlp <= audience;
                if !keep {
                    *withheld.items.entry(x.meta.tlp).or_default() += 1;
                    gone.insert(($kind, id.clone()));
                }
                keep
            });
        };
    }
    drop_above!(m.actors, Kind::Actors);
    drop_above!(m.sources, Kind::Sources);
    drop_above!(m.meetings, Kind::Meetings);
    drop_above!(m.statements, Kind::Statements);
    drop_above!(m.guarantees, Kind::Guarantees);
    drop_above!(m.rounds, Kind::Rounds);
    drop_above!(m.documents, Kind::Documents);
    if gone.is_empty()
        && m.guarantees
            .values()
            .all(|g| g.contributions.iter().all(|c| c.tlp <= audience))
        && !documents_withhold(&m, audience)
    {
        return (m, withheld);
    }

    let hide = |kind: Kind, r: &mut Ref| {
        if let Ref::Id(id) = r
            && gone.contains(&(kind, id.clone()))
        {
            *r = Ref::Withheld;
        }
    };
    let cites = |cs: &mut Vec<Citation>| {
        cs.iter_mut()
            .for_each(|c| hide(Kind::Sources, &mut c.source))
    };
    let body = |prose: &mut Prose| prose.withhold(&gone);
    let opt_body = |prose: &mut Option<Prose>| {
        if let Some(p) = prose {
            p.withhold(&gone);
        }
    };

    if let Some(d) = m.site.description_html.as_mut() {
        body(d);
    }
    for a in m.actors.values_mut() {
        a.country.iter_mut().for_each(|c| hide(Kind::Actors, c));
        a.affiliation.iter_mut().for_each(|c| hide(Kind::Actors, c));
        opt_body(&mut a.description_html);
        cites(&mut a.meta.citations);
    }
    for s in m.sources.values_mut() {
        s.derived_from
            .iter_mut()
            .for_each(|d| hide(Kind::Sources, d));
        s.channel_of.iter_mut().for_each(|a| hide(Kind::Actors, a));
        opt_body(&mut s.description_html);
        cites(&mut s.meta.citations);
    }
    for r in m.rounds.values_mut() {
        opt_body(&mut r.summary_html);
        cites(&mut r.meta.citations);
    }
    for x in m.meetings.values_mut() {
        x.convened_by.iter_mut().for_each(|a| hide(Kind::Actors, a));
        x.participants
            .iter_mut()
            .for_each(|p| hide(Kind::Actors, &mut p.actor));
        x.round.iter_mut().for_each(|r| hide(Kind::Rounds, r));
        x.documents
            .iter_mut()
            .for_each(|d| hide(Kind::Documents, d));
        body(&mut x.body_html);
        cites(&mut x.meta.citations);
    }
    for x in m.statements.values_mut() {
        x.speaker.iter_mut().for_each(|a| hide(Kind::Actors, a));
        if x.speaker == Some(Ref::Withheld) && !x.title_given {
            x.title = format!("(withheld), {}", x.date.long());
        }
        x.meeting.iter_mut().for_each(|a| hide(Kind::Meetings, a));
        x.about.iter_mut().for_each(|a| hide(Kind::Guarantees, a));
        x.responds_to
            .iter_mut()
            .chain(x.contradicts.iter_mut())
            .for_each(|s| hide(Kind::Statements, s));
        for c in &mut x.claims {
            match &mut c.subject {
                Subject::Document(d) => hide(Kind::Documents, d),
                Subject::Components(gs) => gs.iter_mut().for_each(|g| hide(Kind::Guarantees, g)),
                Subject::Untracked(_) => {}
            }
            c.parties.iter_mut().for_each(|a| hide(Kind::Actors, a));
        }
        body(&mut x.body_html);
        cites(&mut x.meta.citations);
    }
    // Each component's kept contributions' places before renumbering, and each
    // document's kept provisions: their translated words follow them.
    let mut kept_places: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut kept_provisions: BTreeSet<(String, String)> = BTreeSet::new();
    for (gid, g) in m.guarantees.iter_mut() {
        g.contributions.retain(|c| {
            let keep = c.tlp <= audience;
            if !keep {
                *withheld.contributions.entry(c.tlp).or_default() += 1;
            }
            keep
        });
        kept_places.insert(
            gid.clone(),
            g.contributions.iter().map(|c| c.place).collect(),
        );
        for (place, c) in g.contributions.iter_mut().enumerate() {
            c.place = place;
            hide(Kind::Actors, &mut c.by);
            c.requested_by
                .iter_mut()
                .for_each(|a| hide(Kind::Actors, a));
            cites(&mut c.citations);
            c.history.iter_mut().for_each(|h| cites(&mut h.citations));
        }
        body(&mut g.body_html);
        cites(&mut g.meta.citations);
    }
    for (did, d) in m.documents.iter_mut() {
        d.provisions.retain(|p| {
            let keep = p.tlp <= audience;
            if !keep {
                *withheld.document_parts.entry(p.tlp).or_default() += 1;
            }
            keep
        });
        kept_provisions.extend(d.provisions.iter().map(|p| (did.clone(), p.id.clone())));
        for p in &mut d.provisions {
            p.positions.retain(|x| {
                let keep = x.tlp <= audience;
                if !keep {
                    *withheld.document_parts.entry(x.tlp).or_default() += 1;
                }
                keep
            });
            p.concerns
                .iter_mut()
                .for_each(|g| hide(Kind::Guarantees, g));
            for x in &mut p.positions {
                hide(Kind::Actors, &mut x.party);
                cites(&mut x.citations);
                x.history.iter_mut().for_each(|h| cites(&mut h.citations));
            }
            // A withheld party's position is not shown, nor counted.
            p.positions.retain(|x| x.party != Ref::Withheld);
        }
        d.parties.iter_mut().for_each(|a| hide(Kind::Actors, a));
        d.supersedes
            .iter_mut()
            .for_each(|s| hide(Kind::Documents, s));
        body(&mut d.body_html);
        cites(&mut d.meta.citations);
    }
    // A condition withheld (its component or the contribution itself) leaves no trace.
    let kept: BTreeSet<(String, String)> = m
        .guarantees
        .iter()
        .flat_map(|(gid, g)| {
            g.contributions
                .iter()
                .filter_map(move |c| c.id.clone().map(|id| (gid.clone(), id)))
        })
        .collect();
    for g in m.guarantees.values_mut() {
        for c in &mut g.contributions {
            c.conditional_on
                .retain(|r| kept.contains(&(r.guarantee.clone(), r.contribution.clone())));
        }
    }
    // The default as-of date is the latest date in the content; a withheld date must not set it.
    if !m.site.as_of_given
        && let Some(d) = latest_date(
            &m.meetings,
            &m.statements,
            &m.guarantees,
            &m.rounds,
            &m.documents,
        )
    {
        m.site.as_of = d;
    }
    restrict_translations(&mut m.translations, &gone, &kept_places, &kept_provisions);
    m.links = Links::compute(&m);
    withheld.ids = gone;
    (m, withheld)
}

/// A withheld item's translations go with it; a kept one's lose the words of withheld
/// contributions and provisions, and their links to withheld items.
fn restrict_translations(
    ts: &mut Translations,
    gone: &BTreeSet<(Kind, String)>,
    kept_places: &BTreeMap<String, Vec<usize>>,
    kept_provisions: &BTreeSet<(String, String)>,
) {
    use crate::model::Words;
    let prose = |p: &mut Option<Prose>| {
        if let Some(p) = p {
            p.withhold(gone);
        }
    };
    ts.retain(
        |kind, id| !gone.contains(&(kind, id.to_string())),
        |_, id, t| match &mut t.words {
            Words::Actor(w) => prose(&mut w.description_html),
            Words::Source(w) => prose(&mut w.description_html),
            Words::Meeting(w) => prose(&mut w.body_html),
            Words::Statement(w) => prose(&mut w.body_html),
            Words::Round(w) => prose(&mut w.summary_html),
            Words::Guarantee(w) => {
                prose(&mut w.body_html);
                let mut old = std::mem::take(&mut w.contributions);
                w.contributions = kept_places
                    .get(id)
                    .into_iter()
                    .flatten()
                    .enumerate()
                    .filter_map(|(new, was)| old.remove(was).map(|x| (new, x)))
                    .collect();
            }
            Words::Document(w) => {
                prose(&mut w.body_html);
                w.provisions
                    .retain(|p, _| kept_provisions.contains(&(id.to_string(), p.clone())));
            }
        },
    );
}

/// True if a document's provision or position is marked above `audience`.
fn documents_withhold(m: &Model, audience: Tlp) -> bool {
    m.documents.values().any(|d| {
        d.provisions
            .iter()
            .any(|p| p.tlp > audience || p.positions.iter().any(|x| x.tlp > audience))
    })
}

/// True if [`restrict`] would withhold anything from `audience`.
pub fn withholds(m: &Model, audience: Tlp) -> bool {
    fn above<T>(items: &BTreeMap<String, T>, tlp: impl Fn(&T) -> Tlp, audience: Tlp) -> bool {
        items.values().any(|x| tlp(x) > audience)
    }
    above(&m.actors, |x| x.meta.tlp, audience)
        || above(&m.sources, |x| x.meta.tlp, audience)
        || above(&m.meetings, |x| x.meta.tlp, audience)
        || above(&m.statements, |x| x.meta.tlp, audience)
        || above(&m.rounds, |x| x.meta.tlp, audience)
        || above(&m.documents, |x| x.meta.tlp, audience)
        || documents_withhold(m, audience)
        || m.guarantees
            .values()
            .any(|g| g.meta.tlp > audience || g.contributions.iter().any(|c| c.tlp > audience))
}
