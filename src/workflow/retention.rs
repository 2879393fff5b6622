//! Erasure with legal-retention exceptions and restriction (issue 10, DESIGN §5,
//! Art. 17(3)(b), 18):
//! - the handler records an outcome for each data category a request covers (erased,
//!   kept under a rule until a computed date, not held; restricted for Art. 18);
//! - completing checks those outcomes (`completion_facts`): every category needs one,
//!   and anything kept makes the answer partial and is listed in it with its law and date;
//! - the retention register lists what is kept; when a rule's time is up the sweeper
//!   makes a follow-up task and reminds the assignee (`followups`), once; a handler marks
//!   the data erased (`mark_erased`), which the request's history shows;
//! - lifting a restriction first emails the subject (Art. 18(3)); the sweeper lifts it
//!   only once that email is marked sent (`finish_lifts`).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::case::{current, edit, invalid, mail_note, mail_tr, not_closed, stale};
use super::users::Staff;
use super::view::today;
use super::{audit, Actor, Conn, Ctx, Event, WorkflowError};
use crate::db::models::{CategoryOutcomeRow, Request, RestrictionLift, RetentionRule};
use crate::db::outcomes::RetainedFilter;
use crate::db::requests::RequestChanges;
use crate::db::{self, DbConn};
use crate::domain::categories::{
    completeness, label_in, missing_message, Category, CategoryOutcome, Completeness,
};
use crate::domain::kinds::{
    FormInput, Kind, RequestDetails, OBJECTION_PURPOSES, RESTRICTION_GROUNDS,
};
use crate::domain::msg::Msg;
use crate::domain::newtypes::{limits, FreeText};
use crate::domain::retention::until_date;
use crate::domain::status::Outcome;
use crate::i18n::Tr;
use crate::mail::messages::{
    self, RefusedLine, RestrictionLiftMail, RetainedLine, RetentionDueLine, RetentionDueMail,
};
use crate::mail::outbox::enqueue;

/// Rows of the retention register on one page, and follow-ups handled per sweep.
pub const PAGE: i64 = 200;

// --- Recording outcomes ------------------------------------------------------------------

pub struct OutcomeInput {
    pub category: String,
    pub outcome: CategoryOutcome,
    /// For `Retained`: the rule and the date it counts from.
    pub retained: Option<(String, NaiveDate)>,
}

/// The form beside one category on the request page. Errors carry the category in their
/// field name (`rule-billing`), so they show beside that category's row.
pub fn parse_outcome(f: &dyn FormInput) -> Result<OutcomeInput, WorkflowError> {
    let category = f.value("category").trim().to_string();
    let field = |name: &str| format!("{name}-{category}");
    let Some(outcome) = CategoryOutcome::parse(f.value("category_outcome")) else {
        return Err(invalid(
            &field("category_outcome"),
            Msg::new("case-outcome-choose"),
        ));
    };
    let retained = if outcome == CategoryOutcome::Retained {
        let rule = f.value("rule").trim();
        if rule.is_empty() {
            return Err(invalid(&field("rule"), Msg::new("case-outcome-rule")));
        }
        let Ok(anchor) = NaiveDate::parse_from_str(f.value("anchor_date").trim(), "%Y-%m-%d")
        else {
            return Err(invalid(
                &field("anchor_date"),
                Msg::new("case-outcome-anchor-format"),
            ));
        };
        Some((rule.to_string(), anchor))
    } else {
        None
    };
    Ok(OutcomeInput {
        category,
        outcome,
        retained,
    })
}

