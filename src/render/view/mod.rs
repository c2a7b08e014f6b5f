//! What templates see: serialisable views of the model, with links and dates resolved.
//!
//! Every URL here is relative to the site root; templates prefix it with `root`.

use crate::dates::{Precision, When};
use crate::markdown::Prose;
use crate::model::{Kind, Lang, Tlp};
use serde::Serialize;

mod build;
pub use build::Views;
mod claims;
mod contribution;
pub use claims::ClaimView;
mod charts;
mod derived;
mod document;
pub use document::*;
mod frozen;
pub use frozen::*;
mod frozen_document;
pub use frozen_document::*;
mod links;
pub use derived::*;
mod prose;
mod scales;
pub use scales::{Grade, Scales};
mod value;
mod words;
pub(crate) use document::ProvisionText;
pub(crate) use prose::{opt_prose as opt_prose_value, prose_value_html};
pub(crate) use value::{Cx, ToValue};
pub(crate) use words::Shown;

/// A date as machine-readable ISO text and as words, at the precision it was written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateView {
    /// `2026-01-06`, or `2026-01` or `2026` for a month or a year
    pub iso: String,
    /// `6 January 2026`, `January 2026`, `c. 6 January 2026`
    pub text: String,
    /// `year` or `month` when less than a day is known (exports omit it for a day).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precision: Option<&'static str>,
    /// True for a date written with `~` (exports omit it otherwise).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
}

impl DateView {
    /// Formats a date of any precision, in English.
    pub fn new(d: impl Into<When>) -> Self {
        DateView::in_language(d, crate::i18n::english().dates())
    }

    /// Formats a date of any precision in the words of `dates`.
    pub fn in_language(d: impl Into<When>, dates: &crate::i18n::format::Dates) -> Self {
        let w: When = d.into();
        DateView {
            iso: w.to_string(),
            text: dates.when(w),
            precision: (w.precision() != Precision::Day).then(|| w.precision().as_str()),
            approximate: w.approximate(),
        }
    }
}

/// A TLP marking as templates need it (serialised as its fields in this order: see
/// view/value.rs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TlpView {
    /// `amber+strict`
    pub word: &'static str,
    /// `TLP:AMBER+STRICT`
    pub label: &'static str,
    /// CSS class suffix: `amber-strict`
    pub class: &'static str,
}

impl From<Tlp> for TlpView {
    fn from(t: Tlp) -> Self {
        TlpView {
            word: t.as_str(),
            label: t.label(),
            class: match t {
                Tlp::AmberStrict => "amber-strict",
                t => t.as_str(),
            },
        }
    }
}

/// A link to an item's page, or what stands in for an item withheld from the audience
/// (serialised as its fields in sorted order: see view/links.rs).
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    /// To the page of an item the audience sees. Shared: pages hold tens of links each,
    /// and a clone costs a reference count.
    To(std::sync::Arc<LinkData>),
    /// To an item of this kind withheld from the audience: no id, no page, no marking.
    /// Templates get `{kind, title: "(withheld)", withheld: true}`.
    Withheld(Kind),
}

impl Link {
    /// A link to the item these fields describe.
    pub fn new(data: LinkData) -> Self {
        Link::To(std::sync::Arc::new(data))
    }

    /// What the link says of its item; `None` when the item is withheld.
    pub fn target(&self) -> Option<&LinkData> {
        match self {
            Link::To(data) => Some(data),
            Link::Withheld(_) => None,
        }
    }

    /// The item's id; `None` when it is withheld.
    pub fn id(&self) -> Option<&str> {
        self.target().map(|t| t.id.as_str())
    }

    /// The item's title or name, or `(withheld)`.
    pub fn title(&self) -> &str {
        match self {
            Link::To(data) => &data.title,
            Link::Withheld(_) => WITHHELD_TITLE,
        }
    }

    /// The kind folder of the item, e.g. `meetings`.
    pub fn kind(&self) -> &'static str {
        match self {
            Link::To(data) => data.kind,
            Link::Withheld(kind) => kind.dir(),
        }
    }
}

/// How a link is written: in full for templates, or as a reference for the JSON export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkStyle {
    /// Id, kind, title, url, date, marking and note.
    Full,
    /// Id and kind only.
    Reference,
}

/// What pages show for an item withheld from the audience.
pub const WITHHELD_TITLE: &str = "(withheld)";

/// What a [`Link`] says.
#[derive(Debug, Clone)]
pub struct LinkData {
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
    /// The title's language when it is not the page's (an untranslated item's).
    pub title_lang: Option<Lang>,
    /// The note's language when it is not the page's.
    pub note_lang: Option<Lang>,
    /// What its value holds: everything (pages), or the item's id and kind (the JSON
    /// export, whose table of links has the rest once).
    pub style: LinkStyle,
    /// Its template value, made once when first asked for ([`LinkData::value`]): a link
    /// shared by many pages (from the link cache, an `Arc`) is made into a value once.
    pub(super) value: std::sync::OnceLock<tera::Value>,
}

