//! Case handling rules (DESIGN §3, issue 7): what a question to the subject is for, and
//! which of them stop the clock.

use super::status::text_enum;

text_enum!(
    /// What a question to the subject is for.
    QuestionPurpose {
        Identity => "identity", "Confirm the subject's identity (Art. 12(6))";
        Clarification => "clarification", "Clarify what the request covers";
        Other => "other", "Something else";
    }
);

impl QuestionPurpose {
    /// Only questions about identity (Art. 12(6)) and about what the request covers stop
    /// the clock (EDPB Guidelines 01/2022 §159); others do not.
    pub fn pauses_clock(self) -> bool {
        matches!(self, Self::Identity | Self::Clarification)
    }
}
