//! The web layer's error: every variant renders a page with a 4xx or 5xx status and a
//! message a person can act on. Internal details go to the log, never to the page.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use crate::workflow::WorkflowError;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("This page does not exist, or the link has expired or was already used.")]
    NotFound,
    #[error("{0}")]
    BadRequest(String),
    #[error("Your form has expired or did not come from this site. Go back, reload the page and try again.")]
    Csrf,
    #[error("{0}")]
    Conflict(String),
    /// Existed once, and never will again (a deleted file, a used link).
    #[error("{0}")]
    Gone(String),
    #[error("The data you sent is too large.")]
    TooLarge,
    #[error("Too many attempts. Please wait a few minutes and try again.")]
    TooManyRequests,
    #[error("You need to log in to see this page.")]
    LoginRequired,
    #[error("Your role does not allow this.")]
    Forbidden,
    #[error("Something went wrong on our side. Please try again later.")]
    Internal(String),
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    title: &'a str,
    message: String,
}

impl ResponseError for WebError {
    fn status_code(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::Csrf | WebError::Forbidden => StatusCode::FORBIDDEN,
            WebError::Conflict(_) => StatusCode::CONFLICT,
            WebError::Gone(_) => StatusCode::GONE,
            WebError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            WebError::LoginRequired => StatusCode::SEE_OTHER,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let WebError::LoginRequired = self {
            return super::redirect("/login");
        }
        if let WebError::Internal(detail) = self {
            // The details go to the log under an id; the page shows only the id, so a
            // person can quote it and an operator can find the cause (issue 5 item 12).
            let error_id = new_error_id();
            tracing::error!(%error_id, %detail, "internal error");
            return internal_error_page(&error_id);
        }
        let title = match self {
            WebError::NotFound => "Not found",
            WebError::Conflict(_) => "Not possible",
            WebError::Gone(_) => "No longer available",
            WebError::Csrf | WebError::Forbidden => "Not allowed",
            WebError::TooManyRequests => "Too many attempts",
            WebError::Internal(_) => "Error",
            _ => "Cannot accept this",
        };
        super::page(
            self.status_code(),
            &ErrorPage {
                title,
                message: self.to_string(),
            },
        )
    }
}

impl From<WorkflowError> for WebError {
    fn from(e: WorkflowError) -> Self {
        match e {
            WorkflowError::NotFound => WebError::NotFound,
            WorkflowError::Invalid(errors) => WebError::BadRequest(
                errors
                    .iter()
                    .map(|e| e.message.clone())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            WorkflowError::Transition(t) => WebError::Conflict(capitalise_sentence(&t.to_string())),
            WorkflowError::Conflict(m) => WebError::Conflict(capitalise_sentence(&m)),
            WorkflowError::Db(e) => WebError::Internal(e.to_string()),
            WorkflowError::Template(e) => WebError::Internal(e.to_string()),
            WorkflowError::Internal(m) => WebError::Internal(m),
        }
    }
}

/// A short id for one internal failure, shown on the page and written to the log.
pub fn new_error_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..12].to_string()
}

/// The 500 page: a short message and the error id, nothing else.
pub fn internal_error_page(error_id: &str) -> HttpResponse {
    let body = ErrorPage {
        title: "Error",
        message: format!(
            "Something went wrong on our side. Please try again later. If it happens again, \
             quote error id {error_id}."
        ),
    }
    .render()
    .unwrap_or_else(|_| format!("Something went wrong on our side. Error id {error_id}."));
    HttpResponse::InternalServerError()
        .content_type("text/html; charset=utf-8")
        .body(body)
}

fn capitalise_sentence(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => format!("{}{}.", f.to_uppercase(), c.as_str().trim_end_matches('.')),
        None => String::new(),
    }
}
