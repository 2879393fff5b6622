//! Form input as a list of (name, value) pairs (checkbox lists repeat a name), and the
//! errors to show beside each field when a form comes back.

use std::collections::HashMap;

use crate::domain::kinds::FormInput;
use crate::domain::msg::Msg;
use crate::domain::newtypes::FieldError;
use crate::i18n::Tr;

#[derive(Debug, Clone, Default)]
pub struct FormData(pub Vec<(String, String)>);

impl FormData {
    /// The first value of a field, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// A numbered row's field, e.g. `rect_field_2`.
    pub fn row(&self, prefix: &str, n: &usize) -> &str {
        self.get(&format!("{prefix}_{n}"))
    }

    /// For radio buttons and checkboxes: was this value sent?
    pub fn has(&self, name: &str, value: &str) -> bool {
        self.0.iter().any(|(k, v)| k == name && v == value)
    }
}

impl FormInput for FormData {
    fn value(&self, name: &str) -> &str {
        self.get(name)
    }
    fn values(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

/// Field name → message in the reader's language, for templates.
#[derive(Debug, Clone, Default)]
pub struct Errors(HashMap<String, String>);

impl Errors {
    /// The first error of each field, put into words for the reader.
    pub fn from_list(list: Vec<FieldError>, t: &Tr) -> Self {
        let mut map = HashMap::new();
        for e in list {
            map.entry(e.field).or_insert_with(|| t.msg(&e.message));
        }
        Self(map)
    }

    pub fn single(field: &str, message: impl Into<Msg>, t: &Tr) -> Self {
        Self::from_list(vec![FieldError::new(field, message)], t)
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    pub fn row(&self, prefix: &str, n: &usize) -> Option<&str> {
        self.get(&format!("{prefix}_{n}"))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// (field, message) pairs in field order, for an error summary.
    pub fn list(&self) -> Vec<(&str, &str)> {
        let mut v: Vec<(&str, &str)> = self
            .0
            .iter()
            .map(|(f, m)| (f.as_str(), m.as_str()))
            .collect();
        v.sort();
        v
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }
}

/// The form extractor's settings: a generous limit so long fields reach our own checks
/// (which answer beside the field), and a clear page beyond it.
pub fn form_config() -> actix_web::web::FormConfig {
    actix_web::web::FormConfig::default()
        .limit(256 * 1024)
        .error_handler(|err, _req| {
            use actix_web::error::UrlencodedError;
            let web_err = match err {
                UrlencodedError::Overflow { .. } => super::WebError::TooLarge,
                other => super::WebError::BadRequest(
                    Msg::new("error-form-unreadable").arg("detail", other.to_string()),
                ),
            };
            web_err.into()
        })
}
