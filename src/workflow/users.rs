//! Handler accounts: the first admin (setup link or CLI), password checks.

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;
use chrono::Duration;

use super::{live_token, use_token, Actor, Ctx, WorkflowError};
use crate::db::models::{NewToken, NewUser, User};
use crate::db::{self, DbConn};
use crate::domain::kinds::FormInput;
use crate::domain::msg::Msg;
use crate::domain::newtypes::{limits, EmailAddress, FieldError, ShortText};
use crate::domain::roles::Role;
use crate::domain::tokens::{self, Purpose};
use crate::mail::messages::{self, PasswordLinkMail};
use crate::mail::outbox::enqueue;

pub const MIN_PASSWORD: usize = 12;
pub const MAX_PASSWORD: usize = 1024;

#[derive(Debug, Clone)]
pub struct NewUserInput {
    pub email: EmailAddress,
    pub name: ShortText,
    pub role: Role,
    pub password: String,
}

/// A handler account as pages and rules see it: never its password hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub active: bool,
    /// Wants the daily digest (`workflow::digest`).
    pub digest: bool,
    /// Acting through an API key (issue 13): the key's id and name, for the audit trail.
    pub via_key: Option<(String, String)>,
}

impl Staff {
    pub(crate) fn from_row(u: &User) -> Result<Self, WorkflowError> {
        Ok(Self {
            id: u.id.clone(),
            email: u.email.clone(),
            name: u.name.clone(),
            role: u.role()?,
            active: u.active,
            digest: u.digest,
            via_key: None,
        })
    }

    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }

    /// This account as the actor of an audit event.
    pub fn actor(&self) -> Actor<'_> {
        match &self.via_key {
            Some((id, name)) => Actor::ApiKeyFor {
                id,
                name,
                user: &self.email,
            },
            None => Actor::User {
                id: &self.id,
                email: &self.email,
            },
        }
    }
}

fn staff(u: Option<User>) -> Result<Staff, WorkflowError> {
    Staff::from_row(&u.ok_or(WorkflowError::NotFound)?)
}

/// Every account, active first (the admins' list).
pub fn list(conn: &mut DbConn) -> Result<Vec<Staff>, WorkflowError> {
    db::users::list(conn)?.iter().map(Staff::from_row).collect()
}

/// One account by id.
pub fn find(conn: &mut DbConn, id: &str) -> Result<Staff, WorkflowError> {
    staff(db::users::find(conn, id)?)
}

pub fn parse_password(raw: &str) -> Result<String, Msg> {
    let n = raw.chars().count();
    if n < MIN_PASSWORD {
        return Err(Msg::new("user-password-too-short").arg("min", MIN_PASSWORD));
    }
    if n > MAX_PASSWORD {
        return Err(Msg::new("user-password-too-long").arg("max", MAX_PASSWORD));
    }
    Ok(raw.to_string())
}

/// A new password from a form's `password` and `password_again` fields (setup, the
/// account page, a password link): long enough, not too long, typed the same twice.
pub fn parse_new_password(f: &dyn FormInput) -> Result<String, FieldError> {
    let password =
        parse_password(f.value("password")).map_err(|m| FieldError::new("password", m))?;
    if password != f.value("password_again") {
        return Err(FieldError::new(
            "password_again",
            Msg::new("user-passwords-differ"),
        ));
    }
    Ok(password)
}

pub fn parse_role(raw: &str) -> Result<Role, String> {
    Role::parse(raw)
        .ok_or_else(|| format!("'{raw}' is not a role; choose admin, handler or auditor"))
}

/// From the setup form (fields email, name, password, password_again).
pub fn parse_new_user(f: &dyn FormInput, role: Role) -> Result<NewUserInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let email = EmailAddress::parse(f.value("email"))
        .map_err(|m| errors.push(FieldError::new("email", m)))
        .ok();
    let name = ShortText::parse(f.value("name"), limits::NAME, "your name")
        .map_err(|m| errors.push(FieldError::new("name", m)))
        .ok();
    let password = parse_new_password(f).map_err(|e| errors.push(e)).ok();
    match (email, name, password) {
        (Some(email), Some(name), Some(password)) if errors.is_empty() => Ok(NewUserInput {
            email,
            name,
            role,
            password,
        }),
        _ => Err(errors),
    }
}

