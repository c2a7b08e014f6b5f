//! `serve` over real HTTP on a loopback port: pages, live edits, the error overlay.

use crate::common::Site;
use briefing::serve::http::{OVERLAY_ID, VERSION_PATH};
use briefing::serve::{ServeOptions, Server};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

const MEETING: &str = "content/meetings/kyiv-meeting.md";
const PAGE: &str = "/meetings/kyiv-meeting.html";

/// A plain HTTP/1.0 GET: status code and body.
fn get(addr: SocketAddr, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response[9..12].parse().unwrap();
    let body = response.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    (status, body.to_string())
}

/// Waits until the served page satisfies `ok`; panics with the last page after 20 s.
fn wait_for(addr: SocketAddr, path: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let (_, body) = get(addr, path);
        if ok(&body) {
            return body;
        }
        if start.elapsed() > Duration::from_secs(20) {
            panic!("timed out waiting for {what}; last page:\n{body}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn start(site: &Site) -> Server {
    Server::start(ServeOptions::new(
        site.root(),
        "127.0.0.1:0".parse().unwrap(),
    ))
    .unwrap()
}

#[test]
fn serves_pages_and_follows_edits_errors_and_fixes() {
    let site = Site::minimal();
    let server = start(&site);
    let addr = server.addr();
    assert!(addr.ip().is_loopback());

    let (status, page) = get(addr, PAGE);
    assert_eq!(status, 200);
    assert!(page.contains("Security advisers in Kyiv"));
    assert!(page.contains(VERSION_PATH), "the reload script is injected");
    assert!(!page.contains(OVERLAY_ID));
    let (status, css) = get(addr, "/style.css");
    assert_eq!(status, 200);
    assert!(!css.contains(VERSION_PATH), "only HTML gets the script");
    assert_eq!(get(addr, "/").0, 200);
    assert_eq!(get(addr, "/nope.html").0, 404);

    // An edit changes the served page.
    let good = std::fs::read_to_string(site.root().join(MEETING)).unwrap();
    site.write(
        MEETING,
        good.replace("Security advisers in Kyiv", "Advisers meet in Kyiv"),
    );
    wait_for(addr, PAGE, "the edit", |p| {
        p.contains("Advisers meet in Kyiv")
    });

    // A broken edit: the last good page stays, under the overlay with the problem.
    let edited = good.replace("Security advisers in Kyiv", "Advisers meet in Kyiv");
    site.write(MEETING, edited.replace("location:", "locaton:"));
    let page = wait_for(addr, PAGE, "the overlay", |p| p.contains(OVERLAY_ID));
    assert!(
        page.contains("Advisers meet in Kyiv"),
        "the last good page is kept"
    );
    assert!(page.contains("unknown field `locaton`"), "{page}");
    assert!(page.contains("did you mean `location`?"));

    // The fix clears the overlay.
    site.write(
        MEETING,
        edited.replace("Kyiv\nlevel", "Kyiv (Bankova)\nlevel"),
    );
    let page = wait_for(addr, PAGE, "the fix", |p| !p.contains(OVERLAY_ID));
    assert!(page.contains("Kyiv (Bankova)"));
    server.stop();
    assert!(!site.output().exists(), "serve never writes output/");
}

#[test]
fn the_version_moves_only_when_the_page_should_change() {
    let site = Site::minimal();
    let server = start(&site);
    let addr = server.addr();
    let version = |addr| get(addr, VERSION_PATH).1;
    let v0 = version(addr);
    // A stray file changes nothing a browser shows: no reload.
    site.write("content/meetings/notes.txt", "scratch");
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(version(addr), v0);
    // A template override is picked up, even in a templates/ folder created now.
    site.write("templates/extra.html", "unused");
    site.write(
        "templates/meeting.html",
        "{% extends \"__briefing/meeting.html\" %}{% block title %}OVERRIDDEN{% endblock title %}",
    );
    wait_for(addr, PAGE, "the template override", |p| {
        p.contains("OVERRIDDEN") || p.contains(OVERLAY_ID)
    });
    server.stop();
}

#[test]
fn a_site_with_errors_still_starts_with_the_overlay() {
    let site = Site::minimal();
    site.write("content/site.yaml", "titel: x\n");
    let server = start(&site);
    let (status, page) = get(server.addr(), "/");
    assert_eq!(status, 404, "no good page yet");
    assert!(page.contains(OVERLAY_ID) && page.contains("titel"));
    server.stop();
}

#[test]
fn build_output_never_carries_the_reload_script() {
    let site = Site::minimal();
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output())).unwrap();
    for (path, bytes) in crate::common::snapshot_dir(&site.output()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("__briefing/version"), "{path}");
    }
}

/// The command: listens on loopback by default, says where, and Ctrl-C ends it.
#[cfg(unix)]
#[test]
fn the_command_serves_on_loopback_and_stops_on_ctrl_c() {
    use std::io::BufRead;
    let site = Site::minimal();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("briefing"))
        .args(["serve", "--port", "0", "--root"])
        .arg(site.root())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    while !line.starts_with("serving ") {
        line.clear();
        assert_ne!(
            stderr.read_line(&mut line).unwrap(),
            0,
            "serve exited early"
        );
    }
    let url = line.split_whitespace().nth(1).unwrap();
    let addr: SocketAddr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .unwrap();
    assert!(addr.ip().is_loopback(), "{line}");
    assert_eq!(get(addr, PAGE).0, 200);
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "still running after Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!site.output().exists());
}

#[test]
fn serve_shows_what_build_would_for_the_audience() {
    let site = Site::minimal();
    let page = "/statements/anonymous.html"; // marked TLP:GREEN; site.yaml says `audience: green`
    let server = start(&site);
    assert_eq!(get(server.addr(), page).0, 200);
    server.stop();
    let mut opts = ServeOptions::new(site.root(), "127.0.0.1:0".parse().unwrap());
    opts.audience = Some(briefing::model::Tlp::Clear);
    let server = Server::start(opts).unwrap();
    assert_eq!(get(server.addr(), page).0, 404);
    server.stop();
}

/// Issue 14, item 2 under `serve`: marking a guarantee that a CLEAR statement is about
/// AMBER panicked the rebuild, which ended the watcher's thread: no later edit was seen.
#[test]
fn a_reference_becoming_withheld_is_served_and_later_edits_still_are() {
    let site = Site::minimal();
    let mut opts = ServeOptions::new(site.root(), "127.0.0.1:0".parse().unwrap());
    opts.audience = Some(briefing::model::Tlp::Clear);
    let server = Server::start(opts).unwrap();
    let addr = server.addr();
    let statement = "/statements/umerov-90.html";
    wait_for(addr, statement, "the statement", |p| {
        p.contains("Financial commitments")
    });
    let guarantee = "content/guarantees/financial.md";
    let text = std::fs::read_to_string(site.root().join(guarantee)).unwrap();
    site.write(
        guarantee,
        text.replacen(
            "category: financial\n",
            "category: financial\ntlp: amber\n",
            1,
        ),
    );
    let page = wait_for(addr, statement, "the guarantee withheld", |p| {
        !p.contains("Financial commitments")
    });
    assert!(
        page.contains("(withheld)") && !page.contains(OVERLAY_ID),
        "{page}"
    );
    let good = std::fs::read_to_string(site.root().join(MEETING)).unwrap();
    site.write(
        MEETING,
        good.replace("Security advisers in Kyiv", "Advisers meet in Kyiv"),
    );
    wait_for(addr, PAGE, "a later edit", |p| {
        p.contains("Advisers meet in Kyiv")
    });
    server.stop();
}
