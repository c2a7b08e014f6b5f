//! Per-kind conversion from the fields as written to the typed model. Each function
//! reports problems through its checker; an item with errors is left out of the model.

use super::checker::Checker;
use super::ids::Ids;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::Doc;
use crate::model::*;
use crate::raw::*;
use jiff::civil::Date;
use std::collections::BTreeMap;

fn meta<T>(
    doc: &Doc<T>,
    c: &mut Checker,
    tags: &Option<Vec<String>>,
    tlp: &Opt<String>,
    sources: &RawCitations,
) -> Meta {
    Meta {
        id: doc.id.clone(),
        file: doc.file.clone(),
        tags: tags.clone().unwrap_or_default(),
        tlp: c.tlp(tlp, c.default_tlp()),
        citations: c.citations(sources),
    }
}

/// An actor; `country` must name a state actor.
pub fn actor(doc: &Doc<RawActor>, c: &mut Checker) -> Actor {
    let r = &doc.raw;
    let name = c.required(&r.name, "name");
    let kind = c.required_word(&r.kind, "kind", ActorKind::parse, ActorKind::ALL);
    let country = c.opt_ref(Kind::Actors, &r.country, "country");
    if let (Some(country), Some(s)) = (&country, &r.country) {
        let k = c.actor_kind(country);
        if k != "state" {
            let at = c.pos(s);
            c.error(
                Diagnostic::error(
                    "not-a-state",
                    format!("`country` must be a state actor; `{country}` is a {k}"),
                )
                .at(at)
                .help("use `affiliation` for organisations and groups"),
            );
        }
    }
    let affiliation = c.opt_ref(Kind::Actors, &r.affiliation, "affiliation");
    if affiliation.as_deref() == Some(doc.id.as_str()) {
        c.error(Diagnostic::error(
            "self-reference",
            "an actor cannot be affiliated with itself",
        ));
    }
    let meta = meta(doc, c, &r.tags, &r.tlp, &r.sources);
    Actor {
        role: c.text(&r.role),
        aliases: r.aliases.clone().unwrap_or_default(),
        url: c.url(&r.url),
        description_html: c.markdown_field(&r.description),
        meta,
        name: name.unwrap_or_default(),
        kind: kind.unwrap_or(ActorKind::Group),
        country: country.map(Ref::Id),
        affiliation: affiliation.map(Ref::Id),
    }
}

/// A source; reliability defaults to F (cannot be judged).
pub fn source(doc: &Doc<RawSource>, c: &mut Checker) -> Source {
    let r = &doc.raw;
    let name = c.required(&r.name, "name");
    let kind = c.word(&r.kind, "kind", SourceKind::parse, SourceKind::ALL);
    let reliability = c.word(
        &r.reliability,
        "reliability",
        Reliability::parse,
        Reliability::ALL,
    );
    let meta = meta(doc, c, &r.tags, &r.tlp, &r.sources);
    Source {
        name: name.unwrap_or_default(),
        kind: kind.unwrap_or(SourceKind::Other),
        reliability: reliability.unwrap_or(Reliability::F),
        url: c.url(&r.url),
        description_html: c.markdown_field(&r.description),
        meta,
    }
}

/// A round; `end` may not come before `start`.
pub fn round(doc: &Doc<RawRound>, c: &mut Checker) -> Round {
    let r = &doc.raw;
    let title = c.required(&r.title, "title");
    let start = c.required_date(&r.start, "start");
    let end = c.required_date(&r.end, "end");
    c.ordered(start, end, &r.end, "start", "end");
    let meta = meta(doc, c, &r.tags, &r.tlp, &r.sources);
    let summary_html = c.markdown_field(&r.summary);
    Round {
        meta,
        title: title.unwrap_or_default(),
        start: start.unwrap_or_default(),
        end: end.unwrap_or_default(),
        summary_html,
    }
}

