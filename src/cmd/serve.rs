//! `briefing serve`

use super::out::say;
use super::report::{self, colour_wanted};
use super::{CONTENT_ERROR, USAGE_ERROR};
use briefing::model::Tlp;
use briefing::serve::{Event, ServeError, ServeOptions, Server};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Serves the site at `root` on `addr` until interrupted.
pub fn run(root: &Path, addr: SocketAddr, open: bool, audience: Option<Tlp>) -> ExitCode {
    let root_for_overlay: PathBuf = root.to_path_buf();
    let root_for_terminal = root.to_path_buf();
    let mut opts = ServeOptions::new(root, addr);
    opts.audience = audience;
    opts.describe = Arc::new(move |d| report::human(d, &root_for_overlay, false));
    opts.notify = Arc::new(move |event| match event {
        Event::Built {
            files,
            changed,
            millis,
            rendered,
            warnings,
        } => {
            super::print_report(&root_for_terminal, &warnings);
            if changed {
                say!("built {files} files in {millis} ms ({rendered} pages rendered)");
            }
        }
        Event::Failed(diags) => {
            say!(
                "{}",
                report::human(&diags, &root_for_terminal, colour_wanted())
            );
            say!("the browser shows the last good pages until this is fixed");
        }
    });
    let server = match Server::start(opts) {
        Ok(s) => s,
        Err(e @ ServeError::Watch(_)) => {
            say!("error: {e}");
            return ExitCode::from(CONTENT_ERROR);
        }
        Err(e) => {
            say!("error: {e}");
            return ExitCode::from(USAGE_ERROR);
        }
    };
    if !addr.ip().is_loopback() {
        say!(
            "warning: serving to the network on {}; anyone who can reach this machine can read the briefing",
            addr.ip()
        );
    }
    say!("serving {} (Ctrl-C to stop)", server.url());
    if open {
        open_browser(&server.url());
    }
    // Ctrl-C ends the process: pages live in memory, so nothing is left to clean up.
    server.wait();
    ExitCode::SUCCESS
}

/// Opens `url` in the default browser, best effort.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    if let Err(e) = command.arg(url).spawn() {
        say!("could not open a browser ({e}); open {url} yourself");
    }
}
