//! A negotiating text's page data: its provisions against its parties, with the counts
//! of [`crate::analysis::documents`] as of the page's date.

use super::value::{list, map, map_of, opt, opt_str, with_langs};
use super::*;
use crate::analysis::documents::{self, Share};
use crate::model::translation::DocumentWords;
use crate::model::{Document, Item, Kind, Lang, Position, Provision};
use tera::Value;

/// The kind-specific part of a document's view.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentDetail {
    /// Kind word: `plan`.
    pub document_kind: String,
    /// Its label.
    pub document_kind_label: String,
    /// When this version was tabled, if known.
    pub date: Option<DateView>,
    /// The parties, in the order written: the grid's columns.
    pub parties: Vec<Link>,
    /// The earlier version it replaces.
    pub supersedes: Option<Link>,
    /// The later versions that replace it.
    pub superseded_by: Vec<Link>,
    /// The meetings dated by the page's date where it was discussed, oldest first.
    pub discussed_at: Vec<Link>,
    /// Its provisions in the order of the text: the grid's rows.
    pub provisions: Vec<ProvisionView>,
    /// The counts as of the page's date.
    pub tally: TallyView,
    /// The claims made about it, checked, newest first.
    pub claims: Vec<ClaimView>,
    /// Rendered description.
    pub body_html: Prose,
    /// The language of `body_html` when it is not the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_lang: Option<Lang>,
}

/// One provision, with one cell per party.
#[derive(Debug, Clone, Serialize)]
pub struct ProvisionView {
    /// Id.
    pub id: String,
    /// Its element id on the page.
    pub anchor: String,
    /// `Point 7`.
    pub label: Option<String>,
    /// Title.
    pub title: String,
    /// One line.
    pub summary: Option<String>,
    /// The guarantee components it concerns.
    pub concerns: Vec<Link>,
    /// When it entered the text.
    pub introduced: Option<DateView>,
    /// When it left the text.
    pub dropped: Option<DateView>,
    /// False once dropped by the page's date: shown, not counted.
    pub in_text: bool,
    /// One cell per party, in the order of `parties`: its position, or none.
    pub cells: Vec<Option<PositionView>>,
    /// Positions of actors not among the parties.
    pub others: Vec<PositionView>,
    /// Marking.
    pub tlp: TlpView,
    /// The language of `label` when it is not the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_lang: Option<Lang>,
    /// The language of `title` when it is not the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_lang: Option<Lang>,
    /// The language of `summary` when it is not the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary_lang: Option<Lang>,
}

/// A party's position on a provision.
#[derive(Debug, Clone, Serialize)]
pub struct PositionView {
    /// The party.
    pub party: Link,
    /// Status word.
    pub status: &'static str,
    /// When it was reached.
    pub since: Option<DateView>,
    /// Note.
    pub note: Option<String>,
    /// Earlier steps, oldest first.
    pub history: Vec<StepView>,
    /// Sources.
    pub citations: Vec<CitationView>,
    /// Marking.
    pub tlp: TlpView,
}

/// A count out of a total, with its share in whole percent.
#[derive(Debug, Clone, Serialize)]
pub struct ShareView {
    /// How many.
    pub count: usize,
    /// Out of how many.
    pub of: usize,
    /// Rounded percent; `None` when there is nothing to count.
    pub percent: Option<u32>,
}

impl From<Share> for ShareView {
    fn from(s: Share) -> Self {
        ShareView {
            count: s.count,
            of: s.of,
            percent: s.percent(),
        }
    }
}

/// One party's agreed provisions.
#[derive(Debug, Clone, Serialize)]
pub struct PartyShareView {
    /// The party.
    pub party: Link,
    /// Provisions it agrees to.
    pub agreed: ShareView,
}

/// A document's counts as of the page's date.
#[derive(Debug, Clone, Serialize)]
pub struct TallyView {
    /// The day counted.
    pub as_of: DateView,
    /// Provisions in the text.
    pub provisions: usize,
    /// Agreed by every party.
    pub agreed_by_all: ShareView,
    /// Agreed by each party.
    pub by_party: Vec<PartyShareView>,
    /// Contested or rejected by at least one party.
    pub contested: ShareView,
    /// With no position.
    pub untracked: ShareView,
    /// With at least one position.
    pub coverage: ShareView,
}

/// A provision concerning a guarantee component, as the component's page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct ProvisionLink {
    /// Its document.
    pub document: Link,
    /// Its anchor on the document's page.
    pub anchor: String,
    /// `Point 7`.
    pub label: Option<String>,
    /// Title.
    pub title: String,
    /// The language of `label` when it is not the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_lang: Option<Lang>,
    /// The language of `title` when it is not the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_lang: Option<Lang>,
}

/// A provision's words as pages show them, each with its language when it is not the
/// page's.
pub(crate) struct ProvisionText {
    pub label: Option<String>,
    pub label_lang: Option<Lang>,
    pub title: String,
    pub title_lang: Option<Lang>,
    pub summary: Option<String>,
    pub summary_lang: Option<Lang>,
}

