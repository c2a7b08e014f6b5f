//! Templates: defaults embedded in the binary, overridable one by one from the site's
//! templates/ folder.

use crate::diagnostics::{Diagnostic, Pos};
use std::path::Path;
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
    ("style.css", include_str!("../../templates/style.css")),
];

/// Loads the embedded templates, then the site's own; errors name the template and line.
pub fn load(root: &Path) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::new();
    tera.set_fallback_prefixes([BUILTIN_PREFIX])
        .map_err(|e| vec![from_tera(&e, None)])?;
    tera.add_raw_templates(
        DEFAULTS
            .iter()
            .map(|(n, c)| (format!("{BUILTIN_PREFIX}{n}"), *c)),
    )
    .map_err(|e| vec![from_tera(&e, None)])?;
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
                Diagnostic::error("unreadable", format!("cannot read template: {e}"))
                    .in_file(Path::new("templates").join(&name)),
            ),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    tera.add_raw_templates(user.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| vec![from_tera(&e, Some(root))])?;
    Ok(tera)
}

/// Turns a Tera error into a diagnostic naming the template file and line.
pub fn from_tera(e: &tera::Error, root: Option<&Path>) -> Diagnostic {
    let report = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r),
        _ => None,
    };
    let Some(r) = report else {
        let mut msg = e.to_string();
        let mut src = std::error::Error::source(e);
        while let Some(s) = src {
            msg.push_str(&format!(": {s}"));
            src = s.source();
        }
        return Diagnostic::error("template", msg);
    };
    let name = r.filename();
    let file = match name.strip_prefix(BUILTIN_PREFIX) {
        Some(builtin) => format!("(built-in template) {builtin}"),
        None if root.is_some() || !name.is_empty() => format!("templates/{name}"),
        None => "(template)".to_string(),
    };
    let span = r.span();
    Diagnostic::error("template", r.message().to_string())
        .in_file(file)
        .at(Some(Pos::new(span.start_line, span.start_col + 1)))
}
