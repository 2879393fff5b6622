//! The six request kinds (DESIGN §2) and what the subject supplies for each.

use serde::{Deserialize, Serialize};

use super::categories::{label_in, valid_code, Category};
use super::msg::Msg;
use super::newtypes::{limits, FieldError, FreeText, ShortText};
use super::status::text_enum;
use crate::i18n::Tr;

text_enum!(
    /// What the subject asks for.
    Kind "kind" {
        Access => "access", "Access to my data (Art. 15)";
        Rectification => "rectification", "Correction of my data (Art. 16)";
        Erasure => "erasure", "Erasure of my data (Art. 17)";
        Restriction => "restriction", "Restriction of processing (Art. 18)";
        Portability => "portability", "A portable copy of my data (Art. 20)";
        Objection => "objection", "Objection to a use of my data (Art. 21)";
    }
);

impl Kind {
    /// A short noun for lists and mail subjects.
    pub fn short(self) -> &'static str {
        match self {
            Self::Access => "access",
            Self::Rectification => "correction",
            Self::Erasure => "erasure",
            Self::Restriction => "restriction",
            Self::Portability => "portability",
            Self::Objection => "objection",
        }
    }

    pub fn article(self) -> &'static str {
        match self {
            Self::Access => "Art. 15",
            Self::Rectification => "Art. 16",
            Self::Erasure => "Art. 17",
            Self::Restriction => "Art. 18",
            Self::Portability => "Art. 20",
            Self::Objection => "Art. 21",
        }
    }

    /// The right in plain words, for the portal's home page (a message id).
    pub fn explanation_id(self) -> &'static str {
        match self {
            Self::Access => "kind-explain-access",
            Self::Rectification => "kind-explain-rectification",
            Self::Erasure => "kind-explain-erasure",
            Self::Restriction => "kind-explain-restriction",
            Self::Portability => "kind-explain-portability",
            Self::Objection => "kind-explain-objection",
        }
    }

    /// The home page's link to the form with this kind chosen ("Ask for access"): one
    /// distinct text per right (a message id).
    pub fn ask_id(self) -> &'static str {
        match self {
            Self::Access => "kind-ask-access",
            Self::Rectification => "kind-ask-rectification",
            Self::Erasure => "kind-ask-erasure",
            Self::Restriction => "kind-ask-restriction",
            Self::Portability => "kind-ask-portability",
            Self::Objection => "kind-ask-objection",
        }
    }
}

/// Art. 17(1)(a)–(f): (letter, message id).
pub const ERASURE_GROUNDS: &[(&str, &str)] = &[
    ("a", "erasure-ground-a"),
    ("b", "erasure-ground-b"),
    ("c", "erasure-ground-c"),
    ("d", "erasure-ground-d"),
    ("e", "erasure-ground-e"),
    ("f", "erasure-ground-f"),
];

/// Art. 18(1)(a)–(d): (letter, message id).
pub const RESTRICTION_GROUNDS: &[(&str, &str)] = &[
    ("a", "restriction-ground-a"),
    ("b", "restriction-ground-b"),
    ("c", "restriction-ground-c"),
    ("d", "restriction-ground-d"),
];

