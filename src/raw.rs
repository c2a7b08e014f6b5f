//! What the files say: the serde shape of each kind's YAML, before validation.
//!
//! Everything is optional and positioned here, so that validation can report every
//! missing field, bad value and dangling reference at once, each at its line and column.
//!
//! The same types give the JSON Schemas for editors (`crate::schema`): each positioned
//! field names the schema of its value with `#[schemars(with = ...)]` (required fields
//! without `Option`), and every struct rejects unknown fields there, as the loader does.

use crate::model::vocab::*;
use crate::schema::{ContributionRef, Credibility, Date, Day, Id, Time};
use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

mod claim;
mod document;
mod translation;
mod words;
pub use claim::*;
pub use document::*;
pub use translation::*;
pub use words::{OriginalWords, revision};

/// A value with the line and column it was written at.
pub type S<T> = crate::yaml::Positioned<T>;
/// An optional positioned value.
pub type Opt<T> = Option<S<T>>;

/// A reference written either as a bare id or as a mapping with more detail.
#[derive(Debug, Clone)]
pub enum IdOr<T> {
    /// `- reuters`
    Id(String),
    /// `- {source: reuters, credibility: 2}`
    Full(T),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for IdOr<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = IdOr<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an id or a mapping")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(IdOr::Id(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(IdOr::Full)
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// One id, or a list of ids (`convened_by: france` or `convened_by: [france, uk]`).
#[derive(Debug, Clone)]
pub enum OneOrMany {
    /// A single id; its position is the enclosing positioned value's.
    One(String),
    /// A list of positioned ids.
    Many(Vec<S<String>>),
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an id or a list of ids")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(OneOrMany::One(v.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(x) = seq.next_element()? {
                    out.push(x);
                }
                Ok(OneOrMany::Many(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// A citation written as a mapping.
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields, rename = "Citation")]
pub struct RawCitation {
    /// The source cited (a source id).
    #[schemars(with = "Id")]
    pub source: Opt<String>,
    /// Admiralty information credibility of what the source says here, 1-6.
    #[schemars(with = "Option<Credibility>")]
    pub credibility: Opt<u8>,
    /// When the source said it.
    #[schemars(with = "Option<Date>")]
    pub date: Opt<String>,
    /// Where exactly, e.g. the article's address.
    #[schemars(with = "Option<String>")]
    pub url: Opt<String>,
    /// Free note.
    #[schemars(with = "Option<String>")]
    pub note: Opt<String>,
}

/// `sources:` of any item.
pub type RawCitations = Option<Vec<S<IdOr<RawCitation>>>>;

/// content/site.yaml
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawSite {
    /// Site title.
    #[schemars(with = "String")]
    pub title: Opt<String>,
    /// Subtitle.
    #[schemars(with = "Option<String>")]
    pub subtitle: Opt<String>,
    /// What the briefing is about (Markdown).
    #[schemars(with = "Option<String>")]
    pub description: Opt<String>,
    /// The published address (absolute URL); pages link to each other relatively.
    #[schemars(with = "Option<String>")]
    pub base_url: Opt<String>,
    /// Language tag of the originals; default `en`. With `languages`, it may be left
    /// out; if given, it must be the first of `languages`.
    #[schemars(with = "Option<String>")]
    pub language: Opt<String>,
    /// The languages of the briefing, as BCP 47 tags (`[en, uk]`): the first is the
    /// default, the language the items are written in; items may have a translation
    /// into each of the others (`paris-summit.uk.md` beside `paris-summit.md`).
    #[schemars(with = "Option<Vec<String>>")]
    pub languages: Option<Vec<S<String>>>,
    /// IANA time zone meetings are dated in, e.g. `Europe/Kyiv`; default `UTC`.
    #[schemars(with = "Option<String>")]
    pub timezone: Opt<String>,
    /// Marking of items that do not set `tlp`; default `clear`.
    #[schemars(with = "Option<Tlp>")]
    pub default_tlp: Opt<String>,
    /// The highest TLP a default build includes; default `clear`.
    #[schemars(with = "Option<Tlp>")]
    pub audience: Opt<String>,
    /// The day the briefing speaks as of; default: the latest date in the content.
    #[schemars(with = "Option<Day>")]
    pub as_of: Opt<String>,
    /// How many items each list page shows; default 100.
    #[schemars(with = "Option<std::num::NonZeroU64>")]
    pub paginate: Opt<i64>,
    /// How many entries a page of the timeline, declarations or sourcing view holds at
    /// most before the view continues on another page; default 1000.
    #[schemars(with = "Option<std::num::NonZeroU64>")]
    pub view_page_entries: Opt<i64>,
    /// How many entries `feed.xml` holds, newest first; default 100.
    #[schemars(with = "Option<u32>")]
    pub feed_limit: Opt<i64>,
    /// How claims are judged against the tracked figures.
    #[schemars(with = "Option<RawClaimRules>")]
    pub claims: Opt<RawClaimRules>,
    /// How the commitment matrix is laid out; default `auto` (actors as rows when
    /// there are more actors than components).
    #[schemars(with = "Option<MatrixLayout>")]
    pub matrix_layout: Opt<String>,
    /// Words the site adds to the open vocabularies, each with its label.
    #[schemars(with = "Option<RawVocabularies>")]
    pub vocabularies: Opt<RawVocabularies>,
}

/// site.yaml `vocabularies:`: per vocabulary, `word: Label` pairs. The built-in words
/// stay; a built-in word given here takes the label.
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields, rename = "Vocabularies")]
pub struct RawVocabularies {
    /// Guarantee component categories, e.g. `enrichment: Enrichment`.
    #[schemars(with = "Option<std::collections::BTreeMap<String, String>>")]
    pub categories: Option<std::collections::BTreeMap<String, S<String>>>,
    /// Meeting and participant levels, e.g. `ambassadors: Ambassadors`.
    #[schemars(with = "Option<std::collections::BTreeMap<String, String>>")]
    pub levels: Option<std::collections::BTreeMap<String, S<String>>>,
    /// Source kinds, e.g. `intergovernmental: Intergovernmental body`.
    #[schemars(with = "Option<std::collections::BTreeMap<String, String>>")]
    pub source_kinds: Option<std::collections::BTreeMap<String, S<String>>>,
    /// Statement kinds, e.g. `communique: Communiqué`.
    #[schemars(with = "Option<std::collections::BTreeMap<String, String>>")]
    pub statement_kinds: Option<std::collections::BTreeMap<String, S<String>>>,
    /// Document kinds, e.g. `ceasefire: Ceasefire agreement`.
    #[schemars(with = "Option<std::collections::BTreeMap<String, String>>")]
    pub document_kinds: Option<std::collections::BTreeMap<String, S<String>>>,
}

