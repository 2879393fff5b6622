//! RFC 9457 problem documents: every error of the API, as `application/problem+json`
//! with a `type`, `title`, `status`, `detail` and, for validation, the fields' `errors`.
//! The API speaks English: field messages are the workflow's messages in English.

use std::sync::Arc;

use actix_web::http::{header, StatusCode};
use actix_web::HttpResponse;
use serde::Serialize;

use super::Answer;
use crate::domain::api::Scope;
use crate::domain::lang::Lang;
use crate::domain::msg::Msg;
use crate::domain::newtypes::FieldError;
use crate::i18n::Tr;
use crate::web::{AppState, WebError};
use crate::workflow::WorkflowError;

/// Everything an API call can answer besides success.
#[derive(Debug)]
pub enum ApiError {
    /// No key, or one that is unknown, revoked or expired: why, in words.
    Unauthorized(&'static str),
    Forbidden(Scope),
    /// A `requests:act` key whose account is gone or deactivated.
    ActsForNobody,
    NotFound,
    MethodNotAllowed,
    /// The body or the query cannot be read.
    BadRequest(String),
    Invalid(Vec<FieldError>),
    Conflict(Msg),
    TooLarge,
    /// Seconds until the key may call again.
    TooManyRequests(u64),
    IdempotencyOtherBody,
    IdempotencyRunning,
    Internal(String),
}

impl From<WorkflowError> for ApiError {
    fn from(e: WorkflowError) -> Self {
        match e {
            WorkflowError::NotFound => ApiError::NotFound,
            WorkflowError::Invalid(errors) => ApiError::Invalid(errors),
            WorkflowError::Transition(t) => ApiError::Conflict(t.msg()),
            WorkflowError::Conflict(m) => ApiError::Conflict(m),
            WorkflowError::Db(e) => ApiError::Internal(e.to_string()),
            WorkflowError::Template(e) => ApiError::Internal(e.to_string()),
            WorkflowError::Internal(m) => ApiError::Internal(m),
        }
    }
}

impl ApiError {
    /// An error of the plumbing (`AppState::run`: the pool, the blocking pool).
    pub fn from_web(e: WebError) -> Self {
        match e {
            WebError::NotFound => ApiError::NotFound,
            other => ApiError::Internal(format!("{other:?}")),
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) | ApiError::ActsForNobody => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Invalid(_) | ApiError::IdempotencyOtherBody => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::Conflict(_) | ApiError::IdempotencyRunning => StatusCode::CONFLICT,
            ApiError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn slug_and_title(&self) -> (&'static str, &'static str) {
        match self {
            ApiError::Unauthorized(_) => ("unauthorized", "No valid API key"),
            ApiError::Forbidden(_) => ("forbidden", "The key lacks the scope this needs"),
            ApiError::ActsForNobody => ("forbidden", "The key acts for no active handler"),
            ApiError::NotFound => ("not-found", "Not found"),
            ApiError::MethodNotAllowed => ("method-not-allowed", "Method not allowed"),
            ApiError::BadRequest(_) => ("bad-request", "The request cannot be read"),
            ApiError::Invalid(_) => ("validation", "Some fields are not valid"),
            ApiError::Conflict(_) => ("conflict", "Not possible in the request's state"),
            ApiError::TooLarge => ("too-large", "The body is too large"),
            ApiError::TooManyRequests(_) => ("rate-limited", "Too many requests"),
            ApiError::IdempotencyOtherBody => (
                "idempotency-key-reused",
                "This Idempotency-Key was used with another body",
            ),
            ApiError::IdempotencyRunning => (
                "idempotency-key-running",
                "A call with this Idempotency-Key has not answered",
            ),
            ApiError::Internal(_) => ("internal", "Something went wrong on our side"),
        }
    }
}

/// One field's error in a validation problem.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FieldProblem {
    /// The field as sent (for example `email`, `received_at`, `limit`).
    field: String,
    message: String,
}

/// An RFC 9457 problem document.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// `urn:dsr-tracker:problem:<what>`, e.g. `…:validation`, `…:unauthorized`.
    #[serde(rename = "type")]
    kind: String,
    #[schema(value_type = String)]
    title: &'static str,
    status: u16,
    detail: String,
    /// Validation problems: each field's error.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<FieldProblem>,
}

