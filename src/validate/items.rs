//! Per-kind conversion from the fields as written to the typed model. Each function
//! reports problems through its checker; an item with errors is left out of the model.

use super::checker::Checker;
use super::ids::Ids;
use crate::dates::When;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::load::Doc;
use crate::model::*;
use crate::raw::*;
use jiff::civil::Date;
use std::collections::BTreeMap;

pub(super) fn meta<T>(
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
                    Code::NotAState,
                    format!("`country` must be a state actor; `{country}` is a {k}"),
                )
                .at(at)
                .help("use `affiliation` for organisations and groups"),
            );
        }
    }
    let affiliation = c.one_or_many(Kind::Actors, &r.affiliation, "affiliation");
    if affiliation.contains(&doc.id) {
        let at = r.affiliation.as_ref().and_then(|a| c.pos(a));
        c.error(
            Diagnostic::error(
                Code::SelfReference,
                "an actor cannot be affiliated with itself",
            )
            .at(at),
        );
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
        affiliation: affiliation.into_iter().map(Ref::Id).collect(),
    }
}

/// A source; reliability defaults to F (cannot be judged).
pub fn source(doc: &Doc<RawSource>, c: &mut Checker) -> Source {
    let r = &doc.raw;
    let name = c.required(&r.name, "name");
    let kind = c.term(&r.kind, "kind", Vocabulary::SourceKinds);
    let reliability = c.word(
        &r.reliability,
        "reliability",
        Reliability::parse,
        Reliability::ALL,
    );
    let derived_from = c.one_or_many(Kind::Sources, &r.derived_from, "derived_from");
    if derived_from.contains(&doc.id) {
        let at = r.derived_from.as_ref().and_then(|a| c.pos(a));
        c.error(
            Diagnostic::error(Code::SelfReference, "a source cannot derive from itself").at(at),
        );
    }
    let channel_of = c.opt_ref(Kind::Actors, &r.channel_of, "channel_of");
    let meta = meta(doc, c, &r.tags, &r.tlp, &r.sources);
    Source {
        derived_from: derived_from.into_iter().map(Ref::Id).collect(),
        channel_of: channel_of.map(Ref::Id),
        name: name.unwrap_or_default(),
        kind: kind.unwrap_or_else(|| Term::builtin(SourceKind::Other.as_str())),
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
    let start = c.required_day(&r.start, "start");
    let end = c.required_day(&r.end, "end");
    c.ordered(
        start.map(When::day),
        end.map(When::day),
        &r.end,
        "start",
        "end",
    );
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
    let convened_by = c.one_or_many(Kind::Actors, &r.convened_by, "convened_by");
    let mut participants = Vec::new();
    for p in r.participants.iter().flatten() {
        let at = c.pos(p);
        let (actor, role, level) = match &p.value {
            IdOr::Id(id) => (Some((id.trim().to_string(), at)), None, None),
            IdOr::Full(f) => {
                if f.actor.is_none() {
                    c.error(
                        Diagnostic::error(Code::MissingField, "participant without `actor`")
                            .at(at)
                            .help("add `actor: <actor id>`"),
                    );
                }
                let actor = f
                    .actor
                    .as_ref()
                    .map(|a| (a.value.trim().to_string(), c.pos(a)));
                let level = c.term(&f.level, "level", Vocabulary::Levels);
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
    let level = c.term(&r.level, "level", Vocabulary::Levels);
    let status = c.word(
        &r.status,
        "status",
        MeetingStatus::parse,
        MeetingStatus::ALL,
    );
    let round = c.opt_ref(Kind::Rounds, &r.round, "round");
    let documents = c.refs(Kind::Documents, &r.documents, "documents");
    if let (Some(rid), Some(d), Some(pos)) = (&round, date, &r.round)
        && let Some(rd) = rounds.get(rid)
        && (d.last() < rd.start || d.first() > rd.end)
    {
        let at = c.pos(pos);
        c.warn(
            Diagnostic::warning(
                Code::OutsideRound,
                format!(
                    "meeting on {} is outside round `{rid}` ({} to {})",
                    d.written(),
                    rd.start,
                    rd.end
                ),
            )
            .at(at),
        );
    }
    if let (Some(d), Some(t)) = (date, &r.time)
        && !d.is_exact_day()
    {
        let at = c.pos(t);
        c.error(
            Diagnostic::error(
                Code::BadValue,
                format!("a `time` needs an exact day, not `{}`", d.written()),
            )
            .at(at)
            .help("give `date` as YYYY-MM-DD, or leave `time` out"),
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
        date: date.unwrap_or(When::day(Date::default())),
        end_date,
        convened_by: convened_by.into_iter().map(Ref::Id).collect(),
        participants,
        level,
        status: status.unwrap_or(MeetingStatus::Planned),
        round: round.map(Ref::Id),
        documents: documents.into_iter().map(Ref::Id).collect(),
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
    let kind = c.term(&r.kind, "kind", Vocabulary::StatementKinds);
    let about = c.refs(Kind::Guarantees, &r.about, "about");
    let mut related = |v: &Option<Vec<S<String>>>, field: &str| {
        let ids = c.refs(Kind::Statements, v, field);
        if let Some(s) = v.iter().flatten().find(|s| s.value.trim() == doc.id) {
            let at = c.pos(s);
            c.error(
                Diagnostic::error(
                    Code::SelfReference,
                    format!("a statement cannot name itself in `{field}`"),
                )
                .at(at),
            );
        }
        ids
    };
    let responds_to = related(&r.responds_to, "responds_to");
    let contradicts = related(&r.contradicts, "contradicts");
    let claims = super::claims::claims(&r.claims, c);
    let meta = meta(doc, c, &r.tags, &r.tlp, &r.sources);
    let who = speaker
        .as_ref()
        .and_then(|s| actors.get(s).map(|a| a.name.clone()))
        .or_else(|| attributed_to.clone())
        .unwrap_or_default();
    let title_given = c.text(&r.title).is_some();
    let title = c
        .text(&r.title)
        .unwrap_or_else(|| format!("{who}, {}", date.map(When::long).unwrap_or_default()));
    Statement {
        body_html: c.markdown(&doc.body, doc.body_line),
        meta,
        title,
        title_given,
        speaker: speaker.map(Ref::Id),
        attributed_to,
        date: date.unwrap_or(When::day(Date::default())),
        meeting: meeting.map(Ref::Id),
        kind: kind.unwrap_or_else(|| Term::builtin(StatementKind::Quote.as_str())),
        on_record: r.on_record.as_ref().is_none_or(|b| b.value),
        about: about.into_iter().map(Ref::Id).collect(),
        responds_to: responds_to.into_iter().map(Ref::Id).collect(),
        contradicts: contradicts.into_iter().map(Ref::Id).collect(),
        claims,
    }
}

/// A positive whole number of site.yaml, or `default` (an error if not positive).
fn positive(v: &Opt<i64>, field: &str, what: &str, default: usize, c: &mut Checker) -> usize {
    match v {
        Some(n) if n.value >= 1 => usize::try_from(n.value).unwrap_or(usize::MAX),
        Some(n) => {
            let at = c.pos(n);
            c.error(
                Diagnostic::error(
                    Code::BadValue,
                    format!("`{field}` must be a positive number, not {}", n.value),
                )
                .at(at)
                .help(format!("{what}, e.g. {default}")),
            );
            default
        }
        None => default,
    }
}

/// site.yaml `vocabularies:`: each word a slug with a label.
fn vocabularies(v: &Opt<RawVocabularies>, c: &mut Checker) -> Vocabularies {
    let mut out = Vocabularies::default();
    let Some(v) = v else { return out };
    for vocabulary in Vocabulary::ALL {
        for (word, label) in v.value.of(vocabulary).into_iter().flatten() {
            let at = c.pos(label);
            let (word, text) = (word.trim(), label.value.trim());
            if !crate::load::is_slug(word) {
                c.error(
                    Diagnostic::error(
                        Code::BadValue,
                        format!(
                            "`{word}` in `vocabularies: {}` is not a valid word",
                            vocabulary.key()
                        ),
                    )
                    .at(at)
                    .help(format!(
                        "use lowercase letters, digits and hyphens, e.g. `{}`",
                        crate::load::slugify(word)
                    )),
                );
            } else if text.is_empty() {
                c.error(
                    Diagnostic::error(Code::BadValue, format!("`{word}` has an empty label"))
                        .at(at)
                        .help("give the label pages show, e.g. `enrichment: Enrichment limits`"),
                );
            } else {
                out.add(vocabulary, word, text);
            }
        }
    }
    out
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
    let given = c.day(&r.as_of, "as_of");
    let as_of = given.or(latest);
    let base_url = c
        .url(&r.base_url)
        .map(|u| if u.ends_with('/') { u } else { format!("{u}/") });
    let timezone = c.timezone(&r.timezone).unwrap_or_else(|| "UTC".into());
    let languages = super::languages::site_languages(r, &mut c);
    let language = languages.default_lang().to_string();
    let paginate = positive(
        &r.paginate,
        "paginate",
        "the number of items on each list page",
        crate::model::DEFAULT_PAGINATE,
        &mut c,
    );
    let view_page_entries = positive(
        &r.view_page_entries,
        "view_page_entries",
        "the number of entries on each page of the timeline, declarations and sourcing views",
        crate::model::DEFAULT_VIEW_PAGE_ENTRIES,
        &mut c,
    );
    let feed_limit = positive(
        &r.feed_limit,
        "feed_limit",
        "the number of entries in feed.xml, newest first",
        crate::model::DEFAULT_FEED_LIMIT,
        &mut c,
    );
    let settings = SiteSettings {
        translations: Default::default(),
        subtitle: c.text(&r.subtitle),
        description_html: c.markdown_field(&r.description),
        title: title?,
        base_url,
        language,
        languages,
        timezone,
        default_tlp,
        audience,
        as_of: as_of.unwrap_or_default(),
        as_of_given: given.is_some(),
        paginate,
        view_page_entries,
        feed_limit,
        matrix_layout: c
            .word(
                &r.matrix_layout,
                "matrix_layout",
                MatrixLayout::parse,
                MatrixLayout::ALL,
            )
            .unwrap_or(MatrixLayout::Auto),
        vocabularies: vocabularies(&r.vocabularies, &mut c),
        claims: super::claims::rules(&r.claims, &mut c),
    };
    (!c.failed()).then_some(settings)
}
