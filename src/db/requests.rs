//! Queries on `requests` and `reference_counters`.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use diesel::sql_types::{BigInt, Date, Text};

use super::models::{NewRequest, Request};
use super::schema::{reference_counters, requests};
use super::DbConn;
use crate::domain::kinds::Kind;
use crate::domain::status::Status;

/// The next human reference for the year, e.g. `DSR-2026-000123`.
/// Call inside `write_transaction`, which serialises numbering.
pub fn next_reference(conn: &mut DbConn, year: i32) -> QueryResult<String> {
    let n = reserve_reference_numbers(conn, year, 1)?;
    Ok(format_reference(year, n))
}

/// On PostgreSQL, the next reference taken ahead of the request's transaction, in a
/// short transaction of its own, so the year's counter row is not locked while the
/// request is stored (issue 6: intakes otherwise queued behind one another for the
/// whole transaction). A number whose request then fails to store is skipped, never
/// given twice. `None` on SQLite, where writers take turns anyway: there the caller
/// numbers inside its transaction (`next_reference`), without gaps.
pub fn number_ahead(conn: &mut DbConn, year: i32) -> QueryResult<Option<String>> {
    use diesel::result::{DatabaseErrorKind, Error};
    match conn {
        // Two first requests of a year at once: one starts the year's counter, the
        // other's insert of it fails and it takes the next number instead.
        DbConn::Pg(_) => match next_reference(conn, year) {
            Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
                next_reference(conn, year).map(Some)
            }
            other => other.map(Some),
        },
        DbConn::Sqlite(_) => Ok(None),
    }
}

pub fn format_reference(year: i32, n: i32) -> String {
    format!("DSR-{year}-{n:06}")
}

pub fn insert(conn: &mut DbConn, new: &NewRequest<'_>) -> QueryResult<()> {
    diesel::insert_into(requests::table)
        .values(new)
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Request>> {
    requests::table
        .filter(requests::id.eq(id))
        .select(Request::as_select())
        .first(conn)
        .optional()
}

pub fn list_for_email(conn: &mut DbConn, email: &str) -> QueryResult<Vec<Request>> {
    requests::table
        .filter(requests::subject_email.eq(email))
        .order((requests::received_at.desc(), requests::id))
        .select(Request::as_select())
        .load(conn)
}

pub fn exists_for_email(conn: &mut DbConn, email: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        requests::table.filter(requests::subject_email.eq(email)),
    ))
    .get_result(conn)
}

/// The columns a transition or a clock change may touch. `None` leaves a column as it
/// is; `Some(None)` sets it to NULL.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = requests)]
pub struct RequestChanges<'a> {
    pub status: Option<&'a str>,
    pub subject_email: Option<Option<&'a str>>,
    pub outcome: Option<Option<&'a str>>,
    pub rejection_reason: Option<Option<&'a str>>,
    pub verified_at: Option<Option<NaiveDateTime>>,
    pub verification_method: Option<Option<&'a str>>,
    pub paused_since: Option<Option<NaiveDateTime>>,
    pub paused_on: Option<Option<NaiveDate>>,
    pub paused_days: Option<i32>,
    pub due_date: Option<NaiveDate>,
    pub closed_at: Option<Option<NaiveDateTime>>,
    pub updated_at: Option<NaiveDateTime>,
    pub version: Option<i32>,
    pub assignee_id: Option<Option<&'a str>>,
    /// Set with every new assignee (the digest's "newly assigned").
    pub assigned_at: Option<Option<NaiveDateTime>>,
    pub extended_to: Option<Option<NaiveDate>>,
    pub extension_reason: Option<Option<&'a str>>,
    pub missed_policy_date: Option<bool>,
    pub answer_text: Option<Option<&'a str>>,
    pub outcome_reasons: Option<Option<&'a str>>,
    pub rejection_justification: Option<Option<&'a str>>,
    pub withdrawal_reason: Option<Option<&'a str>>,
    /// What the subject asked for (JSON), when a handler records its Art. 18(1) ground.
    pub details: Option<&'a str>,
}