pub fn hash_password(password: &str) -> Result<String, WorkflowError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| WorkflowError::Internal(format!("cannot hash password: {e}")))
}

fn password_matches(password: &str, stored: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), stored)
        .is_ok()
}

/// The user, if the email and password match an active account.
pub fn authenticate(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    email: &str,
    password: &str,
) -> Result<Option<Staff>, WorkflowError> {
    let email = match EmailAddress::parse(email) {
        Ok(e) => e,
        Err(_) => return Ok(None),
    };
    match db::users::find_by_email(conn, email.as_str())? {
        Some(user) if user.active && password_matches(password, &user.password_hash) => {
            db::users::touch_login(conn, &user.id, ctx.now_db())?;
            Ok(Some(Staff::from_row(&user)?))
        }
        Some(_) => Ok(None),
        None => {
            // Spend the same time as a real check, so timing does not reveal accounts.
            let _ = password_matches(password, dummy_hash());
            Ok(None)
        }
    }
}

fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password("no such account, no such password").unwrap_or_default())
}

pub fn create_user(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    input: &NewUserInput,
) -> Result<Staff, WorkflowError> {
    let hash = hash_password(&input.password)?;
    let id = uuid::Uuid::new_v4().to_string();
    db::write_transaction(conn, |conn| {
        if db::users::find_by_email(conn, input.email.as_str())?.is_some() {
            return Err(WorkflowError::Invalid(vec![FieldError::new(
                "email",
                Msg::new("user-email-taken"),
            )]));
        }
        db::users::insert(
            conn,
            &NewUser {
                id: &id,
                email: input.email.as_str(),
                name: input.name.as_str(),
                role: input.role.as_str(),
                password_hash: &hash,
                active: true,
                created_at: ctx.now_db(),
            },
        )?;
        staff(db::users::find(conn, &id)?)
    })
}

/// With no accounts yet, make a one-time setup link (valid 24 hours) for the first admin.
pub fn setup_link_if_no_users(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
) -> Result<Option<String>, WorkflowError> {
    if db::users::count(conn)? > 0 {
        return Ok(None);
    }
    let token = tokens::generate();
    let now = ctx.now_db();
    db::tokens::insert(
        conn,
        &NewToken {
            id: &uuid::Uuid::new_v4().to_string(),
            token_hash: &token.hash,
            purpose: Purpose::Setup.as_str(),
            request_id: None,
            email: None,
            expires_at: now + Duration::hours(24),
            created_at: now,
        },
    )?;
    Ok(Some(format!(
        "{}/setup/{}",
        ctx.settings.base_url, token.secret
    )))
}

pub fn check_setup_token(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    secret: &str,
) -> Result<(), WorkflowError> {
    if db::users::count(conn)? > 0 {
        return Err(WorkflowError::NotFound);
    }
    live_token(conn, secret, Purpose::Setup, ctx.now_db()).map(|_| ())
}

/// Use the setup link: only while there are no accounts, and only once.
pub fn create_first_admin(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    secret: &str,
    input: &NewUserInput,
) -> Result<Staff, WorkflowError> {
    let hash = hash_password(&input.password)?;
    let id = uuid::Uuid::new_v4().to_string();
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        if db::users::count(conn)? > 0 {
            return Err(WorkflowError::NotFound);
        }
        use_token(conn, secret, Purpose::Setup, now)?;
        db::users::insert(
            conn,
            &NewUser {
                id: &id,
                email: input.email.as_str(),
                name: input.name.as_str(),
                role: Role::Admin.as_str(),
                password_hash: &hash,
                active: true,
                created_at: now,
            },
        )?;
        staff(db::users::find(conn, &id)?)
    })
}

/// An account change in the audit trail (accountability, Art. 5(2)): who did what to
/// which account.
fn audit_account(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    actor: &Actor<'_>,
    action: &str,
    user_id: &str,
) -> Result<(), WorkflowError> {
    db::audit::record(
        conn,
        &crate::db::models::NewAuditEvent {
            request_id: None,
            actor: &actor.label(),
            action,
            from_status: None,
            to_status: None,
            note: Some(&format!("account {user_id}")),
            at: ctx.now_db(),
        },
    )?;
    Ok(())
}

