//! What templates see: serialisable views of the model, with links and dates resolved.
//!
//! Every URL here is relative to the site root; templates prefix it with `root`.

use crate::dates;
use crate::model::*;
use jiff::civil::Date;
use serde::Serialize;

/// A date as machine-readable ISO text and as words.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// `2026-01-06`
    pub iso: String,
    /// `6 January 2026`
    pub text: String,
}

impl DateView {
    /// Formats a date.
    pub fn new(d: Date) -> Self {
        DateView {
            iso: d.to_string(),
            text: dates::long(d),
        }
    }
}

/// A TLP marking as templates need it.
#[derive(Debug, Clone, Serialize)]
pub struct TlpView {
    /// `amber+strict`
    pub word: &'static str,
    /// `TLP:AMBER+STRICT`
    pub label: String,
    /// CSS class suffix: `amber-strict`
    pub class: String,
}

impl From<Tlp> for TlpView {
    fn from(t: Tlp) -> Self {
        TlpView {
            word: t.as_str(),
            label: t.label(),
            class: t.as_str().replace('+', "-"),
        }
    }
}

/// A link to an item's page.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Item id.
    pub id: String,
    /// Kind folder, e.g. `meetings`.
    pub kind: &'static str,
    /// Title or name.
    pub title: String,
    /// Page path relative to the site root.
    pub url: String,
    /// Date, for dated items.
    pub date: Option<DateView>,
    /// Marking of the linked item.
    pub tlp: TlpView,
    /// A short descriptor: attribution, location, role or category.
    pub note: Option<String>,
}

/// One citation, resolved to its source.
#[derive(Debug, Clone, Serialize)]
pub struct CitationView {
    /// The source.
    pub source: Link,
    /// Admiralty reliability letter of the source.
    pub reliability: &'static str,
    /// Its meaning.
    pub reliability_meaning: &'static str,
    /// Information credibility 1-6, if graded.
    pub credibility: Option<u8>,
    /// Its meaning.
    pub credibility_meaning: Option<&'static str>,
    /// Combined grade, e.g. `B2` (or `B` when credibility is not graded).
    pub grade: String,
    /// When the source said it.
    pub date: Option<DateView>,
    /// Where exactly.
    pub url: Option<String>,
    /// Free note.
    pub note: Option<String>,
}

/// A participant at a meeting.
#[derive(Debug, Clone, Serialize)]
pub struct ParticipantView {
    /// The actor.
    pub actor: Link,
    /// Role at the meeting.
    pub role: Option<String>,
    /// Level of representation.
    pub level: Option<&'static str>,
}

/// An earlier step of a contribution.
#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    /// When.
    pub date: DateView,
    /// Status reached.
    pub status: &'static str,
    /// Note.
    pub note: Option<String>,
}

/// A contribution, with both its actor and its guarantee resolved.
#[derive(Debug, Clone, Serialize)]
pub struct ContributionView {
    /// Anchor id on the guarantee page, e.g. `contribution-2`.
    pub anchor: String,
    /// Who commits.
    pub by: Link,
    /// To which component.
    pub guarantee: Link,
    /// What.
    pub commitment: String,
    /// Status word.
    pub status: &'static str,
    /// Position on the ladder, 1 (proposed) to 7 (implemented); 0 for withdrawn.
    pub rank: u8,
    /// True from `signed` up.
    pub binding: bool,
    /// When the status was reached.
    pub since: Option<DateView>,
    /// Amount as text, e.g. `3 EUR bn`.
    pub amount: Option<String>,
    /// Caveats.
    pub conditions: Vec<String>,
    /// Earlier steps, oldest first.
    pub history: Vec<StepView>,
    /// Sources.
    pub citations: Vec<CitationView>,
    /// Marking.
    pub tlp: TlpView,
}

/// A count of contributions at one status.
#[derive(Debug, Clone, Serialize)]
pub struct StatusCount {
    /// Status word.
    pub status: &'static str,
    /// How many.
    pub count: usize,
}

/// Any item's page data: the common part plus the kind-specific part.
#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    /// Id.
    pub id: String,
    /// Kind folder.
    pub kind: &'static str,
    /// Singular noun: `meeting`.
    pub kind_singular: &'static str,
    /// Title or name.
    pub title: String,
    /// Page path relative to the root.
    pub url: String,
    /// The item's own marking.
    pub tlp: TlpView,
    /// Tags.
    pub tags: Vec<String>,
    /// Sources.
    pub citations: Vec<CitationView>,
    /// Kind-specific fields.
    #[serde(flatten)]
    pub detail: Detail,
}