/// Apply changes only if the request is still at `expected_version` (and, when given,
/// in `expected_status`): of two people acting on the same page, only the first wins.
/// The caller sets `changes.version` to the next version. Returns whether the row changed.
pub fn update_if_current(
    conn: &mut DbConn,
    id: &str,
    expected_status: Option<&str>,
    expected_version: i32,
    changes: &RequestChanges<'_>,
) -> QueryResult<bool> {
    let mut q = diesel::update(requests::table)
        .filter(requests::id.eq(id))
        .filter(requests::version.eq(expected_version))
        .into_boxed();
    if let Some(status) = expected_status {
        q = q.filter(requests::status.eq(status));
    }
    let n = q.set(changes).execute(conn)?;
    Ok(n == 1)
}

/// What the queue shows. Every filter combines with the others.
#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    pub status: StatusFilter,
    pub kind: Option<Kind>,
    pub assignee: AssigneeFilter,
    /// Due strictly before this date.
    pub due_before: Option<NaiveDate>,
    /// Only requests extended after the organisation's promise had passed.
    pub missed_promise: bool,
    /// Overdue or due soon, as of `today` (frozen at `paused_on` while paused). Only
    /// requests still needing action are either: `StatusFilter::All` becomes `Active`.
    pub urgency: Option<UrgencyFilter>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum AssigneeFilter {
    #[default]
    Anyone,
    Unassigned,
    /// A user id (the handler's own for "mine").
    User(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrgencyFilter {
    /// `due_date < COALESCE(paused_on, today)`: a paused request is overdue only if it
    /// already was when its clock stopped.
    Overdue { today: NaiveDate },
    /// Clock running and due within `days` from today (today counts).
    DueSoon { today: NaiveDate, days: i64 },
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    All,
    /// The statuses a handler still has to act on (`Status::active()`).
    Active,
    One(Status),
}

/// Literal SQL (no user input) matching the partial index `requests_active_due`, which
/// the planners use only for this exact predicate. Kept equal to `Status::active()` by a test.
pub const ACTIVE_PREDICATE: &str =
    "status IN ('awaiting_verification', 'open', 'in_progress', 'awaiting_subject')";

/// Every count on the queue page stops after this many ("more than 1,000"): closed
/// requests only grow, and even the active ones can pile up (30,000 unverified requests
/// after an intake burst made an exact "needs action" count cost 3 ms on SQLite; issue 6),
/// so no view's count may grow with the table. Nobody works a queue by its thousands.
pub const COUNT_CAP: i64 = 1000;

/// How many requests a queue view holds, as shown above the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueCount {
    Exact(i64),
    /// More than this many: the count stopped there.
    MoreThan(i64),
}

impl QueueCount {
    /// A count that read at most `COUNT_CAP + 1` rows.
    pub fn capped(n: i64) -> Self {
        if n > COUNT_CAP {
            QueueCount::MoreThan(COUNT_CAP)
        } else {
            QueueCount::Exact(n)
        }
    }
}

enum Param {
    Text(String),
    Date(NaiveDate),
    BigInt(i64),
    Bool(bool),
}

/// One queue query as SQL text with `$n` parameters (numbered in the order they appear,
/// which SQLite needs too) and the index that serves it.
///
/// Each view has exactly one index that returns its rows in (due_date, id) order and
/// checks the other filter inside the index (migration `…000005_queue_indexes`):
///   one status (+ kind)    -> requests_status_due (status, due_date, id, kind)
///   needs action (+ kind)  -> requests_active_due (due_date, id, kind, status, assignee_id,
///                             paused_on, missed_policy_date) WHERE <active>
///   all statuses + kind    -> requests_kind_due   (kind, due_date, id, status)
///   all statuses           -> requests_due        (due_date, id)
///   needs action, one handler's or nobody's
///                          -> requests_active_assignee (assignee_id, due_date, id, kind,
///                             status, paused_on, missed_policy_date) WHERE <active>
///   one handler's, any status but "needs action"
///                          -> requests_assignee   (assignee_id, due_date, id)
/// SQLite is told that index (`INDEXED BY`), so its plan never depends on statistics:
/// without them it sorted every active request, or walked every erasure ever received to
/// find the active ones. PostgreSQL picks the same indexes once `ANALYZE` has run
/// (`db::stats::refresh`; EXPLAIN findings in BENCHMARKS.md).
struct QueueSql {
    index: &'static str,
    conditions: Vec<String>,
    params: Vec<Param>,
    /// Requests needing action, of one kind: PostgreSQL counts them from
    /// `requests_kind_due`, which holds the kind's whole history in due order.
    active_of_kind: bool,
}

impl QueueSql {
    fn new(filter: &QueueFilter) -> Self {
        let mut filter = filter.clone();
        if filter.urgency.is_some() && filter.status == StatusFilter::All {
            filter.status = StatusFilter::Active;
        }
        let index = match (&filter.status, &filter.kind, &filter.assignee) {
            (StatusFilter::Active, _, AssigneeFilter::Anyone) => "requests_active_due",
            (StatusFilter::Active, _, _) => "requests_active_assignee",
            // One handler's requests are few beside everyone's: walk theirs.
            (_, _, AssigneeFilter::User(_)) => "requests_assignee",
            (StatusFilter::One(_), _, _) => "requests_status_due",
            (StatusFilter::All, Some(_), _) => "requests_kind_due",
            (StatusFilter::All, None, _) => "requests_due",
        };
        let mut q = QueueSql {
            index,
            conditions: Vec::new(),
            params: Vec::new(),
            active_of_kind: filter.status == StatusFilter::Active && filter.kind.is_some(),
        };
        match &filter.status {
            StatusFilter::All => {}
            StatusFilter::Active => q.conditions.push(ACTIVE_PREDICATE.to_string()),
            StatusFilter::One(s) => {
                let p = q.param(Param::Text(s.as_str().to_string()));
                q.conditions.push(format!("status = {p}"));
            }
        }
        if let Some(k) = filter.kind {
            let p = q.param(Param::Text(k.as_str().to_string()));
            q.conditions.push(format!("kind = {p}"));
        }
        match &filter.assignee {
            AssigneeFilter::Anyone => {}
            AssigneeFilter::Unassigned => q.conditions.push("assignee_id IS NULL".into()),
            AssigneeFilter::User(id) => {
                let p = q.param(Param::Text(id.clone()));
                q.conditions.push(format!("assignee_id = {p}"));
            }
        }
        if let Some(d) = filter.due_before {
            let p = q.param(Param::Date(d));
            q.conditions.push(format!("due_date < {p}"));
        }
        if filter.missed_promise {
            let p = q.param(Param::Bool(true));
            q.conditions.push(format!("missed_policy_date = {p}"));
        }
        match filter.urgency {
            None => {}
            Some(UrgencyFilter::Overdue { today }) => {
                let p = q.param(Param::Date(today));
                q.conditions
                    .push(format!("due_date < COALESCE(paused_on, {p})"));
            }
            Some(UrgencyFilter::DueSoon { today, days }) => {
                let last = today
                    .checked_add_signed(chrono::Duration::days(days))
                    .unwrap_or(today);
                let (p1, p2) = (q.param(Param::Date(today)), q.param(Param::Date(last)));
                q.conditions.push(format!(
                    "paused_on IS NULL AND due_date >= {p1} AND due_date <= {p2}"
                ));
            }
        }
        q
    }

    /// No filter: for statements that only use the parameter list.
    fn bare() -> Self {
        QueueSql {
            index: "requests_due",
            conditions: Vec::new(),
            params: Vec::new(),
            active_of_kind: false,
        }
    }

    /// The six counts at the top of the queue as columns, each capped like every other
    /// count on the queue page (`COUNT_CAP`: more than that reads as "1000+") and each a
    /// range of the index its view uses. One uncapped pass over the active requests cost
    /// 21 ms after an intake burst had left 25,000 unverified ones (issue 6's HTTP
    /// benchmark): no count may grow with the table. The predicates are those of
    /// `UrgencyFilter` and `AssigneeFilter`, so each count equals the view its link opens
    /// (up to the cap).
    fn counts_columns(
        &mut self,
        conn: &DbConn,
        today: NaiveDate,
        soon_days: i64,
        me: &str,
    ) -> String {
        let last = today
            .checked_add_signed(chrono::Duration::days(soon_days))
            .unwrap_or(today);
        let sqlite = matches!(conn, DbConn::Sqlite(_));
        let from = |index: &str| {
            if sqlite {
                format!("requests INDEXED BY {index}")
            } else {
                "requests".to_string()
            }
        };
        let (active, by_status, by_assignee) = (
            from("requests_active_due"),
            from("requests_status_due"),
            from("requests_active_assignee"),
        );
        let cap = self.param(Param::BigInt(COUNT_CAP + 1));
        let capped = |from: &str, cond: &str| {
            format!("(SELECT count(*) FROM (SELECT 1 FROM {from} WHERE {cond} LIMIT {cap}) AS c)")
        };
        let (today, last) = (
            self.param(Param::Date(today)),
            self.param(Param::Date(last)),
        );
        let me = self.param(Param::Text(me.to_string()));
        // `due_date < today` is implied (a clock stops on a past day) but lets the index
        // range end at today.
        format!(
            "{} AS overdue, {} AS due_soon, {} AS awaiting_subject, \
             {} AS awaiting_verification, {} AS unassigned, {} AS mine",
            capped(
                &active,
                &format!(
                    "{ACTIVE_PREDICATE} AND due_date < {today} AND due_date < COALESCE(paused_on, {today})"
                )
            ),
            capped(
                &active,
                &format!(
                    "{ACTIVE_PREDICATE} AND paused_on IS NULL AND due_date >= {today} AND due_date <= {last}"
                )
            ),
            capped(&by_status, "status = 'awaiting_subject'"),
            capped(&by_status, "status = 'awaiting_verification'"),
            capped(&by_assignee, &format!("{ACTIVE_PREDICATE} AND assignee_id IS NULL")),
            capped(&by_assignee, &format!("{ACTIVE_PREDICATE} AND assignee_id = {me}")),
        )
    }

    fn param(&mut self, p: Param) -> String {
        self.params.push(p);
        format!("${}", self.params.len())
    }

    /// Keyset cursor: `due_date >= d` first, so both databases start the index range at
    /// the cursor and stop after `limit` rows; the OR only removes the rows on the
    /// cursor's own day.
    fn after(&mut self, due: NaiveDate, id: &str) {
        let d = self.param(Param::Date(due));
        let i = self.param(Param::Text(id.to_string()));
        self.conditions
            .push(format!("due_date >= {d} AND (due_date > {d} OR id > {i})"));
    }

    fn from(&self, conn: &DbConn) -> String {
        match conn {
            DbConn::Sqlite(_) => format!("requests INDEXED BY {}", self.index),
            DbConn::Pg(_) => "requests".to_string(),
        }
    }

    fn where_clause(&self) -> String {
        if self.conditions.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.conditions.join(" AND "))
        }
    }

    /// The page before a cursor, read backwards through the same index.
    fn before(&mut self, due: NaiveDate, id: &str) {
        let d = self.param(Param::Date(due));
        let i = self.param(Param::Text(id.to_string()));
        self.conditions
            .push(format!("due_date <= {d} AND (due_date < {d} OR id < {i})"));
    }

    fn page_sql(&mut self, conn: &DbConn, limit: i64) -> String {
        let (from, cond) = (self.from(conn), self.where_clause());
        let l = self.param(Param::BigInt(limit));
        format!("SELECT * FROM {from}{cond} ORDER BY due_date, id LIMIT {l}")
    }

    fn page_backwards_sql(&mut self, conn: &DbConn, limit: i64) -> String {
        let (from, cond) = (self.from(conn), self.where_clause());
        let l = self.param(Param::BigInt(limit));
        format!("SELECT * FROM {from}{cond} ORDER BY due_date DESC, id DESC LIMIT {l}")
    }

    fn count_sql(&mut self, conn: &DbConn, cap: Option<i64>) -> String {
        let (from, cond) = (self.from(conn), self.where_clause());
        match cap {
            None => format!("SELECT count(*) AS n FROM {from}{cond}"),
            Some(cap) => {
                // A request still needing action has one of the kind's latest due dates
                // (closed ones lie in the past): read newest first, or the capped count
                // walks the kind's closed history first (3.5 ms instead of 0.9 ms for
                // the objections needing action at 100,000 requests; issue 6).
                let order = match conn {
                    DbConn::Pg(_) if self.active_of_kind => " ORDER BY due_date DESC",
                    _ => "",
                };
                let l = self.param(Param::BigInt(cap + 1));
                format!(
                    "SELECT count(*) AS n FROM (SELECT 1 FROM {from}{cond}{order} LIMIT {l}) AS capped"
                )
            }
        }
    }

    /// The statement with its parameters bound by number. SQLite would number `$N` by
    /// first appearance, not by N, so it gets `?N`, which it numbers by N.
    fn query(
        self,
        conn: &DbConn,
        sql: String,
    ) -> diesel::query_builder::BoxedSqlQuery<'static, DbBackend, diesel::query_builder::SqlQuery>
    {
        let sql = match conn {
            DbConn::Sqlite(_) => numbered_for_sqlite(&sql),
            DbConn::Pg(_) => sql,
        };
        let mut q = diesel::sql_query(sql).into_boxed::<DbBackend>();
        for p in self.params {
            q = match p {
                Param::Text(s) => q.bind::<Text, _>(s),
                Param::Date(d) => q.bind::<Date, _>(d),
                Param::BigInt(n) => q.bind::<BigInt, _>(n),
                Param::Bool(b) => q.bind::<diesel::sql_types::Bool, _>(b),
            };
        }
        q
    }
}

