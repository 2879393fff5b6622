//! The web layer's error: every variant renders a page with a 4xx or 5xx status and a
//! message a person can act on. Internal details go to the log, never to the page.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpResponse, ResponseError};
use askama::Template;

use crate::domain::lang::Lang;
use crate::domain::msg::Msg;
use crate::i18n::Tr;
use crate::workflow::WorkflowError;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    BadRequest(Msg),
    /// A form the workflow refused, for a page without its own form to show it on.
    #[error("invalid: {}", .0.iter().map(|m| m.to_string()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Msg>),
    #[error("CSRF token missing or wrong")]
    Csrf,
    #[error("{0}")]
    Conflict(Msg),
    /// Existed once, and never will again (a deleted file, a used link).
    #[error("{0}")]
    Gone(Msg),
    #[error("too large")]
    TooLarge,
    #[error("too many requests")]
    TooManyRequests,
    #[error("login required")]
    LoginRequired,
    #[error("forbidden")]
    Forbidden,
    #[error("internal: {0}")]
    Internal(String),
}

/// What an error page says, as message ids: kept on the response by `error_response`
/// and put into the reader's language by [`translate_error_pages`], which knows the
/// request (actix's `error_response` does not).
#[derive(Debug, Clone)]
pub struct ErrorContent {
    pub title: &'static str,
    pub messages: Vec<Msg>,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    t: Tr,
    title: String,
    messages: Vec<String>,
}

impl WebError {
    fn content(&self) -> ErrorContent {
        let (title, messages) = match self {
            WebError::NotFound => ("error-title-not-found", vec![Msg::new("error-not-found")]),
            WebError::BadRequest(m) => ("error-title-cannot-accept", vec![m.clone()]),
            WebError::Invalid(list) => ("error-title-cannot-accept", list.clone()),
            WebError::Csrf => ("error-title-not-allowed", vec![Msg::new("error-csrf")]),
            WebError::Conflict(m) => ("error-title-not-possible", vec![m.clone()]),
            WebError::Gone(m) => ("error-title-gone", vec![m.clone()]),
            WebError::TooLarge => (
                "error-title-cannot-accept",
                vec![Msg::new("error-too-large")],
            ),
            WebError::TooManyRequests => ("error-title-too-many", vec![Msg::new("error-too-many")]),
            WebError::LoginRequired => ("error-title-not-allowed", vec![Msg::new("error-login")]),
            WebError::Forbidden => ("error-title-not-allowed", vec![Msg::new("error-forbidden")]),
            WebError::Internal(_) => ("error-title-internal", vec![Msg::new("error-internal")]),
        };
        ErrorContent { title, messages }
    }
}

/// The error page for `content` in the reader's language.
pub fn error_page(status: StatusCode, content: &ErrorContent, t: &Tr) -> HttpResponse {
    let mut response = super::page(
        status,
        &ErrorPage {
            t: t.clone(),
            title: t.t(content.title),
            messages: content.messages.iter().map(|m| t.msg(m)).collect(),
        },
    );
    response.extensions_mut().insert(Translated);
    response
}

/// Marks a page already in the reader's language.
struct Translated;

impl ResponseError for WebError {
    fn status_code(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::BadRequest(_) | WebError::Invalid(_) => StatusCode::BAD_REQUEST,
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
        // The words come later, from `translate_error_pages`; English until then.
        let content = self.content();
        let mut response = error_page(self.status_code(), &content, &Tr::plain(Lang::En));
        response.extensions_mut().remove::<Translated>();
        response.extensions_mut().insert(content);
        response
    }
}

/// Middleware body: an error page made without the request (by `error_response`) is made
/// again in the reader's language.
pub async fn translate_error_pages<B: MessageBody + 'static>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let response = next.call(req).await?;
    let content = response
        .response()
        .extensions()
        .get::<ErrorContent>()
        .cloned();
    let Some(content) = content else {
        return Ok(response.map_into_boxed_body());
    };
    let internal_id = response
        .response()
        .extensions()
        .get::<InternalErrorId>()
        .cloned();
    let (http_req, old) = response.into_parts();
    let t = Tr::extract(&http_req).await?;
    let mut page = match internal_id {
        Some(id) => internal_error_body(&t, &id.0, old.status()),
        None => error_page(old.status(), &content, &t),
    };
    // Keep what the handler or other middleware set (cookies, Allow, Retry-After…), but
    // the new body's length and type.
    for (name, value) in old.headers() {
        if name != actix_web::http::header::CONTENT_LENGTH
            && name != actix_web::http::header::CONTENT_TYPE
        {
            page.headers_mut().append(name.clone(), value.clone());
        }
    }
    Ok(ServiceResponse::new(http_req, page))
}

impl From<WorkflowError> for WebError {
    fn from(e: WorkflowError) -> Self {
        match e {
            WorkflowError::NotFound => WebError::NotFound,
            WorkflowError::Invalid(errors) => {
                WebError::Invalid(errors.into_iter().map(|e| e.message).collect())
            }
            WorkflowError::Transition(t) => WebError::Conflict(t.msg()),
            WorkflowError::Conflict(m) => WebError::Conflict(m),
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

/// The id of an internal failure, kept on its 500 page so the page can be made again
/// in the reader's language with the same id.
#[derive(Clone)]
struct InternalErrorId(String);

fn internal_error_body(t: &Tr, error_id: &str, status: StatusCode) -> HttpResponse {
    let content = ErrorContent {
        title: "error-title-internal",
        messages: vec![Msg::new("error-internal-id").arg("id", error_id)],
    };
    error_page(status, &content, t)
}

/// The 500 page: a short message and the error id, nothing else.
pub fn internal_error_page(error_id: &str) -> HttpResponse {
    let mut response = internal_error_body(
        &Tr::plain(Lang::En),
        error_id,
        StatusCode::INTERNAL_SERVER_ERROR,
    );
    response.extensions_mut().remove::<Translated>();
    response.extensions_mut().insert(ErrorContent {
        title: "error-title-internal",
        messages: Vec::new(),
    });
    response
        .extensions_mut()
        .insert(InternalErrorId(error_id.to_string()));
    response
}
