//! `briefing new`

use super::out::say;
use briefing::scaffold;
use std::path::Path;
use std::process::ExitCode;

/// Writes a new item of `kind` called `id` under `root/content/`.
pub fn run(root: &Path, kind: &str, id: &str, title: Option<&str>) -> ExitCode {
    let today = jiff::ZonedDateTime::now().date().to_string();
    let written = scaffold::parse_kind(kind)
        .and_then(|kind| scaffold::new_item(root, kind, id, title, &today));
    match written {
        Ok(rel) => {
            say!("created {}", root.join(rel).display());
            ExitCode::SUCCESS
        }
        Err(e) => super::init::fail(&e),
    }
}

/// Writes a translation of the item `kind`/`id` into `lang` beside its original.
pub fn translation(root: &Path, kind: &str, id: &str, lang: &str) -> ExitCode {
    let written = scaffold::parse_kind(kind)
        .and_then(|kind| scaffold::translation::new_translation(root, kind, id, lang));
    match written {
        Ok(rel) => {
            say!("created {}", root.join(rel).display());
            ExitCode::SUCCESS
        }
        Err(e) => super::init::fail(&e),
    }
}
