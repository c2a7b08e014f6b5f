//! Views of the derived data (src/analysis): round brief and changes, matrix,
//! declarations against commitments, timeline, sourcing.

use super::{ClaimView, ContributionView, DateView, ItemView, Link, StatusCount};
use serde::Serialize;

mod build;
mod changes;
mod timeline;
mod value;

/// How many contributions moved one way.
#[derive(Debug, Clone, Serialize)]
pub struct MovementCount {
    /// `new`, `up`, `down`, `reversal`, `restored`, `stalled`, `steady` or `settled`.
    pub movement: &'static str,
    /// A marker character for the movement.
    pub marker: &'static str,
    /// How many (may be 0).
    pub count: usize,
}

/// One contribution's movement in a round.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeView {
    /// The contribution.
    pub contribution: ContributionView,
    /// Status at the end of the previous round, or null.
    pub before: Option<&'static str>,
    /// Status at the end of this round.
    pub after: &'static str,
    /// How it moved.
    pub movement: &'static str,
    /// A marker character for the movement.
    pub marker: &'static str,
    /// Rounds in a row without a change, ending with this one.
    pub rounds_unchanged: usize,
    /// The change's date when it came between the previous round and this one.
    pub between_rounds: Option<super::DateView>,
}

/// What changed in a round: what moved in full, what did not summarised.
#[derive(Debug, Clone, Serialize)]
pub struct ChangesView {
    /// The round.
    pub round: Link,
    /// The round before, or null for the first round.
    pub previous: Option<Link>,
    /// Counts per movement, every movement listed.
    pub counts: Vec<MovementCount>,
    /// Every contribution whose status moved in the round, by movement (new, up, down,
    /// reversal, restored), then guarantee and file order.
    pub moved: Vec<ChangeView>,
    /// The contributions that did not move (stalled, steady, settled), counted.
    pub unmoved: UnmovedView,
}

/// The contributions that did not move in a round, summarised: how many, the longest
/// stall, and the page that lists them.
#[derive(Debug, Clone, Serialize)]
pub struct UnmovedView {
    /// How many did not move.
    pub count: usize,
    /// Counts for stalled, steady and settled, each listed (may be 0).
    pub counts: Vec<MovementCount>,
    /// The stalled contribution unchanged for the most rounds (the first, by component
    /// and file order, among those as long), or null if none is stalled.
    pub longest_stall: Option<ChangeView>,
    /// The page listing them: `rounds/<id>/unchanged.html`.
    pub url: String,
}

/// A round's page of the contributions that did not move in it.
#[derive(Debug, Clone, Serialize)]
pub struct UnchangedView {
    /// The round.
    pub round: Link,
    /// The round before, or null for the first round.
    pub previous: Option<Link>,
    /// Their counts and the longest stall.
    pub unmoved: UnmovedView,
    /// Each of them, by movement (stalled, steady, settled), longest unchanged first,
    /// then guarantee and file order.
    pub changes: Vec<ChangeView>,
}

/// A round's brief: bottom line, changes, what comes next, what was said last.
#[derive(Debug, Clone, Serialize)]
pub struct BriefView {
    /// The round.
    pub round: ItemView,
    /// The date the brief speaks as of: the site's as-of date for the lead round, the
    /// round's end for the others.
    pub as_of: DateView,
    /// What changed in the round.
    pub changes: ChangesView,
    /// Meetings after `as_of`, not cancelled, soonest first, at most 5.
    pub next_meetings: Vec<ItemView>,
    /// The 5 newest statements dated on or before `as_of`.
    pub latest_statements: Vec<ItemView>,
}

/// One cell of the matrix.
#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    /// The weakest status in the cell (see [`crate::model::Status::WEAKEST_FIRST`]).
    pub status: &'static str,
    /// Its rank on the ladder, 0 off the ladder.
    pub rank: u8,
    /// Every distinct status of the actor's contributions, with its count, weakest first.
    pub statuses: Vec<StatusCount>,
    /// The first contribution at the weakest status,
    /// `guarantees/<id>.html#contribution-<n>`.
    pub url: String,
    /// How many contributions the actor gave to the component.
    pub count: usize,
    /// Every condition of those contributions.
    pub conditions: Vec<String>,
    /// The actors who asked for those contributions (`requested_by`): what they name
    /// is asked of the column's actor, not its own offer.
    pub requested_by: Vec<Link>,
    /// The latest reversal among those contributions, if any.
    pub reversal: Option<DateView>,
    /// True when any of them is overdue.
    pub overdue: bool,
    /// The linked contribution's marking.
    pub tlp: super::TlpView,
}

/// One row of the matrix.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    /// The component.
    pub guarantee: Link,
    /// One entry per actor column, null where the actor committed nothing.
    pub cells: Vec<Option<CellView>>,
    /// Contributions at each status in this row, weakest first.
    pub totals: Vec<StatusCount>,
}

/// Which way round the matrix is drawn: site.yaml `matrix_layout` resolved for one
/// matrix (`auto` looks at its size).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatrixOrientation {
    /// One row per component (`rows`), one column per actor (`actors`).
    ComponentsAsRows,
    /// One row per actor, one column per component: the template reads
    /// `rows[c].cells[a]` for actor `a` and component `c`.
    ActorsAsRows,
}

