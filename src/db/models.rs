//! Rows as stored. `NewX` structs insert; `X` structs read. Parsing stored text into
//! domain types happens in the accessor methods, so a bad value surfaces as an error.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::{
    api_keys, audit_events, category_outcomes, data_categories, idempotency_keys, notes,
    notice_links, notices, objection_decisions, outbox, package_datasets, package_files,
    package_links, package_records, package_redactions, packages, processing_purposes, questions,
    recipient_categories, recipients, rectification_items, reminders_sent, requests,
    restriction_lifts, retention_rules, sessions, suppressions, tokens, uploads, users,
    webhook_deliveries, webhook_subscriptions, webhook_tasks,
};
use super::DbError;
use crate::domain::case::QuestionPurpose;
use crate::domain::channel::Channel;
use crate::domain::kinds::{Kind, RequestDetails};
use crate::domain::lang::Lang;
use crate::domain::roles::Role;
use crate::domain::status::{Outcome, RejectionReason, Status};

#[derive(Debug, Clone, Queryable, QueryableByName, Selectable, Identifiable)]
#[diesel(table_name = requests)]
pub struct Request {
    pub id: String,
    pub reference: String,
    pub kind: String,
    pub status: String,
    pub outcome: Option<String>,
    pub rejection_reason: Option<String>,
    pub subject_name: String,
    pub subject_email: Option<String>,
    pub subject_phone: Option<String>,
    pub customer_number: Option<String>,
    pub details: String,
    pub message: Option<String>,
    pub channel: String,
    pub received_at: NaiveDateTime,
    pub verified_at: Option<NaiveDateTime>,
    pub verification_method: Option<String>,
    pub paused_since: Option<NaiveDateTime>,
    pub paused_days: i32,
    pub extended_to: Option<NaiveDate>,
    pub extension_reason: Option<String>,
    pub due_date: NaiveDate,
    pub assignee_id: Option<String>,
    pub closed_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Bumped by every change, so a form from a stale page is refused.
    pub version: i32,
    /// Extended after the policy date had passed: the organisation missed its promise.
    pub missed_policy_date: bool,
    /// The final answer as sent to the subject.
    pub answer_text: Option<String>,
    /// Why a partially fulfilled request is partial (Art. 12(4)).
    pub outcome_reasons: Option<String>,
    /// The written justification of a rejection (Art. 12(4), 12(5)).
    pub rejection_justification: Option<String>,
    pub withdrawal_reason: Option<String>,
    /// The subject's language when the request was made (`nb`, `sv`, `en`); `None` for
    /// requests from before issue 8. Read it with [`Request::language`].
    pub language: Option<String>,
    /// The local date the clock stopped; `None` while it runs (issue 9: days left freeze).
    pub paused_on: Option<NaiveDate>,
    /// `domain::search::name_key` of the subject's name, for search by prefix.
    pub subject_name_key: Option<String>,
    /// When the current assignee got it (`None` before issue 9's digest, or unassigned).
    pub assigned_at: Option<NaiveDateTime>,
}

impl Request {
    /// The language every email about this request speaks: the one stored with it, or
    /// the `DSR_LANGUAGE` setting for requests from before languages were stored.
    pub fn language(&self, settings: &crate::config::Settings) -> Lang {
        self.language
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or(settings.language)
    }
    pub fn kind(&self) -> Result<Kind, DbError> {
        Kind::parse(&self.kind).ok_or_else(|| DbError::Corrupt(format!("kind '{}'", self.kind)))
    }
    pub fn status(&self) -> Result<Status, DbError> {
        Status::parse(&self.status)
            .ok_or_else(|| DbError::Corrupt(format!("status '{}'", self.status)))
    }
    pub fn channel(&self) -> Result<Channel, DbError> {
        Channel::parse(&self.channel)
            .ok_or_else(|| DbError::Corrupt(format!("channel '{}'", self.channel)))
    }
    pub fn outcome(&self) -> Option<Outcome> {
        self.outcome.as_deref().and_then(Outcome::parse)
    }
    pub fn rejection_reason(&self) -> Option<RejectionReason> {
        self.rejection_reason
            .as_deref()
            .and_then(RejectionReason::parse)
    }
    pub fn details(&self) -> Result<RequestDetails, DbError> {
        serde_json::from_str(&self.details).map_err(|e| DbError::Corrupt(format!("details: {e}")))
    }
    pub fn paused_days(&self) -> u32 {
        u32::try_from(self.paused_days).unwrap_or(0)
    }
}

