//! Email that could not be sent after the last attempt (DESIGN §8): shown so a handler
//! can reach the person another way.

use actix_web::{web, HttpResponse};
use askama::Template;

use crate::i18n::Tr;
use crate::web::extract::CurrentUser;
use crate::web::{csrf, ok_page, AppState, WebError};
use crate::workflow::users::Staff;
use crate::workflow::view::{self, FailedMailLine};

#[derive(Template)]
#[template(path = "dashboard/failed_mail.html")]
struct FailedMailPage {
    t: Tr,
    csrf: String,
    user: Staff,
    rows: Vec<FailedMailLine>,
}

pub(super) async fn failed_mail(
    state: web::Data<AppState>,
    CurrentUser { user, session }: CurrentUser,
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
    }))
}
