//! `/dashboard/admin/api-keys` (issue 13): admins create API keys (name, scopes, an
//! optional last day; the key is shown once, on the answer to the form) and revoke them.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

use crate::domain::api::Scope;
use crate::i18n::Tr;
use crate::web::extract::{Admin, CsrfForm, RequireRole};
use crate::web::forms::{Errors, FormData};
use crate::web::{csrf, page, redirect, AppState, WebError};
use crate::workflow::api_keys::{self, KeyLine};
use crate::workflow::users::Staff;
use crate::workflow::WorkflowError;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/dashboard/admin/api-keys", web::get().to(show))
        .route("/dashboard/admin/api-keys", web::post().to(create))
        .route(
            "/dashboard/admin/api-keys/{id}/revoke",
            web::post().to(revoke),
        );
}

#[derive(Template)]
#[template(path = "dashboard/api_keys.html")]
struct KeysPage {
    t: Tr,
    csrf: String,
    user: Staff,
    keys: Vec<KeyLine>,
    scopes: &'static [Scope],
    /// Active handlers and admins, for "acts as".
    case_workers: Vec<Staff>,
    /// The key just created: its name and secret, shown this once.
    created: Option<(String, String)>,
    form: FormData,
    errors: Errors,
    notice: Option<&'static str>,
}

impl KeysPage {
    fn ticked(&self, scope: &Scope) -> bool {
        self.form.has("scope", scope.as_str())
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
        Some("revoked") => Some("admin-api-done-revoked"),
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
    t.here = "/dashboard/admin/api-keys".into();
    let (keys, case_workers) = state
        .run(|conn, ctx| {
            let workers = crate::workflow::users::list(conn)?
                .into_iter()
                .filter(|u| u.active && u.role.works_cases())
                .collect();
            Ok((api_keys::list(conn, ctx)?, workers))
        })
        .await?;
    Ok(page(
        shown.status,
        &KeysPage {
            t,
            csrf: csrf::token(&who.session),
            user: who.user,
            keys,
            scopes: Scope::ALL,
            case_workers,
            created: shown.created,
            form: shown.form,
            errors: shown.errors,
            notice: shown.notice,
        },
    ))
}

/// The new key is shown on the answer itself (200, never stored, `no-store`).
async fn create(
    state: web::Data<AppState>,
    who: RequireRole<Admin>,
    CsrfForm(form): CsrfForm,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let (by, input) = (who.user.clone(), form.clone());
    let result = state
        .run(
            move |conn, ctx| match api_keys::create(conn, ctx, &by, &input) {
                Ok(created) => Ok(Ok((created.key.name, created.secret))),
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

async fn revoke(
    state: web::Data<AppState>,
    who: RequireRole<Admin>,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm,
) -> Result<HttpResponse, WebError> {
    let (by, id) = (who.user.clone(), path.into_inner());
    state
        .run(move |conn, ctx| Ok(api_keys::revoke(conn, ctx, &by, &id)?))
        .await?;
    Ok(redirect("/dashboard/admin/api-keys?done=revoked"))
}
