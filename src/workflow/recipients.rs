//! The recipients register (issue 11): whom personal data is disclosed to, with the
//! categories each receives (to preselect Art. 19 notices), its kind, country, transfer
//! safeguard outside the EEA, and the identifiers a notice may carry. Admins edit it;
//! every change is audited.

use super::users::Staff;
use super::{Conn, Ctx, WorkflowError};
use crate::db::models::NewAuditEvent;
use crate::db::{self};
use crate::domain::kinds::FormInput;
use crate::domain::msg::Msg;
use crate::domain::newtypes::{EmailAddress, FieldError, ShortText};
use crate::domain::recipients::{in_eea, valid_country, Identifier, RecipientKind};

/// A recipient as stored (the admin page reads it).
pub use crate::db::models::Recipient;

/// Every recipient with the categories it receives, in register order.
pub fn list(conn: &mut Conn) -> Result<Vec<(Recipient, Vec<String>)>, WorkflowError> {
    Ok(db::recipients::all(conn)?)
}

/// An id an admin may give: 1–60 of `a-z`, `0-9`, `-`, `_`, starting with a letter.
fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some('a'..='z'))
        && id.len() <= 60
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_' | '-'))
}

/// Add a recipient (`id` is new) or change one. Outside the EEA a transfer safeguard is
/// required (GDPR Chapter V).
pub fn save(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    f: &dyn FormInput,
) -> Result<String, WorkflowError> {
    if !by.is_admin() {
        return Err(WorkflowError::NotFound);
    }
    let id = f.value("id").trim().to_string();
    let mut errors = Vec::new();
    let name = ShortText::parse(f.value("name"), 200, "name")
        .map_err(|m| errors.push(FieldError::new("name", m)))
        .ok();
    let email = EmailAddress::parse(f.value("email"))
        .map_err(|m| errors.push(FieldError::new("email", m)))
        .ok();
    let kind = RecipientKind::parse(f.value("kind"));
    if kind.is_none() {
        errors.push(FieldError::new("kind", Msg::new("admin-recipient-kind")));
    }
    let country = f.value("country").trim().to_uppercase();
    if !valid_country(&country) {
        errors.push(FieldError::new(
            "country",
            Msg::new("admin-recipient-country"),
        ));
    }
    let safeguard = ShortText::parse_optional(f.value("safeguard"), 500, "safeguard")
        .map_err(|m| errors.push(FieldError::new("safeguard", m)))
        .ok()
        .flatten()
        .map(ShortText::into_string);
    if valid_country(&country) && !in_eea(&country) && safeguard.is_none() {
        errors.push(FieldError::new(
            "safeguard",
            Msg::new("admin-recipient-safeguard"),
        ));
    }
    let identifiers: Vec<&str> = f
        .values("identifiers")
        .into_iter()
        .filter(|i| Identifier::parse(i).is_some())
        .collect();
    let mut categories: Vec<String> = f
        .values("categories")
        .iter()
        .map(|c| c.to_string())
        .collect();
    categories.sort();
    categories.dedup();
    let active = matches!(f.value("active"), "on" | "true" | "1" | "yes");
    db::write_transaction(conn, |conn| {
        let existing = db::recipients::find(conn, &id)?;
        if existing.is_none() && !valid_id(&id) {
            errors.push(FieldError::new("id", Msg::new("admin-rule-id-invalid")));
        }
        for c in &categories {
            if db::registers::find_category(conn, c)?.is_none() {
                errors.push(FieldError::new(
                    "categories",
                    Msg::new("field-category-unknown"),
                ));
                break;
            }
        }
        if !errors.is_empty() {
            return Err(WorkflowError::Invalid(std::mem::take(&mut errors)));
        }
        let (Some(name), Some(email), Some(kind)) = (&name, &email, kind) else {
            return Err(WorkflowError::Internal(
                "recipient checked without fields".into(),
            ));
        };
        let row = Recipient {
            id: id.clone(),
            name: name.as_str().to_string(),
            email: email.as_str().to_string(),
            kind: kind.as_str().into(),
            country: country.clone(),
            safeguard: safeguard.clone(),
            identifiers: identifiers.join(","),
            active,
            position: match &existing {
                Some(e) => e.position,
                None => db::recipients::next_position(conn)?,
            },
        };
        let action = if existing.is_some() {
            db::recipients::update(conn, &row)?;
            "recipient_changed"
        } else {
            db::recipients::insert(conn, &row)?;
            "recipient_added"
        };
        db::recipients::set_categories(conn, &id, &categories)?;
        db::audit::record(
            conn,
            &NewAuditEvent {
                request_id: None,
                actor: &by.actor().label(),
                action,
                from_status: None,
                to_status: None,
                note: Some(&format!("{id}: {}", categories.join(", "))),
                at: ctx.now_db(),
            },
        )?;
        Ok(id.clone())
    })
}
