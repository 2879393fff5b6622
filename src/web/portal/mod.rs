//! The self-service portal for data subjects (DESIGN §1, §3): the request form, email
//! verification, status pages reached only through emailed links, "track my requests"
//! and withdrawal. Subjects have no passwords: an emailed link adds a grant to their
//! cookie (see `grants`): a status link opens its own request, a "track" link the
//! address's list, and each ends when its link expires.

pub mod grants;
mod status;

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::extract::CsrfForm;
use super::forms::{Errors, FormData};
use super::{csrf, ok_page, page, redirect, AppState, WebError};
use crate::domain::categories::Category;
use crate::domain::kinds::{Kind, ERASURE_GROUNDS, OBJECTION_PURPOSES, RESTRICTION_GROUNDS};
use crate::domain::newtypes::{limits, EmailAddress};
use crate::domain::status::Status;
use crate::domain::submission::parse_submission;
use crate::i18n::Tr;
use crate::workflow::intake::{self, Channel};
use crate::workflow::subject::{self, VerificationLink};
use crate::workflow::view::{self, RequestView};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home))
        .route("/requests", web::post().to(submit))
        .route("/verify/{token}", web::get().to(verify_page))
        .route("/verify/{token}", web::post().to(verify))
        .route("/s/{token}", web::get().to(open_link))
        .route("/track", web::get().to(track_form))
        .route("/track", web::post().to(track))
        .route("/my/requests", web::get().to(my_requests))
        .route("/my/requests/{id}", web::get().to(status::status_page))
        .route("/my/requests/{id}/answer", web::post().to(status::answer))
        .route(
            "/my/requests/{id}/package",
            web::get().to(status::download_package),
        )
        .route(
            "/my/requests/{id}/evidence",
            web::post().to(status::evidence),
        )
        .route(
            "/my/requests/{id}/recipients",
            web::post().to(status::email_recipients),
        )
        .route(
            "/my/requests/{id}/withdraw",
            web::get().to(status::withdraw_page),
        )
        .route(
            "/my/requests/{id}/withdraw",
            web::post().to(status::withdraw),
        );
}

/// Lists the template iterates over.
pub struct Choices {
    pub kinds: &'static [Kind],
    /// The register's active categories: (code, words in the reader's language).
    pub categories: Vec<(String, String)>,
    pub erasure_grounds: &'static [(&'static str, &'static str)],
    pub restriction_grounds: &'static [(&'static str, &'static str)],
    pub objection_purposes: &'static [(&'static str, &'static str)],
    pub rect_rows: Vec<usize>,
}

impl Choices {
    pub(crate) fn new(register: &[Category], t: &Tr) -> Self {
        Self {
            kinds: Kind::ALL,
            categories: register
                .iter()
                .filter(|c| c.active)
                .map(|c| (c.code.clone(), c.label(t)))
                .collect(),
            erasure_grounds: ERASURE_GROUNDS,
            restriction_grounds: RESTRICTION_GROUNDS,
            objection_purposes: OBJECTION_PURPOSES,
            rect_rows: (1..=3).collect(),
        }
    }
}

#[derive(Template)]
#[template(path = "portal/home.html")]
struct HomePage {
    t: Tr,
    csrf: String,
    organisation: String,
    policy_days: u32,
    c: Choices,
    form: FormData,
    errors: Errors,
    max_text: usize,
}

#[derive(serde::Deserialize)]
struct HomeQuery {
    kind: Option<String>,
}

/// The data categories the forms offer.
pub(crate) async fn register(state: &AppState) -> Result<Vec<Category>, WebError> {
    state
        .run(|conn, _| Ok(crate::workflow::registers::active_categories(conn)?))
        .await
}

async fn home(
    t: Tr,
    state: web::Data<AppState>,
    session: Session,
    q: web::Query<HomeQuery>,
) -> Result<HttpResponse, WebError> {
    let mut form = FormData::default();
    if let Some(k) = q.kind.as_deref().and_then(Kind::parse) {
        form.0.push(("kind".into(), k.as_str().into()));
    }
    let register = register(&state).await?;
    Ok(ok_page(&HomePage {
        c: Choices::new(&register, &t),
        t,
        csrf: csrf::token(&session),
        organisation: state.settings.organisation.clone(),
        policy_days: state.settings.policy_days,
        form,
        errors: Errors::default(),
        max_text: limits::FREE_TEXT,
    }))
}