/// The intake's inserts (`NewRequest`, `NewToken`, `NewOutboxMessage`) bind `None` as NULL
/// rather than writing `DEFAULT` (none of their nullable columns has a default): the
/// statement's text is then the same every time, so PostgreSQL parses and plans it once
/// per connection instead of once per request (issue 6).
#[derive(Debug, Insertable)]
#[diesel(table_name = requests, treat_none_as_default_value = false)]
pub struct NewRequest<'a> {
    pub id: &'a str,
    pub reference: &'a str,
    pub kind: &'a str,
    pub status: &'a str,
    pub subject_name: &'a str,
    pub subject_email: Option<&'a str>,
    pub subject_phone: Option<&'a str>,
    pub customer_number: Option<&'a str>,
    pub details: &'a str,
    pub message: Option<&'a str>,
    pub channel: &'a str,
    pub received_at: NaiveDateTime,
    pub verified_at: Option<NaiveDateTime>,
    pub verification_method: Option<&'a str>,
    pub paused_since: Option<NaiveDateTime>,
    pub paused_days: i32,
    pub due_date: NaiveDate,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub outcome: Option<&'a str>,
    pub rejection_reason: Option<&'a str>,
    pub closed_at: Option<NaiveDateTime>,
    /// `nb`, `sv` or `en` (`Lang::code`); `None` means the setting's language.
    pub language: Option<&'a str>,
    pub paused_on: Option<NaiveDate>,
    pub subject_name_key: &'a str,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = tokens)]
pub struct Token {
    pub id: String,
    pub token_hash: String,
    pub purpose: String,
    pub request_id: Option<String>,
    pub email: Option<String>,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = tokens, treat_none_as_default_value = false)]
pub struct NewToken<'a> {
    pub id: &'a str,
    pub token_hash: &'a str,
    pub purpose: &'a str,
    pub request_id: Option<&'a str>,
    pub email: Option<&'a str>,
    pub expires_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_events)]
pub struct AuditEvent {
    pub id: i64,
    pub request_id: Option<String>,
    pub actor: String,
    pub action: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    pub note: Option<String>,
    pub at: NaiveDateTime,
    pub prev_hash: String,
    pub hash: String,
}

/// An event to record; `db::audit::record` adds the hash chain.
#[derive(Debug, Clone)]
pub struct NewAuditEvent<'a> {
    pub request_id: Option<&'a str>,
    pub actor: &'a str,
    pub action: &'a str,
    pub from_status: Option<&'a str>,
    pub to_status: Option<&'a str>,
    pub note: Option<&'a str>,
    pub at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct OutboxMessage {
    pub id: String,
    pub template: String,
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: Option<String>,
    pub request_id: Option<String>,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub lease_until: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    /// The full bodies, sealed (`mail::seal`), while unsent and carrying a link token.
    pub sealed_body: Option<String>,
    pub lease_owner: Option<String>,
    pub token_id: Option<String>,
    pub first_attempt_at: Option<NaiveDateTime>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = outbox, treat_none_as_default_value = false)]
pub struct NewOutboxMessage<'a> {
    pub id: &'a str,
    pub template: &'a str,
    pub to_address: &'a str,
    pub subject: &'a str,
    pub body_text: &'a str,
    pub body_html: Option<&'a str>,
    pub request_id: Option<&'a str>,
    pub status: &'a str,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub sealed_body: Option<&'a str>,
    pub token_id: Option<&'a str>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: String,
    pub password_hash: String,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub last_login_at: Option<NaiveDateTime>,
    /// Wants the daily digest (switched on their own account page).
    pub digest: bool,
    /// When the last daily digest was claimed for this account.
    pub digest_sent_at: Option<NaiveDateTime>,
}

impl User {
    pub fn role(&self) -> Result<Role, DbError> {
        Role::parse(&self.role).ok_or_else(|| DbError::Corrupt(format!("role '{}'", self.role)))
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub id: &'a str,
    pub email: &'a str,
    pub name: &'a str,
    pub role: &'a str,
    pub password_hash: &'a str,
    pub active: bool,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = sessions)]
pub struct NewSession<'a> {
    pub id_hash: &'a str,
    pub user_id: &'a str,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = questions)]
