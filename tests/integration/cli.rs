//! The binary: exit codes and what people read.

use crate::common::Site;
use assert_cmd::Command;
use predicates::prelude::*;

fn briefing() -> Command {
    Command::cargo_bin("briefing").unwrap()
}

#[test]
fn help_and_version() {
    briefing()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("build"));
    briefing()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn check_passes_on_a_valid_site_and_writes_nothing() {
    let site = Site::minimal();
    briefing()
        .args(["check", "--root"])
        .arg(site.root())
        .assert()
        .code(0);
    assert!(!site.output().exists());
}

#[test]
fn content_errors_exit_1_with_positions() {
    let site = Site::minimal();
    site.write(
        "content/meetings/paris-summit.md",
        "---\ntitle: Paris\ndate: 2026-01-06\nround: paris\n---\n",
    );
    for cmd in ["check", "build"] {
        briefing()
            .args([cmd, "--root"])
            .arg(site.root())
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "content/meetings/paris-summit.md:4:8: error[dangling-reference]: unknown round `paris` in `round`",
            ))
            .stderr(predicate::str::contains("help: did you mean `paris-round`?"))
            .stderr(predicate::str::contains("1 error, 0 warnings in 1 file"));
    }
    assert!(!site.output().exists(), "a failed build wrote output");
}

#[test]
fn usage_errors_exit_2() {
    briefing().arg("bild").assert().code(2);
    briefing().args(["build", "--nope"]).assert().code(2);
    let site = Site::minimal();
    // The output may not be the site root, nor inside content/ or templates/.
    for out in [".", "content/out", "templates/x"] {
        briefing()
            .args(["build", "--root"])
            .arg(site.root())
            .arg("--output")
            .arg(site.root().join(out))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("refusing to write"));
    }
}

#[test]
fn refuses_a_foreign_folder_unless_forced() {
    let site = Site::minimal();
    site.write("output/precious.txt", "not ours");
    briefing()
        .args(["build", "--root"])
        .arg(site.root())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    briefing()
        .args(["build", "--force", "--root"])
        .arg(site.root())
        .assert()
        .code(0);
    assert_eq!(site.page("precious.txt"), "not ours");
}

#[test]
fn build_reports_what_it_did() {
    let site = Site::minimal();
    briefing()
        .args(["build", "--root"])
        .arg(site.root())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("written, 0 unchanged, 0 removed"));
    briefing()
        .args(["build", "--root"])
        .arg(site.root())
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "(0 written, 33 unchanged, 0 removed)",
        ));
}

#[test]
fn warnings_do_not_fail() {
    let site = Site::minimal();
    site.write("content/notes.txt", "x");
    briefing()
        .args(["check", "--root"])
        .arg(site.root())
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "content/notes.txt: warning[stray-file]",
        ));
}
