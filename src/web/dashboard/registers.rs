//! Issue 10's dashboard pages:
//! - `/dashboard/retention`: everything kept under a legal-retention rule, soonest expiry
//!   first, filtered by category, rule or "time is up" (the follow-up tasks); handlers
//!   mark kept data erased;
//! - `/dashboard/suppression`: the Art. 21(3) suppression list, with its CSV and JSON
//!   export for marketing systems (401 without a login, CSV cells defused);
//! - `/dashboard/admin/registers`: admins edit the data categories and retention rules.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

use crate::domain::categories::Category;
use crate::domain::recipients::{Identifier, RecipientKind};
use crate::domain::retention::{Anchor, PeriodUnit};
use crate::i18n::Tr;
use crate::web::extract::{Admin, CaseWorker, CsrfForm, CurrentUser, RequireRole};
use crate::web::forms::{Errors, FormData};
use crate::web::{csrf, ok_page, page, redirect, AppState, WebError};
use crate::workflow::export::defuse;
use crate::workflow::objection::Suppression;
use crate::workflow::recipients::Recipient;
use crate::workflow::registers::RetentionRule;
use crate::workflow::retention::{self, RetainedFilterInput, RetainedItem};
use crate::workflow::users::Staff;
use crate::workflow::{objection, registers, WorkflowError};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/dashboard/retention", web::get().to(retention_page))
        .route("/dashboard/retention/erased", web::post().to(mark_erased))
        .route("/dashboard/suppression", web::get().to(suppression_page))
        .route(
            "/dashboard/suppression.csv",
            web::get().to(|s, u| suppression_export(s, u, Format::Csv)),
        )
        .route(
            "/dashboard/suppression.json",
            web::get().to(|s, u| suppression_export(s, u, Format::Json)),
        )
        .route("/dashboard/admin/registers", web::get().to(registers_page))
        .route("/dashboard/admin/categories", web::post().to(save_category))
        .route("/dashboard/admin/rules", web::post().to(save_rule))
        .route(
            "/dashboard/admin/recipients",
            web::post().to(save_recipient),
        );
}

// --- Retention register -----------------------------------------------------------------------

#[derive(Template)]
#[template(path = "dashboard/retention.html")]
struct RetentionPage {
    t: Tr,
    csrf: String,
    user: Staff,
    items: Vec<RetainedItem>,
    categories: Vec<(String, String)>,
    rules: Vec<(String, String)>,
    category: String,
    rule: String,
    due_only: bool,
    limit: i64,
}

#[derive(serde::Deserialize)]
struct RetentionQuery {
    category: Option<String>,
    rule: Option<String>,
    due: Option<String>,
}

async fn retention_page(
    state: web::Data<AppState>,
    CurrentUser { user, session }: CurrentUser,
    q: web::Query<RetentionQuery>,
    mut t: Tr,
) -> Result<HttpResponse, WebError> {
    fn pick(v: &Option<String>) -> Option<&str> {
        v.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
    let filter = RetainedFilterInput {
        category: pick(&q.category).map(str::to_string),
        rule: pick(&q.rule).map(str::to_string),
        due_only: pick(&q.due).is_some(),
    };
    t.here = "/dashboard/retention".into();
    let words = t.clone();
    let (category, rule, due_only) = (
        filter.category.clone().unwrap_or_default(),
        filter.rule.clone().unwrap_or_default(),
        filter.due_only,
    );
    let (items, categories, rules) = state
        .run(move |conn, ctx| {
            let items = retention::retained(conn, ctx, &filter, &words)?;
            let categories = registers::categories(conn)?
                .iter()
                .map(|c| (c.code.clone(), c.label(&words)))
                .collect();
            let rules = registers::rules(conn)?
                .iter()
                .map(|r| (r.id.clone(), retention::rule_words(r, &words)))
                .collect();
            Ok((items, categories, rules))
        })
        .await?;
    Ok(ok_page(&RetentionPage {
        t,
        csrf: csrf::token(&session),
        user,
        items,
        categories,
        rules,
        category,
        rule,
        due_only,
        limit: retention::PAGE,
    }))
}

async fn mark_erased(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    CsrfForm(form): CsrfForm,
) -> Result<HttpResponse, WebError> {
    let (request_id, category) = (
        form.get("request_id").to_string(),
        form.get("category").to_string(),
    );
    let by = who.user.clone();
    state
        .run(move |conn, ctx| {
            Ok(retention::mark_erased(
                conn,
                ctx,
                &by,
                &request_id,
                &category,
            )?)
        })
        .await?;
    Ok(redirect("/dashboard/retention"))
}

// --- Suppression list ---------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "dashboard/suppression.html")]
struct SuppressionPage {
    t: Tr,
    csrf: String,
    user: Staff,
    rows: Vec<Suppression>,
    total: i64,
}

async fn suppression_page(
    state: web::Data<AppState>,
    CurrentUser { user, session }: CurrentUser,
    mut t: Tr,
) -> Result<HttpResponse, WebError> {
    t.here = "/dashboard/suppression".into();
    let (rows, total) = state
        .run(|conn, _| Ok(objection::suppression_page(conn)?))
        .await?;
    Ok(ok_page(&SuppressionPage {
        t,
        csrf: csrf::token(&session),
        user,
        rows,
        total,
    }))
}

#[derive(Clone, Copy)]
enum Format {
    Csv,
    Json,
}

#[derive(serde::Serialize)]
struct ExportRow<'a> {
    kind: &'a str,
    value: &'a str,
    since: String,
}

