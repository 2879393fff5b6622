//! Form input as a list of (name, value) pairs (checkbox lists repeat a name), and the
//! errors to show beside each field when a form comes back.

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

/// Field name → message in the reader's language, for templates; in the order the
/// checks found them (the form's order), for the error summary.
#[derive(Debug, Clone, Default)]
pub struct Errors(Vec<(String, String)>);

impl Errors {
    /// The first error of each field, put into words for the reader.
    pub fn from_list(list: Vec<FieldError>, t: &Tr) -> Self {
        let mut v: Vec<(String, String)> = Vec::new();
        for e in list {
            if !v.iter().any(|(f, _)| *f == e.field) {
                v.push((e.field, t.msg(&e.message)));
            }
        }
        Self(v)
    }

    pub fn single(field: &str, message: impl Into<Msg>, t: &Tr) -> Self {
        Self::from_list(vec![FieldError::new(field, message)], t)
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }

    pub fn has(&self, field: &str) -> bool {
        self.get(field).is_some()
    }

    pub fn row(&self, prefix: &str, n: &usize) -> Option<&str> {
        self.get(&format!("{prefix}_{n}"))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// (field, message) pairs in the form's order, for an error summary.
    pub fn list(&self) -> Vec<(&str, &str)> {
        self.0
            .iter()
            .map(|(f, m)| (f.as_str(), m.as_str()))
            .collect()
    }

    /// (the id of the input to focus, message) pairs for the error summary's links: a
    /// radio or checkbox group's first input (`<group>-<first value>`), else the field.
    pub fn summary(&self) -> Vec<(String, &str)> {
        self.0
            .iter()
            .map(|(f, m)| (input_id(f), m.as_str()))
            .collect()
    }

    /// `aria-describedby` for a field: its hint (if any) and its error (if any), or "".
    pub fn described_by(&self, field: &str, hint: &str) -> String {
        let mut ids: Vec<String> = Vec::new();
        if !hint.is_empty() {
            ids.push(hint.to_string());
        }
        if self.has(field) {
            ids.push(format!("{field}-error"));
        }
        ids.join(" ")
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The ARIA attributes of an input: `aria-invalid` when its field has an error, and
    /// `aria-describedby` naming its hint (`hint`, an element id, or "") and its error
    /// (`<field>-error`). Only ids the templates write, so safe to write unescaped.
    pub fn aria(&self, field: &str, hint: &str) -> String {
        let described = self.described_by(field, hint);
        let mut out = String::new();
        if self.has(field) {
            out.push_str(r#" aria-invalid="true""#);
        }
        if !described.is_empty() {
            out.push_str(&format!(r#" aria-describedby="{described}""#));
        }
        out
    }

    /// `aria` for a numbered row's field, e.g. `rect_field_2`.
    pub fn aria_row(&self, prefix: &str, n: &usize, hint: &str) -> String {
        self.aria(&format!("{prefix}_{n}"), hint)
    }
}

/// The portal's radio and checkbox groups: (field, value of the first input).
const GROUPS: &[(&str, &str)] = &[
    ("kind", "access"),
    ("erasure_scope", "everything"),
    ("erasure_categories", "contact"),
    ("restriction_ground", "a"),
    ("portability_format", "json"),
    ("objection_purpose", "direct_marketing"),
];

/// The id of the input an error summary links to for `field`.
pub fn input_id(field: &str) -> String {
    match GROUPS.iter().find(|(g, _)| *g == field) {
        Some((g, first)) => format!("{g}-{first}"),
        None => field.to_string(),
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
