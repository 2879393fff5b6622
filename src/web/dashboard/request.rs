//! The request page: the subject, the request, both deadlines, the timeline and the
//! emails.

use actix_web::{web, HttpResponse};
use askama::Template;

use crate::web::extract::CurrentUser;
use crate::web::{csrf, ok_page, AppState, WebError};
use crate::workflow::users::Staff;
use crate::workflow::view::{self, RequestPageView};

#[derive(Template)]
#[template(path = "dashboard/detail.html")]
struct DetailPage {
    csrf: String,
    user: Staff,
    v: RequestPageView,
}

pub(super) async fn page(
    state: web::Data<AppState>,
    CurrentUser { user, session }: CurrentUser,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let v = state
        .run(move |conn, ctx| Ok(view::request_page(conn, ctx, &id)?))
        .await?;
    Ok(ok_page(&DetailPage {
        csrf: csrf::token(&session),
        user,
        v,
    }))
}
