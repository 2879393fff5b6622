//! A message for a person, named by its Fluent id (`locales/<lang>/*.ftl`) with its
//! arguments, not yet put into words. The domain and the workflows say *what* to tell
//! (a field error, a refusal); the web and mail layers say it in the reader's language
//! (`crate::i18n::Tr::msg`).

use std::fmt;

/// One argument of a message: a text (a name, a date already written out) or a number
/// (Fluent chooses the plural form from it: "1 dag" / "3 dager").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// A calendar date, written the way the reader's language writes dates.
    Date(chrono::NaiveDate),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<chrono::NaiveDate> for Arg {
    fn from(d: chrono::NaiveDate) -> Self {
        Arg::Date(d)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Number(n.into())
    }
}
impl From<i32> for Arg {
    fn from(n: i32) -> Self {
        Arg::Number(n.into())
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    /// The Fluent message id, e.g. `error-email-invalid`.
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    pub fn new(id: &'static str) -> Self {
        Self {
            id,
            args: Vec::new(),
        }
    }

    /// The same message with one more argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }
}

/// For logs and tests only: the id and its arguments, never shown to a person.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id)?;
        for (name, value) in &self.args {
            match value {
                Arg::Text(s) => write!(f, " {name}={s:?}")?,
                Arg::Number(n) => write!(f, " {name}={n}")?,
                Arg::Date(d) => write!(f, " {name}={d}")?,
            }
        }
        Ok(())
    }
}
