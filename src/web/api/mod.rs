//! The JSON API, `/api/v1` (issue 13, DESIGN §13). Every call presents an API key
//! (`Authorization: Bearer dsr_…`), is rate-limited per key (429 with `Retry-After`) and
//! checked against the scope its endpoint needs (403). Errors are RFC 9457 problem
//! documents (`application/problem+json`), validation errors with a field-level `errors`
//! list, in English. A POST may carry an `Idempotency-Key`: the same key and body answer
//! as the first time, another body 422. Handlers call the same workflow functions as the
//! dashboard and the portal, through `AppState::run`.

pub mod openapi;
mod problem;
mod requests;
mod webhooks;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use sha2::{Digest, Sha256};

pub use problem::ApiError;

use super::forms::FormData;
use super::{throttle, AppState};
use crate::domain::api::Scope;
use crate::workflow::api::{self as api_flow, IdempotentCall, Reservation};
use crate::workflow::api_keys::{self, ApiClient, KeyRefusal};
use crate::workflow::{Conn, Ctx};

/// Where the OpenAPI document is served (and where the Swagger UI page reads it).
const OPENAPI_PATH: &str = "/api/v1/openapi.json";
/// Largest request body.
const BODY_MAX: usize = 64 * 1024;
/// Longest `Idempotency-Key`.
const IDEMPOTENCY_KEY_MAX: usize = 255;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/api/docs",
        web::get().to(|| async { super::redirect("/api/docs/") }),
    )
    .service(
        web::resource(OPENAPI_PATH)
            .route(web::get().to(|| async {
                HttpResponse::Ok()
                    .content_type("application/json")
                    .body(openapi::document_json())
            }))
            .default_service(web::to(|state| method_not_allowed(state, "GET"))),
    )
    .service(
        utoipa_swagger_ui::SwaggerUi::new("/api/docs/{_:.*}")
            .config(utoipa_swagger_ui::Config::new([OPENAPI_PATH])),
    )
    .service(
        web::scope("/api/v1")
            .service(
                web::resource("/requests")
                    .route(web::get().to(requests::list))
                    .route(web::post().to(requests::create))
                    .default_service(web::to(|state| method_not_allowed(state, "GET, POST"))),
            )
            .service(
                web::resource("/requests/{id}")
                    .route(web::get().to(requests::get_one))
                    .default_service(web::to(|state| method_not_allowed(state, "GET"))),
            )
            .service(
                web::resource("/requests/{id}/{action}")
                    .route(web::post().to(requests::act))
                    .default_service(web::to(|state| method_not_allowed(state, "POST"))),
            )
            .service(
                web::resource("/suppression")
                    .route(web::get().to(requests::suppression))
                    .default_service(web::to(|state| method_not_allowed(state, "GET"))),
            )
            .service(
                web::resource("/webhooks")
                    .route(web::get().to(webhooks::list))
                    .route(web::post().to(webhooks::subscribe))
                    .default_service(web::to(|state| method_not_allowed(state, "GET, POST"))),
            )
            .service(
                web::resource("/webhooks/{id}/disable")
                    .route(web::post().to(webhooks::disable))
                    .default_service(web::to(|state| method_not_allowed(state, "POST"))),
            )
            .service(
                web::resource("/tasks/{id}/done")
                    .route(web::post().to(webhooks::task_done))
                    .default_service(web::to(|state| method_not_allowed(state, "POST"))),
            )
            .service(
                web::resource("/registers")
                    .route(web::get().to(requests::registers))
                    .default_service(web::to(|state| method_not_allowed(state, "GET"))),
            )
            .default_service(web::to(not_found)),
    );
}

async fn not_found(state: web::Data<AppState>) -> HttpResponse {
    problem::respond(&state, Err(ApiError::NotFound))
}

/// 405 with the `Allow` header the resource answers to (RFC 9110 §15.5.6).
async fn method_not_allowed(state: web::Data<AppState>, allow: &'static str) -> HttpResponse {
    let mut response = problem::respond(&state, Err(ApiError::MethodNotAllowed));
    response.headers_mut().insert(
        actix_web::http::header::ALLOW,
        actix_web::http::header::HeaderValue::from_static(allow),
    );
    response
}

/// The caller's key, checked, within its rate, holding `scope`.
pub(super) async fn caller(
    state: &web::Data<AppState>,
    req: &HttpRequest,
    scope: Scope,
) -> Result<ApiClient, ApiError> {
    let header = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let secret = header
        .strip_prefix("Bearer ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .ok_or(ApiError::Unauthorized(
            "Send an API key as Authorization: Bearer <key>.",
        ))?
        .to_string();
    let checked = state
        .run(move |conn, ctx| Ok(api_keys::authenticate(conn, ctx, &secret)?))
        .await
        .map_err(ApiError::from_web)?;
    let client = checked.map_err(|refusal| {
        ApiError::Unauthorized(match refusal {
            KeyRefusal::Unknown => "This API key is not known.",
            KeyRefusal::Revoked => "This API key has been revoked.",
            KeyRefusal::Expired => "This API key has expired.",
        })
    })?;
    if let Err(not_until) = state
        .api_limiter
        .check_key(&throttle::limit_key("api-key", &client.id))
    {
        use governor::clock::{Clock, DefaultClock};
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        return Err(ApiError::TooManyRequests(wait.as_secs().max(1)));
    }
    if !client.may(scope) {
        return Err(ApiError::Forbidden(scope));
    }
    tracing::info!(key = %client.name, scope = scope.as_str(), "api call");
    Ok(client)
}

