//! `briefing build`

use super::out::say;
use super::{CONTENT_ERROR, USAGE_ERROR, print_report};
use briefing::{BuildError, BuildOptions};
use std::path::Path;
use std::process::ExitCode;

/// Builds the site at `root` into `output`.
pub fn run(root: &Path, opts: &BuildOptions) -> ExitCode {
    let output = &opts.output;
    let result = briefing::build(root, opts);
    for t in briefing::timings::take() {
        let peak = t
            .peak
            .map(|b| format!(", peak {} MB", b / (1024 * 1024)))
            .unwrap_or_default();
        say!(
            "timing: {:<24} {:>8.1} ms{peak}",
            t.stage,
            t.took.as_secs_f64() * 1000.0
        );
    }
    match result {
        Ok(r) => {
            print_report(root, &r.warnings);
            say!("audience {}", r.audience.label());
            if !r.withheld.is_empty() {
                say!("{}", r.withheld.summary());
            }
            say!(
                "built {} files into {} ({} written, {} unchanged, {} removed)",
                r.files,
                output.display(),
                r.write.written,
                r.write.unchanged,
                r.write.removed
            );
            ExitCode::SUCCESS
        }
        Err(BuildError::Content(diags)) => {
            print_report(root, &diags);
            say!("build failed; {} left as it was", output.display());
            ExitCode::from(CONTENT_ERROR)
        }
        Err(e @ BuildError::NoContent(_)) => {
            say!("error: {e}");
            say!(
                "  help: create a site there with `briefing init {}`, or pass --root the folder that holds content/",
                root.display()
            );
            ExitCode::from(CONTENT_ERROR)
        }
        Err(BuildError::Usage(msg)) => {
            say!("error: {msg}");
            ExitCode::from(USAGE_ERROR)
        }
        Err(e @ BuildError::Write(_)) => {
            say!("error: {e}");
            ExitCode::from(CONTENT_ERROR)
        }
    }
}
