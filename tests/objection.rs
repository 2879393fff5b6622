//! Issue 10: objection (Art. 21). Direct marketing is stopped automatically and
//! absolutely once the request is verified (Art. 21(3)); other purposes are decided by a
//! handler, and a refusal needs written grounds (Art. 21(1)). The suppression list and
//! its export (401 without a login, CSV cells defused). On SQLite and PostgreSQL.

mod support;

use support::{audit_actions, complete_via_preview, submit_verified_kind, try_act, TestApp};

fn status_of(app: &TestApp, id: &str) -> (String, Option<String>) {
    let mut conn = app.pool.get().expect("conn");
    let r = dsr_tracker::db::requests::find(&mut conn, id)
        .expect("find")
        .expect("row");
    (r.status, r.outcome)
}

fn suppressed(app: &TestApp) -> Vec<(String, String)> {
    let mut conn = app.pool.get().expect("conn");
    dsr_tracker::db::suppressions::all(&mut conn)
        .expect("list")
        .into_iter()
        .map(|s| (s.kind, s.value))
        .collect()
}

#[tokio::test]
async fn direct_marketing_alone_is_suppressed_and_completed_at_once_art_21_3() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (reference, id) = submit_verified_kind(
        &app,
        &TestApp::client(),
        "kari.marketing@example.no",
        &[
            ("kind", "objection"),
            ("objection_purpose", "direct_marketing"),
            ("phone", "0047 912 34 567"),
        ],
    )
    .await;
    // No handler, no balancing test: completed, fulfilled.
    assert_eq!(
        status_of(&app, &id),
        ("completed".to_string(), Some("fulfilled".to_string()))
    );
    let list = suppressed(&app);
    assert!(
        list.contains(&("email".into(), "kari.marketing@example.no".into())),
        "{list:?}"
    );
    assert!(
        list.contains(&("phone".into(), "+4791234567".into())),
        "{list:?}"
    );
    let actions = audit_actions(&app, &id);
    assert!(actions.contains(&"suppressed".to_string()));
    assert!(actions.contains(&"completed".to_string()));

    // The subject is told (and not also sent a "we have your request" with a due date),
    // and so are the handlers.
    let confirmed = app
        .wait_for_mail("kari.marketing@example.no", "stopped direct marketing")
        .await;
    assert!(confirmed.text.contains(&reference));
    assert!(confirmed.text.contains("phone number"));
    assert!(confirmed.text.contains("Art. 21(3)"));
    let staff = app
        .wait_for_mail(
            "dpo@telecom.example",
            "Objection to direct marketing acted on",
        )
        .await;
    assert!(staff.text.contains(&reference));
    assert!(
        !staff.text.contains("kari.marketing"),
        "no personal data to staff"
    );
    app.wait_for_outbox_sent().await;
    assert!(!app
        .smtp
        .messages()
        .iter()
        .any(|m| m.subject.contains("We have your request") && m.text.contains(&reference)));

    // The suppression list page and its exports.
    let (status, page) = app.get(&admin, "/dashboard/suppression").await;
    assert_eq!(status, 200);
    assert!(page.contains("+4791234567"));
    let csv = admin
        .get(app.url("/dashboard/suppression.csv"))
        .send()
        .await
        .expect("GET");
    assert_eq!(csv.status(), 200);
    let csv = csv.text().await.expect("csv");
    assert!(csv.starts_with("kind,value,since"), "{csv}");
    assert!(
        csv.contains("phone,'+4791234567,"),
        "formula cell defused: {csv}"
    );
    assert!(csv.contains("email,kari.marketing@example.no,"));
    let json: serde_json::Value = admin
        .get(app.url("/dashboard/suppression.json"))
        .send()
        .await
        .expect("GET")
        .json()
        .await
        .expect("json");
    assert!(json
        .as_array()
        .expect("array")
        .iter()
        .any(|e| e["kind"] == "phone" && e["value"] == "+4791234567"));

    // Without a login: 401, for programs, not a redirect to the login page.
    for path in ["/dashboard/suppression.csv", "/dashboard/suppression.json"] {
        let r = TestApp::client()
            .get(app.url(path))
            .send()
            .await
            .expect("GET");
        assert_eq!(r.status(), 401, "{path}");
        let body = r.text().await.expect("body");
        assert!(!body.contains("+4791234567"));
    }
    // The export is audited.
    let mut conn = app.pool.get().expect("conn");
    let exported: i64 = {
        use diesel::prelude::*;
        use dsr_tracker::db::schema::audit_events;
        audit_events::table
            .filter(audit_events::action.eq("suppression_exported"))
            .count()
            .get_result(&mut conn)
            .expect("count")
    };
    assert_eq!(exported, 2);

    // A second objection by the same person lists nothing twice.
    drop(conn);
    submit_verified_kind(
        &app,
        &TestApp::client(),
        "kari.marketing@example.no",
        &[
            ("kind", "objection"),
            ("objection_purpose", "direct_marketing"),
        ],
    )
    .await;
    assert_eq!(suppressed(&app).len(), 2);
}

