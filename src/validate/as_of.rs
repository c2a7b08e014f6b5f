//! Checks that need the whole model: the as-of date is known only once every item is
//! read (by default it is the latest date in the content). Each warning points at the
//! field to edit, read again with positions when the document was read without them.

use crate::analysis::changes::{overdue_at, status_now};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::load::{Doc, Loaded};
use crate::model::{Kind, MeetingStatus, Model};
use crate::raw::{RawGuarantee, RawMeeting};
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
        let doc = positioned(doc, Kind::Meetings);
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
        let doc = positioned(doc, Kind::Guarantees);
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

/// The document with its fields' positions.
fn positioned<T: serde::de::DeserializeOwned + Default + Clone>(
    doc: &Doc<T>,
    kind: Kind,
) -> std::borrow::Cow<'_, Doc<T>> {
    match doc.positioned(Some(kind)) {
        Some(d) => std::borrow::Cow::Owned(d),
        None => std::borrow::Cow::Borrowed(doc),
    }
}
