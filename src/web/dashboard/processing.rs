//! `/dashboard/admin/processing` (issue 12): admins keep the processing register
//! (Art. 30): each purpose with its legal basis, data categories, recipients, retention
//! (a rule of the retention register, or in words), source and automated decision. The
//! access cover letter is drawn from it. A bad form comes back 422 with the error beside
//! the field and what was typed kept.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

use crate::domain::categories::Category;
use crate::domain::kinds::FormInput;
use crate::domain::package::LegalBasis;
use crate::i18n::Tr;
use crate::web::extract::{Admin, CsrfForm, RequireRole};
use crate::web::forms::{Errors, FormData};
use crate::web::{csrf, page, redirect, AppState, WebError};
use crate::workflow::processing::{self, Purpose, PurposeRow};
use crate::workflow::recipients::Recipient;
use crate::workflow::registers::{self, RetentionRule};
use crate::workflow::users::Staff;
use crate::workflow::WorkflowError;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/dashboard/admin/processing", web::get().to(show))
        .route("/dashboard/admin/processing", web::post().to(save));
}

/// The texts of a purpose, each in every language: (form field, label id).
const TEXT_FIELDS: &[(&str, &str)] = &[
    ("label_en", "admin-purpose-label-en"),
    ("label_nb", "admin-purpose-label-nb"),
    ("label_sv", "admin-purpose-label-sv"),
    ("retention_en", "admin-purpose-retention-en"),
    ("retention_nb", "admin-purpose-retention-nb"),
    ("retention_sv", "admin-purpose-retention-sv"),
    ("source_en", "admin-purpose-source-en"),
    ("source_nb", "admin-purpose-source-nb"),
    ("source_sv", "admin-purpose-source-sv"),
    ("automated_en", "admin-purpose-automated-en"),
    ("automated_nb", "admin-purpose-automated-nb"),
    ("automated_sv", "admin-purpose-automated-sv"),
];

/// One purpose's form as shown: its values, or what was typed when it came back.
struct PurposeForm {
    /// Prefix of the field ids: `p-<code>`, or `new`.
    prefix: String,
    new: bool,
    code: String,
    texts: Vec<(String, String)>,
    basis: String,
    rule: String,
    categories: Vec<String>,
    recipients: Vec<String>,
    active: bool,
    /// This is the form that came back with errors.
    came_back: bool,
}

impl PurposeForm {
    fn of(p: &Purpose, cats: &[String], recs: &[String]) -> Self {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        let texts = [
            ("label_en", p.label_en.clone()),
            ("label_nb", p.label_nb.clone()),
            ("label_sv", p.label_sv.clone()),
            ("retention_en", text(&p.retention_en)),
            ("retention_nb", text(&p.retention_nb)),
            ("retention_sv", text(&p.retention_sv)),
            ("source_en", text(&p.source_en)),
            ("source_nb", text(&p.source_nb)),
            ("source_sv", text(&p.source_sv)),
            ("automated_en", text(&p.automated_en)),
            ("automated_nb", text(&p.automated_nb)),
            ("automated_sv", text(&p.automated_sv)),
        ];
        PurposeForm {
            prefix: format!("p-{}", p.code),
            new: false,
            code: p.code.clone(),
            texts: texts.into_iter().map(|(f, v)| (f.to_string(), v)).collect(),
            basis: p.legal_basis.clone(),
            rule: p.retention_rule_id.clone().unwrap_or_default(),
            categories: cats.to_vec(),
            recipients: recs.to_vec(),
            active: p.active,
            came_back: false,
        }
    }

    fn blank() -> Self {
        PurposeForm {
            prefix: "new".into(),
            new: true,
            code: String::new(),
            texts: Vec::new(),
            basis: String::new(),
            rule: String::new(),
            categories: Vec::new(),
            recipients: Vec::new(),
            active: true,
            came_back: false,
        }
    }

    /// The form as typed, shown again beside its errors.
    fn typed(form: &FormData, prefix: String, new: bool) -> Self {
        PurposeForm {
            prefix,
            new,
            code: form.get("code").to_string(),
            texts: TEXT_FIELDS
                .iter()
                .map(|(f, _)| (f.to_string(), form.get(f).to_string()))
                .collect(),
            basis: form.get("legal_basis").to_string(),
            rule: form.get("retention_rule").to_string(),
            categories: form
                .values("category")
                .iter()
                .map(|v| v.to_string())
                .collect(),
            recipients: form
                .values("recipient")
                .iter()
                .map(|v| v.to_string())
                .collect(),
            active: !form.get("active").is_empty(),
            came_back: true,
        }
    }

