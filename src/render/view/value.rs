//! Template values made straight from the item views, without serde.
//!
//! Serialising a view into a `tera::Value` through serde cost more than interpreting the
//! templates: serde's `flatten` buffers the kind-specific fields, and every link (tens
//! per page) became a fresh map of seven strings. Here each view is written into a map
//! directly, and each link's value is made once per build and shared (a `Value` clones
//! by reference count). The maps hold exactly what serde makes of the same views (same
//! keys, same order, `null` for `None`): `tests::same_as_serde` compares the two on
//! every item of a site, so a field added to a view and not here fails a test.

use super::*;
use tera::Value;
use tera::value::Key;

/// A view that can become a template value; `views` shares the links' values.
pub(crate) trait ToValue {
    /// The template value of `self`.
    fn to_value(&self, views: &Views) -> Value;
}

/// A map value from its entries, in order.
fn map<const N: usize>(entries: [(&'static str, Value); N]) -> Value {
    map_of(entries.into_iter())
}

fn map_of(entries: impl ExactSizeIterator<Item = (&'static str, Value)>) -> Value {
    let mut m = tera::Map::with_capacity(entries.len());
    for (k, v) in entries {
        m.insert(Key::from(k), v);
    }
    Value::from(m)
}

fn opt<T: ToValue>(v: &Option<T>, views: &Views) -> Value {
    v.as_ref().map_or_else(Value::none, |x| x.to_value(views))
}

fn opt_str<S: AsRef<str>>(s: &Option<S>) -> Value {
    s.as_ref()
        .map_or_else(Value::none, |x| Value::from(x.as_ref()))
}

fn list<T: ToValue>(v: &[T], views: &Views) -> Value {
    Value::from(v.iter().map(|x| x.to_value(views)).collect::<Vec<_>>())
}

fn strings(v: &[String]) -> Value {
    Value::from(
        v.iter()
            .map(|s| Value::from(s.as_str()))
            .collect::<Vec<_>>(),
    )
}

impl<T: ToValue> ToValue for Vec<T> {
    fn to_value(&self, views: &Views) -> Value {
        list(self, views)
    }
}

impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self, views: &Views) -> Value {
        opt(self, views)
    }
}

impl ToValue for DateView {
    fn to_value(&self, _: &Views) -> Value {
        map([
            ("iso", self.iso.as_str().into()),
            ("text", self.text.as_str().into()),
        ])
    }
}

impl ToValue for TlpView {
    fn to_value(&self, _: &Views) -> Value {
        // Five markings: their values are made once.
        static MADE: std::sync::LazyLock<Vec<(&'static str, Value)>> =
            std::sync::LazyLock::new(|| {
                crate::model::Tlp::ALL
                    .iter()
                    .filter_map(|w| crate::model::Tlp::parse(w))
                    .map(|t| (t.as_str(), TlpView::from(t).value_uncached()))
                    .collect()
            });
        match MADE.iter().find(|(w, _)| *w == self.word) {
            Some((_, v)) => v.clone(),
            None => self.value_uncached(),
        }
    }
}

impl TlpView {
    fn value_uncached(&self) -> Value {
        map([
            ("word", self.word.into()),
            ("label", self.label.as_str().into()),
            ("class", self.class.as_str().into()),
        ])
    }
}

impl ToValue for Link {
    fn to_value(&self, views: &Views) -> Value {
        views.link_value(self)
    }
}

impl Link {
    /// The link's value, made anew (see [`Views::link_value`] for the shared one).
    pub(super) fn value_uncached(&self, views: &Views) -> Value {
        map([
            ("id", self.id.as_str().into()),
            ("kind", self.kind.into()),
            ("title", self.title.as_str().into()),
            ("url", self.url.as_str().into()),
            ("date", opt(&self.date, views)),
            ("tlp", self.tlp.to_value(views)),
            ("note", opt_str(&self.note)),
        ])
    }
}

impl ToValue for CitationView {
    fn to_value(&self, views: &Views) -> Value {
        map([
            ("source", self.source.to_value(views)),
            ("reliability", self.reliability.into()),
            ("reliability_meaning", self.reliability_meaning.into()),
            ("credibility", self.credibility.into()),
            ("credibility_meaning", self.credibility_meaning.into()),
            ("grade", self.grade.as_str().into()),
            ("date", opt(&self.date, views)),
            ("url", opt_str(&self.url)),
            ("note", opt_str(&self.note)),
        ])
    }
}

impl ToValue for ParticipantView {
    fn to_value(&self, views: &Views) -> Value {
        map([
            ("actor", self.actor.to_value(views)),
            ("role", opt_str(&self.role)),
            ("level", self.level.into()),
        ])
    }
}

impl ToValue for StepView {
    fn to_value(&self, views: &Views) -> Value {
        map([
            ("date", self.date.to_value(views)),
            ("status", self.status.into()),
            ("note", opt_str(&self.note)),
        ])
    }
}

impl ToValue for StatusCount {
    fn to_value(&self, _: &Views) -> Value {
        map([("status", self.status.into()), ("count", self.count.into())])
    }
}

impl ToValue for ContributionView {
    fn to_value(&self, views: &Views) -> Value {
        map([
            ("anchor", self.anchor.as_str().into()),
            ("by", self.by.to_value(views)),
            ("guarantee", self.guarantee.to_value(views)),
            ("commitment", self.commitment.as_str().into()),
            ("status", self.status.into()),
            ("rank", self.rank.into()),
            ("binding", self.binding.into()),
            ("since", opt(&self.since, views)),
            ("amount", opt_str(&self.amount)),
            ("conditions", strings(&self.conditions)),
            ("history", list(&self.history, views)),
            ("citations", list(&self.citations, views)),
            ("tlp", self.tlp.to_value(views)),
        ])
    }
}

impl ToValue for ItemView {
    fn to_value(&self, views: &Views) -> Value {
        let common = [
            ("id", self.id.as_str().into()),
            ("kind", self.kind.into()),
            ("kind_singular", self.kind_singular.into()),
            ("title", self.title.as_str().into()),
            ("url", self.url.as_str().into()),
            ("tlp", self.tlp.to_value(views)),
            ("tags", strings(&self.tags)),
            ("citations", list(&self.citations, views)),
        ];
        let detail = self.detail.entries(views);
        map_of(
            common
                .into_iter()
                .chain(detail)
                .collect::<Vec<_>>()
                .into_iter(),
        )
    }
}

impl Detail {
    /// The kind-specific entries, flattened into the item's map as serde flattens them.
    fn entries(&self, v: &Views) -> Vec<(&'static str, Value)> {
        let html = |s: &str| Value::from(s);
        match self {
            Detail::Actor {
                actor_kind,
                country,
                role,
                affiliation,
                aliases,
                website,
                description_html,
                members,
                meetings,
                statements,
                contributions,
            } => vec![
                ("actor_kind", (*actor_kind).into()),
                ("country", opt(country, v)),
                ("role", opt_str(role)),
                ("affiliation", opt(affiliation, v)),
                ("aliases", strings(aliases)),
                ("website", opt_str(website)),
                ("description_html", opt_str(description_html)),
                ("members", list(members, v)),
                ("meetings", list(meetings, v)),
                ("statements", list(statements, v)),
                ("contributions", list(contributions, v)),
            ],
            Detail::Source {
                source_kind,
                reliability,
                reliability_meaning,
                website,
                description_html,
                cited_by,
            } => vec![
                ("source_kind", (*source_kind).into()),
                ("reliability", (*reliability).into()),
                ("reliability_meaning", (*reliability_meaning).into()),
                ("website", opt_str(website)),
                ("description_html", opt_str(description_html)),
                ("cited_by", list(cited_by, v)),
            ],
            Detail::Meeting {
                date,
                period,
                time,
                timezone,
                location,
                convened_by,
                participants,
                level,
                status,
                upcoming,
                round,
                body_html,
                statements,
            } => vec![
                ("date", date.to_value(v)),
                ("period", period.as_str().into()),
                ("time", opt_str(time)),
                ("timezone", opt_str(timezone)),
                ("location", opt_str(location)),
                ("convened_by", list(convened_by, v)),
                ("participants", list(participants, v)),
                ("level", (*level).into()),
                ("status", (*status).into()),
                ("upcoming", (*upcoming).into()),
                ("round", opt(round, v)),
                ("body_html", html(body_html)),
                ("statements", list(statements, v)),
            ],
            Detail::Statement {
                date,
                speaker,
                attributed_to,
                attribution,
                meeting,
                statement_kind,
                on_record,
                about,
                body_html,
            } => vec![
                ("date", date.to_value(v)),
                ("speaker", opt(speaker, v)),
                ("attributed_to", opt_str(attributed_to)),
                ("attribution", attribution.as_str().into()),
                ("meeting", opt(meeting, v)),
                ("statement_kind", (*statement_kind).into()),
                ("on_record", (*on_record).into()),
                ("about", list(about, v)),
                ("body_html", html(body_html)),
            ],
            Detail::Guarantee {
                category,
                summary,
                highest_status,
                status_counts,
                contributions,
                statements,
                body_html,
            } => vec![
                ("category", (*category).into()),
                ("summary", opt_str(summary)),
                ("highest_status", (*highest_status).into()),
                ("status_counts", list(status_counts, v)),
                ("contributions", list(contributions, v)),
                ("statements", list(statements, v)),
                ("body_html", html(body_html)),
            ],
            Detail::Round {
                start,
                end,
                period,
                summary_html,
                meetings,
            } => vec![
                ("start", start.to_value(v)),
                ("end", end.to_value(v)),
                ("period", period.as_str().into()),
                ("summary_html", opt_str(summary_html)),
                ("meetings", list(meetings, v)),
            ],
        }
    }
}

impl ToValue for MovementCount {
    fn to_value(&self, _: &Views) -> Value {
        map([
            ("movement", self.movement.into()),
            ("marker", self.marker.into()),
            ("count", self.count.into()),
        ])
    }
}

impl ToValue for ChangeView {
    fn to_value(&self, views: &Views) -> Value {
        map([
            ("contribution", self.contribution.to_value(views)),
            ("before", self.before.into()),
            ("after", self.after.into()),
            ("movement", self.movement.into()),
            ("marker", self.marker.into()),
            ("rounds_unchanged", self.rounds_unchanged.into()),
        ])
    }
}

impl ToValue for ChangesView {
    fn to_value(&self, views: &Views) -> Value {
        map([
            ("round", self.round.to_value(views)),
            ("previous", opt(&self.previous, views)),
            ("counts", list(&self.counts, views)),
            ("changes", list(&self.changes, views)),
        ])
    }
}

impl ToValue for BriefView {
    fn to_value(&self, views: &Views) -> Value {
        map([
            ("round", self.round.to_value(views)),
            ("as_of", self.as_of.to_value(views)),
            ("changes", self.changes.to_value(views)),
            ("next_meetings", list(&self.next_meetings, views)),
            ("latest_statements", list(&self.latest_statements, views)),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    /// Every item view of the example briefing, and of a site with withheld items, makes
    /// the value serde makes of it.
    #[test]
    fn same_as_serde() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let site = crate::Site::load(root).expect("the example loads");
        let (site, _) = site.for_audience(crate::model::Tlp::Green);
        let m = &site.model;
        for views in [Views::new(m), Views::for_few_pages(m)] {
            let mut n = 0;
            for kind in Kind::ALL {
                for id in m.ids(kind) {
                    let item = views.item(kind, id);
                    let want = Value::from_serializable(&item);
                    assert_eq!(item.to_value(&views), want, "{kind:?} {id}");
                    n += 1;
                }
            }
            assert!(n >= 30, "only {n} items");
            for id in m.rounds.keys() {
                let brief = crate::render::pages::round_brief(&views, m, id);
                let want = Value::from_serializable(&brief);
                assert_eq!(brief.to_value(&views), want, "brief of {id}");
            }
        }
    }
}
