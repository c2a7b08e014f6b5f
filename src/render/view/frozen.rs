//! Views of a round as it stood at its end: the model as of that day, the round picker,
//! and what the frozen pages say they are frozen at.

use super::*;
use crate::analysis::as_of::{Keep, model_at_keeping};
use crate::model::{Kind, Model, Ref, RoundView};
use jiff::civil::Date;
use std::borrow::Cow;
use std::collections::BTreeSet;

/// One entry of the round picker: a round's frozen matrix, or the current one.
#[derive(Debug, Clone, Serialize)]
pub struct RoundPick {
    /// The round, or null for the current matrix.
    pub round: Option<Link>,
    /// The round's title, or `Now` for the current matrix.
    pub title: String,
    /// The matrix it leads to, relative to the site root.
    pub url: String,
    /// The date that matrix speaks as of.
    pub as_of: DateView,
    /// True for the matrix the page shows.
    pub selected: bool,
}

/// The round picker: every round's frozen view in order (of the matrix, or of one
/// document), then the current one.
#[derive(Debug, Clone, Serialize)]
pub struct RoundPicker {
    /// What it picks among, for its label: `Matrix by round`.
    pub label: String,
    /// The rounds, oldest first, then the current matrix.
    pub picks: Vec<RoundPick>,
    /// The entry before the selected one, if any.
    pub previous: Option<RoundPick>,
    /// The entry after the selected one, if any.
    pub next: Option<RoundPick>,
}

/// What a frozen page is frozen at, and its sibling pages.
#[derive(Debug, Clone, Serialize)]
pub struct FrozenView {
    /// The round.
    pub round: Link,
    /// The day the views speak as of: the round's end, or the site's as-of date if earlier.
    pub as_of: DateView,
    /// The frozen matrix, relative to the site root.
    pub matrix_url: String,
    /// The state of every component at the round's end, relative to the site root.
    pub components_url: String,
}

/// Where one guarantee component stood at a round's end.
#[derive(Debug, Clone, Serialize)]
pub struct ComponentState {
    /// The component (its page shows it now).
    pub guarantee: Link,
    /// Its contributions at each status then, as its page counts them.
    pub status_counts: Vec<StatusCount>,
    /// Its contributions then, in file order.
    pub contributions: Vec<ContributionState>,
}

/// One contribution as it stood at a round's end.
#[derive(Debug, Clone, Serialize)]
pub struct ContributionState {
    /// Anchor on the frozen components page: `<guarantee id>-contribution-<n>`.
    pub anchor: String,
    /// Who commits.
    pub by: Link,
    /// Status then.
    pub status: &'static str,
    /// When that status was reached.
    pub since: Option<DateView>,
    /// What.
    pub commitment: String,
    /// Marking.
    pub tlp: TlpView,
    /// The language of `commitment` when it is not the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commitment_lang: Option<crate::model::Lang>,
}

/// A round's model as of its day, which its brief and frozen views are made on (made by
/// [`Views::round_model`]); those views take the round from it, so they cannot be made
/// on another round's model.
#[derive(Clone)]
pub struct RoundModel<'m> {
    round: String,
    day: Date,
    model: Cow<'m, Model>,
}

impl RoundModel<'_> {
    /// The round's id.
    pub fn round(&self) -> &str {
        &self.round
    }
}

/// How many meetings and statements a brief lists in full (next meetings, latest
/// statements).
pub(crate) const BRIEF_LIST: usize = 5;

impl<'m> Views<'m> {
    /// The day round `id`'s brief and frozen views speak as of: its end, or the site's
    /// as-of date if that is earlier.
    pub fn round_day(&self, id: &str) -> Date {
        self.m.rounds[id].end.min(self.m.site.as_of)
    }