    fn text(&self, field: &str) -> &str {
        self.texts
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    fn has_category(&self, code: &str) -> bool {
        self.categories.iter().any(|c| c == code)
    }

    fn has_recipient(&self, id: &str) -> bool {
        self.recipients.iter().any(|r| r == id)
    }
}

#[derive(Template)]
#[template(path = "dashboard/processing.html")]
struct ProcessingPage {
    t: Tr,
    csrf: String,
    user: Staff,
    purposes: Vec<PurposeRow>,
    forms: Vec<PurposeForm>,
    new_form: PurposeForm,
    rules: Vec<RetentionRule>,
    categories: Vec<Category>,
    recipients: Vec<(Recipient, Vec<String>)>,
    bases: &'static [LegalBasis],
    text_fields: &'static [(&'static str, &'static str)],
    errors: Errors,
    notice: Option<&'static str>,
}

impl ProcessingPage {
    fn label(&self, p: &Purpose) -> String {
        processing::label(p, self.t.lang).to_string()
    }

    fn basis_words(&self, p: &Purpose) -> String {
        LegalBasis::parse(&p.legal_basis)
            .map(|b| self.t.t(b.label_id()))
            .unwrap_or_else(|| p.legal_basis.clone())
    }

    fn retention_words(&self, p: &Purpose) -> String {
        match processing::retention_words(p, &self.rules, self.t.lang) {
            (words, Some(citation)) => format!("{words} ({citation})"),
            (words, None) => words,
        }
    }

    fn category_words(&self, code: &str) -> String {
        crate::domain::categories::label_in(&self.categories, code, &self.t)
    }

    fn category_label(&self, c: &Category) -> String {
        c.label(&self.t)
    }

    fn recipient_name(&self, id: &str) -> String {
        self.recipients
            .iter()
            .find(|(r, _)| r.id == id)
            .map(|(r, _)| r.name.clone())
            .unwrap_or_else(|| id.to_string())
    }

    /// The id prefix of the form that came back, for the error summary's links.
    fn back_prefix(&self) -> &str {
        self.forms
            .iter()
            .chain(std::iter::once(&self.new_form))
            .find(|f| f.came_back)
            .map(|f| f.prefix.as_str())
            .unwrap_or("new")
    }

    /// The error beside a field of `f`, only on the form that came back.
    fn error(&self, f: &PurposeForm, field: &str) -> Option<String> {
        if f.came_back {
            self.errors.get(field).map(str::to_string)
        } else {
            None
        }
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
    let notice = q.done.as_deref().map(|_| "admin-done-purpose");
    render(
        &state,
        who,
        t,
        StatusCode::OK,
        None,
        Errors::default(),
        notice,
    )
    .await
}

async fn render(
    state: &web::Data<AppState>,
    who: RequireRole<Admin>,
    mut t: Tr,
    status: StatusCode,
    came_back: Option<&FormData>,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<HttpResponse, WebError> {
    t.here = "/dashboard/admin/processing".into();
    let (purposes, rules, categories, recipients) = state
        .run(|conn, _| {
            Ok((
                processing::register(conn)?,
                registers::rules(conn)?,
                registers::categories(conn)?,
                crate::workflow::recipients::list(conn)?,
            ))
        })
        .await?;
    let back_new = came_back.is_some_and(|f| f.get("new") == "1");
    let mut forms = Vec::new();
    for (p, cats, recs) in &purposes {
        let form = match came_back {
            Some(f) if !back_new && f.get("code") == p.code => {
                PurposeForm::typed(f, format!("p-{}", p.code), false)
            }
            _ => PurposeForm::of(p, cats, recs),
        };
        forms.push(form);
    }
    let new_form = match came_back {
        Some(f) if back_new => PurposeForm::typed(f, "new".into(), true),
        _ => PurposeForm::blank(),
    };
    Ok(page(
        status,
        &ProcessingPage {
            t,
            csrf: csrf::token(&who.session),
            user: who.user,
            purposes,
            forms,
            new_form,
            rules,
            categories,
            recipients,
            bases: LegalBasis::ALL,
            text_fields: TEXT_FIELDS,
            errors,
            notice,
        },
    ))
}

async fn save(
    state: web::Data<AppState>,
    who: RequireRole<Admin>,
    CsrfForm(form): CsrfForm,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let (by, input) = (who.user.clone(), form.clone());
    let result = state
        .run(
            move |conn, ctx| match processing::save_purpose(conn, ctx, &by, &input) {
                Ok(code) => Ok(Ok(code)),
                Err(WorkflowError::Invalid(errors)) => Ok(Err(errors)),
                Err(e) => Err(e.into()),
            },
        )
        .await?;
    match result {
        Ok(code) => Ok(redirect(&format!(
            "/dashboard/admin/processing?done={code}#purposes"
        ))),
        Err(errors) => {
            let errors = Errors::from_list(errors, &t);
            render(
                &state,
                who,
                t,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(&form),
                errors,
                None,
            )
            .await
        }
    }
}