/// A meeting; participants, conveners and the round must exist.
pub fn meeting(
    doc: &Doc<RawMeeting>,
    c: &mut Checker,
    rounds: &BTreeMap<String, Round>,
) -> Meeting {
    let r = &doc.raw;
    let title = c.required(&r.title, "title");
    let date = c.required_date(&r.date, "date");
    let end_date = c.date(&r.end_date, "end_date");
    c.ordered(date, end_date, &r.end_date, "date", "end_date");
    let mut convened_by = Vec::new();
    if let Some(cb) = &r.convened_by {
        let list: Vec<(String, _)> = match &cb.value {
            OneOrMany::One(id) => vec![(id.trim().to_string(), c.pos(cb))],
            OneOrMany::Many(v) => v
                .iter()
                .map(|s| (s.value.trim().to_string(), c.pos(s)))
                .collect(),
        };
        for (id, at) in list {
            if c.reference(Kind::Actors, &id, at, "convened_by") {
                convened_by.push(id);
            }
        }
    }
    let mut participants = Vec::new();
    for p in r.participants.iter().flatten() {
        let at = c.pos(p);
        let (actor, role, level) = match &p.value {
            IdOr::Id(id) => (Some((id.trim().to_string(), at)), None, None),
            IdOr::Full(f) => {
                if f.actor.is_none() {
                    c.error(
                        Diagnostic::error("missing-field", "participant without `actor`")
                            .at(at)
                            .help("add `actor: <actor id>`"),
                    );
                }
                let actor = f
                    .actor
                    .as_ref()
                    .map(|a| (a.value.trim().to_string(), c.pos(a)));
                let level = c.word(&f.level, "level", Level::parse, Level::ALL);
                (actor, c.text(&f.role), level)
            }
        };
        if let Some((id, at)) = actor
            && c.reference(Kind::Actors, &id, at, "participants")
        {
            participants.push(Participant {
                actor: Ref::Id(id),
                role,
                level,
            });
        }
    }
    let level = c.word(&r.level, "level", Level::parse, Level::ALL);
    let status = c.word(
        &r.status,
        "status",
        MeetingStatus::parse,
        MeetingStatus::ALL,
    );
    let round = c.opt_ref(Kind::Rounds, &r.round, "round");
    if let (Some(rid), Some(d), Some(pos)) = (&round, date, &r.round)
        && let Some(rd) = rounds.get(rid)
        && (d < rd.start || d > rd.end)
    {
        let at = c.pos(pos);
        c.warn(
            Diagnostic::warning(
                "outside-round",
                format!(
                    "meeting on {d} is outside round `{rid}` ({} to {})",
                    rd.start, rd.end
                ),
            )
            .at(at),
        );
    }
    let meta = meta(doc, c, &r.tags, &r.tlp, &r.sources);
    Meeting {
        time: c.time(&r.time),
        timezone: c.timezone(&r.timezone),
        location: c.text(&r.location),
        body_html: c.markdown(&doc.body, doc.body_line),
        meta,
        title: title.unwrap_or_default(),
        date: date.unwrap_or_default(),
        end_date,
        convened_by: convened_by.into_iter().map(Ref::Id).collect(),
        participants,
        level,
        status: status.unwrap_or(MeetingStatus::Planned),
        round: round.map(Ref::Id),
    }
}

/// A statement; a speaker or an attribution is required.
pub fn statement(
    doc: &Doc<RawStatement>,
    c: &mut Checker,
    actors: &BTreeMap<String, Actor>,
) -> Statement {
    let r = &doc.raw;
    let speaker = c.opt_ref(Kind::Actors, &r.speaker, "speaker");
    let attributed_to = c.text(&r.attributed_to);
    if r.speaker.is_none() && attributed_to.is_none() {
        c.missing_with(
            "speaker",
            "add `speaker: <actor id>`, or `attributed_to:` for an unnamed source",
        );
    }
    let date = c.required_date(&r.date, "date");
    let meeting = c.opt_ref(Kind::Meetings, &r.meeting, "meeting");
    let kind = c.word(&r.kind, "kind", StatementKind::parse, StatementKind::ALL);
    let about = c.refs(Kind::Guarantees, &r.about, "about");
    let meta = meta(doc, c, &r.tags, &r.tlp, &r.sources);
    let who = speaker
        .as_ref()
        .and_then(|s| actors.get(s).map(|a| a.name.clone()))
        .or_else(|| attributed_to.clone())
        .unwrap_or_default();
    let title_given = c.text(&r.title).is_some();
    let title = c.text(&r.title).unwrap_or_else(|| {
        format!(
            "{who}, {}",
            date.map(crate::dates::long).unwrap_or_default()
        )
    });
    Statement {
        body_html: c.markdown(&doc.body, doc.body_line),
        meta,
        title,
        title_given,
        speaker: speaker.map(Ref::Id),
        attributed_to,
        date: date.unwrap_or_default(),
        meeting: meeting.map(Ref::Id),
        kind: kind.unwrap_or(StatementKind::Quote),
        on_record: r.on_record.as_ref().is_none_or(|b| b.value),
        about: about.into_iter().map(Ref::Id).collect(),
    }
}

/// A guarantee component and its contributions.
pub fn guarantee(doc: &Doc<RawGuarantee>, c: &mut Checker) -> Guarantee {
    let r = &doc.raw;
    let title = c.required(&r.title, "title");
    let category = c.required_word(&r.category, "category", Category::parse, Category::ALL);
    let meta = meta(doc, c, &r.tags, &r.tlp, &r.sources);
    let contributions = r
        .contributions
        .iter()
        .flatten()
        .filter_map(|rc| contribution(rc, c, meta.tlp))
        .collect();
    Guarantee {
        summary: c.text(&r.summary),
        body_html: c.markdown(&doc.body, doc.body_line),
        meta,
        title: title.unwrap_or_default(),
        category: category.unwrap_or(Category::Other),
        contributions,
    }
}

