//! One module per subcommand; each prints for people and returns the exit code.

pub mod build;
pub mod check;
pub mod init;
pub mod new;
pub mod out;
pub mod report;
pub mod schema;
pub mod serve;

use briefing::diagnostics::Diagnostics;
use out::say;
use std::path::Path;

/// Exit code for content errors.
pub const CONTENT_ERROR: u8 = 1;
/// Exit code for usage errors (bad arguments, refused output folder).
pub const USAGE_ERROR: u8 = 2;

/// Prints every problem with its source line, then the summary line, to standard error.
pub fn print_report(root: &Path, diags: &Diagnostics) {
    if diags.is_empty() {
        return;
    }
    say!("{}", report::human(diags, root, report::colour_wanted()));
}
