//! The validated briefing: typed items, cross-referenced by id.

mod claim;
mod document;
mod item;
mod kind;
mod lang;
mod links;
mod reference;
mod site_words;
pub mod terms;
mod tracked;
pub mod translation;
pub mod vocab;

pub use claim::{Claim, ClaimRules, Claimed, Subject, number_text};
pub use document::{Document, Position, Provision};
pub use item::Item;
pub use kind::{Kind, RoundView};
pub use lang::{Lang, LangError, Languages};
pub use links::Links;
pub use reference::Ref;
pub use site_words::{SiteTranslation, SiteWords};
pub use terms::{Term, Vocabularies, Vocabulary};
pub use tracked::{Current, Tracked};
pub use translation::{Freshness, InLanguage, Revision, Translation, Translations, Word, Words};
pub use vocab::*;

use crate::dates::When;
pub use crate::markdown::Prose;
use jiff::civil::{Date, Time};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Settings from content/site.yaml, with defaults applied.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteSettings {
    /// Site title.
    pub title: String,
    /// Optional subtitle.
    pub subtitle: Option<String>,
    /// What the briefing is about, Markdown rendered to HTML.
    pub description_html: Option<Prose>,
    /// Absolute URL of the published site, used only where absolute links are required.
    pub base_url: Option<String>,
    /// Language tag for `<html lang>`: the default language, that of the originals.
    pub language: String,
    /// The languages declared (site.yaml `languages`, else `language` alone); the
    /// first is the default.
    pub languages: Languages,
    /// IANA time zone name meetings are dated in unless they say otherwise.
    pub timezone: String,
    /// Marking of items that do not set one.
    pub default_tlp: Tlp,
    /// Highest marking a default build includes.
    pub audience: Tlp,
    /// The date the briefing speaks as of.
    pub as_of: Date,
    /// True if site.yaml set `as_of`; otherwise it is the latest date in the content.
    pub as_of_given: bool,
    /// How many items a list page shows before the next page (site.yaml `paginate`).
    pub paginate: usize,
    /// How many entries a page of the timeline, declarations or sourcing view holds at
    /// most (site.yaml `view_page_entries`).
    pub view_page_entries: usize,
    /// How many entries the feed holds, newest first (site.yaml `feed_limit`).
    pub feed_limit: usize,
    /// How the commitment matrix is laid out (site.yaml `matrix_layout`).
    pub matrix_layout: MatrixLayout,
    /// Words the site adds to the open vocabularies (site.yaml `vocabularies`).
    pub vocabularies: Vocabularies,
    /// How claims are judged (site.yaml `claims`).
    pub claims: ClaimRules,
    /// The site's own words in translation languages (`content/site.<lang>.yaml`).
    pub translations: std::collections::BTreeMap<Lang, SiteTranslation>,
}

/// List pages show this many items each unless site.yaml says otherwise.
pub const DEFAULT_PAGINATE: usize = 100;

/// A page of an analysis view holds at most this many entries unless site.yaml says
/// otherwise: about 300 KB of HTML.
pub const DEFAULT_VIEW_PAGE_ENTRIES: usize = 1000;

/// The feed holds this many entries unless site.yaml says otherwise.
pub const DEFAULT_FEED_LIMIT: usize = 100;

/// What every item carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    /// The file stem; unique within the kind.
    pub id: String,
    /// The file, relative to the site root.
    pub file: PathBuf,
    /// Free tags.
    pub tags: Vec<String>,
    /// TLP marking.
    pub tlp: Tlp,
    /// Sources the item rests on.
    pub citations: Vec<Citation>,
}

/// One citation of a source.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// The source.
    pub source: Ref,
    /// Admiralty information credibility, 1-6.
    pub credibility: Option<u8>,
    /// When the source said it.
    pub date: Option<When>,
    /// Where exactly.
    pub url: Option<String>,
    /// Free note.
    pub note: Option<String>,
}

/// A person, state, organisation or group.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Id, file, tags, marking, sources.
    pub meta: Meta,
    /// Display name.
    pub name: String,
    /// What the actor is.
    pub kind: ActorKind,
    /// The state actor.
    pub country: Option<Ref>,
    /// Office or function.
    pub role: Option<String>,
    /// The organisations or groups the actor belongs to, as listed.
    pub affiliation: Vec<Ref>,
    /// Other names.
    pub aliases: Vec<String>,
    /// Official page.
    pub url: Option<String>,
    /// Markdown description rendered to HTML.
    pub description_html: Option<Prose>,
}

