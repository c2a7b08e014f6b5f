//! `serve`: build the site in memory, serve it over HTTP, rebuild when a watched file
//! changes, and reload the open pages.
//!
//! Pages are kept in memory, never written: the user's output/ is not touched and the
//! live-reload script, added to HTML as it is served ([`http`]), exists nowhere else.
//! When a rebuild fails the last good pages stay and every page carries an overlay with
//! the problems, until a rebuild succeeds.

mod conn;
pub mod http;
mod watch;

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::incremental::{Incremental, Rebuilt};
use crate::model::Tlp;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

pub use conn::{IDLE, MAX_HEAD, QUEUED, WORKERS};

/// What happened on a (re)build, for the terminal.
#[derive(Debug)]
pub enum Event {
    /// The site built. `changed` is false when no page's bytes changed.
    Built {
        /// Pages in the site.
        files: usize,
        /// Whether any page changed (the browser reloads only then).
        changed: bool,
        /// Time from the start of the rebuild to the pages being served.
        millis: u128,
        /// Pages rendered again; the others were reused.
        rendered: usize,
        /// Warnings found.
        warnings: Diagnostics,
    },
    /// The site has errors; the last good pages are still served, under an overlay.
    Failed(Diagnostics),
}

/// Turns problems into the text shown in the browser's overlay.
pub type Describe = Arc<dyn Fn(&Diagnostics) -> String + Send + Sync>;
/// Receives every build event.
pub type Notify = Arc<dyn Fn(Event) + Send + Sync>;

/// How to serve.
#[derive(Clone)]
pub struct ServeOptions {
    /// The site root.
    pub root: PathBuf,
    /// Where to listen; port 0 picks a free port.
    pub addr: SocketAddr,
    /// Text of the overlay (default: the plain diagnostics and the summary). Used only
    /// when the preview withholds nothing ([`overlay_text`]).
    pub describe: Describe,
    /// Called after every build (default: nothing).
    pub notify: Notify,
    /// The highest marking to include, as in `build`; `None` takes site.yaml's `audience`.
    pub audience: Option<crate::model::Tlp>,
}

impl ServeOptions {
    /// Serve `root` on `addr`, with plain overlay text and no notifications.
    pub fn new(root: impl Into<PathBuf>, addr: SocketAddr) -> Self {
        ServeOptions {
            root: root.into(),
            addr,
            describe: Arc::new(|d: &Diagnostics| d.to_string()),
            notify: Arc::new(|_| {}),
            audience: None,
        }
    }
}

/// Why serving could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// There is no content/ folder to serve.
    #[error("no content/ folder in {0} (create a site with `briefing init`)")]
    NoContent(PathBuf),
    /// The address could not be bound.
    #[error("cannot listen on {0}: {1}")]
    Bind(SocketAddr, String),
    /// The watcher could not be set up.
    #[error("cannot watch the site: {0}")]
    Watch(#[from] notify::Error),
}

/// What is being served: the last good pages and, after a failed rebuild, its problems.
///
/// The pages are the site's own (no copy): a request made during a rebuild waits for it,
/// and gets the new page.
#[derive(Debug)]
pub struct State {
    /// The site, whose last successful rebuild's files are served.
    pub site: Incremental,
    /// The overlay text while the latest rebuild has failed.
    pub errors: Option<String>,
    /// Changes whenever what a browser should show changes; pages poll it.
    pub version: u64,
}

impl State {
    /// Serves what `site` builds.
    pub fn new(site: Incremental) -> Self {
        State {
            site,
            errors: None,
            version: 0,
        }
    }

    /// The file at `path` (e.g. `meetings/paris-summit.html`), as last built.
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.site.files().get(path).map(|b| b.as_slice())
    }
}

/// A running server. Dropping it without [`Server::stop`] leaves it running.
pub struct Server {
    listener: conn::Listener,
    watcher: watch::Watcher,
}

impl Server {
    /// Builds the site, starts listening and watching. A site with errors still starts:
    /// the browser shows the overlay until the errors are fixed.
    pub fn start(opts: ServeOptions) -> Result<Server, ServeError> {
        let root = opts.root.canonicalize().unwrap_or(opts.root.clone());
        if !root.join("content").is_dir() {
            return Err(ServeError::NoContent(opts.root.clone()));
        }
        // Pages are rebuilt incrementally (see `Incremental`): after an edit to an item's
        // words, only that file is read and only the pages showing the words are made.
        let site = Incremental::new(root.clone(), opts.audience);
        let state = Arc::new(Mutex::new(State::new(site)));
        rebuild(&state, &opts, None);
        let bind = |e: std::io::Error| ServeError::Bind(opts.addr, e.to_string());
        let tcp = std::net::TcpListener::bind(opts.addr).map_err(bind)?;
        let listener = conn::Listener::start(tcp, state.clone(), IDLE).map_err(bind)?;
        let watcher = {
            let (state, opts) = (state.clone(), opts.clone());
            watch::Watcher::start(&root, move |paths| rebuild(&state, &opts, paths.as_deref()))?
        };
        Ok(Server { listener, watcher })
    }