/// Someone must always be able to manage accounts: the last active admin may be neither
/// deactivated nor demoted (checked inside the write transaction, so two admins removing
/// each other at once cannot both succeed).
fn refuse_losing_the_last_admin(conn: &mut DbConn, target: &Staff) -> Result<(), WorkflowError> {
    if target.active && target.role == Role::Admin && db::users::active_admins(conn)? <= 1 {
        return Err(WorkflowError::Conflict(Msg::new("user-last-admin")));
    }
    Ok(())
}

/// Give an account another role. Its sessions end, so the new rights apply at once.
pub fn change_role(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    actor: &Actor<'_>,
    user_id: &str,
    role: Role,
) -> Result<Staff, WorkflowError> {
    db::write_transaction(conn, |conn| {
        let target = staff(db::users::find(conn, user_id)?)?;
        if target.role == role {
            return Ok(target);
        }
        if role != Role::Admin {
            refuse_losing_the_last_admin(conn, &target)?;
        }
        db::users::set_role(conn, user_id, role.as_str())?;
        db::sessions::delete_for_user(conn, user_id)?;
        db::audit::record(
            conn,
            &crate::db::models::NewAuditEvent {
                request_id: None,
                actor: &actor.label(),
                action: "role_changed",
                from_status: None,
                to_status: None,
                note: Some(&format!(
                    "account {user_id}: {} -> {}",
                    target.role.as_str(),
                    role.as_str()
                )),
                at: ctx.now_db(),
            },
        )?;
        staff(db::users::find(conn, user_id)?)
    })
}

/// Switch one's own daily digest on or off (the account page). Audited, like every
/// change to an account.
pub fn set_digest(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    me: &Staff,
    on: bool,
) -> Result<Staff, WorkflowError> {
    db::write_transaction(conn, |conn| {
        if !db::users::set_digest(conn, &me.id, on)? {
            return Err(WorkflowError::NotFound);
        }
        db::audit::record(
            conn,
            &crate::db::models::NewAuditEvent {
                request_id: None,
                actor: &me.actor().label(),
                action: if on { "digest_on" } else { "digest_off" },
                from_status: None,
                to_status: None,
                note: Some(&format!("account {}", me.id)),
                at: ctx.now_db(),
            },
        )?;
        staff(db::users::find(conn, &me.id)?)
    })
}

/// Deactivate an account: it can no longer log in, and its sessions end at once.
pub fn deactivate(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    actor: &Actor<'_>,
    user_id: &str,
) -> Result<Staff, WorkflowError> {
    db::write_transaction(conn, |conn| {
        let target = staff(db::users::find(conn, user_id)?)?;
        refuse_losing_the_last_admin(conn, &target)?;
        if !db::users::set_active(conn, user_id, false)? {
            return Err(WorkflowError::NotFound);
        }
        db::sessions::delete_for_user(conn, user_id)?;
        audit_account(conn, ctx, actor, "account_deactivated", user_id)?;
        staff(db::users::find(conn, user_id)?)
    })
}

/// Set a new password: every session of the account ends (the caller starts a fresh one
/// for the person who just changed it).
pub fn change_password(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    actor: &Actor<'_>,
    user_id: &str,
    new_password: &str,
) -> Result<(), WorkflowError> {
    let password = parse_password(new_password)
        .map_err(|m| WorkflowError::Invalid(vec![FieldError::new("password", m)]))?;
    let hash = hash_password(&password)?;
    db::write_transaction(conn, |conn| {
        if !db::users::set_password_hash(conn, user_id, &hash)? {
            return Err(WorkflowError::NotFound);
        }
        db::sessions::delete_for_user(conn, user_id)?;
        audit_account(conn, ctx, actor, "password_changed", user_id)
    })
}