/// The list for marketing systems: any logged-in staff member; without a login, 401
/// (not the login page: the callers are programs). Audited under the account.
async fn suppression_export(
    state: web::Data<AppState>,
    user: Option<CurrentUser>,
    format: Format,
) -> Result<HttpResponse, WebError> {
    let Some(CurrentUser { user, .. }) = user else {
        return Ok(HttpResponse::Unauthorized()
            .content_type("application/problem+json")
            .body(
                serde_json::json!({
                    "type": "about:blank",
                    "title": "Log in to export the suppression list",
                    "status": 401,
                })
                .to_string(),
            ));
    };
    let name = match format {
        Format::Csv => "csv",
        Format::Json => "json",
    };
    let rows = state
        .run(move |conn, ctx| {
            let actor = user.actor();
            Ok(objection::suppression_export(conn, ctx, &actor, name)?)
        })
        .await?;
    let export: Vec<ExportRow<'_>> = rows
        .iter()
        .map(|r| ExportRow {
            kind: &r.kind,
            value: &r.value,
            since: r.created_at.and_utc().to_rfc3339(),
        })
        .collect();
    match format {
        Format::Json => Ok(HttpResponse::Ok()
            .content_type("application/json")
            .insert_header((
                actix_web::http::header::CONTENT_DISPOSITION,
                "attachment; filename=\"suppression.json\"",
            ))
            .body(serde_json::to_string(&export).map_err(|e| WebError::Internal(e.to_string()))?)),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let internal = |e: csv::Error| WebError::Internal(e.to_string());
            w.write_record(["kind", "value", "since"])
                .map_err(internal)?;
            for r in &export {
                // A number such as +4791234567 is written '+4791234567: a cell that
                // starts with + runs as a formula in a spreadsheet (OWASP CSV injection).
                w.write_record([
                    defuse(r.kind).into_owned(),
                    defuse(r.value).into_owned(),
                    defuse(&r.since).into_owned(),
                ])
                .map_err(internal)?;
            }
            let body = w
                .into_inner()
                .map_err(|e| WebError::Internal(e.to_string()))?;
            Ok(HttpResponse::Ok()
                .content_type("text/csv; charset=utf-8")
                .insert_header((
                    actix_web::http::header::CONTENT_DISPOSITION,
                    "attachment; filename=\"suppression.csv\"",
                ))
                .body(body))
        }
    }
}

// --- Admin: the registers --------------------------------------------------------------------

#[derive(Template)]
#[template(path = "dashboard/registers.html")]
struct RegistersPage {
    t: Tr,
    csrf: String,
    user: Staff,
    categories: Vec<Category>,
    rules: Vec<RetentionRule>,
    recipients: Vec<(Recipient, Vec<String>)>,
    recipient_kinds: &'static [RecipientKind],
    identifiers: &'static [Identifier],
    units: &'static [PeriodUnit],
    anchors: &'static [Anchor],
    /// The form that came back ("category" or "rule"), with what was typed.
    form_of: &'static str,
    form: FormData,
    errors: Errors,
    notice: Option<&'static str>,
}

impl RegistersPage {
    fn label(&self, c: &Category) -> String {
        c.label(&self.t)
    }

    fn rule_words(&self, r: &RetentionRule) -> String {
        retention::rule_words(r, &self.t)
    }

    fn category_words(&self, code: &str) -> String {
        crate::domain::categories::label_in(&self.categories, code, &self.t)
    }

    fn unit_words(&self, u: &PeriodUnit) -> String {
        self.t.t(match u {
            PeriodUnit::Days => "admin-unit-days",
            PeriodUnit::Months => "admin-unit-months",
            PeriodUnit::Years => "admin-unit-years",
        })
    }