#[derive(Template)]
#[template(path = "portal/submitted.html")]
struct SubmittedPage {
    t: Tr,
    reference: String,
    email: String,
    verification_days: u32,
}

async fn submit(
    mut t: Tr,
    state: web::Data<AppState>,
    session: Session,
    req: HttpRequest,
    CsrfForm(form): CsrfForm,
) -> Result<HttpResponse, WebError> {
    t.here = "/".into();
    let register = register(&state).await?;
    let parsed = parse_submission(&form).and_then(|s| {
        match crate::workflow::registers::category_error(&register, &s.details) {
            Some(e) => Err(vec![e]),
            None => Ok(s),
        }
    });
    let submission = match parsed {
        Ok(s) => s,
        Err(errors) => {
            let errors = Errors::from_list(errors, &t);
            return Ok(page(
                StatusCode::UNPROCESSABLE_ENTITY,
                &HomePage {
                    c: Choices::new(&register, &t),
                    t,
                    csrf: csrf::token(&session),
                    organisation: state.settings.organisation.clone(),
                    policy_days: state.settings.policy_days,
                    form,
                    errors,
                    max_text: limits::FREE_TEXT,
                },
            ));
        }
    };
    let email = submission.email.to_string();
    let masked = submission.email.masked();
    if !state.portal_allows(&[
        ("submit-ip", &super::auth::client_ip(&req)),
        ("submit-email", &email),
    ]) {
        return Err(WebError::TooManyRequests);
    }
    let lang = super::lang::choose(&req, state.settings.language);
    let done = state
        .run(move |conn, ctx| {
            Ok(intake::submit(
                conn,
                ctx,
                &submission,
                Channel::Portal,
                lang,
                &crate::workflow::Actor::Subject,
            )?)
        })
        .await?;
    tracing::info!(reference = %done.reference, subject = %masked, "request received");
    Ok(ok_page(&SubmittedPage {
        t,
        reference: done.reference,
        email,
        verification_days: state.settings.verification_days,
    }))
}

#[derive(Template)]
#[template(path = "portal/verify.html")]
struct VerifyPage {
    t: Tr,
    csrf: String,
    token: String,
    reference: String,
    kind: Kind,
}

#[derive(Template)]
#[template(path = "portal/link_used.html")]
struct LinkUsedPage {
    t: Tr,
    expired: bool,
}

/// A verification link that no longer works: say whether it was used or ran out, and
/// point to "track my requests" instead of a bare "not found" (still 404: there is
/// nothing at this address any more). `Ok(view)`: it is live.
async fn dead_verification_link(
    t: &Tr,
    state: &web::Data<AppState>,
    token: String,
) -> Result<Result<RequestView, HttpResponse>, WebError> {
    let link = state
        .run(move |conn, ctx| Ok(subject::verification_link(conn, ctx, &token)?))
        .await?;
    match link {
        VerificationLink::Live(r) => Ok(Ok(*r)),
        VerificationLink::Used => Ok(Err(page(
            StatusCode::NOT_FOUND,
            &LinkUsedPage {
                t: t.clone(),
                expired: false,
            },
        ))),
        VerificationLink::Expired => Ok(Err(page(
            StatusCode::NOT_FOUND,
            &LinkUsedPage {
                t: t.clone(),
                expired: true,
            },
        ))),
        VerificationLink::Unknown => Err(WebError::NotFound),
    }
}

async fn verify_page(
    t: Tr,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let token = path.into_inner();
    let request = match dead_verification_link(&t, &state, token.clone()).await? {
        Ok(r) => r,
        Err(gone) => return Ok(gone),
    };
    Ok(ok_page(&VerifyPage {
        t,
        csrf: csrf::token(&session),
        token,
        reference: request.reference,
        kind: request.kind,
    }))
}

#[derive(Template)]
#[template(path = "portal/verified.html")]
struct VerifiedPage {
    t: Tr,
    r: RequestView,
}