pub fn english(state: &AppState) -> Tr {
    Tr::new(Lang::En, Arc::clone(&state.site))
}

/// The problem document of an error, as (status, JSON text).
fn problem(state: &AppState, e: &ApiError) -> (StatusCode, String) {
    let t = english(state);
    let status = e.status();
    let (slug, title) = e.slug_and_title();
    let mut errors = Vec::new();
    let detail = match e {
        ApiError::Unauthorized(why) => why.to_string(),
        ApiError::Forbidden(scope) => format!("This needs the scope {}.", scope.as_str()),
        ApiError::ActsForNobody => {
            "The account this key acts for is deactivated or no longer a handler; an admin makes a new key.".into()
        }
        ApiError::NotFound => "There is nothing here, or not for this key.".into(),
        ApiError::MethodNotAllowed => "This method is not allowed here.".into(),
        ApiError::BadRequest(why) => why.clone(),
        ApiError::Invalid(list) => {
            errors = list
                .iter()
                .map(|f| FieldProblem {
                    field: f.field.clone(),
                    message: t.msg(&f.message),
                })
                .collect();
            "Correct the fields in errors and send again; nothing was stored.".into()
        }
        ApiError::Conflict(m) => t.msg(m),
        ApiError::TooLarge => "The body may be at most 64 KiB.".into(),
        ApiError::TooManyRequests(secs) => format!("Try again in {secs} seconds."),
        ApiError::IdempotencyOtherBody => {
            "Use a new Idempotency-Key for a different request body.".into()
        }
        ApiError::IdempotencyRunning => {
            "Wait for the first call's answer, or retry later with the same key.".into()
        }
        ApiError::Internal(detail) => {
            let id = crate::web::errors::new_error_id();
            tracing::error!(error_id = %id, detail = %detail, "api: internal error");
            format!("Quote error id {id} to the administrator.")
        }
    };
    let body = Problem {
        kind: format!("urn:dsr-tracker:problem:{slug}"),
        title,
        status: status.as_u16(),
        detail,
        errors,
    };
    let text = serde_json::to_string(&body).unwrap_or_else(|_| "{}".into());
    (status, text)
}

/// A JSON answer: `application/json` on success, `application/problem+json` otherwise.
pub fn raw(status: StatusCode, body: String) -> HttpResponse {
    let kind = if status.is_success() {
        "application/json"
    } else {
        "application/problem+json"
    };
    HttpResponse::build(status)
        .insert_header((header::CONTENT_TYPE, kind))
        .body(body)
}

/// An outcome as the answer to keep and send.
pub fn answer(state: &AppState, r: Result<Answer, ApiError>) -> Answer {
    match r {
        Ok(a) => a,
        Err(e) => {
            let (status, body) = problem(state, &e);
            Answer { status, body }
        }
    }
}

pub fn send(state: &AppState, r: Result<Answer, ApiError>) -> HttpResponse {
    let a = answer(state, r);
    raw(a.status, a.body)
}

/// An outcome as a response, with the headers an error calls for.
pub fn respond(state: &AppState, r: Result<HttpResponse, ApiError>) -> HttpResponse {
    let e = match r {
        Ok(response) => return response,
        Err(e) => e,
    };
    let (status, body) = problem(state, &e);
    let mut response = raw(status, body);
    let headers = response.headers_mut();
    match &e {
        ApiError::Unauthorized(_) => {
            headers.insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        ApiError::TooManyRequests(secs) => {
            if let Ok(v) = header::HeaderValue::from_str(&secs.to_string()) {
                headers.insert(header::RETRY_AFTER, v);
            }
        }
        _ => {}
    }
    response
}