impl RawVocabularies {
    /// The entries of one vocabulary, in word order.
    pub fn of(
        &self,
        v: crate::model::Vocabulary,
    ) -> Option<&std::collections::BTreeMap<String, S<String>>> {
        use crate::model::Vocabulary as V;
        match v {
            V::Categories => self.categories.as_ref(),
            V::Levels => self.levels.as_ref(),
            V::SourceKinds => self.source_kinds.as_ref(),
            V::StatementKinds => self.statement_kinds.as_ref(),
            V::DocumentKinds => self.document_kinds.as_ref(),
        }
    }
}

/// content/actors/*.yaml
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawActor {
    /// Display name.
    #[schemars(with = "String")]
    pub name: Opt<String>,
    /// What the actor is.
    #[schemars(with = "ActorKind")]
    pub kind: Opt<String>,
    /// The state actor the actor belongs to.
    #[schemars(with = "Option<Id>")]
    pub country: Opt<String>,
    /// Office or function.
    #[schemars(with = "Option<String>")]
    pub role: Opt<String>,
    /// The actor(s) the actor belongs to or works for: one actor id or a list of them
    /// (a state in both the E3 and the P5+1).
    #[schemars(with = "Option<OneOrMany>")]
    pub affiliation: Opt<OneOrMany>,
    /// Other names and abbreviations.
    pub aliases: Option<Vec<String>>,
    /// Official page.
    #[schemars(with = "Option<String>")]
    pub url: Opt<String>,
    /// Who the actor is in this briefing (Markdown).
    #[schemars(with = "Option<String>")]
    pub description: Opt<String>,
    /// Free tags.
    pub tags: Option<Vec<String>>,
    /// Traffic Light Protocol 2.0 marking; default: `default_tlp` of site.yaml.
    #[schemars(with = "Option<Tlp>")]
    pub tlp: Opt<String>,
    /// The sources the item rests on: source ids, or mappings with `source` and grades.
    #[schemars(with = "Option<Vec<IdOr<RawCitation>>>")]
    pub sources: RawCitations,
}

