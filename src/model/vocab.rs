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
    /// The ladder from a loud statement to a quiet, binding fact (plus withdrawal).
    Status {
        Proposed => "proposed", Discussed => "discussed", Declared => "declared",
        Agreed => "agreed", Signed => "signed", Ratified => "ratified",
        Implemented => "implemented", Withdrawn => "withdrawn",
    }
}

impl Status {
    /// True for statuses that bind the contributor (signed and above, not withdrawn).
    pub fn is_binding(self) -> bool {
        matches!(
            self,
            Status::Signed | Status::Ratified | Status::Implemented
        )
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
}
