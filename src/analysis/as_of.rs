//! The model as it stood at the end of a day: what a reader could know then.
//!
//! Like [`crate::audience::restrict`] restricts a model to what an audience may see,
//! [`model_at`] restricts it to what was known at the end of a day, and every derived
//! view is then computed on the result: the current pages on the model as of the site's
//! `as_of`, each round's frozen views on the model as of the round's end.
//!
//! At the end of `day`:
//! - each contribution has the status it had then ([`status_at`]), reached on the date
//!   of the step that set it; its history keeps the steps dated up to the day; a
//!   contribution with no step by then is dropped;
//! - statements dated after the day are dropped (links to them in bodies become plain
//!   text, as links to withheld items do);
//! - meetings not ended by the day read `planned` if they were held (a later outcome); in a
//!   past view (a day before the site's as-of date) every later outcome reads `planned`,
//!   since even a cancellation may be hindsight;
//! - documents dated after the day are dropped; in the others, provisions introduced
//!   after the day are left out and each party's position reads as contributions do;
//! - the site speaks as of the day.

use super::changes::step_at;
use crate::model::{Kind, Meeting, MeetingStatus, Model, Prose, Step, Tracked};
use jiff::civil::Date;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// The model as it stood at the end of `day` (see the module).
pub fn model_at(m: &Model, day: Date) -> Model {
    let mut out = at_day(m, day, None);
    let gone: BTreeSet<(Kind, String)> = m
        .statements
        .values()
        .filter(|s| s.date.last() > day)
        .map(|s| (Kind::Statements, s.meta.id.clone()))
        .chain(
            m.documents
                .values()
                .filter(|d| !d.tabled_by(day))
                .map(|d| (Kind::Documents, d.meta.id.clone())),
        )
        .collect();
    if !gone.is_empty() {
        unlink(&mut out, &gone);
    }
    out.links = crate::model::Links::compute(&out);
    out
}

/// [`model_at`] for views that show only a few items (a past round's brief, its frozen
/// matrix): only the meetings, statements, actors and sources `keep` accepts are carried
/// over (besides the time rule), so that a round's frozen model costs what its views
/// show, not the whole briefing. The caller keeps every item its views refer to. Bodies
/// keep their links to statements after the day: those views link to the pages of the
/// current site, where they exist.
pub fn model_at_keeping(m: &Model, day: Date, keep: &Keep) -> Model {
    let mut out = at_day(m, day, Some(keep));
    out.links = crate::model::Links::compute(&out);
    out
}

/// The meetings, statements, actors and sources [`model_at_keeping`] carries over, by id
/// (ids not in the model are ignored).
#[derive(Debug, Clone, Default)]
pub struct Keep<'a> {
    /// Meeting ids.
    pub meetings: BTreeSet<&'a str>,
    /// Statement ids.
    pub statements: BTreeSet<&'a str>,
    /// Actor ids.
    pub actors: BTreeSet<&'a str>,
    /// Source ids.
    pub sources: BTreeSet<&'a str>,
}

/// True if the model as of `day` is `m` itself: nothing in it is dated after the day
/// but meetings still planned. A scan without allocation, so that a site with nothing
/// after its as-of date (the usual case) is not copied.
pub fn unchanged_at(m: &Model, day: Date) -> bool {
    m.statements.values().all(|s| s.date.last() <= day)
        && m.meetings
            .values()
            .all(|x| meeting_status_at(x, day, m.site.as_of) == x.status)
        && m.guarantees.values().all(|g| {
            g.contributions.iter().all(|c| {
                c.since.is_none_or(|d| d.last() <= day)
                    && c.history.iter().all(|h| h.date.last() <= day)
            })
        })
        && m.documents
            .values()
            .all(|d| super::documents::unchanged_at(d, day))
}

/// The model the current pages show: as of the site's `as_of`, or of the end of round
/// `round` if that is earlier (a build with `--round`); borrowed when that is the
/// site's `as_of` and nothing is dated after it.
pub fn current<'m>(m: &'m Model, round: Option<&str>) -> Cow<'m, Model> {
    let day = round
        .and_then(|id| m.rounds.get(id))
        .map_or(m.site.as_of, |r| r.end.min(m.site.as_of));
    if day == m.site.as_of && unchanged_at(m, day) {
        Cow::Borrowed(m)
    } else {
        Cow::Owned(model_at(m, day))
    }
}

