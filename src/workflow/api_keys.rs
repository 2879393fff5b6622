//! API keys (issue 13): admins create them (the secret is shown once; only its SHA-256
//! is stored) and revoke them; every API call presents one (`authenticate`). A key has a
//! name, scopes and an optional last day. Creating and revoking are audited as register
//! changes; what a key does is audited under its name (`Actor::ApiKey`).

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::registers::{admin_only, audit_register, required_text};
use super::users::Staff;
use super::{Actor, Conn, Ctx, WorkflowError};
use crate::db::{self, DbConn};
use crate::domain::api::{parse_scopes, store_scopes, Scope};
use crate::domain::kinds::FormInput;
use crate::domain::msg::Msg;
use crate::domain::newtypes::FieldError;
use crate::domain::tokens;
use crate::time::{local_date, local_instant};

pub use crate::db::models::ApiKey;

/// Every key starts with this, so that a leaked one is easy to recognise (secret
/// scanners) and to tell from other tokens.
pub const KEY_PREFIX: &str = "dsr_";
/// Characters of the key kept in clear to recognise it in the list.
const SHOWN_CHARS: usize = 12;
const NAME_MAX: usize = 100;

/// The caller of an API request: the key, its name and its scopes.
#[derive(Debug, Clone)]
pub struct ApiClient {
    pub id: String,
    pub name: String,
    pub scopes: Vec<Scope>,
    /// For `requests:act`: the active handler or admin it acts as, marked with the key.
    pub acts_as: Option<Staff>,
}

impl ApiClient {
    pub fn actor(&self) -> Actor<'_> {
        Actor::ApiKey {
            id: &self.id,
            name: &self.name,
        }
    }

    pub fn may(&self, scope: Scope) -> bool {
        self.scopes.contains(&scope)
    }
}

/// Why a key was not accepted (all answer 401).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyRefusal {
    Unknown,
    Revoked,
    Expired,
}

/// A key as the admin page lists it.
#[derive(Debug, Clone)]
pub struct KeyLine {
    pub key: ApiKey,
    /// The name of the account it acts as.
    pub acts_as: Option<String>,
    pub scopes: Vec<Scope>,
    /// The last day it works, local.
    pub last_day: Option<NaiveDate>,
    pub expired: bool,
}

pub fn list(conn: &mut DbConn, ctx: &Ctx<'_>) -> Result<Vec<KeyLine>, WorkflowError> {
    let now = ctx.now_db();
    let tz = ctx.settings.timezone;
    let accounts = super::users::list(conn)?;
    Ok(db::api_keys::all(conn)?
        .into_iter()
        .map(|key| KeyLine {
            acts_as: key.acts_as.as_ref().map(|id| {
                accounts
                    .iter()
                    .find(|a| &a.id == id)
                    .map(|a| format!("{} ({})", a.name, a.email))
                    .unwrap_or_else(|| id.clone())
            }),
            scopes: parse_scopes(&key.scopes),
            last_day: key
                .expires_at
                .map(|at| local_date(at - Duration::seconds(1), tz)),
            expired: key.expires_at.is_some_and(|at| at <= now),
            key,
        })
        .collect())
}

/// A new key and its secret, which is never shown again.
pub struct CreatedKey {
    pub key: ApiKey,
    pub secret: String,
}