/// content/sources/*.yaml
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawSource {
    /// Display name.
    #[schemars(with = "String")]
    pub name: Opt<String>,
    /// What the source is.
    #[schemars(with = "Option<SourceKind>")]
    pub kind: Opt<String>,
    /// Admiralty source reliability, A (reliable) to F (cannot be judged); default F.
    #[schemars(with = "Option<Reliability>")]
    pub reliability: Opt<String>,
    /// Home page.
    #[schemars(with = "Option<String>")]
    pub url: Opt<String>,
    /// What the source is and how this briefing uses it (Markdown).
    #[schemars(with = "Option<String>")]
    pub description: Opt<String>,
    /// The sources this one reports from (a paper rewriting a wire story): one source id
    /// or a list. Sources of one origin do not corroborate each other.
    #[schemars(with = "Option<OneOrMany>")]
    pub derived_from: Opt<OneOrMany>,
    /// The actor whose own channel this is (a minister's account, a government's site):
    /// for that actor's statements, and its officials', it is a primary source.
    #[schemars(with = "Option<String>")]
    pub channel_of: Opt<String>,
    /// Free tags.
    pub tags: Option<Vec<String>>,
    /// Traffic Light Protocol 2.0 marking; default: `default_tlp` of site.yaml.
    #[schemars(with = "Option<Tlp>")]
    pub tlp: Opt<String>,
    /// The sources the item rests on: source ids, or mappings with `source` and grades.
    #[schemars(with = "Option<Vec<IdOr<RawCitation>>>")]
    pub sources: RawCitations,
}

/// A participant written as a mapping.
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields, rename = "Participant")]
pub struct RawParticipant {
    /// The participant (an actor id).
    #[schemars(with = "Id")]
    pub actor: Opt<String>,
    /// Role at the meeting.
    #[schemars(with = "Option<String>")]
    pub role: Opt<String>,
    /// Level of the participant.
    #[schemars(with = "Option<Level>")]
    pub level: Opt<String>,
}

/// Front matter of content/meetings/*.md
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawMeeting {
    /// Title of the meeting.
    #[schemars(with = "String")]
    pub title: Opt<String>,
    /// First day.
    #[schemars(with = "Date")]
    pub date: Opt<String>,
    /// Last day, for meetings over several days.
    #[schemars(with = "Option<Date>")]
    pub end_date: Opt<String>,
    /// Start time, HH:MM.
    #[schemars(with = "Option<Time>")]
    pub time: Opt<String>,
    /// IANA time zone of `time`; default: the site's.
    #[schemars(with = "Option<String>")]
    pub timezone: Opt<String>,
    /// Where.
    #[schemars(with = "Option<String>")]
    pub location: Opt<String>,
    /// Who convened it: an actor id or a list of them.
    #[schemars(with = "Option<OneOrMany>")]
    pub convened_by: Opt<OneOrMany>,
    /// Actor ids, or mappings with `actor`, `role` and `level`.
    #[schemars(with = "Option<Vec<IdOr<RawParticipant>>>")]
    pub participants: Option<Vec<S<IdOr<RawParticipant>>>>,
    /// Level of the meeting.
    #[schemars(with = "Option<Level>")]
    pub level: Opt<String>,
    /// Default `planned`.
    #[schemars(with = "Option<MeetingStatus>")]
    pub status: Opt<String>,
    /// The round the meeting belongs to (a round id).
    #[schemars(with = "Option<Id>")]
    pub round: Opt<String>,
    /// The negotiating texts discussed at it (document ids).
    #[schemars(with = "Option<Vec<Id>>")]
    pub documents: Option<Vec<S<String>>>,
    /// Free tags.
    pub tags: Option<Vec<String>>,
    /// Traffic Light Protocol 2.0 marking; default: `default_tlp` of site.yaml.
    #[schemars(with = "Option<Tlp>")]
    pub tlp: Opt<String>,
    /// The sources the item rests on: source ids, or mappings with `source` and grades.
    #[schemars(with = "Option<Vec<IdOr<RawCitation>>>")]
    pub sources: RawCitations,
}

