//! `conditional_on` across components: a contribution may not depend, through any chain
//! of conditions, on itself.

use super::{Checker, Ids};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::load::Doc;
use crate::model::{ContributionRef, Guarantee, Kind};
use crate::raw::RawGuarantee;
use std::collections::{BTreeMap, BTreeSet};

/// Reports each cycle of conditions once, at the `conditional_on` entry that closes it
/// (the one naming the first contribution of the cycle in id order), with the whole
/// cycle in the message.
pub fn check(
    guarantees: &BTreeMap<String, Guarantee>,
    docs: &[Doc<RawGuarantee>],
    ids: &Ids,
    diags: &mut Diagnostics,
) {
    let edges: BTreeMap<ContributionRef, &[ContributionRef]> = guarantees
        .iter()
        .flat_map(|(gid, g)| {
            g.contributions.iter().filter_map(move |c| {
                let id = c.id.as_ref()?;
                let node = ContributionRef {
                    guarantee: gid.clone(),
                    contribution: id.clone(),
                };
                Some((node, c.conditional_on.as_slice()))
            })
        })
        .collect();
    let mut done: BTreeSet<&ContributionRef> = BTreeSet::new();
    let mut reported: BTreeSet<Vec<&ContributionRef>> = BTreeSet::new();
    for start in edges.keys() {
        let mut path: Vec<&ContributionRef> = Vec::new();
        visit(start, &edges, &mut path, &mut done, &mut |cycle| {
            // The same cycle is met from each of its members: report it once, rotated
            // to start at its least member so the message is always the same.
            let least = (0..cycle.len()).min_by_key(|&i| cycle[i]).unwrap_or(0);
            let mut key = cycle.to_vec();
            key.rotate_left(least);
            if reported.insert(key.clone()) {
                report(&key, docs, ids, diags);
            }
        });
    }
}

/// Depth-first search from `node`; `found` gets each cycle met, in the order walked.
fn visit<'a>(
    node: &'a ContributionRef,
    edges: &'a BTreeMap<ContributionRef, &'a [ContributionRef]>,
    path: &mut Vec<&'a ContributionRef>,
    done: &mut BTreeSet<&'a ContributionRef>,
    found: &mut dyn FnMut(&[&'a ContributionRef]),
) {
    if let Some(at) = path.iter().position(|n| *n == node) {
        found(&path[at..]);
        return;
    }
    if done.contains(node) {
        return;
    }
    path.push(node);
    for next in edges.get(node).copied().unwrap_or_default() {
        if let Some((key, _)) = edges.get_key_value(next) {
            visit(key, edges, path, done, found);
        }
    }
    path.pop();
    done.insert(node);
}

/// The error for one cycle, at the last member's entry naming the first.
fn report(
    cycle: &[&ContributionRef],
    docs: &[Doc<RawGuarantee>],
    ids: &Ids,
    diags: &mut Diagnostics,
) {
    let (Some(first), Some(last)) = (cycle.first(), cycle.last()) else {
        return;
    };
    let Some(doc) = docs.iter().find(|d| d.id == last.guarantee) else {
        return;
    };
    let chain: Vec<String> = cycle
        .iter()
        .chain(std::iter::once(first))
        .map(|r| format!("`{r}`"))
        .collect();
    let mut c = Checker::new(Some(Kind::Guarantees), doc, ids, diags);
    let at = doc
        .raw
        .contributions
        .iter()
        .flatten()
        .filter(|x| {
            x.value
                .id
                .as_ref()
                .is_some_and(|i| i.value.trim() == last.contribution)
        })
        .flat_map(|x| x.value.conditional_on.iter().flatten())
        .find(|e| e.value.trim() == first.to_string())
        .and_then(|e| c.pos(e));
    c.error(
        Diagnostic::error(
            Code::ConditionCycle,
            format!(
                "these conditions go round in a circle: {}",
                chain.join(" → ")
            ),
        )
        .at(at)
        .help("a contribution cannot depend on itself; remove one `conditional_on` of the cycle"),
    );
}
