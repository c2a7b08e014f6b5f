//! Printing that never panics.
//!
//! `println!` and `eprintln!` panic when the other end of the pipe is gone
//! (`briefing check --format json | head -1` exited 101 with a panic message). Here a
//! closed pipe (EPIPE) just ends the printing: the command finishes quietly with the
//! exit code it would have had anyway, so `set -o pipefail` scripts still see content
//! errors. Any other failure to write standard output is reported on standard error.

use std::fmt;
use std::io::{ErrorKind, Write};

/// Writes a line to standard output. `Err` only for a failure other than a closed pipe.
pub fn stdout(args: fmt::Arguments) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{args}").and_then(|()| out.flush()) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(e),
        _ => Ok(()),
    }
}

/// Writes a line to standard error; there is nowhere to report a failure to.
pub fn stderr(args: fmt::Arguments) {
    let _ = writeln!(std::io::stderr().lock(), "{args}");
}

/// `eprintln!` that does not panic on a closed standard error.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cmd::out::stderr(format_args!($($arg)*))
    };
}
pub(crate) use say;
