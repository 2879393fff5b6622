//! The life of a request (DESIGN §3) as a pure function: `transition(from, action)`.
//! The database layer stores what this returns; it never decides a status by itself.

use super::case::QuestionPurpose;

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident $prefix:literal { $($variant:ident => $text:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The text stored in the database (checked by a CHECK constraint).
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// English words, for the CLI and logs. Pages and emails use `label_id`.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The Fluent message id of the words for people (`locales/*/*.ftl`).
            pub fn label_id(self) -> &'static str {
                match self { $($name::$variant => concat!($prefix, "-", $text)),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use text_enum;

text_enum!(
    /// Where a request stands.
    Status "status" {
        AwaitingVerification => "awaiting_verification", "Awaiting verification";
        Open => "open", "Open";
        InProgress => "in_progress", "In progress";
        AwaitingSubject => "awaiting_subject", "Awaiting answer from the subject";
        Completed => "completed", "Completed";
        Rejected => "rejected", "Rejected";
        Withdrawn => "withdrawn", "Withdrawn";
        Expired => "expired", "Expired";
    }
);

text_enum!(
    /// How a completed request ended.
    Outcome "outcome" {
        Fulfilled => "fulfilled", "Fulfilled";
        PartiallyFulfilled => "partially_fulfilled", "Partially fulfilled";
        NoDataHeld => "no_data_held", "No data held";
    }
);

text_enum!(
    /// Why a request was rejected. Every rejection sends the Art. 12(4) notice.
    RejectionReason "rejection" {
        IdentityNotVerified => "identity_not_verified", "Identity could not be verified";
        ManifestlyUnfounded => "manifestly_unfounded", "Manifestly unfounded (Art. 12(5))";
        Excessive => "excessive", "Excessive (Art. 12(5))";
        NotApplicable => "not_applicable", "The right does not apply";
        Other => "other", "Other reason";
    }
);

impl RejectionReason {
    /// Art. 12(5): the controller bears the burden of demonstrating the manifestly
    /// unfounded or excessive character, so these need a justification that explains
    /// why (every rejection needs a written one, Art. 12(4)).
    pub fn needs_explanation(self) -> bool {
        matches!(self, Self::ManifestlyUnfounded | Self::Excessive)
    }
}

impl Status {
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            Self::Completed | Self::Rejected | Self::Withdrawn | Self::Expired
        )
    }

    /// While identity information or clarification is awaited the clock stops
    /// (EDPB Guidelines 01/2022 §159).
    pub fn pauses_clock(self) -> bool {
        matches!(self, Self::AwaitingVerification | Self::AwaitingSubject)
    }

    /// Statuses a handler still has to act on (the default queue).
    pub fn active() -> &'static [Status] {
        &[
            Self::AwaitingVerification,
            Self::Open,
            Self::InProgress,
            Self::AwaitingSubject,
        ]
    }
}

/// Something that happens to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The subject followed the verification link, or a handler verified them another way.
    Verify,
    /// A handler starts work.
    Start,
    /// A handler asks the subject something; what for decides whether the clock stops.
    AskSubject(QuestionPurpose),
    /// The subject answered.
    SubjectAnswered,
    Complete(Outcome),
    Reject(RejectionReason),
    /// The subject or a handler withdraws the request.
    Withdraw,
    /// No verification or no answer within the configured time.
    Expire,
}

impl Action {
    pub fn name(self) -> &'static str {
        match self {
            Self::Verify => "verify",
            Self::Start => "start",
            Self::AskSubject(_) => "ask_subject",
            Self::SubjectAnswered => "subject_answered",
            Self::Complete(_) => "complete",
            Self::Reject(_) => "reject",
            Self::Withdraw => "withdraw",
            Self::Expire => "expire",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("the request is already {} and cannot change any more", .0.label().to_lowercase())]
    Terminal(Status),
    #[error("a request that is {} cannot be {}", .from.label().to_lowercase(), action_words(*.action))]
    NotAllowed { from: Status, action: Action },
}

