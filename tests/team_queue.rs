//! Issue 9, the queue a DPO triages from: the counts at the top and the filters they open,
//! search by reference, address and name, paused requests never shown as overdue, and
//! paging backwards with the filters kept. Runs on SQLite, and on PostgreSQL with
//! `DSR_TEST_POSTGRES_URL`.

mod support;

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use dsr_tracker::time::local_date;
use support::*;

/// The references in a queue page's rows.
fn references(page: &str) -> Vec<String> {
    page.split("<tr class=\"urgency-")
        .skip(1)
        .filter_map(reference_in)
        .collect()
}

fn same(mut a: Vec<String>, b: &[&String]) -> bool {
    let mut b: Vec<String> = b.iter().map(|s| s.to_string()).collect();
    a.sort();
    b.sort();
    a == b
}

/// The row of one reference on a queue page.
fn row_of<'a>(page: &'a str, reference: &str) -> &'a str {
    page.split("<tr class=\"urgency-")
        .skip(1)
        .find(|r| r.contains(reference))
        .unwrap_or_else(|| panic!("{reference} not on the page"))
}

#[tokio::test]
async fn the_counts_and_filters_give_known_answers_and_a_paused_request_is_never_overdue() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let hans = app.create_user("hans@telecom.example", "handler");
    let t0: NaiveDate = local_date(app.clock_now().naive_utc(), app.settings.timezone);

    // A: due 10 days ago. B: due in 25 days. C: due in 30 days. D: overdue when its clock
    // stopped. E: 10 days left when its clock stopped. F: waiting for verification.
    let (a, ref_a) = enter_by_hand(&app, &admin, "Øystein Ås", "oystein@example.no", 40).await;
    let (_, ref_b) = enter_by_hand(&app, &admin, "Berit Berg", "berit@example.no", 5).await;
    let (c, ref_c) = enter_by_hand(&app, &admin, "Carl Carlsen", "carl@example.no", 0).await;
    let (d, ref_d) = enter_by_hand(&app, &admin, "Dag Dahl", "dag@example.no", 40).await;
    let (e, ref_e) = enter_by_hand(&app, &admin, "Eva Eng", "eva@example.no", 20).await;
    let (dana_id, hans_id) = {
        let mut conn = app.pool.get().expect("conn");
        let dana = dsr_tracker::workflow::users::list(&mut conn)
            .expect("users")
            .into_iter()
            .find(|u| u.email == "dpo@telecom.example")
            .expect("dana");
        (dana.id, hans.id.clone())
    };
    for id in [&a, &d, &e] {
        act_on(&app, &admin, id, "assign", &[("assignee", &dana_id)]).await;
    }
    act_on(&app, &admin, &c, "assign", &[("assignee", &hans_id)]).await;
    for id in [&d, &e] {
        act_on(&app, &admin, id, "start", &[]).await;
        act_on(
            &app,
            &admin,
            id,
            "ask",
            &[
                ("purpose", "identity"),
                ("question", "Which town is on your last invoice?"),
            ],
        )
        .await;
    }
    // C missed the organisation's promise (an extension after the policy date; set here
    // directly, as the extension rules have their own tests).
    {
        use dsr_tracker::db::schema::requests;
        let mut conn = app.pool.get().expect("conn");
        diesel::update(requests::table.filter(requests::id.eq(&c)))
            .set(requests::missed_policy_date.eq(true))
            .execute(&mut conn)
            .expect("mark");
    }

    // Twenty days later.
    app.clock.advance(Duration::days(20));
    app.login(&admin, "dpo@telecom.example", ADMIN_PASSWORD)
        .await;
    // F arrives today through the portal and waits for verification.
    let subject = TestApp::client();
    let ref_f = submit_request(&app, &subject, "frida@example.no", &[("kind", "access")]).await;
    let (status, page) = app.get(&admin, "/dashboard").await;
    assert_eq!(status, 200);
    let page = page.replace("&#38;", "&amp;");
    for (words, link) in [
        ("2 overdue", "status=active&amp;urgency=overdue"),
        ("1 due within 7 days", "status=active&amp;urgency=soon"),
        ("2 waiting for the subject", "status=awaiting_subject"),
        ("1 awaiting verification", "status=awaiting_verification"),
        ("2 unassigned", "status=active&amp;assignee=none"),
        ("3 assigned to me", "status=active&amp;assignee=me"),
    ] {
        assert!(
            page.contains(&format!("<a href=\"/dashboard?{link}\">{words}</a>")),
            "count {words} linking to {link}: {page}"
        );
    }

    // Each count's link shows exactly the requests it counted.
    for (query, expected) in [
        ("status=active&urgency=overdue", vec![&ref_a, &ref_d]),
        ("status=active&urgency=soon", vec![&ref_b]),
        ("status=awaiting_subject", vec![&ref_d, &ref_e]),
        ("status=awaiting_verification", vec![&ref_f]),
        ("status=active&assignee=none", vec![&ref_b, &ref_f]),
        ("status=active&assignee=me", vec![&ref_a, &ref_d, &ref_e]),
        (
            &format!("status=active&assignee={hans_id}") as &str,
            vec![&ref_c],
        ),
        ("status=all&missed=1", vec![&ref_c]),
        // Combined: mine and overdue.
        (
            "status=active&assignee=me&urgency=overdue",
            vec![&ref_a, &ref_d],
        ),
        (
            &format!("status=active&due_before={}", t0 + Duration::days(20)) as &str,
            vec![&ref_a, &ref_d, &ref_e],
        ),
        ("status=active&kind=erasure", vec![]),
    ] {
        let (status, page) = app.get(&admin, &format!("/dashboard?{query}")).await;
        assert_eq!(status, 200, "{query}");
        assert!(
            same(references(&page), &expected),
            "{query}: {:?}, expected {expected:?}",
            references(&page)
        );
    }

    // Paused: E's days left stay at what they were when its clock stopped (not overdue,
    // although its due date has passed); D was overdue before it stopped and stays so.
    let (_, page) = app.get(&admin, "/dashboard").await;
    let row_e = row_of(&page, &ref_e);
    assert!(
        row_e.starts_with("green") || row_e.starts_with("amber"),
        "{row_e}"
    );
    assert!(row_e.contains("paused, "), "{row_e}");
    assert!(
        row_e.contains("days left") || row_e.contains("day left"),
        "{row_e}"
    );
    let row_d = row_of(&page, &ref_d);
    assert!(row_d.starts_with("red"), "{row_d}");
    assert!(row_d.contains("overdue"), "{row_d}");
    // Assignee and subject columns.
    assert!(row_of(&page, &ref_c).contains("Carl Carlsen"));
    assert!(row_of(&page, &ref_a).contains("Dana DPO"));
    assert!(row_of(&page, &ref_b).contains(">nobody<"));

    // Bad filter values: a 400 that names the filter, never a 500.
    for query in [
        "assignee=bogus",
        "urgency=later",
        "due_before=2026-13-01",
        "missed=perhaps",
        "status=nonsense",
        "before=not-a-cursor",
    ] {
        let (status, body) = app.get(&admin, &format!("/dashboard?{query}")).await;
        assert_eq!(status, 400, "{query}: {body}");
    }
}

