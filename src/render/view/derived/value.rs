//! Template values of the derived views that item pages show (a round's brief), made
//! as [`super::super::value`] makes the item views'.

use super::*;
use crate::render::view::value::{list, map, opt};
use crate::render::view::{Cx, ToValue};
use tera::Value;

impl ToValue for MovementCount {
    fn to_value(&self, _: &Cx) -> Value {
        map([
            ("movement", self.movement.into()),
            ("marker", self.marker.into()),
            ("count", self.count.into()),
        ])
    }
}

impl ToValue for ChangeView {
    fn to_value(&self, cx: &Cx) -> Value {
        map([
            ("contribution", self.contribution.to_value(cx)),
            ("before", self.before.into()),
            ("after", self.after.into()),
            ("movement", self.movement.into()),
            ("marker", self.marker.into()),
            ("rounds_unchanged", self.rounds_unchanged.into()),
            ("between_rounds", opt(&self.between_rounds, cx)),
        ])
    }
}

impl ToValue for ChangesView {
    fn to_value(&self, cx: &Cx) -> Value {
        map([
            ("round", self.round.to_value(cx)),
            ("previous", opt(&self.previous, cx)),
            ("counts", list(&self.counts, cx)),
            ("moved", list(&self.moved, cx)),
            ("unmoved", self.unmoved.to_value(cx)),
        ])
    }
}

impl ToValue for UnmovedView {
    fn to_value(&self, cx: &Cx) -> Value {
        map([
            ("count", self.count.into()),
            ("counts", list(&self.counts, cx)),
            ("longest_stall", opt(&self.longest_stall, cx)),
            ("url", self.url.as_str().into()),
        ])
    }
}

impl ToValue for BriefView {
    fn to_value(&self, cx: &Cx) -> Value {
        map([
            ("round", self.round.to_value(cx)),
            ("as_of", self.as_of.to_value(cx)),
            ("changes", self.changes.to_value(cx)),
            ("next_meetings", list(&self.next_meetings, cx)),
            ("latest_statements", list(&self.latest_statements, cx)),
        ])
    }
}
