//! The JSON Schemas: they accept the example content and reject what `check` rejects.

use crate::common::Site;
use assert_cmd::Command;
use briefing::schema::{self, file_for};
use std::path::Path;

/// Every schema compiled, by file name.
struct Validator {
    schemas: boon::Schemas,
    index: Vec<(&'static str, boon::SchemaIndex)>,
}

impl Validator {
    fn new() -> Validator {
        let mut compiler = boon::Compiler::new();
        let mut schemas = boon::Schemas::new();
        let mut index = Vec::new();
        for s in schema::schemas() {
            let url = format!("file:///schemas/{}", s.file);
            compiler.add_resource(&url, s.schema).unwrap();
            index.push((s.file, compiler.compile(&url, &mut schemas).unwrap()));
        }
        Validator { schemas, index }
    }

    /// Validates the YAML fields of one content file (front matter for Markdown).
    fn validate(&self, file: &str, text: &str) -> Result<(), String> {
        let yaml = if file.ends_with(".md") {
            briefing::load::frontmatter::split(text).unwrap().yaml
        } else {
            text
        };
        let value: serde_json::Value = serde_saphyr::from_str(yaml).unwrap();
        let dir = file.split('/').nth(1).unwrap();
        let dir = if dir.starts_with("site.") {
            "site"
        } else {
            dir
        };
        let stem = Path::new(file).file_stem().unwrap().to_str().unwrap();
        let name = if briefing::load::translation_name(stem).is_some() {
            schema::translation_file_for(dir)
        } else {
            file_for(dir)
        };
        let name = name.unwrap_or_else(|| panic!("no schema for {file}"));
        let (_, idx) = self.index.iter().find(|(f, _)| *f == name).unwrap();
        self.schemas
            .validate(&value, *idx)
            .map_err(|e| format!("{e:#}"))
    }
}

/// Every YAML and Markdown file under `root/content`, relative to `root`.
fn content_files(root: &Path) -> Vec<(String, String)> {
    crate::common::snapshot_dir(&root.join("content"))
        .into_iter()
        .filter(|(p, _)| p.ends_with(".yaml") || p.ends_with(".md"))
        .map(|(p, bytes)| (format!("content/{p}"), String::from_utf8(bytes).unwrap()))
        .collect()
}

#[test]
fn schemas_accept_the_example_sites() {
    let v = Validator::new();
    let init = tempfile::tempdir().unwrap();
    briefing::scaffold::init(init.path()).unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let minimal = crate::common::fixtures().join("minimal");
    // Every status off the ladder, continuing, due, until, notes and step sources.
    let long = crate::common::fixtures().join("long-negotiation");
    let mut checked = 0;
    for root in [repo, init.path(), minimal.as_path(), long.as_path()] {
        for (file, text) in content_files(root) {
            if let Err(e) = v.validate(&file, &text) {
                panic!("{}: {file}: {e}", root.display());
            }
            checked += 1;
        }
    }
    assert!(checked > 30, "only {checked} files checked");
}

#[test]
fn schemas_reject_a_misspelt_field_and_a_bad_value() {
    let v = Validator::new();
    let meeting = "---\ntitle: Paris\ndate: 2026-01-06\nparticpants: [france]\n---\n";
    let err = v
        .validate("content/meetings/paris.md", meeting)
        .unwrap_err();
    assert!(err.contains("particpants"), "{err}");
    let nested = "---\ntitle: T\ncategory: legal\ncontributions:\n  - by: france\n    commitment: x\n    status: agreed\n    sinse: 2026-01-01\n---\n";
    assert!(v.validate("content/guarantees/t.md", nested).is_err());
    let bad = "name: France\nkind: country\n";
    assert!(v.validate("content/actors/france.yaml", bad).is_err());
    let missing = "title: Round\nstart: 2026-01-01\n";
    assert!(v.validate("content/rounds/r.yaml", missing).is_err());
    // A translation gives words only: its schema refuses a fact.
    let words = "---\ntranslated_from: 1a2b3c4d\ntitle: Саміт\n---\n";
    let uk = "content/meetings/paris-summit.uk.md";
    v.validate(uk, words).unwrap_or_else(|e| panic!("{e}"));
    let fact = "---\ntitle: Саміт\ndate: 2026-01-06\n---\n";
    assert!(v.validate(uk, fact).is_err());
    let site = "title: T\nlanguages: [en, uk]\n";
    v.validate("content/site.yaml", site)
        .unwrap_or_else(|e| panic!("{e}"));
    let citation = "name: X\nsources:\n  - {source: reuters, credibility: 7}\n";
    assert!(v.validate("content/sources/x.yaml", citation).is_err());
    // Dates of any precision, an unquoted year included; a round's days stay exact.
    for date in ["2015", "2015-07", "~2026-01-04"] {
        let st = format!("---\nspeaker: x\ndate: {date}\n---\n");
        v.validate("content/statements/s.md", &st)
            .unwrap_or_else(|e| panic!("{date}: {e}"));
    }
    let st = "---\nspeaker: x\ndate: July 2015\n---\n";
    assert!(v.validate("content/statements/s.md", st).is_err());
    v.validate(
        "content/site.yaml",
        "title: T\nmatrix_layout: actors-as-rows\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let layout = "title: T\nmatrix_layout: sideways\n";
    assert!(v.validate("content/site.yaml", layout).is_err());
    let round = "title: R\nstart: 2026-01\nend: 2026-01-06\n";
    assert!(v.validate("content/rounds/r.yaml", round).is_err());
}

#[test]
fn schema_command_writes_one_file_per_kind() {
    let site = Site::minimal();
    let out = site.root().join("schemas");
    Command::cargo_bin("briefing")
        .unwrap()
        .args(["schema", "--out"])
        .arg(&out)
        .assert()
        .code(0);
    let files = crate::common::snapshot_dir(&out);
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "actor-translation.schema.json",
            "actor.schema.json",
            "document-translation.schema.json",
            "document.schema.json",
            "guarantee-translation.schema.json",
            "guarantee.schema.json",
            "meeting-translation.schema.json",
            "meeting.schema.json",
            "round-translation.schema.json",
            "round.schema.json",
            "site-translation.schema.json",
            "site.schema.json",
            "source-translation.schema.json",
            "source.schema.json",
            "statement-translation.schema.json",
            "statement.schema.json"
        ]
    );
    let site_schema: serde_json::Value =
        serde_json::from_slice(&files["site.schema.json"]).unwrap();
    assert_eq!(site_schema["additionalProperties"], false);
    assert_eq!(site_schema["required"][0], "title");
}
