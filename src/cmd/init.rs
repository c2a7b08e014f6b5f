//! `briefing init`

use super::USAGE_ERROR;
use super::out::say;
use briefing::scaffold::{self, ScaffoldError};
use std::path::Path;
use std::process::ExitCode;

/// Writes a new site into `dir`.
pub fn run(dir: &Path) -> ExitCode {
    match scaffold::init(dir) {
        Ok(files) => {
            for f in &files {
                say!("created {}", dir.join(f).display());
            }
            let root = dir.display();
            say!(
                "a new site is ready: `briefing serve --root {root}` to watch it as you edit, `briefing build --root {root}` to build it"
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

/// Prints a refusal or failure; refusals are usage errors.
pub fn fail(e: &ScaffoldError) -> ExitCode {
    say!("error: {e}");
    match e {
        ScaffoldError::Io { .. } => ExitCode::from(super::CONTENT_ERROR),
        _ => ExitCode::from(USAGE_ERROR),
    }
}