/// A source of information.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Id, file, tags, marking, sources.
    pub meta: Meta,
    /// Display name.
    pub name: String,
    /// What the source is.
    pub kind: Term,
    /// Admiralty reliability grade.
    pub reliability: Reliability,
    /// Home page.
    pub url: Option<String>,
    /// Markdown description rendered to HTML.
    pub description_html: Option<Prose>,
    /// The sources it reports from.
    pub derived_from: Vec<Ref>,
    /// The actor whose own channel it is.
    pub channel_of: Option<Ref>,
}

/// Someone at a meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    /// The actor.
    pub actor: Ref,
    /// Role at the meeting.
    pub role: Option<String>,
    /// Level of representation.
    pub level: Option<Term>,
}

/// A meeting, held or planned.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    /// Id, file, tags, marking, sources.
    pub meta: Meta,
    /// Title.
    pub title: String,
    /// First day (a day, or a month or year when that is all that is known).
    pub date: When,
    /// Last day, for meetings over several days.
    pub end_date: Option<When>,
    /// Start time.
    pub time: Option<Time>,
    /// Time zone of `time`.
    pub timezone: Option<String>,
    /// Place.
    pub location: Option<String>,
    /// The conveners.
    pub convened_by: Vec<Ref>,
    /// Who took part.
    pub participants: Vec<Participant>,
    /// Level of the meeting.
    pub level: Option<Term>,
    /// Whether it happened.
    pub status: MeetingStatus,
    /// The round.
    pub round: Option<Ref>,
    /// The negotiating texts discussed at it.
    pub documents: Vec<Ref>,
    /// Agenda or readout, rendered.
    pub body_html: Prose,
}

/// Something said, by a named speaker or an anonymous attribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Id, file, tags, marking, sources.
    pub meta: Meta,
    /// Title, given or derived from speaker and date.
    pub title: String,
    /// True if the file gave the title; a derived one names the speaker.
    pub title_given: bool,
    /// The speaker.
    pub speaker: Option<Ref>,
    /// Attribution when there is no named speaker.
    pub attributed_to: Option<String>,
    /// When it was said.
    pub date: When,
    /// The meeting where it was said.
    pub meeting: Option<Ref>,
    /// What sort of statement.
    pub kind: Term,
    /// False for background and off-record remarks.
    pub on_record: bool,
    /// The guarantee components it concerns.
    pub about: Vec<Ref>,
    /// The statements it answers.
    pub responds_to: Vec<Ref>,
    /// The statements it contradicts.
    pub contradicts: Vec<Ref>,
    /// Figures it gives, to be checked against what the briefing tracks.
    pub claims: Vec<Claim>,
    /// What was said, rendered.
    pub body_html: Prose,
}

/// An amount committed.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    /// The number.
    pub value: f64,
    /// Its unit, e.g. `EUR bn` or `troops`.
    pub unit: String,
}

/// An earlier step of a contribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// When.
    pub date: When,
    /// Status reached.
    pub status: Status,
    /// Free note.
    pub note: Option<String>,
    /// Citations verifying the step.
    pub citations: Vec<Citation>,
}

/// A contribution named from anywhere: `<guarantee>#<contribution id>`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ContributionRef {
    /// Guarantee id.
    pub guarantee: String,
    /// The contribution's `id` within it.
    pub contribution: String,
}

impl std::fmt::Display for ContributionRef {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{}#{}", self.guarantee, self.contribution)
    }
}

/// One actor's commitment to a guarantee component.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    /// Its id, unique within the component, if given.
    pub id: Option<String>,
    /// Its place among its component's contributions as this audience sees them (from
    /// 0): without an `id`, its anchor is `contribution-<place + 1>`. Kept when a model
    /// is taken as of an earlier day, so that a past view links to the same contribution
    /// on the current pages; renumbered when an audience build withholds one before it.
    pub place: usize,
    /// The actor.
    pub by: Ref,
    /// The actor who asked for it, when it is not the contributor's own offer.
    pub requested_by: Option<Ref>,
    /// Contributions it depends on; an audience build drops those it withholds.
    pub conditional_on: Vec<ContributionRef>,
    /// What is committed, in words.
    pub commitment: String,
    /// The current status, as written.
    pub status: Status,
    /// When the current status was reached.
    pub since: Option<When>,
    /// A note on the current status.
    pub note: Option<String>,
    /// An obligation that must keep being honoured (a cap, a limit): never settled,
    /// "in force" while implemented.
    pub continuing: bool,
    /// Deadline: overdue when a view's date is past it and the status is below implemented.
    pub due: Option<When>,
    /// End of term: after it, a status on the ladder reads `expired`.
    pub until: Option<When>,
    /// Amount, if any.
    pub amount: Option<Amount>,
    /// Caveats.
    pub conditions: Vec<String>,
    /// Earlier steps, oldest first.
    pub history: Vec<Step>,
    /// Sources.
    pub citations: Vec<Citation>,
    /// Marking of this contribution.
    pub tlp: Tlp,
}