pub struct Question {
    pub id: String,
    pub request_id: String,
    pub purpose: String,
    pub body: String,
    pub asked_by: String,
    pub asked_at: NaiveDateTime,
    pub pauses_clock: bool,
    pub answered_at: Option<NaiveDateTime>,
    pub answer_text: Option<String>,
}

impl Question {
    pub fn purpose(&self) -> Result<QuestionPurpose, DbError> {
        QuestionPurpose::parse(&self.purpose)
            .ok_or_else(|| DbError::Corrupt(format!("question purpose '{}'", self.purpose)))
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = questions)]
pub struct NewQuestion<'a> {
    pub id: &'a str,
    pub request_id: &'a str,
    pub purpose: &'a str,
    pub body: &'a str,
    pub asked_by: &'a str,
    pub asked_at: NaiveDateTime,
    pub pauses_clock: bool,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = uploads)]
pub struct Upload {
    pub id: String,
    pub request_id: String,
    pub question_id: Option<String>,
    /// A random name under the data directory; never the subject's file name.
    pub stored_name: String,
    pub original_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub uploaded_at: NaiveDateTime,
    pub identity_document: bool,
    /// Kept as evidence beyond the usual deletion, and why.
    pub keep_reason: Option<String>,
    pub deleted_at: Option<NaiveDateTime>,
    /// Evidence for this item of a rectification (1, 2, …).
    pub item_no: Option<i32>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = uploads)]
pub struct NewUpload<'a> {
    pub id: &'a str,
    pub request_id: &'a str,
    pub question_id: Option<&'a str>,
    pub stored_name: &'a str,
    pub original_name: &'a str,
    pub content_type: &'a str,
    pub size_bytes: i64,
    pub uploaded_at: NaiveDateTime,
    pub identity_document: bool,
    pub item_no: Option<i32>,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = notes)]
pub struct Note {
    pub id: String,
    pub request_id: String,
    pub author_id: String,
    pub body: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = notes)]
pub struct NewNote<'a> {
    pub id: &'a str,
    pub request_id: &'a str,
    pub author_id: &'a str,
    pub body: &'a str,
    pub created_at: NaiveDateTime,
}

/// A reminder as recorded when its email is queued (`db::reminders`).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = reminders_sent)]
pub struct ReminderSent {
    pub request_id: String,
    pub due_date: NaiveDate,
    /// Days left on the day the reminder covers: a threshold, or minus the days overdue.
    pub stage: i32,
    /// The day it covers: `due_date - stage`.
    pub covers: NaiveDate,
    /// The assignee it went to; `None`: every handler and admin.
    pub sent_to: Option<String>,
    pub sent_at: NaiveDateTime,
}

/// A data category of the register (issue 10). Labels are `None` for a seeded category,
/// whose words are in the message files.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = data_categories, treat_none_as_null = true)]
pub struct DataCategory {
    pub code: String,
    pub position: i32,
    pub active: bool,
    pub label_en: Option<String>,
    pub label_nb: Option<String>,
    pub label_sv: Option<String>,
}

impl DataCategory {
    pub fn to_domain(&self) -> crate::domain::categories::Category {
        crate::domain::categories::Category {
            code: self.code.clone(),
            active: self.active,
            labels: crate::domain::categories::Labels {
                en: self.label_en.clone(),
                nb: self.label_nb.clone(),
                sv: self.label_sv.clone(),
            },
        }
    }
}

/// A legal-retention rule of the register (issue 10, Art. 17(3)(b)).
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = retention_rules)]
pub struct RetentionRule {
    pub id: String,
    pub category_code: String,
    pub citation: String,
    pub amount: i32,
    pub unit: String,
    pub anchor: String,
    pub text_en: String,
    pub text_nb: String,
    pub text_sv: String,
    pub verify_before_production: bool,
    pub active: bool,
    pub position: i32,
}

impl RetentionRule {
    pub fn period(&self) -> Result<crate::domain::retention::RetentionPeriod, DbError> {
        use crate::domain::retention::{Anchor, PeriodUnit, RetentionPeriod};
        Ok(RetentionPeriod {
            amount: u32::try_from(self.amount)
                .map_err(|_| DbError::Corrupt(format!("retention_rules.amount {}", self.amount)))?,
            unit: PeriodUnit::parse(&self.unit)
                .ok_or_else(|| DbError::Corrupt(format!("retention_rules.unit {}", self.unit)))?,
            anchor: Anchor::parse(&self.anchor).ok_or_else(|| {
                DbError::Corrupt(format!("retention_rules.anchor {}", self.anchor))
            })?,
        })
    }

