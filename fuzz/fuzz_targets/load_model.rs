//! YAML loading into the model: one file of each kind, parsed and validated as a site.
#![no_main]

use briefing::load::{Loaded, parse_document};
use briefing::model::Kind;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|text: &str| {
    let site = "title: Fuzz\n";
    let mut l = Loaded::default();
    l.site = parse_document(None, Path::new("content/site.yaml"), site).0;
    l.actors = parse_document(Some(Kind::Actors), Path::new("content/actors/a.yaml"), text)
        .0
        .into_iter()
        .collect();
    l.sources = parse_document(
        Some(Kind::Sources),
        Path::new("content/sources/s.yaml"),
        text,
    )
    .0
    .into_iter()
    .collect();
    l.rounds = parse_document(Some(Kind::Rounds), Path::new("content/rounds/r.yaml"), text)
        .0
        .into_iter()
        .collect();
    l.meetings = parse_document(
        Some(Kind::Meetings),
        Path::new("content/meetings/m.md"),
        text,
    )
    .0
    .into_iter()
    .collect();
    l.statements = parse_document(
        Some(Kind::Statements),
        Path::new("content/statements/s.md"),
        text,
    )
    .0
    .into_iter()
    .collect();
    l.guarantees = parse_document(
        Some(Kind::Guarantees),
        Path::new("content/guarantees/g.md"),
        text,
    )
    .0
    .into_iter()
    .collect();
    let _ = briefing::validate::validate(l);
});
