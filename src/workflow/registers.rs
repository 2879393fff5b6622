//! The registers of issue 10, as the portal, the request page and the admin pages read
//! and change them: data categories and legal-retention rules. Only admins change them;
//! each change is audited (an event without a request).

use super::users::Staff;
use super::{Conn, Ctx, WorkflowError};
/// A rule of the register as stored (the admin page reads it).
pub use crate::db::models::RetentionRule;
use crate::db::models::{DataCategory, NewAuditEvent};
use crate::db::{self, DbConn};
use crate::domain::categories::{valid_code, Category};
use crate::domain::kinds::{FormInput, RequestDetails};
use crate::domain::msg::Msg;
use crate::domain::newtypes::{limits, FieldError, FreeText, ShortText};
use crate::domain::retention::{Anchor, PeriodUnit};

/// Every category of the register, active or not, in order.
pub fn categories(conn: &mut Conn) -> Result<Vec<Category>, WorkflowError> {
    Ok(db::registers::categories(conn)?
        .iter()
        .map(DataCategory::to_domain)
        .collect())
}

/// The categories a subject may choose today.
pub fn active_categories(conn: &mut Conn) -> Result<Vec<Category>, WorkflowError> {
    Ok(categories(conn)?.into_iter().filter(|c| c.active).collect())
}

/// Every rule of the register, active or not, in order.
pub fn rules(conn: &mut Conn) -> Result<Vec<RetentionRule>, WorkflowError> {
    Ok(db::registers::rules(conn)?)
}

/// An erasure request names only categories the register offers (the form's list can be
/// older than the register, or forged): the error beside the field, or `None`.
pub fn category_error(register: &[Category], details: &RequestDetails) -> Option<FieldError> {
    let RequestDetails::Erasure { categories, .. } = details else {
        return None;
    };
    let known = |c: &String| register.iter().any(|r| r.active && &r.code == c);
    (!categories.iter().all(known))
        .then(|| FieldError::new("erasure_categories", Msg::new("field-category-unknown")))
}

/// `category_error` against the stored register: every intake checks it before it stores.
pub fn check_categories(conn: &mut DbConn, details: &RequestDetails) -> Result<(), WorkflowError> {
    if !matches!(details, RequestDetails::Erasure { categories, .. } if !categories.is_empty()) {
        return Ok(());
    }
    match category_error(&active_categories(conn)?, details) {
        Some(e) => Err(WorkflowError::Invalid(vec![e])),
        None => Ok(()),
    }
}

/// The categories an erasure request covers: those it names, or, for "everything", every
/// active category of the register.
pub fn covered(conn: &mut DbConn, details: &RequestDetails) -> Result<Vec<String>, WorkflowError> {
    match details {
        RequestDetails::Erasure { categories, .. } if !categories.is_empty() => {
            Ok(categories.clone())
        }
        _ => Ok(active_categories(conn)?
            .into_iter()
            .map(|c| c.code)
            .collect()),
    }
}

pub(super) fn audit_register(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Staff,
    action: &str,
    note: &str,
) -> Result<(), WorkflowError> {
    db::audit::record(
        conn,
        &NewAuditEvent {
            request_id: None,
            actor: &by.actor().label(),
            action,
            from_status: None,
            to_status: None,
            note: Some(note),
            at: ctx.now_db(),
        },
    )?;
    Ok(())
}

pub(super) fn admin_only(by: &Staff) -> Result<(), WorkflowError> {
    if by.is_admin() {
        Ok(())
    } else {
        Err(WorkflowError::NotFound)
    }
}

/// Longest label of a category.
const LABEL_MAX: usize = 120;

pub(super) fn optional_text(
    f: &dyn FormInput,
    field: &str,
    max: usize,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    match ShortText::parse_optional(f.value(field), max, field) {
        Ok(v) => v.map(|t| t.as_str().to_string()),
        Err(m) => {
            errors.push(FieldError::new(field, m));
            None
        }
    }
}

pub(super) fn required_text(
    f: &dyn FormInput,
    field: &str,
    max: usize,
    errors: &mut Vec<FieldError>,
) -> String {
    match ShortText::parse(f.value(field), max, field) {
        Ok(v) => v.as_str().to_string(),
        Err(m) => {
            errors.push(FieldError::new(field, m));
            String::new()
        }
    }
}

pub(super) fn checked(f: &dyn FormInput, field: &str) -> bool {
    matches!(f.value(field), "on" | "true" | "1" | "yes")
}