/// The model at the end of `day`, with only the meetings, statements, actors and sources
/// `keep` names (all of them with `None`); reverse links not computed.
fn at_day(m: &Model, day: Date, keep: Option<&Keep>) -> Model {
    let mut out = Model {
        site: m.site.clone(),
        actors: kept(&m.actors, keep.map(|k| &k.actors)),
        sources: kept(&m.sources, keep.map(|k| &k.sources)),
        meetings: kept(&m.meetings, keep.map(|k| &k.meetings)),
        statements: kept(&m.statements, keep.map(|k| &k.statements)),
        guarantees: m.guarantees.clone(),
        rounds: m.rounds.clone(),
        documents: m.documents.clone(),
        links: Default::default(),
        translations: m.translations.clone(),
    };
    out.statements.retain(|_, s| s.date.last() <= day);
    for x in out.meetings.values_mut() {
        x.status = meeting_status_at(x, day, m.site.as_of);
    }
    out.site.as_of = day;
    for g in out.guarantees.values_mut() {
        g.contributions = std::mem::take(&mut g.contributions)
            .into_iter()
            .filter_map(|c| tracked_at(c, day))
            .collect();
    }
    out.documents.retain(|_, d| d.tabled_by(day));
    for d in out.documents.values_mut() {
        super::documents::document_at(d, day);
    }
    out
}

/// The items named in `ids`, or all of them with `None`.
fn kept<T: Clone>(
    items: &BTreeMap<String, T>,
    ids: Option<&BTreeSet<&str>>,
) -> BTreeMap<String, T> {
    match ids {
        None => items.clone(),
        // Looked up one by one: a round's views name a few items of thousands.
        Some(ids) => ids
            .iter()
            .filter_map(|id| items.get_key_value(*id))
            .map(|(id, x)| (id.clone(), x.clone()))
            .collect(),
    }
}

/// A contribution (or a party's position) as it stood at the end of `day`, or `None`
/// before its first step. When a history step set its status then, that step becomes
/// the current status, with its date, note and sources (the later status's note and
/// sources are not known yet).
pub(crate) fn tracked_at<T: Tracked>(mut c: T, day: Date) -> Option<T> {
    let then = step_at(&c, day)?;
    let cur = c.current_mut();
    let mut history: Vec<(usize, Step)> = std::mem::take(cur.history)
        .into_iter()
        .enumerate()
        .filter(|(_, h)| h.date.last() <= day)
        .collect();
    if let Some(i) = then {
        let pos = history.iter().position(|(j, _)| *j == i)?;
        let (_, step) = history.remove(pos);
        *cur.status = step.status;
        *cur.since = Some(step.date);
        *cur.note = step.note;
        *cur.citations = step.citations;
    }
    *cur.history = history.into_iter().map(|(_, h)| h).collect();
    Some(c)
}

/// A meeting's status in a view dated `day`: one that had not ended by then reads
/// `planned` if it was held (a later outcome), and so does every later outcome in a past
/// view (a day before the site's as-of date), where even a cancellation may be hindsight.
fn meeting_status_at(x: &Meeting, day: Date, as_of: Date) -> MeetingStatus {
    let ended = x.end_date.unwrap_or(x.date).last() <= day;
    if ended || x.status == MeetingStatus::Planned {
        x.status
    } else if x.status == MeetingStatus::Held || day < as_of {
        MeetingStatus::Planned
    } else {
        x.status
    }
}

