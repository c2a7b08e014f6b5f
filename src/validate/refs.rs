//! References and words added by issue 13: several ids in one field, contributions
//! named `<guarantee>#<id>`, anchors of links to them, words of open vocabularies.

use super::checker::Checker;
use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::model::{ContributionRef, Kind, Term, Vocabulary};
use crate::raw::{OneOrMany, Opt, S};
use crate::suggest;

impl Checker<'_> {
    /// A word of an open vocabulary: a built-in one or one site.yaml adds.
    pub fn term(&mut self, v: &Opt<String>, field: &str, vocabulary: Vocabulary) -> Option<Term> {
        let s = v.as_ref()?;
        let word = s.value.trim();
        if let Some(t) = self.ids().vocabularies.term(vocabulary, word) {
            return Some(t);
        }
        let all = self.ids().vocabularies.words(vocabulary);
        let at = self.pos(s);
        let help = suggest::did_you_mean(word, all.iter().copied())
            .map(|h| format!("{h} (allowed: {})", suggest::one_of(&all)))
            .unwrap_or_else(|| format!("allowed: {}", suggest::one_of(&all)));
        self.error(
            Diagnostic::error(Code::BadValue, format!("`{word}` is not a valid `{field}`"))
                .at(at)
                .help(format!(
                    "{help}; or add it with a label under `vocabularies: {}:` in site.yaml",
                    vocabulary.key()
                )),
        );
        None
    }

    /// `field: id` or `field: [id, ...]`, each id an item of `kind`.
    pub fn one_or_many(&mut self, kind: Kind, v: &Opt<OneOrMany>, field: &str) -> Vec<String> {
        let Some(v) = v else { return Vec::new() };
        let list: Vec<(String, Option<Pos>)> = match &v.value {
            OneOrMany::One(id) => vec![(id.trim().to_string(), self.pos(v))],
            OneOrMany::Many(list) => list
                .iter()
                .map(|s| (s.value.trim().to_string(), self.pos(s)))
                .collect(),
        };
        list.into_iter()
            .filter(|(id, at)| self.reference(kind, id, *at, field))
            .map(|(id, _)| id)
            .collect()
    }

    /// A `<guarantee-id>#<contribution-id>` reference; both must exist.
    pub fn contribution_ref(&mut self, v: &S<String>, field: &str) -> Option<ContributionRef> {
        let at = self.pos(v);
        let text = v.value.trim();
        let Some((g, id)) = text.split_once('#') else {
            self.error(
                Diagnostic::error(
                    Code::BadValue,
                    format!("`{text}` in `{field}` does not name a contribution"),
                )
                .at(at)
                .help("write `<guarantee-id>#<contribution-id>`, e.g. `monitoring#iaea-access`"),
            );
            return None;
        };
        if !self.reference(Kind::Guarantees, g, at, field) {
            return None;
        }
        let known = self.ids().contributions(g);
        if !known.contains(id) {
            let help =
                suggest::did_you_mean(id, known.iter().map(String::as_str)).unwrap_or_else(|| {
                    format!("give the contribution `id: {id}` in content/guarantees/{g}.md")
                });
            self.error(
                Diagnostic::error(
                    Code::DanglingReference,
                    format!("guarantee `{g}` has no contribution with id `{id}` (in `{field}`)"),
                )
                .at(at)
                .help(help),
            );
            return None;
        }
        Some(ContributionRef {
            guarantee: g.to_string(),
            contribution: id.to_string(),
        })
    }

    /// Checks the anchor of a `@guarantees/<id>#<anchor>` link: an anchor that is not a
    /// contribution's `id` but is one letter or two away from one is taken for a typo.
    /// (Other anchors may name headings of the component's text, which are not known here.)
    pub(super) fn contribution_anchor(&mut self, g: &str, anchor: &str, at: Pos) {
        let known = self.ids().contributions(g);
        if known.contains(anchor) {
            return;
        }
        if let Some(help) = suggest::did_you_mean(anchor, known.iter().map(String::as_str)) {
            self.error(
                Diagnostic::error(
                    Code::DanglingLink,
                    format!("link `@guarantees/{g}#{anchor}`: no contribution with id `{anchor}`"),
                )
                .at(Some(at))
                .help(help),
            );
        }
    }
}