/// Create a key (admins): a name, at least one scope, an optional last day (today or
/// later; the key stops at the end of that day, local time).
pub fn create(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    f: &dyn FormInput,
) -> Result<CreatedKey, WorkflowError> {
    admin_only(by)?;
    let mut errors = Vec::new();
    let name = required_text(f, "name", NAME_MAX, &mut errors);
    let mut scopes = Vec::new();
    for s in f.values("scope") {
        match Scope::parse(s) {
            Some(scope) => scopes.push(scope),
            None => errors.push(FieldError::new("scope", Msg::new("api-key-scope-unknown"))),
        }
    }
    if scopes.is_empty() && !errors.iter().any(|e| e.field == "scope") {
        errors.push(FieldError::new("scope", Msg::new("api-key-scope-none")));
    }
    // Handler actions are done for an account: its permissions, its name on notes,
    // questions and assignments, and the key's name in the audit trail.
    let acts_as = if scopes.contains(&Scope::RequestsAct) {
        let chosen = f.value("acts_as").trim();
        let account = if chosen.is_empty() {
            None
        } else {
            db::users::find(conn, chosen)?
                .map(|u| Staff::from_row(&u))
                .transpose()?
                .filter(|u| u.active && u.role.works_cases())
        };
        if account.is_none() {
            errors.push(FieldError::new("acts_as", Msg::new("api-key-acts-as")));
        }
        account.map(|a| a.id)
    } else {
        None
    };
    let tz = ctx.settings.timezone;
    let today = local_date(ctx.now_db(), tz);
    let expires_at = match f.value("last_day").trim() {
        "" => None,
        raw => match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
            Ok(day) if day >= today => day
                .succ_opt()
                .map(|next| local_instant(next, chrono::NaiveTime::MIN, tz)),
            Ok(_) => {
                errors.push(FieldError::new(
                    "last_day",
                    Msg::new("api-key-last-day-past"),
                ));
                None
            }
            Err(_) => {
                errors.push(FieldError::new(
                    "last_day",
                    Msg::new("api-key-last-day-invalid"),
                ));
                None
            }
        },
    };
    if !errors.is_empty() {
        return Err(WorkflowError::Invalid(errors));
    }
    let token = tokens::generate();
    let secret = format!("{KEY_PREFIX}{}", token.secret);
    let key = ApiKey {
        id: uuid::Uuid::new_v4().to_string(),
        name,
        prefix: secret.chars().take(SHOWN_CHARS).collect(),
        key_hash: tokens::hash(&secret),
        scopes: store_scopes(&scopes),
        acts_as,
        created_by: by.id.clone(),
        created_at: ctx.now_db(),
        expires_at,
        revoked_at: None,
        last_used_at: None,
    };
    db::write_transaction(conn, |conn| {
        db::api_keys::insert(conn, &key)?;
        let note = format!("{} ({}), scopes {}", key.name, key.prefix, key.scopes);
        audit_register(conn, ctx, by, "api_key_created", &note)
    })?;
    Ok(CreatedKey { key, secret })
}

/// Revoke a key (admins): it stops at once. Revoking a revoked key changes nothing.
pub fn revoke(conn: &mut Conn, ctx: &Ctx<'_>, by: &Staff, id: &str) -> Result<(), WorkflowError> {
    admin_only(by)?;
    db::write_transaction(conn, |conn| {
        let key = db::api_keys::find(conn, id)?.ok_or(WorkflowError::NotFound)?;
        if db::api_keys::revoke(conn, id, ctx.now_db())? {
            let note = format!("{} ({})", key.name, key.prefix);
            audit_register(conn, ctx, by, "api_key_revoked", &note)?;
        }
        Ok(())
    })
}

/// The key a caller presents (`Authorization: Bearer <secret>`).
pub fn authenticate(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    secret: &str,
) -> Result<Result<ApiClient, KeyRefusal>, WorkflowError> {
    let Some(rest) = secret.strip_prefix(KEY_PREFIX) else {
        return Ok(Err(KeyRefusal::Unknown));
    };
    if !tokens::looks_valid(rest) {
        return Ok(Err(KeyRefusal::Unknown));
    }
    let Some(key) = db::api_keys::by_hash(conn, &tokens::hash(secret))? else {
        return Ok(Err(KeyRefusal::Unknown));
    };
    let now: NaiveDateTime = ctx.now_db();
    if key.revoked_at.is_some() {
        return Ok(Err(KeyRefusal::Revoked));
    }
    if key.expires_at.is_some_and(|at| at <= now) {
        return Ok(Err(KeyRefusal::Expired));
    }
    let acts_as = match &key.acts_as {
        Some(user_id) => db::users::find(conn, user_id)?
            .map(|u| Staff::from_row(&u))
            .transpose()?
            .filter(|u| u.active && u.role.works_cases())
            .map(|mut u| {
                u.via_key = Some((key.id.clone(), key.name.clone()));
                u
            }),
        None => None,
    };
    // The last use is noted at most once a minute: reads stay reads.
    if key
        .last_used_at
        .is_none_or(|at| at < now - Duration::minutes(1))
    {
        db::write_transaction(conn, |conn| db::api_keys::touch(conn, &key.id, now))?;
    }
    Ok(Ok(ApiClient {
        scopes: parse_scopes(&key.scopes),
        id: key.id,
        name: key.name,
        acts_as,
    }))
}
