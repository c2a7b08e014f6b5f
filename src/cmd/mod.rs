//! One module per subcommand; each prints for people and returns the exit code.

pub mod build;
pub mod check;

use briefing::diagnostics::Diagnostics;

/// Exit code for content errors.
pub const CONTENT_ERROR: u8 = 1;
/// Exit code for usage errors (bad arguments, refused output folder).
pub const USAGE_ERROR: u8 = 2;

/// Prints every problem, then the summary line, to standard error.
pub fn report(diags: &Diagnostics) {
    if diags.is_empty() {
        return;
    }
    eprintln!("{diags}");
}
