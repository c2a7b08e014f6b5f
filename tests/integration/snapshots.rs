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
