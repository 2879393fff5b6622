//! `/api/v1/requests`: send a request in (verified or not), list them in queue order,
//! read one with its events.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::{caller, json_fields, once, problem, read_body, Answer, ApiError};
use crate::domain::api::Scope;
use crate::web::AppState;
use crate::workflow::api::{self as api_flow, ListQuery};

fn json<T: serde::Serialize>(status: StatusCode, value: &T) -> Result<Answer, ApiError> {
    let body = serde_json::to_string(value).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(Answer { status, body })
}

/// POST: 201 with the new request. `verification_method` (and optionally `received_at`)
/// needs `requests:create_verified`; otherwise `requests:create`.
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

/// GET: one page of requests in queue order (`status`, `kind`, `assignee`, `due_before`,
/// `after`, `limit`).
pub async fn list(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let result = async {
        caller(&state, &req, Scope::RequestsRead).await?;
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
        let query = ListQuery {
            status: get("status"),
            kind: get("kind"),
            assignee: get("assignee"),
            due_before: get("due_before"),
            after: get("after"),
            limit,
        };
        let page = state
            .run(move |conn, ctx| Ok(api_flow::list(conn, ctx, &query)))
            .await
            .map_err(ApiError::from_web)??;
        let a = json(StatusCode::OK, &page)?;
        Ok::<HttpResponse, ApiError>(problem::raw(a.status, a.body))
    }
    .await;
    problem::respond(&state, result)
}

/// GET: one request by id or reference, with its events.
pub async fn get_one(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> HttpResponse {
    let result = async {
        caller(&state, &req, Scope::RequestsRead).await?;
        let id = path.into_inner();
        let found = state
            .run(move |conn, ctx| Ok(api_flow::request(conn, ctx, &id)))
            .await
            .map_err(ApiError::from_web)??;
        let a = json(StatusCode::OK, &found)?;
        Ok::<HttpResponse, ApiError>(problem::raw(a.status, a.body))
    }
    .await;
    problem::respond(&state, result)
}
