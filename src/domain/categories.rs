//! Data categories (the register of issue 10) and what a handler records for each
//! category of an erasure or restriction request (Art. 17, 17(3)(b), 18). Pure: the
//! register's rows come from the database, the rules of completion are here.

use super::lang::Lang;
use super::msg::Msg;
use super::status::text_enum;
use crate::i18n::{lookup_exact, Tr};

/// A data category as the register holds it. The code is what requests store and never
/// changes; the words may.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    pub code: String,
    pub active: bool,
    /// Labels an admin wrote (en, nb, sv). A seeded category has none: its words are the
    /// message `category-<code>`.
    pub labels: Labels,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels {
    pub en: Option<String>,
    pub nb: Option<String>,
    pub sv: Option<String>,
}

impl Labels {
    fn get(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::En => self.en.as_deref(),
            Lang::Nb => self.nb.as_deref(),
            Lang::Sv => self.sv.as_deref(),
        }
        .filter(|s| !s.trim().is_empty())
    }
}

impl Category {
    /// The words for the reader: the admin's label in their language, else the message
    /// files' (`category-<code>`), else the admin's English label, else the code.
    pub fn label(&self, t: &Tr) -> String {
        label_of(&self.code, &self.labels, t.lang)
    }
}

fn label_of(code: &str, labels: &Labels, lang: Lang) -> String {
    if let Some(l) = labels.get(lang) {
        return l.to_string();
    }
    if let Some(l) = lookup_exact(lang, &format!("category-{code}")) {
        return l;
    }
    labels
        .get(Lang::En)
        .map(str::to_string)
        .or_else(|| lookup_exact(Lang::En, &format!("category-{code}")))
        .unwrap_or_else(|| code.to_string())
}

/// The label of `code` among `register` (a code no longer in it shows its message or
/// itself: stored requests keep their meaning).
pub fn label_in(register: &[Category], code: &str, t: &Tr) -> String {
    match register.iter().find(|c| c.code == code) {
        Some(c) => c.label(t),
        None => label_of(code, &Labels::default(), t.lang),
    }
}

/// The categories the register's first migration seeds: their words are these messages
/// (in every language's `fields.ftl`), not stored labels.
pub const SEEDED: &[(&str, &str)] = &[
    ("contact", "category-contact"),
    ("billing", "category-billing"),
    ("payment", "category-payment"),
    ("traffic", "category-traffic"),
    ("ip_logs", "category-ip_logs"),
    ("recordings", "category-recordings"),
    ("support", "category-support"),
    ("marketing", "category-marketing"),
    ("analytics", "category-analytics"),
    ("cctv", "category-cctv"),
    ("applications", "category-applications"),
];

/// A category code an admin may add: 1–40 of `a-z`, `0-9` and `_`, starting with a letter
/// (it is stored in requests and used in form field names).
pub fn valid_code(code: &str) -> bool {
    let mut chars = code.chars();
    matches!(chars.next(), Some('a'..='z'))
        && code.len() <= 40
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
}

text_enum!(
    /// What happened to one data category of a request.
    CategoryOutcome "category-outcome" {
        Erased => "erased", "Erased";
        Retained => "retained", "Kept under a legal obligation (Art. 17(3)(b))";
        NotHeld => "not_held", "Not held";
        Restricted => "restricted", "Restricted (Art. 18)";
    }
);

impl CategoryOutcome {
    /// The outcomes a handler may record for an erasure request.
    pub const FOR_ERASURE: [CategoryOutcome; 3] = [
        CategoryOutcome::Erased,
        CategoryOutcome::Retained,
        CategoryOutcome::NotHeld,
    ];
    /// For a restriction request.
    pub const FOR_RESTRICTION: [CategoryOutcome; 2] =
        [CategoryOutcome::Restricted, CategoryOutcome::NotHeld];
}

/// Whether an erasure or restriction request may be completed with its recorded outcomes:
/// every category it covers needs one (the refusal names the missing ones, in register
/// order), and anything kept makes the answer partial.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Completeness {
    Complete { anything_retained: bool },
    Missing(Vec<String>),
}

pub fn completeness(covered: &[String], recorded: &[(String, CategoryOutcome)]) -> Completeness {
    let missing: Vec<String> = covered
        .iter()
        .filter(|code| !recorded.iter().any(|(c, _)| c == *code))
        .cloned()
        .collect();
    if !missing.is_empty() {
        return Completeness::Missing(missing);
    }
    Completeness::Complete {
        anything_retained: recorded
            .iter()
            .any(|(c, o)| *o == CategoryOutcome::Retained && covered.contains(c)),
    }
}

/// The refusal when outcomes are missing: the categories, in the reader's words.
pub fn missing_message(register: &[Category], missing: &[String], t: &Tr) -> Msg {
    Msg::new("case-outcomes-missing").arg(
        "categories",
        missing
            .iter()
            .map(|c| label_in(register, c, t))
            .collect::<Vec<_>>()
            .join("; "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn completion_needs_an_outcome_for_every_category_art_17() {
        use CategoryOutcome::*;
        let covered = codes(&["contact", "billing", "traffic"]);
        assert_eq!(
            completeness(&covered, &[("billing".into(), Erased)]),
            Completeness::Missing(codes(&["contact", "traffic"]))
        );
        assert_eq!(
            completeness(
                &covered,
                &[
                    ("contact".into(), Erased),
                    ("billing".into(), NotHeld),
                    ("traffic".into(), Erased)
                ]
            ),
            Completeness::Complete {
                anything_retained: false
            }
        );
        assert_eq!(
            completeness(
                &covered,
                &[
                    ("contact".into(), Erased),
                    ("billing".into(), Retained),
                    ("traffic".into(), Erased)
                ]
            ),
            Completeness::Complete {
                anything_retained: true
            }
        );
    }

    #[test]
    fn labels_fall_back_from_admin_words_to_messages_to_the_code() {
        let seeded = Category {
            code: "billing".into(),
            active: true,
            labels: Labels::default(),
        };
        assert_ne!(seeded.label(&Tr::plain(Lang::Nb)), "billing");
        assert_ne!(
            seeded.label(&Tr::plain(Lang::Nb)),
            seeded.label(&Tr::plain(Lang::En))
        );
        let added = Category {
            code: "loyalty".into(),
            active: true,
            labels: Labels {
                en: Some("Loyalty points".into()),
                nb: Some("Bonuspoeng".into()),
                sv: None,
            },
        };
        assert_eq!(added.label(&Tr::plain(Lang::Nb)), "Bonuspoeng");
        assert_eq!(added.label(&Tr::plain(Lang::Sv)), "Loyalty points");
        assert_eq!(label_in(&[], "gone", &Tr::plain(Lang::En)), "gone");
    }

    #[test]
    fn every_seeded_category_has_words_in_every_language() {
        for (code, id) in SEEDED {
            assert_eq!(*id, format!("category-{code}"));
            for lang in Lang::ALL {
                assert!(lookup_exact(*lang, id).is_some(), "{id} in {}", lang.code());
            }
        }
    }

    #[test]
    fn codes_admins_may_add() {
        assert!(valid_code("loyalty_points2"));
        for bad in ["", "2fa", "Loyalty", "a-b", "a b", &"x".repeat(41)] {
            assert!(!valid_code(bad), "{bad}");
        }
    }
}
