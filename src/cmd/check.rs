//! `briefing check`

use super::out::say;
use super::report::{self, Format};
use super::{CONTENT_ERROR, print_report};
use briefing::analysis::translations::{human, status};
use std::path::Path;
use std::process::ExitCode;

/// Validates the site at `root` and prints what it found, for people or as JSON;
/// `strict` fails on warnings; `translations` adds the translation status (a table and
/// lists, on standard output).
pub fn run(root: &Path, strict: bool, format: Format, translations: bool) -> ExitCode {
    let (diags, site) = briefing::check_keeping(root, strict);
    let status = site.as_ref().filter(|_| translations).map(|s| {
        (
            s.model.site.languages.default_lang().clone(),
            status(&s.model),
        )
    });
    match format {
        Format::Human => {
            print_report(root, &diags);
            if diags.is_empty() {
                say!("no problems found");
            }
            if let Some((default, status)) = &status
                && let Err(e) = super::out::stdout(format_args!("{}", human(default, status)))
            {
                say!("error: cannot write the translation status: {e}");
                return ExitCode::from(CONTENT_ERROR);
            }
        }
        Format::Json => {
            let text = match &status {
                Some((_, status)) => {
                    let mut v: serde_json::Value =
                        serde_json::from_str(&report::json(&diags)).expect("the report is JSON");
                    v["translations"] = serde_json::to_value(status).expect("serialises");
                    v.to_string()
                }
                None => report::json(&diags),
            };
            if let Err(e) = super::out::stdout(format_args!("{text}")) {
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
