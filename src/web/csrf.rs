//! CSRF protection for every form (DESIGN §9): a random token kept in the signed and
//! encrypted session cookie and repeated in a hidden field; a POST whose field does not
//! match is refused with 403. The session cookie is also SameSite=Lax.

use actix_session::Session;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;

use super::WebError;

const KEY: &str = "csrf";
pub const FIELD: &str = "csrf_token";

/// The session's token, created on first use.
pub fn token(session: &Session) -> String {
    if let Ok(Some(t)) = session.get::<String>(KEY) {
        return t;
    }
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let t = URL_SAFE_NO_PAD.encode(bytes);
    if let Err(e) = session.insert(KEY, &t) {
        tracing::warn!(error = %e, "cannot store CSRF token in session");
    }
    t
}

/// Forget the session's token, so the next page mints a new one (at login: a token seen
/// before login is worth nothing after it).
pub fn rotate(session: &Session) {
    session.remove(KEY);
}

/// Check a submitted token against the session's, in constant time.
pub fn check(session: &Session, submitted: &str) -> Result<(), WebError> {
    let expected = session
        .get::<String>(KEY)
        .ok()
        .flatten()
        .ok_or(WebError::Csrf)?;
    if !submitted.is_empty() && constant_time_eq(expected.as_bytes(), submitted.as_bytes()) {
        Ok(())
    } else {
        Err(WebError::Csrf)
    }
}

/// Every POST handler starts here: the submitted form, once its token is checked.
pub fn checked_form(
    session: &Session,
    form: actix_web::web::Form<Vec<(String, String)>>,
) -> Result<super::forms::FormData, WebError> {
    let form = super::forms::FormData(form.into_inner());
    check(session, form.get(FIELD))?;
    Ok(form)
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
