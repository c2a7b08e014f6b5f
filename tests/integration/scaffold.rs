//! `init` and `new`: a site that builds at once, new items that pass `check`.

use crate::common::Site;
use assert_cmd::Command;
use briefing::scaffold;
use predicates::prelude::*;

fn briefing() -> Command {
    Command::cargo_bin("briefing").unwrap()
}

#[test]
fn init_then_build_works() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    briefing().arg("init").arg(&root).assert().code(0);
    briefing()
        .args(["build", "--root"])
        .arg(&root)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("warning").not());
    let kinds = [
        "meetings",
        "statements",
        "guarantees",
        "actors",
        "sources",
        "rounds",
        "documents",
    ];
    for kind in kinds {
        assert!(root.join("output").join(kind).is_dir(), "no {kind} pages");
    }
    let page = std::fs::read_to_string(root.join("output/meetings/opening-meeting.html")).unwrap();
    assert!(page.contains("statements/minister-on-monitoring.html"));
}

#[test]
fn init_passes_strict_check() {
    let dir = tempfile::tempdir().unwrap();
    briefing().arg("init").arg(dir.path()).assert().code(0);
    briefing()
        .args(["check", "--strict", "--root"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("no problems found"));
}

#[test]
fn init_refuses_to_overwrite_and_writes_nothing() {
    let site = Site::minimal();
    let before = crate::common::snapshot_dir(site.root());
    briefing()
        .arg("init")
        .arg(site.root())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refusing to overwrite"));
    assert_eq!(before, crate::common::snapshot_dir(site.root()));
}

#[test]
fn new_items_of_every_kind_pass_check() {
    let dir = tempfile::tempdir().unwrap();
    scaffold::init(dir.path()).unwrap();
    for kind in [
        "actor",
        "source",
        "meeting",
        "statement",
        "guarantee",
        "round",
        "document",
    ] {
        briefing()
            .args([
                "new",
                kind,
                &format!("new-{kind}"),
                "--title",
                "Quoted: \"title\"",
                "--root",
            ])
            .arg(dir.path())
            .assert()
            .code(0);
    }
    briefing()
        .args(["new", "meetings", "untitled", "--root"])
        .arg(dir.path())
        .assert()
        .code(0);
    let diags = briefing::check(dir.path());
    assert!(diags.is_empty(), "{diags}");
    let text = std::fs::read_to_string(dir.path().join("content/meetings/untitled.md")).unwrap();
    assert!(text.contains("title: \"Untitled\"\n"), "{text}");
    assert!(
        text.contains("# location:"),
        "optional fields are comments: {text}"
    );
}

#[test]
fn new_refuses_a_taken_or_bad_id() {
    let site = Site::minimal();
    site.write(
        "content/meetings/2026/old.md",
        "---\ntitle: Old\ndate: 2026-01-01\n---\n",
    );
    for (id, says) in [
        ("old", "already exists: content/meetings/2026/old.md"),
        ("Paris_Summit", "try `paris-summit`"),
        ("café", "not a valid id"),
        ("index", "`index` is reserved"),
        ("page-2", "try `meeting-page-2`"),
    ] {
        briefing()
            .args(["new", "meeting", id, "--root"])
            .arg(site.root())
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
    }
    briefing()
        .args(["new", "meetnig", "x", "--root"])
        .arg(site.root())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown kind `meetnig`"));
}