/// Confirming is a POST (a button on the page the link opens), so mail scanners that
/// prefetch links cannot use the single-use token.
async fn verify(
    mut t: Tr,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    _form: CsrfForm,
) -> Result<HttpResponse, WebError> {
    let token = path.into_inner();
    t.here = format!("/verify/{token}");
    let tok = token.clone();
    let verified = match state
        .run(move |conn, ctx| Ok(intake::verify(conn, ctx, &tok)))
        .await?
    {
        Ok(v) => v,
        // Used meanwhile (a second click), or expired: say so.
        Err(crate::workflow::WorkflowError::NotFound) => {
            return match dead_verification_link(&t, &state, token).await? {
                Ok(_) => Err(WebError::NotFound),
                Err(gone) => Ok(gone),
            };
        }
        Err(e) => return Err(e.into()),
    };
    // The link proved control of the address: this browser may see this request, for
    // as long as the status link sent in the acknowledgement lives.
    grants::add(&session, verified.access.clone())?;
    Ok(ok_page(&VerifiedPage {
        t,
        r: verified.request,
    }))
}

/// An emailed access link: remember what it opens, then show the request or the list.
async fn open_link(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let token = path.into_inner();
    let access = state
        .run(move |conn, ctx| Ok(intake::open_access_link(conn, ctx, &token)?))
        .await?;
    let to = match &access.request_id {
        Some(id) => format!("/my/requests/{id}"),
        None => "/my/requests".to_string(),
    };
    grants::add(&session, access)?;
    Ok(redirect(&to))
}

#[derive(Template)]
#[template(path = "portal/track.html")]
struct TrackPage {
    t: Tr,
    csrf: String,
    email: String,
    errors: Errors,
    sent: bool,
}

async fn track_form(t: Tr, session: Session) -> HttpResponse {
    ok_page(&TrackPage {
        t,
        csrf: csrf::token(&session),
        email: String::new(),
        errors: Errors::default(),
        sent: false,
    })
}

async fn track(
    mut t: Tr,
    state: web::Data<AppState>,
    session: Session,
    req: HttpRequest,
    CsrfForm(form): CsrfForm,
) -> Result<HttpResponse, WebError> {
    t.here = "/track".into();
    let email = match EmailAddress::parse(form.get("email")) {
        Ok(e) => e,
        Err(m) => {
            let errors = Errors::single("email", m, &t);
            return Ok(page(
                StatusCode::UNPROCESSABLE_ENTITY,
                &TrackPage {
                    t,
                    csrf: csrf::token(&session),
                    email: form.get("email").to_string(),
                    errors,
                    sent: false,
                },
            ));
        }
    };
    let shown = email.to_string();
    if !state.portal_allows(&[
        ("track-ip", &super::auth::client_ip(&req)),
        ("track-email", &shown),
    ]) {
        return Err(WebError::TooManyRequests);
    }
    let lang = super::lang::choose(&req, state.settings.language);
    state
        .run(move |conn, ctx| Ok(intake::track(conn, ctx, &email, lang)?))
        .await?;
    // The same answer whether or not the address is known.
    Ok(ok_page(&TrackPage {
        t,
        csrf: csrf::token(&session),
        email: shown,
        errors: Errors::default(),
        sent: true,
    }))
}

#[derive(Template)]
#[template(path = "portal/my_requests.html")]
struct MyRequestsPage {
    t: Tr,
    email: String,
    requests: Vec<RequestView>,
}

async fn my_requests(
    t: Tr,
    state: web::Data<AppState>,
    session: Session,
) -> Result<HttpResponse, WebError> {
    let live = grants::live(&state, &session).await?;
    let Some(email) = live.first().map(|g| g.email.clone()) else {
        return Ok(redirect("/track"));
    };
    // The address's list for a "track" grant; the one request for a status grant.
    let opens: Vec<_> = live.iter().map(grants::Grant::opens).collect();
    let requests = state
        .run(move |conn, ctx| Ok(view::subject_requests(conn, ctx, &opens)?))
        .await?;
    Ok(ok_page(&MyRequestsPage { t, email, requests }))
}
