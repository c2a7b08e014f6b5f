//! The HTTP/1.1 listener of `serve`: a small, bounded server for a local preview.
//!
//! - A fixed pool of [`WORKERS`] threads answers connections; at most [`QUEUED`] more
//!   wait, and any beyond that are closed at once. Idle or slow clients cannot make it
//!   spawn threads.
//! - A request head (request line and headers) larger than [`MAX_HEAD`] bytes is refused
//!   (431) without reading more; the body of a GET is never read.
//! - A client has [`IDLE`] (by default) to send its request head, in total, and as long to read the
//!   answer; one request per connection (`Connection: close`).
//! - Only requests whose `Host` is `localhost` or an IP address, on the port listened
//!   on, are answered (others get 421): a web page cannot reach the preview by pointing
//!   a DNS name of its own at 127.0.0.1 (DNS rebinding).

use super::State;
use super::http::{Reply, reply};
use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Threads answering connections.
pub const WORKERS: usize = 8;
/// Connections accepted and waiting for a worker; more are closed at once.
pub const QUEUED: usize = 64;
/// The largest request head read.
pub const MAX_HEAD: usize = 16 * 1024;
/// How long a client may take to send its request head, and to read the answer
/// (the default of [`super::ServeOptions::idle`]).
pub const IDLE: Duration = Duration::from_secs(10);

/// The listening threads.
pub struct Listener {
    addr: SocketAddr,
    stopping: Arc<AtomicBool>,
    threads: Vec<JoinHandle<()>>,
}

impl Listener {
    /// Listens on `listener`, answering from `state`.
    pub fn start(
        listener: TcpListener,
        state: Arc<Mutex<State>>,
        idle: Duration,
    ) -> std::io::Result<Listener> {
        let addr = listener.local_addr()?;
        let stopping = Arc::new(AtomicBool::new(false));
        let (tx, rx) = sync_channel::<TcpStream>(QUEUED);
        let rx = Arc::new(Mutex::new(rx));
        let mut threads: Vec<JoinHandle<()>> = (0..WORKERS)
            .map(|_| {
                let (rx, state) = (rx.clone(), state.clone());
                std::thread::spawn(move || work(&rx, &state, addr.port(), idle))
            })
            .collect();
        let flag = stopping.clone();
        threads.push(std::thread::spawn(move || accept(&listener, &tx, &flag)));
        Ok(Listener {
            addr,
            stopping,
            threads,
        })
    }

    /// The address listened on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until the process ends.
    pub fn wait(self) {
        for t in self.threads {
            let _ = t.join();
        }
    }

    /// Stops accepting, lets the workers finish their connections, and waits for them.
    pub fn stop(self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wake the accepting thread with a connection of our own.
        let ip = match self.addr.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::from([127, 0, 0, 1]),
            IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::from([0u16, 0, 0, 0, 0, 0, 0, 1]),
            ip => ip,
        };
        let _ = TcpStream::connect_timeout(&SocketAddr::new(ip, self.addr.port()), IDLE);
        self.wait();
    }
}

fn accept(listener: &TcpListener, tx: &SyncSender<TcpStream>, stopping: &AtomicBool) {
    for stream in listener.incoming() {
        if stopping.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        match tx.try_send(stream) {
            Ok(()) => {}
            // Too many waiting: this one is closed (dropped) unanswered.
            Err(TrySendError::Full(_)) => {}
            Err(TrySendError::Disconnected(_)) => break,
        }
    }
    // Dropping the sender ends the workers once the queue is empty.
}

fn work(rx: &Mutex<Receiver<TcpStream>>, state: &Mutex<State>, port: u16, idle: Duration) {
    loop {
        let next = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
        let Ok(stream) = next else { return };
        // A client that went away or misbehaved is not our problem.
        let _ = answer(stream, state, port, idle);
    }
}

/// A request as far as `serve` cares.
#[derive(Debug, PartialEq, Eq)]
struct Request {
    method: String,
    target: String,
    host: Option<String>,
}

/// Why a request head was not read.
#[derive(Debug, PartialEq, Eq)]
enum HeadError {
    /// Larger than [`MAX_HEAD`].
    TooLarge,
    /// Not HTTP.
    Malformed,
    /// Closed, timed out or failed before a whole head arrived: nothing to answer.
    Gone,
}

fn answer(
    mut stream: TcpStream,
    state: &Mutex<State>,
    port: u16,
    idle: Duration,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(idle))?;
    stream.set_write_timeout(Some(idle))?;
    let (reply, head_only) = match read_head(&mut stream, idle) {
        Ok(head) => match parse(&head) {
            Some(r) => (respond(&r, state, port), r.method == "HEAD"),
            None => (plain(400, "bad request\n"), false),
        },
        Err(HeadError::TooLarge) => (plain(431, "request header fields too large\n"), false),
        Err(HeadError::Malformed) => (plain(400, "bad request\n"), false),
        Err(HeadError::Gone) => return Ok(()),
    };
    write_reply(&mut stream, &reply, head_only)?;
    stream.flush()?;
    let _ = stream.shutdown(std::net::Shutdown::Write);
    // A short lingering close: what the client sent beyond the head is read and dropped,
    // so that closing does not reset the connection before it has read the answer.
    stream.set_read_timeout(Some(Duration::from_millis(200)))?;
    let _ = std::io::copy(
        &mut (&mut stream).take(MAX_HEAD as u64 * 4),
        &mut std::io::sink(),
    );
    Ok(())
}

