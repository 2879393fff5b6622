//! Putting messages into words (DESIGN §12, issue 8): Project Fluent message files, one
//! folder per language under `locales/` (`nb`, `sv`, `en`), compiled into the binary.
//!
//! Templates get a [`Tr`] as the field `t` and write `{{ t.t("portal-home-heading") }}`,
//! `{{ t.t1("days-left", "count", days) }}` or `{{ t.date(d) }}`; Rust code that decides
//! what to tell names a [`Msg`] and leaves the words to `Tr::msg`. Every id used must exist
//! in every language, and every id in a file must be used (`tests/i18n.rs`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

use crate::config::Settings;
pub use crate::domain::lang::Lang;
use crate::domain::msg::{Arg, Msg};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // No Unicode isolation marks around arguments: they would show in plain-text
        // mail and in form values.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

fn language_id(lang: Lang) -> LanguageIdentifier {
    // The three codes are valid language identifiers; "en" is the fallback.
    lang.code().parse().unwrap_or_default()
}

/// The words of one message in one language, with no fallback to another language:
/// `None` when this language's files lack the id. For the completeness tests.
pub fn lookup_exact(lang: Lang, id: &str) -> Option<String> {
    LOCALES
        .lookup_single_language::<&str>(&language_id(lang), id, None)
        .ok()
}

/// A message in English, for operators (settings errors, the CLI), never for a subject.
pub fn english(m: &Msg) -> String {
    Tr::plain(Lang::En).msg(m)
}

/// Who the reader deals with: the facts every page's header and footer and every
/// email's signature show (from settings).
#[derive(Debug, Clone)]
pub struct Site {
    pub organisation: String,
    pub dpo_name: String,
    pub dpo_email: String,
    pub authority_name: String,
    pub authority_address: String,
    pub authority_url: String,
}

impl Site {
    pub fn from_settings(s: &Settings) -> Self {
        Self {
            organisation: s.organisation.clone(),
            dpo_name: s.dpo_name.clone(),
            dpo_email: s.dpo_email.clone(),
            authority_name: s.authority_name.clone(),
            authority_address: s.authority_address.clone(),
            authority_url: s.authority_url.clone(),
        }
    }
}

