//! The timeline's views: the flat list of dated things (exports), and the page's
//! months, days and, within a day, the status steps grouped by component.

use super::*;
use crate::analysis::timeline::{self, Entry, StepFrom, What};
use crate::model::Kind;
use crate::render::view::Views;
use jiff::civil::Date;

impl<'m> Views<'m> {
    /// Every dated thing, as timeline entries, oldest first.
    pub fn timeline_entries(&self) -> Vec<TimelineEntry> {
        timeline::entries(self.m)
            .iter()
            .filter_map(|e| self.timeline_entry(e))
            .collect()
    }

    /// One dated thing as a timeline entry; `None` if its item is not in the model.
    fn timeline_entry(&self, e: &Entry) -> Option<TimelineEntry> {
        let link = self.item_link(e.kind, &e.id)?;
        let mut langs = (None, None);
        let (kind, title, url, note, status, tlp) = match e.what {
            What::Meeting | What::Statement => {
                langs = (link.title_lang.clone(), link.note_lang.clone());
                (
                    if e.what == What::Meeting {
                        "meeting"
                    } else {
                        "statement"
                    },
                    link.title.clone(),
                    link.url.clone(),
                    link.note.clone(),
                    None,
                    link.tlp,
                )
            }
            What::Step(step) => {
                let c = self.contribution(&e.id, step.contribution);
                let title = format!(
                    "{}: {} {}",
                    c.guarantee.title(),
                    c.by.title(),
                    step.status.as_str()
                );
                let note = (!step.current).then(|| "earlier step".to_string());
                let url = crate::routes::item_at(Kind::Guarantees, &e.id, Some(&c.anchor));
                (
                    "status",
                    title,
                    url,
                    note,
                    Some(step.status.as_str()),
                    c.tlp,
                )
            }
        };
        Some(TimelineEntry {
            date: self.date(e.date),
            kind,
            title,
            url,
            note,
            status,
            upcoming: e.date.first() > self.m.site.as_of,
            tlp,
            title_lang: langs.0,
            note_lang: langs.1,
        })
    }

    /// The timeline grouped by month, then by date; on each date, the meetings and
    /// statements, then the status steps by component.
    pub fn timeline(&self) -> Vec<TimelineMonth> {
        self.timeline_of(&timeline::entries(self.m))
    }

    /// Part of the timeline, grouped as [`Views::timeline`] does: `entries` are in
    /// timeline order (a run of [`timeline::entries`]).
    pub fn timeline_of(&self, entries: &[Entry]) -> Vec<TimelineMonth> {
        let mut months: Vec<TimelineMonth> = Vec::new();
        let mut rest = entries;
        while let Some(first) = rest.first() {
            let n = rest.iter().take_while(|e| e.date == first.date).count();
            let (same, next) = rest.split_at(n);
            rest = next;
            let day = self.timeline_day(same);
            let id = timeline::month_id(first.date);
            if months.last().is_none_or(|m| m.id != id) {
                let d: Date = format!("{id}-01").parse().expect("an ISO date");
                months.push(TimelineMonth {
                    id: id.clone(),
                    title: self.locale.dates().month(d),
                    days: Vec::new(),
                });
            }
            months.last_mut().expect("just pushed").days.push(day);
        }
        months
    }

    /// The timeline of one date, from its entries (all of that date, in order).
    fn timeline_day(&self, same: &[Entry]) -> TimelineDay {
        let date = same[0].date;
        let mut entries = Vec::new();
        let mut components: Vec<TimelineComponent> = Vec::new();
        // The steps of one contribution to one status on this date, by (component,
        // contribution, status): listed once, as the current status if it is one.
        let mut steps: Vec<(&str, timeline::StatusStep)> = Vec::new();
        for e in same {
            match e.what {
                What::Step(step) => steps.push((&e.id, step)),
                _ => entries.extend(self.timeline_entry(e)),
            }
        }
        steps.sort_by_key(|(g, s)| (*g, s.contribution, s.status, !s.current, s.from));
        steps.dedup_by(|b, a| {
            a.0 == b.0 && a.1.contribution == b.1.contribution && a.1.status == b.1.status
        });
        // Then each contribution's steps as they were recorded: history, then current.
        steps.sort_by_key(|(g, s)| (*g, s.contribution, s.from));
        for (g, step) in steps {
            let Some(guarantee) = self.m.guarantees.get(g) else {
                continue;
            };
            let c = &guarantee.contributions[step.contribution];
            let by = self.link_to(Kind::Actors, &c.by);
            let anchor = crate::routes::contribution_anchor(c);
            // Two contributions of one actor with the same words read apart by anchor.
            let twin = guarantee.contributions.iter().enumerate().any(|(j, o)| {
                j != step.contribution && o.by == c.by && o.commitment == c.commitment
            });
            let commitment = self.commitment(g, step.contribution);
            let contribution = if twin {
                format!("{}: {} ({anchor})", by.title(), commitment.text)
            } else {
                format!("{}: {}", by.title(), commitment.text)
            };
            // The note of the step, or of a history step of the same status that day.
            let note = match step.from {
                StepFrom::History(n) => c.history[n].note.clone(),
                StepFrom::Written => c.note.clone().or_else(|| {
                    c.history
                        .iter()
                        .find(|h| h.date == date && h.status == step.status)
                        .and_then(|h| h.note.clone())
                }),
                StepFrom::TermEnd => None,
            };
            let view = TimelineStep {
                contribution,
                by,
                commitment: commitment.text.to_string(),
                url: crate::routes::item_at(Kind::Guarantees, g, Some(&anchor)),
                status: step.status.as_str(),
                current: step.current,
                note,
                tlp: c.tlp.into(),
                commitment_lang: commitment.lang.cloned(),
            };
            match components.last_mut() {
                Some(last) if last.guarantee.id() == Some(g) => last.steps.push(view),
                _ => components.push(TimelineComponent {
                    guarantee: self.link(Kind::Guarantees, g),
                    steps: vec![view],
                }),
            }
        }
        components.sort_by_cached_key(|x| {
            (
                x.guarantee.title().to_lowercase(),
                x.guarantee.id().map(str::to_owned),
            )
        });
        TimelineDay {
            date: self.date(date),
            upcoming: date.first() > self.m.site.as_of,
            entries,
            components,
        }
    }
}