/// Front matter of content/statements/*.md
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawStatement {
    /// Who said it (an actor id); required unless `attributed_to` is given.
    #[schemars(with = "Option<Id>")]
    pub speaker: Opt<String>,
    /// For anonymous statements, e.g. "unnamed White House officials".
    #[schemars(with = "Option<String>")]
    pub attributed_to: Opt<String>,
    /// When it was said.
    #[schemars(with = "Date")]
    pub date: Opt<String>,
    /// The meeting it was said at (a meeting id).
    #[schemars(with = "Option<Id>")]
    pub meeting: Opt<String>,
    /// Default `quote`.
    #[schemars(with = "Option<StatementKind>")]
    pub kind: Opt<String>,
    /// Default true.
    #[schemars(with = "Option<bool>")]
    pub on_record: Opt<bool>,
    /// The guarantee components concerned (guarantee ids).
    #[schemars(with = "Option<Vec<Id>>")]
    pub about: Option<Vec<S<String>>>,
    /// The statements this one answers (statement ids).
    #[schemars(with = "Option<Vec<Id>>")]
    pub responds_to: Option<Vec<S<String>>>,
    /// The statements this one contradicts (statement ids).
    #[schemars(with = "Option<Vec<Id>>")]
    pub contradicts: Option<Vec<S<String>>>,
    /// Figures it gives about a negotiating text or guarantee components, checked
    /// against what the briefing tracks.
    #[schemars(with = "Option<Vec<RawClaim>>")]
    pub claims: Option<Vec<S<RawClaim>>>,
    /// Default: derived from the speaker and the date.
    #[schemars(with = "Option<String>")]
    pub title: Opt<String>,
    /// Free tags.
    pub tags: Option<Vec<String>>,
    /// Traffic Light Protocol 2.0 marking; default: `default_tlp` of site.yaml.
    #[schemars(with = "Option<Tlp>")]
    pub tlp: Opt<String>,
    /// The sources the item rests on: source ids, or mappings with `source` and grades.
    #[schemars(with = "Option<Vec<IdOr<RawCitation>>>")]
    pub sources: RawCitations,
}

/// `amount:` of a contribution.
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields, rename = "Amount")]
pub struct RawAmount {
    /// How much.
    #[schemars(with = "f64")]
    pub value: Opt<f64>,
    /// Of what, e.g. `EUR` or `troops`.
    #[schemars(with = "String")]
    pub unit: Opt<String>,
}

/// One earlier step in a contribution's `history:`.
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields, rename = "Step")]
pub struct RawStep {
    /// When the step was reached.
    #[schemars(with = "Date")]
    pub date: Opt<String>,
    /// The status reached.
    #[schemars(with = "Status")]
    pub status: Opt<String>,
    /// Free note.
    #[schemars(with = "Option<String>")]
    pub note: Opt<String>,
    /// Citations verifying the step: source ids, or mappings with `source` and grades.
    #[schemars(with = "Option<Vec<IdOr<RawCitation>>>")]
    pub sources: RawCitations,
}

