//! `briefing schema`

use super::CONTENT_ERROR;
use super::out::say;
use std::path::Path;
use std::process::ExitCode;

/// Writes one JSON Schema file per kind, and one for site.yaml, into `out`.
pub fn run(out: &Path) -> ExitCode {
    let write = |file: &str, text: String| -> std::io::Result<()> {
        let path = out.join(file);
        // Only changed bytes are written, so editors watching the files are not disturbed.
        if std::fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
            return Ok(());
        }
        std::fs::write(path, text)
    };
    let result = std::fs::create_dir_all(out).and_then(|()| {
        briefing::schema::schemas().into_iter().try_for_each(|s| {
            let text = serde_json::to_string_pretty(&s.schema).expect("a schema serialises");
            write(s.file, text + "\n")
        })
    });
    match result {
        Ok(()) => {
            say!(
                "wrote JSON Schemas for site.yaml and every kind into {}",
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            say!("error: cannot write {}: {e}", out.display());
            ExitCode::from(CONTENT_ERROR)
        }
    }
}