/// Record what was done with one category of an erasure or restriction request: while it
/// is open, at the version the form saw. A kept category names an active rule of that
/// category and the date the rule counts from (not in the future); the until date is
/// computed (`domain::retention::until_date`) and must not have passed: data whose time
/// is up is erased, not kept.
pub fn record_outcome(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    input: &OutcomeInput,
) -> Result<(), WorkflowError> {
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        not_closed(&request)?;
        let kind = request.kind()?;
        let allowed: &[CategoryOutcome] = match kind {
            Kind::Erasure => &CategoryOutcome::FOR_ERASURE,
            Kind::Restriction => &CategoryOutcome::FOR_RESTRICTION,
            _ => return Err(WorkflowError::NotFound),
        };
        let field = |name: &str| format!("{name}-{}", input.category);
        if !allowed.contains(&input.outcome) {
            return Err(invalid(
                &field("category_outcome"),
                Msg::new("case-outcome-choose"),
            ));
        }
        let covered = covered_by(conn, &request)?;
        if !covered.contains(&input.category) {
            return Err(invalid(
                &field("category_outcome"),
                Msg::new("field-category-unknown"),
            ));
        }
        let mut row = CategoryOutcomeRow {
            request_id: request.id.clone(),
            category_code: input.category.clone(),
            outcome: input.outcome.as_str().into(),
            rule_id: None,
            anchor_date: None,
            until_date: None,
            recorded_by: by.id.clone(),
            recorded_at: now,
            followup_at: None,
            erased_at: None,
            erased_by: None,
        };
        let mut note = format!("{}: {}", input.category, input.outcome.as_str());
        if let Some((rule_id, anchor)) = &input.retained {
            let rule = db::registers::find_rule(conn, rule_id)?
                .filter(|r| r.active && r.category_code == input.category)
                .ok_or_else(|| invalid(&field("rule"), Msg::new("case-outcome-rule")))?;
            let day = today(ctx);
            if *anchor > day {
                return Err(invalid(
                    &field("anchor_date"),
                    Msg::new("case-outcome-anchor-future"),
                ));
            }
            let until = until_date(rule.period()?, *anchor, ctx.settings.financial_year_end)
                .ok_or_else(|| {
                    invalid(
                        &field("anchor_date"),
                        Msg::new("case-outcome-anchor-format"),
                    )
                })?;
            if until < day {
                return Err(invalid(
                    &field("anchor_date"),
                    Msg::new("case-outcome-until-passed").arg("date", until),
                ));
            }
            row.rule_id = Some(rule.id.clone());
            row.anchor_date = Some(*anchor);
            row.until_date = Some(until);
            note = format!(
                "{note} under {} ({}) from {anchor} until {until}",
                rule.id, rule.citation
            );
        }
        let erased_before = db::outcomes::for_request(conn, &request.id)?
            .iter()
            .any(|o| o.category_code == input.category && o.outcome == "erased");
        db::outcomes::put(conn, &row)?;
        // Each system that holds the data gets the instruction and a task (issue 13).
        if kind == Kind::Erasure && input.outcome == CategoryOutcome::Erased && !erased_before {
            super::webhooks::emit(
                conn,
                ctx,
                &request,
                crate::domain::webhooks::EventType::ErasureInstructed,
                super::webhooks::data(&[(
                    "categories",
                    serde_json::json!([input.category.as_str()]),
                )]),
            )?;
        }
        // The request changed: forms from before this are stale (two handlers recording
        // the same category at once, one wins).
        edit(
            conn,
            ctx,
            &request,
            RequestChanges::default(),
            by,
            "outcome_recorded",
            &note,
        )
    })
}

/// The categories a request's outcomes are about: an erasure's (those named, or every
/// active one for "everything"); for a restriction, every active category (the handler
/// records those restricted); none for other kinds.
pub fn covered_by(conn: &mut DbConn, request: &Request) -> Result<Vec<String>, WorkflowError> {
    match request.kind()? {
        Kind::Erasure => super::registers::covered(conn, &request.details()?),
        Kind::Restriction => Ok(super::registers::active_categories(conn)?
            .into_iter()
            .map(|c| c.code)
            .collect()),
        _ => Ok(Vec::new()),
    }
}

// --- Completion ---------------------------------------------------------------------------

/// What a completion email adds from what was recorded, for the subject's words.
#[derive(Default)]
pub struct CompletionFacts {
    /// Data kept under a legal obligation (Art. 17(3)(b)).
    pub retained: Vec<RetainedLine>,
    /// Objection purposes refused, with the grounds (Art. 21(1)).
    pub refused_purposes: Vec<RefusedLine>,
    /// Corrections refused, with the reasons (Art. 16, 12(4)).
    pub refused_items: Vec<RefusedLine>,
}

