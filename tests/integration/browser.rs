//! The example site in a real browser: Debian's chromium driven by playwright-core
//! (tests/browser/check.mjs), from file:// and from a local HTTP server under a sub-path.
//!
//! Skipped, with a message, only when chromium (or npm) is not installed; the pinned
//! playwright-core is installed on first run. `.ci/run` installs chromium, so CI always
//! runs it. Screenshots go to target/browser/.

use std::path::Path;
use std::process::Command;

#[test]
fn example_site_in_chromium() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        eprintln!(
            "SKIPPED example_site_in_chromium: no chromium at {chromium} \
             (apt-get install chromium, or set CHROMIUM)"
        );
        return;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let driver = repo.join("tests/browser");
    if !driver.join("node_modules/playwright-core").is_dir() {
        // A fresh clone: fetch the pinned driver from the npm registry, as .ci/run does.
        let npm = Command::new("npm")
            .args([
                "ci",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                "--prefix",
            ])
            .arg(&driver)
            .status();
        match npm {
            Ok(s) => assert!(s.success(), "`npm ci --prefix tests/browser` failed"),
            Err(_) => {
                eprintln!("SKIPPED example_site_in_chromium: chromium is installed but npm is not");
                return;
            }
        }
    }
    let target = repo.join("target/browser");
    let site = target.join("site");
    let mut opts = briefing::BuildOptions::new(&site);
    opts.force = true;
    briefing::build(repo, &opts).unwrap_or_else(|e| panic!("{e}"));
    // The analysis fixture has three rounds: its pages show every kind of movement.
    let fixture = target.join("fixture");
    let mut opts = briefing::BuildOptions::new(&fixture);
    opts.force = true;
    briefing::build(&repo.join("tests/fixtures/analysis"), &opts).unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new("node")
        .arg(driver.join("check.mjs"))
        .arg(&site)
        .arg(target.join("screenshots"))
        .arg(&fixture)
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    eprintln!("{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "browser checks failed:\n{stdout}");
}
