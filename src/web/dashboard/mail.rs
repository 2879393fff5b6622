//! Email that could not be sent after the last attempt (DESIGN §8): shown so a handler
//! can reach the person another way.

use actix_web::{web, HttpResponse};
use askama::Template;

use crate::i18n::Tr;
use crate::web::extract::{CaseWorker, CsrfForm, CurrentUser, RequireRole};
use crate::web::{csrf, ok_page, redirect, AppState, WebError};
use crate::workflow::users::Staff;
use crate::workflow::view::{self, FailedMailLine};

#[derive(Template)]
#[template(path = "dashboard/failed_mail.html")]
struct FailedMailPage {
    t: Tr,
    csrf: String,
    user: Staff,
    rows: Vec<FailedMailLine>,
    /// A message was just put back in the queue.
    resent: bool,
}

#[derive(serde::Deserialize)]
pub(super) struct Done {
    done: Option<String>,
}

pub(super) async fn failed_mail(
    state: web::Data<AppState>,
    CurrentUser { user, session }: CurrentUser,
    q: web::Query<Done>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let rows = state
        .run(|conn, ctx| Ok(view::failed_mail(conn, ctx, 200)?))
        .await?;
    Ok(ok_page(&FailedMailPage {
        t,
        csrf: csrf::token(&session),
        user,
        rows,
        resent: q.done.as_deref() == Some("resent"),
    }))
}

/// `POST /dashboard/mail/{id}/resend`: one failed message back in the queue (handlers
/// and admins; the dispatcher is woken when the transaction commits). From the request
/// page (`back=request`) the answer goes back there.
pub(super) async fn resend(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    CsrfForm(form): CsrfForm,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let by = who.user.clone();
    let request_id = state
        .run(move |conn, ctx| {
            Ok(crate::workflow::mail::resend_one(
                conn,
                ctx,
                &by.actor(),
                &id,
            )?)
        })
        .await?;
    match request_id {
        Some(rid) if form.get("back") == "request" => Ok(redirect(&format!(
            "/dashboard/requests/{rid}?done=mail-resent"
        ))),
        _ => Ok(redirect("/dashboard/mail/failed?done=resent")),
    }
}