/// Check that the request may be completed with `outcome`, from what was recorded, and
/// return what the completion email adds:
/// - an erasure needs an outcome for every category it covers (the refusal names the
///   missing ones); anything kept makes it partially fulfilled, and the email lists each
///   kept category with its law and until date (Art. 17(3)(b));
/// - a restriction needs at least one category restricted, unless no data is held;
/// - an objection needs a decision on every purpose it names (`workflow::objection`);
///   any refused makes it partial, and the email gives the grounds (Art. 21(1));
/// - a rectification needs a decision on every item (`workflow::rectification`); any
///   refused makes it partial, and the email gives the reasons.
pub fn completion_facts(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    request: &Request,
    outcome: Outcome,
) -> Result<CompletionFacts, WorkflowError> {
    let t = mail_tr(ctx, request);
    let register = super::registers::categories(conn)?;
    match request.details()? {
        RequestDetails::Erasure { .. } => {
            let covered = covered_by(conn, request)?;
            let rows = db::outcomes::for_request(conn, &request.id)?;
            let recorded = recorded(&rows)?;
            let anything_retained = match completeness(&covered, &recorded) {
                Completeness::Missing(missing) if outcome != Outcome::NoDataHeld => {
                    return Err(invalid("outcome", missing_message(&register, &missing, &t)));
                }
                Completeness::Missing(_) => false,
                Completeness::Complete { anything_retained } => anything_retained,
            };
            if anything_retained && outcome != Outcome::PartiallyFulfilled {
                return Err(invalid(
                    "outcome",
                    Msg::new("case-outcome-retained-partial"),
                ));
            }
            let rules = rules_by_id(conn)?;
            let mut retained = Vec::new();
            for r in rows.iter().filter(|r| {
                r.outcome == CategoryOutcome::Retained.as_str()
                    && covered.contains(&r.category_code)
            }) {
                let (Some(rule), Some(until)) = (
                    r.rule_id.as_ref().and_then(|id| rules.get(id)),
                    r.until_date,
                ) else {
                    continue;
                };
                retained.push(RetainedLine {
                    category: label_in(&register, &r.category_code, &t),
                    citation: rule.citation.clone(),
                    text: rule.text(t.lang).to_string(),
                    until,
                });
            }
            Ok(CompletionFacts {
                retained,
                ..Default::default()
            })
        }
        RequestDetails::Restriction { .. } => {
            let rows = db::outcomes::for_request(conn, &request.id)?;
            let any_restricted = rows
                .iter()
                .any(|r| r.outcome == CategoryOutcome::Restricted.as_str());
            if !any_restricted && outcome != Outcome::NoDataHeld {
                return Err(invalid("outcome", Msg::new("case-restriction-none")));
            }
            Ok(CompletionFacts::default())
        }
        RequestDetails::Objection { purposes, .. } => {
            let refused = super::objection::refused_lines(conn, request, &purposes, &t)?;
            let decided = db::outcomes::decisions(conn, &request.id)?;
            let missing: Vec<&str> = purposes
                .iter()
                .filter(|p| !decided.iter().any(|d| &d.purpose == *p))
                .map(String::as_str)
                .collect();
            if !missing.is_empty() && outcome != Outcome::NoDataHeld {
                let words: Vec<String> = missing.iter().map(|p| purpose_label(p, &t)).collect();
                return Err(invalid(
                    "outcome",
                    Msg::new("case-objection-undecided").arg("purposes", words.join("; ")),
                ));
            }
            if !refused.is_empty() && outcome != Outcome::PartiallyFulfilled {
                return Err(invalid(
                    "outcome",
                    Msg::new("case-objection-refused-partial"),
                ));
            }
            Ok(CompletionFacts {
                refused_purposes: refused,
                ..Default::default()
            })
        }
        RequestDetails::Rectification { .. } => {
            let (undecided, refused) = super::rectification::check(conn, request)?;
            if !undecided.is_empty() && outcome != Outcome::NoDataHeld {
                return Err(invalid(
                    "outcome",
                    Msg::new("case-items-undecided").arg("items", undecided.join("; ")),
                ));
            }
            if !refused.is_empty() && outcome != Outcome::PartiallyFulfilled {
                return Err(invalid("outcome", Msg::new("case-items-refused-partial")));
            }
            Ok(CompletionFacts {
                refused_items: refused,
                ..Default::default()
            })
        }
        _ => Ok(CompletionFacts::default()),
    }
}

/// An objection purpose in the reader's words.
pub(crate) fn purpose_label(code: &str, t: &Tr) -> String {
    OBJECTION_PURPOSES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, id)| t.t(id))
        .unwrap_or_else(|| code.to_string())
}

fn recorded(rows: &[CategoryOutcomeRow]) -> Result<Vec<(String, CategoryOutcome)>, WorkflowError> {
    rows.iter()
        .map(|r| Ok((r.category_code.clone(), r.outcome()?)))
        .collect()
}

fn rules_by_id(conn: &mut DbConn) -> Result<BTreeMap<String, RetentionRule>, WorkflowError> {
    Ok(db::registers::rules(conn)?
        .into_iter()
        .map(|r| (r.id.clone(), r))
        .collect())
}

