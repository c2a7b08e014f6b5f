//! Builds views from the model: links resolved, dates formatted, reverse links filled in.

use super::*;
use crate::model::translation::{
    ActorWords, GuaranteeWords, MeetingWords, RoundWords, SourceWords, StatementWords,
};
use crate::model::*;
use jiff::civil::Date;

/// Counts of statuses as views show them.
pub(super) fn status_counts(v: Vec<(Status, usize)>) -> Vec<StatusCount> {
    v.into_iter()
        .map(|(s, count)| StatusCount {
            status: s.as_str(),
            count,
        })
        .collect()
}

/// Builds views from the model; each view is built once and shared by every page showing it.
pub struct Views<'m> {
    pub(crate) m: &'m Model,
    /// Indexes for the round briefs, built on first use.
    pub(super) dated: std::sync::OnceLock<Dated<'m>>,
    /// Every round's changes, by round id, built on first use.
    pub(super) changes: std::sync::OnceLock<
        std::collections::BTreeMap<String, crate::analysis::changes::RoundChanges>,
    >,
    /// Build every link at the first one asked for (worth it when rendering the whole
    /// site; not for a few pages).
    pub(super) bulk_links: bool,
    /// Every item's link and its template value, by kind (in [`Kind::ALL`] order) and
    /// id, built on first use: pages show tens of links each, and building one formats
    /// dates and titles.
    pub(super) links: std::sync::OnceLock<super::links::LinkCache>,
    /// How its links are written.
    pub(super) link_style: super::LinkStyle,
    /// The interface language its dates and numbers are written in.
    pub(super) locale: std::sync::Arc<crate::i18n::Locale>,
    /// The language items' words are shown in when it is one they are translated into
    /// (the locale's, if site.yaml's `languages` lists it after the first); `None`: the
    /// originals' words.
    pub(super) content: Option<Lang>,
}

