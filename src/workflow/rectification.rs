//! Rectification (Art. 16, issue 11): the handler decides each item the subject asked to
//! correct, applied or refused with a reason, and gives it a data category so that the
//! recipients who receive that category are preselected for the Art. 19 notices. The
//! request cannot be completed while an item is undecided (`undecided`); a refused item
//! makes the answer partial, with the reason and the Art. 12(4) notice.

use super::case::{current, edit, invalid};
use super::users::Staff;
use super::{Conn, Ctx, WorkflowError};
use crate::db::models::{RectificationItemRow, Request};
use crate::db::{self, DbConn};
use crate::domain::kinds::{FormInput, RequestDetails};
use crate::domain::msg::Msg;
use crate::domain::newtypes::{limits, FreeText};
use crate::domain::recipients::ItemDecision;
use crate::mail::messages::RefusedLine;

pub struct ItemInput {
    /// 1, 2, … in the order the subject listed them.
    pub item_no: i32,
    pub category: Option<String>,
    pub decision: ItemDecision,
    pub reason: Option<FreeText>,
}

/// The form beside one item; errors carry the item number (`reason-2`).
pub fn parse_item(f: &dyn FormInput) -> Result<ItemInput, WorkflowError> {
    let item_no = f
        .value("item")
        .trim()
        .parse::<i32>()
        .map_err(|_| invalid("item", Msg::new("case-item-unknown")))?;
    let field = |name: &str| format!("{name}-{item_no}");
    let decision = ItemDecision::parse(f.value("item_decision"))
        .ok_or_else(|| invalid(&field("item_decision"), Msg::new("case-item-choose")))?;
    let category = match f.value("item_category").trim() {
        "" => None,
        c => Some(c.to_string()),
    };
    let reason = match decision {
        ItemDecision::Applied => None,
        ItemDecision::Refused => Some(
            FreeText::parse(f.value("item_reason"), limits::FREE_TEXT, "why")
                .map_err(|_| invalid(&field("item_reason"), Msg::new("case-item-reason")))?,
        ),
    };
    Ok(ItemInput {
        item_no,
        category,
        decision,
        reason,
    })
}

/// Decide one item, while the request is open and at the version the form saw.
pub fn decide_item(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    input: &ItemInput,
) -> Result<(), WorkflowError> {
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        let RequestDetails::Rectification { items } = request.details()? else {
            return Err(WorkflowError::NotFound);
        };
        let Some(item) = usize::try_from(input.item_no)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|n| items.get(n))
        else {
            return Err(invalid("item", Msg::new("case-item-unknown")));
        };
        if let Some(c) = &input.category {
            if db::registers::find_category(conn, c)?.is_none() {
                return Err(invalid(
                    &format!("item_category-{}", input.item_no),
                    Msg::new("field-category-unknown"),
                ));
            }
        }
        let applied_before = db::recipients::items(conn, &request.id)?
            .iter()
            .any(|d| d.item_no == input.item_no && d.decision.as_deref() == Some("applied"));
        if input.decision == ItemDecision::Applied && !applied_before {
            // Each system that holds the data gets the correction and a task (issue 13).
            super::webhooks::emit(
                conn,
                ctx,
                &request,
                crate::domain::webhooks::EventType::RectificationInstructed,
                super::webhooks::data(&[(
                    "items",
                    serde_json::json!([{
                        "item": input.item_no,
                        "field": item.field,
                        "corrected_value": item.corrected_value,
                        "category": input.category,
                    }]),
                )]),
            )?;
        }
        db::recipients::put_item(
            conn,
            &RectificationItemRow {
                request_id: request.id.clone(),
                item_no: input.item_no,
                category_code: input.category.clone(),
                decision: Some(input.decision.as_str().into()),
                reason: input.reason.as_ref().map(|r| r.as_str().to_string()),
                decided_by: Some(by.id.clone()),
                decided_at: Some(now),
            },
        )?;
        let note = format!(
            "item {} ({}): {}{}",
            input.item_no,
            item.field,
            input.decision.as_str(),
            input
                .reason
                .as_ref()
                .map(|r| format!(": {}", r.as_str()))
                .unwrap_or_default()
        );
        edit(
            conn,
            ctx,
            &request,
            Default::default(),
            by,
            "item_decided",
            &note,
        )
    })
}

/// The items not decided yet, by field name; and the refused ones with their reasons.
pub(crate) fn check(
    conn: &mut DbConn,
    request: &Request,
) -> Result<(Vec<String>, Vec<RefusedLine>), WorkflowError> {
    let RequestDetails::Rectification { items } = request.details()? else {
        return Ok((Vec::new(), Vec::new()));
    };
    let decided = db::recipients::items(conn, &request.id)?;
    let mut undecided = Vec::new();
    let mut refused = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let no = n as i32 + 1;
        match decided
            .iter()
            .find(|d| d.item_no == no)
            .and_then(|d| d.decision.as_deref().map(|x| (x, d.reason.clone())))
        {
            None => undecided.push(item.field.clone()),
            Some(("refused", reason)) => refused.push(RefusedLine {
                purpose: item.field.clone(),
                grounds: reason.unwrap_or_default(),
            }),
            Some(_) => {}
        }
    }
    Ok((undecided, refused))
}

/// One item as the request page shows it.
pub struct ItemRow {
    pub no: i32,
    pub field: String,
    pub corrected_value: String,
    pub current_value: Option<String>,
    pub category: Option<String>,
    pub decision: Option<ItemDecision>,
    pub reason: Option<String>,
}

pub fn items_view(conn: &mut DbConn, request: &Request) -> Result<Vec<ItemRow>, WorkflowError> {
    let RequestDetails::Rectification { items } = request.details()? else {
        return Ok(Vec::new());
    };
    let decided = db::recipients::items(conn, &request.id)?;
    Ok(items
        .into_iter()
        .enumerate()
        .map(|(n, i)| {
            let no = n as i32 + 1;
            let d = decided.iter().find(|d| d.item_no == no);
            ItemRow {
                no,
                field: i.field,
                corrected_value: i.corrected_value,
                current_value: i.current_value,
                category: d.and_then(|d| d.category_code.clone()),
                decision: d.and_then(|d| d.decision.as_deref().and_then(ItemDecision::parse)),
                reason: d.and_then(|d| d.reason.clone()),
            }
        })
        .collect())
}
