//! Incremental rebuilds equal full builds, byte for byte, over random edit sequences.

use crate::common::{Site, snapshot_dir};
use briefing::incremental::{Incremental, full};
use std::time::{Duration, SystemTime};

/// A small deterministic generator (xorshift64*), so a failing seed can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Sets a file's modification time `secs_ago` seconds back, as if it were saved then.
fn set_mtime(path: &std::path::Path, secs_ago: u64) {
    if let Ok(f) = std::fs::File::options().write(true).open(path) {
        f.set_modified(SystemTime::now() - Duration::from_secs(secs_ago))
            .unwrap();
    }
}

/// Every contribution status word.
const STATUSES: &[&str] = briefing::model::Status::ALL;

/// Applies one random edit; returns the file it touched (relative) and what it did.
fn edit(site: &Site, rng: &mut Rng, step: usize) -> (String, String) {
    let read = |rel: &str| std::fs::read_to_string(site.root().join(rel)).unwrap_or_default();
    let meeting = "content/meetings/kyiv-meeting.md";
    let statement = "content/statements/umerov-90.md";
    let guarantee = "content/guarantees/financial.md";
    let (rel, text, what) = match rng.below(17) {
        0 => {
            let t = read(meeting);
            let start = t.find("title: ").unwrap() + 7;
            let end = start + t[start..].find('\n').unwrap();
            let new = format!("{}Meeting {step}{}", &t[..start], &t[end..]);
            (meeting.to_string(), new, "retitle a meeting")
        }
        1 => {
            let t = read(statement);
            let body = t.rsplit_once("---\n").unwrap().0;
            let new = match rng.below(4) {
                3 => format!("{body}---\n[The secret](@statements/secret), words {step}.\n"),
                n => format!("{body}---\nWords number {n}.\n"),
            };
            (statement.to_string(), new, "change a statement's words")
        }
        2 => {
            let t = read(guarantee);
            let i = t.find("    status: ").unwrap() + 12;
            let end = i + t[i..].find('\n').unwrap();
            let new = format!("{}{}{}", &t[..i], STATUSES[rng.below(8)], &t[end..]);
            (guarantee.to_string(), new, "move a contribution's status")
        }
        3 => {
            let rel = format!("content/statements/extra-{}.md", rng.below(3));
            let text = format!(
                "---\nspeaker: france\ndate: 2026-01-0{}\nabout: [financial]\n---\nExtra {step}.\n",
                1 + rng.below(4)
            );
            (rel, text, "add a statement")
        }
        4 => {
            let rel = format!("content/statements/extra-{}.md", rng.below(3));
            let _ = std::fs::remove_file(site.root().join(&rel));
            return (rel, "remove a statement".into());
        }
        5 => {
            let t = read(meeting);
            (
                meeting.to_string(),
                t.replacen("location:", "locaton:", 1),
                "misspell a field",
            )
        }
        6 => {
            let t = read(meeting);
            (
                meeting.to_string(),
                t.replace("locaton:", "location:"),
                "fix the field",
            )
        }
        7 => {
            let t = read("content/site.yaml");
            let day = 4 + rng.below(3);
            let new = t
                .lines()
                .filter(|l| !l.starts_with("as_of:"))
                .collect::<Vec<_>>()
                .join("\n");
            (
                "content/site.yaml".to_string(),
                format!("{new}\nas_of: 2026-01-0{day}\n"),
                "move as_of",
            )
        }
        8 => {
            let rel = "templates/meeting.html";
            if rng.below(2) == 0 {
                let _ = std::fs::remove_file(site.root().join(rel));
                return (rel.into(), "drop the template override".into());
            }
            let text = format!(
                "{{% extends \"__briefing/meeting.html\" %}}{{% block title %}}M{}{{% endblock title %}}",
                rng.below(3)
            );
            (rel.to_string(), text, "override a template")
        }
        9 => {
            let name = ["France", "French Republic", "Paris"][rng.below(3)];
            (
                "content/actors/france.yaml".to_string(),
                format!("name: {name}\nkind: state\n"),
                "rename an actor",
            )
        }
        10 => (
            statement.to_string(),
            read(statement),
            "save without change",
        ),
        11 => {
            let t = read(meeting);
            let body = t.rsplit_once("---\n").unwrap().0;
            let link = ["paris-summit", "kyiv-meeting", "nowhere"][rng.below(3)];
            let new = format!("{body}---\nMet {step} times before [this](@meetings/{link}).\n");
            (meeting.to_string(), new, "change a meeting's words")
        }
        12 => {
            let t = read(guarantee);
            let body = t.rsplit_once("---\n").unwrap().0;
            let new = format!("{body}---\nWhat Kyiv asks for, take {}.\n", rng.below(3));
            (guarantee.to_string(), new, "change a guarantee's words")
        }
        14 => {
            let t: String = read(statement)
                .lines()
                .filter(|l| !l.starts_with("kind:") && !l.starts_with("tags:"))
                .map(|l| format!("{l}\n"))
                .collect();
            let kind = ["quote", "claim", "declaration", "denial"][rng.below(4)];
            let tags = ["[money]", "[money, summit]", "[]"][rng.below(3)];
            let new = t.replacen("---\n", &format!("---\nkind: {kind}\ntags: {tags}\n"), 1);
            (
                statement.to_string(),
                new,
                "change a statement's kind and tags",
            )
        }
        15 => {
            let t: String = read(meeting)
                .lines()
                .filter(|l| !l.starts_with("level:") && !l.starts_with("time:"))
                .map(|l| format!("{l}\n"))
                .collect();
            let level = ["leaders", "ministers", "security-advisers"][rng.below(3)];
            let time = ["09:30", "14:00"][rng.below(2)];
            let new = t.replacen(
                "---\n",
                &format!("---\nlevel: {level}\ntime: \"{time}\"\n"),
                1,
            );
            (
                meeting.to_string(),
                new,
                "change a meeting's level and time",
            )
        }
        13 => {
            let rel = "content/rounds/paris-round.yaml";
            let t: String = read(rel)
                .lines()
                .filter(|l| !l.starts_with("summary:"))
                .map(|l| format!("{l}\n"))
                .collect();
            let new = format!("{t}summary: Partners met, take {}.\n", rng.below(3));
            (rel.to_string(), new, "sum up a round")
        }
        _ => {
            let rel = "content/actors/france.yaml";
            let t: String = read(rel)
                .lines()
                .filter(|l| !l.starts_with("description:"))
                .map(|l| format!("{l}\n"))
                .collect();
            let new = format!("{t}description: Seen {} times.\n", rng.below(3));
            (rel.to_string(), new, "describe an actor")
        }
    };
    site.write(&rel, text);
    // Each save gets its own time, in the past, so that the cache trusts the files it
    // has read (it re-reads files saved in the last seconds) and must notice each change.
    set_mtime(&site.root().join(&rel), 10_000 - step as u64);
    (rel, what.to_string())
}