/// Check an account's current password (before a change).
pub fn password_is(
    conn: &mut DbConn,
    user_id: &str,
    password: &str,
) -> Result<bool, WorkflowError> {
    let user = db::users::find(conn, user_id)?.ok_or(WorkflowError::NotFound)?;
    Ok(password_matches(password, &user.password_hash))
}

/// Give an account another address (an admin resolving two accounts that became one
/// address, issue 5 item 1). Its sessions end.
pub fn set_email(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    actor: &Actor<'_>,
    user_id: &str,
    email: &EmailAddress,
) -> Result<Staff, WorkflowError> {
    db::write_transaction(conn, |conn| {
        if let Some(other) = db::users::find_by_email(conn, email.as_str())? {
            if other.id != user_id {
                return Err(WorkflowError::Invalid(vec![FieldError::new(
                    "email",
                    Msg::new("user-email-taken"),
                )]));
            }
        }
        if !db::users::set_email(conn, user_id, email.as_str())? {
            return Err(WorkflowError::NotFound);
        }
        db::sessions::delete_for_user(conn, user_id)?;
        audit_account(conn, ctx, actor, "account_email_changed", user_id)?;
        staff(db::users::find(conn, user_id)?)
    })
}

// --- Password links: invitations, resets, "forgot password" (issue 9) --------------------

/// How long a link to set a password works, counted from when its email is sent.
pub const PASSWORD_LINK_HOURS: i64 = 72;

/// Stored instead of a hash for an invited account until its owner sets a password: no
/// password matches it (it is not a hash), so nobody can log in with it.
const NO_PASSWORD_YET: &str = "!invited";

/// A new single-use link for the account, emailed to its address in the caller's
/// transaction; earlier links for the account stop working.
fn queue_password_link(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    user: &Staff,
    invite: bool,
) -> Result<(), WorkflowError> {
    let now = ctx.now_db();
    db::tokens::use_all(
        conn,
        db::tokens::TokensOf::Email(&user.email),
        Purpose::Password.as_str(),
        now,
    )?;
    let token = tokens::generate();
    let token_id = uuid::Uuid::new_v4().to_string();
    db::tokens::insert(
        conn,
        &NewToken {
            id: &token_id,
            token_hash: &token.hash,
            purpose: Purpose::Password.as_str(),
            request_id: None,
            email: Some(&user.email),
            expires_at: now + Duration::hours(PASSWORD_LINK_HOURS),
            created_at: now,
        },
    )?;
    let mail = PasswordLinkMail {
        name: user.name.clone(),
        invite,
        link: format!("{}/password/{}", ctx.settings.base_url, token.secret),
        valid_hours: PASSWORD_LINK_HOURS,
    }
    .render(
        &messages::tr(ctx.settings, ctx.settings.language),
        &user.email,
    )?
    .carrying(&token_id, &token.secret);
    enqueue(conn, &ctx.sealer(), &mail, None, now)?;
    Ok(())
}

/// From the admins' invite form (fields email, name, role).
pub fn parse_invite(f: &dyn FormInput) -> Result<(EmailAddress, ShortText, Role), Vec<FieldError>> {
    let mut errors = Vec::new();
    let email = EmailAddress::parse(f.value("email"))
        .map_err(|m| errors.push(FieldError::new("email", m)))
        .ok();
    let name = ShortText::parse(f.value("name"), limits::NAME, "a name")
        .map_err(|m| errors.push(FieldError::new("name", m)))
        .ok();
    let role = Role::parse(f.value("role"));
    if role.is_none() {
        errors.push(FieldError::new("role", Msg::new("user-role-choose")));
    }
    match (email, name, role) {
        (Some(e), Some(n), Some(r)) if errors.is_empty() => Ok((e, n, r)),
        _ => Err(errors),
    }
}