    /// The words shown to the subject, in their language.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.text_en,
            Lang::Nb => &self.text_nb,
            Lang::Sv => &self.text_sv,
        }
    }
}

/// What was done with one data category of an erasure or restriction request.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = category_outcomes)]
pub struct CategoryOutcomeRow {
    pub request_id: String,
    pub category_code: String,
    pub outcome: String,
    pub rule_id: Option<String>,
    pub anchor_date: Option<NaiveDate>,
    pub until_date: Option<NaiveDate>,
    pub recorded_by: String,
    pub recorded_at: NaiveDateTime,
    pub followup_at: Option<NaiveDateTime>,
    pub erased_at: Option<NaiveDateTime>,
    pub erased_by: Option<String>,
}

impl CategoryOutcomeRow {
    pub fn outcome(&self) -> Result<crate::domain::categories::CategoryOutcome, DbError> {
        crate::domain::categories::CategoryOutcome::parse(&self.outcome)
            .ok_or_else(|| DbError::Corrupt(format!("category_outcomes.outcome {}", self.outcome)))
    }
}

/// An address or number on the Art. 21(3) suppression list.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = suppressions)]
pub struct Suppression {
    pub kind: String,
    pub value: String,
    pub request_id: Option<String>,
    pub created_at: NaiveDateTime,
}

/// A restriction being lifted, or lifted (Art. 18(3)).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = restriction_lifts)]
pub struct RestrictionLift {
    pub request_id: String,
    pub reason: String,
    pub outbox_id: Option<String>,
    pub requested_by: String,
    pub requested_at: NaiveDateTime,
    pub lifted_at: Option<NaiveDateTime>,
}

/// The decision on one purpose an objection names (Art. 21).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = objection_decisions)]
pub struct ObjectionDecision {
    pub request_id: String,
    pub purpose: String,
    pub upheld: bool,
    pub grounds: Option<String>,
    /// `None`: the system (direct marketing, Art. 21(3)).
    pub decided_by: Option<String>,
    pub decided_at: NaiveDateTime,
}

/// A recipient of personal data (Art. 19, issue 11).
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = recipients, treat_none_as_null = true)]
pub struct Recipient {
    pub id: String,
    pub name: String,
    pub email: String,
    pub kind: String,
    pub country: String,
    pub safeguard: Option<String>,
    /// Comma-separated identifiers a notice may carry (`customer_number`, `email`, …).
    pub identifiers: String,
    pub active: bool,
    pub position: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = recipient_categories)]
pub struct RecipientCategory {
    pub recipient_id: String,
    pub category_code: String,
}

/// The handler's decision on one item of a rectification.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = rectification_items)]
pub struct RectificationItemRow {
    pub request_id: String,
    pub item_no: i32,
    pub category_code: Option<String>,
    pub decision: Option<String>,
    pub reason: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
}

/// An Art. 19 notice to one recipient about one request.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = notices)]
pub struct Notice {
    pub id: String,
    pub request_id: String,
    pub recipient_id: String,
    pub outbox_id: Option<String>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub last_sent_at: Option<NaiveDateTime>,
    pub acknowledged_at: Option<NaiveDateTime>,
    pub exempt_reason: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = notice_links)]
pub struct NoticeLink {
    pub token_hash: String,
    pub notice_id: String,
    pub created_at: NaiveDateTime,
}

/// A purpose of the processing register (Art. 30; issue 12). Words are in each language;
/// an optional text is all three or none.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = processing_purposes, treat_none_as_null = true)]
pub struct Purpose {
    pub code: String,
    pub label_en: String,
    pub label_nb: String,
    pub label_sv: String,
    pub legal_basis: String,
    pub retention_rule_id: Option<String>,
    pub retention_en: Option<String>,
    pub retention_nb: Option<String>,
    pub retention_sv: Option<String>,
    pub source_en: Option<String>,
    pub source_nb: Option<String>,
    pub source_sv: Option<String>,
    pub automated_en: Option<String>,
    pub automated_nb: Option<String>,
    pub automated_sv: Option<String>,
    pub active: bool,
    pub position: i32,
}

