//! `/dashboard/admin/webhooks` (issue 13): admins subscribe the systems that hold the
//! data (the signing secret is shown once, on the answer to the form), disable them, and
//! see and retry failed deliveries with the receiver's last answer.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

use crate::domain::webhooks::{EventType, Identifier};
use crate::i18n::Tr;
use crate::web::extract::{Admin, CsrfForm, RequireRole};
use crate::web::forms::{Errors, FormData};
use crate::web::{csrf, page, redirect, AppState, WebError};
use crate::workflow::users::Staff;
use crate::workflow::webhooks::{self as hooks, FailedLine, SubscriptionLine};
use crate::workflow::WorkflowError;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/dashboard/admin/webhooks", web::get().to(show))
        .route("/dashboard/admin/webhooks", web::post().to(create))
        .route(
            "/dashboard/admin/webhooks/{id}/disable",
            web::post().to(disable),
        )
        .route(
            "/dashboard/admin/webhooks/deliveries/{id}/retry",
            web::post().to(retry),
        );
}

#[derive(Template)]
#[template(path = "dashboard/webhooks.html")]
struct WebhooksPage {
    t: Tr,
    csrf: String,
    user: Staff,
    subscriptions: Vec<SubscriptionLine>,
    failed: Vec<FailedLine>,
    events: &'static [EventType],
    identifiers: &'static [Identifier],
    /// The subscription just made: its name and secret, shown this once.
    created: Option<(String, String)>,
    form: FormData,
    errors: Errors,
    notice: Option<&'static str>,
}

impl WebhooksPage {
    fn event_ticked(&self, e: &EventType) -> bool {
        self.form.has("event", e.as_str())
    }

    fn identifier_ticked(&self, i: &Identifier) -> bool {
        self.form.has("identifier", i.as_str())
    }
}

#[derive(serde::Deserialize)]
struct ShowQuery {
    done: Option<String>,
}

async fn show(
    state: web::Data<AppState>,
    who: RequireRole<Admin>,
    q: web::Query<ShowQuery>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let notice = match q.done.as_deref() {
        Some("disabled") => Some("admin-webhooks-done-disabled"),
        Some("retried") => Some("admin-webhooks-done-retried"),
        _ => None,
    };
    let shown = Shown {
        status: StatusCode::OK,
        created: None,
        form: FormData::default(),
        errors: Errors::default(),
        notice,
    };
    render(&state, who, t, shown).await
}

struct Shown {
    status: StatusCode,
    created: Option<(String, String)>,
    form: FormData,
    errors: Errors,
    notice: Option<&'static str>,
}

async fn render(
    state: &web::Data<AppState>,
    who: RequireRole<Admin>,
    mut t: Tr,
    shown: Shown,
) -> Result<HttpResponse, WebError> {
    t.here = "/dashboard/admin/webhooks".into();
    let (subscriptions, failed) = state
        .run(|conn, _| Ok((hooks::list(conn)?, hooks::failed(conn)?)))
        .await?;
    Ok(page(
        shown.status,
        &WebhooksPage {
            t,
            csrf: csrf::token(&who.session),
            user: who.user,
            subscriptions,
            failed,
            events: EventType::ALL,
            identifiers: Identifier::ALL,
            created: shown.created,
            form: shown.form,
            errors: shown.errors,
            notice: shown.notice,
        },
    ))
}

/// The secret is shown on the answer itself (200, never stored, `no-store`).
async fn create(
    state: web::Data<AppState>,
    who: RequireRole<Admin>,
    CsrfForm(form): CsrfForm,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let (by, input) = (who.user.clone(), form.clone());
    let result = state
        .run(
            move |conn, ctx| match hooks::subscribe(conn, ctx, &by.actor(), &input) {
                Ok(created) => Ok(Ok((created.line.subscription.name, created.secret))),
                Err(WorkflowError::Invalid(errors)) => Ok(Err(errors)),
                Err(e) => Err(e.into()),
            },
        )
        .await?;
    let shown = match result {
        Ok(created) => Shown {
            status: StatusCode::OK,
            created: Some(created),
            form: FormData::default(),
            errors: Errors::default(),
            notice: None,
        },
        Err(errors) => Shown {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            created: None,
            errors: Errors::from_list(errors, &t),
            form,
            notice: None,
        },
    };
    render(&state, who, t, shown).await
}

async fn disable(
    state: web::Data<AppState>,
    who: RequireRole<Admin>,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm,
) -> Result<HttpResponse, WebError> {
    let (by, id) = (who.user.clone(), path.into_inner());
    state
        .run(move |conn, ctx| Ok(hooks::disable(conn, ctx, &by.actor(), &id)?))
        .await?;
    Ok(redirect("/dashboard/admin/webhooks?done=disabled"))
}

async fn retry(
    state: web::Data<AppState>,
    who: RequireRole<Admin>,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm,
) -> Result<HttpResponse, WebError> {
    let (by, id) = (who.user.clone(), path.into_inner());
    state
        .run(move |conn, ctx| Ok(hooks::retry(conn, ctx, &by, &id)?))
        .await?;
    Ok(redirect("/dashboard/admin/webhooks?done=retried"))
}