/// What to answer `r`.
fn respond(r: &Request, state: &Mutex<State>, port: u16) -> Reply {
    if !host_allowed(r.host.as_deref(), port) {
        return plain(
            421,
            &format!("this preview answers only to localhost or an IP address on port {port}\n"),
        );
    }
    match r.method.as_str() {
        "GET" | "HEAD" => {
            let s = state.lock().unwrap_or_else(|e| e.into_inner());
            reply(&s, &r.target)
        }
        _ => plain(405, "method not allowed\n"),
    }
}

fn plain(status: u16, text: &str) -> Reply {
    Reply {
        status,
        content_type: "text/plain; charset=utf-8",
        location: None,
        body: text.as_bytes().to_vec(),
    }
}

/// Reads up to the blank line that ends a request head, never more than [`MAX_HEAD`]
/// bytes and never for longer than `idle` in all.
fn read_head(stream: &mut TcpStream, idle: Duration) -> Result<Vec<u8>, HeadError> {
    let started = Instant::now();
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 2048];
    loop {
        if let Some(end) = head_end(&head) {
            head.truncate(end);
            return Ok(head);
        }
        if head.len() > MAX_HEAD {
            return Err(HeadError::TooLarge);
        }
        let left = idle.saturating_sub(started.elapsed());
        if left.is_zero() {
            return Err(HeadError::Gone);
        }
        stream
            .set_read_timeout(Some(left))
            .map_err(|_| HeadError::Gone)?;
        let want = buf.len().min(MAX_HEAD + 1 - head.len().min(MAX_HEAD));
        match stream.read(&mut buf[..want.max(1)]) {
            Ok(0) => {
                return Err(if head.is_empty() {
                    HeadError::Gone
                } else {
                    HeadError::Malformed
                });
            }
            Ok(n) => head.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => return Err(HeadError::Gone),
        }
    }
}

/// Where the head ends (`\r\n\r\n`, or `\n\n` from a lax client), if it does.
fn head_end(bytes: &[u8]) -> Option<usize> {
    let crlf = bytes.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = bytes.windows(2).position(|w| w == b"\n\n");
    crlf.into_iter().chain(lf).min()
}

/// The method, target and `Host` of a request head.
fn parse(head: &[u8]) -> Option<Request> {
    let text = std::str::from_utf8(head).ok()?;
    let mut lines = text.split('\n').map(|l| l.trim_end_matches('\r'));
    let mut first = lines.next()?.split(' ');
    let (method, target, version) = (first.next()?, first.next()?, first.next()?);
    if first.next().is_some() || !version.starts_with("HTTP/1.") || !target.starts_with('/') {
        return None;
    }
    let mut host = None;
    for line in lines {
        let (name, value) = line.split_once(':')?;
        if name.eq_ignore_ascii_case("host") {
            if host.is_some() {
                // Two Host headers: ambiguous, refused.
                return None;
            }
            host = Some(value.trim().to_string());
        }
    }
    Some(Request {
        method: method.to_string(),
        target: target.to_string(),
        host,
    })
}

/// True for `localhost:PORT` or `IP:PORT` (`[v6]:PORT`), the port being the one listened
/// on (or no port when that is 80). A DNS name other than `localhost` is refused.
fn host_allowed(host: Option<&str>, port: u16) -> bool {
    let Some(host) = host else { return false };
    let (name, given) = match host.rsplit_once(':') {
        Some((name, p)) if !name.is_empty() && (!name.contains(':') || name.ends_with(']')) => {
            (name, p.parse::<u16>().ok())
        }
        _ => (host, (port == 80).then_some(80)),
    };
    if given != Some(port) {
        return false;
    }
    let bare = name
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .unwrap_or(name);
    name.eq_ignore_ascii_case("localhost")
        || (bare.parse::<std::net::Ipv6Addr>().is_ok() && name.starts_with('['))
        || name.parse::<std::net::Ipv4Addr>().is_ok()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        _ => "Error",
    }
}

/// Writes the status line, headers and (unless `head_only`) the body.
fn write_reply(stream: &mut TcpStream, r: &Reply, head_only: bool) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        r.status,
        reason(r.status),
        r.content_type,
        r.body.len()
    );
    if let Some(l) = &r.location {
        head.push_str(&format!("Location: {l}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&r.body)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_names_and_addresses_on_our_port() {
        for ok in [
            "127.0.0.1:8000",
            "localhost:8000",
            "LocalHost:8000",
            "[::1]:8000",
            "192.168.1.5:8000",
        ] {
            assert!(host_allowed(Some(ok), 8000), "{ok}");
        }
        for bad in [
            "evil.example:8000",
            "127.0.0.1:8001",
            "localhost",
            "127.0.0.1",
            "::1:8000",
            "localhost.evil.example:8000",
            "",
        ] {
            assert!(!host_allowed(Some(bad), 8000), "{bad}");
        }
        assert!(!host_allowed(None, 8000));
        assert!(host_allowed(Some("localhost"), 80));
    }

    #[test]
    fn heads_are_parsed_strictly() {
        let r = parse(b"GET /a?b HTTP/1.1\r\nHost: localhost:1\r\nX: y").unwrap();
        assert_eq!(r.method, "GET");
        assert_eq!(r.target, "/a?b");
        assert_eq!(r.host.as_deref(), Some("localhost:1"));
        assert!(parse(b"GET /a HTTP/1.1\r\nHost: a\r\nHost: b").is_none());
        assert!(parse(b"GET a HTTP/1.1").is_none());
        assert!(parse(b"GARBAGE").is_none());
        assert_eq!(head_end(b"GET / HTTP/1.0\r\n\r\nrest"), Some(14));
        assert_eq!(head_end(b"GET / HTTP/1.0\n\n"), Some(14));
    }
}