/// The kind-specific part of an item view.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Detail {
    /// An actor.
    Actor {
        /// Person, state, organisation or group.
        actor_kind: &'static str,
        /// State.
        country: Option<Link>,
        /// Office.
        role: Option<String>,
        /// Organisation.
        affiliation: Option<Link>,
        /// Other names.
        aliases: Vec<String>,
        /// Official page.
        website: Option<String>,
        /// Rendered description.
        description_html: Option<String>,
        /// Actors affiliated with or belonging to this one.
        members: Vec<Link>,
        /// Meetings convened or attended.
        meetings: Vec<Link>,
        /// Statements made.
        statements: Vec<Link>,
        /// Commitments given.
        contributions: Vec<ContributionView>,
    },
    /// A source.
    Source {
        /// Source kind.
        source_kind: &'static str,
        /// Reliability letter.
        reliability: &'static str,
        /// Its meaning.
        reliability_meaning: &'static str,
        /// Home page.
        website: Option<String>,
        /// Rendered description.
        description_html: Option<String>,
        /// Items citing it.
        cited_by: Vec<Link>,
    },
    /// A meeting.
    Meeting {
        /// First day.
        date: DateView,
        /// Whole period as words.
        period: String,
        /// Start time `HH:MM`.
        time: Option<String>,
        /// Time zone.
        timezone: Option<String>,
        /// Place.
        location: Option<String>,
        /// Conveners.
        convened_by: Vec<Link>,
        /// Participants.
        participants: Vec<ParticipantView>,
        /// Level.
        level: Option<&'static str>,
        /// Status word.
        status: &'static str,
        /// After the as-of date.
        upcoming: bool,
        /// Round.
        round: Option<Link>,
        /// Rendered agenda or readout.
        body_html: String,
        /// Statements made at it.
        statements: Vec<Link>,
    },
    /// A statement.
    Statement {
        /// When.
        date: DateView,
        /// Named speaker.
        speaker: Option<Link>,
        /// Anonymous attribution.
        attributed_to: Option<String>,
        /// Who said it, as text.
        attribution: String,
        /// Meeting.
        meeting: Option<Link>,
        /// Statement kind.
        statement_kind: &'static str,
        /// On the record.
        on_record: bool,
        /// Guarantee components it concerns.
        about: Vec<Link>,
        /// Rendered text.
        body_html: String,
    },
    /// A guarantee component.
    Guarantee {
        /// Category.
        category: &'static str,
        /// Summary.
        summary: Option<String>,
        /// Highest status reached, withdrawals aside.
        highest_status: Option<&'static str>,
        /// Contributions at each status present.
        status_counts: Vec<StatusCount>,
        /// Contributions.
        contributions: Vec<ContributionView>,
        /// Statements about it.
        statements: Vec<Link>,
        /// Rendered description.
        body_html: String,
    },
    /// A round.
    Round {
        /// First day.
        start: DateView,
        /// Last day.
        end: DateView,
        /// Period as words.
        period: String,
        /// Rendered bottom line.
        summary_html: Option<String>,
        /// Meetings in the round.
        meetings: Vec<Link>,
    },
}

/// Builds views from the model; each view is built once and shared by every page showing it.
pub struct Views<'m> {
    m: &'m Model,
}

impl<'m> Views<'m> {
    /// Views over `m`.
    pub fn new(m: &'m Model) -> Self {
        Views { m }
    }

