//! `briefing check`

use super::{CONTENT_ERROR, report};
use std::path::Path;
use std::process::ExitCode;

/// Validates the site at `root` and prints what it found; `strict` fails on warnings.
pub fn run(root: &Path, strict: bool) -> ExitCode {
    let diags = briefing::check_with(root, strict);
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
