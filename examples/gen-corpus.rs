//! Writes a deterministic, realistic briefing of any size, for benchmarks.
//!
//! ```sh
//! cargo run --release --example gen-corpus -- --items 10000 --out /tmp/corpus [--seed 1] [--hugo /tmp/hugo-site] [--translate uk]
//! ```
//!
//! About 70% of the items are statements with Markdown bodies of a few hundred words
//! (headings, lists, `@kind/id` links, a quote, now and then a table); the rest are
//! meetings, actors, sources, rounds and guarantee components with contributions and
//! histories, and a negotiating text per 250 items or so (versions superseding each other,
//! 10-30 provisions, 2-4 parties whose positions move up and down at a few sessions;
//! some meetings discuss them). With `--hugo`, the same statements and meetings are also written as a plain
//! Hugo site (Markdown with YAML front matter, minimal layouts: a page per item, a
//! paginated list per kind, tag pages) so both tools do comparable work.
//! The same arguments always give the same bytes.

use briefing::model::{Category, Level, StatementKind, Status};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// SplitMix64: small, seeded, and good enough to vary text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &'a [&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

#[rustfmt::skip]
const WORDS: &[&str] = &[
    "guarantee", "ceasefire", "partners", "coalition", "security", "commitment", "Kyiv",
    "delegation", "summit", "agreement", "monitoring", "deployment", "financial",
    "logistics", "framework", "negotiators", "ministers", "advisers", "readiness",
    "capabilities", "the", "of", "and", "to", "in", "a", "that", "on", "for", "with",
    "would", "should", "not", "said", "officials", "declared", "signed", "implemented",
    "document", "military", "presence", "legal", "mechanism", "compliance", "talks",
    "round", "proposal", "draft", "support", "air", "defence", "training", "reconstruction",
    "sanctions", "timeline",
];
// The words of the content format, from the model itself, so the corpus stays valid.
const CATEGORIES: &[&str] = Category::ALL;
const LEVELS: &[&str] = Level::ALL;
const KINDS: &[&str] = StatementKind::ALL;
/// The ladder without `withdrawn`: a generated contribution only moves up.
const STATUSES: &[&str] = Status::ALL.split_at(7).0;
const CITIES: &[&str] = &[
    "Paris", "Kyiv", "Brussels", "Geneva", "London", "Berlin", "Warsaw",
];
#[rustfmt::skip]
const TAGS: &[&str] = &[
    "military", "ceasefire", "summit", "legal", "finance", "energy", "air",
];

struct Counts {
    actors: usize,
    sources: usize,
    rounds: usize,
    meetings: usize,
    guarantees: usize,
    documents: usize,
    statements: usize,
}

impl Counts {
    fn new(items: usize) -> Counts {
        let share = |p: usize| (items * p / 1000).max(1);
        // A tracker has tens of guarantee components and a round every week or two,
        // however long it runs; people, sources and meetings grow with the statements.
        let (actors, sources, meetings) = (share(80), share(50), share(150));
        let (rounds, guarantees) = (share(10).min(250), share(4).min(60));
        // A negotiating text per 250 items or so: a few texts, each in a few versions.
        let documents = share(4).min(120);
        let rest = actors + sources + rounds + meetings + guarantees + documents;
        Counts {
            actors,
            sources,
            rounds,
            meetings,
            guarantees,
            documents,
            statements: items.saturating_sub(rest).max(1),
        }
    }
}

fn actor(i: usize) -> String {
    format!("actor-{i:05}")
}
fn source(i: usize) -> String {
    format!("source-{i:05}")
}
fn round(i: usize) -> String {
    format!("round-{i:04}")
}
fn meeting(i: usize) -> String {
    format!("meeting-{i:05}")
}
fn guarantee(i: usize) -> String {
    format!("guarantee-{i:05}")
}
fn statement(i: usize) -> String {
    format!("statement-{i:06}")
}
fn document(i: usize) -> String {
    format!("document-{i:04}")
}

/// How many versions a text goes through: documents come in chains of this many, each
/// superseding the one before.
const VERSIONS: usize = 3;