    /// The address actually listened on.
    pub fn addr(&self) -> SocketAddr {
        self.listener.addr()
    }

    /// The site's address, e.g. `http://127.0.0.1:8000/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr())
    }

    /// Serves until the process ends.
    pub fn wait(self) {
        self.listener.wait();
    }

    /// Stops watching and serving, and waits for the threads to finish.
    pub fn stop(self) {
        self.watcher.stop();
        self.listener.stop();
    }
}

/// The overlay's text for a failed rebuild. A preview for any audience below TLP:RED
/// may withhold material, and problems name ids, files and lines of it: such a preview
/// shows only how many problems there are and where to read them (the terminal running
/// `serve`, which is the author's). A site that fails to build cannot say reliably what
/// it would withhold, so this does not depend on the content.
pub fn overlay_text(diags: &Diagnostics, opts: &ServeOptions) -> String {
    if opts.audience == Some(Tlp::Red) {
        return (opts.describe)(diags);
    }
    let audience = opts
        .audience
        .map_or("the audience set in site.yaml".to_string(), |a| {
            a.label().to_string()
        });
    format!(
        "{}.\n\nThis preview is for {audience}: the problems are listed in the terminal \
         running `briefing serve`, not here, because they may name or quote material \
         withheld from this audience. Serve with `--audience red` to see them here.",
        diags.summary()
    )
}

/// Runs a rebuild, turning a panic in it into an error, so that one bad rebuild does not
/// end the watcher's thread (and with it every later rebuild). The site then forgets
/// what the interrupted rebuild may have left half done: the next one is full.
fn guarded(
    site: &mut Incremental,
    rebuild: impl FnOnce(&mut Incremental) -> Result<Rebuilt, Diagnostics>,
) -> Result<Rebuilt, Diagnostics> {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| rebuild(&mut *site)));
    result.unwrap_or_else(|_| {
        site.forget();
        // The panic's message went to the terminal; it is not repeated in the overlay,
        // which must show nothing an audience may not see.
        let mut diags = Diagnostics::new();
        diags.push(
            Diagnostic::error(
                Code::InternalError,
                "the rebuild stopped on an internal error (its message is in the terminal)",
            )
            .help("this is a bug in briefing: please report it; the last good pages are still served and the next change rebuilds the whole site"),
        );
        Err(diags)
    })
}

/// Rebuilds and updates what is served; the version moves only when a browser should
/// show something else. `paths` are the files a watcher saw change (`None`: look at all).
fn rebuild(state: &Mutex<State>, opts: &ServeOptions, paths: Option<&[PathBuf]>) {
    let started = Instant::now();
    let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
    let result = guarded(&mut s.site, |site| match paths {
        Some(paths) => site.rebuild_after(paths),
        None => site.rebuild(),
    });
    let event = match result {
        Ok(r) => {
            let changed = !r.changed.is_empty() || !r.removed.is_empty() || s.errors.is_some();
            if changed {
                s.errors = None;
                s.version += 1;
            }
            Event::Built {
                files: s.site.files().len(),
                changed,
                millis: started.elapsed().as_millis(),
                rendered: r.rendered,
                warnings: r.warnings,
            }
        }
        Err(diags) => {
            let text = overlay_text(&diags, opts);
            if s.errors.as_ref() != Some(&text) {
                s.errors = Some(text);
                s.version += 1;
            }
            Event::Failed(diags)
        }
    };
    drop(s);
    (opts.notify)(event);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_rebuild_is_an_error_and_the_next_one_is_full() {
        let mut inc = Incremental::new(env!("CARGO_MANIFEST_DIR"), None);
        assert!(guarded(&mut inc, Incremental::rebuild).is_ok());
        let err = guarded(&mut inc, |_| panic!("a bug")).unwrap_err();
        assert_eq!(err.iter().next().map(|d| d.code), Some(Code::InternalError));
        assert!(!inc.files().is_empty(), "the last good pages stay");
        let r = guarded(&mut inc, Incremental::rebuild).expect("the site still builds");
        assert!(
            !r.partial && r.rendered > 0,
            "after a panic the rebuild is full"
        );
    }
}
