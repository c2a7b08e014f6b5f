//! What the files say: the serde shape of each kind's YAML, before validation.
//!
//! Everything is optional and positioned here, so that validation can report every
//! missing field, bad value and dangling reference at once, each at its line and column.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;
use std::marker::PhantomData;

/// A value with the line and column it was written at.
pub type S<T> = Spanned<T>;
/// An optional positioned value.
pub type Opt<T> = Option<Spanned<T>>;

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
    /// A single id; its position is the enclosing `Spanned`'s.
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
#[derive(Debug, Clone, Deserialize, Default)]
pub struct RawCitation {
    pub source: Opt<String>,
    pub credibility: Opt<u8>,
    pub date: Opt<String>,
    pub url: Opt<String>,
    pub note: Opt<String>,
}

/// `sources:` of any item.
pub type RawCitations = Option<Vec<S<IdOr<RawCitation>>>>;

/// content/site.yaml
#[derive(Debug, Clone, Deserialize, Default)]
pub struct RawSite {
    pub title: Opt<String>,
    pub subtitle: Opt<String>,
    pub description: Opt<String>,
    pub base_url: Opt<String>,
    pub language: Opt<String>,
    pub timezone: Opt<String>,
    pub default_tlp: Opt<String>,
    pub audience: Opt<String>,
    pub as_of: Opt<String>,
    pub paginate: Opt<i64>,
}

/// content/actors/*.yaml
#[derive(Debug, Clone, Deserialize, Default)]
pub struct RawActor {
    pub name: Opt<String>,
    pub kind: Opt<String>,
    pub country: Opt<String>,
    pub role: Opt<String>,
    pub affiliation: Opt<String>,
    pub aliases: Option<Vec<String>>,
    pub url: Opt<String>,
    pub description: Opt<String>,
    pub tags: Option<Vec<String>>,
    pub tlp: Opt<String>,
    pub sources: RawCitations,
}

/// content/sources/*.yaml
#[derive(Debug, Clone, Deserialize, Default)]
pub struct RawSource {
    pub name: Opt<String>,
    pub kind: Opt<String>,
    pub reliability: Opt<String>,
    pub url: Opt<String>,
    pub description: Opt<String>,
    pub tags: Option<Vec<String>>,
    pub tlp: Opt<String>,
    pub sources: RawCitations,
}

/// A participant written as a mapping.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct RawParticipant {
    pub actor: Opt<String>,
    pub role: Opt<String>,
    pub level: Opt<String>,
}

/// Front matter of content/meetings/*.md
#[derive(Debug, Clone, Deserialize, Default)]
pub struct RawMeeting {
    pub title: Opt<String>,
    pub date: Opt<String>,
    pub end_date: Opt<String>,
    pub time: Opt<String>,
    pub timezone: Opt<String>,
    pub location: Opt<String>,
    pub convened_by: Opt<OneOrMany>,
    pub participants: Option<Vec<S<IdOr<RawParticipant>>>>,
    pub level: Opt<String>,
    pub status: Opt<String>,
    pub round: Opt<String>,
    pub tags: Option<Vec<String>>,
    pub tlp: Opt<String>,
    pub sources: RawCitations,
}

/// Front matter of content/statements/*.md
#[derive(Debug, Clone, Deserialize, Default)]
pub struct RawStatement {
    pub speaker: Opt<String>,
    pub attributed_to: Opt<String>,
    pub date: Opt<String>,
    pub meeting: Opt<String>,
    pub kind: Opt<String>,
    pub on_record: Opt<bool>,
    pub about: Option<Vec<S<String>>>,
    pub title: Opt<String>,
    pub tags: Option<Vec<String>>,
    pub tlp: Opt<String>,
    pub sources: RawCitations,
}

/// `amount:` of a contribution.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct RawAmount {
    pub value: Opt<f64>,
    pub unit: Opt<String>,
}

/// One earlier step in a contribution's `history:`.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct RawStep {
    pub date: Opt<String>,
    pub status: Opt<String>,
    pub note: Opt<String>,
}

/// One entry of a guarantee's `contributions:`.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct RawContribution {
    pub by: Opt<String>,
    pub commitment: Opt<String>,
    pub status: Opt<String>,
    pub since: Opt<String>,
    pub amount: Opt<RawAmount>,
    pub conditions: Option<Vec<String>>,
    pub history: Option<Vec<S<RawStep>>>,
    pub sources: RawCitations,
    pub tlp: Opt<String>,
}

/// Front matter of content/guarantees/*.md
#[derive(Debug, Clone, Deserialize, Default)]
pub struct RawGuarantee {
    pub title: Opt<String>,
    pub category: Opt<String>,
    pub summary: Opt<String>,
    pub contributions: Option<Vec<S<RawContribution>>>,
    pub tags: Option<Vec<String>>,
    pub tlp: Opt<String>,
    pub sources: RawCitations,
}

/// content/rounds/*.yaml
#[derive(Debug, Clone, Deserialize, Default)]
pub struct RawRound {
    pub title: Opt<String>,
    pub start: Opt<String>,
    pub end: Opt<String>,
    pub summary: Opt<String>,
    pub tags: Option<Vec<String>>,
    pub tlp: Opt<String>,
    pub sources: RawCitations,
}
