//! The closed vocabularies of the content format: TLP markings, kinds, levels, statuses.

use serde::Serialize;

/// Declares an enumeration written in YAML as one of a fixed set of words.
macro_rules! vocabulary {
    // An open vocabulary (see `super::terms`): its schema takes a built-in word or any
    // word the site adds under `vocabularies:`.
    (open $(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        vocabulary!(@words $(#[$meta])* $name { $($(#[$vmeta])* $variant => $text),+ });

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "anyOf": [
                        { "enum": Self::ALL },
                        { "pattern": "^[a-z0-9][a-z0-9-]*$" }
                    ],
                    "description": "A built-in word, or one site.yaml adds under `vocabularies:`."
                })
            }
        }
    };
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        vocabulary!(@words $(#[$meta])* $name { $($(#[$vmeta])* $variant => $text),+ });

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "enum": Self::ALL })
            }
        }
    };
    (@words $(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every allowed word, in order.
            pub const ALL: &'static [&'static str] = &[$($text),+];

            /// Every variant, in the order of [`Self::ALL`].
            pub const VARIANTS: &'static [Self] = &[$(Self::$variant),+];

            /// Reads the word as written in YAML.
            pub fn parse(s: &str) -> Option<Self> {
                match s {
                    $($text => Some(Self::$variant),)+
                    _ => None,
                }
            }

            /// The word as written in YAML.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text),+
                }
            }
        }

        impl Serialize for $name {
            fn serialize<Ser: serde::Serializer>(&self, s: Ser) -> Result<Ser::Ok, Ser::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// FIRST Traffic Light Protocol 2.0 marking, from least to most restricted.
    Tlp {
        /// May be shared freely.
        Clear => "clear",
        /// Limited to the community.
        Green => "green",
        /// Limited to the organisation and its clients.
        Amber => "amber",
        /// Limited to the organisation only.
        AmberStrict => "amber+strict",
        /// For the named recipients only.
        Red => "red",
    }
}

impl Tlp {
    /// The label TLP 2.0 prescribes, e.g. `TLP:AMBER+STRICT`.
    pub fn label(self) -> &'static str {
        match self {
            Tlp::Clear => "TLP:CLEAR",
            Tlp::Green => "TLP:GREEN",
            Tlp::Amber => "TLP:AMBER",
            Tlp::AmberStrict => "TLP:AMBER+STRICT",
            Tlp::Red => "TLP:RED",
        }
    }
}

vocabulary! {
    /// How the commitment matrix is laid out (site.yaml `matrix_layout`).
    MatrixLayout {
        /// Actors as rows when there are more actors than components, otherwise
        /// components as rows.
        Auto => "auto",
        /// One row per guarantee component, one column per actor.
        ComponentsAsRows => "components-as-rows",
        /// One row per actor, one column per guarantee component.
        ActorsAsRows => "actors-as-rows",
    }
}

impl MatrixLayout {
    /// Whether a matrix of `components` rows and `actors` columns is drawn with its
    /// actors as rows.
    pub fn actors_as_rows(self, components: usize, actors: usize) -> bool {
        match self {
            MatrixLayout::Auto => actors > components,
            MatrixLayout::ComponentsAsRows => false,
            MatrixLayout::ActorsAsRows => true,
        }
    }
}

vocabulary! {
    /// What an actor is.
    ActorKind { Person => "person", State => "state", Organisation => "organisation", Group => "group" }
}

vocabulary! {
    open
    /// What a source is (built-in words; a site may add more).
    SourceKind {
        NewsAgency => "news-agency", Government => "government", Official => "official",
        Document => "document", Media => "media", ThinkTank => "think-tank", Other => "other",
    }
}

vocabulary! {
    open
    /// What a negotiating text is (built-in words; a site may add more).
    DocumentKind {
        Plan => "plan", Framework => "framework", Draft => "draft",
        Communique => "communique", Agreement => "agreement", Other => "other",
    }
}

vocabulary! {
    /// Admiralty source reliability grade.
    Reliability {
        /// Completely reliable.
        A => "A",
        /// Usually reliable.
        B => "B",
        /// Fairly reliable.
        C => "C",
        /// Not usually reliable.
        D => "D",
        /// Unreliable.
        E => "E",
        /// Reliability cannot be judged.
        F => "F",
    }
}

