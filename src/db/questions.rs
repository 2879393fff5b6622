//! Queries on `questions`: what a handler asked the subject, and the answer.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{NewQuestion, Question, Request};
use super::schema::questions;
use super::DbConn;

pub fn insert(conn: &mut DbConn, new: &NewQuestion<'_>) -> QueryResult<()> {
    diesel::insert_into(questions::table)
        .values(new)
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Question>> {
    questions::table
        .filter(questions::id.eq(id))
        .select(Question::as_select())
        .first(conn)
        .optional()
}

/// A request's questions, oldest first.
pub fn for_request(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<Question>> {
    questions::table
        .filter(questions::request_id.eq(request_id))
        .order((questions::asked_at.asc(), questions::id.asc()))
        .select(Question::as_select())
        .load(conn)
}

/// The newest question of a request still without an answer.
pub fn open_for_request(conn: &mut DbConn, request_id: &str) -> QueryResult<Option<Question>> {
    questions::table
        .filter(questions::request_id.eq(request_id))
        .filter(questions::answered_at.is_null())
        .order((questions::asked_at.desc(), questions::id.desc()))
        .select(Question::as_select())
        .first(conn)
        .optional()
}

/// Requests in `status` (awaiting the subject) with a question still unanswered that
/// was asked before `cutoff`, and whose question email is not still waiting: neither
/// unsent (pending, or failed and waiting for an operator to requeue it) nor sent after
/// `cutoff`. The days to answer count from when the subject could read the question.
pub fn unanswered_past(
    conn: &mut DbConn,
    status: &str,
    question_template: &str,
    cutoff: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<Request>> {
    use super::schema::{outbox, requests};
    let asked_before = questions::table
        .filter(questions::answered_at.is_null())
        .filter(questions::asked_at.lt(cutoff))
        .select(questions::request_id);
    // Correlated (one probe of `outbox_request` per candidate), not `id <> ALL (…)`,
    // which reads the whole outbox on every sweep.
    let still_waiting = outbox::table
        .filter(outbox::request_id.eq(requests::id.nullable()))
        .filter(outbox::template.eq(question_template))
        .filter(
            outbox::status
                .ne(super::outbox::SENT)
                .or(outbox::sent_at.ge(cutoff)),
        );
    requests::table
        .filter(requests::status.eq(status))
        .filter(requests::id.eq_any(asked_before))
        .filter(diesel::dsl::not(diesel::dsl::exists(still_waiting)))
        .order(requests::updated_at.asc())
        .limit(limit)
        .select(Request::as_select())
        .load(conn)
}

/// Record the answer, only if the question has none yet (of two answers at once, one
/// wins). Returns whether it was recorded.
pub fn answer(conn: &mut DbConn, id: &str, text: &str, at: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        questions::table
            .filter(questions::id.eq(id))
            .filter(questions::answered_at.is_null()),
    )
    .set((
        questions::answered_at.eq(at),
        questions::answer_text.eq(text),
    ))
    .execute(conn)?;
    Ok(n == 1)
}
