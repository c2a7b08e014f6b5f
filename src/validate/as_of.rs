//! Checks that need the whole model: the as-of date is known only once every item is
//! read (by default it is the latest date in the content). Each warning points at the
//! field to edit.

use crate::analysis::changes::{overdue_at, status_now};
use crate::dates::When;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::load::Loaded;
use crate::model::{MeetingStatus, Model};
use crate::raw::{Opt, RawGuarantee, RawMeeting, RawStatement};
use crate::yaml::pos_of;

/// Warns about what an analyst must update after a round: meetings still `planned`
/// though dated before `as_of`, and contributions past their `due` date below
/// `implemented`.
pub fn check(loaded: &Loaded, m: &Model, diags: &mut Diagnostics) {
    let as_of = m.site.as_of;
    for doc in &loaded.meetings {
        let Some(x) = m.meetings.get(&doc.id) else {
            continue;
        };
        let last = x.end_date.unwrap_or(x.date);
        if x.status != MeetingStatus::Planned || last.last() >= as_of {
            continue;
        }
        let r: &RawMeeting = &doc.raw;
        let at = r
            .status
            .as_ref()
            .map(|s| pos_of(s, doc.yaml_line))
            .or_else(|| r.date.as_ref().map(|s| pos_of(s, doc.yaml_line)))
            .flatten();
        diags.push(
            Diagnostic::warning(
                Code::PlannedInThePast,
                format!(
                    "meeting `{}` is still `planned` but dated {}, before the as-of date {as_of}",
                    doc.id,
                    last.written()
                ),
            )
            .in_file(&doc.file)
            .at(at)
            .help("set `status: held`, `postponed` or `cancelled`, or move `date` to when it will take place"),
        );
    }
    for doc in &loaded.guarantees {
        let Some(g) = m.guarantees.get(&doc.id) else {
            continue;
        };
        if !g.contributions.iter().any(|c| overdue_at(c, as_of)) {
            continue;
        }
        let r: &RawGuarantee = &doc.raw;
        // A guarantee in the model has every one of its contributions there, in order.
        for (c, rc) in g.contributions.iter().zip(r.contributions.iter().flatten()) {
            if !overdue_at(c, as_of) {
                continue;
            }
            let at = rc.value.due.as_ref().and_then(|s| pos_of(s, doc.yaml_line));
            let due = c.due.map(|d| d.written()).unwrap_or_default();
            diags.push(
                Diagnostic::warning(
                    Code::Overdue,
                    format!(
                        "`{}`'s contribution is due {due} but still `{}` as of {as_of}",
                        c.by.id().unwrap_or_default(),
                        status_now(c, as_of).as_str()
                    ),
                )
                .in_file(&doc.file)
                .at(at)
                .help("update `status` and `since` if it was carried out, or record the missed deadline in `note`; the views flag it overdue"),
            );
        }
    }
}

/// Warns about dates that are a month or a year still running on the as-of date (a
/// statement dated `2026` in a briefing as of 4 January 2026): they count from their last
/// day, so what they date is left out of every view until `as_of` reaches it.
pub fn check_running_dates(loaded: &Loaded, m: &Model, diags: &mut Diagnostics) {
    let as_of = m.site.as_of;
    let running = |w: &When| w.first() <= as_of && w.last() > as_of;
    let warn = |diags: &mut Diagnostics,
                file: &std::path::Path,
                v: &Opt<String>,
                line,
                w: &When,
                what: &str| {
        diags.push(
            Diagnostic::warning(
                Code::RunningDate,
                format!(
                    "{what} is dated {}, which runs past the as-of date {as_of}: it counts from {} and is not shown until then",
                    w.written(),
                    w.last()
                ),
            )
            .in_file(file)
            .at(v.as_ref().and_then(|s| pos_of(s, line)))
            .help("give the day if it is known, or move `as_of` past the end of the month or year"),
        );
    };
    for doc in &loaded.statements {
        let Some(x) = m.statements.get(&doc.id) else {
            continue;
        };
        if running(&x.date) {
            let r: &RawStatement = &doc.raw;
            warn(
                diags,
                &doc.file,
                &r.date,
                doc.yaml_line,
                &x.date,
                "the statement",
            );
        }
    }
    // Read from the files (history is sorted by date in the model, not in the file).
    let date = |v: &Opt<String>| v.as_ref().and_then(|d| When::parse(&d.value));
    for doc in &loaded.guarantees {
        let dates = |r: &RawGuarantee| {
            r.contributions.iter().flatten().any(|rc| {
                let steps = rc.value.history.iter().flatten().map(|h| &h.value.date);
                std::iter::once(&rc.value.since)
                    .chain(steps)
                    .filter_map(date)
                    .any(|w| running(&w))
            })
        };
        if !m.guarantees.contains_key(&doc.id) || !dates(&doc.raw) {
            continue;
        }
        for rc in doc.raw.contributions.iter().flatten() {
            if let Some(w) = date(&rc.value.since).filter(|w| running(w)) {
                warn(
                    diags,
                    &doc.file,
                    &rc.value.since,
                    doc.yaml_line,
                    &w,
                    "a contribution's current status",
                );
            }
            for rh in rc.value.history.iter().flatten() {
                if let Some(w) = date(&rh.value.date).filter(|w| running(w)) {
                    warn(
                        diags,
                        &doc.file,
                        &rh.value.date,
                        doc.yaml_line,
                        &w,
                        "a history step",
                    );
                }
            }
        }
    }
}