/// One entry of a guarantee's `contributions:`.
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields, rename = "Contribution")]
pub struct RawContribution {
    /// A slug unique within the component; the contribution's anchor becomes `#<id>`
    /// and it can be referred to as `<guarantee-id>#<id>`.
    #[schemars(with = "Option<Id>")]
    pub id: Opt<String>,
    /// Who contributes (an actor id).
    #[schemars(with = "Id")]
    pub by: Opt<String>,
    /// The actor asking for the commitment, when it is not the contributor's own offer
    /// (an actor id).
    #[schemars(with = "Option<Id>")]
    pub requested_by: Opt<String>,
    /// Contributions this one depends on: `<guarantee-id>#<contribution-id>`, any component.
    #[schemars(with = "Option<Vec<ContributionRef>>")]
    pub conditional_on: Option<Vec<S<String>>>,
    /// What is promised.
    #[schemars(with = "String")]
    pub commitment: Opt<String>,
    /// Where the commitment stands: on the ladder from proposed to implemented, or off
    /// it (suspended, breached, withdrawn, expired, rejected, contested).
    #[schemars(with = "Status")]
    pub status: Opt<String>,
    /// When the current status was reached.
    #[schemars(with = "Option<Date>")]
    pub since: Opt<String>,
    /// A note on the current status.
    #[schemars(with = "Option<String>")]
    pub note: Opt<String>,
    /// True for an obligation that must keep being honoured (a cap, a limit): never
    /// settled, shown as "in force" while implemented. Default false (a one-off).
    #[schemars(with = "Option<bool>")]
    pub continuing: Opt<bool>,
    /// Deadline: flagged overdue on every view dated after it while below implemented.
    #[schemars(with = "Option<Date>")]
    pub due: Opt<String>,
    /// End of term: after this day a status on the ladder reads `expired`.
    #[schemars(with = "Option<Date>")]
    pub until: Opt<String>,
    /// How much, with a unit.
    #[schemars(with = "Option<RawAmount>")]
    pub amount: Opt<RawAmount>,
    /// Caveats, e.g. "subject to national constitutional procedures".
    pub conditions: Option<Vec<String>>,
    /// Earlier steps.
    #[schemars(with = "Option<Vec<RawStep>>")]
    pub history: Option<Vec<S<RawStep>>>,
    /// The sources verifying the current status: source ids, or mappings with `source`
    /// and grades.
    #[schemars(with = "Option<Vec<IdOr<RawCitation>>>")]
    pub sources: RawCitations,
    /// Traffic Light Protocol 2.0 marking; default: `default_tlp` of site.yaml.
    #[schemars(with = "Option<Tlp>")]
    pub tlp: Opt<String>,
}

/// Front matter of content/guarantees/*.md
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawGuarantee {
    /// Title of the guarantee component.
    #[schemars(with = "String")]
    pub title: Opt<String>,
    /// What kind of guarantee.
    #[schemars(with = "Category")]
    pub category: Opt<String>,
    /// One line, plain text.
    #[schemars(with = "Option<String>")]
    pub summary: Opt<String>,
    /// What each actor commits to, and how far.
    #[schemars(with = "Option<Vec<RawContribution>>")]
    pub contributions: Option<Vec<S<RawContribution>>>,
    /// Free tags.
    pub tags: Option<Vec<String>>,
    /// Traffic Light Protocol 2.0 marking; default: `default_tlp` of site.yaml.
    #[schemars(with = "Option<Tlp>")]
    pub tlp: Opt<String>,
    /// The sources the item rests on: source ids, or mappings with `source` and grades.
    #[schemars(with = "Option<Vec<IdOr<RawCitation>>>")]
    pub sources: RawCitations,
}

/// content/rounds/*.yaml
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawRound {
    /// Title of the round.
    #[schemars(with = "String")]
    pub title: Opt<String>,
    /// First day (an exact day).
    #[schemars(with = "Day")]
    pub start: Opt<String>,
    /// Last day (an exact day).
    #[schemars(with = "Day")]
    pub end: Opt<String>,
    /// The bottom line (Markdown).
    #[schemars(with = "Option<String>")]
    pub summary: Opt<String>,
    /// Free tags.
    pub tags: Option<Vec<String>>,
    /// Traffic Light Protocol 2.0 marking; default: `default_tlp` of site.yaml.
    #[schemars(with = "Option<Tlp>")]
    pub tlp: Opt<String>,
    /// The sources the item rests on: source ids, or mappings with `source` and grades.
    #[schemars(with = "Option<Vec<IdOr<RawCitation>>>")]
    pub sources: RawCitations,
}