fn contribution(
    rc: &S<RawContribution>,
    c: &mut Checker,
    default_tlp: Tlp,
) -> Option<Contribution> {
    let at = c.pos(rc);
    let r = &rc.value;
    let tlp = c.tlp(&r.tlp, default_tlp);
    // References from a contribution are judged against its own marking.
    let item_marking = c.set_marking(tlp);
    for (field, missing) in [
        ("by", r.by.is_none()),
        ("commitment", r.commitment.is_none()),
        ("status", r.status.is_none()),
    ] {
        if missing {
            c.error(
                Diagnostic::error("missing-field", format!("contribution without `{field}`"))
                    .at(at)
                    .help(format!(
                        "each contribution needs `by`, `commitment` and `status`; add `{field}:`"
                    )),
            );
        }
    }
    let by = c.opt_ref(Kind::Actors, &r.by, "by");
    let commitment = c.text(&r.commitment);
    let status = c.word(&r.status, "status", Status::parse, Status::ALL);
    let since = c.date(&r.since, "since");
    let amount = r.amount.as_ref().and_then(|a| {
        let a_at = c.pos(a);
        match (&a.value.value, &a.value.unit) {
            (Some(v), Some(u)) if !u.value.trim().is_empty() => Some(Amount {
                value: v.value,
                unit: u.value.trim().to_string(),
            }),
            _ => {
                c.error(
                    Diagnostic::error("missing-field", "`amount` needs both `value` and `unit`")
                        .at(a_at)
                        .help("e.g. `amount: {value: 3, unit: EUR bn}`"),
                );
                None
            }
        }
    });
    let mut history = Vec::new();
    for step in r.history.iter().flatten() {
        let s_at = c.pos(step);
        if step.value.date.is_none() || step.value.status.is_none() {
            c.error(
                Diagnostic::error("missing-field", "history step needs `date` and `status`")
                    .at(s_at)
                    .help("e.g. `- {date: 2026-01-03, status: discussed}`"),
            );
        }
        let date = c.date(&step.value.date, "date");
        let status = c.word(&step.value.status, "status", Status::parse, Status::ALL);
        if let (Some(date), Some(status)) = (date, status) {
            history.push(Step {
                date,
                status,
                note: c.text(&step.value.note),
            });
        }
    }
    history.sort_by_key(|s| s.date);
    if let (Some(since), Some(last), Some(pos)) = (since, history.last(), r.since.as_ref())
        && last.date > since
    {
        let at = c.pos(pos);
        c.warn(
            Diagnostic::warning(
                "history-after-since",
                format!(
                    "`since` {since} is before the last history step ({})",
                    last.date
                ),
            )
            .at(at),
        );
    }
    let citations = c.citations(&r.sources);
    c.set_marking(item_marking);
    Some(Contribution {
        by: Ref::Id(by?),
        commitment: commitment?,
        status: status?,
        since,
        amount,
        conditions: r.conditions.clone().unwrap_or_default(),
        history,
        citations,
        tlp,
    })
}

/// content/site.yaml, with defaults applied.
pub fn site(
    doc: &Doc<RawSite>,
    ids: &Ids,
    latest: Option<Date>,
    diags: &mut Diagnostics,
) -> Option<SiteSettings> {
    let r = &doc.raw;
    let mut c = Checker::new(None, doc, ids, diags);
    let title = c.required(&r.title, "title");
    let default_tlp = c.default_tlp();
    let _ = c.tlp(&r.default_tlp, Tlp::Clear);
    let audience = c
        .word(&r.audience, "audience", Tlp::parse, Tlp::ALL)
        .unwrap_or(Tlp::Clear);
    let given = c.date(&r.as_of, "as_of");
    let as_of = given.or(latest);
    let base_url = c
        .url(&r.base_url)
        .map(|u| if u.ends_with('/') { u } else { format!("{u}/") });
    let timezone = c.timezone(&r.timezone).unwrap_or_else(|| "UTC".into());
    let language = c.text(&r.language).unwrap_or_else(|| "en".into());
    if !language
        .chars()
        .all(|ch| ch.is_ascii_alphanumeric() || ch == '-')
    {
        let at = r.language.as_ref().and_then(|s| c.pos(s));
        c.error(
            Diagnostic::error("bad-value", format!("`{language}` is not a language tag"))
                .at(at)
                .help("use a BCP 47 tag such as `en`, `fr` or `uk`"),
        );
    }
    let paginate = match &r.paginate {
        Some(n) if n.value >= 1 => usize::try_from(n.value).unwrap_or(usize::MAX),
        Some(n) => {
            let at = c.pos(n);
            c.error(
                Diagnostic::error(
                    "bad-value",
                    format!("`paginate` must be a positive number, not {}", n.value),
                )
                .at(at)
                .help(format!(
                    "the number of items on each list page, e.g. {}",
                    crate::model::DEFAULT_PAGINATE
                )),
            );
            crate::model::DEFAULT_PAGINATE
        }
        None => crate::model::DEFAULT_PAGINATE,
    };
    let settings = SiteSettings {
        subtitle: c.text(&r.subtitle),
        description_html: c.markdown_field(&r.description),
        title: title?,
        base_url,
        language,
        timezone,
        default_tlp,
        audience,
        as_of: as_of.unwrap_or_default(),
        as_of_given: given.is_some(),
        paginate,
    };
    (!c.failed()).then_some(settings)
}
