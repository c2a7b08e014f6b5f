//! Guarantee components and their contributions: ids, requests, conditions, history.

use super::checker::Checker;
use crate::dates::When;
use crate::diagnostics::{Code, Diagnostic};
use crate::load::Doc;
use crate::model::*;
use crate::raw::*;

/// A guarantee component and its contributions.
pub fn guarantee(doc: &Doc<RawGuarantee>, c: &mut Checker) -> Guarantee {
    let r = &doc.raw;
    let title = c.required(&r.title, "title");
    if r.category.is_none() {
        c.missing("category");
    }
    let category = c.term(&r.category, "category", Vocabulary::Categories);
    let meta = super::items::meta(doc, c, &r.tags, &r.tlp, &r.sources);
    let contributions = r
        .contributions
        .iter()
        .flatten()
        .enumerate()
        .filter_map(|(place, rc)| contribution(rc, place, c, meta.tlp))
        .collect();
    unique_contribution_ids(r, c);
    Guarantee {
        summary: c.text(&r.summary),
        body_html: c.markdown(&doc.body, doc.body_line),
        meta,
        title: title.unwrap_or_default(),
        category: category.unwrap_or_else(|| Term::builtin(Category::Other.as_str())),
        contributions,
    }
}

fn contribution(
    rc: &S<RawContribution>,
    place: usize,
    c: &mut Checker,
    default_tlp: Tlp,
) -> Option<Contribution> {
    let at = c.pos(rc);
    let r = &rc.value;
    let tlp = c.tlp(&r.tlp, default_tlp);
    // References from a contribution are judged against its own marking.
    let item_marking = c.set_marking(tlp);
    for (field, missing) in [
        ("by", r.by.is_none()),
        ("commitment", r.commitment.is_none()),
        ("status", r.status.is_none()),
    ] {
        if missing {
            c.error(
                Diagnostic::error(
                    Code::MissingField,
                    format!("contribution without `{field}`"),
                )
                .at(at)
                .help(format!(
                    "each contribution needs `by`, `commitment` and `status`; add `{field}:`"
                )),
            );
        }
    }
    let id =
        r.id.as_ref()
            .and_then(|v| c.slug_id(v, "contribution", "eu-relief"));
    let by = c.opt_ref(Kind::Actors, &r.by, "by");
    let requested_by = c.opt_ref(Kind::Actors, &r.requested_by, "requested_by");
    let conditional_on: Vec<ContributionRef> = r
        .conditional_on
        .iter()
        .flatten()
        .filter_map(|v| c.contribution_ref(v, "conditional_on"))
        .collect();
    let commitment = c.text(&r.commitment);
    let status = c.word(&r.status, "status", Status::parse, Status::ALL);
    let current = status;
    let since = c.date(&r.since, "since");
    let due = c.date(&r.due, "due");
    let until = c.date(&r.until, "until");
    let amount = r.amount.as_ref().and_then(|a| {
        let a_at = c.pos(a);
        match (&a.value.value, &a.value.unit) {
            (Some(v), Some(u)) if !u.value.trim().is_empty() => Some(Amount {
                value: v.value,
                unit: u.value.trim().to_string(),
            }),
            _ => {
                c.error(
                    Diagnostic::error(Code::MissingField, "`amount` needs both `value` and `unit`")
                        .at(a_at)
                        .help("e.g. `amount: {value: 3, unit: EUR bn}`"),
                );
                None
            }
        }
    });
    let history = history(c, &r.history, since, current, &r.since);
    let citations = c.citations(&r.sources);
    c.set_marking(item_marking);
    Some(Contribution {
        id,
        place,
        requested_by: requested_by.map(Ref::Id),
        conditional_on,
        by: Ref::Id(by?),
        commitment: commitment?,
        status: status?,
        since,
        note: c.text(&r.note),
        continuing: r.continuing.as_ref().is_some_and(|b| b.value),
        due,
        until,
        amount,
        conditions: r.conditions.clone().unwrap_or_default(),
        history,
        citations,
        tlp,
    })
}

/// The history steps of a tracked status (a contribution, a party's position), oldest
/// first, with its checks: each step needs `date` and `status`; a step repeating the
/// current status of the same day, and a `since` before the last step, are warned about.
pub(super) fn history(
    c: &mut Checker,
    raw: &Option<Vec<S<RawStep>>>,
    since: Option<When>,
    current: Option<Status>,
    since_raw: &Opt<String>,
) -> Vec<Step> {
    let mut history = Vec::new();
    for step in raw.iter().flatten() {
        let s_at = c.pos(step);
        if step.value.date.is_none() || step.value.status.is_none() {
            c.error(
                Diagnostic::error(Code::MissingField, "history step needs `date` and `status`")
                    .at(s_at)
                    .help("e.g. `- {date: 2026-01-03, status: discussed}`"),
            );
        }
        let date = c.date(&step.value.date, "date");
        let status = c.word(&step.value.status, "status", Status::parse, Status::ALL);
        let note = c.text(&step.value.note);
        let citations = c.citations(&step.value.sources);
        if let (Some(date), Some(status)) = (date, status) {
            history.push(Step {
                date,
                status,
                note,
                citations,
            });
            if let (Some(since), Some(current)) = (since, current)
                && date == since
                && status == current
            {
                c.warn(
                    Diagnostic::warning(
                        Code::HistoryRepeatsCurrent,
                        format!(
                            "history step on {} repeats the current status `{}` of the same day",
                            date.written(),
                            status.as_str()
                        ),
                    )
                    .at(s_at)
                    .help("remove the step: the current status and `since` already record it"),
                );
            }
        }
    }
    history.sort_by_key(|s| s.date);
    if let (Some(since), Some(last), Some(pos)) = (since, history.last(), since_raw.as_ref())
        && last.date > since
    {
        let at = c.pos(pos);
        c.warn(
            Diagnostic::warning(
                Code::HistoryAfterSince,
                format!(
                    "`since` {} is before the last history step ({})",
                    since.written(),
                    last.date.written()
                ),
            )
            .at(at)
            .help("the current status is the latest step: make `since` the date it was reached, or move the later step into `status` and `since`"),
        );
    }
    history
}

/// Reports a contribution `id` given twice in one component, at the second.
fn unique_contribution_ids(r: &RawGuarantee, c: &mut Checker) {
    let ids = r
        .contributions
        .iter()
        .flatten()
        .filter_map(|x| x.value.id.as_ref());
    c.unique_ids(ids, "contribution", "component");
}