    fn anchor_words(&self, a: &Anchor) -> String {
        self.t.t(match a {
            Anchor::EventDate => "dash-rule-after-event",
            Anchor::FinancialYearEnd => "dash-rule-after-financial-year",
            Anchor::CalendarYearEnd => "dash-rule-after-calendar-year",
        })
    }

    /// Whether a recipient's list holds `value` (its categories, or its identifiers).
    fn holds(&self, list: &[String], value: &str) -> bool {
        list.iter().any(|v| v == value)
    }

    fn identifier_list(&self, r: &Recipient) -> Vec<String> {
        r.identifiers.split(',').map(str::to_string).collect()
    }

    /// A field of the "add" form: what was typed if that form came back.
    fn typed(&self, form: &str, field: &str) -> String {
        if self.form_of == form && self.form.get("new") == "1" {
            self.form.get(field).to_string()
        } else {
            String::new()
        }
    }
}

#[derive(serde::Deserialize)]
struct RegistersQuery {
    done: Option<String>,
}

async fn registers_page(
    state: web::Data<AppState>,
    who: RequireRole<Admin>,
    q: web::Query<RegistersQuery>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let notice = match q.done.as_deref() {
        Some("category") => Some("admin-done-category"),
        Some("rule") => Some("admin-done-rule"),
        Some("recipient") => Some("admin-done-recipient"),
        _ => None,
    };
    render_registers(
        &state,
        who,
        t,
        StatusCode::OK,
        "",
        FormData::default(),
        Errors::default(),
        notice,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn render_registers(
    state: &web::Data<AppState>,
    who: RequireRole<Admin>,
    mut t: Tr,
    status: StatusCode,
    form_of: &'static str,
    form: FormData,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<HttpResponse, WebError> {
    t.here = "/dashboard/admin/registers".into();
    let (categories, rules, recipients) = state
        .run(|conn, _| {
            Ok((
                registers::categories(conn)?,
                registers::rules(conn)?,
                crate::workflow::recipients::list(conn)?,
            ))
        })
        .await?;
    Ok(page(
        status,
        &RegistersPage {
            t,
            csrf: csrf::token(&who.session),
            user: who.user,
            categories,
            rules,
            recipients,
            recipient_kinds: RecipientKind::ALL,
            identifiers: Identifier::ALL,
            units: &PeriodUnit::ALL,
            anchors: &Anchor::ALL,
            form_of,
            form,
            errors,
            notice,
        },
    ))
}

type Save = fn(
    &mut crate::workflow::Conn,
    &crate::workflow::Ctx<'_>,
    &Staff,
    &dyn crate::domain::kinds::FormInput,
) -> Result<String, WorkflowError>;

async fn save(
    state: web::Data<AppState>,
    who: RequireRole<Admin>,
    form: FormData,
    t: Tr,
    form_of: &'static str,
    step: Save,
) -> Result<HttpResponse, WebError> {
    let (by, input) = (who.user.clone(), form.clone());
    let result = state
        .run(move |conn, ctx| match step(conn, ctx, &by, &input) {
            Ok(_) => Ok(Ok(())),
            Err(WorkflowError::Invalid(errors)) => Ok(Err(errors)),
            Err(e) => Err(e.into()),
        })
        .await?;
    match result {
        Ok(()) => Ok(redirect(&format!(
            "/dashboard/admin/registers?done={form_of}"
        ))),
        Err(errors) => {
            let errors = Errors::from_list(errors, &t);
            render_registers(
                &state,
                who,
                t,
                StatusCode::UNPROCESSABLE_ENTITY,
                form_of,
                form,
                errors,
                None,
            )
            .await
        }
    }
}

async fn save_category(
    state: web::Data<AppState>,
    who: RequireRole<Admin>,
    CsrfForm(form): CsrfForm,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    save(state, who, form, t, "category", |c, x, by, f| {
        registers::save_category(c, x, by, f)
    })
    .await
}

async fn save_rule(
    state: web::Data<AppState>,
    who: RequireRole<Admin>,
    CsrfForm(form): CsrfForm,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    save(state, who, form, t, "rule", |c, x, by, f| {
        registers::save_rule(c, x, by, f)
    })
    .await
}

async fn save_recipient(
    state: web::Data<AppState>,
    who: RequireRole<Admin>,
    CsrfForm(form): CsrfForm,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    save(state, who, form, t, "recipient", |c, x, by, f| {
        crate::workflow::recipients::save(c, x, by, f)
    })
    .await
}