impl TransitionError {
    /// The refusal as a message (`transition-terminal`, `transition-not-allowed`); the
    /// status and the action are codes the message files choose words for.
    pub fn msg(&self) -> super::msg::Msg {
        use super::msg::Msg;
        match self {
            TransitionError::Terminal(s) => {
                Msg::new("transition-terminal").arg("status", s.as_str())
            }
            TransitionError::NotAllowed { from, action } => Msg::new("transition-not-allowed")
                .arg("status", from.as_str())
                .arg("action", action_code(*action)),
        }
    }
}

fn action_code(a: Action) -> &'static str {
    match a {
        Action::Verify => "verify",
        Action::Start => "start",
        Action::AskSubject(_) => "ask",
        Action::SubjectAnswered => "resume",
        Action::Complete(_) => "complete",
        Action::Reject(_) => "reject",
        Action::Withdraw => "withdraw",
        Action::Expire => "expire",
    }
}

fn action_words(a: Action) -> &'static str {
    match a {
        Action::Verify => "verified",
        Action::Start => "started",
        Action::AskSubject(_) => "put on hold for the subject",
        Action::SubjectAnswered => "resumed",
        Action::Complete(_) => "completed",
        Action::Reject(_) => "rejected",
        Action::Withdraw => "withdrawn",
        Action::Expire => "expired",
    }
}

/// The result of a legal transition: the new status and, for terminal ones, its detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    pub from: Status,
    pub to: Status,
    pub outcome: Option<Outcome>,
    pub rejection: Option<RejectionReason>,
    /// Whether the clock stops on entering `to`: awaiting verification, or awaiting the
    /// subject's answer to an identity or clarification question (EDPB 01/2022 §159).
    pub pauses_clock: bool,
}