    /// A link to any item by kind and id.
    pub fn link(&self, kind: Kind, id: &str) -> Link {
        let m = self.m;
        let (title, date, tlp, note) = match kind {
            Kind::Actors => {
                let a = &m.actors[id];
                (a.name.clone(), None, a.meta.tlp, a.role.clone())
            }
            Kind::Sources => {
                let s = &m.sources[id];
                (
                    s.name.clone(),
                    None,
                    s.meta.tlp,
                    Some(format!("reliability {}", s.reliability.as_str())),
                )
            }
            Kind::Meetings => {
                let x = &m.meetings[id];
                (
                    x.title.clone(),
                    Some(x.date),
                    x.meta.tlp,
                    x.location.clone(),
                )
            }
            Kind::Statements => {
                let x = &m.statements[id];
                (
                    x.title.clone(),
                    Some(x.date),
                    x.meta.tlp,
                    Some(self.attribution(x)),
                )
            }
            Kind::Guarantees => {
                let x = &m.guarantees[id];
                (
                    x.title.clone(),
                    None,
                    x.meta.tlp,
                    Some(x.category.as_str().to_string()),
                )
            }
            Kind::Rounds => {
                let x = &m.rounds[id];
                (
                    x.title.clone(),
                    Some(x.start),
                    x.meta.tlp,
                    Some(dates::range(x.start, Some(x.end))),
                )
            }
        };
        Link {
            id: id.to_string(),
            kind: kind.dir(),
            title,
            url: kind.page(id),
            date: date.map(DateView::new),
            tlp: tlp.into(),
            note,
        }
    }

    fn links(&self, kind: Kind, ids: Option<&Vec<String>>) -> Vec<Link> {
        ids.into_iter()
            .flatten()
            .map(|id| self.link(kind, id))
            .collect()
    }

    /// "Rustem Umerov", or "unnamed White House officials (anonymous)".
    pub fn attribution(&self, s: &Statement) -> String {
        match (&s.speaker, &s.attributed_to) {
            (Some(a), _) => self.m.actors[a].name.clone(),
            (None, Some(t)) => format!("{t} (anonymous)"),
            (None, None) => "unattributed".into(),
        }
    }

    fn citations(&self, cs: &[Citation]) -> Vec<CitationView> {
        cs.iter()
            .map(|c| {
                let src = &self.m.sources[&c.source];
                let r = src.reliability.as_str();
                CitationView {
                    source: self.link(Kind::Sources, &c.source),
                    reliability: r,
                    reliability_meaning: src.reliability.meaning(),
                    credibility: c.credibility,
                    credibility_meaning: c.credibility.map(credibility_meaning),
                    grade: match c.credibility {
                        Some(n) => format!("{r}{n}"),
                        None => r.to_string(),
                    },
                    date: c.date.map(DateView::new),
                    url: c.url.clone(),
                    note: c.note.clone(),
                }
            })
            .collect()
    }

    /// A contribution view.
    pub fn contribution(&self, guarantee: &str, i: usize) -> ContributionView {
        let c = &self.m.guarantees[guarantee].contributions[i];
        ContributionView {
            anchor: format!("contribution-{}", i + 1),
            by: self.link(Kind::Actors, &c.by),
            guarantee: self.link(Kind::Guarantees, guarantee),
            commitment: c.commitment.clone(),
            status: c.status.as_str(),
            rank: if c.status == Status::Withdrawn {
                0
            } else {
                c.status as u8 + 1
            },
            binding: c.status.is_binding(),
            since: c.since.map(DateView::new),
            amount: c.amount.as_ref().map(|a| format!("{} {}", a.value, a.unit)),
            conditions: c.conditions.clone(),
            history: c
                .history
                .iter()
                .map(|h| StepView {
                    date: DateView::new(h.date),
                    status: h.status.as_str(),
                    note: h.note.clone(),
                })
                .collect(),
            citations: self.citations(&c.citations),
            tlp: c.tlp.into(),
        }
    }