/// Links are equal when they say the same; the value made of them is not compared.
impl PartialEq for LinkData {
    fn eq(&self, o: &Self) -> bool {
        (
            &self.id,
            self.kind,
            &self.title,
            &self.url,
            &self.date,
            &self.tlp,
            &self.note,
            (&self.title_lang, &self.note_lang),
        ) == (
            &o.id,
            o.kind,
            &o.title,
            &o.url,
            &o.date,
            &o.tlp,
            &o.note,
            (&o.title_lang, &o.note_lang),
        )
    }
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
    pub level: Option<String>,
    /// Its label.
    pub level_label: Option<String>,
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
    /// Citations verifying the step.
    pub citations: Vec<CitationView>,
}

/// A contribution, with both its actor and its guarantee resolved.
#[derive(Debug, Clone, Serialize)]
pub struct ContributionView {
    /// Anchor id on the guarantee page: the contribution's `id`, else e.g. `contribution-2`.
    pub anchor: String,
    /// Who commits.
    pub by: Link,
    /// Who asked for it, when it is not the contributor's own offer.
    pub requested_by: Option<Link>,
    /// The contributions it is conditional on.
    pub conditional_on: Vec<RelatedContribution>,
    /// The contributions conditional on it.
    pub condition_of: Vec<RelatedContribution>,
    /// To which component.
    pub guarantee: Link,
    /// What.
    pub commitment: String,
    /// Status word as of the site's date (`expired` once past `until`).
    pub status: &'static str,
    /// The status as written: differs from `status` once the term has ended.
    pub written_status: &'static str,
    /// Position on the ladder, 1 (proposed) to 7 (implemented); 0 off the ladder.
    pub rank: u8,
    /// True from `signed` up, on the ladder.
    pub binding: bool,
    /// When the status was reached.
    pub since: Option<DateView>,
    /// Note on the current status.
    pub note: Option<String>,
    /// An obligation that must keep being honoured.
    pub continuing: bool,
    /// Continuing and implemented: shown as "in force".
    pub in_force: bool,
    /// Deadline.
    pub due: Option<DateView>,
    /// True when `due` is past the site's date and the status is below implemented.
    pub overdue: bool,
    /// End of term.
    pub until: Option<DateView>,
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
    /// The language of `commitment` when it is not the page's (see [`LinkData::title_lang`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commitment_lang: Option<Lang>,
    /// The language of `note` when it is not the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_lang: Option<Lang>,
    /// The language of `conditions` when they are not in the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions_lang: Option<Lang>,
}

/// Another contribution a contribution is related to (`conditional_on`, or the reverse).
#[derive(Debug, Clone, Serialize)]
pub struct RelatedContribution {
    /// Its component.
    pub guarantee: Link,
    /// Its anchor on the component's page.
    pub anchor: String,
    /// Who commits.
    pub by: Link,
    /// What.
    pub commitment: String,
    /// Its status word.
    pub status: &'static str,
    /// True when the condition stands lower than what depends on it: for a condition,
    /// its status is below this contribution's; for a dependent, this contribution's
    /// status is below the dependent's.
    pub below: bool,
    /// The language of `commitment` when it is not the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commitment_lang: Option<Lang>,
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
    /// The title's language when it is not the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_lang: Option<Lang>,
    /// Set when the page speaks a language the item has no translation into: the
    /// language its words are shown in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub untranslated: Option<LangView>,
    /// The note of the translation shown (e.g. that quotes are the briefing's own
    /// translation).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation_note: Option<String>,
}

/// A language as pages name it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LangView {
    /// Its tag, for `lang` attributes: `en`.
    pub code: Lang,
    /// Its own name: `English`, `українська`.
    pub name: String,
}

