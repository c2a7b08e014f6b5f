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
fn build_without_content_suggests_init() {
    let dir = tempfile::tempdir().unwrap();
    briefing()
        .args(["build", "--root"])
        .arg(dir.path())
        .arg("--output")
        .arg(dir.path().join("out"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "error: no content/ folder in {}",
            dir.path().display()
        )))
        .stderr(predicate::str::contains(format!(
            "help: create a site there with `briefing init {}`",
            dir.path().display()
        )));
    assert!(!dir.path().join("out").exists());
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
            "(0 written, 56 unchanged, 0 removed)",
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
            "content/notes.txt:1:1: warning[stray-file]",
        ));
}

#[test]
fn errors_show_the_source_line_with_a_caret() {
    let site = Site::minimal();
    site.write(
        "content/meetings/paris-summit.md",
        "---\ntitle: Paris\ndate: 2026-01-06\nround: paris\n---\n",
    );
    briefing()
        .args(["check", "--root"])
        .arg(site.root())
        .env("NO_COLOR", "1")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "unknown round `paris` in `round`\n  |\n4 | round: paris\n  |        ^~~~~\n  help: did you mean `paris-round`?",
        ))
        .stderr(predicate::str::contains("\x1b[").not());
}

#[test]
fn check_format_json_lists_every_problem() {
    let site = Site::fixture("broken");
    let out = briefing()
        .args(["check", "--format", "json", "--root"])
        .arg(site.root())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let ds = v["diagnostics"].as_array().unwrap();
    assert_eq!(v["errors"].as_u64().unwrap() as usize + 1, ds.len());
    let typo = ds
        .iter()
        .find(|d| d["code"] == "unknown-field")
        .expect("the misspelt field is reported");
    assert_eq!(typo["file"], "content/meetings/paris-summit.md");
    assert_eq!(
        (typo["line"].as_u64(), typo["column"].as_u64()),
        (Some(6), Some(1))
    );
    assert_eq!(typo["severity"], "error");
    assert_eq!(typo["help"], "did you mean `participants`?");
    assert!(typo["message"].as_str().unwrap().contains("particpants"));
}

/// Issue 14 item 10: `briefing check --format json | head -1` panicked (exit 101) on
/// the closed pipe. Now it stops printing and exits as it would have: 1 for errors.
#[test]
fn a_closed_pipe_ends_printing_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let site = Site::minimal();
    site.write(
        "content/meetings/paris-summit.md",
        "---\ntitle: Paris\ndate: 2026-01-06\nround: paris\n---\n",
    );
    let bin = assert_cmd::cargo::cargo_bin("briefing");
    for (args, close_stdout) in [
        (&["check", "--format", "json"][..], true),
        (&["check"][..], false),
        (&["build"][..], false),
    ] {
        let mut child = Command::new(&bin)
            .args(args)
            .arg("--root")
            .arg(site.root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before anything is written (as `head` does after a line).
        let (stdout, stderr) = (child.stdout.take(), child.stderr.take());
        let kept: Box<dyn std::io::Read> = if close_stdout {
            drop(stdout);
            Box::new(stderr.unwrap())
        } else {
            drop(stderr);
            Box::new(stdout.unwrap())
        };
        let mut rest = String::new();
        let mut kept = kept;
        kept.read_to_string(&mut rest).unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(1), "{args:?}: {status:?} {rest}");
        assert!(!rest.contains("panicked"), "{args:?}: {rest}");
    }
}

/// Issue 14 item 9: ESC and BEL from content (here a file name and a line quoted under
/// an error) are shown escaped, never sent to the terminal as they are.
#[test]
fn terminal_controls_in_content_are_escaped_in_reports() {
    let site = Site::minimal();
    site.write("content/actors/\u{1b}[2Jx\u{7}.yaml", "name: X\n");
    site.write(
        "content/meetings/paris-summit.md",
        "---\ntitle: \"\u{1b}]0;pwned\u{7}\"\ndate: 2026-01-06\nround: paris\n---\n",
    );
    let out = briefing()
        .args(["check", "--root"])
        .arg(site.root())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains(['\u{1b}', '\u{7}']), "{err:?}");
    assert!(err.contains("\\u{1b}[2Jx\\u{7}"), "{err}");
}

/// A problem about a file as a whole is at its line 1, but the excerpt is never read
/// through a symbolic link: a file outside the site is not printed.
#[test]
fn excerpts_are_not_read_through_symlinks() {
    let site = Site::minimal();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.yaml");
    std::fs::write(&secret, "name: OUTSIDE-SECRET\n").unwrap();
    std::os::unix::fs::symlink(&secret, site.root().join("content/actors/linked.yaml")).unwrap();
    briefing()
        .args(["check", "--root"])
        .arg(site.root())
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "content/actors/linked.yaml:1:1: warning[symlink]",
        ))
        .stderr(predicate::str::contains("OUTSIDE-SECRET").not());
}

/// Issue 14, item 2, as reported: `check` exited 0, then `build --audience clear`
/// panicked (exit 101) on a CLEAR statement about an AMBER guarantee.
#[test]
fn a_site_that_passes_check_builds_for_a_lower_audience() {
    let site = Site::minimal();
    let path = site.root().join("content/guarantees/financial.md");
    let text = std::fs::read_to_string(&path).unwrap();
    site.write(
        "content/guarantees/financial.md",
        text.replacen(
            "category: financial\n",
            "category: financial\ntlp: amber\n",
            1,
        ),
    );
    briefing()
        .args(["check", "--root"])
        .arg(site.root())
        .assert()
        .code(0);
    briefing()
        .args(["build", "--audience", "clear", "--root"])
        .arg(site.root())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("withheld: "));
}
