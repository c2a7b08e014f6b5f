//! Snapshots of what people read: error output and rendered pages.

use crate::common::Site;
use assert_cmd::Command;

#[test]
fn error_output() {
    let site = Site::fixture("broken");
    let out = Command::cargo_bin("briefing")
        .unwrap()
        .args(["check", "--root"])
        .arg(site.root())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8(out.stderr).unwrap());
}

/// Rendered pages of the minimal fixture, pinned so template changes are reviewed.
#[test]
fn rendered_pages() {
    let site = Site::minimal();
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output())).unwrap();
    for page in [
        "meetings/kyiv-meeting.html",
        "guarantees/financial.html",
        "statements/anonymous.html",
    ] {
        let name = page.replace(['/', '.'], "_");
        insta::assert_snapshot!(name, site.page(page));
    }
}