/// Art. 21: what the subject objects to: (code, message id).
pub const OBJECTION_PURPOSES: &[(&str, &str)] = &[
    ("direct_marketing", "objection-purpose-direct_marketing"),
    ("profiling", "objection-purpose-profiling"),
    ("other", "objection-purpose-other"),
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RectificationItem {
    pub field: String,
    pub corrected_value: String,
    pub current_value: Option<String>,
    pub evidence: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PortableFormat {
    Json,
    Csv,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherController {
    pub name: String,
    pub email: String,
}

/// What the subject supplied, per kind. Stored as JSON text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RequestDetails {
    Access {
        scope: Option<String>,
    },
    Rectification {
        items: Vec<RectificationItem>,
    },
    Erasure {
        /// Empty means everything.
        categories: Vec<String>,
        ground: Option<String>,
    },
    Restriction {
        ground: String,
        details: Option<String>,
    },
    Portability {
        format: PortableFormat,
        send_to: Option<OtherController>,
    },
    Objection {
        purposes: Vec<String>,
        reasons: Option<String>,
    },
}

impl RequestDetails {
    pub fn kind(&self) -> Kind {
        match self {
            Self::Access { .. } => Kind::Access,
            Self::Rectification { .. } => Kind::Rectification,
            Self::Erasure { .. } => Kind::Erasure,
            Self::Restriction { .. } => Kind::Restriction,
            Self::Portability { .. } => Kind::Portability,
            Self::Objection { .. } => Kind::Objection,
        }
    }

    /// Human-readable lines in the reader's language (the request page, the subject's
    /// status page).
    /// Legal references ("Art. 17(1)(b)") stay as they are in every language.
    /// Category codes read their words from the `register` (`categories::label_in`).
    pub fn summary_lines(&self, t: &Tr, register: &[Category]) -> Vec<String> {
        let label = |id: Option<&'static str>, code: &str| match id {
            Some(id) => t.t(id),
            None => code.to_string(),
        };
        match self {
            Self::Access { scope } => vec![match scope {
                Some(s) => t.t1("kind-detail-scope", "scope", s),
                None => t.t("kind-detail-scope-all"),
            }],
            Self::Rectification { items } => items
                .iter()
                .map(|i| {
                    let mut s = t.t2(
                        "kind-detail-correction",
                        "field",
                        &i.field,
                        "value",
                        &i.corrected_value,
                    );
                    if let Some(c) = &i.current_value {
                        s.push(' ');
                        s.push_str(&t.t1("kind-detail-correction-now", "current", c));
                    }
                    if let Some(e) = &i.evidence {
                        s.push_str("; ");
                        s.push_str(&t.t1("kind-detail-evidence", "evidence", e));
                    }
                    s
                })
                .collect(),
            Self::Erasure { categories, ground } => {
                let mut v = vec![if categories.is_empty() {
                    t.t("kind-detail-scope-everything")
                } else {
                    t.t1(
                        "kind-detail-scope",
                        "scope",
                        categories
                            .iter()
                            .map(|c| label_in(register, c, t))
                            .collect::<Vec<_>>()
                            .join("; "),
                    )
                }];
                if let Some(g) = ground {
                    v.push(t.t2(
                        "kind-detail-erasure-ground",
                        "code",
                        g,
                        "ground",
                        label(lookup(ERASURE_GROUNDS, g), g),
                    ));
                }
                v
            }
            Self::Restriction { ground, details } => {
                let mut v = vec![t.t2(
                    "kind-detail-restriction-ground",
                    "code",
                    ground,
                    "ground",
                    label(lookup(RESTRICTION_GROUNDS, ground), ground),
                )];
                if let Some(d) = details {
                    v.push(t.t1("kind-detail-details", "details", d));
                }
                v
            }
            Self::Portability { format, send_to } => {
                let mut v = vec![t.t1(
                    "kind-detail-format",
                    "format",
                    match format {
                        PortableFormat::Json => "JSON",
                        PortableFormat::Csv => "CSV",
                    },
                )];
                if let Some(c) = send_to {
                    v.push(t.t2("kind-detail-send-to", "name", &c.name, "email", &c.email));
                }
                v
            }
            Self::Objection { purposes, reasons } => {
                let mut v = vec![t.t1(
                    "kind-detail-objects-to",
                    "purposes",
                    purposes
                        .iter()
                        .map(|p| label(lookup(OBJECTION_PURPOSES, p), p))
                        .collect::<Vec<_>>()
                        .join("; "),
                )];
                if let Some(r) = reasons {
                    v.push(t.t1("kind-detail-reasons", "reasons", r));
                }
                v
            }
        }
    }
}

fn lookup(table: &[(&'static str, &'static str)], code: &str) -> Option<&'static str> {
    table.iter().find(|(c, _)| *c == code).map(|(_, id)| *id)
}

/// Form input: every value a field was sent with (checkbox lists send several).
pub trait FormInput {
    fn value(&self, name: &str) -> &str;
    fn values(&self, name: &str) -> Vec<&str>;
}

