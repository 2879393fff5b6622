//! Case handling rules (DESIGN §3, issue 7): what a question to the subject is for and
//! which questions stop the clock, what a rejection must explain, and the answers a
//! handler starts from.

use super::kinds::Kind;
use super::msg::Msg;
use super::status::{text_enum, Outcome, RejectionReason};

text_enum!(
    /// What a question to the subject is for.
    QuestionPurpose "question-purpose" {
        Identity => "identity", "Confirm the subject's identity (Art. 12(6))";
        Clarification => "clarification", "Clarify what the request covers";
        Other => "other", "Something else";
    }
);

impl QuestionPurpose {
    /// Why we ask, in words for the subject's email.
    pub fn for_subject(self) -> &'static str {
        match self {
            Self::Identity => {
                "We need to make sure that we give your data only to you, so we ask you to \
                 confirm who you are (GDPR Art. 12(6))."
            }
            Self::Clarification => "We need to know more precisely what your request covers.",
            Self::Other => "We have a question for you.",
        }
    }

    /// Only questions about identity (Art. 12(6)) and about what the request covers stop
    /// the clock (EDPB Guidelines 01/2022 §159); others do not.
    pub fn pauses_clock(self) -> bool {
        matches!(self, Self::Identity | Self::Clarification)
    }
}

/// The least a justification for a manifestly unfounded or excessive request must say:
/// the controller bears the burden of demonstrating it (Art. 12(5)), so a word or two is
/// not enough.
pub const MIN_ART_12_5_JUSTIFICATION: usize = 40;

/// What a rejection's written justification must be (Art. 12(4) reasons, Art. 12(5)).
pub fn check_justification(reason: RejectionReason, text: &str) -> Result<(), Msg> {
    let n = text.trim().chars().count();
    if n == 0 {
        return Err(Msg::new("case-justification-missing"));
    }
    if reason.needs_explanation() && n < MIN_ART_12_5_JUSTIFICATION {
        return Err(Msg::new("case-justification-too-short")
            .arg("reason", reason.as_str())
            .arg("min", MIN_ART_12_5_JUSTIFICATION));
    }
    Ok(())
}

/// Where a default answer still needs the handler's words.
pub const PLACEHOLDER_OPEN: &str = "[[";
pub const PLACEHOLDER_CLOSE: &str = "]]";

/// Whether an answer still holds a `[[ … ]]` part of its template.
pub fn has_placeholder(text: &str) -> bool {
    text.find(PLACEHOLDER_OPEN)
        .is_some_and(|i| text[i..].contains(PLACEHOLDER_CLOSE))
}

/// The answer a handler starts from for a kind and an outcome (data, not a compiled
/// template: the handler edits it, DESIGN §8). Parts in `[[ ]]` must be replaced.
pub fn default_answer(kind: Kind, outcome: Outcome) -> String {
    let body = match (outcome, kind) {
        (Outcome::Fulfilled, Kind::Access) => {
            "We have gathered the personal data we hold about you (Art. 15).\n\n\
             [[ Describe the data, or how you can get your copy. ]]\n\n\
             With the data you receive what we use them for, our legal basis, who receives \
             them, how long we keep them and where they come from."
        }
        (Outcome::Fulfilled, Kind::Rectification) => {
            "We have corrected your data as you asked (Art. 16):\n\n\
             [[ List each correction. ]]\n\n\
             We have told those who received the data about the correction (Art. 19)."
        }
        (Outcome::Fulfilled, Kind::Erasure) => {
            "We have erased your personal data as you asked (Art. 17):\n\n\
             [[ List the categories erased. ]]\n\n\
             We have told those who received the data about the erasure (Art. 19)."
        }
        (Outcome::Fulfilled, Kind::Restriction) => {
            "We have restricted the use of your data as you asked (Art. 18):\n\n\
             [[ List the categories restricted. ]]\n\n\
             We keep the data but use them only with your consent or as the law allows, \
             and we will tell you before the restriction is lifted (Art. 18(3))."
        }
        (Outcome::Fulfilled, Kind::Portability) => {
            "Your data are ready in a structured, machine-readable format (Art. 20).\n\n\
             [[ Say how you get the file, or to which company we sent it. ]]"
        }
        (Outcome::Fulfilled, Kind::Objection) => {
            "We have stopped using your data for the purposes you objected to (Art. 21):\n\n\
             [[ Name the purposes. ]]"
        }
        (Outcome::PartiallyFulfilled, _) => {
            "We have done part of what you asked.\n\n\
             What we did: [[ Describe what was done. ]]\n\n\
             What we did not do, and why, is set out below."
        }
        (Outcome::NoDataHeld, _) => {
            "We have searched our systems and hold no personal data about you linked to \
             the details you gave us.\n\n\
             [[ Name the systems searched and the details used to search. ]]"
        }
    };
    body.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rejection_needs_reasons_and_unfounded_or_excessive_ones_an_explanation_art_12_5() {
        for r in RejectionReason::ALL {
            assert!(check_justification(*r, "  ").is_err(), "{r}");
        }
        assert!(check_justification(RejectionReason::NotApplicable, "Not on consent.").is_ok());
        assert!(check_justification(RejectionReason::Excessive, "Too many.").is_err());
        assert!(check_justification(
            RejectionReason::Excessive,
            "The fourth identical request in one month, each answered in full."
        )
        .is_ok());
        let err = check_justification(RejectionReason::ManifestlyUnfounded, "No.").unwrap_err();
        assert_eq!(err.id, "case-justification-too-short");
    }

    #[test]
    fn every_default_answer_has_a_part_to_fill_in() {
        for k in Kind::ALL {
            for o in Outcome::ALL {
                let a = default_answer(*k, *o);
                assert!(has_placeholder(&a), "{k} {o}");
                let filled = a
                    .replace(PLACEHOLDER_OPEN, "")
                    .replace(PLACEHOLDER_CLOSE, "");
                assert!(!has_placeholder(&filled));
            }
        }
        assert!(!has_placeholder("a ]] then [[ b"));
    }
}