impl<'m> Views<'m> {
    /// The document-specific part of `d`'s view.
    pub(super) fn document_detail(&self, d: &'m Document) -> DocumentDetail {
        let day = self.m.site.as_of;
        let body = self
            .words_of(Item::Document(d))
            .word(|w: &DocumentWords| w.body_html.as_ref(), &d.body_html);
        DocumentDetail {
            document_kind: d.kind.as_str().to_string(),
            document_kind_label: self.term_label(crate::model::Vocabulary::DocumentKinds, &d.kind),
            date: d.date.map(|d| self.date(d)),
            parties: self.links_to(Kind::Actors, &d.parties),
            supersedes: d
                .supersedes
                .as_ref()
                .map(|s| self.link_to(Kind::Documents, s)),
            superseded_by: self.links(Kind::Documents, self.m.links.superseded_by.get(&d.meta.id)),
            discussed_at: self.discussed_by(&d.meta.id, day),
            provisions: d
                .provisions
                .iter()
                .map(|p| self.provision(d, p, day))
                .collect(),
            tally: self.tally(d, day),
            claims: self.all_claims(Some(&d.meta.id)),
            body_html: body.text.clone(),
            body_lang: body.lang.cloned(),
        }
    }

    /// `d`'s counts as of `day`.
    pub(super) fn tally(&self, d: &Document, day: jiff::civil::Date) -> TallyView {
        let t = documents::tally(d, day);
        TallyView {
            as_of: self.date(day),
            provisions: t.provisions,
            agreed_by_all: t.agreed_by_all.into(),
            by_party: t
                .by_party
                .into_iter()
                .map(|p| PartyShareView {
                    party: self.link(Kind::Actors, &p.party),
                    agreed: p.agreed.into(),
                })
                .collect(),
            contested: t.contested.into(),
            untracked: t.untracked.into(),
            coverage: t.coverage.into(),
        }
    }

    /// The meetings dated by `day` where document `doc` was discussed, oldest first: a
    /// meeting still to come is not listed (its own page names the text).
    pub(super) fn discussed_by(&self, doc: &str, day: jiff::civil::Date) -> Vec<Link> {
        self.m
            .links
            .document_meetings
            .get(doc)
            .into_iter()
            .flatten()
            .filter(|id| {
                self.m
                    .meetings
                    .get(*id)
                    .is_some_and(|x| x.date.first() <= day)
            })
            .map(|id| self.link(Kind::Meetings, id))
            .collect()
    }

    /// A provision's words (label, title, summary) as these views show them.
    pub(crate) fn provision_words(&self, d: &'m Document, p: &'m Provision) -> ProvisionText {
        let w = self.words_of(Item::Document(d));
        let of = |w: &'m DocumentWords| w.provisions.get(&p.id);
        let label = w.opt_word(
            |x: &DocumentWords| of(x)?.label.as_deref(),
            p.label.as_deref(),
        );
        let title = w.word(
            |x: &DocumentWords| of(x)?.title.as_deref(),
            p.title.as_str(),
        );
        let summary = w.opt_word(
            |x: &DocumentWords| of(x)?.summary.as_deref(),
            p.summary.as_deref(),
        );
        ProvisionText {
            label: label.map(|x| x.text.to_string()),
            label_lang: label.and_then(|x| x.lang.cloned()),
            title: title.text.to_string(),
            title_lang: title.lang.cloned(),
            summary: summary.map(|x| x.text.to_string()),
            summary_lang: summary.and_then(|x| x.lang.cloned()),
        }
    }

    fn provision(
        &self,
        d: &'m Document,
        p: &'m Provision,
        day: jiff::civil::Date,
    ) -> ProvisionView {
        let listed = |x: &Position| d.parties.iter().any(|r| r.id().is_some() && *r == x.party);
        let words = self.provision_words(d, p);
        ProvisionView {
            id: p.id.clone(),
            anchor: crate::routes::provision_anchor(&p.id),
            label: words.label,
            title: words.title,
            summary: words.summary,
            label_lang: words.label_lang,
            title_lang: words.title_lang,
            summary_lang: words.summary_lang,
            concerns: self.links_to(Kind::Guarantees, &p.concerns),
            introduced: p.introduced.map(|d| self.date(d)),
            dropped: p.dropped.map(|d| self.date(d)),
            in_text: p.in_text_at(day),
            cells: d
                .parties
                .iter()
                .map(|r| {
                    r.id()
                        .and_then(|id| p.position_of(id))
                        .map(|x| self.position(x))
                })
                .collect(),
            others: p
                .positions
                .iter()
                .filter(|x| !listed(x))
                .map(|x| self.position(x))
                .collect(),
            tlp: p.tlp.into(),
        }
    }