/// Invite someone: the account exists at once (with no usable password) and its owner
/// gets a single-use link to set one. Audited.
pub fn invite(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    actor: &Actor<'_>,
    email: &EmailAddress,
    name: &ShortText,
    role: Role,
) -> Result<Staff, WorkflowError> {
    let id = uuid::Uuid::new_v4().to_string();
    db::write_transaction(conn, |conn| {
        if db::users::find_by_email(conn, email.as_str())?.is_some() {
            return Err(WorkflowError::Invalid(vec![FieldError::new(
                "email",
                Msg::new("user-email-taken"),
            )]));
        }
        db::users::insert(
            conn,
            &NewUser {
                id: &id,
                email: email.as_str(),
                name: name.as_str(),
                role: role.as_str(),
                password_hash: NO_PASSWORD_YET,
                active: true,
                created_at: ctx.now_db(),
            },
        )?;
        let user = staff(db::users::find(conn, &id)?)?;
        queue_password_link(conn, ctx, &user, true)?;
        audit_account(conn, ctx, actor, "account_invited", &id)?;
        Ok(user)
    })
}

/// An admin sends an account a link to set a new password (the old one keeps working
/// until then). Audited.
pub fn send_reset_link(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    actor: &Actor<'_>,
    user_id: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let user = staff(db::users::find(conn, user_id)?)?;
        if !user.active {
            return Err(WorkflowError::Conflict(Msg::new("user-inactive")));
        }
        queue_password_link(conn, ctx, &user, false)?;
        audit_account(conn, ctx, actor, "password_link_sent", user_id)
    })
}

/// "Forgot password" on the login page: a link goes to an active account with this
/// address; for any other address nothing happens. The caller answers the same either
/// way, so the page does not reveal who has an account.
pub fn forgot_password(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    raw_email: &str,
) -> Result<(), WorkflowError> {
    let Ok(email) = EmailAddress::parse(raw_email) else {
        return Ok(());
    };
    db::write_transaction(conn, |conn| {
        let Some(user) = db::users::find_by_email(conn, email.as_str())? else {
            return Ok(());
        };
        let user = Staff::from_row(&user)?;
        if !user.active {
            return Ok(());
        }
        queue_password_link(conn, ctx, &user, false)?;
        audit_account(
            conn,
            ctx,
            &Actor::System,
            "password_link_requested",
            &user.id,
        )
    })
}

/// Whose link this is, while it works (for the page that asks for the new password).
pub fn password_link_owner(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    secret: &str,
) -> Result<Staff, WorkflowError> {
    let token = live_token(conn, secret, Purpose::Password, ctx.now_db())?;
    owner_of(conn, &token)
}

fn owner_of(conn: &mut DbConn, token: &crate::db::models::Token) -> Result<Staff, WorkflowError> {
    let email = token.email.as_deref().ok_or(WorkflowError::NotFound)?;
    let user = db::users::find_by_email(conn, email)?.ok_or(WorkflowError::NotFound)?;
    let user = Staff::from_row(&user)?;
    if !user.active {
        return Err(WorkflowError::NotFound);
    }
    Ok(user)
}

/// Use the link: set the password (once; a second use finds nothing), end every session
/// of the account, audit it.
pub fn set_password_with_link(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    secret: &str,
    new_password: &str,
) -> Result<Staff, WorkflowError> {
    let password = parse_password(new_password)
        .map_err(|m| WorkflowError::Invalid(vec![FieldError::new("password", m)]))?;
    let hash = hash_password(&password)?;
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        let token = use_token(conn, secret, Purpose::Password, now)?;
        let user = owner_of(conn, &token)?;
        db::users::set_password_hash(conn, &user.id, &hash)?;
        db::sessions::delete_for_user(conn, &user.id)?;
        audit_account(
            conn,
            ctx,
            &Actor::User {
                id: &user.id,
                email: &user.email,
            },
            "password_set_by_link",
            &user.id,
        )?;
        Ok(user)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let h = hash_password("correct horse battery").expect("hash");
        assert!(h.starts_with("$argon2id$"));
        assert!(password_matches("correct horse battery", &h));
        assert!(!password_matches("wrong horse battery", &h));
        assert!(!password_matches("anything", "not a hash"));
    }

    #[test]
    fn short_passwords_are_refused() {
        assert!(parse_password("short").is_err());
        assert!(parse_password("long enough password").is_ok());
    }

    #[test]
    fn roles_are_a_closed_list() {
        assert_eq!(parse_role("handler"), Ok(Role::Handler));
        assert!(parse_role("root").is_err());
    }
}
