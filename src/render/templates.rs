//! Templates: defaults embedded in the binary, overridable one by one from the site's
//! templates/ folder.

use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::i18n::Locale;
use std::path::Path;
use std::sync::Arc;
use tera::Tera;
use walkdir::WalkDir;

/// Reserved prefix of the embedded templates; a user template can extend
/// `__briefing/base.html` to reuse the default it overrides.
pub const BUILTIN_PREFIX: &str = "__briefing/";

/// The default templates, by name.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("list.html", include_str!("../../templates/list.html")),
    ("actor.html", include_str!("../../templates/actor.html")),
    ("source.html", include_str!("../../templates/source.html")),
    ("meeting.html", include_str!("../../templates/meeting.html")),
    (
        "statement.html",
        include_str!("../../templates/statement.html"),
    ),
    (
        "guarantee.html",
        include_str!("../../templates/guarantee.html"),
    ),
    ("round.html", include_str!("../../templates/round.html")),
    (
        "document.html",
        include_str!("../../templates/document.html"),
    ),
    (
        "document-round.html",
        include_str!("../../templates/document-round.html"),
    ),
    (
        "round-components.html",
        include_str!("../../templates/round-components.html"),
    ),
    (
        "round-unchanged.html",
        include_str!("../../templates/round-unchanged.html"),
    ),
    (
        "rounds-chart.html",
        include_str!("../../templates/rounds-chart.html"),
    ),
    ("views.html", include_str!("../../templates/views.html")),
    ("charts.html", include_str!("../../templates/charts.html")),
    ("matrix.html", include_str!("../../templates/matrix.html")),
    (
        "declarations.html",
        include_str!("../../templates/declarations.html"),
    ),
    ("claims.html", include_str!("../../templates/claims.html")),
    (
        "timeline.html",
        include_str!("../../templates/timeline.html"),
    ),
    (
        "sourcing.html",
        include_str!("../../templates/sourcing.html"),
    ),
    ("search.html", include_str!("../../templates/search.html")),
    (
        "markings.html",
        include_str!("../../templates/markings.html"),
    ),
    ("embed.html", include_str!("../../templates/embed.html")),
    ("split.html", include_str!("../../templates/split.html")),
    (
        "timeline-month.html",
        include_str!("../../templates/timeline-month.html"),
    ),
    (
        "declarations-page.html",
        include_str!("../../templates/declarations-page.html"),
    ),
    (
        "sourcing-page.html",
        include_str!("../../templates/sourcing-page.html"),
    ),
    ("style.css", include_str!("../../templates/style.css")),
];

/// Loads the embedded templates, then the site's own, speaking `locale`'s language (see
/// [`super::language`]); errors name the template and line.
pub fn load(root: &Path, locale: Arc<Locale>) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::new();
    super::filters::register(&mut tera);
    super::language::install(&mut tera, locale);
    tera.set_fallback_prefixes([BUILTIN_PREFIX])
        .map_err(|e| from_tera(&e))?;
    tera.add_raw_templates(
        DEFAULTS
            .iter()
            .map(|(n, c)| (format!("{BUILTIN_PREFIX}{n}"), *c)),
    )
    .map_err(|e| from_tera(&e))?;
    let dir = root.join("templates");
    if !dir.is_dir() {
        return Ok(tera);
    }
    let mut user = Vec::new();
    let mut problems = Vec::new();
    for entry in WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let name = entry
            .path()
            .strip_prefix(&dir)
            .unwrap_or(entry.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        match std::fs::read_to_string(entry.path()) {
            Ok(text) => user.push((name, text)),
            Err(e) => problems.push(
                Diagnostic::error(Code::Unreadable, format!("cannot read template: {e}"))
                    .in_whole_file(Path::new("templates").join(&name)),
            ),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    tera.add_raw_templates(user.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| from_tera(&e))?;
    Ok(tera)
}

/// Turns a Tera error into diagnostics naming the template file and line.
pub fn from_tera(e: &tera::Error) -> Vec<Diagnostic> {
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let span = r.span();
            vec![at_template(
                r.message(),
                r.filename(),
                span.start_line,
                span.start_col + 1,
            )]
        }
        _ => {
            let mut msg = e.to_string();
            let mut src = std::error::Error::source(e);
            while let Some(s) = src {
                msg.push_str(&format!(": {s}"));
                src = s.source();
            }
            let reports = parse_reports(&msg);
            if reports.is_empty() {
                vec![Diagnostic::error(Code::Template, msg)]
            } else {
                reports
            }
        }
    }
}

/// Tera reports some problems (unknown components, includes) as pre-rendered text:
/// `error: MESSAGE\n  --> NAME:LINE:COL ...`, several per error. Recover their positions.
fn parse_reports(text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for block in text.split("error: ").skip(1) {
        let mut lines = block.lines();
        let message = lines.next().unwrap_or("").trim();
        let Some(loc) = lines.next().and_then(|l| l.trim().strip_prefix("--> ")) else {
            continue;
        };
        let mut parts = loc.rsplitn(3, ':');
        let col = parts.next().and_then(|c| c.parse().ok());
        let line = parts.next().and_then(|l| l.parse().ok());
        if let (Some(col), Some(line), Some(name)) = (col, line, parts.next()) {
            out.push(at_template(message, name, line, col));
        }
    }
    out
}

fn at_template(message: &str, name: &str, line: usize, column: usize) -> Diagnostic {
    let file = match name.strip_prefix(BUILTIN_PREFIX) {
        Some(builtin) => format!("(built-in template) {builtin}"),
        None => format!("templates/{name}"),
    };
    Diagnostic::error(Code::Template, message.to_string())
        .in_file(file)
        .at(Some(Pos::new(line, column)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_positions_from_prerendered_reports() {
        let text = "error: Unknown component `x`\n  --> __briefing/base.html:13:3\n   |\n\nerror: Unknown component `y`\n  --> meeting.html:2:1\n";
        let ds = parse_reports(text);
        assert_eq!(ds.len(), 2);
        assert_eq!(
            ds[0].file.as_deref(),
            Some(Path::new("(built-in template) base.html"))
        );
        assert_eq!(ds[0].pos, Some(Pos::new(13, 3)));
        assert_eq!(
            ds[1].file.as_deref(),
            Some(Path::new("templates/meeting.html"))
        );
    }
}