// --- What the request page shows ------------------------------------------------------------

/// One category of the request with what was recorded for it.
pub struct CategoryRow {
    pub code: String,
    pub label: String,
    pub outcome: Option<CategoryOutcome>,
    pub rule: Option<String>,
    pub anchor_date: Option<NaiveDate>,
    pub until_date: Option<NaiveDate>,
    pub erased_at: Option<chrono::NaiveDateTime>,
    /// Active rules of this category, as (id, citation, period in words).
    pub rules: Vec<(String, String)>,
}

/// The outcomes section of an erasure or restriction request (empty for other kinds).
pub struct OutcomesView {
    pub rows: Vec<CategoryRow>,
    pub choices: Vec<CategoryOutcome>,
    pub lift: Option<RestrictionLift>,
    /// A restriction's Art. 18(1) ground (letter) as recorded, and the choices.
    pub ground: Option<String>,
    pub grounds: &'static [(&'static str, &'static str)],
}

pub fn outcomes_view(
    conn: &mut Conn,
    request: &Request,
    t: &Tr,
) -> Result<OutcomesView, WorkflowError> {
    let kind = request.kind()?;
    let choices = match kind {
        Kind::Erasure => CategoryOutcome::FOR_ERASURE.to_vec(),
        Kind::Restriction => CategoryOutcome::FOR_RESTRICTION.to_vec(),
        _ => {
            return Ok(OutcomesView {
                rows: Vec::new(),
                choices: Vec::new(),
                lift: None,
                ground: None,
                grounds: RESTRICTION_GROUNDS,
            })
        }
    };
    let register = super::registers::categories(conn)?;
    let covered = covered_by(conn, request)?;
    let recorded = db::outcomes::for_request(conn, &request.id)?;
    let rules = db::registers::rules(conn)?;
    let mut rows = Vec::new();
    for code in covered {
        let r = recorded.iter().find(|r| r.category_code == code);
        rows.push(CategoryRow {
            label: label_in(&register, &code, t),
            outcome: r.map(|r| r.outcome()).transpose()?,
            rule: r.and_then(|r| r.rule_id.clone()),
            anchor_date: r.and_then(|r| r.anchor_date),
            until_date: r.and_then(|r| r.until_date),
            erased_at: r.and_then(|r| r.erased_at),
            rules: rules
                .iter()
                .filter(|rule| rule.active && rule.category_code == code)
                .map(|rule| (rule.id.clone(), rule_words(rule, t)))
                .collect(),
            code,
        });
    }
    let ground = match request.details()? {
        RequestDetails::Restriction { ground, .. } => Some(ground),
        _ => None,
    };
    Ok(OutcomesView {
        rows,
        choices,
        lift: db::outcomes::find_lift(conn, &request.id)?,
        ground,
        grounds: RESTRICTION_GROUNDS,
    })
}

/// "Bokføringsloven § 13 (Norway): 5 years after the end of the financial year".
pub fn rule_words(rule: &RetentionRule, t: &Tr) -> String {
    let amount = i64::from(rule.amount);
    let period = match rule.unit.as_str() {
        "days" => t.t1("dash-rule-days", "amount", amount),
        "months" => t.t1("dash-rule-months", "amount", amount),
        _ => t.t1("dash-rule-years", "amount", amount),
    };
    let anchor = match rule.anchor.as_str() {
        "financial_year_end" => t.t("dash-rule-after-financial-year"),
        "calendar_year_end" => t.t("dash-rule-after-calendar-year"),
        _ => t.t("dash-rule-after-event"),
    };
    format!("{}: {period} {anchor}", rule.citation)
}

// --- The retention register -------------------------------------------------------------

/// One kept category of one request.
pub struct RetainedItem {
    pub request_id: String,
    pub reference: String,
    pub category: String,
    pub category_label: String,
    pub rule_id: String,
    pub until: NaiveDate,
    pub anchor: Option<NaiveDate>,
    /// Its until date has passed: a follow-up task.
    pub due: bool,
    pub followup: bool,
}

pub struct RetainedFilterInput {
    pub category: Option<String>,
    pub rule: Option<String>,
    /// Only the follow-up tasks (until date passed).
    pub due_only: bool,
}

