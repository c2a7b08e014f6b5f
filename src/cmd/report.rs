//! Diagnostics for people (source line, caret, colour on a terminal) and for machines
//! (`--format json`). The library's `Diagnostic` stays plain data; this is presentation.

use briefing::diagnostics::{Diagnostic, Diagnostics, Severity};
use serde::Serialize;
use std::borrow::Cow;
use std::io::IsTerminal;
use std::path::Path;

/// How to print problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: each problem with its source line and a caret, then a summary.
    Human,
    /// One JSON document on standard output, for editors and CI.
    Json,
}

/// True when standard error is a terminal and NO_COLOR is unset or empty.
pub fn colour_wanted() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_color && std::io::stderr().is_terminal()
}

/// ANSI styles, or nothing when colour is off.
struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn severity(&self, s: Severity) -> &'static str {
        match s {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
        }
    }
}

/// Every problem, sorted, each followed by its source line, then the summary line.
/// `root` is where the files named in the diagnostics are read from.
pub fn human(diags: &Diagnostics, root: &Path, colour: bool) -> String {
    let style = Style { on: colour };
    let mut out = String::new();
    for d in diags.sorted() {
        out.push_str(&one(d, root, &style));
        out.push('\n');
    }
    out.push_str(&style.paint("1", &diags.summary()));
    out
}

/// True for characters that must not reach a terminal as they are: control characters
/// (ESC starts escape sequences that recolour, move the cursor or retitle the window,
/// BEL rings, CR overwrites the line; tab and line feed excepted) and the bidirectional
/// overrides that make text read differently from what it is.
fn unprintable(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// How `c` is shown: itself, or its escape (`\u{1b}`) if it is [`unprintable`].
fn shown(c: char, out: &mut String) {
    if unprintable(c) {
        out.extend(c.escape_default());
    } else {
        out.push(c);
    }
}

/// `s` with what a terminal would act on escaped, so that text from content files
/// (messages quote titles, ids, file names and lines) is shown, never obeyed.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(unprintable) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        shown(c, &mut out);
    }
    Cow::Owned(out)
}

/// `file:line:col: error[code]: message`, the source excerpt, then `  help: ...`.
fn one(d: &Diagnostic, root: &Path, style: &Style) -> String {
    let plain = printable(&d.render_plain()).into_owned();
    let first = plain.lines().next().unwrap_or_default();
    let mut out = match (style.on, first.find(severity_word(d.severity))) {
        (true, Some(i)) => {
            let (place, rest) = first.split_at(i);
            let word_end = rest.find(':').unwrap_or(rest.len());
            format!(
                "{}{}{}",
                style.paint("1", place),
                style.paint(style.severity(d.severity), &rest[..word_end]),
                style.paint("1", &rest[word_end..])
            )
        }
        _ => first.to_string(),
    };
    if let Some(excerpt) = excerpt(d, root) {
        out.push('\n');
        let gutter = |s: &str| style.paint("1;34", s);
        let width = excerpt.line_no.to_string().len();
        let pad = " ".repeat(width);
        out.push_str(&format!(
            "{pad} {}\n{} {} {}\n{pad} {} {}{}",
            gutter("|"),
            gutter(&excerpt.line_no.to_string()),
            gutter("|"),
            excerpt.text,
            gutter("|"),
            " ".repeat(excerpt.column - 1),
            style.paint(style.severity(d.severity), &excerpt.marker),
        ));
    }
    if let Some(help) = &d.help {
        let help = printable(help);
        out.push_str(&format!("\n  {}: {help}", style.paint("1;36", "help")));
    }
    out
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error[",
        Severity::Warning => "warning[",
    }
}

/// The offending line of a file and the marker under the problem.
#[derive(Debug, PartialEq, Eq)]
struct Excerpt {
    line_no: usize,
    text: String,
    column: usize,
    marker: String,
}

fn excerpt(d: &Diagnostic, root: &Path) -> Option<Excerpt> {
    let (file, pos) = (d.file.as_ref()?, d.pos?);
    // Read as content is: never through a link, never a special file, never unbounded.
    let text = briefing::load::read(root, file).ok()?;
    excerpt_of(&text, pos.line, pos.column)
}

/// Line `line_no` of `text` (tabs shown as spaces so the caret lines up) and a marker
/// that underlines the word starting at `column`: `^~~~`.
fn excerpt_of(text: &str, line_no: usize, column: usize) -> Option<Excerpt> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let line = text.lines().nth(line_no.checked_sub(1)?)?;
    let line: String = line.trim_end().replace('\t', " ");
    let chars: Vec<char> = line.chars().collect();
    let column = column.clamp(1, chars.len() + 1);
    let word = chars[column - 1..]
        .iter()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '+' | '.' | '@' | '/'))
        .count();
    let marker = format!("^{}", "~".repeat(word.saturating_sub(1)));
    // Shown escaped, the caret moved right by what the escapes add before it.
    let mut text = String::with_capacity(line.len());
    let mut shown_column = 1;
    for (i, c) in chars.iter().enumerate() {
        let before = text.chars().count();
        shown(*c, &mut text);
        if i + 1 < column {
            shown_column += text.chars().count() - before;
        }
    }
    Some(Excerpt {
        line_no,
        text,
        column: shown_column,
        marker,
    })
}