    /// Round `id`'s model as of its day ([`Views::round_day`]): the current model itself
    /// when that day is the as-of date, else
    /// [`crate::analysis::as_of::model_at_keeping`] with the meetings and statements the
    /// round's brief shows. The pages made on it are rendered together (see
    /// `render::each_page`), so it is made once for them and dropped when they are done.
    pub fn round_model(&self, id: &str) -> RoundModel<'m> {
        let day = self.round_day(id);
        let model = if day >= self.m.site.as_of {
            Cow::Borrowed(self.m)
        } else {
            Cow::Owned(model_at_keeping(self.m, day, &self.shown_then(day)))
        };
        RoundModel {
            round: id.to_string(),
            day,
            model,
        }
    }

    /// What a round's views as of `day` show, so that its frozen model carries nothing
    /// else: the next meetings after the day (all of them planned then) and the latest
    /// statements up to it, with the statements made at those meetings by then and the
    /// meetings those statements were made at; the actors and sources any of them, a
    /// round or a guarantee component refers to.
    fn shown_then(&self, day: Date) -> Keep<'m> {
        let m = self.m;
        let mut next: Vec<(Date, &'m String)> = m
            .meetings
            .values()
            .filter(|x| x.date.first() > day)
            .map(|x| (x.date.first(), &x.meta.id))
            .collect();
        next.sort();
        next.truncate(BRIEF_LIST);
        let dated = self.dated();
        let said = dated.statements[dated
            .statements
            .partition_point(|(std::cmp::Reverse(d), _)| *d > day)..]
            .iter()
            .take(BRIEF_LIST)
            .map(|(_, id)| id.as_str());
        let mut statements: BTreeSet<&'m str> = said.collect();
        for (_, id) in &next {
            for s in m.links.meeting_statements.get(*id).into_iter().flatten() {
                if m.statements[s].date.last() <= day {
                    statements.insert(s);
                }
            }
        }
        let mut meetings: BTreeSet<&'m str> = next.iter().map(|(_, id)| id.as_str()).collect();
        meetings.extend(
            statements
                .iter()
                .filter_map(|s| m.statements[*s].meeting.as_ref().and_then(Ref::id)),
        );
        let mut actors = BTreeSet::new();
        let mut sources = BTreeSet::new();
        let mut cite = |cs: &'m [crate::model::Citation]| {
            sources.extend(cs.iter().filter_map(|c| c.source.id()));
        };
        for g in m.guarantees.values() {
            cite(&g.meta.citations);
            for c in &g.contributions {
                actors.extend(c.by.id());
                actors.extend(c.requested_by.as_ref().and_then(Ref::id));
                cite(&c.citations);
                c.history.iter().for_each(|h| cite(&h.citations));
            }
        }
        m.rounds.values().for_each(|r| cite(&r.meta.citations));
        for id in &meetings {
            let x = &m.meetings[*id];
            cite(&x.meta.citations);
            actors.extend(x.convened_by.iter().filter_map(Ref::id));
            actors.extend(x.participants.iter().filter_map(|p| p.actor.id()));
        }
        for id in &statements {
            let x = &m.statements[*id];
            cite(&x.meta.citations);
            actors.extend(x.speaker.as_ref().and_then(Ref::id));
        }
        Keep {
            meetings,
            statements,
            actors,
            sources,
        }
    }

    /// The round's brief, made on its model as of its day: what changed in it, and the
    /// meetings and statements as they stood then.
    pub fn round_brief(&self, then: &RoundModel) -> BriefView {
        match &then.model {
            Cow::Borrowed(_) => self.brief(&then.round, then.day),
            Cow::Owned(m) => self.few_pages_of(m).brief(&then.round, then.day),
        }
    }

    /// What did not move in the round, made on its model as of its day as its brief is (so
    /// that the brief's counts and this list agree).
    pub fn round_unchanged(&self, then: &RoundModel) -> UnchangedView {
        match &then.model {
            Cow::Borrowed(_) => self.unchanged(&then.round),
            Cow::Owned(m) => Views::for_few_pages(m).unchanged(&then.round),
        }
    }

    /// The ids of the meetings and statements the round's brief shows in full.
    pub fn round_brief_lists(&self, then: &RoundModel) -> (Vec<String>, Vec<String>) {
        let owned = |(next, said): (Vec<&String>, Vec<&String>)| {
            let owned = |ids: Vec<&String>| ids.into_iter().cloned().collect();
            (owned(next), owned(said))
        };
        match &then.model {
            Cow::Borrowed(_) => owned(self.brief_lists(then.day)),
            Cow::Owned(m) => owned(self.few_pages_of(m).brief_lists(then.day)),
        }
    }

    /// What round `id`'s frozen pages are frozen at.
    pub fn frozen(&self, id: &str) -> FrozenView {
        FrozenView {
            round: self.link(Kind::Rounds, id),
            as_of: self.date(self.round_day(id)),
            matrix_url: crate::routes::round_view(id, RoundView::Matrix),
            components_url: crate::routes::round_view(id, RoundView::Components),
        }
    }

    /// The round's frozen matrix: the matrix of its model as of its day, each cell linking
    /// to the contribution on the round's components page.
    pub fn frozen_matrix(&self, then: &RoundModel) -> MatrixView {
        let page = crate::routes::round_view(&then.round, RoundView::Components);
        let model: &Model = &then.model;
        let frozen = self.few_pages_of(model);
        frozen.matrix_linked(&|g, i| {
            let anchor = crate::routes::contribution_anchor(&model.guarantees[g].contributions[i]);
            format!(
                "{page}#{}",
                crate::routes::listed_contribution_anchor(g, &anchor)
            )
        })
    }

    /// Every guarantee component as it stood at the round's day, by title: what its page's
    /// view (made on the round's model as of that day) says of its contributions.
    pub fn frozen_components(&self, then: &RoundModel) -> Vec<ComponentState> {
        let frozen = self.few_pages_of(&then.model);
        let mut out: Vec<ComponentState> = frozen
            .m
            .guarantees
            .keys()
            .filter_map(|g| {
                let Detail::Guarantee {
                    status_counts,
                    contributions,
                    ..
                } = frozen.item(Kind::Guarantees, g).detail
                else {
                    return None;
                };
                Some(ComponentState {
                    guarantee: frozen.link(Kind::Guarantees, g),
                    status_counts,
                    contributions: contributions
                        .into_iter()
                        .map(|c| ContributionState {
                            anchor: crate::routes::listed_contribution_anchor(g, &c.anchor),
                            by: c.by,
                            status: c.status,
                            since: c.since,
                            commitment: c.commitment,
                            tlp: c.tlp,
                            commitment_lang: c.commitment_lang,
                        })
                        .collect(),
                })
            })
            .collect();
        out.sort_by_key(|g| {
            (
                g.guarantee.title().to_lowercase(),
                g.guarantee.id().map(str::to_owned),
            )
        });
        out
    }

    /// The round picker, with round `selected`'s frozen matrix selected (the current
    /// matrix with `None`).
    pub fn round_picker(&self, selected: Option<&str>) -> RoundPicker {
        self.picker(
            self.locale.text("picker.matrix"),
            crate::analysis::rounds_in_order(self.m)
                .into_iter()
                .map(|r| {
                    let url = crate::routes::round_view(&r.meta.id, RoundView::Matrix);
                    (r, url)
                })
                .collect(),
            crate::routes::View::Matrix.path().into(),
            selected,
        )
    }

    /// A picker among `rounds` (in order, each with the page of its frozen view), then
    /// the current view at `now`, with round `selected` selected (`now` with `None`).
    pub(super) fn picker(
        &self,
        label: String,
        rounds: Vec<(&crate::model::Round, String)>,
        now: String,
        selected: Option<&str>,
    ) -> RoundPicker {
        let mut picks: Vec<RoundPick> = rounds
            .into_iter()
            .map(|(r, url)| RoundPick {
                round: Some(self.link(Kind::Rounds, &r.meta.id)),
                title: r.title.clone(),
                url,
                as_of: self.date(self.round_day(&r.meta.id)),
                selected: selected == Some(r.meta.id.as_str()),
            })
            .collect();
        picks.push(RoundPick {
            round: None,
            title: self.locale.text("picker.now"),
            url: now,
            as_of: self.date(self.m.site.as_of),
            selected: selected.is_none(),
        });
        let at = picks.iter().position(|p| p.selected);
        RoundPicker {
            label,
            previous: at.and_then(|i| i.checked_sub(1)).map(|i| picks[i].clone()),
            next: at.and_then(|i| picks.get(i + 1)).cloned(),
            picks,
        }
    }
}
