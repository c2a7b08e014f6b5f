//! JSON Schemas for editors, generated from the serde types the loader reads
//! (`src/raw.rs`), so they cannot drift from what `check` accepts.
//!
//! The types here exist only to describe a value's schema: the loader reads these values
//! as text and validation checks them, with positions; the schema tells an editor the same.

use crate::raw::*;
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use std::borrow::Cow;

/// Declares a string type whose schema is a pattern (and optionally a format).
macro_rules! text_schema {
    ($(#[$meta:meta])* $name:ident, $desc:literal, $pattern:literal $(, $format:literal)?) => {
        $(#[$meta])*
        pub struct $name;
        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                #[allow(unused_mut)]
                let mut s = json_schema!({
                    "type": "string",
                    "description": $desc,
                    "pattern": $pattern,
                });
                $(s.insert("format".into(), $format.into());)?
                s
            }
        }
    };
}

/// A date as precise as known: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, `~` if approximate. An
/// unquoted year is a YAML number, which the loader reads as its text.
pub struct Date;

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date: a day YYYY-MM-DD, a month YYYY-MM or a year YYYY, with a leading ~ if approximate (e.g. 2026-01-06, 2015-07, ~2026-01-04).",
            "anyOf": [
                { "type": "string", "pattern": "^~?[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$" },
                { "type": "integer", "minimum": 1000, "maximum": 9999 }
            ]
        })
    }
}
text_schema!(
    /// An exact calendar day, `YYYY-MM-DD`.
    Day,
    "A day, YYYY-MM-DD (e.g. 2026-01-06).",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "date"
);
text_schema!(
    /// A time of day, `HH:MM`.
    Time,
    "A time, HH:MM on the 24-hour clock (quote it: \"14:30\").",
    "^([01][0-9]|2[0-3]):[0-5][0-9]$"
);
text_schema!(
    /// A contribution of a guarantee component, `<guarantee-id>#<contribution-id>`.
    ContributionRef,
    "A contribution: the guarantee component's id, `#`, and the contribution's `id` (e.g. iaea-monitoring#iran-access).",
    "^[a-z0-9][a-z0-9-]*#[a-z0-9][a-z0-9-]*$"
);
text_schema!(
    /// The id of another item.
    Id,
    "The id of an item: its file name without extension.",
    "^[a-z0-9][a-z0-9-]*$"
);

/// An Admiralty information credibility grade.
pub struct Credibility;

impl JsonSchema for Credibility {
    fn schema_name() -> Cow<'static, str> {
        "Credibility".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "integer",
            "minimum": 1,
            "maximum": 6,
            "description": "Admiralty information credibility: 1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged.",
        })
    }
}

impl<T: JsonSchema> JsonSchema for IdOr<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("IdOr{}", T::schema_name()).into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        json_schema!({ "anyOf": [g.subschema_for::<Id>(), g.subschema_for::<T>()] })
    }
}

impl JsonSchema for OneOrMany {
    fn schema_name() -> Cow<'static, str> {
        "OneOrMany".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        json_schema!({ "anyOf": [g.subschema_for::<Id>(), g.subschema_for::<Vec<Id>>()] })
    }
}

/// One schema file: its name and what it describes.
pub struct SchemaFile {
    /// File name, e.g. `meeting.schema.json`.
    pub file: &'static str,
    /// The schema.
    pub schema: serde_json::Value,
}

fn generate<T: JsonSchema>(file: &'static str, title: &str, description: &str) -> SchemaFile {
    let mut schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>();
    schema.insert("title".into(), title.into());
    schema.insert("description".into(), description.into());
    SchemaFile {
        file,
        schema: schema.to_value(),
    }
}

/// Every schema: site.yaml, each kind's fields (front matter for Markdown kinds), and
/// each kind's translation files.
pub fn schemas() -> Vec<SchemaFile> {
    vec![
        generate::<RawSite>(
            "site.schema.json",
            "briefing site.yaml",
            "content/site.yaml: settings for the whole site.",
        ),
        generate::<RawActor>(
            "actor.schema.json",
            "briefing actor",
            "content/actors/**/*.yaml: a person, state, organisation or group.",
        ),
        generate::<RawSource>(
            "source.schema.json",
            "briefing source",
            "content/sources/**/*.yaml: where information comes from.",
        ),
        generate::<RawMeeting>(
            "meeting.schema.json",
            "briefing meeting",
            "The front matter of content/meetings/**/*.md.",
        ),
        generate::<RawStatement>(
            "statement.schema.json",
            "briefing statement",
            "The front matter of content/statements/**/*.md.",
        ),
        generate::<RawGuarantee>(
            "guarantee.schema.json",
            "briefing guarantee component",
            "The front matter of content/guarantees/**/*.md.",
        ),
        generate::<RawRound>(
            "round.schema.json",
            "briefing round",
            "content/rounds/**/*.yaml: a diplomatic round.",
        ),
        generate::<RawDocument>(
            "document.schema.json",
            "briefing document",
            "The front matter of content/documents/**/*.md: a negotiating text.",
        ),
    ]
    .into_iter()
    .chain(translation_schemas())
    .collect()
}