/// What the round briefs look up, sorted once instead of scanned for every round.
pub(super) struct Dated<'m> {
    /// Meetings not cancelled, by date then id.
    pub meetings: Vec<(Date, &'m String)>,
    /// Statements, newest first by the last day their date covers, then by id.
    pub statements: Vec<(std::cmp::Reverse<Date>, &'m String)>,
}

impl<'m> Views<'m> {
    /// Views over `m`.
    pub fn new(m: &'m Model) -> Self {
        Views {
            m,
            dated: std::sync::OnceLock::new(),
            changes: std::sync::OnceLock::new(),
            links: std::sync::OnceLock::new(),
            bulk_links: true,
            link_style: super::LinkStyle::Full,
            locale: crate::i18n::english_shared(),
            content: None,
        }
    }

    /// The same views in `locale`'s language: dates and numbers, and items' words when
    /// items are translated into it (site.yaml `languages`).
    pub fn in_language(self, locale: std::sync::Arc<crate::i18n::Locale>) -> Self {
        let content = Lang::parse(locale.tag())
            .ok()
            .filter(|l| self.m.site.languages.is_translation(l));
        Views {
            locale,
            content,
            ..self
        }
    }

    /// The language items' words are shown in, when it is not the originals'.
    pub fn content_language(&self) -> Option<&Lang> {
        self.content.as_ref()
    }

    /// Views over `m` for a few pages, in the same language as these.
    pub(super) fn few_pages_of<'o>(&self, m: &'o Model) -> Views<'o> {
        Views::for_few_pages(m).in_language(self.locale.clone())
    }

    /// The interface language of these views, shared.
    pub fn locale_shared(&self) -> std::sync::Arc<crate::i18n::Locale> {
        self.locale.clone()
    }

    /// The interface language of these views.
    pub fn locale(&self) -> &crate::i18n::Locale {
        &self.locale
    }

    /// The label of `term`, a word of `vocabulary`, in the views' language: a built-in
    /// word's from the catalog (`vocab.<vocabulary>.<word>`), a site's own word's as
    /// site.yaml gives it.
    pub(super) fn term_label(&self, vocabulary: Vocabulary, term: &Term) -> String {
        let key = format!("vocab.{}.{}", vocabulary.key(), term.as_str());
        if vocabulary.builtin().contains(&term.as_str())
            && self.locale.messages().contains_key(&key)
        {
            self.locale.text(&key)
        } else {
            term.label().to_string()
        }
    }

    /// A date, in words of the views' language.
    pub(super) fn date(&self, d: impl Into<crate::dates::When>) -> DateView {
        DateView::in_language(d, self.locale.dates())
    }

    /// Views over `m` for the JSON export: links are references (id and kind), the
    /// export's table of links holding the rest once; `bulk` as for [`Views::new`].
    pub fn for_export(m: &'m Model, bulk: bool) -> Self {
        Views {
            bulk_links: bulk,
            link_style: super::LinkStyle::Reference,
            ..Views::new(m)
        }
    }

    /// Views over `m` for rendering a few pages: each link is built when asked for.
    pub fn for_few_pages(m: &'m Model) -> Self {
        Views {
            bulk_links: false,
            ..Views::new(m)
        }
    }

    /// Every round's changes, by round id.
    pub(super) fn all_changes(
        &self,
    ) -> &std::collections::BTreeMap<String, crate::analysis::changes::RoundChanges> {
        self.changes.get_or_init(|| {
            crate::analysis::changes::all_round_changes(self.m)
                .into_iter()
                .map(|rc| (rc.round.clone(), rc))
                .collect()
        })
    }

    pub(super) fn dated(&self) -> &Dated<'m> {
        self.dated.get_or_init(|| {
            let m = self.m;
            let mut meetings: Vec<_> = m
                .meetings
                .values()
                .filter(|x| x.status != MeetingStatus::Cancelled)
                .map(|x| (x.date.first(), &x.meta.id))
                .collect();
            meetings.sort();
            let mut statements: Vec<_> = m
                .statements
                .values()
                .map(|x| (std::cmp::Reverse(x.date.last()), &x.meta.id))
                .collect();
            statements.sort();
            Dated {
                meetings,
                statements,
            }
        })
    }

    /// The highest marking the edition shows.
    pub fn audience(&self) -> crate::model::Tlp {
        self.m.site.audience
    }

    /// "Rustem Umerov", or "unnamed White House officials (anonymous)".
    pub fn attribution(&self, s: &Statement) -> String {
        self.attribution_shown(s).0
    }

    /// Who made statement `s`, in the views' language, with the language of the name
    /// or attribution when it is not the page's (an untranslated actor's name).
    pub(super) fn attribution_shown(&self, s: &Statement) -> (String, Option<Lang>) {
        let l = &self.locale;
        match (&s.speaker, &s.attributed_to) {
            (Some(Ref::Withheld), _) => (l.text("link.withheld"), None),
            (Some(Ref::Id(a)), _) => match self.m.actors.get(a) {
                Some(actor) => self
                    .words_of(Item::Actor(actor))
                    .title(Item::Actor(actor))
                    .owned(),
                None => (l.text("link.withheld"), None),
            },
            (None, Some(t)) => {
                let said = match self.m.statements.get(&s.meta.id) {
                    Some(x) => self
                        .words_of(Item::Statement(x))
                        .opt_word(
                            |w: &StatementWords| w.attributed_to.as_deref(),
                            x.attributed_to.as_deref(),
                        )
                        .map(Shown::owned),
                    None => None,
                };
                let (who, lang) = said.unwrap_or_else(|| (t.clone(), None));
                (format!("{who} ({})", l.text("record.anonymous")), lang)
            }
            (None, None) => (l.text("record.unattributed"), None),
        }
    }

    /// Citations resolved to their sources.
    pub fn citations(&self, cs: &[Citation]) -> Vec<CitationView> {
        cs.iter()
            .map(|c| {
                let Ref::Id(source) = &c.source else {
                    return CitationView {
                        source: Link::Withheld(Kind::Sources),
                        reliability: "",
                        reliability_meaning: "withheld",
                        credibility: c.credibility,
                        credibility_meaning: c.credibility.map(credibility_meaning),
                        grade: "\u{2014}".into(),
                        date: c.date.map(|d| self.date(d)),
                        url: None,
                        note: None,
                    };
                };
                let src = &self.m.sources[source];
                let r = src.reliability.as_str();
                CitationView {
                    source: self.link(Kind::Sources, source),
                    reliability: r,
                    reliability_meaning: src.reliability.meaning(),
                    credibility: c.credibility,
                    credibility_meaning: c.credibility.map(credibility_meaning),
                    grade: match c.credibility {
                        Some(n) => format!("{r}{n}"),
                        None => r.to_string(),
                    },
                    date: c.date.map(|d| self.date(d)),
                    url: c.url.clone(),
                    note: c.note.clone(),
                }
            })
            .collect()
    }

    /// The full view of the item `kind`/`id`.
    ///
    /// # Panics
    ///
    /// If the model has no such item: ids come from the model ([`Views::item_view`]
    /// takes the item itself).
    pub fn item(&self, kind: Kind, id: &str) -> ItemView {
        let x = self.m.item(kind, id);
        self.item_view(x.unwrap_or_else(|| panic!("no {} `{id}` in the model", kind.singular())))
    }

    /// The views of a tracked status's earlier steps, oldest first.
    pub(super) fn steps(&self, history: &[Step]) -> Vec<StepView> {
        history
            .iter()
            .map(|h| StepView {
                date: self.date(h.date),
                status: h.status.as_str(),
                note: h.note.clone(),
                citations: self.citations(&h.citations),
            })
            .collect()
    }

    /// The full view of one item.
    pub fn item_view(&self, item: Item<'m>) -> ItemView {
        let m = self.m;
        let l = &m.links;
        let meta = item.meta();
        let id = meta.id.as_str();
        let w = self.words_of(item);
        let detail = match item {
            Item::Actor(a) => {
                let role = w
                    .opt_word(|x: &ActorWords| x.role.as_deref(), a.role.as_deref())
                    .map(Shown::owned);
                let aliases = w.word(
                    |x: &ActorWords| Some(&x.aliases).filter(|v| !v.is_empty()),
                    &a.aliases,
                );
                let description = w
                    .opt_word(
                        |x: &ActorWords| x.description_html.as_ref(),
                        a.description_html.as_ref(),
                    )
                    .map(Shown::owned);
                self.actor_detail(a, role, aliases, description)
            }
            Item::Source(s) => {
                let description = w
                    .opt_word(
                        |x: &SourceWords| x.description_html.as_ref(),
                        s.description_html.as_ref(),
                    )
                    .map(Shown::owned);
                let (description_html, description_lang) = description.unzip();
                Detail::Source {
                    source_kind: s.kind.as_str().to_string(),
                    source_kind_label: self.term_label(Vocabulary::SourceKinds, &s.kind),
                    reliability: s.reliability.as_str(),
                    reliability_meaning: s.reliability.meaning(),
                    website: s.url.clone(),
                    description_html,
                    derived_from: self.links_to(Kind::Sources, &s.derived_from),
                    channel_of: s.channel_of.as_ref().map(|a| self.link_to(Kind::Actors, a)),
                    cited_by: self.cited_by(id),
                    description_lang: description_lang.flatten(),
                }
            }
            Item::Meeting(x) => {
                let location = w
                    .opt_word(
                        |m: &MeetingWords| m.location.as_deref(),
                        x.location.as_deref(),
                    )
                    .map(Shown::owned);
                let (location, location_lang) = location.unzip();
                let body = w.word(|m: &MeetingWords| m.body_html.as_ref(), &x.body_html);
                Detail::Meeting {
                    date: self.date(x.date),
                    period: self.locale.dates().range_when(x.date, x.end_date),
                    time: x.time.map(|t| format!("{:02}:{:02}", t.hour(), t.minute())),
                    timezone: x
                        .timezone
                        .clone()
                        .or_else(|| x.time.map(|_| m.site.timezone.clone())),
                    location,
                    convened_by: x
                        .convened_by
                        .iter()
                        .map(|a| self.link_to(Kind::Actors, a))
                        .collect(),
                    participants: x
                        .participants
                        .iter()
                        .map(|p| ParticipantView {
                            actor: self.link_to(Kind::Actors, &p.actor),
                            role: p.role.clone(),
                            level: p.level.as_ref().map(|t| t.as_str().to_string()),
                            level_label: p
                                .level
                                .as_ref()
                                .map(|t| self.term_label(Vocabulary::Levels, t)),
                        })
                        .collect(),
                    level: x.level.as_ref().map(|t| t.as_str().to_string()),
                    level_label: x
                        .level
                        .as_ref()
                        .map(|t| self.term_label(Vocabulary::Levels, t)),
                    status: x.status.as_str(),
                    upcoming: x.date.first() > m.site.as_of,
                    round: x.round.as_ref().map(|r| self.link_to(Kind::Rounds, r)),
                    documents: self.links_to(Kind::Documents, &x.documents),
                    body_html: body.text.clone(),
                    statements: self.links(Kind::Statements, l.meeting_statements.get(id)),
                    location_lang: location_lang.flatten(),
                    body_lang: body.lang.cloned(),
                }
            }
            Item::Statement(x) => {
                let attributed_to = w
                    .opt_word(
                        |s: &StatementWords| s.attributed_to.as_deref(),
                        x.attributed_to.as_deref(),
                    )
                    .map(Shown::owned);
                let (attributed_to, attributed_to_lang) = attributed_to.unzip();
                let (attribution, attribution_lang) = self.attribution_shown(x);
                let body = w.word(|s: &StatementWords| s.body_html.as_ref(), &x.body_html);
                Detail::Statement {
                    date: self.date(x.date),
                    speaker: x.speaker.as_ref().map(|a| self.link_to(Kind::Actors, a)),
                    attributed_to,
                    attribution,
                    meeting: x.meeting.as_ref().map(|a| self.link_to(Kind::Meetings, a)),
                    statement_kind: x.kind.as_str().to_string(),
                    statement_kind_label: self.term_label(Vocabulary::StatementKinds, &x.kind),
                    on_record: x.on_record,
                    about: x
                        .about
                        .iter()
                        .map(|g| self.link_to(Kind::Guarantees, g))
                        .collect(),
                    responds_to: self.links_to(Kind::Statements, &x.responds_to),
                    contradicts: self.links_to(Kind::Statements, &x.contradicts),
                    responses: self.links(Kind::Statements, l.statement_responses.get(id)),
                    contradicted_by: self
                        .links(Kind::Statements, l.statement_contradictions.get(id)),
                    body_html: body.text.clone(),
                    body_has_blockquote: body.text.has_blockquote(),
                    claims: self.claims_of(x),
                    attributed_to_lang: attributed_to_lang.flatten(),
                    attribution_lang,
                    body_lang: body.lang.cloned(),
                }
            }
            Item::Guarantee(x) => {
                let st = crate::analysis::matrix::standing(x, m.site.as_of);
                let summary = w
                    .opt_word(
                        |g: &GuaranteeWords| g.summary.as_deref(),
                        x.summary.as_deref(),
                    )
                    .map(Shown::owned);
                let (summary, summary_lang) = summary.unzip();
                let body = w.word(|g: &GuaranteeWords| g.body_html.as_ref(), &x.body_html);
                Detail::Guarantee {
                    category: x.category.as_str().to_string(),
                    category_label: self.term_label(Vocabulary::Categories, &x.category),
                    summary,
                    status_counts: status_counts(st.statuses),
                    reversal: st.reversal.map(|d| self.date(d)),
                    overdue: st.overdue,
                    contributions: (0..x.contributions.len())
                        .map(|i| self.contribution(id, i))
                        .collect(),
                    statements: self.links(Kind::Statements, l.guarantee_statements.get(id)),
                    provisions: self.provisions_concerning(id),
                    body_html: body.text.clone(),
                    summary_lang: summary_lang.flatten(),
                    body_lang: body.lang.cloned(),
                }
            }
            Item::Round(x) => {
                let summary = w
                    .opt_word(
                        |r: &RoundWords| r.summary_html.as_ref(),
                        x.summary_html.as_ref(),
                    )
                    .map(Shown::owned);
                let (summary_html, summary_lang) = summary.unzip();
                Detail::Round {
                    start: self.date(x.start),
                    end: self.date(x.end),
                    period: self.locale.dates().range(x.start, Some(x.end)),
                    summary_html,
                    meetings: self.links(Kind::Meetings, l.round_meetings.get(id)),
                    summary_lang: summary_lang.flatten(),
                }
            }
            Item::Document(x) => Detail::Document(Box::new(self.document_detail(x))),
        };
        let kind = item.kind();
        let (title, title_lang) = self.title_of(item);
        ItemView {
            id: id.to_string(),
            kind: kind.dir(),
            kind_singular: kind.singular(),
            title,
            url: crate::routes::item(kind, id),
            tlp: meta.tlp.into(),
            tags: meta.tags.clone(),
            citations: self.citations(&meta.citations),
            detail,
            title_lang,
            untranslated: w.untranslated().map(LangView::from),
            translation_note: w.note().map(str::to_string),
        }
    }

    /// An actor's part of its view, given its words as shown.
    fn actor_detail(
        &self,
        a: &'m Actor,
        role: Option<(String, Option<Lang>)>,
        aliases: Shown<'m, Vec<String>>,
        description: Option<(Prose, Option<Lang>)>,
    ) -> Detail {
        let l = &self.m.links;
        let id = a.meta.id.as_str();
        let (role, role_lang) = role.unzip();
        let (description_html, description_lang) = description.unzip();
        Detail::Actor {
            actor_kind: a.kind.as_str(),
            country: a.country.as_ref().map(|c| self.link_to(Kind::Actors, c)),
            role,
            affiliation: a.affiliation.first().map(|c| self.link_to(Kind::Actors, c)),
            affiliations: self.links_to(Kind::Actors, &a.affiliation),
            requests: l
                .actor_requests
                .get(id)
                .into_iter()
                .flatten()
                .map(|(g, i)| self.contribution(g, *i))
                .collect(),
            aliases: aliases.text.clone(),
            website: a.url.clone(),
            description_html,
            members: self.links(Kind::Actors, l.actor_members.get(id)),
            meetings: self.links(Kind::Meetings, l.actor_meetings.get(id)),
            statements: self.links(Kind::Statements, l.actor_statements.get(id)),
            contributions: l
                .actor_contributions
                .get(id)
                .into_iter()
                .flatten()
                .map(|(g, i)| self.contribution(g, *i))
                .collect(),
            documents: self.links(Kind::Documents, l.actor_documents.get(id)),
            role_lang: role_lang.flatten(),
            aliases_lang: aliases.lang.filter(|_| !a.aliases.is_empty()).cloned(),
            description_lang: description_lang.flatten(),
        }
    }
}