#[tokio::test]
async fn search_finds_a_reference_an_address_and_a_name_prefix() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (a, ref_a) = enter_by_hand(&app, &admin, "Øystein Ås", "oystein@example.no", 3).await;
    let (_, ref_b) = enter_by_hand(&app, &admin, "Berit Berg", "berit@example.no", 2).await;
    let (_, ref_b2) = enter_by_hand(&app, &admin, "Berit Berg", "berit@example.no", 1).await;
    let (_, ref_c) = enter_by_hand(&app, &admin, "Øyvind Olsen", "oyvind@example.no", 1).await;

    // A reference, in any case and with spaces, opens its request.
    for q in [ref_a.clone(), format!("  {}  ", ref_a.to_lowercase())] {
        let r = app
            .get_full(&admin, &app.url(&format!("/dashboard?q={}", urlencode(&q))))
            .await;
        assert_eq!(r.status().as_u16(), 303, "{q}");
        assert_eq!(
            r.headers().get("location").and_then(|v| v.to_str().ok()),
            Some(format!("/dashboard/requests/{a}").as_str())
        );
    }
    // An unknown reference finds nothing.
    let (status, page) = app.get(&admin, "/dashboard?q=DSR-2026-999999").await;
    assert_eq!(status, 200);
    assert!(references(&page).is_empty());
    assert!(page.contains("0 requests found"), "{page}");

    // An address, in its canonical form.
    let (status, page) = app.get(&admin, "/dashboard?q=%20Berit%40EXAMPLE.no").await;
    assert_eq!(status, 200);
    assert!(same(references(&page), &[&ref_b, &ref_b2]), "{page}");

    // The start of a name, in any case: Unicode folds ("ØY" finds "Øystein" and "Øyvind").
    for (q, expected) in [
        ("%C3%98Y", vec![&ref_a, &ref_c]),
        ("%C3%B8yst", vec![&ref_a]),
        ("berit%20b", vec![&ref_b, &ref_b2]),
        ("zz", vec![]),
    ] {
        let (status, page) = app.get(&admin, &format!("/dashboard?q={q}")).await;
        assert_eq!(status, 200, "{q}");
        assert!(
            same(references(&page), &expected),
            "{q}: {:?}",
            references(&page)
        );
    }

    // A bad address: the queue comes back with the message beside the box.
    let (status, page) = app.get(&admin, "/dashboard?q=berit%40").await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("id=\"q-error\""), "{page}");
    assert!(page.contains("aria-invalid=\"true\""));
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn previous_pages_mirror_next_pages_and_keep_the_filters() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    {
        let mut conn = app.pool.get().expect("conn");
        dsr_tracker::seed::seed_demo(&mut conn, &app.settings, chrono::Utc::now(), 400, false)
            .expect("seed");
    }
    // Walk forward through every access request (any status), then back.
    let mut forward: Vec<Vec<String>> = Vec::new();
    let mut path = "/dashboard?status=all&kind=access".to_string();
    let mut prev_links = Vec::new();
    loop {
        let (status, page) = app.get(&admin, &path).await;
        assert_eq!(status, 200, "{path}");
        let refs = references(&page);
        assert!(!refs.is_empty());
        assert!(page.contains("<select id=\"kind\""));
        forward.push(refs);
        let link = |rel: &str| {
            page.split(&format!("rel=\"{rel}\" href=\""))
                .nth(1)
                .and_then(|r| r.split('"').next())
                .map(html_unescape)
        };
        prev_links.push(link("prev"));
        match link("next") {
            Some(next) => {
                assert!(
                    next.contains("status=all") && next.contains("kind=access"),
                    "{next}"
                );
                path = next;
            }
            None => break,
        }
    }
    assert!(forward.len() >= 2, "the seed gives more than one page");
    assert!(prev_links[0].is_none(), "no previous on the first page");
    // Each page's "previous" link shows exactly the page before it.
    for (i, prev) in prev_links.iter().enumerate().skip(1) {
        let prev = prev.clone().expect("previous link");
        assert!(prev.contains("kind=access"), "{prev}");
        let (status, page) = app.get(&admin, &prev).await;
        assert_eq!(status, 200);
        assert_eq!(references(&page), forward[i - 1], "page {i}'s previous");
    }
}