#[tokio::test]
async fn other_purposes_need_a_handlers_decision_and_a_refusal_needs_grounds_art_21_1() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (reference, id) = submit_verified_kind(
        &app,
        &TestApp::client(),
        "ola@example.no",
        &[
            ("kind", "objection"),
            ("objection_purpose", "direct_marketing"),
            ("objection_purpose", "profiling"),
            ("objection_reasons", "I do not want my usage analysed."),
        ],
    )
    .await;
    // Direct marketing is stopped at once; the rest waits for a handler.
    assert_eq!(status_of(&app, &id).0, "open");
    assert!(suppressed(&app).contains(&("email".into(), "ola@example.no".into())));
    let told = app
        .wait_for_mail("ola@example.no", "stopped direct marketing")
        .await;
    assert!(told.text.contains("A case handler will decide"));
    let (status, _, _) = try_act(&app, &admin, &id, "start", &[]).await;
    assert_eq!(status, 303);
    let (_, page) = app.get(&admin, &format!("/dashboard/requests/{id}")).await;
    assert!(page.contains("Decision on each purpose"), "{page}");
    assert!(page.contains("automatically"));

    // Completing before profiling is decided: refused, naming it.
    let answer = [("outcome", "fulfilled"), ("answer", "We have stopped.")];
    let (status, body) = complete_via_preview(&app, &admin, &id, &answer).await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("Not decided: Profiling") || body.contains("Not decided:"),
        "{body}"
    );

    // A refusal without grounds, or with a word or two: refused beside the field.
    for grounds in ["", "Because."] {
        let (status, body, _) = try_act(
            &app,
            &admin,
            &id,
            "objection",
            &[
                ("purpose", "profiling"),
                ("decision", "refused"),
                ("grounds", grounds),
            ],
        )
        .await;
        assert_eq!(status, 422, "{grounds:?}: {body}");
        assert!(body.contains("compelling legitimate grounds"), "{body}");
    }
    // Direct marketing cannot be refused, even by a forged form.
    let (status, body, _) = try_act(
        &app,
        &admin,
        &id,
        "objection",
        &[
            ("purpose", "direct_marketing"),
            ("decision", "refused"),
            (
                "grounds",
                "We have a very important campaign running this month.",
            ),
        ],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("cannot be refused (Art. 21(3))"));
    // A purpose the subject did not name: refused.
    let (status, _, _) = try_act(
        &app,
        &admin,
        &id,
        "objection",
        &[("purpose", "other"), ("decision", "upheld")],
    )
    .await;
    assert_eq!(status, 422);

    let grounds =
        "Fraud detection on usage patterns is required to protect the network and other customers.";
    let (status, body, _) = try_act(
        &app,
        &admin,
        &id,
        "objection",
        &[
            ("purpose", "profiling"),
            ("decision", "refused"),
            ("grounds", grounds),
        ],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    // Refused in part: "fulfilled" is refused, "partially fulfilled" carries the grounds
    // and the Art. 12(4) notice.
    let (status, body) = complete_via_preview(&app, &admin, &id, &answer).await;
    assert_eq!(status, 422, "{body}");
    let (status, body) = complete_via_preview(
        &app,
        &admin,
        &id,
        &[
            ("outcome", "partially_fulfilled"),
            ("answer", "We have stopped direct marketing."),
            ("reasons", "We go on with fraud profiling."),
        ],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    let mail = app.wait_for_mail("ola@example.no", "partly done").await;
    assert!(mail.text.contains(&reference));
    assert!(mail.text.contains(grounds), "{}", mail.text);
    assert!(mail.text.contains("Art. 21(1)"));
    assert!(mail.text.contains("Art. 77"), "the Art. 12(4) notice");
}
