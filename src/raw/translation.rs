//! What a translation file says (`paris-summit.uk.md` beside `paris-summit.md`): the
//! words of one item in another language, and nothing else. Every other field of the
//! kind is a fact that comes from the original; the loader refuses it at its position
//! (see [`crate::yaml::Shape::facts_of`]).

use super::{Opt, S};
use crate::schema::Id;
use schemars::JsonSchema;
use serde::Deserialize;

/// Generates a translation struct: `translated_from`, `translation_note`, then the words.
macro_rules! translation {
    ($(#[$meta:meta])* $name:ident, $schema:literal { $($(#[$f:meta])* $field:ident : $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
        #[schemars(deny_unknown_fields, rename = $schema)]
        pub struct $name {
            /// The revision of the original's words this translation was made from, as
            /// `briefing check --translations` prints it (`briefing new --lang` fills it in).
            /// When the original's words change, `check` reports the translation as stale.
            #[schemars(with = "Option<String>")]
            pub translated_from: Opt<String>,
            /// Who translated, and how: e.g. that the quotes are the briefing's own
            /// translation, not the speaker's words in this language.
            #[schemars(with = "Option<String>")]
            pub translation_note: Opt<String>,
            $($(#[$f])* pub $field: $ty,)*
        }
    };
}

translation!(
    /// content/actors/*.<lang>.yaml
    RawActorTranslation, "ActorTranslation" {
        /// Display name in the language.
        #[schemars(with = "Option<String>")]
        name: Opt<String>,
        /// Office or function.
        #[schemars(with = "Option<String>")]
        role: Opt<String>,
        /// Other names in the language (the original's stay searchable).
        aliases: Option<Vec<String>>,
        /// Who the actor is in this briefing (Markdown).
        #[schemars(with = "Option<String>")]
        description: Opt<String>,
    }
);

translation!(
    /// content/sources/*.<lang>.yaml
    RawSourceTranslation, "SourceTranslation" {
        /// Display name in the language.
        #[schemars(with = "Option<String>")]
        name: Opt<String>,
        /// What the source is and how this briefing uses it (Markdown).
        #[schemars(with = "Option<String>")]
        description: Opt<String>,
    }
);

translation!(
    /// Front matter of content/meetings/*.<lang>.md; the body translates the readout.
    RawMeetingTranslation, "MeetingTranslation" {
        /// Title of the meeting.
        #[schemars(with = "Option<String>")]
        title: Opt<String>,
        /// Where.
        #[schemars(with = "Option<String>")]
        location: Opt<String>,
    }
);

translation!(
    /// Front matter of content/statements/*.<lang>.md; the body translates what was said.
    RawStatementTranslation, "StatementTranslation" {
        /// Title.
        #[schemars(with = "Option<String>")]
        title: Opt<String>,
        /// For anonymous statements, e.g. "unnamed White House officials".
        #[schemars(with = "Option<String>")]
        attributed_to: Opt<String>,
    }
);

/// One entry of a guarantee translation's `contributions:`: the words of the
/// contribution at the same place in the original's list.
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields, rename = "ContributionTranslation")]
pub struct RawContributionTranslation {
    /// What is promised.
    #[schemars(with = "Option<String>")]
    pub commitment: Opt<String>,
    /// A note on the current status.
    #[schemars(with = "Option<String>")]
    pub note: Opt<String>,
    /// Caveats: all of them, in the original's order.
    pub conditions: Option<Vec<String>>,
}

translation!(
    /// Front matter of content/guarantees/*.<lang>.md; the body translates the description.
    RawGuaranteeTranslation, "GuaranteeTranslation" {
        /// Title of the guarantee component.
        #[schemars(with = "Option<String>")]
        title: Opt<String>,
        /// One line, plain text.
        #[schemars(with = "Option<String>")]
        summary: Opt<String>,
        /// The words of each contribution, in the original's order and number.
        #[schemars(with = "Option<Vec<RawContributionTranslation>>")]
        contributions: Option<Vec<S<RawContributionTranslation>>>,
    }
);

translation!(
    /// content/rounds/*.<lang>.yaml
    RawRoundTranslation, "RoundTranslation" {
        /// Title of the round.
        #[schemars(with = "Option<String>")]
        title: Opt<String>,
        /// The bottom line (Markdown).
        #[schemars(with = "Option<String>")]
        summary: Opt<String>,
    }
);

/// One entry of a document translation's `provisions:`: the words of the provision
/// with the same `id` in the original.
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields, rename = "ProvisionTranslation")]
pub struct RawProvisionTranslation {
    /// The provision translated (its id in the original).
    #[schemars(with = "Id")]
    pub id: Opt<String>,
    /// The number or label the text gives it.
    #[schemars(with = "Option<String>")]
    pub label: Opt<String>,
    /// What it provides, in a few words.
    #[schemars(with = "Option<String>")]
    pub title: Opt<String>,
    /// One line, plain text.
    #[schemars(with = "Option<String>")]
    pub summary: Opt<String>,
}

translation!(
    /// Front matter of content/documents/*.<lang>.md; the body translates the description.
    RawDocumentTranslation, "DocumentTranslation" {
        /// Title of the text.
        #[schemars(with = "Option<String>")]
        title: Opt<String>,
        /// The words of provisions, each named by its `id`.
        #[schemars(with = "Option<Vec<RawProvisionTranslation>>")]
        provisions: Option<Vec<S<RawProvisionTranslation>>>,
    }
);

translation!(
    /// content/site.<lang>.yaml: the site's own words in a translation language.
    RawSiteTranslation, "SiteTranslation" {
        /// The briefing's title in the language.
        #[schemars(with = "Option<String>")]
        title: Opt<String>,
        /// Subtitle.
        #[schemars(with = "Option<String>")]
        subtitle: Opt<String>,
        /// What the briefing is about (Markdown).
        #[schemars(with = "Option<String>")]
        description: Opt<String>,
    }
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raw::*;
    use crate::yaml::fields_of;

    /// Every word a translation gives is a field of the original (the translation
    /// fields aside): a renamed field cannot leave translations behind.
    #[test]
    fn translation_words_are_fields_of_the_original() {
        fn words_of<T: serde::de::DeserializeOwned, O: serde::de::DeserializeOwned>() {
            let own = fields_of::<O>();
            for f in fields_of::<T>() {
                if !["translated_from", "translation_note"].contains(f) {
                    assert!(own.contains(f), "{f}");
                }
            }
        }
        words_of::<RawActorTranslation, RawActor>();
        words_of::<RawSourceTranslation, RawSource>();
        words_of::<RawMeetingTranslation, RawMeeting>();
        words_of::<RawStatementTranslation, RawStatement>();
        words_of::<RawGuaranteeTranslation, RawGuarantee>();
        words_of::<RawContributionTranslation, RawContribution>();
        words_of::<RawRoundTranslation, RawRound>();
        words_of::<RawDocumentTranslation, RawDocument>();
        words_of::<RawProvisionTranslation, RawProvision>();
        words_of::<RawSiteTranslation, RawSite>();
    }
}