pub fn retained(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    f: &RetainedFilterInput,
    t: &Tr,
) -> Result<Vec<RetainedItem>, WorkflowError> {
    let day = today(ctx);
    let register = super::registers::categories(conn)?;
    let rows = db::outcomes::retained(
        conn,
        &RetainedFilter {
            category: f.category.as_deref(),
            rule: f.rule.as_deref(),
            until_before: f.due_only.then_some(day),
        },
        PAGE,
    )?;
    Ok(rows
        .into_iter()
        .filter_map(|(o, r)| {
            let until = o.until_date?;
            Some(RetainedItem {
                request_id: r.id,
                reference: r.reference,
                category_label: label_in(&register, &o.category_code, t),
                category: o.category_code,
                rule_id: o.rule_id.unwrap_or_default(),
                until,
                anchor: o.anchor_date,
                due: until < day,
                followup: o.followup_at.is_some(),
            })
        })
        .collect())
}

/// Mark kept data erased once its rule no longer requires it (or earlier, if the
/// organisation chooses): written to the request's history.
pub fn mark_erased(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    request_id: &str,
    category: &str,
) -> Result<(), WorkflowError> {
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        if !db::outcomes::mark_erased(conn, request_id, category, &by.id, now)? {
            return Err(WorkflowError::NotFound);
        }
        audit(
            conn,
            request_id,
            &by.actor(),
            Event {
                action: "retained_erased",
                from: None,
                to: None,
                note: Some(category),
            },
            now,
        )
    })
}

/// The sweeper: kept data whose until date has passed gets a follow-up task (an audit
/// event on its request) and its assignee an email, all in one transaction that marks
/// the rows, so a second run or instance sends nothing again. Unassigned (or assigned to
/// someone no longer working cases): every handler and admin. Returns the tasks made.
pub fn followups(conn: &mut Conn, ctx: &Ctx<'_>) -> Result<usize, WorkflowError> {
    let day = today(ctx);
    if db::outcomes::needing_followup(conn, day, 1)?.is_empty() {
        return Ok(0);
    }
    db::write_transaction(conn, |conn| {
        let rows = db::outcomes::needing_followup(conn, day, PAGE)?;
        let workers = db::users::case_workers(conn)?;
        let register = super::registers::categories(conn)?;
        let t = messages::tr(ctx.settings, ctx.settings.language);
        let mut per_person: BTreeMap<String, Vec<RetentionDueLine>> = BTreeMap::new();
        let now = ctx.now_db();
        let mut made = 0;
        for (o, r) in &rows {
            if !db::outcomes::set_followup(conn, &r.id, &o.category_code, now)? {
                continue;
            }
            made += 1;
            let until = o.until_date.unwrap_or(day);
            audit(
                conn,
                &r.id,
                &Actor::System,
                Event {
                    action: "retention_ended",
                    from: None,
                    to: None,
                    note: Some(&format!(
                        "{}: kept under {} until {until}; erase it now",
                        o.category_code,
                        o.rule_id.as_deref().unwrap_or("?")
                    )),
                },
                now,
            )?;
            let line = || RetentionDueLine {
                reference: r.reference.clone(),
                category: label_in(&register, &o.category_code, &t),
                until,
                link: format!("{}/dashboard/requests/{}", ctx.settings.base_url, r.id),
            };
            match r
                .assignee_id
                .as_deref()
                .filter(|a| workers.iter().any(|w| w.id == *a))
            {
                Some(a) => per_person.entry(a.to_string()).or_default().push(line()),
                None => {
                    for w in &workers {
                        per_person.entry(w.id.clone()).or_default().push(line());
                    }
                }
            }
        }
        for (user_id, lines) in per_person {
            let Some(user) = workers.iter().find(|w| w.id == user_id) else {
                continue;
            };
            let mail = RetentionDueMail {
                name: user.name.clone(),
                lines,
                register_link: format!("{}/dashboard/retention?due=1", ctx.settings.base_url),
            }
            .render(&t, &user.email)?;
            enqueue(conn, &ctx.sealer(), &mail, None, now)?;
        }
        Ok(made)
    })
}

// --- The ground of a restriction (Art. 18(1)) ------------------------------------------------

pub fn parse_ground(f: &dyn FormInput) -> Result<String, WorkflowError> {
    let g = f.value("restriction_ground").trim();
    if RESTRICTION_GROUNDS.iter().any(|(c, _)| *c == g) {
        Ok(g.to_string())
    } else {
        Err(invalid(
            "restriction_ground",
            Msg::new("field-ground-unknown"),
        ))
    }
}