/// The commitment matrix.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixView {
    /// How the template draws it: `components-as-rows` or `actors-as-rows`.
    pub layout: MatrixOrientation,
    /// Contributing actors, the columns.
    pub actors: Vec<Link>,
    /// Components, the rows.
    pub rows: Vec<MatrixRow>,
    /// Per actor column: contributions at each status, weakest first.
    pub column_totals: Vec<Vec<StatusCount>>,
}

/// An actor's loud statements beside its quiet commitments.
#[derive(Debug, Clone, Serialize)]
pub struct ActorDeclarations {
    /// The actor.
    pub actor: Link,
    /// Statements it made as named speaker.
    pub statements: Vec<Link>,
    /// Statements made by its people (persons whose `country` or `affiliation` it is),
    /// oldest first: a head of state's words beside his state's commitments.
    pub member_statements: Vec<Link>,
    /// Contributions signed, ratified or implemented.
    pub binding: Vec<ContributionView>,
    /// Its other contributions (not yet binding, or withdrawn).
    pub other: Vec<ContributionView>,
    /// The claims of the statements it made, checked.
    pub claims: Vec<ClaimView>,
}

/// One statement answering or contradicting another (`responds_to`, `contradicts`).
#[derive(Debug, Clone, Serialize)]
pub struct StatementRelation {
    /// The statement that answers or contradicts.
    pub statement: Link,
    /// `responds to` or `contradicts`.
    pub relation: &'static str,
    /// It in words, in the views' language (`relation_words.*`).
    pub relation_label: String,
    /// The statement answered or contradicted.
    pub other: Link,
}

/// A component's statements beside its contributions.
#[derive(Debug, Clone, Serialize)]
pub struct GuaranteeDeclarations {
    /// The component.
    pub guarantee: Link,
    /// Statements about it.
    pub statements: Vec<Link>,
    /// The claims of those statements, checked.
    pub claims: Vec<ClaimView>,
    /// Its contributions.
    pub contributions: Vec<ContributionView>,
}

/// One dated thing on the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    /// When.
    pub date: DateView,
    /// `meeting`, `statement` or `status`.
    pub kind: &'static str,
    /// What happened, in words.
    pub title: String,
    /// The page (with anchor for status changes).
    pub url: String,
    /// Attribution, location or the actor, as text.
    pub note: Option<String>,
    /// The status reached, for status changes.
    pub status: Option<&'static str>,
    /// Dated after `site.as_of`.
    pub upcoming: bool,
    /// Marking of the item.
    pub tlp: super::TlpView,
    /// The language of `title` when it is not the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_lang: Option<crate::model::Lang>,
    /// The language of `note` when it is not the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_lang: Option<crate::model::Lang>,
}

/// One month of the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineMonth {
    /// `2026-01`, for anchors.
    pub id: String,
    /// `January 2026`.
    pub title: String,
    /// Its days (or a date known only to the month or year), oldest first.
    pub days: Vec<TimelineDay>,
}

/// One date of the timeline: what happened then, status steps grouped by component.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineDay {
    /// The date, at the precision it was written.
    pub date: DateView,
    /// Dated after `site.as_of`.
    pub upcoming: bool,
    /// Meetings and statements (`kind` `meeting` or `statement`).
    pub entries: Vec<TimelineEntry>,
    /// The status steps of that date, by component title.
    pub components: Vec<TimelineComponent>,
}

/// One component's status steps on one date.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineComponent {
    /// The component.
    pub guarantee: Link,
    /// Its contributions' steps, in file order.
    pub steps: Vec<TimelineStep>,
}

/// One contribution reaching a status (listed once per date, even when its history and
/// its current status both record it).
#[derive(Debug, Clone, Serialize)]
pub struct TimelineStep {
    /// The contribution, named distinctly within its component: `Aland: Alpha by Aland`
    /// (with its anchor added when two contributions would read the same).
    pub contribution: String,
    /// Who commits.
    pub by: Link,
    /// What.
    pub commitment: String,
    /// The contribution on its component's page.
    pub url: String,
    /// The status reached.
    pub status: &'static str,
    /// True for the status the contribution holds now.
    pub current: bool,
    /// The note of the step (of the current status, for the current one).
    pub note: Option<String>,
    /// The contribution's marking.
    pub tlp: super::TlpView,
    /// The language of `commitment` (and of most of `contribution`) when it is not the
    /// page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commitment_lang: Option<crate::model::Lang>,
}

/// A source in the register.
#[derive(Debug, Clone, Serialize)]
pub struct RegisterEntry {
    /// The source.
    pub source: Link,
    /// Reliability letter and meaning.
    pub reliability: &'static str,
    /// Its meaning, in the views' language.
    pub reliability_meaning: String,
    /// How many citations name it.
    pub citations: usize,
    /// Items citing it.
    pub cited_by: Vec<Link>,
}

/// One finding of the sourcing report.
#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    /// The item.
    pub item: Link,
    /// For a contribution: its link (with anchor) and contributor; else null.
    pub contribution: Option<ContributionView>,
    /// The citations concerned (ungraded ones, or the single source).
    pub sources: Vec<Link>,
}

/// One section of the sourcing report.
#[derive(Debug, Clone, Serialize)]
pub struct FindingGroup {
    /// Stable code, e.g. `single-source`.
    pub code: &'static str,
    /// Heading, in the views' language.
    pub title: String,
    /// Findings.
    pub findings: Vec<FindingView>,
}
