//! Watches content/ (site.yaml included) and templates/, debounced (notify-debouncer-full),
//! and calls back once per burst of changes.

use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long a burst of file events (an editor's save) is gathered before a rebuild.
const DEBOUNCE: Duration = Duration::from_millis(50);

type Inner = Debouncer<notify::RecommendedWatcher, RecommendedCache>;

/// A running watcher.
pub struct Watcher {
    debouncer: Arc<Mutex<Option<Inner>>>,
    thread: JoinHandle<()>,
}

impl Watcher {
    /// Watches the site at `root` (canonical) and calls `on_change` after each change.
    pub fn start(
        root: &Path,
        on_change: impl Fn(Option<Vec<PathBuf>>) + Send + 'static,
    ) -> notify::Result<Watcher> {
        let (tx, rx) = mpsc::channel::<DebounceEventResult>();
        let mut debouncer = new_debouncer(DEBOUNCE, None, tx)?;
        let templates = root.join("templates");
        debouncer.watch(root.join("content"), RecursiveMode::Recursive)?;
        // The root itself, not recursively: to notice templates/ being created.
        debouncer.watch(root, RecursiveMode::NonRecursive)?;
        let mut templates_watched = templates.is_dir();
        if templates_watched {
            debouncer.watch(&templates, RecursiveMode::Recursive)?;
        }
        let debouncer = Arc::new(Mutex::new(Some(debouncer)));
        let shared = debouncer.clone();
        let watched = [root.join("content"), templates.clone()];
        let thread = std::thread::spawn(move || {
            for result in rx {
                // Events were lost: every file must be looked at.
                let Ok(events) = result else {
                    on_change(None);
                    continue;
                };
                // Reading the files to rebuild is an access, not a change: ignoring
                // accesses keeps a rebuild from triggering the next one.
                let mut paths: Vec<PathBuf> = events
                    .iter()
                    .filter(|e| !e.kind.is_access())
                    .flat_map(|e| e.paths.iter())
                    .filter(|p| watched.iter().any(|w| p.starts_with(w)))
                    .cloned()
                    .collect();
                let rescan = events.iter().any(|e| e.need_rescan());
                if paths.is_empty() && !rescan {
                    continue;
                }
                paths.sort();
                paths.dedup();
                if !templates_watched && templates.is_dir() {
                    let mut d = shared.lock().unwrap_or_else(|e| e.into_inner());
                    if let Some(d) = d.as_mut() {
                        templates_watched = d.watch(&templates, RecursiveMode::Recursive).is_ok();
                    }
                }
                on_change((!rescan).then_some(paths));
            }
        });
        Ok(Watcher { debouncer, thread })
    }

    /// Stops watching and waits for a rebuild in progress to finish.
    pub fn stop(self) {
        let d = self
            .debouncer
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(d) = d {
            d.stop();
        }
        let _ = self.thread.join();
    }
}
