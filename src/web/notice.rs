//! `/notice/<token>`: the page an Art. 19 notice's link opens for its recipient (issue
//! 11). No login: the link is the key, and it opens that one notice only (any other
//! token: 404). The GET only shows the notice; acknowledging is the form's POST, so a
//! mail scanner that opens links acknowledges nothing. A second visit shows when it was
//! acknowledged.

use actix_session::Session;
use actix_web::{web, HttpResponse};
use askama::Template;

use super::extract::CsrfForm;
use super::{csrf, ok_page, AppState, WebError};
use crate::i18n::Tr;
use crate::workflow::notices::{self, AckView};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/notice/{token}", web::get().to(show))
        .route("/notice/{token}", web::post().to(acknowledge));
}

#[derive(Template)]
#[template(path = "notice.html")]
struct NoticePage {
    t: Tr,
    csrf: String,
    token: String,
    v: AckView,
    /// Just acknowledged by this POST.
    done: bool,
}

async fn show(
    mut t: Tr,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let token = path.into_inner();
    t.here = format!("/notice/{token}");
    let (secret, words) = (token.clone(), t.clone());
    let v = state
        .run(move |conn, _| Ok(notices::open_link(conn, &secret, &words)?))
        .await?;
    Ok(ok_page(&NoticePage {
        t,
        csrf: csrf::token(&session),
        token,
        v,
        done: false,
    }))
}

async fn acknowledge(
    mut t: Tr,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm,
) -> Result<HttpResponse, WebError> {
    let token = path.into_inner();
    t.here = format!("/notice/{token}");
    let (secret, words) = (token.clone(), t.clone());
    let v = state
        .run(move |conn, ctx| Ok(notices::acknowledge(conn, ctx, &secret, &words)?))
        .await?;
    Ok(ok_page(&NoticePage {
        t,
        csrf: csrf::token(&session),
        token,
        v,
        done: true,
    }))
}