#[cfg(test)]
impl Contribution {
    /// For unit tests: actor `a` commits to `x` at `status`, with nothing else.
    pub(crate) fn bare(status: Status) -> Contribution {
        Contribution {
            id: None,
            place: 0,
            by: Ref::Id("a".into()),
            requested_by: None,
            conditional_on: Vec::new(),
            commitment: "x".into(),
            status,
            since: None,
            note: None,
            continuing: false,
            due: None,
            until: None,
            amount: None,
            conditions: Vec::new(),
            history: Vec::new(),
            citations: Vec::new(),
            tlp: Tlp::Clear,
        }
    }
}

/// A guarantee component.
#[derive(Debug, Clone, PartialEq)]
pub struct Guarantee {
    /// Id, file, tags, marking, sources.
    pub meta: Meta,
    /// Title.
    pub title: String,
    /// What it is about.
    pub category: Term,
    /// One-line summary.
    pub summary: Option<String>,
    /// Each actor's commitments.
    pub contributions: Vec<Contribution>,
    /// Description, rendered.
    pub body_html: Prose,
}

impl Guarantee {
    /// The index of the contribution with id `id`.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.contributions
            .iter()
            .position(|c| c.id.as_deref() == Some(id))
    }
}

/// A diplomatic round.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    /// Id, file, tags, marking, sources.
    pub meta: Meta,
    /// Title.
    pub title: String,
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// Bottom line, rendered.
    pub summary_html: Option<Prose>,
}

/// The whole validated briefing. Maps are keyed by id, so iteration order is stable.
#[derive(Debug, Clone)]
pub struct Model {
    /// Site settings.
    pub site: SiteSettings,
    /// Actors by id.
    pub actors: BTreeMap<String, Actor>,
    /// Sources by id.
    pub sources: BTreeMap<String, Source>,
    /// Meetings by id.
    pub meetings: BTreeMap<String, Meeting>,
    /// Statements by id.
    pub statements: BTreeMap<String, Statement>,
    /// Guarantee components by id.
    pub guarantees: BTreeMap<String, Guarantee>,
    /// Rounds by id.
    pub rounds: BTreeMap<String, Round>,
    /// Negotiating texts by id.
    pub documents: BTreeMap<String, Document>,
    /// Reverse references, computed once.
    pub links: Links,
    /// Each item's translations, by language.
    pub translations: Translations,
}

/// The latest date anywhere in the content: the default `as_of`.
pub fn latest_date(
    meetings: &BTreeMap<String, Meeting>,
    statements: &BTreeMap<String, Statement>,
    guarantees: &BTreeMap<String, Guarantee>,
    rounds: &BTreeMap<String, Round>,
    documents: &BTreeMap<String, Document>,
) -> Option<Date> {
    let m = meetings
        .values()
        .map(|m| m.end_date.unwrap_or(m.date).last());
    let s = statements.values().map(|s| s.date.last());
    let g = guarantees.values().flat_map(|g| {
        g.contributions.iter().flat_map(|c| {
            c.since
                .into_iter()
                .chain(c.history.iter().map(|h| h.date))
                .map(When::last)
        })
    });
    let r = rounds.values().map(|r| r.end);
    let d = documents.values().flat_map(|d| {
        let provisions = d.provisions.iter().flat_map(|p| {
            let positions = p
                .positions
                .iter()
                .flat_map(|x| x.since.into_iter().chain(x.history.iter().map(|h| h.date)));
            p.introduced.into_iter().chain(p.dropped).chain(positions)
        });
        d.date.into_iter().chain(provisions).map(When::last)
    });
    m.chain(s).chain(g).chain(r).chain(d).max()
}
