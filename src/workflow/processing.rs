//! The processing register (issue 12; Art. 30): what is processed, why, on which legal
//! basis, for how long, from where, shared with whom, and whether any decision is
//! automated. Admins edit it; the access cover letter is drawn from it, narrowed to the
//! data categories in the subject's own package (`for_categories`).

use super::registers::{admin_only, audit_register, checked, optional_text, required_text};
use super::users::Staff;
use super::{Conn, Ctx, WorkflowError};
use crate::db::models::{Recipient, RetentionRule};
use crate::db::{self, DbConn};
use crate::domain::categories::valid_code;
use crate::domain::kinds::FormInput;
use crate::domain::lang::Lang;
use crate::domain::msg::Msg;
use crate::domain::newtypes::FieldError;
use crate::domain::package::LegalBasis;
use crate::domain::recipients::{in_eea, RecipientKind};

pub use crate::db::models::Purpose;
pub use crate::db::processing::PurposeRow;

/// Longest label of a purpose.
const LABEL_MAX: usize = 200;
/// Longest retention, source or automated-decision text.
const TEXT_MAX: usize = 1000;

/// The whole register, in order (the admin page).
pub fn register(conn: &mut DbConn) -> Result<Vec<PurposeRow>, WorkflowError> {
    Ok(db::processing::all(conn)?)
}

/// The words of a purpose in `lang`.
pub fn label(p: &Purpose, lang: Lang) -> &str {
    match lang {
        Lang::En => &p.label_en,
        Lang::Nb => &p.label_nb,
        Lang::Sv => &p.label_sv,
    }
}

fn pick(
    en: &Option<String>,
    nb: &Option<String>,
    sv: &Option<String>,
    lang: Lang,
) -> Option<String> {
    match lang {
        Lang::En => en.clone(),
        Lang::Nb => nb.clone(),
        Lang::Sv => sv.clone(),
    }
    .or_else(|| en.clone())
}

/// Three words of one optional text: all or none.
fn trio(
    f: &dyn FormInput,
    stem: &str,
    errors: &mut Vec<FieldError>,
) -> (Option<String>, Option<String>, Option<String>) {
    let en = optional_text(f, &format!("{stem}_en"), TEXT_MAX, errors);
    let nb = optional_text(f, &format!("{stem}_nb"), TEXT_MAX, errors);
    let sv = optional_text(f, &format!("{stem}_sv"), TEXT_MAX, errors);
    let given = [&en, &nb, &sv].iter().filter(|v| v.is_some()).count();
    if given != 0 && given != 3 {
        for (lang, v) in [("en", &en), ("nb", &nb), ("sv", &sv)] {
            if v.is_none() {
                errors.push(FieldError::new(
                    format!("{stem}_{lang}"),
                    Msg::new("admin-purpose-all-languages"),
                ));
            }
        }
    }
    (en, nb, sv)
}

/// Add a purpose (`code` is new) or change one. Every label in every language; the
/// retention as a rule of the retention register or in words; the source and the
/// automated decision, when given, in every language. Audited as a register change.
pub fn save_purpose(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    f: &dyn FormInput,
) -> Result<String, WorkflowError> {
    admin_only(by)?;
    let code = f.value("code").trim().to_string();
    let mut errors = Vec::new();
    let label_en = required_text(f, "label_en", LABEL_MAX, &mut errors);
    let label_nb = required_text(f, "label_nb", LABEL_MAX, &mut errors);
    let label_sv = required_text(f, "label_sv", LABEL_MAX, &mut errors);
    let basis = LegalBasis::parse(f.value("legal_basis"));
    if basis.is_none() {
        errors.push(FieldError::new(
            "legal_basis",
            Msg::new("admin-purpose-basis"),
        ));
    }
    let rule = Some(f.value("retention_rule").trim().to_string()).filter(|r| !r.is_empty());
    let retention = trio(f, "retention", &mut errors);
    let source = trio(f, "source", &mut errors);
    let automated = trio(f, "automated", &mut errors);
    if rule.is_none() && retention.0.is_none() && !errors.iter().any(|e| e.field == "retention_en")
    {
        errors.push(FieldError::new(
            "retention_rule",
            Msg::new("admin-purpose-retention"),
        ));
    }
    let mut categories: Vec<String> = f.values("category").iter().map(|c| c.to_string()).collect();
    categories.sort();
    categories.dedup();
    let mut recipients: Vec<String> = f
        .values("recipient")
        .iter()
        .map(|c| c.to_string())
        .collect();
    recipients.sort();
    recipients.dedup();
    if categories.is_empty() {
        errors.push(FieldError::new(
            "category",
            Msg::new("admin-purpose-categories"),
        ));
    }
    let active = checked(f, "active");
    db::write_transaction(conn, |conn| {
        let existing = db::processing::find(conn, &code)?;
        if existing.is_some() && f.value("new") == "1" {
            errors.push(FieldError::new(
                "code",
                Msg::new("admin-purpose-code-taken"),
            ));
        }
        if existing.is_none() && !valid_code(&code) {
            errors.push(FieldError::new("code", Msg::new("admin-purpose-code")));
        }
        if let Some(r) = &rule {
            if db::registers::find_rule(conn, r)?.is_none() {
                errors.push(FieldError::new(
                    "retention_rule",
                    Msg::new("admin-purpose-rule-unknown"),
                ));
            }
        }
        for c in &categories {
            if db::registers::find_category(conn, c)?.is_none() {
                errors.push(FieldError::new(
                    "category",
                    Msg::new("admin-purpose-categories"),
                ));
                break;
            }
        }
        for r in &recipients {
            if db::recipients::find(conn, r)?.is_none() {
                errors.push(FieldError::new(
                    "recipient",
                    Msg::new("admin-purpose-recipient-unknown"),
                ));
                break;
            }
        }
        if !errors.is_empty() {
            return Err(WorkflowError::Invalid(std::mem::take(&mut errors)));
        }
        let Some(basis) = basis else {
            return Err(WorkflowError::Internal(
                "purpose checked without basis".into(),
            ));
        };
        let row = Purpose {
            code: code.clone(),
            label_en: label_en.clone(),
            label_nb: label_nb.clone(),
            label_sv: label_sv.clone(),
            legal_basis: basis.as_str().into(),
            retention_rule_id: rule.clone(),
            retention_en: retention.0.clone(),
            retention_nb: retention.1.clone(),
            retention_sv: retention.2.clone(),
            source_en: source.0.clone(),
            source_nb: source.1.clone(),
            source_sv: source.2.clone(),
            automated_en: automated.0.clone(),
            automated_nb: automated.1.clone(),
            automated_sv: automated.2.clone(),
            active,
            position: match &existing {
                Some(e) => e.position,
                None => db::processing::next_position(conn)?,
            },
        };
        let action = if existing.is_some() {
            db::processing::update(conn, &row)?;
            "purpose_changed"
        } else {
            db::processing::insert(conn, &row)?;
            "purpose_added"
        };
        db::processing::set_links(conn, &code, &categories, &recipients)?;
        let note = format!("{code}{}", if active { "" } else { " (no longer in use)" });
        audit_register(conn, ctx, by, action, &note)?;
        Ok(code.clone())
    })
}

