//! Answers HTTP requests from the pages in memory, with the same paths as the built
//! site, and adds the live-reload script (and the error overlay) to HTML as it is served.

use super::State;

/// The path pages poll; it answers with the current version.
pub const VERSION_PATH: &str = "/__briefing/version";
/// The id of the error overlay element.
pub const OVERLAY_ID: &str = "__briefing-overlay";

/// A response before it goes on the wire.
#[derive(Debug, PartialEq, Eq)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Content-Type.
    pub content_type: &'static str,
    /// Location, for redirects.
    pub location: Option<String>,
    /// The body.
    pub body: Vec<u8>,
}

/// What to answer for `url` given what is served.
pub fn reply(state: &State, url: &str) -> Reply {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let ok = |content_type, body| Reply {
        status: 200,
        content_type,
        location: None,
        body,
    };
    if path == VERSION_PATH {
        return ok(
            "text/plain; charset=utf-8",
            state.version.to_string().into_bytes(),
        );
    }
    let decoded = percent_decode(path);
    let rel = decoded.trim_start_matches('/');
    let rel = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    if let Some(bytes) = state.file(&rel) {
        let content_type = content_type(&rel);
        return if content_type.starts_with("text/html") {
            ok(content_type, inject(bytes, state))
        } else {
            ok(content_type, bytes.to_vec())
        };
    }
    if state.file(&format!("{rel}/index.html")).is_some() {
        // `/meetings` -> `/meetings/`, so that relative links resolve as in the built site.
        return Reply {
            status: 301,
            content_type: "text/plain; charset=utf-8",
            location: Some(format!("{path}/")),
            body: Vec::new(),
        };
    }
    let page = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Not found</title></head>\
         <body><h1>Not found</h1><p><code>{}</code> is not part of the site. <a href=\"/\">Front page</a></p></body></html>\n",
        escape(&decoded)
    );
    Reply {
        status: 404,
        ..ok("text/html; charset=utf-8", inject(page.as_bytes(), state))
    }
}

/// The page with the overlay (while there are errors) and the reload script before
/// `</body>` (or at the end).
fn inject(html: &[u8], state: &State) -> Vec<u8> {
    let mut extra = String::new();
    if let Some(errors) = &state.errors {
        extra.push_str(&format!(
            "<div id=\"{OVERLAY_ID}\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;\
             overflow:auto;background:rgba(20,20,20,.92);color:#fff;padding:1rem;font:14px/1.5 ui-monospace,monospace\">\
             <p style=\"margin:0 0 1rem;font-weight:bold;color:#ff6b6b\">The site has errors; this is the last good version of the page. \
             Fix the files and the page reloads.</p><pre style=\"white-space:pre;overflow-x:auto;margin:0\">{}</pre></div>",
            escape(errors)
        ));
    }
    extra.push_str(&format!(
        "<script>(function(){{var v=\"{version}\";function poll(){{fetch(\"{VERSION_PATH}\",{{cache:\"no-store\"}})\
         .then(function(r){{return r.text()}}).then(function(t){{if(t!==v){{location.reload()}}else{{setTimeout(poll,250)}}}})\
         .catch(function(){{setTimeout(poll,1000)}})}}setTimeout(poll,250)}})();</script>",
        version = state.version
    ));
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `%20` -> ` `; invalid escapes are kept as written.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied(),
            bytes.get(i + 2).copied(),
        ) {
            (b'%', Some(h), Some(l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap() * 16 + hex(l).unwrap()) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, e)| e) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("xml") => "application/xml",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> State {
        let mut s = State::new(crate::incremental::Incremental::new("nowhere", None));
        s.site
            .insert_file("index.html", b"<html><body><p>Front</p></body></html>");
        s.site
            .insert_file("meetings/index.html", b"<body>list</body>");
        s.site.insert_file("style.css", b"body{}");
        s.version = 7;
        s
    }

    #[test]
    fn pages_get_the_script_and_other_files_do_not() {
        let s = state();
        let r = reply(&s, "/?x=1");
        let body = String::from_utf8(r.body).unwrap();
        assert!(
            body.starts_with("<html><body><p>Front</p><script>"),
            "{body}"
        );
        assert!(body.ends_with("</script></body></html>"));
        assert!(body.contains("var v=\"7\""));
        assert!(!body.contains(OVERLAY_ID));
        assert_eq!(reply(&s, "/style.css").body, b"body{}");
        assert_eq!(reply(&s, VERSION_PATH).body, b"7");
    }

    #[test]
    fn folders_redirect_and_unknown_paths_are_404() {
        let s = state();
        let r = reply(&s, "/meetings");
        assert_eq!((r.status, r.location.as_deref()), (301, Some("/meetings/")));
        assert_eq!(reply(&s, "/meetings/").status, 200);
        let r = reply(&s, "/../etc/passwd");
        assert_eq!(r.status, 404);
        assert!(String::from_utf8(r.body).unwrap().contains("/etc/passwd"));
    }

    #[test]
    fn errors_show_over_the_page_escaped() {
        let mut s = state();
        s.errors = Some("a.md:1:1: error[x]: <bad>".into());
        let body = String::from_utf8(reply(&s, "/").body).unwrap();
        assert!(body.contains(OVERLAY_ID));
        assert!(body.contains("&lt;bad&gt;") && body.contains("<p>Front</p>"));
        // Diagnostics keep their lines: a caret stays under its column on a phone, the
        // text scrolling sideways rather than wrapping.
        assert!(
            body.contains("<pre style=\"white-space:pre;overflow-x:auto;margin:0\">a.md:1:1"),
            "{body}"
        );
    }

    #[test]
    fn percent_escapes_are_decoded() {
        assert_eq!(percent_decode("/a%20b%zz"), "/a b%zz");
    }
}
