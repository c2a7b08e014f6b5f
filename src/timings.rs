//! Stage timings for `briefing build --timings`: how long each stage took, on stderr.
//!
//! Off by default; a process-wide switch rather than a parameter threaded through every
//! stage, since it only reports and never changes what is built.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

static ENABLED: AtomicBool = AtomicBool::new(false);
static RECORDED: Mutex<Vec<(&'static str, Duration)>> = Mutex::new(Vec::new());

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
        r.push((stage, took));
    }
    out
}

/// The stages recorded so far, in the order they finished, and clears them.
pub fn take() -> Vec<(&'static str, Duration)> {
    RECORDED
        .lock()
        .map(|mut r| std::mem::take(&mut *r))
        .unwrap_or_default()
}