/// The day document `i` of `n` is tabled: spread over the briefing's `last_day` days, in
/// order, so that a later version comes after the one it supersedes.
fn document_day(i: usize, n: usize, last_day: usize) -> usize {
    (i + 1) * last_day / (n + 1)
}

/// Day `d` after 2015-01-01, as YYYY-MM-DD (every round lasts a week).
fn date(d: usize) -> String {
    let start = jiff::civil::date(2015, 1, 1);
    start
        .checked_add(jiff::Span::new().days(d as i64))
        .expect("dates stay in range")
        .to_string()
}

fn sentence(r: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        let w = r.pick(WORDS);
        if i == 0 {
            let mut c = w.chars();
            let first = c.next().unwrap().to_uppercase().collect::<String>();
            s.push_str(&first);
            s.push_str(c.as_str());
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

fn paragraph(r: &mut Rng, n: &Counts, links: bool, hugo: bool) -> String {
    let mut p = String::new();
    for i in 0..3 + r.below(3) {
        if i > 0 {
            p.push(' ');
        }
        let words = 8 + r.below(12);
        p.push_str(&sentence(r, words));
        if links && r.chance(30) {
            let (kind, id) = match r.below(3) {
                0 => ("actors", actor(r.below(n.actors))),
                1 => ("meetings", meeting(r.below(n.meetings))),
                _ => ("guarantees", guarantee(r.below(n.guarantees))),
            };
            // Hugo has only statements and meetings; point elsewhere at its home page.
            let target = match (hugo, kind) {
                (false, _) => format!("@{kind}/{id}"),
                (true, "meetings") => format!("/meetings/{id}/"),
                (true, _) => "/".into(),
            };
            let _ = write!(p, " See [{}]({target}).", id.replace('-', " "));
        }
    }
    p
}

/// A Markdown body of a few hundred words.
fn body(r: &mut Rng, n: &Counts, hugo: bool) -> String {
    let mut b = paragraph(r, n, true, hugo);
    b.push_str("\n\n## Background\n\n");
    b.push_str(&paragraph(r, n, true, hugo));
    b.push_str("\n\n");
    for _ in 0..3 + r.below(3) {
        let words = 6 + r.below(6);
        let _ = writeln!(b, "- {}", sentence(r, words));
    }
    b.push_str("\n> ");
    b.push_str(&sentence(r, 15));
    b.push_str("\n\n## Assessment\n\n");
    b.push_str(&paragraph(r, n, true, hugo));
    if r.chance(20) {
        b.push_str("\n\n| Partner | Status | Note |\n|---|---|---|\n");
        for _ in 0..3 {
            let _ = writeln!(
                b,
                "| {} | {} | {} |",
                actor(r.below(n.actors)),
                r.pick(STATUSES),
                sentence(r, 4)
            );
        }
    }
    b.push_str("\n\n");
    b.push_str(&paragraph(r, n, false, hugo));
    b.push('\n');
    b
}

fn tags(r: &mut Rng) -> String {
    let (a, b) = (r.pick(TAGS), r.pick(TAGS));
    if a == b {
        format!("[{a}]")
    } else {
        format!("[{a}, {b}]")
    }
}

fn citations(r: &mut Rng, n: &Counts, indent: &str) -> String {
    let mut s = format!("{indent}sources:\n");
    for _ in 0..1 + r.below(2) {
        let _ = writeln!(
            s,
            "{indent}  - source: {}\n{indent}    credibility: {}",
            source(r.below(n.sources)),
            1 + r.below(6)
        );
    }
    s
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().expect("a file has a folder")).expect("create folder");
    fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn generate(items: usize, seed: u64, out: &Path, hugo: Option<&Path>) {
    let n = Counts::new(items);
    let mut r = Rng(seed);
    let c = out.join("content");
    let last_day = n.rounds * 7;
    write(
        &c.join("site.yaml"),
        &format!(
            "title: Generated briefing\nsubtitle: {items} items, seed {seed}\nlanguage: en\n\
             timezone: UTC\nas_of: {}\n",
            date(last_day)
        ),
    );
    let states = (n.actors / 5).max(1);
    for i in 0..n.actors {
        let text = if i < states {
            format!("name: State {i}\nkind: state\n")
        } else {
            format!(
                "name: Person {i}\nkind: person\ncountry: {}\nrole: {}\ntags: {}\n",
                actor(r.below(states)),
                sentence(&mut r, 3),
                tags(&mut r)
            )
        };
        write(&c.join(format!("actors/{}.yaml", actor(i))), &text);
    }
    for i in 0..n.sources {
        let text = format!(
            "name: Source {i}\nkind: {}\nreliability: {}\nurl: https://example.org/s/{i}\n",
            r.pick(&[
                "news-agency",
                "government",
                "official",
                "media",
                "think-tank"
            ]),
            r.pick(&["A", "B", "C", "D", "E", "F"])
        );
        write(&c.join(format!("sources/{}.yaml", source(i))), &text);
    }
    for i in 0..n.rounds {
        let text = format!(
            "title: Round {i}\nstart: {}\nend: {}\nsummary: >-\n  {}\n",
            date(i * 7),
            date(i * 7 + 6),
            sentence(&mut r, 30)
        );
        write(&c.join(format!("rounds/{}.yaml", round(i))), &text);
    }
    let mut meeting_days = Vec::with_capacity(n.meetings);
    for i in 0..n.meetings {
        let ro = i * n.rounds / n.meetings;
        let day = ro * 7 + r.below(7);
        meeting_days.push(day);
        let mut fm = format!(
            "title: Meeting {i} in {}\ndate: {}\nlocation: {0}\nconvened_by: {}\nlevel: {}\n\
             status: {}\nround: {}\ntags: {}\nparticipants:\n",
            r.pick(CITIES),
            date(day),
            actor(r.below(n.actors)),
            r.pick(LEVELS),
            if day < last_day { "held" } else { "planned" },
            round(ro),
            tags(&mut r)
        );
        for _ in 0..2 + r.below(4) {
            let _ = writeln!(
                fm,
                "  - actor: {}\n    level: {}",
                actor(r.below(n.actors)),
                r.pick(LEVELS)
            );
        }
        fm.push_str(&citations(&mut r, &n, ""));
        // One meeting in ten discusses the latest texts tabled by its day (a generator
        // of its own, so the rest of the corpus is what it was without texts).
        let mut dr = Rng(seed ^ 0xD0C5 ^ ((i as u64) << 8));
        let tabled = (0..n.documents)
            .take_while(|j| document_day(*j, n.documents, last_day) <= day)
            .count();
        if tabled > 0 && dr.chance(10) {
            let latest = tabled - 1;
            let mut ids = vec![document(latest)];
            if latest > 0 && dr.chance(30) {
                ids.push(document(latest - 1));
            }
            let _ = writeln!(fm, "documents: [{}]", ids.join(", "));
        }
        let text = paragraph(&mut r, &n, true, false);
        write(
            &c.join(format!("meetings/{}.md", meeting(i))),
            &format!("---\n{fm}---\n{text}\n"),
        );
        if let Some(h) = hugo {
            let hbody = paragraph(&mut Rng(seed ^ i as u64), &n, true, true);
            write(
                &h.join(format!("content/meetings/{}.md", meeting(i))),
                &format!("---\n{fm}---\n{hbody}\n"),
            );
        }
    }
    for i in 0..n.guarantees {
        let mut fm = format!(
            "title: Guarantee component {i}\ncategory: {}\nsummary: >-\n  {}\ntags: {}\n\
             contributions:\n",
            r.pick(CATEGORIES),
            sentence(&mut r, 20),
            tags(&mut r)
        );
        for _ in 0..3 + r.below(6) {
            let steps = r.below(4);
            let since = (steps + 1) * 7 + r.below(last_day.saturating_sub(35).max(1));
            let _ = write!(
                fm,
                "  - by: {}\n    commitment: {}\n    status: {}\n    since: {}\n",
                actor(r.below(states.min(40))),
                sentence(&mut r, 8),
                STATUSES[steps + r.below(STATUSES.len() - steps)],
                date(since)
            );
            if r.chance(30) {
                let _ = write!(
                    fm,
                    "    amount:\n      value: {}\n      unit: EUR million\n",
                    10 * (1 + r.below(500))
                );
            }
            if r.chance(30) {
                let _ = write!(fm, "    conditions:\n      - {}\n", sentence(&mut r, 6));
            }
            if steps > 0 {
                fm.push_str("    history:\n");
                for (s, status) in STATUSES.iter().enumerate().take(steps) {
                    let _ = write!(
                        fm,
                        "      - date: {}\n        status: {status}\n",
                        date(since - (steps - s) * 7),
                    );
                }
            }
            fm.push_str(&citations(&mut r, &n, "    "));
        }
        fm.push_str(&citations(&mut r, &n, ""));
        let text = body(&mut r, &n, false);
        write(
            &c.join(format!("guarantees/{}.md", guarantee(i))),
            &format!("---\n{fm}---\n{text}"),
        );
    }
    // Claims come from a generator of their own, so the rest of the corpus is unchanged.
    let mut cr = Rng(seed ^ 0xC1A1);
    for i in 0..n.statements {
        let day = r.below(last_day + 1);
        let mut fm = if r.chance(90) {
            format!("speaker: {}\n", actor(r.below(n.actors)))
        } else {
            "attributed_to: unnamed officials\non_record: false\n".to_string()
        };
        let _ = write!(
            fm,
            "title: Statement {i} on {}\ndate: {}\nkind: {}\ntags: {}\n",
            sentence(&mut r, 5).trim_end_matches('.'),
            date(day),
            r.pick(KINDS),
            tags(&mut r)
        );
        if r.chance(40) {
            let m = r.below(n.meetings);
            let _ = writeln!(fm, "meeting: {}", meeting(m));
        }
        if r.chance(60) {
            let _ = writeln!(fm, "about: [{}]", guarantee(r.below(n.guarantees)));
        }
        fm.push_str(&claim(&mut cr, &n, day, last_day));
        fm.push_str(&citations(&mut r, &n, ""));
        let mut hr = Rng(r.0);
        let text = body(&mut r, &n, false);
        write(
            &c.join(format!("statements/{}.md", statement(i))),
            &format!("---\n{fm}---\n{text}"),
        );
        if let Some(h) = hugo {
            let htext = body(&mut hr, &n, true);
            write(
                &h.join(format!("content/statements/{}.md", statement(i))),
                &format!("---\n{fm}---\n{htext}"),
            );
        }
    }
    documents(seed, &n, last_day, states, &c);
    if let Some(h) = hugo {
        hugo_site(h);
    }
}

/// One statement in fifty claims a figure about the latest text tabled by its day: a
/// share agreed (most claims), how many points remain open, or a count "of N".
fn claim(r: &mut Rng, n: &Counts, day: usize, last_day: usize) -> String {
    if !r.chance(2) {
        return String::new();
    }
    let Some(doc) = (0..n.documents)
        .rev()
        .find(|j| document_day(*j, n.documents, last_day) <= day)
    else {
        return String::new();
    };
    let figure = match r.below(10) {
        0..=6 => format!("measure: share-agreed, value: {}", 50 + 5 * r.below(10)),
        7 | 8 => format!("measure: count-open, value: {}", 1 + r.below(5)),
        _ => format!("measure: count-agreed, value: {}, of: 20", 10 + r.below(11)),
    };
    format!("claims:\n  - {{document: {}, {figure}}}\n", document(doc))
}

/// The steps a party's position takes on a text, from the day it is tabled to the last:
/// up the ladder mostly, now and then back down or off it.
const POSITIONS: &[&str] = &["proposed", "discussed", "agreed", "contested", "rejected"];

/// The negotiating texts, with a generator of their own (so the rest of the corpus is
/// what it was without them): chains of [`VERSIONS`] versions, each superseding the one
/// before; 10-30 provisions, some introduced or dropped after the text was tabled; 2-4
/// parties among the states, each with a position on most provisions that moves at the
/// text's 2-6 negotiating sessions, held until the next version replaces it; one position
/// in thirty marked AMBER.
fn documents(seed: u64, n: &Counts, last_day: usize, states: usize, c: &Path) {
    let mut r = Rng(seed ^ 0xD0C);
    for i in 0..n.documents {
        let day = document_day(i, n.documents, last_day);
        let version = i % VERSIONS;
        let mut parties: Vec<String> = Vec::new();
        for _ in 0..2 + r.below(3) {
            let p = actor(r.below(states.min(40)));
            if !parties.contains(&p) {
                parties.push(p);
            }
        }
        let mut fm = format!(
            "title: Text {} version {}
kind: {}
date: {}
parties: [{}]
tags: {}
",
            i / VERSIONS,
            version + 1,
            r.pick(&["plan", "framework", "draft", "agreement"]),
            date(day),
            parties.join(", "),
            tags(&mut r)
        );
        if version > 0 {
            let _ = writeln!(fm, "supersedes: {}", document(i - 1));
        }
        fm.push_str(&citations(&mut r, n, ""));
        fm.push_str(
            "provisions:
",
        );
        // Positions move at the text's negotiating sessions: 2-6 days from the day it was
        // tabled until the next version replaces it (or the as-of date for the last one).
        let superseded = version + 1 < VERSIONS && i + 1 < n.documents;
        let end = if superseded {
            document_day(i + 1, n.documents, last_day)
        } else {
            last_day
        };
        let mut sessions: Vec<usize> = (0..2 + r.below(5))
            .map(|_| day + r.below(end - day + 1))
            .collect();
        sessions.sort_unstable();
        sessions.dedup();
        let left = end - day;
        for p in 0..10 + r.below(21) {
            let _ = write!(
                fm,
                "  - id: point-{}
    label: Point {0}
    title: {}
",
                p + 1,
                sentence(&mut r, 5).trim_end_matches('.')
            );
            if r.chance(40) {
                let _ = writeln!(fm, "    concerns: [{}]", guarantee(r.below(n.guarantees)));
            }
            // Entered a later draft, or left it, a few days after the text was tabled.
            let mut start = day;
            let session = |r: &mut Rng| sessions[r.below(sessions.len())];
            if version > 0 && left > 14 && r.chance(15) {
                start = session(&mut r);
                let _ = writeln!(fm, "    introduced: {}", date(start));
            } else if left > 14 && r.chance(10) {
                let _ = writeln!(fm, "    dropped: {}", date(session(&mut r).max(day + 1)));
            }
            let positions: Vec<&String> = parties.iter().filter(|_| r.chance(85)).collect();
            if positions.is_empty() {
                continue;
            }
            fm.push_str(
                "    positions:
",
            );
            for party in positions {
                // 1-4 steps at distinct sessions from `start` on; the last one is current.
                let steps = 1 + r.below(4);
                let mut days: Vec<usize> = (0..steps).map(|_| session(&mut r).max(start)).collect();
                days.sort_unstable();
                days.dedup();
                let mut rank = r.below(2);
                let mut walk: Vec<(usize, &str)> = Vec::new();
                for d in &days {
                    walk.push((*d, POSITIONS[rank]));
                    // Mostly up the ladder; now and then contested or rejected, and back.
                    rank = match r.below(10) {
                        0 => 3,
                        1 => 4,
                        _ => (rank + 1).min(2),
                    };
                }
                let (since, status) = walk.pop().expect("one step at least");
                let _ = write!(
                    fm,
                    "      - party: {party}
        status: {status}
        since: {}
",
                    date(since)
                );
                if r.chance(3) {
                    fm.push_str(
                        "        tlp: amber
",
                    );
                }
                if !walk.is_empty() {
                    fm.push_str(
                        "        history:
",
                    );
                    for (d, s) in walk {
                        let _ = write!(
                            fm,
                            "          - date: {}
            status: {s}
",
                            date(d)
                        );
                    }
                }
            }
        }
        let text = paragraph(&mut r, n, true, false);
        write(
            &c.join(format!("documents/{}.md", document(i))),
            &format!(
                "---
{fm}---
{text}
"
            ),
        );
    }
}

/// Minimal Hugo configuration and layouts: a page per item, a paginated list per kind,
/// tag pages; no RSS (briefing writes one feed, Hugo would write one per list).
fn hugo_site(h: &Path) {
    write(
        &h.join("hugo.toml"),
        "baseURL = 'http://example.org/'\ntitle = 'Generated briefing'\n\
         disableKinds = ['RSS']\npaginate = 100\n[markup.goldmark.renderer]\nunsafe = false\n",
    );
    write(
        &h.join("layouts/_default/baseof.html"),
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>{{ .Title }}</title></head><body><nav><a href=\"/\">Home</a> \
         <a href=\"/statements/\">Statements</a> <a href=\"/meetings/\">Meetings</a></nav>\
         <main>{{ block \"main\" . }}{{ end }}</main></body></html>\n",
    );
    write(
        &h.join("layouts/_default/single.html"),
        "{{ define \"main\" }}<article><h1>{{ .Title }}</h1>\
         <p>{{ .Date.Format \"2 January 2006\" }}</p>\
         {{ with .Params.tags }}<ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}\
         {{ .Content }}</article>{{ end }}\n",
    );
    write(
        &h.join("layouts/_default/list.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>\
         {{ range (.Paginate .Pages).Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> \
         {{ .Date.Format \"2006-01-02\" }}</li>{{ end }}</ul>\
         {{ template \"_internal/pagination.html\" . }}{{ end }}\n",
    );
    write(
        &h.join("layouts/index.html"),
        "{{ define \"main\" }}<h1>{{ .Site.Title }}</h1><ul>\
         {{ range first 5 (where .Site.RegularPages \"Section\" \"statements\") }}\
         <li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
    );
}

mod translate {
    //! `--translate LANG`: declares LANG as a second language and writes a translation
    //! of every item beside it (`<id>.<lang>.md|yaml`): its title or name, a round's
    //! summary and a Markdown item's body, with each Latin letter written in Cyrillic
    //! (the same length of words to read, index and render; link targets kept).
    use std::fs;
    use std::path::Path;

    /// A Latin letter's Cyrillic look-alike, so translated words are as long as the
    /// originals and exercise Unicode folding in the search index.
    fn letter(c: char) -> char {
        const LOWER: &str = "абцдефгхіјклмнопqрстуввхиз";
        const UPPER: &str = "АБЦДЕФГХІЈКЛМНОПQРСТУВВХИЗ";
        match c {
            'a'..='z' => LOWER.chars().nth(c as usize - 'a' as usize).unwrap_or(c),
            'A'..='Z' => UPPER.chars().nth(c as usize - 'A' as usize).unwrap_or(c),
            _ => c,
        }
    }

    /// `text` in Cyrillic letters, except link targets `(@kind/id)` and YAML keys.
    pub fn words(text: &str) -> String {
        let mut out = String::with_capacity(text.len() * 2);
        let mut in_target = false;
        let mut prev = ' ';
        for c in text.chars() {
            if prev == ']' && c == '(' {
                in_target = true;
            } else if in_target && c == ')' {
                in_target = false;
            }
            out.push(if in_target { c } else { letter(c) });
            prev = c;
        }
        out
    }

    /// The value of the one-line YAML field `key` in `text`.
    fn field<'a>(text: &'a str, key: &str) -> Option<&'a str> {
        text.lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix(": "))
    }

    /// A round's folded `summary: >-` block, as one line.
    fn summary(text: &str) -> Option<String> {
        let mut lines = text.lines().skip_while(|l| !l.starts_with("summary:"));
        lines.next()?;
        let s: Vec<&str> = lines
            .take_while(|l| l.starts_with("  "))
            .map(str::trim)
            .collect();
        (!s.is_empty()).then(|| s.join(" "))
    }

    fn quoted(s: &str) -> String {
        format!(
            "\"{}\"",
            s.trim_matches('"')
                .replace('\\', "\\\\")
                .replace('"', "\\\"")
        )
    }

    /// Records in each translation the revision of its original's words it was made
    /// from (`translated_from`), as an analyst would, so that builds see current ones.
    pub fn stamp(root: &Path) {
        let site = match briefing::Site::load(root) {
            Ok(site) => site,
            Err(d) => panic!("the generated corpus does not load: {d}"),
        };
        for (_, _, t) in site.model.translations.iter() {
            let briefing::model::Freshness::Unknown { now } = &t.freshness else {
                continue;
            };
            let file = root.join(&t.file);
            let text = fs::read_to_string(&file).expect("translation");
            let line = format!("translated_from: {now}\n");
            let text = match text.strip_prefix("---\n") {
                Some(rest) => format!("---\n{line}{rest}"),
                None => format!("{line}{text}"),
            };
            fs::write(&file, text).expect("write translation");
        }
    }

    /// Writes every translation and declares the language; returns how many were written.
    pub fn all(content: &Path, lang: &str) -> usize {
        let site = content.join("site.yaml");
        let yaml = fs::read_to_string(&site).expect("site.yaml");
        fs::write(&site, format!("{yaml}languages: [en, {lang}]\n")).expect("write site.yaml");
        let mut written = 0;
        let mut dirs: Vec<_> = fs::read_dir(content)
            .expect("content")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        for dir in dirs {
            let mut files: Vec<_> = fs::read_dir(&dir)
                .expect("kind folder")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            files.sort();
            for f in files {
                let (Some(stem), Some(ext)) = (f.file_stem(), f.extension()) else {
                    continue;
                };
                let (stem, ext) = (stem.to_string_lossy(), ext.to_string_lossy());
                let text = fs::read_to_string(&f).expect("item");
                let note = "translation_note: Briefing translation, quotes included.\n";
                let out = match &*ext {
                    "yaml" => {
                        let mut t = String::from(note);
                        for key in ["name", "title"] {
                            if let Some(v) = field(&text, key) {
                                t.push_str(&format!("{key}: {}\n", quoted(&words(v))));
                            }
                        }
                        if let Some(s) = summary(&text) {
                            t.push_str(&format!("summary: {}\n", quoted(&words(&s))));
                        }
                        t
                    }
                    "md" => {
                        let Some(rest) = text.strip_prefix("---\n") else {
                            continue;
                        };
                        let Some((front, body)) = rest.split_once("\n---\n") else {
                            continue;
                        };
                        let mut t = format!("---\n{note}");
                        if let Some(v) = field(front, "title") {
                            t.push_str(&format!("title: {}\n", quoted(&words(v))));
                        }
                        t.push_str("---\n");
                        t.push_str(&words(body));
                        t
                    }
                    _ => continue,
                };
                fs::write(dir.join(format!("{stem}.{lang}.{ext}")), out)
                    .expect("write translation");
                written += 1;
            }
        }
        written
    }
}