type DbBackend = <DbConn as Connection>::Backend;

/// `$3` → `?3` (our statements hold no `$` but placeholders).
fn numbered_for_sqlite(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek().is_some_and(|d| d.is_ascii_digit()) {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    out
}

#[derive(QueryableByName)]
struct CountRow {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// One page of the queue in (due_date, id) order, after the given key (keyset paging:
/// every page costs the same, served by the index `QueueSql` names).
pub fn queue_page(
    conn: &mut DbConn,
    filter: &QueueFilter,
    after: Option<(NaiveDate, String)>,
    limit: i64,
) -> QueryResult<Vec<Request>> {
    let mut q = QueueSql::new(filter);
    if let Some((due, id)) = &after {
        q.after(*due, id);
    }
    let sql = q.page_sql(conn, limit);
    q.query(conn, sql).load(conn)
}

/// The `limit` rows just before the cursor `(due, id)`, in queue order (the "previous"
/// link: the same index read backwards).
pub fn queue_page_before(
    conn: &mut DbConn,
    filter: &QueueFilter,
    before: (NaiveDate, &str),
    limit: i64,
) -> QueryResult<Vec<Request>> {
    let mut q = QueueSql::new(filter);
    q.before(before.0, before.1);
    let sql = q.page_backwards_sql(conn, limit);
    let mut rows: Vec<Request> = q.query(conn, sql).load(conn)?;
    rows.reverse();
    Ok(rows)
}

/// The counts at the top of the queue (issue 9), all over requests still needing action,
/// each stopping at `COUNT_CAP + 1` (shown as "1000+").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, QueryableByName)]
pub struct QueueCounts {
    #[diesel(sql_type = BigInt)]
    pub overdue: i64,
    #[diesel(sql_type = BigInt)]
    pub due_soon: i64,
    #[diesel(sql_type = BigInt)]
    pub awaiting_subject: i64,
    #[diesel(sql_type = BigInt)]
    pub awaiting_verification: i64,
    #[diesel(sql_type = BigInt)]
    pub unassigned: i64,
    #[diesel(sql_type = BigInt)]
    pub mine: i64,
}

/// The six counts (`QueueSql::counts_columns`) in one statement.
pub fn queue_counts(
    conn: &mut DbConn,
    today: NaiveDate,
    soon_days: i64,
    me: &str,
) -> QueryResult<QueueCounts> {
    let mut q = QueueSql::bare();
    let columns = q.counts_columns(conn, today, soon_days, me);
    let sql = format!("SELECT {columns}");
    q.query(conn, sql).get_result(conn)
}

/// Everything the queue page counts: the view's own total, the failed mail and the six
/// counts at the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueSummary {
    pub total: QueueCount,
    pub failed_mail: QueueCount,
    /// Kept data whose legal retention has ended and is not yet erased: the follow-up
    /// tasks (issue 10).
    pub retention_due: QueueCount,
    pub counts: QueueCounts,
}

#[derive(QueryableByName)]
struct QueueSummaryRow {
    #[diesel(sql_type = BigInt)]
    total: i64,
    #[diesel(sql_type = BigInt)]
    failed_mail: i64,
    #[diesel(sql_type = BigInt)]
    retention_due: i64,
    #[diesel(embed)]
    counts: QueueCounts,
}

/// `queue_count`, `outbox::count_failed_capped` and `queue_counts` as one statement: the
/// same capped index ranges, one round trip instead of three (on PostgreSQL every
/// statement of a page is a round trip; issue 6).
pub fn queue_summary(
    conn: &mut DbConn,
    filter: &QueueFilter,
    today: NaiveDate,
    soon_days: i64,
    me: &str,
) -> QueryResult<QueueSummary> {
    let mut q = QueueSql::new(filter);
    let total = q.count_sql(conn, Some(COUNT_CAP));
    let cap = q.param(Param::BigInt(COUNT_CAP + 1));
    let failed = super::outbox::failed_capped_sql(&cap);
    let day = q.param(Param::Date(today));
    // A range of `category_outcomes_retained` (its predicate is this WHERE).
    let retention_due = format!(
        "SELECT count(*) FROM (SELECT 1 FROM category_outcomes WHERE outcome = 'retained' \
         AND erased_at IS NULL AND until_date < {day} LIMIT {cap}) AS r"
    );
    let columns = q.counts_columns(conn, today, soon_days, me);
    let sql = format!(
        "SELECT ({total}) AS total, ({failed}) AS failed_mail, \
         ({retention_due}) AS retention_due, {columns}"
    );
    let row: QueueSummaryRow = q.query(conn, sql).get_result(conn)?;
    Ok(QueueSummary {
        total: QueueCount::capped(row.total),
        failed_mail: QueueCount::capped(row.failed_mail),
        retention_due: QueueCount::capped(row.retention_due),
        counts: row.counts,
    })
}

/// Up to `limit` requests still needing action that someone handed to `user` after
/// `since` (the digest's "newly assigned"), oldest handover first.
pub fn assigned_since(
    conn: &mut DbConn,
    user: &str,
    since: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<Request>> {
    requests::table
        .filter(requests::assignee_id.eq(user))
        .filter(requests::assigned_at.gt(since))
        .filter(requests::status.eq_any(Status::active().iter().map(|s| s.as_str())))
        .order((requests::assigned_at, requests::id))
        .limit(limit)
        .select(Request::as_select())
        .load(conn)
}

/// The request with this reference (unique index).
pub fn find_by_reference(conn: &mut DbConn, reference: &str) -> QueryResult<Option<Request>> {
    requests::table
        .filter(requests::reference.eq(reference))
        .select(Request::as_select())
        .first(conn)
        .optional()
}

/// Up to `limit` requests of one address, newest first (`requests_subject_email`).
pub fn search_email(conn: &mut DbConn, email: &str, limit: i64) -> QueryResult<Vec<Request>> {
    requests::table
        .filter(requests::subject_email.eq(email))
        .order((requests::received_at.desc(), requests::id))
        .limit(limit)
        .select(Request::as_select())
        .load(conn)
}

/// Up to `limit` requests whose folded name starts with `prefix`, by name: a range of
/// `requests_name_prefix`, compared byte-wise on both databases.
pub fn search_name_prefix(
    conn: &mut DbConn,
    prefix: &str,
    limit: i64,
) -> QueryResult<Vec<Request>> {
    requests::table
        .filter(requests::subject_name_key.ge(prefix))
        .filter(requests::subject_name_key.lt(crate::domain::search::prefix_upper_bound(prefix)))
        .order((requests::subject_name_key, requests::id))
        .limit(limit)
        .select(Request::as_select())
        .load(conn)
}

/// The count shown on the queue page: exact up to `COUNT_CAP`, `MoreThan(COUNT_CAP)`
/// beyond, so that no page reads more than `COUNT_CAP + 1` index entries to count them.
pub fn queue_count(conn: &mut DbConn, filter: &QueueFilter) -> QueryResult<QueueCount> {
    let mut q = QueueSql::new(filter);
    let sql = q.count_sql(conn, Some(COUNT_CAP));
    let n = q.query(conn, sql).get_result::<CountRow>(conn)?.n;
    Ok(QueueCount::capped(n))
}

/// Which of a view's queries to explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueQuery {
    FirstPage,
    Count,
}

#[derive(QueryableByName)]
struct SqlitePlanRow {
    #[diesel(sql_type = Text)]
    detail: String,
}

#[derive(QueryableByName)]
struct PgPlanRow {
    #[diesel(sql_type = Text, column_name = "QUERY PLAN")]
    line: String,
}

/// The database's plan for a view's first page or count, one line per step (SQLite:
/// `EXPLAIN QUERY PLAN`, PostgreSQL: `EXPLAIN`). For tests and the queue benchmark.
pub fn explain_queue(
    conn: &mut DbConn,
    filter: &QueueFilter,
    what: QueueQuery,
) -> QueryResult<Vec<String>> {
    let mut q = QueueSql::new(filter);
    let sql = match what {
        QueueQuery::FirstPage => q.page_sql(conn, 51),
        QueueQuery::Count => q.count_sql(conn, Some(COUNT_CAP)),
    };
    match conn {
        DbConn::Sqlite(_) => Ok(q
            .query(conn, format!("EXPLAIN QUERY PLAN {sql}"))
            .load::<SqlitePlanRow>(conn)?
            .into_iter()
            .map(|r| r.detail)
            .collect()),
        DbConn::Pg(_) => Ok(q
            .query(conn, format!("EXPLAIN {sql}"))
            .load::<PgPlanRow>(conn)?
            .into_iter()
            .map(|r| r.line)
            .collect()),
    }
}

/// Exact number of requests matching a filter (reads every matching row; the queue page
/// uses `queue_count`).
pub fn count(conn: &mut DbConn, filter: &QueueFilter) -> QueryResult<i64> {
    let mut q = QueueSql::new(filter);
    let sql = q.count_sql(conn, None);
    Ok(q.query(conn, sql).get_result::<CountRow>(conn)?.n)
}

/// Requests in `status` received before `cutoff`, oldest first.
pub fn received_before_in_status(
    conn: &mut DbConn,
    status: &str,
    cutoff: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<Request>> {
    requests::table
        .filter(requests::status.eq(status))
        .filter(requests::received_at.lt(cutoff))
        .order(requests::received_at.asc())
        .limit(limit)
        .select(Request::as_select())
        .load(conn)
}

/// Requests awaiting verification whose window ran out at `cutoff` (DESIGN §3): received
/// before it, and not waiting on their verification email, i.e. it is neither still to
/// be delivered (pending, or failed and waiting for an operator to requeue it) nor was it
/// delivered after `cutoff`. The window counts from when the subject could read the link.
/// A request entered by hand without an email address never had a link, so it never
/// expires this way: the handler verifies it another way, or rejects it.
pub fn unverified_past(
    conn: &mut DbConn,
    status: &str,
    verify_template: &str,
    cutoff: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<Request>> {
    use super::schema::outbox;
    use diesel::dsl::{exists, not};
    // Correlated, so each candidate probes `outbox_request`: `id <> ALL (subquery)` read
    // the whole outbox on every sweep (430 ms every 5 s on PostgreSQL at 114,000 requests).
    let still_waiting = outbox::table
        .filter(outbox::request_id.eq(requests::id.nullable()))
        .filter(outbox::template.eq(verify_template))
        .filter(
            outbox::status
                .ne(super::outbox::SENT)
                .or(outbox::sent_at.ge(cutoff)),
        );
    requests::table
        .filter(requests::status.eq(status))
        .filter(requests::received_at.lt(cutoff))
        .filter(requests::subject_email.is_not_null())
        .filter(not(exists(still_waiting)))
        .order(requests::received_at.asc())
        .limit(limit)
        .select(Request::as_select())
        .load(conn)
}

/// Reserve `count` consecutive reference numbers for a year; returns the first.
/// Call inside `write_transaction` (or see `number_ahead`).
pub fn reserve_reference_numbers(conn: &mut DbConn, year: i32, count: i32) -> QueryResult<i32> {
    use reference_counters::dsl as rc;
    // One round trip in the common case (issue 6: PostgreSQL CPU per intake).
    let last: Option<i32> = diesel::update(rc::reference_counters.filter(rc::year.eq(year)))
        .set(rc::last_number.eq(rc::last_number + count))
        .returning(rc::last_number)
        .get_result(conn)
        .optional()?;
    let last = match last {
        Some(last) => last,
        None => {
            diesel::insert_into(rc::reference_counters)
                .values((rc::year.eq(year), rc::last_number.eq(count)))
                .execute(conn)?;
            count
        }
    };
    Ok(last - count + 1)
}

/// Row by row: multi-row inserts are not available through the multi-backend
/// connection; inside one transaction this is fast enough for seeding.
pub fn insert_many(conn: &mut DbConn, rows: &[NewRequest<'_>]) -> QueryResult<()> {
    for row in rows {
        insert(conn, row)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::ACTIVE_PREDICATE;
    use crate::domain::status::Status;

    #[test]
    fn the_active_predicate_lists_exactly_the_active_statuses() {
        let listed = Status::active()
            .iter()
            .map(|s| format!("'{}'", s.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        assert_eq!(ACTIVE_PREDICATE, format!("status IN ({listed})"));
        for dir in ["migrations/sqlite", "migrations/postgres"] {
            for migration in [
                "2026-11-25-000002_active_queue_index",
                "2026-11-26-000005_queue_indexes",
            ] {
                let sql = std::fs::read_to_string(format!("{dir}/{migration}/up.sql"))
                    .expect("migration");
                assert!(
                    sql.contains(&format!("WHERE {ACTIVE_PREDICATE};")),
                    "{dir}/{migration}"
                );
            }
        }
    }
}
