//! Negotiating texts: their parties, versions, provisions and each party's positions.

use super::checker::Checker;
use super::ids::Ids;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::load::Doc;
use crate::model::*;
use crate::raw::*;
use std::collections::{BTreeMap, BTreeSet};

/// A document and its provisions.
pub fn document(doc: &Doc<RawDocument>, c: &mut Checker) -> Document {
    let r = &doc.raw;
    let title = c.required(&r.title, "title");
    let date = c.date(&r.date, "date");
    let kind = c.term(&r.kind, "kind", Vocabulary::DocumentKinds);
    let parties = c.refs(Kind::Actors, &r.parties, "parties");
    let supersedes = c.opt_ref(Kind::Documents, &r.supersedes, "supersedes");
    if let Some(s) = r.supersedes.as_ref().filter(|s| s.value.trim() == doc.id) {
        let at = c.pos(s);
        c.error(
            Diagnostic::error(Code::SelfReference, "a document cannot supersede itself")
                .at(at)
                .help("name the earlier version this one replaces"),
        );
    }
    let meta = super::items::meta(doc, c, &r.tags, &r.tlp, &r.sources);
    let listed: BTreeSet<&str> = parties.iter().map(String::as_str).collect();
    let provisions = r
        .provisions
        .iter()
        .flatten()
        .filter_map(|p| provision(p, c, meta.tlp, &listed))
        .collect();
    unique_provision_ids(r, c);
    Document {
        body_html: c.markdown(&doc.body, doc.body_line),
        meta,
        title: title.unwrap_or_default(),
        kind: kind.unwrap_or_else(|| Term::builtin(DocumentKind::Other.as_str())),
        date,
        parties: parties.into_iter().map(Ref::Id).collect(),
        supersedes: supersedes.map(Ref::Id),
        provisions,
    }
}

fn provision(
    rp: &S<RawProvision>,
    c: &mut Checker,
    default_tlp: Tlp,
    parties: &BTreeSet<&str>,
) -> Option<Provision> {
    let at = c.pos(rp);
    let r = &rp.value;
    let tlp = c.tlp(&r.tlp, default_tlp);
    let item_marking = c.set_marking(tlp);
    for (field, missing) in [("id", r.id.is_none()), ("title", r.title.is_none())] {
        if missing {
            c.error(
                Diagnostic::error(Code::MissingField, format!("provision without `{field}`"))
                    .at(at)
                    .help(format!(
                        "each provision needs `id` and `title`; add `{field}:`"
                    )),
            );
        }
    }
    let id =
        r.id.as_ref()
            .and_then(|v| c.slug_id(v, "provision", "point-7"));
    let concerns = c.refs(Kind::Guarantees, &r.concerns, "concerns");
    let introduced = c.date(&r.introduced, "introduced");
    let dropped = c.date(&r.dropped, "dropped");
    c.ordered(introduced, dropped, &r.dropped, "introduced", "dropped");
    let mut seen = BTreeSet::new();
    let positions = r
        .positions
        .iter()
        .flatten()
        .filter_map(|x| {
            if let Some(party) = &x.value.party
                && !seen.insert(party.value.trim().to_string())
            {
                let at = c.pos(party);
                c.error(
                    Diagnostic::error(
                        Code::DuplicatePosition,
                        format!(
                            "two positions of `{}` on this provision",
                            party.value.trim()
                        ),
                    )
                    .at(at)
                    .help(
                        "a party has one position per provision; put earlier ones in its `history`",
                    ),
                );
            }
            position(x, c, tlp, parties)
        })
        .collect();
    let title = c.text(&r.title);
    let summary = c.text(&r.summary);
    let label = c.text(&r.label);
    c.set_marking(item_marking);
    Some(Provision {
        id: id?,
        label,
        title: title?,
        summary,
        concerns: concerns.into_iter().map(Ref::Id).collect(),
        introduced,
        dropped,
        positions,
        tlp,
    })
}

fn position(
    rp: &S<RawPosition>,
    c: &mut Checker,
    default_tlp: Tlp,
    parties: &BTreeSet<&str>,
) -> Option<Position> {
    let at = c.pos(rp);
    let r = &rp.value;
    let tlp = c.tlp(&r.tlp, default_tlp);
    let outer = c.set_marking(tlp);
    for (field, missing) in [("party", r.party.is_none()), ("status", r.status.is_none())] {
        if missing {
            c.error(
                Diagnostic::error(Code::MissingField, format!("position without `{field}`"))
                    .at(at)
                    .help(format!(
                        "each position needs `party` and `status`; add `{field}:`"
                    )),
            );
        }
    }
    let party = c.opt_ref(Kind::Actors, &r.party, "party");
    if let (Some(p), Some(written)) = (&party, &r.party)
        && !parties.contains(p.as_str())
    {
        let at = c.pos(written);
        c.warn(
            Diagnostic::warning(
                Code::NotAParty,
                format!("`{p}` has a position but is not one of the document's `parties`"),
            )
            .at(at)
            .help(format!("add `{p}` to `parties:`, or correct the party")),
        );
    }
    let status = c.word(&r.status, "status", Status::parse, Status::ALL);
    let since = c.date(&r.since, "since");
    let history = super::guarantees::history(c, &r.history, since, status, &r.since);
    let citations = c.citations(&r.sources);
    let note = c.text(&r.note);
    c.set_marking(outer);
    Some(Position {
        party: Ref::Id(party?),
        status: status?,
        since,
        note,
        history,
        citations,
        tlp,
    })
}

/// Reports a provision `id` given twice in one document, at the second.
fn unique_provision_ids(r: &RawDocument, c: &mut Checker) {
    let ids = r
        .provisions
        .iter()
        .flatten()
        .filter_map(|x| x.value.id.as_ref());
    c.unique_ids(ids, "provision", "document");
}

/// Reports versions that go round in a circle (`a` supersedes `b`, `b` supersedes `a`),
/// once per cycle, at the `supersedes` of its first member in id order. Read from the
/// files as written, so that a cycle is reported beside any other error in them.
pub fn check_supersedes(docs: &[Doc<RawDocument>], ids: &Ids, diags: &mut Diagnostics) {
    let edges: BTreeMap<&str, &str> = docs
        .iter()
        .filter_map(|d| Some((d.id.as_str(), d.raw.supersedes.as_ref()?.value.trim())))
        .collect();
    let mut reported: BTreeSet<&str> = BTreeSet::new();
    for (&start, &first) in &edges {
        let mut chain: Vec<&str> = vec![start];
        let mut next = Some(first);
        while let Some(id) = next {
            if id == start || chain.contains(&id) {
                break;
            }
            chain.push(id);
            next = edges.get(id).copied();
        }
        if next != Some(start) || chain.len() < 2 || chain.iter().any(|x| reported.contains(x)) {
            continue;
        }
        reported.extend(chain.iter().copied());
        let Some(doc) = docs.iter().find(|d| d.id == start) else {
            continue;
        };
        let mut c = Checker::new(Some(Kind::Documents), doc, ids, diags);
        let at = doc.raw.supersedes.as_ref().and_then(|s| c.pos(s));
        let names: Vec<String> = chain
            .iter()
            .chain(std::iter::once(&start))
            .map(|x| format!("`{x}`"))
            .collect();
        c.error(
            Diagnostic::error(
                Code::SupersedesCycle,
                format!(
                    "these versions supersede each other in a circle: {}",
                    names.join(" → ")
                ),
            )
            .at(at)
            .help(
                "a later version supersedes an earlier one; remove one `supersedes` of the cycle",
            ),
        );
    }
}