    fn position(&self, x: &Position) -> PositionView {
        PositionView {
            party: self.link_to(Kind::Actors, &x.party),
            status: x.status.as_str(),
            since: x.since.map(|d| self.date(d)),
            note: x.note.clone(),
            history: self.steps(&x.history),
            citations: self.citations(&x.citations),
            tlp: x.tlp.into(),
        }
    }

    /// The provisions concerning guarantee component `id`, as its page lists them.
    pub(super) fn provisions_concerning(&self, id: &str) -> Vec<ProvisionLink> {
        let m = self.m;
        m.links
            .guarantee_provisions
            .get(id)
            .into_iter()
            .flatten()
            .filter_map(|(doc, prov)| {
                let p = m
                    .documents
                    .get(doc)?
                    .provisions
                    .iter()
                    .find(|p| &p.id == prov)?;
                let words = self.provision_words(&m.documents[doc], p);
                Some(ProvisionLink {
                    document: self.link(Kind::Documents, doc),
                    anchor: crate::routes::provision_anchor(&p.id),
                    label: words.label,
                    title: words.title,
                    label_lang: words.label_lang,
                    title_lang: words.title_lang,
                })
            })
            .collect()
    }
}

impl ToValue for PositionView {
    fn to_value(&self, cx: &Cx) -> Value {
        map([
            ("party", self.party.to_value(cx)),
            ("status", self.status.into()),
            ("since", opt(&self.since, cx)),
            ("note", opt_str(&self.note)),
            ("history", list(&self.history, cx)),
            ("citations", list(&self.citations, cx)),
            ("tlp", self.tlp.to_value(cx)),
        ])
    }
}

impl ToValue for ProvisionView {
    fn to_value(&self, cx: &Cx) -> Value {
        let entries = [
            ("id", self.id.as_str().into()),
            ("anchor", self.anchor.as_str().into()),
            ("label", opt_str(&self.label)),
            ("title", self.title.as_str().into()),
            ("summary", opt_str(&self.summary)),
            ("concerns", list(&self.concerns, cx)),
            ("introduced", opt(&self.introduced, cx)),
            ("dropped", opt(&self.dropped, cx)),
            ("in_text", self.in_text.into()),
            ("cells", list(&self.cells, cx)),
            ("others", list(&self.others, cx)),
            ("tlp", self.tlp.to_value(cx)),
        ];
        map_of(&with_langs(
            entries.into(),
            [
                ("label_lang", &self.label_lang),
                ("title_lang", &self.title_lang),
                ("summary_lang", &self.summary_lang),
            ],
        ))
    }
}

impl ToValue for ShareView {
    fn to_value(&self, _: &Cx) -> Value {
        map([
            ("count", self.count.into()),
            ("of", self.of.into()),
            (
                "percent",
                self.percent.map_or_else(Value::none, Value::from),
            ),
        ])
    }
}

impl ToValue for PartyShareView {
    fn to_value(&self, cx: &Cx) -> Value {
        map([
            ("party", self.party.to_value(cx)),
            ("agreed", self.agreed.to_value(cx)),
        ])
    }
}

impl ToValue for TallyView {
    fn to_value(&self, cx: &Cx) -> Value {
        map([
            ("as_of", self.as_of.to_value(cx)),
            ("provisions", self.provisions.into()),
            ("agreed_by_all", self.agreed_by_all.to_value(cx)),
            ("by_party", list(&self.by_party, cx)),
            ("contested", self.contested.to_value(cx)),
            ("untracked", self.untracked.to_value(cx)),
            ("coverage", self.coverage.to_value(cx)),
        ])
    }
}

impl ToValue for ProvisionLink {
    fn to_value(&self, cx: &Cx) -> Value {
        let entries = vec![
            ("document", self.document.to_value(cx)),
            ("anchor", self.anchor.as_str().into()),
            ("label", opt_str(&self.label)),
            ("title", self.title.as_str().into()),
        ];
        map_of(&with_langs(
            entries,
            [
                ("label_lang", &self.label_lang),
                ("title_lang", &self.title_lang),
            ],
        ))
    }
}

impl DocumentDetail {
    /// The entries flattened into the item's map, as serde flattens them.
    pub(super) fn entries(&self, v: &Cx) -> Vec<(&'static str, Value)> {
        let entries = vec![
            ("document_kind", self.document_kind.as_str().into()),
            (
                "document_kind_label",
                self.document_kind_label.as_str().into(),
            ),
            ("date", opt(&self.date, v)),
            ("parties", list(&self.parties, v)),
            ("supersedes", opt(&self.supersedes, v)),
            ("superseded_by", list(&self.superseded_by, v)),
            ("discussed_at", list(&self.discussed_at, v)),
            ("provisions", list(&self.provisions, v)),
            ("tally", self.tally.to_value(v)),
            ("claims", list(&self.claims, v)),
            ("body_html", super::prose::prose(&self.body_html)),
        ];
        with_langs(entries, [("body_lang", &self.body_lang)])
    }
}