impl Reliability {
    /// The grade's meaning in words.
    pub fn meaning(self) -> &'static str {
        match self {
            Reliability::A => "completely reliable",
            Reliability::B => "usually reliable",
            Reliability::C => "fairly reliable",
            Reliability::D => "not usually reliable",
            Reliability::E => "unreliable",
            Reliability::F => "reliability cannot be judged",
        }
    }
}

/// The meaning of an Admiralty information credibility grade (1-6).
pub fn credibility_meaning(grade: u8) -> &'static str {
    match grade {
        1 => "confirmed by other sources",
        2 => "probably true",
        3 => "possibly true",
        4 => "doubtful",
        5 => "improbable",
        _ => "truth cannot be judged",
    }
}

vocabulary! {
    open
    /// Who met: the level of a meeting or a participant (built-in words; a site may add more).
    Level {
        Leaders => "leaders", Ministers => "ministers", SecurityAdvisers => "security-advisers",
        ChiefsOfStaff => "chiefs-of-staff", Envoys => "envoys", Officials => "officials",
        Technical => "technical",
    }
}

vocabulary! {
    /// Whether a meeting took place.
    MeetingStatus { Planned => "planned", Held => "held", Postponed => "postponed", Cancelled => "cancelled" }
}

vocabulary! {
    open
    /// What sort of statement it is (built-in words; a site may add more).
    StatementKind {
        Quote => "quote", Readout => "readout", Claim => "claim", Report => "report",
        Declaration => "declaration", Denial => "denial",
    }
}

vocabulary! {
    open
    /// What a guarantee component is about (built-in words; a site may add more).
    Category {
        Financial => "financial", Logistics => "logistics", Deployment => "deployment",
        MilitaryPresence => "military-presence", Monitoring => "monitoring", Legal => "legal",
        Other => "other",
    }
}

vocabulary! {
    /// Where a commitment stands: the ladder from a loud statement to a quiet, binding
    /// fact (proposed to implemented, in that order), then the states off the ladder.
    Status {
        Proposed => "proposed", Discussed => "discussed", Declared => "declared",
        Agreed => "agreed", Signed => "signed", Ratified => "ratified",
        Implemented => "implemented",
        /// Performance paused; may resume.
        Suspended => "suspended",
        /// The party remains in but does not perform.
        Breached => "breached",
        /// The party has pulled out of this commitment.
        Withdrawn => "withdrawn",
        /// Its term ended as planned.
        Expired => "expired",
        /// A proposal turned down.
        Rejected => "rejected",
        /// The parties disagree whether it stands.
        Contested => "contested",
    }
}

impl Status {
    /// The ladder, lowest first.
    pub const LADDER: [Status; 7] = [
        Status::Proposed,
        Status::Discussed,
        Status::Declared,
        Status::Agreed,
        Status::Signed,
        Status::Ratified,
        Status::Implemented,
    ];

    /// Every status in the order aggregated views list them: reversals first (withdrawn,
    /// breached, suspended, contested, rejected), then expired, then the ladder from the
    /// bottom up. The weakest standing is read first, never hidden behind the best.
    pub const WEAKEST_FIRST: [Status; 13] = [
        Status::Withdrawn,
        Status::Breached,
        Status::Suspended,
        Status::Contested,
        Status::Rejected,
        Status::Expired,
        Status::Proposed,
        Status::Discussed,
        Status::Declared,
        Status::Agreed,
        Status::Signed,
        Status::Ratified,
        Status::Implemented,
    ];

    /// True for the seven ladder statuses, proposed to implemented.
    pub fn is_ladder(self) -> bool {
        self <= Status::Implemented
    }

    /// Position on the ladder, 1 (proposed) to 7 (implemented); `None` off the ladder.
    pub fn rung(self) -> Option<u8> {
        self.is_ladder().then_some(self as u8 + 1)
    }

    /// True for statuses that bind the contributor (signed and above, on the ladder).
    pub fn is_binding(self) -> bool {
        matches!(
            self,
            Status::Signed | Status::Ratified | Status::Implemented
        )
    }