// --- The cover letter's Art. 15 information ---------------------------------------------------

/// One purpose as the subject reads it (Art. 15(1)(a), (d), (g), (h)).
#[derive(Debug, Clone)]
pub struct PurposeLine {
    pub label: String,
    pub basis: LegalBasis,
    /// The retention in words; with the rule's citation when it is a rule.
    pub retention: String,
    pub citation: Option<String>,
    pub source: Option<String>,
    pub automated: Option<String>,
}

/// A recipient as the subject reads it: named, not only described (CJEU C-154/21).
#[derive(Debug, Clone)]
pub struct RecipientLine {
    pub name: String,
    pub kind: RecipientKind,
    pub country: String,
    /// Outside the EEA: the safeguard of the transfer (Art. 15(2), Art. 46).
    pub safeguard: Option<String>,
    pub outside_eea: bool,
}

/// What the register says about the data in one subject's package.
#[derive(Debug, Clone, Default)]
pub struct Narrowed {
    pub purposes: Vec<PurposeLine>,
    pub recipients: Vec<RecipientLine>,
}

impl Narrowed {
    pub fn transfers(&self) -> Vec<&RecipientLine> {
        self.recipients.iter().filter(|r| r.outside_eea).collect()
    }
    pub fn sources(&self) -> Vec<&PurposeLine> {
        self.purposes
            .iter()
            .filter(|p| p.source.is_some())
            .collect()
    }
    pub fn automated(&self) -> Vec<&PurposeLine> {
        self.purposes
            .iter()
            .filter(|p| p.automated.is_some())
            .collect()
    }
}

/// How long a purpose keeps data, in `lang`: the rule's words and citation when it names a
/// rule of the retention register, else its own words (English when `lang` has none).
pub fn retention_words(
    p: &Purpose,
    rules: &[RetentionRule],
    lang: Lang,
) -> (String, Option<String>) {
    if let Some(rule) = p
        .retention_rule_id
        .as_deref()
        .and_then(|id| rules.iter().find(|r| r.id == id))
    {
        return (rule.text(lang).to_string(), Some(rule.citation.clone()));
    }
    (
        pick(&p.retention_en, &p.retention_nb, &p.retention_sv, lang).unwrap_or_default(),
        None,
    )
}

/// The register narrowed to the data categories a subject's package holds: the active
/// purposes that use any of them, and the active recipients that receive any of them
/// (named, with their country and, outside the EEA, the safeguard).
pub fn for_categories(
    conn: &mut DbConn,
    codes: &[String],
    lang: Lang,
) -> Result<Narrowed, WorkflowError> {
    let rules = db::registers::rules(conn)?;
    let mut out = Narrowed::default();
    let mut named_by_purpose: Vec<String> = Vec::new();
    for (p, cats, recipients) in db::processing::all(conn)? {
        if !p.active || !cats.iter().any(|c| codes.contains(c)) {
            continue;
        }
        named_by_purpose.extend(recipients);
        let basis = LegalBasis::parse(&p.legal_basis).ok_or_else(|| {
            WorkflowError::Internal(format!("processing_purposes.legal_basis {}", p.legal_basis))
        })?;
        let (retention, citation) = retention_words(&p, &rules, lang);
        out.purposes.push(PurposeLine {
            label: label(&p, lang).to_string(),
            basis,
            retention,
            citation,
            source: pick(&p.source_en, &p.source_nb, &p.source_sv, lang),
            automated: pick(&p.automated_en, &p.automated_nb, &p.automated_sv, lang),
        });
    }
    for (r, cats) in db::recipients::all(conn)? {
        let receives = cats.iter().any(|c| codes.contains(c)) || named_by_purpose.contains(&r.id);
        if !r.active || !receives {
            continue;
        }
        out.recipients.push(recipient_line(r)?);
    }
    Ok(out)
}

fn recipient_line(r: Recipient) -> Result<RecipientLine, WorkflowError> {
    let kind = RecipientKind::parse(&r.kind)
        .ok_or_else(|| WorkflowError::Internal(format!("recipients.kind {}", r.kind)))?;
    let outside_eea = !in_eea(&r.country);
    Ok(RecipientLine {
        name: r.name,
        kind,
        safeguard: r.safeguard.filter(|_| outside_eea),
        outside_eea,
        country: r.country,
    })
}