    /// The full view of one item.
    pub fn item(&self, kind: Kind, id: &str) -> ItemView {
        let m = self.m;
        let l = &m.links;
        let (meta, detail) = match kind {
            Kind::Actors => {
                let a = &m.actors[id];
                (
                    &a.meta,
                    Detail::Actor {
                        actor_kind: a.kind.as_str(),
                        country: a.country.as_ref().map(|c| self.link(Kind::Actors, c)),
                        role: a.role.clone(),
                        affiliation: a.affiliation.as_ref().map(|c| self.link(Kind::Actors, c)),
                        aliases: a.aliases.clone(),
                        website: a.url.clone(),
                        description_html: a.description_html.clone(),
                        members: self.links(Kind::Actors, l.actor_members.get(id)),
                        meetings: self.links(Kind::Meetings, l.actor_meetings.get(id)),
                        statements: self.links(Kind::Statements, l.actor_statements.get(id)),
                        contributions: l
                            .actor_contributions
                            .get(id)
                            .into_iter()
                            .flatten()
                            .map(|(g, i)| self.contribution(g, *i))
                            .collect(),
                    },
                )
            }
            Kind::Sources => {
                let s = &m.sources[id];
                (
                    &s.meta,
                    Detail::Source {
                        source_kind: s.kind.as_str(),
                        reliability: s.reliability.as_str(),
                        reliability_meaning: s.reliability.meaning(),
                        website: s.url.clone(),
                        description_html: s.description_html.clone(),
                        cited_by: l
                            .source_citers
                            .get(id)
                            .into_iter()
                            .flatten()
                            .map(|(k, i)| self.link(*k, i))
                            .collect(),
                    },
                )
            }
            Kind::Meetings => {
                let x = &m.meetings[id];
                (
                    &x.meta,
                    Detail::Meeting {
                        date: DateView::new(x.date),
                        period: dates::range(x.date, x.end_date),
                        time: x.time.map(|t| format!("{:02}:{:02}", t.hour(), t.minute())),
                        timezone: x
                            .timezone
                            .clone()
                            .or_else(|| x.time.map(|_| m.site.timezone.clone())),
                        location: x.location.clone(),
                        convened_by: x
                            .convened_by
                            .iter()
                            .map(|a| self.link(Kind::Actors, a))
                            .collect(),
                        participants: x
                            .participants
                            .iter()
                            .map(|p| ParticipantView {
                                actor: self.link(Kind::Actors, &p.actor),
                                role: p.role.clone(),
                                level: p.level.map(Level::as_str),
                            })
                            .collect(),
                        level: x.level.map(Level::as_str),
                        status: x.status.as_str(),
                        upcoming: x.date > m.site.as_of,
                        round: x.round.as_ref().map(|r| self.link(Kind::Rounds, r)),
                        body_html: x.body_html.clone(),
                        statements: self.links(Kind::Statements, l.meeting_statements.get(id)),
                    },
                )
            }
            Kind::Statements => {
                let x = &m.statements[id];
                (
                    &x.meta,
                    Detail::Statement {
                        date: DateView::new(x.date),
                        speaker: x.speaker.as_ref().map(|a| self.link(Kind::Actors, a)),
                        attributed_to: x.attributed_to.clone(),
                        attribution: self.attribution(x),
                        meeting: x.meeting.as_ref().map(|a| self.link(Kind::Meetings, a)),
                        statement_kind: x.kind.as_str(),
                        on_record: x.on_record,
                        about: x
                            .about
                            .iter()
                            .map(|g| self.link(Kind::Guarantees, g))
                            .collect(),
                        body_html: x.body_html.clone(),
                    },
                )
            }
            Kind::Guarantees => {
                let x = &m.guarantees[id];
                let counts = Status::ALL
                    .iter()
                    .filter_map(|w| {
                        let s = Status::parse(w)?;
                        let n = x.contributions.iter().filter(|c| c.status == s).count();
                        (n > 0).then_some(StatusCount {
                            status: s.as_str(),
                            count: n,
                        })
                    })
                    .collect();
                (
                    &x.meta,
                    Detail::Guarantee {
                        category: x.category.as_str(),
                        summary: x.summary.clone(),
                        highest_status: x.highest_status().map(Status::as_str),
                        status_counts: counts,
                        contributions: (0..x.contributions.len())
                            .map(|i| self.contribution(id, i))
                            .collect(),
                        statements: self.links(Kind::Statements, l.guarantee_statements.get(id)),
                        body_html: x.body_html.clone(),
                    },
                )
            }
            Kind::Rounds => {
                let x = &m.rounds[id];
                (
                    &x.meta,
                    Detail::Round {
                        start: DateView::new(x.start),
                        end: DateView::new(x.end),
                        period: dates::range(x.start, Some(x.end)),
                        summary_html: x.summary_html.clone(),
                        meetings: self.links(Kind::Meetings, l.round_meetings.get(id)),
                    },
                )
            }
        };
        let link = self.link(kind, id);
        ItemView {
            id: id.to_string(),
            kind: kind.dir(),
            kind_singular: kind.singular(),
            title: link.title,
            url: link.url,
            tlp: meta.tlp.into(),
            tags: meta.tags.clone(),
            citations: self.citations(&meta.citations),
            detail,
        }
    }
}
