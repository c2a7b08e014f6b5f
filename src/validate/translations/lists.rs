//! A translation's lists matched against its original's: a guarantee component's
//! contributions by place, a document's provisions by id.

use crate::diagnostics::{Code, Diagnostic};
use crate::load::Doc;
use crate::model::translation::{ContributionWords, ProvisionWords};
use crate::raw::*;
use crate::validate::checker::Checker;
use std::collections::{BTreeMap, BTreeSet};

/// A guarantee translation's contributions: one per contribution of the original, in
/// its order; keyed by place.
pub(super) fn contributions(
    list: &Option<Vec<S<RawContributionTranslation>>>,
    original: &Doc<RawGuarantee>,
    c: &mut Checker,
) -> BTreeMap<usize, ContributionWords> {
    let Some(list) = list else {
        return BTreeMap::new();
    };
    let want = original.raw.contributions.as_ref().map_or(0, Vec::len);
    if list.len() != want {
        let at = list.first().and_then(|x| c.pos(x));
        c.error(
            Diagnostic::error(
                Code::TranslationMismatch,
                format!("{} contributions translated; the original has {want}", list.len()),
            )
            .at(at)
            .help(format!(
                "give one entry per contribution of {}, in the same order (`{{}}` for one left untranslated)",
                original.file.display()
            )),
        );
    }
    list.iter()
        .enumerate()
        .map(|(place, x)| {
            let x = &x.value;
            let words = ContributionWords {
                commitment: c.text(&x.commitment),
                note: c.text(&x.note),
                conditions: x.conditions.clone(),
            };
            (place, words)
        })
        .collect()
}

/// A document translation's provisions, each named by the id of one of the original's.
pub(super) fn provisions(
    list: &Option<Vec<S<RawProvisionTranslation>>>,
    original: &Doc<RawDocument>,
    c: &mut Checker,
) -> BTreeMap<String, ProvisionWords> {
    let known: BTreeSet<&str> = original
        .raw
        .provisions
        .iter()
        .flatten()
        .filter_map(|p| p.value.id.as_ref().map(|s| s.value.as_str()))
        .collect();
    let mut out = BTreeMap::new();
    for p in list.iter().flatten() {
        let Some(id) = &p.value.id else {
            let at = c.pos(p);
            c.error(
                Diagnostic::error(Code::MissingField, "missing required field `id`")
                    .at(at)
                    .help("name the provision translated by its `id` in the original"),
            );
            continue;
        };
        let v = id.value.trim();
        if !known.contains(v) {
            let at = c.pos(id);
            let help =
                crate::suggest::did_you_mean(v, known.iter().copied()).unwrap_or_else(|| {
                    format!(
                        "the provisions of {} are {}",
                        original.file.display(),
                        crate::suggest::one_of(&known.iter().copied().collect::<Vec<_>>())
                    )
                });
            c.error(
                Diagnostic::error(
                    Code::TranslationMismatch,
                    format!("the original has no provision `{v}`"),
                )
                .at(at)
                .help(help),
            );
            continue;
        }
        let r = &p.value;
        let words = ProvisionWords {
            label: c.text(&r.label),
            title: c.text(&r.title),
            summary: c.text(&r.summary),
        };
        if out.insert(v.to_string(), words).is_some() {
            let at = c.pos(id);
            c.error(
                Diagnostic::error(
                    Code::TranslationMismatch,
                    format!("provision `{v}` is translated twice"),
                )
                .at(at)
                .help("keep one entry per provision"),
            );
        }
    }
    out
}
