//! `briefing check`

use super::out::say;
use super::report::{self, Format};
use super::{CONTENT_ERROR, print_report};
use std::path::Path;
use std::process::ExitCode;

/// Validates the site at `root` and prints what it found, for people or as JSON;
/// `strict` fails on warnings.
pub fn run(root: &Path, strict: bool, format: Format) -> ExitCode {
    let diags = briefing::check_with(root, strict);
    match format {
        Format::Human => {
            print_report(root, &diags);
            if diags.is_empty() {
                say!("no problems found");
            }
        }
        Format::Json => {
            if let Err(e) = super::out::stdout(format_args!("{}", report::json(&diags))) {
                say!("error: cannot write the report: {e}");
                return ExitCode::from(CONTENT_ERROR);
            }
        }
    }
    if diags.has_errors() {
        ExitCode::from(CONTENT_ERROR)
    } else {
        ExitCode::SUCCESS
    }
}