#[tokio::test]
async fn a_csv_export_holds_exactly_the_filtered_rows_defuses_formulas_and_is_audited() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (a, ref_a) = enter_by_hand(
        &app,
        &admin,
        "=HYPERLINK(\"http://x\") Evil",
        "evil@example.no",
        3,
    )
    .await;
    let (_, ref_b) = enter_by_hand(&app, &admin, "Berit Berg", "berit@example.no", 2).await;
    let (_, ref_c) = enter_by_hand(&app, &admin, "@Carl", "carl@example.no", 1).await;
    let dana_id = {
        let mut conn = app.pool.get().expect("conn");
        dsr_tracker::workflow::users::list(&mut conn)
            .expect("users")
            .into_iter()
            .find(|u| u.email == "dpo@telecom.example")
            .expect("dana")
            .id
    };
    act_on(&app, &admin, &a, "assign", &[("assignee", &dana_id)]).await;

    let read = |body: String| -> Vec<Vec<String>> {
        csv::Reader::from_reader(body.as_bytes())
            .records()
            .map(|r| r.expect("csv row").iter().map(str::to_string).collect())
            .collect()
    };
    // Everything still needing action: three rows, formulas defused.
    let r = app
        .get_full(&admin, &app.url("/dashboard/export.csv?status=active"))
        .await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .starts_with("text/csv"));
    let rows = read(r.text().await.expect("body"));
    let refs: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert!(same(
        refs.iter().map(|s| s.to_string()).collect(),
        &[&ref_a, &ref_b, &ref_c]
    ));
    let evil = rows.iter().find(|r| r[0] == ref_a).expect("row a");
    assert_eq!(evil[7], "'=HYPERLINK(\"http://x\") Evil");
    assert_eq!(evil[9], "Dana DPO");
    assert_eq!(evil[5], "open");
    let carl = rows.iter().find(|r| r[0] == ref_c).expect("row c");
    assert_eq!(carl[7], "'@Carl");

    // The filter decides the rows: only mine.
    let r = app
        .get_full(
            &admin,
            &app.url("/dashboard/export.csv?status=active&assignee=me"),
        )
        .await;
    let rows = read(r.text().await.expect("body"));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][0], ref_a);

    // Every export is in the audit trail, with its filter.
    let exports: Vec<(String, Option<String>)> = {
        use dsr_tracker::db::schema::audit_events;
        let mut conn = app.pool.get().expect("conn");
        audit_events::table
            .filter(audit_events::action.eq("queue_exported"))
            .select((audit_events::actor, audit_events::note))
            .load(&mut conn)
            .expect("audit")
    };
    assert_eq!(exports.len(), 2, "{exports:?}");
    assert!(exports[1]
        .1
        .as_deref()
        .unwrap_or("")
        .contains("assignee=me"));

    // Auditors may export; without a login there is no export.
    app.create_user("audit@telecom.example", "auditor");
    let auditor = TestApp::client();
    app.login(&auditor, "audit@telecom.example", ADMIN_PASSWORD)
        .await;
    let (status, _) = app.get(&auditor, "/dashboard/export.csv").await;
    assert_eq!(status, 200);
    let (status, body) = app.get(&TestApp::client(), "/dashboard/export.csv").await;
    assert_ne!(status, 200, "{body}");
    assert!(!body.contains(&ref_a));
    // A bad filter is refused before anything is written or audited.
    let (status, _) = app.get(&admin, "/dashboard/export.csv?urgency=later").await;
    assert_eq!(status, 400);

    // Many rows arrive in several batches, each row once, in queue order.
    {
        let mut conn = app.pool.get().expect("conn");
        dsr_tracker::seed::seed_demo(&mut conn, &app.settings, chrono::Utc::now(), 1200, false)
            .expect("seed");
    }
    let r = app
        .get_full(&admin, &app.url("/dashboard/export.csv?status=all"))
        .await;
    let rows = read(r.text().await.expect("body"));
    assert_eq!(rows.len() as i64, app.count_requests());
    let mut refs: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    let dues: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
    assert!(dues.windows(2).all(|w| w[0] <= w[1]), "in due order");
    refs.sort();
    refs.dedup();
    assert_eq!(refs.len(), rows.len(), "no row twice");
}

/// An export that fails midway (here: a stored row that no longer parses, 700 rows in)
/// is cut off, so the download fails visibly instead of ending as a short file that
/// looks whole.
#[tokio::test]
async fn an_export_that_fails_midway_is_cut_off_not_ended_quietly() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    {
        let mut conn = app.pool.get().expect("conn");
        dsr_tracker::seed::seed_demo(&mut conn, &app.settings, app.clock_now(), 1000, false)
            .expect("seed");
        let all = dsr_tracker::db::requests::QueueFilter::default();
        let rows = dsr_tracker::db::requests::queue_page(&mut conn, &all, None, 701).expect("rows");
        let bad = rows.last().expect("700 rows").id.clone();
        diesel::sql_query("UPDATE requests SET details = 'not json' WHERE id = $1")
            .bind::<diesel::sql_types::Text, _>(&bad)
            .execute(&mut conn)
            .expect("corrupt one row");
    }
    let r = app
        .get_full(&admin, &app.url("/dashboard/export.csv?status=all"))
        .await;
    assert_eq!(
        r.status().as_u16(),
        200,
        "the first rows were already on their way"
    );
    let body = r.bytes().await;
    assert!(
        body.is_err(),
        "a cut-off download, not a short file that looks whole"
    );
}
