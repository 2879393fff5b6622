//! One log line per request: method, route, status and duration (DESIGN §9). The route
//! is the matched pattern (`/verify/{token}`), never the path itself, so link tokens, ids
//! and query strings (which may carry them) stay out of the log; no form values or email
//! addresses are logged either.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::HttpRequest;

/// `actix_web::middleware::from_fn(request_log::log_request)`.
pub async fn log_request(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let method = req.method().clone();
    let route = route_of(req.request());
    let result = next.call(req).await;
    let status = match &result {
        Ok(res) => res.status(),
        Err(e) => e.as_response_error().status_code(),
    };
    tracing::info!(
        target: "dsr_tracker::request",
        %method,
        %route,
        status = status.as_u16(),
        ms = started.elapsed().as_millis() as u64,
        "request"
    );
    result
}

/// The matched route pattern; for paths no route matches, only a marker (the path could
/// be a mistyped link carrying a token).
fn route_of(req: &HttpRequest) -> String {
    req.match_pattern()
        .unwrap_or_else(|| "(no route)".to_string())
}
