//! The request page: the subject, the request, both deadlines, questions, the answer,
//! internal notes, the timeline, the emails, and (for handlers and admins) the action
//! forms of `actions`.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

use super::actions::done_notice;
use crate::domain::case::QuestionPurpose;
use crate::domain::categories::CategoryOutcome;
use crate::domain::recipients::ItemDecision;
use crate::domain::status::{Outcome, RejectionReason};
use crate::domain::upload::FileType;
use crate::i18n::Tr;
use crate::web::extract::CurrentUser;
use crate::web::forms::{Errors, FormData};
use crate::web::{csrf, page, AppState, WebError};
use crate::workflow::users::Staff;
use crate::workflow::view::{self, RequestPageView};

/// A message at the top of the page.
pub enum Banner {
    Done(String),
    Problem(String),
}

#[derive(Template)]
#[template(path = "dashboard/detail.html")]
struct DetailPage {
    t: Tr,
    csrf: String,
    user: Staff,
    v: RequestPageView,
    /// The action form that came back, with what was typed.
    form: FormData,
    errors: Errors,
    banner: Option<Banner>,
    purposes: &'static [QuestionPurpose],
    reasons: &'static [RejectionReason],
    decisions: &'static [ItemDecision],
}

impl DetailPage {
    /// Access and portability are answered with a package (issue 12).
    fn takes_package(&self) -> bool {
        crate::workflow::packages::takes_package(self.v.r.kind)
    }

    /// The text an outcome's answer box shows: what was typed, if that form came back,
    /// else the answer the kind and outcome start from.
    fn answer_for(&self, outcome: &Outcome, default: &str) -> String {
        if self.form.get("outcome") == outcome.as_str() {
            self.form.get("answer").to_string()
        } else {
            default.to_string()
        }
    }

    /// Where an error summary line links to: the field's id.
    fn anchor(&self, field: &str) -> String {
        match field {
            "answer" => format!("answer-{}", self.form.get("outcome")),
            "outcome" => "action-complete".into(),
            "identity_method" | "keep_reason" => {
                format!("{field}-{}", self.form.get("upload_id"))
            }
            other => other.to_string(),
        }
    }

    /// Whether `d` is the decision recorded for an item.
    fn item_is(&self, recorded: &Option<ItemDecision>, d: &ItemDecision) -> bool {
        recorded.as_ref() == Some(d)
    }

    /// Whether a recipient is ticked on an outcome's form: as typed when that form came
    /// back, else as preselected.
    fn recipient_ticked(&self, outcome: &Outcome, id: &str, preselected: &bool) -> bool {
        if self.open_outcome(outcome) {
            self.form.has("recipient", id)
        } else {
            *preselected
        }
    }

    /// Whether `o` is the outcome recorded for a category.
    fn chosen(&self, recorded: &Option<CategoryOutcome>, o: &CategoryOutcome) -> bool {
        recorded.as_ref() == Some(o)
    }

    /// The error key of a field in one row of the outcomes or objection table.
    fn row_field(&self, field: &str, code: &str) -> String {
        format!("{field}-{code}")
    }

    /// "3 days left", "2 days overdue", or "—" once closed.
    fn days_left(&self) -> String {
        super::queue::days_left_text(&self.t, &self.v.r)
    }

    /// A file's type in words ("PDF document"), or the stored type as it is.
    fn file_type(&self, content_type: &str) -> String {
        match FileType::parse(content_type) {
            Some(f) => self.t.t(f.message_id()),
            None => content_type.to_string(),
        }
    }

