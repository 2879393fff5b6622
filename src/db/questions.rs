//! Queries on `questions`: what a handler asked the subject, and the answer.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{NewQuestion, Question};
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
