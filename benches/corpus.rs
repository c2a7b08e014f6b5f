//! A generated briefing of realistic shape, for benchmarks and large-site tests:
//! statements, meetings and guarantee contributions in proportions like a long negotiation.

use std::fmt::Write as _;
use std::path::Path;

/// How many items of each kind a corpus of `n` items has (they add up to `n`).
pub fn proportions(n: usize) -> [(&'static str, usize); 6] {
    let actors = n / 10;
    let sources = n * 6 / 100;
    let rounds = (n / 50).max(1);
    let guarantees = (n / 50).max(1);
    let meetings = n / 5;
    let statements = n - actors - sources - rounds - guarantees - meetings;
    [
        ("actors", actors),
        ("sources", sources),
        ("rounds", rounds),
        ("guarantees", guarantees),
        ("meetings", meetings),
        ("statements", statements),
    ]
}

/// The date of day `i` of the negotiation, cycling over 2026-2027.
fn date(i: usize) -> String {
    let (y, d) = (2026 + (i / 336) % 2, i % 336);
    format!("{y}-{:02}-{:02}", d / 28 + 1, d % 28 + 1)
}

/// Writes a site of about `n` items under `root` (content/ only).
pub fn generate(root: &Path, n: usize) {
    let [
        (_, actors),
        (_, sources),
        (_, rounds),
        (_, guarantees),
        (_, meetings),
        (_, statements),
    ] = proportions(n);
    // Files as if saved a day ago: a corpus is edited over time, and a rebuild re-reads
    // files saved in the last seconds in any case.
    let saved = std::time::SystemTime::now() - std::time::Duration::from_secs(86_400);
    let write = |rel: String, text: String| {
        let p = root.join("content").join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        let f = std::fs::File::options().write(true).open(&p).unwrap();
        f.set_modified(saved).unwrap();
    };
    write(
        "site.yaml".into(),
        "title: Generated briefing\ntimezone: Europe/Kyiv\naudience: red\nas_of: 2027-06-01\n"
            .into(),
    );
    for i in 0..actors {
        let kind = ["state", "person", "organisation", "group"][i % 4];
        let mut t = format!("name: Actor {i}\nkind: {kind}\n");
        if kind == "person" && i >= 4 {
            writeln!(t, "country: actor-{}", i / 4 * 4).unwrap();
            writeln!(t, "role: Minister number {i}").unwrap();
        }
        writeln!(t, "sources: [source-{}]", i % sources).unwrap();
        write(format!("actors/actor-{i}.yaml"), t);
    }
    for i in 0..sources {
        let grade = ["A", "B", "C", "D", "E", "F"][i % 6];
        write(
            format!("sources/source-{i}.yaml"),
            format!(
                "name: Source {i}\nkind: media\nreliability: {grade}\nurl: https://example.org/{i}\n"
            ),
        );
    }
    for i in 0..rounds {
        let (start, end) = (i * 672 / rounds, i * 672 / rounds + 3);
        write(
            format!("rounds/round-{i}.yaml"),
            format!(
                "title: Round {i}\nstart: {}\nend: {}\nsummary: The bottom line of round {i}.\n",
                date(start),
                date(end)
            ),
        );
    }
    let statuses = briefing::model::Status::ALL;
    for i in 0..guarantees {
        let mut t = format!(
            "---\ntitle: Guarantee component {i}\ncategory: {}\nsummary: What component {i} is.\ncontributions:\n",
            [
                "financial",
                "logistics",
                "deployment",
                "military-presence",
                "monitoring",
                "legal",
                "other"
            ][i % 7]
        );
        for c in 0..10 {
            writeln!(t, "  - by: actor-{}\n    commitment: Commitment {c} to component {i}\n    status: {}\n    since: {}\n    sources: [source-{}]",
                (i * 10 + c) % actors, statuses[(i + c) % 8], date(i + c), (i + c) % sources).unwrap();
        }
        t.push_str("---\nWhat the component covers, with a [link](@meetings/meeting-0).\n");
        write(format!("guarantees/guarantee-{i}.md"), t);
    }
    for i in 0..meetings {
        let day = i * 672 / meetings;
        let round = day * rounds / 672;
        let round = if day <= round * 672 / rounds + 3 {
            format!("round: round-{round}\n")
        } else {
            String::new()
        };
        write(
            format!("meetings/meeting-{i}.md"),
            format!(
                "---\ntitle: Meeting {i}\ndate: {}\nlocation: City {}\nparticipants: [actor-{}, actor-{}]\nlevel: officials\nstatus: held\n{round}sources:\n  - {{source: source-{}, credibility: 2}}\n---\nReadout of meeting {i}: *talks continued*.\n",
                date(day),
                i % 40,
                i % actors,
                (i + 1) % actors,
                i % sources
            ),
        );
    }
    for i in 0..statements {
        let day = i * 672 / statements;
        write(
            format!("statements/statement-{i}.md"),
            format!(
                "---\nspeaker: actor-{}\ndate: {}\nmeeting: meeting-{}\nkind: quote\nabout: [guarantee-{}]\nsources: [source-{}]\n---\n> Words of statement {i}.\n\nWhat statement {i} means.\n",
                (i * 4 + 1) % actors,
                date(day),
                day * meetings / 672,
                i % guarantees,
                i % sources
            ),
        );
    }
}