/// Makes links to `gone` items in every body plain text.
fn unlink(m: &mut Model, gone: &BTreeSet<(Kind, String)>) {
    let body = |prose: &mut Prose| prose.withhold(gone);
    let opt = |prose: &mut Option<Prose>| prose.iter_mut().for_each(body);
    opt(&mut m.site.description_html);
    m.actors
        .values_mut()
        .for_each(|a| opt(&mut a.description_html));
    m.sources
        .values_mut()
        .for_each(|s| opt(&mut s.description_html));
    m.rounds.values_mut().for_each(|r| opt(&mut r.summary_html));
    m.meetings.values_mut().for_each(|x| body(&mut x.body_html));
    m.statements
        .values_mut()
        .for_each(|x| body(&mut x.body_html));
    m.guarantees
        .values_mut()
        .for_each(|x| body(&mut x.body_html));
    m.documents
        .values_mut()
        .for_each(|x| body(&mut x.body_html));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contribution, Status};

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn example() -> Model {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/analysis");
        crate::Site::load(&root).expect("the fixture loads").model
    }

    fn step(date: &str, status: Status) -> Step {
        Step {
            date: day(date).into(),
            status,
            note: None,
            citations: Vec::new(),
        }
    }

    fn contribution(status: Status, since: Option<&str>, history: Vec<Step>) -> Contribution {
        Contribution {
            since: since.map(|d| day(d).into()),
            history,
            ..Contribution::bare(status)
        }
    }

    #[test]
    fn a_contribution_reads_its_status_then() {
        let c = contribution(
            Status::Withdrawn,
            Some("2026-03-01"),
            vec![
                step("2026-01-01", Status::Declared),
                step("2026-02-01", Status::Signed),
            ],
        );
        let then = tracked_at(c.clone(), day("2026-02-15")).unwrap();
        assert_eq!(then.status, Status::Signed);
        assert_eq!(then.since, Some(day("2026-02-01").into()));
        assert_eq!(then.history, vec![step("2026-01-01", Status::Declared)]);
        // On the day of the current step, nothing changes.
        assert_eq!(tracked_at(c.clone(), day("2026-03-01")), Some(c.clone()));
        // Before its first step, it did not exist.
        assert_eq!(tracked_at(c, day("2025-12-31")), None);
    }

    #[test]
    fn a_history_step_after_since_is_read_as_status_at_reads_it() {
        let c = contribution(
            Status::Agreed,
            Some("2026-01-01"),
            vec![step("2026-02-01", Status::Signed)],
        );
        let then = tracked_at(c, day("2026-02-10")).unwrap();
        assert_eq!(
            (then.status, then.since),
            (Status::Signed, Some(day("2026-02-01").into()))
        );
        assert!(then.history.is_empty());
    }

    #[test]
    fn an_undated_status_holds_from_its_last_step_or_always() {
        let always = contribution(Status::Agreed, None, Vec::new());
        assert_eq!(tracked_at(always.clone(), day("2000-01-01")), Some(always));
        let after = contribution(
            Status::Agreed,
            None,
            vec![step("2026-02-01", Status::Declared)],
        );
        assert_eq!(tracked_at(after.clone(), day("2026-01-31")), None);
        assert_eq!(tracked_at(after.clone(), day("2026-02-01")), Some(after));
    }

    #[test]
    fn later_statements_go_and_later_meetings_are_planned() {
        let mut m = example();
        m.meetings.get_mut("next").unwrap().status = MeetingStatus::Held;
        let at = model_at(&m, day("2026-02-02"));
        assert_eq!(at.site.as_of, day("2026-02-02"));
        assert!(at.statements.contains_key("named"), "dated on the day");
        assert!(!at.statements.contains_key("anon"), "dated after the day");
        assert_eq!(at.meetings["next"].status, MeetingStatus::Planned);
        // Alpha by Aland was declared then (signed on 3 February); More alpha not yet.
        let alpha = &at.guarantees["alpha"].contributions;
        assert_eq!(alpha.len(), 2);
        assert_eq!(alpha[0].status, Status::Declared);
        assert!(at.links.actor_contributions["a"].contains(&("alpha".into(), 0)));
        assert!(!unchanged_at(&m, day("2026-02-02")));
    }

    #[test]
    fn a_past_view_keeps_each_contribution_s_anchor() {
        let mut m = example();
        // First in its file, but not yet made on the day: the contributions after it
        // must keep the anchors they have on the current pages, which past views link to.
        let alpha = m.guarantees.get_mut("alpha").unwrap();
        let later = alpha.contributions[2].clone();
        alpha.contributions.insert(0, later);
        for (place, c) in alpha.contributions.iter_mut().enumerate() {
            c.place = place;
        }
        let at = model_at(&m, day("2026-02-02"));
        let anchors: Vec<String> = at.guarantees["alpha"]
            .contributions
            .iter()
            .map(crate::routes::contribution_anchor)
            .collect();
        assert_eq!(anchors, ["contribution-2", "contribution-3"]);
    }

    #[test]
    fn nothing_after_the_day_means_no_copy() {
        let m = example();
        assert!(unchanged_at(&m, m.site.as_of));
        assert!(matches!(current(&m, None), Cow::Borrowed(_)));
        // A build led by an earlier round speaks as of its end.
        assert_eq!(current(&m, Some("r1")).site.as_of, m.rounds["r1"].end);
        // And the model as of that day is the same model.
        let at = model_at(&m, m.site.as_of);
        assert_eq!(at.guarantees, m.guarantees);
        assert_eq!(at.statements, m.statements);
        assert_eq!(at.meetings, m.meetings);
    }

    #[test]
    fn keeping_carries_only_what_is_kept() {
        let m = example();
        let keep = Keep {
            statements: ["anon"].into(),
            meetings: ["next"].into(),
            actors: m.actors.keys().map(String::as_str).collect(),
            sources: m.sources.keys().map(String::as_str).collect(),
        };
        let at = model_at_keeping(&m, day("2026-03-04"), &keep);
        assert_eq!(at.statements.keys().collect::<Vec<_>>(), ["anon"]);
        assert_eq!(at.meetings.len(), 1);
    }
}
