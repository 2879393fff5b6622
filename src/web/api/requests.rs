//! `/api/v1/requests`: send a request in (verified or not), list them in queue order,
//! read one with its events.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::openapi::{ActionBody, ActionParam, KindParam, NewRequestBody, StatusParam};
use super::problem::Problem;
use super::{caller, json, json_fields, once, problem, read, read_body, ApiError};
use crate::domain::api::Scope;
use crate::web::AppState;
use crate::workflow::api::{self as api_flow, ListQuery};
#[allow(unused_imports)]
use crate::workflow::api::{ApiPage, ApiRegisters, ApiRequestWithEvents, ApiSuppression};

/// Send a request in.
///
/// 201 with the new request. `verification_method` (and optionally `received_at`)
/// needs `requests:create_verified`; otherwise `requests:create`, and the subject gets
/// the verification email as from the portal.
#[utoipa::path(
    post,
    path = "/api/v1/requests",
    tag = "requests",
    request_body = NewRequestBody,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first answer for the same body; 422 for another body", min_length = 1, max_length = 255, pattern = "^[!-~]+$")),
    responses(
        (status = 201, description = "Created", body = ApiRequestWithEvents),
        (status = 400, description = "The body is not a JSON object", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks the scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A call with this Idempotency-Key has not answered", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is over 64 KiB", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or an Idempotency-Key used with another body", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Over the key's rate", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> HttpResponse {
    let body = match read_body(payload).await {
        Ok(b) => b,
        Err(e) => return problem::respond(&state, Err(e)),
    };
    let fields = match json_fields(&body) {
        Ok(f) => f,
        Err(e) => {
            // Who may not call at all hears that first.
            if let Err(auth) = caller(&state, &req, Scope::RequestsCreate).await {
                return problem::respond(&state, Err(auth));
            }
            return problem::respond(&state, Err(e));
        }
    };
    let verified = !fields.get("verification_method").trim().is_empty();
    let scope = if verified {
        Scope::RequestsCreateVerified
    } else {
        Scope::RequestsCreate
    };
    let client = match caller(&state, &req, scope).await {
        Ok(c) => c,
        Err(e) => return problem::respond(&state, Err(e)),
    };
    let run_state = state.clone();
    let run_client = client.clone();
    once(&state, &req, &client, &body, move || async move {
        let created = run_state
            .run(move |conn, ctx| {
                Ok(api_flow::create(conn, ctx, &run_client, &fields)
                    .and_then(|done| api_flow::request(conn, ctx, &done.id)))
            })
            .await
            .map_err(ApiError::from_web)??;
        json(StatusCode::CREATED, &created)
    })
    .await
}

/// List requests in queue order.
///
/// Due soonest first, keyset-paged: pass a page's `next` as `after`.
#[utoipa::path(
    get,
    path = "/api/v1/requests",
    tag = "requests",
    params(
        ("status" = Option<StatusParam>, Query, description = "A status, `active` (still needing action) or `all` (default)"),
        ("kind" = Option<KindParam>, Query, description = "The kind of request"),
        ("assignee" = Option<String>, Query, description = "A user id, or `none` for requests nobody has"),
        ("due_before" = Option<chrono::NaiveDate>, Query, description = "Due strictly before this date"),
        ("after" = Option<String>, Query, description = "The `next` of the page before", pattern = "^[0-9]{1,6}~[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
        ("limit" = Option<i64>, Query, description = "1 to 100, default 50", minimum = 1, maximum = 100),
    ),
    responses(
        (status = 200, description = "A page", body = ApiPage),
        (status = 400, description = "The query cannot be read", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks requests:read", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid filter, cursor or limit", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Over the key's rate", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let query = list_query(&req);
    read(&state, &req, Scope::RequestsRead, move |conn, ctx, _| {
        Ok(api_flow::list(conn, ctx, &query?)?)
    })
    .await
}

/// The list's query string; a `limit` that is not a number is a field error.
fn list_query(req: &HttpRequest) -> Result<ListQuery, ApiError> {
    let pairs = web::Query::<Vec<(String, String)>>::from_query(req.query_string())
        .map_err(|e| ApiError::BadRequest(format!("the query cannot be read: {e}")))?
        .into_inner();
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let limit = match get("limit") {
        None => None,
        Some(raw) => Some(raw.trim().parse::<i64>().map_err(|_| {
            ApiError::Invalid(vec![crate::domain::newtypes::FieldError::new(
                "limit",
                crate::domain::msg::Msg::new("api-limit-range").arg("max", api_flow::PAGE_MAX),
            )])
        })?),
    };
    Ok(ListQuery {
        status: get("status"),
        kind: get("kind"),
        assignee: get("assignee"),
        due_before: get("due_before"),
        after: get("after"),
        limit,
    })
}

/// One request with its events.
#[utoipa::path(
    get,
    path = "/api/v1/requests/{id}",
    tag = "requests",
    params(("id" = String, Path, description = "The request's id, or its reference (DSR-2026-000123)")),
    responses(
        (status = 200, description = "The request", body = ApiRequestWithEvents),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks requests:read", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such request", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Over the key's rate", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_one(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> HttpResponse {
    let id = path.into_inner();
    read(&state, &req, Scope::RequestsRead, move |conn, ctx, _| {
        Ok(api_flow::request(conn, ctx, &id)?)
    })
    .await
}

/// The registers: data categories, legal-retention rules and recipients.
#[utoipa::path(
    get,
    path = "/api/v1/registers",
    tag = "registers",
    responses(
        (status = 200, description = "The registers", body = ApiRegisters),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks requests:read", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Over the key's rate", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn registers(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let t = problem::english(&state);
    read(&state, &req, Scope::RequestsRead, move |conn, _, _| {
        Ok(api_flow::registers(conn, &t)?)
    })
    .await
}

/// The Art. 21(3) suppression list, for marketing systems. Audited under the key.
#[utoipa::path(
    get,
    path = "/api/v1/suppression",
    tag = "registers",
    responses(
        (status = 200, description = "Every suppressed address and number", body = Vec<ApiSuppression>),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks suppression:read", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Over the key's rate", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn suppression(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    read(&state, &req, Scope::SuppressionRead, |conn, ctx, client| {
        Ok(api_flow::suppression(conn, ctx, client)?)
    })
    .await
}

/// A handler action, for the account the key acts as (scope `requests:act`).
///
/// The fields are the request page's form's: `version` (409 when the request changed
/// since), and per action `assignee_id`; `method`; `purpose`, `question`; `extend_to`,
/// `extension_reason`; `outcome`, `answer`, `reasons`, `recipient` (a list);
/// `rejection_reason`, `justification`; `withdrawal_reason`; `note`. Answers with the
/// request as it is afterwards.
#[utoipa::path(
    post,
    path = "/api/v1/requests/{id}/{action}",
    tag = "requests",
    params(
        ("id" = String, Path, description = "The request's id or reference"),
        ("action" = ActionParam, Path, description = "The action"),
        ("Idempotency-Key" = Option<String>, Header, description = "Replays the first answer for the same body; 422 for another body", min_length = 1, max_length = 255, pattern = "^[!-~]+$"),
    ),
    request_body = ActionBody,
    responses(
        (status = 200, description = "Done", body = ApiRequestWithEvents),
        (status = 400, description = "The body is not a JSON object", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks requests:act, or acts for no active handler", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such request", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The request changed since `version`, or the action is not possible in its status", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is over 64 KiB", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Over the key's rate", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn act(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> HttpResponse {
    let (id, action) = path.into_inner();
    let body = match read_body(payload).await {
        Ok(b) => b,
        Err(e) => return problem::respond(&state, Err(e)),
    };
    let client = match caller(&state, &req, Scope::RequestsAct).await {
        Ok(c) => c,
        Err(e) => return problem::respond(&state, Err(e)),
    };
    let Some(by) = client.acts_as.clone() else {
        return problem::respond(&state, Err(ApiError::ActsForNobody));
    };
    let fields = match json_fields(&body) {
        Ok(f) => f,
        Err(e) => return problem::respond(&state, Err(e)),
    };
    let run_state = state.clone();
    once(&state, &req, &client, &body, move || async move {
        let done = run_state
            .run(move |conn, ctx| Ok(api_flow::act(conn, ctx, &by, &id, &action, &fields)))
            .await
            .map_err(ApiError::from_web)??;
        json(StatusCode::OK, &done)
    })
    .await
}