/// One problem in `--format json`.
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    severity: &'static str,
    code: &'static str,
    message: &'a str,
    help: Option<&'a str>,
}

/// The whole report in `--format json`.
#[derive(Serialize)]
struct JsonReport<'a> {
    diagnostics: Vec<JsonDiagnostic<'a>>,
    errors: usize,
    warnings: usize,
    summary: String,
}

/// Every problem as one JSON document (paths with `/` on every platform).
pub fn json(diags: &Diagnostics) -> String {
    let report = JsonReport {
        diagnostics: diags
            .sorted()
            .into_iter()
            .map(|d| JsonDiagnostic {
                file: d
                    .file
                    .as_ref()
                    .map(|f| f.to_string_lossy().replace('\\', "/")),
                line: d.pos.map(|p| p.line),
                column: d.pos.map(|p| p.column),
                severity: match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                code: d.code.as_str(),
                message: &d.message,
                help: d.help.as_deref(),
            })
            .collect(),
        errors: diags.error_count(),
        warnings: diags.warning_count(),
        summary: diags.summary(),
    };
    serde_json::to_string_pretty(&report).expect("a report always serialises")
}

#[cfg(test)]
mod tests {
    use super::*;
    use briefing::diagnostics::{Code, Pos};

    #[test]
    fn caret_underlines_the_word() {
        let e = excerpt_of("title: x\nround: paris\n", 2, 8).unwrap();
        assert_eq!(e.text, "round: paris");
        assert_eq!(e.marker, "^~~~~");
        assert_eq!(e.column, 8);
    }

    #[test]
    fn caret_past_the_end_is_clamped() {
        let e = excerpt_of("a:\n", 1, 40).unwrap();
        assert_eq!((e.column, e.marker.as_str()), (3, "^"));
        assert!(excerpt_of("a\n", 5, 1).is_none());
    }

    #[test]
    fn colour_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), "nmae: x\n").unwrap();
        let mut ds = Diagnostics::new();
        ds.push(
            Diagnostic::error(Code::UnknownField, "unknown field `nmae`")
                .in_file("a.yaml")
                .at(Some(Pos::new(1, 1)))
                .help("did you mean `name`?"),
        );
        let plain = human(&ds, dir.path(), false);
        assert_eq!(
            plain,
            "a.yaml:1:1: error[unknown-field]: unknown field `nmae`\n  |\n1 | nmae: x\n  | ^~~~\n  help: did you mean `name`?\n1 error, 0 warnings in 1 file"
        );
        let coloured = human(&ds, dir.path(), true);
        assert!(
            coloured.contains("\x1b[1;31merror[unknown-field]\x1b[0m"),
            "{coloured}"
        );
        assert!(coloured.contains("nmae: x"), "{coloured}");
        assert!(!plain.contains('\x1b'));
    }

    #[test]
    fn terminal_controls_from_content_are_escaped() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), "t: \u{1b}]0;pwned\u{7} x\n").unwrap();
        let mut ds = Diagnostics::new();
        ds.push(
            Diagnostic::error(Code::BadValue, "title `\u{1b}[2J\u{7}` \u{202e}")
                .in_file("a.yaml")
                .at(Some(Pos::new(1, 15)))
                .help("\u{1b}[31mred\r"),
        );
        let text = human(&ds, dir.path(), false);
        assert!(!text.chars().any(unprintable), "{text:?}");
        assert!(
            text.contains("title `\\u{1b}[2J\\u{7}` \\u{202e}"),
            "{text}"
        );
        assert!(text.contains("1 | t: \\u{1b}]0;pwned\\u{7} x\n"), "{text}");
        // The caret still points at `x`.
        let lines: Vec<&str> = text.lines().collect();
        let at = lines[2].find('x').unwrap();
        assert_eq!(lines[3].find('^'), Some(at), "{text}");
        assert!(text.contains("help: \\u{1b}[31mred\\r"), "{text}");
    }

    #[test]
    fn json_has_every_field() {
        let mut ds = Diagnostics::new();
        ds.push(
            Diagnostic::warning(Code::StrayFile, "not content")
                .in_file("content/x.txt")
                .at(Some(Pos::new(2, 3))),
        );
        let v: serde_json::Value = serde_json::from_str(&json(&ds)).unwrap();
        let d = &v["diagnostics"][0];
        assert_eq!(d["file"], "content/x.txt");
        assert_eq!(
            (d["line"].as_u64(), d["column"].as_u64()),
            (Some(2), Some(3))
        );
        assert_eq!(d["severity"], "warning");
        assert_eq!(d["code"], "stray-file");
        assert!(d["help"].is_null());
        assert_eq!(v["warnings"], 1);
    }
}