impl From<&Lang> for LangView {
    fn from(l: &Lang) -> Self {
        LangView {
            code: l.clone(),
            name: l.own_name().to_string(),
        }
    }
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
        /// Organisation: the first listed.
        affiliation: Option<Link>,
        /// Every organisation or group listed under `affiliation`.
        affiliations: Vec<Link>,
        /// Commitments the actor asked of others (`requested_by`).
        requests: Vec<ContributionView>,
        /// Other names.
        aliases: Vec<String>,
        /// Official page.
        website: Option<String>,
        /// Rendered description.
        description_html: Option<Prose>,
        /// Actors affiliated with or belonging to this one.
        members: Vec<Link>,
        /// Meetings convened or attended.
        meetings: Vec<Link>,
        /// Statements made.
        statements: Vec<Link>,
        /// Commitments given.
        contributions: Vec<ContributionView>,
        /// Negotiating texts it is a party to.
        documents: Vec<Link>,
        /// The language of `role` when it is not the page's.
        #[serde(skip_serializing_if = "Option::is_none")]
        role_lang: Option<Lang>,
        /// The language of `aliases` when they are not in the page's.
        #[serde(skip_serializing_if = "Option::is_none")]
        aliases_lang: Option<Lang>,
        /// The language of `description_html` when it is not the page's.
        #[serde(skip_serializing_if = "Option::is_none")]
        description_lang: Option<Lang>,
    },
    /// A source.
    Source {
        /// Source kind.
        source_kind: String,
        /// Its label.
        source_kind_label: String,
        /// Reliability letter.
        reliability: &'static str,
        /// Its meaning.
        reliability_meaning: &'static str,
        /// Home page.
        website: Option<String>,
        /// Rendered description.
        description_html: Option<Prose>,
        /// The sources it reports from.
        derived_from: Vec<Link>,
        /// The actor whose own channel it is.
        channel_of: Option<Link>,
        /// Items citing it.
        cited_by: Vec<Link>,
        /// The language of `description_html` when it is not the page's.
        #[serde(skip_serializing_if = "Option::is_none")]
        description_lang: Option<Lang>,
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
        level: Option<String>,
        /// Its label.
        level_label: Option<String>,
        /// Status word.
        status: &'static str,
        /// After the as-of date.
        upcoming: bool,
        /// Round.
        round: Option<Link>,
        /// Negotiating texts discussed at it.
        documents: Vec<Link>,
        /// Rendered agenda or readout.
        body_html: Prose,
        /// Statements made at it.
        statements: Vec<Link>,
        /// The language of `location` when it is not the page's.
        #[serde(skip_serializing_if = "Option::is_none")]
        location_lang: Option<Lang>,
        /// The language of `body_html` when it is not the page's.
        #[serde(skip_serializing_if = "Option::is_none")]
        body_lang: Option<Lang>,
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
        statement_kind: String,
        /// Its label.
        statement_kind_label: String,
        /// On the record.
        on_record: bool,
        /// Guarantee components it concerns.
        about: Vec<Link>,
        /// Statements it answers.
        responds_to: Vec<Link>,
        /// Statements it contradicts.
        contradicts: Vec<Link>,
        /// Statements that answer it.
        responses: Vec<Link>,
        /// Statements that contradict it.
        contradicted_by: Vec<Link>,
        /// Rendered text.
        body_html: Prose,
        /// True if the text holds a `<blockquote>` of its own (the quotation itself).
        body_has_blockquote: bool,
        /// Its claims, checked against the tracked figures.
        claims: Vec<ClaimView>,
        /// The language of `attributed_to` when it is not the page's.
        #[serde(skip_serializing_if = "Option::is_none")]
        attributed_to_lang: Option<Lang>,
        /// The language of `attribution` when it is not the page's.
        #[serde(skip_serializing_if = "Option::is_none")]
        attribution_lang: Option<Lang>,
        /// The language of `body_html` when it is not the page's.
        #[serde(skip_serializing_if = "Option::is_none")]
        body_lang: Option<Lang>,
    },
    /// A guarantee component.
    Guarantee {
        /// Category.
        category: String,
        /// Its label.
        category_label: String,
        /// Summary.
        summary: Option<String>,
        /// Contributions at each status present as of the site's date, weakest first.
        status_counts: Vec<StatusCount>,
        /// The latest reversal of any contribution (down or off the ladder after
        /// reaching agreed or higher), if any.
        reversal: Option<DateView>,
        /// How many contributions are overdue.
        overdue: usize,
        /// Contributions.
        contributions: Vec<ContributionView>,
        /// Statements about it.
        statements: Vec<Link>,
        /// Provisions of negotiating texts concerning it.
        provisions: Vec<ProvisionLink>,
        /// Rendered description.
        body_html: Prose,
        /// The language of `summary` when it is not the page's.
        #[serde(skip_serializing_if = "Option::is_none")]
        summary_lang: Option<Lang>,
        /// The language of `body_html` when it is not the page's.
        #[serde(skip_serializing_if = "Option::is_none")]
        body_lang: Option<Lang>,
    },
    /// A negotiating text.
    Document(Box<DocumentDetail>),
    /// A round.
    Round {
        /// First day.
        start: DateView,
        /// Last day.
        end: DateView,
        /// Period as words.
        period: String,
        /// Rendered bottom line.
        summary_html: Option<Prose>,
        /// Meetings in the round.
        meetings: Vec<Link>,
        /// The language of `summary_html` when it is not the page's.
        #[serde(skip_serializing_if = "Option::is_none")]
        summary_lang: Option<Lang>,
    },
}