/// Add a category (`code` is new) or change one. A new category needs its label in every
/// language (the portal shows it to subjects in nb, sv and en); a seeded one may leave
/// them empty to keep the words of the message files.
pub fn save_category(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    f: &dyn FormInput,
) -> Result<String, WorkflowError> {
    admin_only(by)?;
    let code = f.value("code").trim().to_string();
    let mut errors = Vec::new();
    let label_en = optional_text(f, "label_en", LABEL_MAX, &mut errors);
    let label_nb = optional_text(f, "label_nb", LABEL_MAX, &mut errors);
    let label_sv = optional_text(f, "label_sv", LABEL_MAX, &mut errors);
    let active = checked(f, "active");
    db::write_transaction(conn, |conn| {
        let existing = db::registers::find_category(conn, &code)?;
        if existing.is_none() {
            if !valid_code(&code) {
                errors.push(FieldError::new(
                    "code",
                    Msg::new("admin-category-code-invalid"),
                ));
            }
            for (field, value) in [
                ("label_en", &label_en),
                ("label_nb", &label_nb),
                ("label_sv", &label_sv),
            ] {
                if value.is_none() && !errors.iter().any(|e| e.field == field) {
                    errors.push(FieldError::new(field, Msg::new("admin-label-required")));
                }
            }
        }
        if !errors.is_empty() {
            return Err(WorkflowError::Invalid(std::mem::take(&mut errors)));
        }
        let row = DataCategory {
            code: code.clone(),
            position: match &existing {
                Some(e) => e.position,
                None => db::registers::next_category_position(conn)?,
            },
            active,
            label_en: label_en.clone(),
            label_nb: label_nb.clone(),
            label_sv: label_sv.clone(),
        };
        let action = if existing.is_some() {
            db::registers::update_category(conn, &row)?;
            "category_changed"
        } else {
            db::registers::insert_category(conn, &row)?;
            "category_added"
        };
        let note = format!("{code}{}", if active { "" } else { " (no longer offered)" });
        audit_register(conn, ctx, by, action, &note)?;
        Ok(code.clone())
    })
}

/// A rule id an admin may give: 1–60 of `a-z`, `0-9`, `-` and `_`, starting with a letter.
fn valid_rule_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some('a'..='z'))
        && id.len() <= 60
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_' | '-'))
}

/// Add a rule (`id` is new) or change one. Saving a rule is an admin's check of it: the
/// "verify before production use" mark of the seed data goes, unless they tick it again.
pub fn save_rule(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    f: &dyn FormInput,
) -> Result<String, WorkflowError> {
    admin_only(by)?;
    let id = f.value("id").trim().to_string();
    let mut errors = Vec::new();
    let citation = required_text(f, "citation", 200, &mut errors);
    let amount = match f.value("amount").trim().parse::<i32>() {
        Ok(n) if (0..=1200).contains(&n) => n,
        _ => {
            errors.push(FieldError::new("amount", Msg::new("admin-rule-amount")));
            0
        }
    };
    let unit = PeriodUnit::parse(f.value("unit"));
    if unit.is_none() {
        errors.push(FieldError::new("unit", Msg::new("admin-rule-unit")));
    }
    let anchor = Anchor::parse(f.value("anchor"));
    if anchor.is_none() {
        errors.push(FieldError::new("anchor", Msg::new("admin-rule-anchor")));
    }
    let mut texts = Vec::new();
    for field in ["text_en", "text_nb", "text_sv"] {
        texts.push(
            match FreeText::parse(f.value(field), limits::FREE_TEXT, field) {
                Ok(t) => t.as_str().to_string(),
                Err(m) => {
                    errors.push(FieldError::new(field, m));
                    String::new()
                }
            },
        );
    }
    let category = f.value("category").trim().to_string();
    let active = checked(f, "active");
    let verify = checked(f, "verify_before_production");
    db::write_transaction(conn, |conn| {
        let existing = db::registers::find_rule(conn, &id)?;
        if existing.is_none() && !valid_rule_id(&id) {
            errors.push(FieldError::new("id", Msg::new("admin-rule-id-invalid")));
        }
        if db::registers::find_category(conn, &category)?.is_none() {
            errors.push(FieldError::new("category", Msg::new("admin-rule-category")));
        }
        if !errors.is_empty() {
            return Err(WorkflowError::Invalid(std::mem::take(&mut errors)));
        }
        let (Some(unit), Some(anchor)) = (unit, anchor) else {
            return Err(WorkflowError::Internal("rule checked without unit".into()));
        };
        let row = RetentionRule {
            id: id.clone(),
            category_code: category.clone(),
            citation: citation.clone(),
            amount,
            unit: unit.as_str().into(),
            anchor: anchor.as_str().into(),
            text_en: texts[0].clone(),
            text_nb: texts[1].clone(),
            text_sv: texts[2].clone(),
            verify_before_production: verify,
            active,
            position: match &existing {
                Some(e) => e.position,
                None => db::registers::next_rule_position(conn)?,
            },
        };
        let action = if existing.is_some() {
            db::registers::update_rule(conn, &row)?;
            "rule_changed"
        } else {
            db::registers::insert_rule(conn, &row)?;
            "rule_added"
        };
        let note = format!(
            "{id}: {category}, {amount} {} after {}",
            unit.as_str(),
            anchor.as_str()
        );
        audit_register(conn, ctx, by, action, &note)?;
        Ok(id.clone())
    })
}
