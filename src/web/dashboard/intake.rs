//! Manual intake (issue 7): a handler or admin enters a request that arrived by phone,
//! letter, email or in person, with the true date and time of receipt. The kind and its
//! fields are the portal's (`templates/_kind_fields.html`, `parse_submission`). Bad input
//! comes back beside its field (422, what was typed kept); a receipt in the future is
//! refused.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

use crate::domain::channel::Channel;
use crate::domain::newtypes::limits;
use crate::i18n::{Lang, Tr};
use crate::web::extract::{CaseWorker, CsrfForm, RequireRole};
use crate::web::forms::{Errors, FormData};
use crate::web::portal::Choices;
use crate::web::{csrf, page, redirect, AppState, WebError};
use crate::workflow::manual::{self, CHANNELS};
use crate::workflow::users::Staff;
use crate::workflow::WorkflowError;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/dashboard/intake", web::get().to(form))
        .route("/dashboard/intake", web::post().to(enter));
}

#[derive(Template)]
#[template(path = "dashboard/intake.html")]
struct IntakePage {
    t: Tr,
    csrf: String,
    user: Staff,
    c: Choices,
    channels: &'static [Channel],
    form: FormData,
    errors: Errors,
    max_text: usize,
    timezone: String,
    languages: &'static [Lang],
    /// The subject's language when the form has none yet: the setting's.
    default_language: Lang,
}

impl IntakePage {
    /// The language the select shows chosen.
    fn language(&self) -> &str {
        match self.form.get("language") {
            "" => self.default_language.code(),
            chosen => chosen,
        }
    }

    /// Where an error summary line links to: the field, or a group's first choice.
    fn anchor(&self, field: &str) -> String {
        match field {
            "channel" => CHANNELS
                .first()
                .map(|c| format!("channel-{}", c.as_str()))
                .unwrap_or_else(|| field.to_string()),
            "kind" => self
                .c
                .kinds
                .first()
                .map(|k| format!("kind-{}", k.as_str()))
                .unwrap_or_else(|| field.to_string()),
            "verified" => "verified-no".into(),
            other => other.to_string(),
        }
    }
}

fn intake_page(
    state: &AppState,
    register: &[crate::domain::categories::Category],
    t: Tr,
    csrf: String,
    user: Staff,
    form: FormData,
    errors: Errors,
) -> IntakePage {
    IntakePage {
        c: Choices::new(register, &t),
        t,
        csrf,
        user,
        channels: CHANNELS,
        form,
        errors,
        max_text: limits::FREE_TEXT,
        timezone: state.settings.timezone.to_string(),
        languages: Lang::ALL,
        default_language: state.settings.language,
    }
}

async fn form(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    // Start from now, in the controller's time zone; the handler changes it to the
    // true moment of receipt.
    let now = state.clock.now().with_timezone(&state.settings.timezone);
    let form = FormData(vec![
        ("received_date".into(), now.format("%Y-%m-%d").to_string()),
        ("received_time".into(), now.format("%H:%M").to_string()),
    ]);
    let register = crate::web::portal::register(&state).await?;
    Ok(page(
        StatusCode::OK,
        &intake_page(
            &state,
            &register,
            t,
            csrf::token(&who.session),
            who.user,
            form,
            Errors::default(),
        ),
    ))
}

async fn enter(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    CsrfForm(form): CsrfForm,
    mut t: Tr,
) -> Result<HttpResponse, WebError> {
    t.here = "/dashboard/intake".into();
    let by = who.user.clone();
    let for_flow = form.clone();
    let result = state
        .run(move |conn, ctx| {
            let input = match manual::parse_manual(&for_flow, ctx.settings.timezone, ctx.now) {
                Ok(input) => input,
                Err(errors) => return Ok(Err(errors)),
            };
            match manual::enter(conn, ctx, &by.actor(), &input) {
                Ok(done) => Ok(Ok(done)),
                Err(WorkflowError::Invalid(errors)) => Ok(Err(errors)),
                Err(e) => Err(e.into()),
            }
        })
        .await?;
    match result {
        Ok(done) => {
            tracing::info!(reference = %done.reference, by = %who.user.id, "request entered by hand");
            Ok(redirect(&format!("/dashboard/requests/{}", done.id)))
        }
        Err(errors) => Ok(page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &intake_page(
                &state,
                &crate::web::portal::register(&state).await?,
                t.clone(),
                csrf::token(&who.session),
                who.user,
                form,
                Errors::from_list(errors, &t),
            ),
        )),
    }
}
