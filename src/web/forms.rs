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

    /// The error summary's lines: (the id of the input to link to: a radio or checkbox
    /// group's first input, else the field; "Label: message" in the reader's language,
    /// so each line makes sense on its own).
    pub fn summary_in(&self, t: &Tr) -> Vec<(String, String)> {
        self.0
            .iter()
            .map(|(f, m)| {
                let text = match label_of(f, t) {
                    Some(label) => t.t2("portal-error-summary-item", "label", label, "message", m),
                    None => m.clone(),
                };
                (input_id(f), text)
            })
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

/// The portal's fields and the message ids of their labels, for the error summary.
const LABELS: &[(&str, &str)] = &[
    ("kind", "portal-form-kind-legend"),
    ("name", "portal-form-name"),
    ("email", "portal-form-email"),
    ("phone", "portal-form-phone"),
    ("customer_number", "portal-form-customer-number"),
    ("message", "portal-form-message"),
    ("access_scope", "portal-access-scope"),
    ("rect_field", "portal-rect-field"),
    ("rect_value", "portal-rect-value"),
    ("rect_current", "portal-rect-current"),
    ("rect_evidence", "portal-rect-evidence"),
    ("erasure_scope", "portal-erasure-scope-legend"),
    ("erasure_categories", "portal-erasure-categories-legend"),
    ("erasure_ground", "portal-erasure-ground"),
    ("restriction_ground", "portal-restriction-ground-legend"),
    ("restriction_details", "portal-restriction-details"),
    ("portability_format", "portal-portability-format-legend"),
    ("portability_controller_name", "portal-portability-name"),
    ("portability_controller_email", "portal-portability-email"),
    ("objection_purpose", "portal-objection-purpose-legend"),
    ("objection_reasons", "portal-objection-reasons"),
    ("answer", "portal-answer-label"),
    ("file", "portal-file-label"),
];

/// A field's label in the reader's language; a numbered row's field (`rect_value_2`)
/// gets its row: "Item 2, The correct value".
fn label_of(field: &str, t: &Tr) -> Option<String> {
    if let Some(id) = LABELS.iter().find(|(f, _)| *f == field).map(|(_, id)| *id) {
        return Some(t.t(id));
    }
    let (prefix, n) = field.rsplit_once('_')?;
    let n: usize = n.parse().ok()?;
    let id = LABELS
        .iter()
        .find(|(f, _)| *f == prefix)
        .map(|(_, id)| *id)?;
    Some(t.t2("portal-error-summary-row", "number", n, "label", t.t(id)))
}

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