fn backdate_everything(site: &Site) {
    for (rel, _) in snapshot_dir(site.root()) {
        set_mtime(&site.root().join(rel), 20_000);
    }
}

#[test]
fn incremental_rebuilds_equal_full_builds_on_random_edits() {
    let (mut partial, mut partial_withholding, mut partial_fields) = (0, 0, 0);
    for seed in 1..=8u64 {
        let site = Site::minimal();
        // Templates that show what the default ones leave out (every body a page's data
        // holds), so that a page missed by the fast path shows in its bytes.
        site.write(
            "templates/round.html",
            "{% for s in brief.latest_statements %}{{ s.body_html }}{% endfor %}\
             {% for m in brief.next_meetings %}{{ m.body_html }}{% endfor %}{{ item.summary_html }}",
        );
        site.write(
            "templates/index.html",
            "{% if round %}{{ round.summary_html }}{% endif %}\
             {% if brief %}{% for s in brief.latest_statements %}{{ s.body_html }}{% endfor %}\
             {% for m in brief.next_meetings %}{{ m.body_html }}{% endfor %}{% endif %}\
             {% for m in next_meetings %}{{ m.body_html }}{% endfor %}\
             {% for m in recent_meetings %}{{ m.body_html }}{% endfor %}\
             {% for s in latest_statements %}{{ s.body_html }}{% endfor %}\
             {% for g in guarantees %}{{ g.body_html }}{% endfor %}",
        );
        site.write(
            "templates/list.html",
            "{% for i in items %}{% if i.body_html is defined %}{{ i.body_html }}\
             {% elif i.description_html is defined %}{{ i.description_html }}{% endif %}{% endfor %}",
        );
        // Half the runs have an item the audience (green) may not see, so the pages are
        // rendered from a restricted model.
        let withholds = seed % 2 == 1;
        if withholds {
            site.write(
                "content/statements/secret.md",
                "---\nspeaker: france\ndate: 2026-01-02\ntlp: amber\n---\nSecret words.\n",
            );
        }
        backdate_everything(&site);
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut inc = Incremental::new(site.root(), None);
        let (inc_dir, full_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let mut log = Vec::new();
        for step in 0..12 {
            if step > 0 {
                log.push(edit(&site, &mut rng, step));
            }
            let ctx = || format!("seed {seed}, edits {log:?}");
            match (inc.rebuild(), full(site.root(), None)) {
                (Ok(a), Ok((outputs, warnings))) => {
                    partial += usize::from(a.partial);
                    partial_withholding += usize::from(a.partial && withholds);
                    let fields = log
                        .last()
                        .is_some_and(|(_, what)| what.contains("kind and"));
                    partial_fields += usize::from(a.partial && fields);
                    assert!(inc.outputs() == outputs, "pages differ: {}", ctx());
                    assert_eq!(a.warnings.to_string(), warnings.to_string(), "{}", ctx());
                    inc.write(&a, inc_dir.path()).unwrap();
                    briefing::write::write(&outputs, full_dir.path()).unwrap();
                    assert!(
                        snapshot_dir(inc_dir.path()) == snapshot_dir(full_dir.path()),
                        "written folders differ: {}",
                        ctx()
                    );
                }
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{}", ctx()),
                (a, b) => panic!(
                    "one failed, the other not ({:?} vs {:?}): {}",
                    a.map(|r| r.changed.len()),
                    b.map(|r| r.0.len()),
                    ctx()
                ),
            }
        }
    }
    // The edits to words alone take the fast path; it must have been tested.
    assert!(partial >= 10, "only {partial} partial rebuilds");
    assert!(
        partial_withholding >= 5,
        "only {partial_withholding} with items withheld"
    );
    assert!(
        partial_fields >= 1,
        "only {partial_fields} for a statement's fields"
    );
}

#[test]
fn a_statement_edit_renders_only_the_pages_that_show_it() {
    let site = Site::minimal();
    backdate_everything(&site);
    let mut inc = Incremental::new(site.root(), None);
    let first = inc.rebuild().unwrap();
    assert_eq!(
        first.changed.len(),
        inc.files().len(),
        "everything is new at first"
    );
    let rel = "content/statements/umerov-90.md";
    let text = std::fs::read_to_string(site.root().join(rel)).unwrap();
    site.write(rel, text.replace("already agreed", "largely agreed"));
    let r = inc.rebuild().unwrap();
    assert!(
        r.partial,
        "an edit to a statement's words takes the fast path"
    );
    assert!(
        r.changed.contains(&"statements/umerov-90.html".to_string()),
        "{:?}",
        r.changed
    );
    assert!(
        r.rendered < first.rendered / 2,
        "rendered {} of {}",
        r.rendered,
        first.rendered
    );
    // A page may get new inputs yet the same bytes (a list not showing the words);
    // exports (search index, feeds) are made whole and only compared.
    let pages_changed = r.changed.iter().filter(|p| p.ends_with(".html")).count();
    assert!(pages_changed <= r.rendered, "{:?}", r.changed);
    assert!(r.removed.is_empty());
}

#[test]
fn the_fast_path_withholds_what_a_full_build_withholds() {
    let site = Site::minimal();
    site.write(
        "content/statements/secret.md",
        "---\nspeaker: france\ndate: 2026-01-02\ntlp: amber\n---\nSecret words.\n",
    );
    let rel = "content/statements/umerov-90.md";
    let text = std::fs::read_to_string(site.root().join(rel)).unwrap();
    let head = text.rsplit_once("---\n").unwrap().0.to_string();
    let words = |n: usize| format!("{head}---\n[The secret](@statements/secret), words {n}.\n");
    site.write(rel, words(1));
    backdate_everything(&site);
    let mut inc = Incremental::new(site.root(), None);
    let first = inc.rebuild().unwrap();
    assert!(!first.partial);
    assert_eq!(first.warnings.warning_count(), 1, "{}", first.warnings);
    // The same warning (the link is where it was), new words: the fast path, with the
    // link to the withheld statement made plain as a full build makes it.
    site.write(rel, words(2));
    let r = inc.rebuild().unwrap();
    assert!(r.partial, "{:?}", r.changed);
    let (outputs, warnings) = full(site.root(), None).unwrap();
    assert_eq!(r.warnings.to_string(), warnings.to_string());
    assert!(inc.outputs() == outputs, "pages differ from a full build's");
    let page = &outputs
        .iter()
        .find(|o| o.path == "statements/umerov-90.html")
        .unwrap()
        .bytes;
    let page = String::from_utf8_lossy(page);
    assert!(page.contains("words 2"), "{page}");
    assert!(!page.contains("secret.html"), "{page}");
    // An edit to the withheld statement's words changes nothing the audience sees.
    site.write(
        "content/statements/secret.md",
        "---\nspeaker: france\ndate: 2026-01-02\ntlp: amber\n---\nOther secret words.\n",
    );
    let r = inc.rebuild().unwrap();
    assert!(r.partial && r.changed.is_empty(), "{:?}", r.changed);
    assert!(inc.outputs() == full(site.root(), None).unwrap().0);
}

#[test]
fn edits_to_a_meeting_or_statement_s_other_fields_take_the_fast_path() {
    let site = Site::fixture("analysis");
    backdate_everything(&site);
    let mut inc = Incremental::new(site.root(), None);
    inc.rebuild().unwrap();
    let statement = "content/statements/anon.md";
    let meeting = "content/meetings/next.md";
    let text = |rel: &str| std::fs::read_to_string(site.root().join(rel)).unwrap();
    let (s0, m0) = (text(statement), text(meeting));
    let graded = s0.replace("{source: gazette}", "{source: gazette, credibility: 5}");
    let edits = [
        // A citation's grade: the statement's page and the sourcing page show it.
        (statement, graded.clone(), true, "sourcing.html"),
        (
            statement,
            graded.replacen("---\n", "---\nkind: declaration\n", 1),
            true,
            "",
        ),
        (
            meeting,
            m0.replace("credibility: 2}, {", "credibility: 4}, {"),
            true,
            "",
        ),
        (
            meeting,
            m0.replacen("---\n", "---\nlevel: ministers\n", 1),
            true,
            "",
        ),
        // A status decides the lists of next meetings; a title is in every link to the
        // item: the whole site is rebuilt.
        (
            meeting,
            m0.replacen("---\n", "---\nstatus: cancelled\n", 1),
            false,
            "",
        ),
        (
            meeting,
            m0.replace("title: Next talks", "title: Later talks"),
            false,
            "",
        ),
    ];
    for (rel, new, fast, shown) in edits {
        site.write(rel, &new);
        let r = inc.rebuild().unwrap();
        assert_eq!(r.partial, fast, "{new}");
        assert!(
            shown.is_empty() || r.changed.iter().any(|p| p == shown),
            "{:?}",
            r.changed
        );
        let (outputs, warnings) = full(site.root(), None).unwrap();
        assert_eq!(r.warnings.to_string(), warnings.to_string());
        assert!(
            inc.outputs() == outputs,
            "differs from a full build after: {new}"
        );
    }
}

#[test]
fn edits_to_a_guarantee_component_s_contributions_take_the_fast_path() {
    let site = Site::fixture("analysis");
    // A page of the split views per entry: their pages come and go with the edits.
    let yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    site.write("content/site.yaml", format!("{yaml}view_page_entries: 1\n"));
    backdate_everything(&site);
    let mut inc = Incremental::new(site.root(), None);
    inc.rebuild().unwrap();
    let rel = "content/guarantees/alpha.md";
    let g0 = std::fs::read_to_string(site.root().join(rel)).unwrap();
    let edits = [
        // A step in a month nothing else is dated in: its timeline page comes, then goes
        // with the next edit.
        g0.replace(
            "    status: proposed\n    since: 2026-03-02",
            "    status: proposed\n    since: 2025-11-20",
        ),
        // Borduria's contribution moves up in the last round.
        g0.replace(
            "    status: declared\n    since: 2026-01-02",
            "    status: signed\n    since: 2026-03-03",
        ),
        // A commitment's words, a condition, an earlier step's date, a citation's grade.
        g0.replace("Alpha by Borduria", "Alpha, by Borduria"),
        g0.replace("subject to a vote", "subject to two votes"),
        g0.replace(
            "{date: 2026-01-02, status: declared}",
            "{date: 2026-01-03, status: discussed}",
        ),
        g0.replace(
            "sources: [{source: wire}]",
            "sources: [{source: wire, credibility: 4}]",
        ),
    ];
    for new in edits {
        assert_ne!(new, g0);
        site.write(rel, &new);
        let r = inc.rebuild().unwrap();
        assert!(r.partial, "{new}");
        let november = inc.files().contains_key("timeline/2025-11.html");
        assert_eq!(november, new.contains("2025-11-20"), "{new}");
        let (outputs, warnings) = full(site.root(), None).unwrap();
        assert_eq!(r.warnings.to_string(), warnings.to_string());
        assert!(
            inc.outputs() == outputs,
            "differs from a full build after: {new}"
        );
    }
    // A contribution from another actor is a new reference, and one marked above the
    // audience is withheld from it: the whole site is rebuilt.
    for new in [
        g0.replace("  - by: b\n", "  - by: c\n"),
        g0.replace("Alpha by Borduria\n", "Alpha by Borduria\n    tlp: red\n"),
    ] {
        site.write(rel, &g0);
        inc.rebuild().unwrap();
        site.write(rel, &new);
        let r = inc.rebuild().unwrap();
        assert!(!r.partial, "{new}");
        assert!(inc.outputs() == full(site.root(), None).unwrap().0);
    }
}

/// Negotiating texts (tests/fixtures/plan): a text's frozen pages and tallies, and the
/// meetings it lists as discussed at, follow every edit as a full build makes them, for
/// an audience with items withheld from it (CLEAR) and one that sees everything (AMBER,
/// where the fast path also takes a meeting's fields).
#[test]
fn edits_to_a_text_or_to_the_texts_a_meeting_discussed_rebuild_what_shows_them() {
    for audience in [None, Some(briefing::model::Tlp::Amber)] {
        let site = Site::fixture("plan");
        backdate_everything(&site);
        let mut inc = Incremental::new(site.root(), audience);
        inc.rebuild().unwrap();
        let meeting = "content/meetings/klow-round-one.md";
        let plan = "content/documents/plan-28.md";
        let read = |rel: &str| std::fs::read_to_string(site.root().join(rel)).unwrap();
        let (m0, p0) = (read(meeting), read(plan));
        let edits = [
            // The meetings a text lists change: the whole site is rebuilt.
            (
                meeting,
                m0.replace("[plan-20]", "[plan-20, plan-28]"),
                false,
            ),
            (meeting, m0.clone(), false),
            // A meeting's words alone: the fast path.
            (meeting, m0.replace("point by point", "line by line"), true),
            // A position moves: its frozen pages and tallies change.
            (
                plan,
                p0.replace(
                    "{party: borduria, status: discussed, since: 2025-11-25}\n---",
                    "{party: borduria, status: agreed, since: 2026-02-16}\n---",
                ),
                false,
            ),
        ];
        for (step, (rel, new, fast)) in edits.into_iter().enumerate() {
            assert_ne!(new, read(rel), "step {step} changes the file");
            site.write(rel, &new);
            set_mtime(&site.root().join(rel), 10_000 - step as u64);
            let r = inc.rebuild().unwrap();
            assert_eq!(r.partial, fast, "{audience:?}: {new}");
            let (outputs, warnings) = full(site.root(), audience).unwrap();
            assert_eq!(r.warnings.to_string(), warnings.to_string());
            assert!(
                inc.outputs() == outputs,
                "{audience:?}: differs from a full build after: {new}"
            );
        }
        let text = |p: &str| {
            let out = inc.outputs();
            let o = out.iter().find(|o| o.path == p).expect(p);
            String::from_utf8(o.bytes.clone()).unwrap()
        };
        // The 28-point plan moved in round two: it has a page for it now, not for round three.
        assert!(text("documents/plan-28/r2.html").contains("status-agreed"));
        assert!(
            inc.outputs()
                .iter()
                .all(|o| o.path != "documents/plan-28/r3.html")
        );
    }
}
