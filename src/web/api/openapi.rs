//! The OpenAPI 3.1 document of `/api/v1`, generated from the handlers and types with
//! utoipa, served at `/api/v1/openapi.json` and browsable at `/api/docs/` (Swagger UI
//! from the crate itself: nothing fetched from elsewhere). `tests/api_openapi.rs` keeps a
//! snapshot of it.

use std::sync::OnceLock;

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::problem::{FieldProblem, Problem};
use super::{requests, webhooks};
use crate::workflow::api::{
    ApiCategory, ApiDeadlines, ApiEvent, ApiNewSubscription, ApiPage, ApiRecipient, ApiRegisters,
    ApiRequest, ApiRequestWithEvents, ApiRetentionRule, ApiSubject, ApiSubscription,
    ApiSuppression, ApiTask,
};

/// The body of `POST /api/v1/requests`: the portal form's fields. A kind's own fields
/// are the portal's too (e.g. `erasure_scope` and a list in `erasure_categories`,
/// `rect_field_1` / `rect_value_1`, `portability_format`, `objection_purpose`); lists
/// are JSON arrays.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct NewRequestBody {
    #[schema(example = "access")]
    kind: KindParam,
    #[schema(example = "Kari Nordmann", min_length = 1, max_length = 200)]
    name: String,
    /// Required unless `verification_method` is given.
    #[schema(example = "kari@example.no", format = Email, max_length = 254)]
    email: Option<String>,
    #[schema(max_length = 40)]
    phone: Option<String>,
    #[schema(max_length = 64)]
    customer_number: Option<String>,
    #[schema(max_length = 5000)]
    message: Option<String>,
    /// The language of the subject's emails; the default is the setting's.
    language: Option<LanguageParam>,
    /// Verified intake (scope `requests:create_verified`): how the identity was checked.
    #[schema(example = "Logged in to My Page", max_length = 200)]
    verification_method: Option<String>,
    /// Verified intake only: when the request reached you (RFC 3339, not in the future).
    #[schema(value_type = Option<String>, format = DateTime)]
    received_at: Option<String>,
}

/// The kinds of request, as the list filters them.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum KindParam {
    Access,
    Rectification,
    Erasure,
    Restriction,
    Portability,
    Objection,
}

/// A handler action.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum ActionParam {
    Assign,
    Start,
    Verify,
    Ask,
    Extend,
    OverrideTasks,
    Complete,
    Reject,
    Withdraw,
    Notes,
}

/// The fields of a handler action; each action reads its own.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ActionBody {
    /// The request's `version` as last read (every action but `notes`).
    version: Option<i32>,
    /// assign: the handler's id (empty: the key's own account).
    assignee_id: Option<String>,
    /// verify: how the identity was checked.
    method: Option<String>,
    /// ask: identity, clarification or other.
    purpose: Option<String>,
    /// ask: the question the subject gets by email.
    question: Option<String>,
    /// extend: the new due date (YYYY-MM-DD, Art. 12(3)).
    extend_to: Option<String>,
    /// extend: why, as the subject is told.
    extension_reason: Option<String>,
    /// override_tasks: why the request may be completed while systems have not
    /// reported their tasks done (at least 10 characters; audited).
    override_reason: Option<String>,
    /// complete: fulfilled, partially_fulfilled or no_data_held.
    outcome: Option<String>,
    /// complete: the answer the subject gets.
    answer: Option<String>,
    /// complete, partially: why not all (Art. 12(4)).
    reasons: Option<String>,
    /// complete: the recipients to notify (Art. 19).
    recipient: Option<Vec<String>>,
    /// reject: identity_not_verified, manifestly_unfounded, excessive, not_applicable or other.
    rejection_reason: Option<String>,
    /// reject: the justification the subject gets.
    justification: Option<String>,
    /// withdraw: the subject's words.
    withdrawal_reason: Option<String>,
    /// notes: an internal note.
    note: Option<String>,
}

/// A new webhook subscription.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct NewSubscriptionBody {
    /// The receiving system, as handlers know it (at most 100 characters).
    name: String,
    /// https, not a private, loopback or link-local address.
    url: String,
    /// At least one event.
    event: Vec<EventParam>,
    /// The subject's identifiers the payloads may carry (none: the reference only).
    identifier: Option<Vec<IdentifierParam>>,
}

/// A webhook event.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[allow(dead_code)]
pub enum EventParam {
    #[serde(rename = "request.verified")]
    RequestVerified,
    #[serde(rename = "request.status_changed")]
    StatusChanged,
    #[serde(rename = "request.due_soon")]
    DueSoon,
    #[serde(rename = "request.overdue")]
    Overdue,
    #[serde(rename = "erasure.instructed")]
    ErasureInstructed,
    #[serde(rename = "rectification.instructed")]
    RectificationInstructed,
}

/// An identifier of the subject a subscription may receive.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum IdentifierParam {
    Email,
    Phone,
    CustomerNumber,
    Name,
}

/// A task reported done.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct TaskDoneBody {
    /// What the system did, for the request page (optional).
    note: Option<String>,
}

/// A language of the subject's emails.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum LanguageParam {
    Nb,
    Sv,
    En,
}

/// A status, or `active` (still needing action), or `all`.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum StatusParam {
    All,
    Active,
    AwaitingVerification,
    Open,
    InProgress,
    AwaitingSubject,
    Completed,
    Rejected,
    Withdrawn,
    Expired,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "dsr-tracker API",
        description = "Send GDPR data-subject requests in and read them. Every call needs an API key (Authorization: Bearer dsr_…) holding the scope its operation names. Errors are RFC 9457 problem documents. A POST may carry an Idempotency-Key (kept 24 hours per key, method and path).",
        version = "1"
    ),
    paths(requests::create, requests::list, requests::get_one, requests::act, requests::registers, requests::suppression, webhooks::list, webhooks::subscribe, webhooks::disable, webhooks::task_done),
    components(schemas(
        NewRequestBody,
        KindParam,
        StatusParam,
        LanguageParam,
        ActionParam,
        ActionBody,
        ApiRequest,
        ApiRequestWithEvents,
        ApiSubject,
        ApiDeadlines,
        ApiEvent,
        ApiPage,
        ApiRegisters,
        ApiCategory,
        ApiRetentionRule,
        ApiRecipient,
        ApiSuppression,
        ApiTask,
        ApiSubscription,
        ApiNewSubscription,
        NewSubscriptionBody,
        EventParam,
        IdentifierParam,
        TaskDoneBody,
        Problem,
        FieldProblem
    )),
    modifiers(&BearerKey),
    security(("api_key" = []))
)]
pub struct ApiDoc;

struct BearerKey;

impl Modify for BearerKey {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API key made at /dashboard/admin/api-keys"))
                    .build(),
            ),
        );
    }
}

/// The document as served, serialized once, on its first request. Only the JSON is kept:
/// the built `OpenApi` value holds about 1.5 MB of heap for 30 KB of JSON, and the Swagger
/// UI service kept one per HTTP worker (issue 6: resident memory).
pub fn document_json() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| {
        // A document of strings and maps always serializes; an error would be a bug here.
        serde_json::to_string(&ApiDoc::openapi()).unwrap_or_else(|e| {
            tracing::error!(error = %e, "the OpenAPI document does not serialize");
            String::from("{}")
        })
    })
}
