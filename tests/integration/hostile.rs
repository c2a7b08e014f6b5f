//! Hostile and broken input: sanitised Markdown, symlinks, bombs, huge and binary files.
//! Each must end in a clear error or warning, never a panic or a hang.

use crate::common::Site;
use briefing::diagnostics::Diagnostic;

fn problems(site: &Site) -> Vec<Diagnostic> {
    briefing::check(site.root()).into_iter().collect()
}

#[track_caller]
fn has(site: &Site, code: &str, file: &str) -> Diagnostic {
    let all = problems(site);
    all.iter()
        .find(|d| d.code == code && d.file.as_deref() == Some(file.as_ref()))
        .cloned()
        .unwrap_or_else(|| panic!("no {code} in {file}: {all:#?}"))
}

const STATEMENT: &str = "content/statements/umerov-90.md";

#[test]
fn markdown_from_a_partner_cannot_run_anything() {
    let site = Site::minimal();
    site.write(
        STATEMENT,
        "---\nspeaker: rustem-umerov\ndate: 2026-01-03\n---\n\
         <script>alert('x')</script>\n\n<img src=x onerror=\"alert(1)\">\n\n\
         [click](javascript:alert(1))\n\n<svg onload=alert(1)><script>alert(2)</script></svg>\n\n\
         <iframe src=\"https://evil.example/\"></iframe>\n\n<p style=\"display:none\">hidden</p>\n",
    );
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output())).unwrap();
    for page in [
        "statements/umerov-90.html",
        "index.html",
        "actors/rustem-umerov.html",
    ] {
        let html = site.page(page).to_lowercase();
        for bad in [
            "<script",
            "onerror",
            "onload",
            "javascript:",
            "<iframe",
            "style=\"display",
        ] {
            assert!(!html.contains(bad), "{page} contains {bad}");
        }
    }
}

#[test]
fn yaml_strings_are_escaped() {
    let site = Site::minimal();
    site.write(
        "content/meetings/paris-summit.md",
        "---\ntitle: \"<script>alert(1)</script>\"\ndate: 2026-01-06\nlocation: \"<b onclick=x>Paris</b>\"\n---\n",
    );
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output())).unwrap();
    let html = site.page("meetings/paris-summit.html");
    assert!(!html.contains("<script>alert") && !html.contains("<b onclick"));
    assert!(html.contains("&lt;script&gt;"));
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_not_followed() {
    let site = Site::minimal();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.yaml"),
        "name: Secret\nkind: person\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.yaml"),
        site.root().join("content/actors/secret.yaml"),
    )
    .unwrap();
    // A loop: a folder linking to its parent.
    std::os::unix::fs::symlink(
        site.root().join("content"),
        site.root().join("content/actors/loop"),
    )
    .unwrap();
    let all = problems(&site);
    assert!(all.iter().all(|d| !d.is_error()), "{all:#?}");
    assert!(
        all.iter().any(|d| d.code == "symlink"
            && d.file.as_deref() == Some("content/actors/secret.yaml".as_ref()))
    );
    assert!(
        all.iter()
            .any(|d| d.code == "symlink"
                && d.file.as_deref() == Some("content/actors/loop".as_ref()))
    );
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output())).unwrap();
    assert!(!site.output().join("actors/secret.html").exists());
}

/// Issue 14 item 6: site.yaml as a link is refused unread (its target's first line
/// used to be quoted in a diagnostic), and special files are refused by type, without
/// hanging on a FIFO or reading /dev/zero until memory runs out.
#[test]
fn special_site_yaml_is_refused_by_type_before_reading() {
    use assert_cmd::Command;
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.txt"),
        "OUTSIDE-SECRET: [not yaml\n",
    )
    .unwrap();
    let site_yaml = |site: &Site| site.root().join("content/site.yaml");
    let run = |site: &Site| {
        let out = Command::cargo_bin("briefing")
            .unwrap()
            .args(["check", "--root"])
            .arg(site.root())
            .env("NO_COLOR", "1")
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };

    let site = Site::minimal();
    std::fs::remove_file(site_yaml(&site)).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.txt"), site_yaml(&site)).unwrap();
    let err = run(&site);
    assert!(!err.contains("OUTSIDE-SECRET"), "{err}");
    assert!(
        err.contains("content/site.yaml:1:1: error[symlink]"),
        "{err}"
    );

    std::fs::remove_file(site_yaml(&site)).unwrap();
    std::os::unix::fs::symlink("/dev/zero", site_yaml(&site)).unwrap();
    assert!(run(&site).contains("error[symlink]"));

    std::fs::remove_file(site_yaml(&site)).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(site_yaml(&site))
        .status()
        .unwrap();
    assert!(fifo.success());
    let err = run(&site);
    assert!(err.contains("a FIFO"), "{err}");

    // A FIFO among the items is skipped with a warning, never opened.
    let site = Site::minimal();
    let fifo = std::process::Command::new("mkfifo")
        .arg(site.root().join("content/actors/pipe.yaml"))
        .status()
        .unwrap();
    assert!(fifo.success());
    let d = has(&site, "unreadable", "content/actors/pipe.yaml");
    assert!(!d.is_error() && d.message.contains("FIFO"), "{d:?}");
}