    /// The place of the status in [`Status::WEAKEST_FIRST`].
    pub fn weakness(self) -> usize {
        Status::WEAKEST_FIRST
            .iter()
            .position(|s| *s == self)
            .expect("every status is listed")
    }

    /// What the status means, in words.
    pub fn meaning(self) -> &'static str {
        match self {
            Status::Proposed => "put forward, not yet discussed",
            Status::Discussed => "under discussion",
            Status::Declared => "announced publicly, nothing signed",
            Status::Agreed => "agreed in principle",
            Status::Signed => "signed",
            Status::Ratified => "ratified under national procedures",
            Status::Implemented => "carried out",
            Status::Suspended => "performance paused, may resume",
            Status::Breached => "the party remains but does not perform",
            Status::Withdrawn => "the party has pulled out of this commitment",
            Status::Expired => "its term ended as planned",
            Status::Rejected => "the proposal was turned down",
            Status::Contested => "the parties disagree whether it stands",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        for w in Tlp::ALL {
            assert_eq!(Tlp::parse(w).unwrap().as_str(), *w);
        }
        let words: Vec<&str> = Tlp::VARIANTS.iter().map(|t| t.as_str()).collect();
        assert_eq!(words, Tlp::ALL);
        assert_eq!(
            Tlp::parse("amber+strict").unwrap().label(),
            "TLP:AMBER+STRICT"
        );
        assert!(Tlp::parse("white").is_none());
    }

    #[test]
    fn tlp_and_status_are_ordered() {
        assert!(Tlp::Clear < Tlp::Green && Tlp::Amber < Tlp::AmberStrict);
        assert!(Status::Declared < Status::Signed && Status::Signed.is_binding());
        assert!(!Status::Withdrawn.is_binding());
    }

    #[test]
    fn the_ladder_and_off_it() {
        assert_eq!(Status::ALL.len(), Status::WEAKEST_FIRST.len());
        for w in Status::ALL {
            let s = Status::parse(w).unwrap();
            assert_eq!(s.is_ladder(), Status::LADDER.contains(&s), "{w}");
            assert_eq!(Status::WEAKEST_FIRST[s.weakness()], s);
        }
        assert_eq!(Status::Proposed.rung(), Some(1));
        assert_eq!(Status::Implemented.rung(), Some(7));
        assert_eq!(Status::Breached.rung(), None);
        assert!(!Status::Suspended.is_binding());
        assert!(Status::Withdrawn.weakness() < Status::Proposed.weakness());
    }
}

vocabulary! {
    /// What a claim counts (see [`crate::analysis::claims`]).
    Measure {
        /// The share of the provisions agreed by all the parties, in percent.
        ShareAgreed => "share-agreed",
        /// How many provisions all the parties agree to.
        CountAgreed => "count-agreed",
        /// The share of the provisions implemented by all the parties, in percent.
        ShareImplemented => "share-implemented",
        /// How many provisions all the parties have implemented.
        CountImplemented => "count-implemented",
        /// How many provisions are not yet agreed by all the parties ("two points remain").
        CountOpen => "count-open",
    }
}

impl Measure {
    /// True for a percentage, false for a count.
    pub fn is_share(self) -> bool {
        matches!(self, Measure::ShareAgreed | Measure::ShareImplemented)
    }

    /// The status every party must have reached (or passed) for a provision to count.
    pub fn threshold(self) -> Status {
        match self {
            Measure::ShareImplemented | Measure::CountImplemented => Status::Implemented,
            _ => Status::Agreed,
        }
    }

    /// True when a lower figure means more progress (`count-open`).
    pub fn counts_what_is_left(self) -> bool {
        self == Measure::CountOpen
    }

    /// In words, for pages: `share agreed`.
    pub fn label(self) -> &'static str {
        match self {
            Measure::ShareAgreed => "share agreed",
            Measure::CountAgreed => "provisions agreed",
            Measure::ShareImplemented => "share implemented",
            Measure::CountImplemented => "provisions implemented",
            Measure::CountOpen => "provisions still open",
        }
    }
}