/// DESIGN §3 as a table. Every pair not listed is an error.
pub fn transition(from: Status, action: Action) -> Result<Transition, TransitionError> {
    use Action as A;
    use Status as S;
    if from.is_terminal() {
        return Err(TransitionError::Terminal(from));
    }
    let to = match (from, action) {
        (S::AwaitingVerification, A::Verify) => S::Open,
        (S::AwaitingVerification, A::Expire) => S::Expired,
        // A request that cannot be verified is rejected (identity_not_verified).
        (S::AwaitingVerification, A::Reject(_)) => S::Rejected,
        (S::Open, A::Start) => S::InProgress,
        (S::Open | S::InProgress, A::Reject(_)) => S::Rejected,
        (S::InProgress, A::AskSubject(_)) => S::AwaitingSubject,
        (S::InProgress, A::Complete(_)) => S::Completed,
        (S::AwaitingSubject, A::SubjectAnswered) => S::InProgress,
        (S::AwaitingSubject, A::Expire) => S::Expired,
        (_, A::Withdraw) => S::Withdrawn,
        _ => return Err(TransitionError::NotAllowed { from, action }),
    };
    Ok(Transition {
        from,
        to,
        outcome: match action {
            A::Complete(o) => Some(o),
            _ => None,
        },
        rejection: match action {
            A::Reject(r) => Some(r),
            _ => None,
        },
        pauses_clock: to.pauses_clock()
            && match action {
                A::AskSubject(purpose) => purpose.pauses_clock(),
                _ => true,
            },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_actions() -> Vec<Action> {
        let mut v = vec![
            Action::Verify,
            Action::Start,
            Action::SubjectAnswered,
            Action::Withdraw,
            Action::Expire,
        ];
        v.extend(QuestionPurpose::ALL.iter().map(|p| Action::AskSubject(*p)));
        v.extend(Outcome::ALL.iter().map(|o| Action::Complete(*o)));
        v.extend(RejectionReason::ALL.iter().map(|r| Action::Reject(*r)));
        v
    }

    #[test]
    fn the_happy_path_of_design_section_3() {
        let mut s = Status::AwaitingVerification;
        for (a, expect) in [
            (Action::Verify, Status::Open),
            (Action::Start, Status::InProgress),
            (
                Action::AskSubject(QuestionPurpose::Identity),
                Status::AwaitingSubject,
            ),
            (Action::SubjectAnswered, Status::InProgress),
            (Action::Complete(Outcome::Fulfilled), Status::Completed),
        ] {
            let t = transition(s, a).expect("legal");
            assert_eq!(t.to, expect);
            s = t.to;
        }
    }

    #[test]
    fn exactly_the_listed_transitions_are_legal() {
        let legal: &[(Status, &str, Status)] = &[
            (Status::AwaitingVerification, "verify", Status::Open),
            (Status::AwaitingVerification, "expire", Status::Expired),
            (Status::AwaitingVerification, "reject", Status::Rejected),
            (Status::AwaitingVerification, "withdraw", Status::Withdrawn),
            (Status::Open, "start", Status::InProgress),
            (Status::Open, "reject", Status::Rejected),
            (Status::Open, "withdraw", Status::Withdrawn),
            (Status::InProgress, "ask_subject", Status::AwaitingSubject),
            (Status::InProgress, "complete", Status::Completed),
            (Status::InProgress, "reject", Status::Rejected),
            (Status::InProgress, "withdraw", Status::Withdrawn),
            (
                Status::AwaitingSubject,
                "subject_answered",
                Status::InProgress,
            ),
            (Status::AwaitingSubject, "expire", Status::Expired),
            (Status::AwaitingSubject, "withdraw", Status::Withdrawn),
        ];
        for &from in Status::ALL {
            for action in all_actions() {
                let expected = legal
                    .iter()
                    .find(|(f, a, _)| *f == from && *a == action.name())
                    .map(|(_, _, to)| *to);
                match (transition(from, action), expected) {
                    (Ok(t), Some(to)) => assert_eq!(t.to, to, "{from} {action:?}"),
                    (Err(_), None) => {}
                    (got, want) => panic!("{from} {action:?}: got {got:?}, want {want:?}"),
                }
            }
        }
    }

    #[test]
    fn terminal_statuses_never_change_and_say_why() {
        for from in [
            Status::Completed,
            Status::Rejected,
            Status::Withdrawn,
            Status::Expired,
        ] {
            let err = transition(from, Action::Withdraw).unwrap_err();
            assert_eq!(err, TransitionError::Terminal(from));
            assert!(err.to_string().contains("cannot change"));
        }
    }

    #[test]
    fn outcome_and_reason_travel_with_the_transition() {
        let t =
            transition(Status::InProgress, Action::Complete(Outcome::NoDataHeld)).expect("legal");
        assert_eq!(t.outcome, Some(Outcome::NoDataHeld));
        let t =
            transition(Status::Open, Action::Reject(RejectionReason::Excessive)).expect("legal");
        assert_eq!(t.rejection, Some(RejectionReason::Excessive));
    }

    #[test]
    fn text_round_trips() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(*s));
        }
        assert_eq!(Status::parse("bogus"), None);
    }

    #[test]
    fn only_identity_and_clarification_questions_stop_the_clock_edpb_159() {
        for (purpose, pauses) in [
            (QuestionPurpose::Identity, true),
            (QuestionPurpose::Clarification, true),
            (QuestionPurpose::Other, false),
        ] {
            let t = transition(Status::InProgress, Action::AskSubject(purpose)).expect("legal");
            assert_eq!(t.to, Status::AwaitingSubject);
            assert_eq!(t.pauses_clock, pauses, "{purpose}");
        }
        let t = transition(Status::AwaitingSubject, Action::SubjectAnswered).expect("legal");
        assert!(!t.pauses_clock);
    }

    #[test]
    fn paused_statuses_art_12_3_edpb_159() {
        assert!(Status::AwaitingVerification.pauses_clock());
        assert!(Status::AwaitingSubject.pauses_clock());
        assert!(!Status::InProgress.pauses_clock());
    }
}