/// The schemas of translation files (`<id>.<lang>.md`, `.yaml`): each kind's words.
fn translation_schemas() -> Vec<SchemaFile> {
    const NOTE: &str =
        "words only: every other field of the kind is a fact of the original and is refused";
    vec![
        generate::<RawActorTranslation>(
            "actor-translation.schema.json",
            "briefing actor translation",
            &format!("content/actors/**/*.<lang>.yaml: an actor's {NOTE}."),
        ),
        generate::<RawSourceTranslation>(
            "source-translation.schema.json",
            "briefing source translation",
            &format!("content/sources/**/*.<lang>.yaml: a source's {NOTE}."),
        ),
        generate::<RawMeetingTranslation>(
            "meeting-translation.schema.json",
            "briefing meeting translation",
            &format!("The front matter of content/meetings/**/*.<lang>.md: a meeting's {NOTE}."),
        ),
        generate::<RawStatementTranslation>(
            "statement-translation.schema.json",
            "briefing statement translation",
            &format!(
                "The front matter of content/statements/**/*.<lang>.md: a statement's {NOTE}."
            ),
        ),
        generate::<RawGuaranteeTranslation>(
            "guarantee-translation.schema.json",
            "briefing guarantee component translation",
            &format!(
                "The front matter of content/guarantees/**/*.<lang>.md: a component's {NOTE}."
            ),
        ),
        generate::<RawRoundTranslation>(
            "round-translation.schema.json",
            "briefing round translation",
            &format!("content/rounds/**/*.<lang>.yaml: a round's {NOTE}."),
        ),
        generate::<RawSiteTranslation>(
            "site-translation.schema.json",
            "briefing site translation",
            &format!(
                "content/site.<lang>.yaml: the site's title, subtitle and description; {NOTE}."
            ),
        ),
        generate::<RawDocumentTranslation>(
            "document-translation.schema.json",
            "briefing document translation",
            &format!("The front matter of content/documents/**/*.<lang>.md: a text's {NOTE}."),
        ),
    ]
}

/// The schema file for the translations in `content/<dir>/` (`<id>.<lang>.<ext>`).
pub fn translation_file_for(dir: &str) -> Option<&'static str> {
    Some(match dir {
        "actors" => "actor-translation.schema.json",
        "sources" => "source-translation.schema.json",
        "meetings" => "meeting-translation.schema.json",
        "statements" => "statement-translation.schema.json",
        "guarantees" => "guarantee-translation.schema.json",
        "rounds" => "round-translation.schema.json",
        "documents" => "document-translation.schema.json",
        "site" => "site-translation.schema.json",
        _ => return None,
    })
}

/// The schema file for the items in `content/<dir>/`, or `site` for site.yaml.
pub fn file_for(dir: &str) -> Option<&'static str> {
    Some(match dir {
        "site" => "site.schema.json",
        "actors" => "actor.schema.json",
        "sources" => "source.schema.json",
        "meetings" => "meeting.schema.json",
        "statements" => "statement.schema.json",
        "guarantees" => "guarantee.schema.json",
        "rounds" => "round.schema.json",
        "documents" => "document.schema.json",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_object_rejects_unknown_fields() {
        fn walk(v: &serde_json::Value, objects: &mut usize) {
            match v {
                serde_json::Value::Object(m) => {
                    if m.contains_key("properties") {
                        *objects += 1;
                        assert_eq!(m.get("additionalProperties"), Some(&false.into()), "{v}");
                    }
                    m.values().for_each(|x| walk(x, objects));
                }
                serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, objects)),
                _ => {}
            }
        }
        for s in schemas() {
            let mut objects = 0;
            walk(&s.schema, &mut objects);
            assert!(objects >= 1, "{}", s.file);
        }
    }

    #[test]
    fn required_fields_and_enumerations_are_described() {
        let s = schemas();
        let guarantee = &s
            .iter()
            .find(|f| f.file == "guarantee.schema.json")
            .unwrap();
        let text = guarantee.schema.to_string();
        assert!(text.contains(r#""military-presence""#), "{text}");
        let required = &guarantee.schema["required"];
        assert!(required.as_array().unwrap().contains(&"category".into()));
    }
}