/// A value a template passes to a message: text or a number.
pub trait IntoArg {
    fn into_arg(self) -> Arg;
}
impl IntoArg for &str {
    fn into_arg(self) -> Arg {
        Arg::Text(self.to_string())
    }
}
impl IntoArg for &String {
    fn into_arg(self) -> Arg {
        Arg::Text(self.clone())
    }
}
impl IntoArg for String {
    fn into_arg(self) -> Arg {
        Arg::Text(self)
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl IntoArg for $t {
            fn into_arg(self) -> Arg {
                Arg::Number(i64::try_from(self).unwrap_or(i64::MAX))
            }
        }
        impl IntoArg for &$t {
            fn into_arg(self) -> Arg {
                Arg::Number(i64::try_from(*self).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(i32, i64, u32, u64, usize);
impl IntoArg for Arg {
    fn into_arg(self) -> Arg {
        self
    }
}
/// Askama hands loop variables and fields over by reference, sometimes twice.
impl<T: Clone + IntoArg> IntoArg for &&T {
    fn into_arg(self) -> Arg {
        (**self).clone().into_arg()
    }
}

/// The reader's language, with the site facts and the page's own address (for the
/// language switch). Cheap to clone.
#[derive(Debug, Clone)]
pub struct Tr {
    pub lang: Lang,
    pub site: Arc<Site>,
    /// The path and query of the page being shown: the language switch comes back here.
    pub here: String,
}

impl Tr {
    pub fn new(lang: Lang, site: Arc<Site>) -> Self {
        Self {
            lang,
            site,
            here: "/".into(),
        }
    }

    /// For code without settings at hand (tests, the CLI): no site facts.
    pub fn plain(lang: Lang) -> Self {
        Self::new(
            lang,
            Arc::new(Site {
                organisation: String::new(),
                dpo_name: String::new(),
                dpo_email: String::new(),
                authority_name: String::new(),
                authority_address: String::new(),
                authority_url: String::new(),
            }),
        )
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    /// The other languages, for the language switch.
    pub fn others(&self) -> Vec<Lang> {
        Lang::ALL
            .iter()
            .copied()
            .filter(|l| *l != self.lang)
            .collect()
    }

    /// `/lang/<code>?back=<this page>`: the switch link to another language.
    pub fn switch_link(&self, to: &Lang) -> String {
        format!("/lang/{}?back={}", to.code(), url_encode_path(&self.here))
    }

    fn words(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let fluent_args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| {
                let v = match value {
                    Arg::Text(s) => FluentValue::from(s.clone()),
                    Arg::Number(n) => FluentValue::from(*n),
                    Arg::Date(d) => FluentValue::from(self.date(d)),
                };
                (Cow::Owned(name.to_string()), v)
            })
            .collect();
        let lang = language_id(self.lang);
        let found = if args.is_empty() {
            LOCALES.try_lookup(&lang, id)
        } else {
            LOCALES.try_lookup_with_args(&lang, id, &fluent_args)
        };
        found.unwrap_or_else(|| {
            // Only reachable if the completeness test was skipped: show the id, never panic.
            tracing::error!(id, lang = %self.lang, "message missing");
            id.to_string()
        })
    }

    /// A message without arguments.
    pub fn t(&self, id: &str) -> String {
        self.words(id, &[])
    }

    pub fn t1(&self, id: &str, name: &str, value: impl IntoArg) -> String {
        self.words(id, &[(name, value.into_arg())])
    }

    pub fn t2(
        &self,
        id: &str,
        name1: &str,
        value1: impl IntoArg,
        name2: &str,
        value2: impl IntoArg,
    ) -> String {
        self.words(
            id,
            &[(name1, value1.into_arg()), (name2, value2.into_arg())],
        )
    }

    #[allow(clippy::too_many_arguments)] // three (name, value) pairs, as in a template
    pub fn t3(
        &self,
        id: &str,
        name1: &str,
        value1: impl IntoArg,
        name2: &str,
        value2: impl IntoArg,
        name3: &str,
        value3: impl IntoArg,
    ) -> String {
        self.words(
            id,
            &[
                (name1, value1.into_arg()),
                (name2, value2.into_arg()),
                (name3, value3.into_arg()),
            ],
        )
    }

    #[allow(clippy::too_many_arguments)]
    pub fn t4(
        &self,
        id: &str,
        name1: &str,
        value1: impl IntoArg,
        name2: &str,
        value2: impl IntoArg,
        name3: &str,
        value3: impl IntoArg,
        name4: &str,
        value4: impl IntoArg,
    ) -> String {
        self.words(
            id,
            &[
                (name1, value1.into_arg()),
                (name2, value2.into_arg()),
                (name3, value3.into_arg()),
                (name4, value4.into_arg()),
            ],
        )
    }

    /// A message named by the domain or a workflow.
    pub fn msg(&self, m: &Msg) -> String {
        let args: Vec<(&str, Arg)> = m.args.iter().map(|(n, v)| (*n, v.clone())).collect();
        self.words(m.id, &args)
    }

    /// A calendar date the way readers of the language write it: "25. november 2026",
    /// "25 november 2026", "25 November 2026" (`date` in the message files).
    pub fn date(&self, d: &NaiveDate) -> String {
        let month = self.t(MONTHS[d.month0() as usize]);
        self.words(
            "date",
            &[
                ("day", Arg::Number(d.day().into())),
                ("month", Arg::Text(month)),
                ("year", Arg::Number(d.year().into())),
            ],
        )
    }

    /// An optional date, or "" when there is none.
    pub fn date_opt(&self, d: &Option<NaiveDate>) -> String {
        d.as_ref().map(|d| self.date(d)).unwrap_or_default()
    }
}

const MONTHS: [&str; 12] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
    "month-9", "month-10", "month-11", "month-12",
];

/// Percent-encodes what a query value cannot hold as it is.
fn url_encode_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_the_way_each_language_writes_them() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
        assert_eq!(Tr::plain(Lang::Nb).date(&d), "25. november 2026");
        assert_eq!(Tr::plain(Lang::Sv).date(&d), "25 november 2026");
        assert_eq!(Tr::plain(Lang::En).date(&d), "25 November 2026");
    }

    #[test]
    fn plurals_follow_the_language() {
        assert_eq!(
            Tr::plain(Lang::Nb).t1("days-left", "count", 1),
            "1 dag igjen"
        );
        assert_eq!(
            Tr::plain(Lang::Nb).t1("days-left", "count", 3),
            "3 dager igjen"
        );
        assert_eq!(
            Tr::plain(Lang::Sv).t1("days-left", "count", 1),
            "1 dag kvar"
        );
        assert_eq!(
            Tr::plain(Lang::Sv).t1("days-left", "count", 3),
            "3 dagar kvar"
        );
        assert_eq!(
            Tr::plain(Lang::En).t1("days-left", "count", 1),
            "1 day left"
        );
        assert_eq!(
            Tr::plain(Lang::En).t1("days-left", "count", 3),
            "3 days left"
        );
    }

    #[test]
    fn the_switch_link_comes_back_to_the_page() {
        let mut t = Tr::plain(Lang::En);
        t.here = "/?kind=erasure&x=a b".into();
        assert_eq!(
            t.switch_link(&Lang::Sv),
            "/lang/sv?back=/%3Fkind%3Derasure%26x%3Da%20b"
        );
    }
}