/// The body, at most `BODY_MAX` bytes.
pub(super) async fn read_body(mut payload: web::Payload) -> Result<Vec<u8>, ApiError> {
    let mut body = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk =
            chunk.map_err(|e| ApiError::BadRequest(format!("the body could not be read: {e}")))?;
        if body.len() + chunk.len() > BODY_MAX {
            return Err(ApiError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// A JSON object body as the form fields the workflow parses: text as it is, numbers and
/// booleans as text, arrays as repeated fields (the portal's checkboxes), null as absent.
pub(super) fn json_fields(body: &[u8]) -> Result<FormData, ApiError> {
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| ApiError::BadRequest(format!("the body is not valid JSON: {e}")))?;
    let serde_json::Value::Object(map) = value else {
        return Err(ApiError::BadRequest(
            "the body must be a JSON object".into(),
        ));
    };
    let mut fields = Vec::new();
    let mut nested = Vec::new();
    let scalar = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    for (name, v) in &map {
        match v {
            serde_json::Value::Null => {}
            serde_json::Value::Array(items) => {
                for item in items {
                    match scalar(item) {
                        Some(s) => fields.push((name.clone(), s)),
                        None => nested.push(name.clone()),
                    }
                }
            }
            other => match scalar(other) {
                Some(s) => fields.push((name.clone(), s)),
                None => nested.push(name.clone()),
            },
        }
    }
    if !nested.is_empty() {
        nested.dedup();
        return Err(ApiError::Invalid(
            nested
                .into_iter()
                .map(|field| {
                    crate::domain::newtypes::FieldError::new(
                        field,
                        crate::domain::msg::Msg::new("api-field-not-text"),
                    )
                })
                .collect(),
        ));
    }
    Ok(FormData(fields))
}

/// A read: the key and its scope first, then `read` on the blocking pool, answered as
/// JSON (or its problem document).
pub(super) async fn read<T, F>(
    state: &web::Data<AppState>,
    req: &HttpRequest,
    scope: Scope,
    read: F,
) -> HttpResponse
where
    T: serde::Serialize + Send + 'static,
    F: FnOnce(&mut Conn, &Ctx<'_>, &ApiClient) -> Result<T, ApiError> + Send + 'static,
{
    let result = async {
        let client = caller(state, req, scope).await?;
        let found = state
            .run(move |conn, ctx| Ok(read(conn, ctx, &client)))
            .await
            .map_err(ApiError::from_web)??;
        let a = json(StatusCode::OK, &found)?;
        Ok::<HttpResponse, ApiError>(problem::raw(a.status, a.body))
    }
    .await;
    problem::respond(state, result)
}

/// `value` as a JSON answer with `status`.
pub(super) fn json<T: serde::Serialize>(status: StatusCode, value: &T) -> Result<Answer, ApiError> {
    let body = serde_json::to_string(value).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(Answer { status, body })
}

/// An answer to send, and to keep for an `Idempotency-Key`'s replays.
pub(super) struct Answer {
    pub status: StatusCode,
    pub body: String,
}

/// Run a POST once per `Idempotency-Key` (when the call has one): a replay with the
/// same body gets the first answer (also a refusal), another body 422, a call whose
/// first run has not answered 409. An error on our side forgets the key, so that a
/// retry runs.
pub(super) async fn once<F, Fut>(
    state: &web::Data<AppState>,
    req: &HttpRequest,
    client: &ApiClient,
    body: &[u8],
    run: F,
) -> HttpResponse
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<Answer, ApiError>>,
{
    let key = req
        .headers()
        .get("idempotency-key")
        .map(|v| v.to_str().map(str::to_string));
    let key = match key {
        None => return problem::send(state, run().await),
        Some(Ok(k))
            if (1..=IDEMPOTENCY_KEY_MAX).contains(&k.len())
                && k.bytes().all(|b| b.is_ascii_graphic()) =>
        {
            k
        }
        Some(_) => {
            return problem::respond(
                state,
                Err(ApiError::BadRequest(format!(
                    "Idempotency-Key must be 1 to {IDEMPOTENCY_KEY_MAX} visible ASCII characters"
                ))),
            )
        }
    };
    let call = IdempotentCall {
        api_key_id: client.id.clone(),
        method: req.method().to_string(),
        path: req.path().to_string(),
        key,
        body_hash: hex::encode(Sha256::digest(body)),
    };
    let for_reserve = call.clone();
    let reservation = state
        .run(move |conn, ctx| Ok(api_flow::reserve(conn, ctx, &for_reserve)?))
        .await;
    match reservation {
        Err(e) => problem::respond(state, Err(ApiError::from_web(e))),
        Ok(Reservation::OtherBody) => problem::respond(state, Err(ApiError::IdempotencyOtherBody)),
        Ok(Reservation::Running) => problem::respond(state, Err(ApiError::IdempotencyRunning)),
        Ok(Reservation::Replay { status, body }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
            let mut response = problem::raw(status, body);
            response.headers_mut().insert(
                actix_web::http::header::HeaderName::from_static("idempotent-replayed"),
                actix_web::http::header::HeaderValue::from_static("true"),
            );
            response
        }
        Ok(Reservation::Run) => {
            let answer = problem::answer(state, run().await);
            let stored = if answer.status.is_server_error() {
                let call = call.clone();
                state
                    .run(move |conn, ctx| Ok(api_flow::release(conn, ctx, &call)?))
                    .await
            } else {
                let (status, text) = (answer.status.as_u16(), answer.body.clone());
                state
                    .run(move |conn, ctx| {
                        Ok(api_flow::record_answer(conn, ctx, &call, status, &text)?)
                    })
                    .await
            };
            if let Err(e) = stored {
                tracing::error!(error = %e, "could not keep the idempotency key's answer");
            }
            problem::raw(answer.status, answer.body)
        }
    }
}