/// Parse the kind-specific part of a request. Errors name the form field.
pub fn parse_details(kind: Kind, f: &dyn FormInput) -> Result<RequestDetails, Vec<FieldError>> {
    let mut errors = Vec::new();
    let opt_free = |name: &str, what: &str, errors: &mut Vec<FieldError>| {
        FreeText::parse_optional(f.value(name), limits::FREE_TEXT, what)
            .map_err(|m| errors.push(FieldError::new(name, m)))
            .ok()
            .flatten()
            .map(FreeText::into_string)
    };
    let details = match kind {
        Kind::Access => RequestDetails::Access {
            scope: opt_free("access_scope", "the scope", &mut errors),
        },
        Kind::Rectification => {
            let mut items = Vec::new();
            for n in 1..=limits::RECTIFICATION_ITEMS {
                let field_name = format!("rect_field_{n}");
                let value_name = format!("rect_value_{n}");
                let current_name = format!("rect_current_{n}");
                let evidence_name = format!("rect_evidence_{n}");
                let any = [&field_name, &value_name, &current_name, &evidence_name]
                    .iter()
                    .any(|k| !f.value(k).trim().is_empty());
                if !any {
                    continue;
                }
                let field = ShortText::parse(
                    f.value(&field_name),
                    limits::FIELD_NAME,
                    "what should be corrected",
                )
                .map_err(|m| errors.push(FieldError::new(&field_name, m)))
                .ok();
                let value = ShortText::parse(
                    f.value(&value_name),
                    limits::FIELD_VALUE,
                    "the correct value",
                )
                .map_err(|m| errors.push(FieldError::new(&value_name, m)))
                .ok();
                let current = ShortText::parse_optional(
                    f.value(&current_name),
                    limits::FIELD_VALUE,
                    "the current value",
                )
                .map_err(|m| errors.push(FieldError::new(&current_name, m)))
                .ok()
                .flatten();
                let evidence = FreeText::parse_optional(
                    f.value(&evidence_name),
                    limits::FIELD_VALUE,
                    "the evidence",
                )
                .map_err(|m| errors.push(FieldError::new(&evidence_name, m)))
                .ok()
                .flatten();
                if let (Some(field), Some(value)) = (field, value) {
                    items.push(RectificationItem {
                        field: field.into_string(),
                        corrected_value: value.into_string(),
                        current_value: current.map(ShortText::into_string),
                        evidence: evidence.map(FreeText::into_string),
                    });
                }
            }
            if items.is_empty() && errors.is_empty() {
                errors.push(FieldError::new("rect_field_1", Msg::new("field-rect-none")));
            }
            RequestDetails::Rectification { items }
        }
        Kind::Erasure => {
            let scope = f.value("erasure_scope");
            let mut categories = Vec::new();
            match scope {
                "" | "everything" => {
                    // "Everything" with some boxes ticked: which did the person mean?
                    // Ask rather than guess (issue 8: the scope trap).
                    if !f.values("erasure_categories").is_empty() {
                        errors.push(FieldError::new(
                            "erasure_categories",
                            Msg::new("field-erasure-scope-mismatch"),
                        ));
                    }
                }
                "categories" => {
                    for c in f.values("erasure_categories") {
                        // Known to the register? The workflow checks that
                        // (`intake::check_categories`); here only the form of a code.
                        if valid_code(c) {
                            if !categories.iter().any(|x: &String| x == c) {
                                categories.push(c.to_string());
                            }
                        } else {
                            errors.push(FieldError::new(
                                "erasure_categories",
                                Msg::new("field-category-unknown"),
                            ));
                        }
                    }
                    if categories.is_empty() && errors.is_empty() {
                        errors.push(FieldError::new(
                            "erasure_categories",
                            Msg::new("field-category-none"),
                        ));
                    }
                }
                _ => errors.push(FieldError::new(
                    "erasure_scope",
                    Msg::new("field-erasure-scope"),
                )),
            }
            let ground = match f.value("erasure_ground") {
                "" => None,
                g if ERASURE_GROUNDS.iter().any(|(c, _)| *c == g) => Some(g.to_string()),
                _ => {
                    errors.push(FieldError::new(
                        "erasure_ground",
                        Msg::new("field-ground-unknown"),
                    ));
                    None
                }
            };
            RequestDetails::Erasure { categories, ground }
        }
        Kind::Restriction => {
            let ground = match f.value("restriction_ground") {
                g if RESTRICTION_GROUNDS.iter().any(|(c, _)| *c == g) => g.to_string(),
                "" => {
                    errors.push(FieldError::new(
                        "restriction_ground",
                        Msg::new("field-restriction-ground-required"),
                    ));
                    String::new()
                }
                _ => {
                    errors.push(FieldError::new(
                        "restriction_ground",
                        Msg::new("field-ground-unknown"),
                    ));
                    String::new()
                }
            };
            RequestDetails::Restriction {
                ground,
                details: opt_free("restriction_details", "the details", &mut errors),
            }
        }
        Kind::Portability => {
            let format = match f.value("portability_format") {
                "json" | "" => PortableFormat::Json,
                "csv" => PortableFormat::Csv,
                _ => {
                    errors.push(FieldError::new(
                        "portability_format",
                        Msg::new("field-format"),
                    ));
                    PortableFormat::Json
                }
            };
            let name_raw = f.value("portability_controller_name");
            let email_raw = f.value("portability_controller_email");
            let send_to = if name_raw.trim().is_empty() && email_raw.trim().is_empty() {
                None
            } else {
                let name = ShortText::parse(name_raw, limits::NAME, "the other company's name")
                    .map_err(|m| errors.push(FieldError::new("portability_controller_name", m)))
                    .ok();
                let email = super::newtypes::EmailAddress::parse(email_raw)
                    .map_err(|m| errors.push(FieldError::new("portability_controller_email", m)))
                    .ok();
                match (name, email) {
                    (Some(n), Some(e)) => Some(OtherController {
                        name: n.into_string(),
                        email: e.as_str().to_string(),
                    }),
                    _ => None,
                }
            };
            RequestDetails::Portability { format, send_to }
        }
        Kind::Objection => {
            let mut purposes: Vec<String> = Vec::new();
            for p in f.values("objection_purpose") {
                if OBJECTION_PURPOSES.iter().any(|(c, _)| *c == p) {
                    if !purposes.iter().any(|x| x == p) {
                        purposes.push(p.to_string());
                    }
                } else {
                    errors.push(FieldError::new(
                        "objection_purpose",
                        Msg::new("field-purpose-unknown"),
                    ));
                }
            }
            if purposes.is_empty() && errors.is_empty() {
                errors.push(FieldError::new(
                    "objection_purpose",
                    Msg::new("field-purpose-none"),
                ));
            }
            let reasons = opt_free("objection_reasons", "your reasons", &mut errors);
            // Art. 21(1): an objection other than to direct marketing rests on "grounds
            // relating to his or her particular situation", so we ask for them.
            if reasons.is_none() && purposes.iter().any(|p| p != "direct_marketing") {
                errors.push(FieldError::new(
                    "objection_reasons",
                    Msg::new("field-objection-reasons"),
                ));
            }
            RequestDetails::Objection { purposes, reasons }
        }
    };
    if errors.is_empty() {
        Ok(details)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use std::collections::HashMap;

    struct Input(HashMap<&'static str, Vec<&'static str>>);
    impl FormInput for Input {
        fn value(&self, name: &str) -> &str {
            self.0
                .get(name)
                .and_then(|v| v.first())
                .copied()
                .unwrap_or("")
        }
        fn values(&self, name: &str) -> Vec<&str> {
            self.0.get(name).cloned().unwrap_or_default()
        }
    }
    fn input(pairs: &[(&'static str, &'static str)]) -> Input {
        let mut m: HashMap<&str, Vec<&str>> = HashMap::new();
        for (k, v) in pairs {
            m.entry(k).or_default().push(v);
        }
        Input(m)
    }

    #[test]
    fn rectification_needs_at_least_one_item() {
        let err = parse_details(Kind::Rectification, &input(&[])).unwrap_err();
        assert_eq!(err[0].field, "rect_field_1");
        let ok = parse_details(
            Kind::Rectification,
            &input(&[
                ("rect_field_2", "Address"),
                ("rect_value_2", "Storgata 1, 0155 Oslo"),
            ]),
        )
        .expect("valid");
        assert_eq!(ok.summary_lines(&Tr::plain(Lang::En), &[]).len(), 1);
    }

    #[test]
    fn rectification_item_needs_its_value() {
        let err =
            parse_details(Kind::Rectification, &input(&[("rect_field_1", "Name")])).unwrap_err();
        assert_eq!(err[0].field, "rect_value_1");
    }

    #[test]
    fn erasure_everything_or_known_categories() {
        assert_eq!(
            parse_details(Kind::Erasure, &input(&[("erasure_scope", "everything")])),
            Ok(RequestDetails::Erasure {
                categories: vec![],
                ground: None
            })
        );
        let err = parse_details(
            Kind::Erasure,
            &input(&[
                ("erasure_scope", "categories"),
                ("erasure_categories", "Secrets!"),
            ]),
        )
        .unwrap_err();
        assert_eq!(err[0].field, "erasure_categories");
        let ok = parse_details(
            Kind::Erasure,
            &input(&[
                ("erasure_scope", "categories"),
                ("erasure_categories", "marketing"),
                ("erasure_categories", "analytics"),
                ("erasure_ground", "b"),
            ]),
        )
        .expect("valid");
        assert_eq!(
            ok,
            RequestDetails::Erasure {
                categories: vec!["marketing".into(), "analytics".into()],
                ground: Some("b".into())
            }
        );
    }

    #[test]
    fn everything_with_ticked_categories_is_refused_not_guessed() {
        let err = parse_details(
            Kind::Erasure,
            &input(&[
                ("erasure_scope", "everything"),
                ("erasure_categories", "billing"),
            ]),
        )
        .unwrap_err();
        assert_eq!(err[0].field, "erasure_categories");
        assert_eq!(err[0].message.id, "field-erasure-scope-mismatch");
        let err =
            parse_details(Kind::Erasure, &input(&[("erasure_scope", "categories")])).unwrap_err();
        assert_eq!(err[0].message.id, "field-category-none");
    }

    #[test]
    fn summary_lines_follow_the_reader_and_keep_article_numbers() {
        let d = RequestDetails::Erasure {
            categories: vec!["billing".into()],
            ground: Some("b".into()),
        };
        assert_eq!(
            d.summary_lines(&Tr::plain(Lang::En), &[]),
            vec![
                "Scope: Invoices and billing history".to_string(),
                "Ground: Art. 17(1)(b) I withdraw my consent and there is no other legal ground"
                    .to_string()
            ]
        );
        let nb = d.summary_lines(&Tr::plain(Lang::Nb), &[]);
        assert_eq!(nb[0], "Omfang: Fakturaer og fakturahistorikk");
        assert!(nb[1].starts_with("Grunnlag: Art. 17(1)(b) "), "{}", nb[1]);
    }

    #[test]
    fn restriction_requires_an_art_18_1_ground() {
        assert!(parse_details(Kind::Restriction, &input(&[])).is_err());
        assert!(parse_details(Kind::Restriction, &input(&[("restriction_ground", "e")])).is_err());
        assert!(parse_details(Kind::Restriction, &input(&[("restriction_ground", "a")])).is_ok());
    }

    #[test]
    fn objection_to_direct_marketing_needs_no_reasons_art_21_3() {
        assert!(parse_details(
            Kind::Objection,
            &input(&[("objection_purpose", "direct_marketing")])
        )
        .is_ok());
        let err = parse_details(
            Kind::Objection,
            &input(&[("objection_purpose", "profiling")]),
        )
        .unwrap_err();
        assert_eq!(err[0].field, "objection_reasons");
    }

    #[test]
    fn portability_other_controller_needs_name_and_valid_email() {
        let err = parse_details(
            Kind::Portability,
            &input(&[
                ("portability_format", "csv"),
                ("portability_controller_email", "nope"),
            ]),
        )
        .unwrap_err();
        assert_eq!(err.len(), 2);
        assert!(
            parse_details(Kind::Portability, &input(&[("portability_format", "xml")])).is_err()
        );
    }

    #[test]
    fn details_round_trip_as_json() {
        let d = RequestDetails::Portability {
            format: PortableFormat::Csv,
            send_to: Some(OtherController {
                name: "Nytt Telecom AS".into(),
                email: "dpo@nytt.no".into(),
            }),
        };
        let json = serde_json::to_string(&d).expect("serialise");
        assert!(json.contains("\"kind\":\"portability\""));
        assert_eq!(
            serde_json::from_str::<RequestDetails>(&json).expect("parse"),
            d
        );
    }
}
