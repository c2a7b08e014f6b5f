//! Stage timings for `briefing build --timings`: how long each stage took, on stderr.
//!
//! Off by default; a process-wide switch rather than a parameter threaded through every
//! stage, since it only reports and never changes what is built.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

static ENABLED: AtomicBool = AtomicBool::new(false);
static RECORDED: Mutex<Vec<Timing>> = Mutex::new(Vec::new());

/// One stage's figures.
#[derive(Debug, Clone)]
pub struct Timing {
    /// The stage.
    pub stage: &'static str,
    /// Its wall time.
    pub took: Duration,
    /// The process' peak resident memory so far, in bytes, where the system tells it.
    pub peak: Option<u64>,
}

/// Starts recording stage timings.
pub fn enable() {
    ENABLED.store(true, Ordering::Relaxed);
}

/// Runs `f`, recording its wall time under `stage` when timings are on.
pub fn time<T>(stage: &'static str, f: impl FnOnce() -> T) -> T {
    if !ENABLED.load(Ordering::Relaxed) {
        return f();
    }
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    if let Ok(mut r) = RECORDED.lock() {
        r.push(Timing {
            stage,
            took,
            peak: peak_rss(),
        });
    }
    out
}

/// The stages recorded so far, in the order they finished, and clears them.
pub fn take() -> Vec<Timing> {
    RECORDED
        .lock()
        .map(|mut r| std::mem::take(&mut *r))
        .unwrap_or_default()
}

/// Peak resident set size (Linux: `VmHWM` in /proc/self/status).
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
