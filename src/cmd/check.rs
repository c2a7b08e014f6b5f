//! `briefing check`

use super::{CONTENT_ERROR, report};
use std::path::Path;
use std::process::ExitCode;

/// Validates the site at `root` and prints what it found.
pub fn run(root: &Path) -> ExitCode {
    let diags = briefing::check(root);
    report(&diags);
    if diags.has_errors() {
        ExitCode::from(CONTENT_ERROR)
    } else {
        if diags.is_empty() {
            eprintln!("no problems found");
        }
        ExitCode::SUCCESS
    }
}