    /// A timeline event in words; an action this version does not know shows its code.
    fn action_words(&self, code: &str) -> String {
        let id = match code {
            "submitted" => "dash-audit-submitted",
            "verified" => "dash-audit-verified",
            "assigned" => "dash-audit-assigned",
            "started" => "dash-audit-started",
            "asked_subject" => "dash-audit-asked_subject",
            "subject_answered" => "dash-audit-subject_answered",
            "extended" => "dash-audit-extended",
            "completed" => "dash-audit-completed",
            "rejected" => "dash-audit-rejected",
            "withdrawn" => "dash-audit-withdrawn",
            "expired" => "dash-audit-expired",
            "note_added" => "dash-audit-note_added",
            "file_downloaded" => "dash-audit-file_downloaded",
            "file_deleted" => "dash-audit-file_deleted",
            "file_kept" => "dash-audit-file_kept",
            "identity_document_checked" => "dash-audit-identity_document_checked",
            "mail_requeued" => "dash-audit-mail_requeued",
            "email_corrected" => "dash-audit-email_corrected",
            "outcome_recorded" => "dash-audit-outcome_recorded",
            "retention_ended" => "dash-audit-retention_ended",
            "retained_erased" => "dash-audit-retained_erased",
            "restriction_lift_requested" => "dash-audit-restriction_lift_requested",
            "restriction_lifted" => "dash-audit-restriction_lifted",
            "suppressed" => "dash-audit-suppressed",
            "objection_decided" => "dash-audit-objection_decided",
            "restriction_ground_recorded" => "dash-audit-restriction_ground_recorded",
            "item_decided" => "dash-audit-item_decided",
            "notices_queued" => "dash-audit-notices_queued",
            "notice_acknowledged" => "dash-audit-notice_acknowledged",
            "task_done" => "dash-audit-task_done",
            "tasks_overridden" => "dash-audit-tasks_overridden",
            "webhook_requeued" => "dash-audit-webhook_requeued",
            "package_file_added" => "dash-audit-package_file_added",
            "package_file_removed" => "dash-audit-package_file_removed",
            "package_records_added" => "dash-audit-package_records_added",
            "package_records_removed" => "dash-audit-package_records_removed",
            "package_redacted" => "dash-audit-package_redacted",
            "package_built" => "dash-audit-package_built",
            "package_downloaded" => "dash-audit-package_downloaded",
            "package_link_sent" => "dash-audit-package_link_sent",
            "package_deleted" => "dash-audit-package_deleted",
            "notice_exempt" => "dash-audit-notice_exempt",
            "notice_reminded" => "dash-audit-notice_reminded",
            "recipients_list_sent" => "dash-audit-recipients_list_sent",
            "evidence_added" => "dash-audit-evidence_added",
            other => return other.to_string(),
        };
        self.t.t(id)
    }

    /// An email's state in words ("sent"), or its code if unknown.
    fn mail_status(&self, code: &str) -> String {
        match code {
            "pending" => self.t.t("dash-mail-pending"),
            "sent" => self.t.t("dash-mail-sent"),
            "failed" => self.t.t("dash-mail-failed"),
            other => other.to_string(),
        }
    }

    /// Whether an outcome's box should be open (its form came back).
    fn open_outcome(&self, outcome: &Outcome) -> bool {
        self.form.get("outcome") == outcome.as_str()
    }

    /// The extension form shows while Art. 12(3) allows one, and when a refused one comes
    /// back (with why, and what was typed).
    fn show_extend(&self) -> bool {
        self.v.allowed.extend
            || self.errors.get("extend_to").is_some()
            || self.errors.get("extension_reason").is_some()
    }

    /// The date the extension form proposes: what was typed, else the latest allowed.
    fn extend_to(&self) -> String {
        match self.form.get("extend_to") {
            "" => self.v.r.deadlines.latest_extended_due.to_string(),
            typed => typed.to_string(),
        }
    }
}

#[derive(serde::Deserialize)]
pub(super) struct PageQuery {
    done: Option<String>,
}

pub(super) async fn page_handler(
    state: web::Data<AppState>,
    CurrentUser { user, session }: CurrentUser,
    path: web::Path<String>,
    q: web::Query<PageQuery>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let banner = q
        .done
        .as_deref()
        .and_then(done_notice)
        .map(|id| Banner::Done(t.t(id)));
    render(
        &state,
        t,
        user,
        &session,
        path.into_inner(),
        StatusCode::OK,
        FormData::default(),
        Errors::default(),
        banner,
    )
    .await
}

/// Render the request page (also when an action comes back with errors).
#[allow(clippy::too_many_arguments)]
pub(super) async fn render(
    state: &web::Data<AppState>,
    t: Tr,
    user: Staff,
    session: &Session,
    id: String,
    status: StatusCode,
    form: FormData,
    errors: Errors,
    banner: Option<Banner>,
) -> Result<HttpResponse, WebError> {
    let words = t.clone();
    let v = state
        .run(move |conn, ctx| Ok(view::request_page(conn, ctx, &id, &words)?))
        .await?;
    Ok(page(
        status,
        &DetailPage {
            t,
            csrf: csrf::token(session),
            user,
            v,
            form,
            errors,
            banner,
            purposes: QuestionPurpose::ALL,
            reasons: RejectionReason::ALL,
            decisions: ItemDecision::ALL,
        },
    ))
}
