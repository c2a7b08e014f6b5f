//! Contributions as pages show them: their facts, and their words in the views'
//! language.

use super::*;
use crate::model::translation::GuaranteeWords;
use crate::model::*;

impl<'m> Views<'m> {
    /// A contribution view.
    pub fn contribution(&self, guarantee: &str, i: usize) -> ContributionView {
        let c = &self.m.guarantees[guarantee].contributions[i];
        let rank = crate::analysis::changes::rank;
        let related = |g: &str, j: usize, below: bool| {
            let o = &self.m.guarantees[g].contributions[j];
            let (commitment, commitment_lang) = self.commitment(g, j).owned();
            RelatedContribution {
                guarantee: self.link(Kind::Guarantees, g),
                anchor: crate::routes::contribution_anchor(o),
                by: self.link_to(Kind::Actors, &o.by),
                commitment,
                status: o.status.as_str(),
                below,
                commitment_lang,
            }
        };
        let w = self.words_of_id(Kind::Guarantees, guarantee);
        let said = |g: &'m GuaranteeWords| g.contributions.get(&i);
        let (commitment, commitment_lang) = self.commitment(guarantee, i).owned();
        let note = w
            .opt_word(|g| said(g)?.note.as_deref(), c.note.as_deref())
            .map(Shown::owned);
        let conditions = self.conditions(guarantee, i);
        let as_of = self.m.site.as_of;
        let status = crate::analysis::changes::status_now(c, as_of);
        ContributionView {
            anchor: crate::routes::contribution_anchor(c),
            by: self.link_to(Kind::Actors, &c.by),
            requested_by: c
                .requested_by
                .as_ref()
                .map(|a| self.link_to(Kind::Actors, a)),
            conditional_on: c
                .conditional_on
                .iter()
                .filter_map(|r| {
                    let j = self
                        .m
                        .guarantees
                        .get(&r.guarantee)?
                        .position(&r.contribution)?;
                    let cond = self.m.guarantees[&r.guarantee].contributions[j].status;
                    Some(related(&r.guarantee, j, rank(cond) < rank(c.status)))
                })
                .collect(),
            condition_of: self
                .m
                .links
                .condition_of
                .get(&(guarantee.to_string(), i))
                .into_iter()
                .flatten()
                .map(|(g, j)| {
                    let dep = self.m.guarantees[g].contributions[*j].status;
                    related(g, *j, rank(c.status) < rank(dep))
                })
                .collect(),
            guarantee: self.link(Kind::Guarantees, guarantee),
            commitment,
            status: status.as_str(),
            written_status: c.status.as_str(),
            rank: crate::analysis::changes::rank(status),
            binding: status.is_binding(),
            since: c.since.map(|d| self.date(d)),
            note: note.as_ref().map(|(n, _)| n.clone()),
            continuing: c.continuing,
            in_force: c.continuing && status == Status::Implemented,
            due: c.due.map(|d| self.date(d)),
            overdue: crate::analysis::changes::overdue_at(c, as_of),
            until: c.until.map(|d| self.date(d)),
            amount: c.amount.as_ref().map(|a| format!("{} {}", a.value, a.unit)),
            conditions: conditions.text.clone(),
            history: self.steps(&c.history),
            citations: self.citations(&c.citations),
            tlp: c.tlp.into(),
            commitment_lang,
            note_lang: note.and_then(|(_, l)| l),
            conditions_lang: conditions
                .lang
                .filter(|_| !c.conditions.is_empty())
                .cloned(),
        }
    }

    /// The caveats of contribution `i` of component `guarantee`, in the views' language.
    pub(crate) fn conditions(&self, guarantee: &str, i: usize) -> Shown<'m, Vec<String>> {
        let c = &self.m.guarantees[guarantee].contributions[i];
        self.words_of_id(Kind::Guarantees, guarantee).word(
            |g: &GuaranteeWords| g.contributions.get(&i)?.conditions.as_ref(),
            &c.conditions,
        )
    }

    /// What contribution `i` of component `guarantee` commits to, in the views' language.
    pub(crate) fn commitment(&self, guarantee: &str, i: usize) -> Shown<'m, str> {
        let c = &self.m.guarantees[guarantee].contributions[i];
        self.words_of_id(Kind::Guarantees, guarantee).word(
            |g: &GuaranteeWords| g.contributions.get(&i)?.commitment.as_deref(),
            c.commitment.as_str(),
        )
    }
}