/// Record the Art. 18(1)(a)–(d) ground the restriction rests on, as the handler finds it
/// (the subject chose one on the form; the handler may correct it). Audited with both.
pub fn record_ground(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    ground: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        let RequestDetails::Restriction {
            ground: before,
            details,
        } = request.details()?
        else {
            return Err(WorkflowError::NotFound);
        };
        let updated = serde_json::to_string(&RequestDetails::Restriction {
            ground: ground.to_string(),
            details,
        })
        .map_err(|e| WorkflowError::Internal(format!("details: {e}")))?;
        let changes = RequestChanges {
            details: Some(&updated),
            ..Default::default()
        };
        let note = format!("Art. 18(1)({ground}), was ({before})");
        edit(
            conn,
            ctx,
            &request,
            changes,
            by,
            "restriction_ground_recorded",
            &note,
        )
    })
}

// --- Lifting a restriction (Art. 18(3)) ----------------------------------------------------

pub fn parse_lift_reason(f: &dyn FormInput) -> Result<FreeText, WorkflowError> {
    FreeText::parse(f.value("lift_reason"), limits::FREE_TEXT, "why")
        .map_err(|m| invalid("lift_reason", m))
}

/// Ask to lift a restriction: the subject is emailed first (Art. 18(3)); the restriction
/// holds until the sweeper sees that email sent (`finish_lifts`). Only for a restriction
/// request with restricted categories, once.
pub fn request_lift(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    reason: &FreeText,
) -> Result<(), WorkflowError> {
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        if request.kind()? != Kind::Restriction {
            return Err(WorkflowError::NotFound);
        }
        if db::outcomes::find_lift(conn, &request.id)?.is_some() {
            return Err(WorkflowError::Conflict(Msg::new("case-lift-already")));
        }
        let rows = db::outcomes::for_request(conn, &request.id)?;
        let restricted: Vec<&CategoryOutcomeRow> = rows
            .iter()
            .filter(|r| r.outcome == CategoryOutcome::Restricted.as_str())
            .collect();
        if restricted.is_empty() {
            return Err(invalid("lift_reason", Msg::new("case-restriction-none")));
        }
        let t = mail_tr(ctx, &request);
        let register: Vec<Category> = super::registers::categories(conn)?;
        let outbox_id = match request.subject_email.as_deref() {
            Some(to) => {
                let mail = RestrictionLiftMail {
                    name: request.subject_name.clone(),
                    reference: request.reference.clone(),
                    categories: restricted
                        .iter()
                        .map(|r| label_in(&register, &r.category_code, &t))
                        .collect(),
                    reason: reason.as_str().to_string(),
                }
                .render(&t, to)?;
                Some(enqueue(conn, &ctx.sealer(), &mail, Some(&request.id), now)?)
            }
            None => None,
        };
        db::outcomes::insert_lift(
            conn,
            &RestrictionLift {
                request_id: request.id.clone(),
                reason: reason.as_str().to_string(),
                outbox_id,
                requested_by: by.id.clone(),
                requested_at: now,
                lifted_at: None,
            },
        )?;
        let changes = RequestChanges {
            version: Some(request.version.saturating_add(1)),
            updated_at: Some(now),
            ..Default::default()
        };
        if !db::requests::update_if_current(conn, &request.id, None, request.version, &changes)? {
            return Err(stale(&request));
        }
        let note = mail_note(
            &request,
            &format!(
                "the subject is told first (Art. 18(3)): {}",
                reason.as_str()
            ),
        );
        audit(
            conn,
            &request.id,
            &by.actor(),
            Event {
                action: "restriction_lift_requested",
                from: None,
                to: None,
                note: Some(&note),
            },
            now,
        )
    })
}

/// The sweeper: lift the restrictions whose notice has been sent (an audit event each).
pub fn finish_lifts(conn: &mut Conn, ctx: &Ctx<'_>) -> Result<usize, WorkflowError> {
    if !db::outcomes::any_lift_waiting(conn)? {
        return Ok(0);
    }
    db::write_transaction(conn, |conn| {
        let now = ctx.now_db();
        let mut lifted = 0;
        for lift in db::outcomes::lifts_ready(conn, PAGE)? {
            if !db::outcomes::set_lifted(conn, &lift.request_id, now)? {
                continue;
            }
            lifted += 1;
            audit(
                conn,
                &lift.request_id,
                &Actor::System,
                Event {
                    action: "restriction_lifted",
                    from: None,
                    to: None,
                    note: Some(if lift.outbox_id.is_some() {
                        "the subject's notice was sent"
                    } else {
                        "no email address: the subject was to be told another way"
                    }),
                },
                now,
            )?;
        }
        Ok(lifted)
    })
}
