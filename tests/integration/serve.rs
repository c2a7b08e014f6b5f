//! `serve` over real HTTP on a loopback port: pages, live edits, the error overlay.

use crate::common::Site;
use briefing::serve::http::{OVERLAY_ID, VERSION_PATH};
use briefing::serve::{Event, ServeOptions, Server};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

const MEETING: &str = "content/meetings/kyiv-meeting.md";
const PAGE: &str = "/meetings/kyiv-meeting.html";

/// A plain HTTP/1.0 GET: status code and body.
fn get(addr: SocketAddr, path: &str) -> (u16, String) {
    let host = format!("127.0.0.1:{}", addr.port());
    request(
        addr,
        &format!("GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n"),
    )
}

/// Sends `head` as it is: status code and body.
fn request(addr: SocketAddr, head: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response[9..12].parse().unwrap();
    let body = response.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    (status, body.to_string())
}

/// The overlay's element, if the page has one.
fn overlay(page: &str) -> Option<&str> {
    let at = page.find(OVERLAY_ID)?;
    let end = page[at..].find("</div>").map_or(page.len(), |e| at + e);
    Some(&page[at..end])
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

/// A preview for TLP:RED, which withholds nothing: the overlay lists the problems.
fn start_red(site: &Site) -> Server {
    let mut opts = ServeOptions::new(site.root(), "127.0.0.1:0".parse().unwrap());
    opts.audience = Some(briefing::model::Tlp::Red);
    Server::start(opts).unwrap()
}

#[test]
fn serves_pages_and_follows_edits_errors_and_fixes() {
    let site = Site::minimal();
    let server = start_red(&site);
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
    // Every rebuild is reported: "no reload" is asserted after the rebuild the change
    // caused, not after a guess at how long the watcher takes.
    let (tx, rx) = std::sync::mpsc::channel();
    let tx = std::sync::Mutex::new(tx);
    let mut opts = ServeOptions::new(site.root(), "127.0.0.1:0".parse().unwrap());
    opts.notify = std::sync::Arc::new(move |e| {
        let _ = tx.lock().unwrap().send(e);
    });
    let server = Server::start(opts).unwrap();
    let addr = server.addr();
    let first = rx.recv_timeout(Duration::from_secs(20)).unwrap();
    assert!(matches!(first, Event::Built { .. }), "{first:?}");
    let version = |addr| get(addr, VERSION_PATH).1;
    let v0 = version(addr);
    // A stray file changes nothing a browser shows: a rebuild, but no reload.
    site.write("content/meetings/notes.txt", "scratch");
    let after = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the watcher rebuilds after the stray file");
    assert!(
        matches!(after, Event::Built { changed: false, .. }),
        "{after:?}"
    );
    assert_eq!(version(addr), v0);
    // A template override is picked up, even in a templates/ folder created now.
    site.write("templates/extra.html", "unused");
    site.write(
        "templates/meeting.html",
        "{% extends \"__briefing/meeting.html\" %}{% block title %}OVERRIDDEN{% endblock title %}",
    );
    let page = wait_for(addr, PAGE, "the template override", |p| {
        p.contains("OVERRIDDEN")
    });
    assert!(overlay(&page).is_none(), "{page}");
    assert_ne!(version(addr), v0);
    server.stop();
}

#[test]
fn a_site_with_errors_still_starts_with_the_overlay() {
    let site = Site::minimal();
    site.write("content/site.yaml", "titel: x\n");
    let server = start_red(&site);
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
    let site = Site::minimal();
    let (mut child, addr) = serve_command(&site);
    assert!(addr.ip().is_loopback(), "{addr}");
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

/// Issue 14 item 8: in a preview for a lower audience, the overlay does not name or
/// quote what the preview withholds; the terminal (notify) still gets every problem.
#[test]
fn the_overlay_of_a_lower_audience_preview_withholds_the_problems() {
    let site = Site::minimal();
    let mut opts = ServeOptions::new(site.root(), "127.0.0.1:0".parse().unwrap());
    opts.audience = Some(briefing::model::Tlp::Clear);
    let server = Server::start(opts).unwrap();
    let addr = server.addr();
    assert!(overlay(&get(addr, PAGE).1).is_none());
    // The GREEN statement, withheld from this preview, gets an error.
    site.write(
        "content/statements/anonymous.md",
        "---\nattributed_to: unnamed officials\ndate: 2026-01-04\nkind: report\n\
         on_record: false\ntlp: green\ngreencanary: Secret green words\n---\nA delegation.\n",
    );
    let page = wait_for(addr, PAGE, "the overlay", |p| overlay(p).is_some());
    let shown = overlay(&page).unwrap();
    for withheld in [
        "anonymous",
        "greencanary",
        "Secret green words",
        "statements/",
    ] {
        assert!(!shown.contains(withheld), "{withheld} in {shown}");
    }
    assert!(shown.contains("1 error"), "{shown}");
    assert!(shown.contains("--audience red"), "{shown}");
    server.stop();
}

/// `briefing serve --port 0` on `site`, and the address it listens on.
#[cfg(unix)]
fn serve_command(site: &Site) -> (std::process::Child, SocketAddr) {
    use std::io::BufRead;
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
    // Keep reading standard error, so that serve never blocks on a full pipe.
    std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
    let url = line.split_whitespace().nth(1).unwrap();
    let addr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .unwrap();
    (child, addr)
}

/// Issue 14 item 8: only the names `serve` is bound to are answered (DNS rebinding),
/// headers are bounded, idle connections are closed, and a flood of idle connections
/// neither grows the threads nor stops the server for good.
#[cfg(unix)]
#[test]
fn the_server_refuses_foreign_hosts_huge_headers_and_idle_clients() {
    let site = Site::minimal();
    let (mut child, addr) = serve_command(&site);
    let port = addr.port();
    let threads = || {
        std::fs::read_dir(format!("/proc/{}/task", child.id()))
            .map(|d| d.count())
            .unwrap_or(0)
    };

    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LOCALHOST:{port}"),
    ] {
        let head = format!("GET {PAGE} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        assert_eq!(request(addr, &head).0, 200, "{host}");
    }
    for host in [
        format!("evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        "127.0.0.1:1".to_string(),
    ] {
        let head = format!("GET {PAGE} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        let (status, body) = request(addr, &head);
        assert_eq!(status, 421, "{host}");
        assert!(!body.contains("Kyiv"), "{body}");
    }
    assert_eq!(
        request(addr, &format!("GET {PAGE} HTTP/1.0\r\n\r\n")).0,
        421
    );

    // A header larger than the limit: refused at once, not read to the end.
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let big = format!(
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Big: {}",
        "a".repeat(briefing::serve::MAX_HEAD + 1024)
    );
    stream.write_all(big.as_bytes()).unwrap();
    let mut answer = String::new();
    stream
        .read_to_string(&mut answer)
        .expect("an answer, not a wait for more");
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer}");

    // Idle connections: many more than the workers, sending nothing.
    let before = threads();
    let started = Instant::now();
    let idle: Vec<TcpStream> = (0..3 * briefing::serve::WORKERS)
        .map(|_| TcpStream::connect(addr).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        threads() <= before,
        "a thread per connection: {before} -> {}",
        threads()
    );
    // Each is closed by the server after the idle time, and pages are served again.
    for mut s in idle {
        s.set_read_timeout(Some(briefing::serve::IDLE * 4)).unwrap();
        let mut rest = Vec::new();
        assert!(
            s.read_to_end(&mut rest).is_ok() && rest.is_empty(),
            "idle connection not closed"
        );
    }
    assert!(started.elapsed() < briefing::serve::IDLE * 4);
    assert_eq!(get(addr, PAGE).0, 200);

    let _ = child.kill();
    let _ = child.wait();
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