#[test]
fn alias_bomb_is_refused() {
    let site = Site::minimal();
    let mut text = String::from(
        "name: Bomb\nkind: person\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..20 {
        let p = i - 1;
        text.push_str(&format!(
            "x{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    site.write("content/actors/bomb.yaml", text);
    let d = has(&site, "yaml-limit", "content/actors/bomb.yaml");
    assert!(d.pos.is_some(), "{d:?}");
}

#[test]
fn deep_nesting_is_refused() {
    let site = Site::minimal();
    let depth = 100_000;
    site.write(
        "content/actors/deep.yaml",
        format!(
            "name: Deep\nkind: person\nrole: {}{}\n",
            "[".repeat(depth),
            "]".repeat(depth)
        ),
    );
    let all = problems(&site);
    assert!(all.iter().any(|d| d.is_error() && d.file.as_deref() == Some("content/actors/deep.yaml".as_ref())), "{all:#?}");
    site.write(
        "content/actors/deep.yaml",
        format!(
            "name: Deep\nkind: person\nrole:\n{}",
            (0..200)
                .map(|i| format!("{}- \n", "  ".repeat(i)))
                .collect::<String>()
        ),
    );
    assert!(problems(&site).iter().any(|d| d.is_error() && d.file.as_deref() == Some("content/actors/deep.yaml".as_ref())));
}

#[test]
fn huge_files_are_refused_before_reading() {
    let site = Site::minimal();
    let f = std::fs::File::create(site.root().join("content/actors/huge.yaml")).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap(); // sparse: 100 MB without writing them
    let d = has(&site, "too-large", "content/actors/huge.yaml");
    assert!(d.message.contains("limit"), "{d:?}");
}

#[test]
fn a_million_line_front_matter_is_handled() {
    let site = Site::minimal();
    let mut text = String::from("---\ntitle: Long\ndate: 2026-01-06\n");
    text.push_str(&"\n".repeat(1_000_000));
    text.push_str("oops: 1\n---\nbody\n");
    site.write("content/meetings/long.md", text);
    let d = has(&site, "unknown-field", "content/meetings/long.md");
    assert_eq!(d.pos.map(|p| p.line), Some(1_000_004));
}

#[test]
fn binary_and_nul_bytes_give_clear_errors() {
    let site = Site::minimal();
    site.write(
        "content/actors/binary.yaml",
        [0xff, 0xd8, 0xff, 0xe0, 0, 0x10],
    );
    has(&site, "not-utf8", "content/actors/binary.yaml");
    site.write("content/actors/nul.yaml", "name: \0Nul\nkind: person\n");
    site.write(
        "content/meetings/nul.md",
        "---\ntitle: x\ndate: 2026-01-06\n---\nbody \0 with NUL\n",
    );
    let all = problems(&site);
    // NUL in YAML is refused by the parser; in a Markdown body it is replaced, not fatal.
    assert!(
        all.iter()
            .any(|d| d.file.as_deref() == Some("content/actors/nul.yaml".as_ref()) && d.is_error()),
        "{all:#?}"
    );
    assert!(
        !all.iter()
            .any(|d| d.file.as_deref() == Some("content/meetings/nul.md".as_ref())),
        "{all:#?}"
    );
}

#[test]
fn deeply_nested_markdown_and_html_are_refused_quickly() {
    let site = Site::minimal();
    let n = 50_000;
    for body in [
        "> ".repeat(n) + "quote\n",
        "<div>".repeat(n) + "x" + &"</div>".repeat(n),
    ] {
        site.write(
            STATEMENT,
            format!("---\nspeaker: rustem-umerov\ndate: 2026-01-03\n---\n{body}\n"),
        );
        let d = has(&site, "too-deep", STATEMENT);
        assert_eq!(d.pos.map(|p| p.line), Some(5));
    }
    // Nesting a real briefing uses still builds.
    let lists: String = (0..20)
        .map(|i| format!("{}- a\n", "  ".repeat(i)))
        .collect();
    site.write(
        STATEMENT,
        format!("---\nspeaker: rustem-umerov\ndate: 2026-01-03\n---\n> > > quote\n\n{lists}"),
    );
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output())).unwrap();
    assert!(site.page("statements/umerov-90.html").contains("quote"));
}
