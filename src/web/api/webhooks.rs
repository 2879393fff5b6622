//! `/api/v1/webhooks` (subscriptions, `webhooks:manage`) and `/api/v1/tasks/{id}/done`
//! (a system reports its task done, `tasks:report`).

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::openapi::{NewSubscriptionBody, TaskDoneBody};
use super::problem::Problem;
use super::{caller, json, json_fields, once, problem, read, read_body, ApiError};
use crate::domain::api::Scope;
use crate::web::AppState;
use crate::workflow::api::{ApiNewSubscription, ApiSubscription, ApiTask};
use crate::workflow::webhooks as hooks;

/// Every subscription, newest first, with its waiting and failed deliveries.
#[utoipa::path(
    get,
    path = "/api/v1/webhooks",
    tag = "webhooks",
    responses(
        (status = 200, description = "The subscriptions", body = Vec<ApiSubscription>),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks webhooks:manage", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Over the key's rate", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    read(&state, &req, Scope::WebhooksManage, |conn, _, _| {
        let lines = hooks::list(conn)?;
        Ok(lines
            .iter()
            .map(ApiSubscription::from_line)
            .collect::<Vec<_>>())
    })
    .await
}

/// Subscribe a URL to events.
///
/// The URL must be https and must not name a private, loopback or link-local address.
/// The answer holds the signing secret, shown this once.
#[utoipa::path(
    post,
    path = "/api/v1/webhooks",
    tag = "webhooks",
    request_body = NewSubscriptionBody,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first answer for the same body; 422 for another body", min_length = 1, max_length = 255, pattern = "^[!-~]+$")),
    responses(
        (status = 201, description = "Subscribed", body = ApiNewSubscription),
        (status = 400, description = "The body is not a JSON object", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks webhooks:manage", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A call with this Idempotency-Key has not answered", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is over 64 KiB", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (a private address, no event…), or an Idempotency-Key used with another body", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Over the key's rate", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn subscribe(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> HttpResponse {
    let body = match read_body(payload).await {
        Ok(b) => b,
        Err(e) => return problem::respond(&state, Err(e)),
    };
    let client = match caller(&state, &req, Scope::WebhooksManage).await {
        Ok(c) => c,
        Err(e) => return problem::respond(&state, Err(e)),
    };
    let fields = match json_fields(&body) {
        Ok(f) => f,
        Err(e) => return problem::respond(&state, Err(e)),
    };
    let (run_state, run_client) = (state.clone(), client.clone());
    once(&state, &req, &client, &body, move || async move {
        let created = run_state
            .run(move |conn, ctx| Ok(hooks::subscribe(conn, ctx, &run_client.actor(), &fields)))
            .await
            .map_err(ApiError::from_web)??;
        json(
            StatusCode::CREATED,
            &ApiNewSubscription {
                subscription: ApiSubscription::from_line(&created.line),
                secret: created.secret,
            },
        )
    })
    .await
}

/// Stop a subscription: nothing more is sent to it.
#[utoipa::path(
    post,
    path = "/api/v1/webhooks/{id}/disable",
    tag = "webhooks",
    params(
        ("id" = String, Path, description = "The subscription's id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Replays the first answer for the same body; 422 for another body", min_length = 1, max_length = 255, pattern = "^[!-~]+$"),
    ),
    responses(
        (status = 200, description = "Disabled (also when it already was)", body = Vec<ApiSubscription>),
        (status = 400, description = "The Idempotency-Key cannot be read", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks webhooks:manage", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such subscription", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A call with this Idempotency-Key has not answered", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is over 64 KiB", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An Idempotency-Key used with another body", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Over the key's rate", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn disable(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    payload: web::Payload,
) -> HttpResponse {
    let id = path.into_inner();
    let body = match read_body(payload).await {
        Ok(b) => b,
        Err(e) => return problem::respond(&state, Err(e)),
    };
    let client = match caller(&state, &req, Scope::WebhooksManage).await {
        Ok(c) => c,
        Err(e) => return problem::respond(&state, Err(e)),
    };
    let (run_state, run_client) = (state.clone(), client.clone());
    once(&state, &req, &client, &body, move || async move {
        let lines = run_state
            .run(move |conn, ctx| {
                Ok(hooks::disable(conn, ctx, &run_client.actor(), &id)
                    .and_then(|()| hooks::list(conn)))
            })
            .await
            .map_err(ApiError::from_web)??;
        let out: Vec<ApiSubscription> = lines.iter().map(ApiSubscription::from_line).collect();
        json(StatusCode::OK, &out)
    })
    .await
}

/// Report a task done.
///
/// The system that got an `erasure.instructed` or `rectification.instructed` delivery
/// reports that it did what the task (the payload's `task_id`) asked. Reporting again
/// answers the same. The request page shows which systems confirmed.
#[utoipa::path(
    post,
    path = "/api/v1/tasks/{id}/done",
    tag = "webhooks",
    params(
        ("id" = String, Path, description = "The task id from the delivery's payload"),
        ("Idempotency-Key" = Option<String>, Header, description = "Replays the first answer for the same body; 422 for another body", min_length = 1, max_length = 255, pattern = "^[!-~]+$"),
    ),
    request_body = TaskDoneBody,
    responses(
        (status = 200, description = "Recorded", body = ApiTask),
        (status = 400, description = "The body is not a JSON object", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks tasks:report", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such task", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A call with this Idempotency-Key has not answered", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is over 64 KiB", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid note, or an Idempotency-Key used with another body", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Over the key's rate", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn task_done(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    payload: web::Payload,
) -> HttpResponse {
    let id = path.into_inner();
    let body = match read_body(payload).await {
        Ok(b) => b,
        Err(e) => return problem::respond(&state, Err(e)),
    };
    let client = match caller(&state, &req, Scope::TasksReport).await {
        Ok(c) => c,
        Err(e) => return problem::respond(&state, Err(e)),
    };
    // An empty body is no note.
    let fields = if body.iter().all(u8::is_ascii_whitespace) {
        crate::web::forms::FormData(Vec::new())
    } else {
        match json_fields(&body) {
            Ok(f) => f,
            Err(e) => return problem::respond(&state, Err(e)),
        }
    };
    let (run_state, run_client) = (state.clone(), client.clone());
    once(&state, &req, &client, &body, move || async move {
        let line = run_state
            .run(move |conn, ctx| {
                let note = fields.get("note").to_string();
                Ok(hooks::report_done(
                    conn,
                    ctx,
                    &run_client.actor(),
                    &id,
                    Some(note.as_str()),
                ))
            })
            .await
            .map_err(ApiError::from_web)??;
        json(StatusCode::OK, &ApiTask::from_line(&line))
    })
    .await
}