/// Structured records a handler imported for a package (issue 12).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = package_datasets)]
pub struct Dataset {
    pub id: String,
    pub request_id: String,
    pub name: String,
    /// The name inside the ZIP (`<stem>.csv`) and the key in `data.json`.
    pub file_stem: String,
    pub category_code: String,
    /// JSON array of the field names, in order.
    pub field_names: String,
    pub record_count: i32,
    pub added_by: String,
    pub added_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = package_records)]
pub struct DatasetRecord {
    pub dataset_id: String,
    pub record_no: i32,
    /// The record's JSON object.
    pub data: String,
}

/// A field of other people's data left out of the package (Art. 15(4)), in one record or
/// (`record_no` none) in all.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = package_redactions)]
pub struct Redaction {
    pub id: String,
    pub dataset_id: String,
    pub field: String,
    pub record_no: Option<i32>,
    pub reason: String,
    pub redacted_by: String,
    pub redacted_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = package_files)]
pub struct PackageFile {
    pub id: String,
    pub request_id: String,
    pub stored_name: String,
    pub original_name: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub category_code: String,
    pub added_by: String,
    pub added_at: NaiveDateTime,
    pub deleted_at: Option<NaiveDateTime>,
}

/// The ZIP of a completed access or portability request.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = packages)]
pub struct Package {
    pub id: String,
    pub request_id: String,
    pub stored_name: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub built_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub downloads: i32,
    pub deleted_at: Option<NaiveDateTime>,
}

/// A link to a package sent to another controller (Art. 20(2)): its token's hash only.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = package_links)]
pub struct PackageLink {
    pub token_hash: String,
    pub package_id: String,
    pub sent_to: String,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub downloads: i32,
}

/// An API key (issue 13): only the hash of its secret is stored.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = api_keys)]
pub struct ApiKey {
    pub id: String,
    pub name: String,
    /// The start of the secret, to recognise the key in the list.
    pub prefix: String,
    pub key_hash: String,
    /// Space-separated scope names (`domain::api::Scope`).
    pub scopes: String,
    /// The account a key with `requests:act` acts for.
    pub acts_as: Option<String>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub expires_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
    pub last_used_at: Option<NaiveDateTime>,
}

/// A POST's `Idempotency-Key` and the first answer to it (`status` 0: still running).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = idempotency_keys)]
pub struct IdempotencyKey {
    pub api_key_id: String,
    pub method: String,
    pub path: String,
    pub idem_key: String,
    pub body_hash: String,
    pub status: i32,
    pub response: String,
    pub created_at: NaiveDateTime,
}

/// A system subscribed to webhook events (issue 13).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_subscriptions)]
pub struct WebhookSubscription {
    pub id: String,
    pub name: String,
    pub url: String,
    /// Space-separated event names (`domain::webhooks::EventType`).
    pub events: String,
    /// Space-separated identifier names (`domain::webhooks::Identifier`).
    pub identifiers: String,
    /// The signing secret, sealed with the app's key for this subscription's id.
    pub sealed_secret: String,
    /// The audit label of who made it (an admin or an API key).
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub disabled_at: Option<NaiveDateTime>,
}

/// One event on its way to one subscription.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_deliveries)]
pub struct WebhookDelivery {
    pub id: String,
    pub subscription_id: String,
    pub request_id: String,
    pub event: String,
    pub payload: String,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub next_attempt_at: NaiveDateTime,
    pub attempts: i32,
    pub first_attempt_at: Option<NaiveDateTime>,
    pub lease_owner: Option<String>,
    pub lease_until: Option<NaiveDateTime>,
    pub delivered_at: Option<NaiveDateTime>,
    pub last_status: Option<i32>,
    pub last_response: Option<String>,
    pub last_error: Option<String>,
}

/// What one system must do after an instruction, and whether it said it did.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_tasks)]
pub struct WebhookTask {
    pub id: String,
    pub request_id: String,
    pub subscription_id: String,
    pub delivery_id: String,
    pub event: String,
    pub created_at: NaiveDateTime,
    pub done_at: Option<NaiveDateTime>,
    pub done_by: Option<String>,
    pub done_note: Option<String>,
    pub overridden_at: Option<NaiveDateTime>,
    pub overridden_by: Option<String>,
    pub override_reason: Option<String>,
}
