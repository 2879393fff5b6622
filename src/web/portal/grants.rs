//! What a subject's browser may see (DESIGN §9, issue 5 items 2 and 3). Subjects get no
//! row on the server: the signed, encrypted cookie holds a few grants, each made by one
//! emailed link and carrying that link token's id and expiry. Every page checks both, so
//! a grant ends when its link expires or is removed. A status link grants its own request
//! only; a "track my requests" link grants the address's list.

use actix_session::Session;
use actix_web::web;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::web::{AppState, WebError};
use crate::workflow::intake::{self, Access};
use crate::workflow::view::Opens;

const KEY: &str = "subject_grants";
/// A browser holds at most this many links' grants; the oldest goes first.
const MAX_GRANTS: usize = 8;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Grant {
    pub token_id: String,
    pub email: String,
    pub request_id: Option<String>,
    pub expires_at: NaiveDateTime,
}

impl From<Access> for Grant {
    fn from(a: Access) -> Self {
        Self {
            token_id: a.token_id,
            email: a.email,
            request_id: a.request_id,
            expires_at: a.expires_at,
        }
    }
}

impl Grant {
    /// What this grant opens.
    pub fn opens(&self) -> Opens {
        Opens {
            email: self.email.clone(),
            request_id: self.request_id.clone(),
        }
    }
}

fn stored(session: &Session) -> Vec<Grant> {
    session
        .get::<Vec<Grant>>(KEY)
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// Remember what a link just opened.
pub fn add(session: &Session, access: Access) -> Result<(), WebError> {
    let grant = Grant::from(access);
    let mut grants = stored(session);
    grants.retain(|g| g.token_id != grant.token_id);
    grants.push(grant);
    if grants.len() > MAX_GRANTS {
        let extra = grants.len() - MAX_GRANTS;
        grants.drain(..extra);
    }
    session
        .insert(KEY, grants)
        .map_err(|e| WebError::Internal(e.to_string()))
}

/// The grants still live now: unexpired, and their link token still on the server.
pub async fn live(state: &web::Data<AppState>, session: &Session) -> Result<Vec<Grant>, WebError> {
    let grants = stored(session);
    if grants.is_empty() {
        return Ok(grants);
    }
    let now = state.clock.now().naive_utc();
    let unexpired: Vec<Grant> = grants
        .iter()
        .filter(|g| g.expires_at > now)
        .cloned()
        .collect();
    let ids: Vec<String> = unexpired.iter().map(|g| g.token_id.clone()).collect();
    let live_ids = state
        .run(move |conn, ctx| Ok(intake::live_access_tokens(conn, ctx, &ids)?))
        .await?;
    let live: Vec<Grant> = unexpired
        .into_iter()
        .filter(|g| live_ids.contains(&g.token_id))
        .collect();
    if live.len() != grants.len() {
        if live.is_empty() {
            session.remove(KEY);
        } else {
            session
                .insert(KEY, &live)
                .map_err(|e| WebError::Internal(e.to_string()))?;
        }
    }
    Ok(live)
}