fn main() {
    let mut items = 1000usize;
    let mut seed = 1u64;
    let mut out: Option<PathBuf> = None;
    let mut hugo: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    let mut translate: Option<String> = None;
    let usage = "usage: gen-corpus --items N --out DIR [--seed N] [--hugo DIR] [--translate LANG]";
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| panic!("{usage}"));
        match a.as_str() {
            "--items" => items = val().parse().expect("--items takes a number"),
            "--seed" => seed = val().parse().expect("--seed takes a number"),
            "--out" => out = Some(val().into()),
            "--hugo" => hugo = Some(val().into()),
            "--translate" => translate = Some(val()),
            _ => panic!("{usage}"),
        }
    }
    let out = out.unwrap_or_else(|| panic!("{usage}"));
    for dir in std::iter::once(&out).chain(hugo.iter()) {
        if dir.join("content").exists() {
            fs::remove_dir_all(dir.join("content")).expect("clear the old corpus");
        }
    }
    generate(items, seed, &out, hugo.as_deref());
    if let Some(lang) = &translate {
        let written = translate::all(&out.join("content"), lang);
        translate::stamp(&out);
        println!("{written} translations into {lang}");
    }
    let n = Counts::new(items);
    println!(
        "{} items: {} statements, {} meetings, {} actors, {} sources, {} guarantees, {} rounds, \
         {} documents",
        n.statements + n.meetings + n.actors + n.sources + n.guarantees + n.rounds + n.documents,
        n.statements,
        n.meetings,
        n.actors,
        n.sources,
        n.guarantees,
        n.rounds,
        n.documents
    );
}
