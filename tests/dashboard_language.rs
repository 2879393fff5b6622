//! The dashboard in the handler's language (issue 8): `Accept-Language` chooses it, the
//! language switch overrides the header, and refusals come in the same language.

mod support;

use support::*;

/// GET with an `Accept-Language` header, as a Norwegian browser sends it.
async fn get_in(app: &TestApp, c: &reqwest::Client, path: &str, lang: &str) -> (u16, String) {
    let r = c
        .get(app.url(path))
        .header("Accept-Language", lang)
        .send()
        .await
        .expect("GET");
    let status = r.status().as_u16();
    (status, r.text().await.unwrap_or_default())
}

async fn post_in(
    app: &TestApp,
    c: &reqwest::Client,
    path: &str,
    lang: &str,
    form: &[(&str, &str)],
) -> (u16, String) {
    let r = c
        .post(app.url(path))
        .header("Accept-Language", lang)
        .form(form)
        .send()
        .await
        .expect("POST");
    let status = r.status().as_u16();
    (status, r.text().await.unwrap_or_default())
}

/// The id of the first request linked from a queue page.
fn first_request_id(queue: &str) -> String {
    let marker = "href=\"/dashboard/requests/";
    let start = queue.find(marker).expect("a request in the queue") + marker.len();
    let end = queue[start..].find('"').expect("end of link") + start;
    queue[start..end].to_string()
}

#[tokio::test]
async fn a_norwegian_browser_gets_the_queue_in_norwegian_until_the_switch_says_english() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let subject = TestApp::client();
    submit_request(&app, &subject, "kari@example.no", &[("kind", "access")]).await;

    let (status, queue) = get_in(&app, &admin, "/dashboard?status=all", "nb-NO,nb;q=0.9").await;
    assert_eq!(status, 200);
    assert!(queue.contains("<html lang=\"nb\">"), "{queue}");
    assert!(queue.contains("<h1>Kø</h1>"), "{queue}");
    assert!(
        queue.contains("Venter på bekreftelse"),
        "status label: {queue}"
    );
    assert!(
        queue.contains("dager igjen"),
        "days left as a plural: {queue}"
    );
    assert!(
        queue.contains("1 henvendelse, tidligste frist først."),
        "{queue}"
    );
    assert!(!queue.contains("Awaiting verification"), "{queue}");
    // The switch offers the other two languages, each named in its own language, and
    // comes back to this page; the skip link leads to the main content.
    assert!(
        queue.contains("href=\"/lang/en?back=/dashboard%3Fstatus%3Dall\""),
        "{queue}"
    );
    assert!(
        queue.contains("lang=\"sv\" hreflang=\"sv\">Svenska</a>"),
        "{queue}"
    );
    assert!(queue.contains("href=\"#main\""));
    assert!(queue.contains("<main id=\"main\""));
    // Dates as Norwegians write them (the received day in the app's time zone, which is
    // the next day from 23:00 UTC), the paused clock in words.
    let received =
        dsr_tracker::time::local_date(app.clock_now().naive_utc(), app.settings.timezone);
    let month = dsr_tracker::i18n::Tr::plain(dsr_tracker::i18n::Lang::Nb).date(&received);
    assert!(queue.contains(&month), "received {month}: {queue}");
    assert!(queue.contains("(fristen står stille)"), "{queue}");
    assert!(queue.contains("class=\"queue cards\""));
    assert!(queue.contains("data-label=\"Frist\""));

    // The request page speaks Norwegian too.
    let id = first_request_id(&queue);
    let (_, page) = get_in(&app, &admin, &format!("/dashboard/requests/{id}"), "nb").await;
    assert!(
        page.contains("<h2 id=\"deadlines-heading\">Frister</h2>"),
        "{page}"
    );
    assert!(page.contains("Lovpålagt frist (art. 12 nr. 3)"), "{page}");

    // The switch to English overrides the header from now on.
    let r = admin
        .get(app.url("/lang/en?back=/dashboard%3Fstatus%3Dall"))
        .header("Accept-Language", "nb")
        .send()
        .await
        .expect("switch");
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(
        r.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/dashboard?status=all")
    );
    let (_, queue) = get_in(&app, &admin, "/dashboard?status=all", "nb").await;
    assert!(queue.contains("<html lang=\"en\">"), "{queue}");
    assert!(queue.contains("<h1>Queue</h1>"), "{queue}");
    assert!(queue.contains("Awaiting verification"), "{queue}");
    assert!(!queue.contains("<h1>Kø</h1>"));
}

#[tokio::test]
async fn a_form_from_a_stale_page_is_refused_in_the_handlers_language() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let subject = TestApp::client();
    submit_request(&app, &subject, "kari@example.no", &[("kind", "erasure")]).await;
    let (_, queue) = get_in(&app, &admin, "/dashboard?status=all", "nb").await;
    let id = first_request_id(&queue);
    let path = format!("/dashboard/requests/{id}");

    let (_, old_page) = get_in(&app, &admin, &path, "nb").await;
    let token = csrf_in(&old_page).expect("csrf");
    let version = hidden(&old_page, "version");
    let assign = format!("{path}/assign");
    let form = [
        ("csrf_token", token.as_str()),
        ("version", version.as_str()),
    ];
    let (status, _) = post_in(&app, &admin, &assign, "nb", &form).await;
    assert_eq!(status, 303, "the first assignment wins");

    // The same form again: the request changed meanwhile.
    let (status, body) = post_in(&app, &admin, &assign, "nb", &form).await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("<html lang=\"nb\">"), "{body}");
    assert!(
        body.contains(
            "Noen andre endret denne henvendelsen mens du hadde den åpen \
             (den er nå i påvente av bekreftelse)"
        ),
        "{body}"
    );
    // The language switch on the refused page comes back to the request's page.
    assert!(
        body.contains(&format!("href=\"/lang/sv?back=/dashboard/requests/{id}\"")),
        "{body}"
    );

    // In Swedish, the same refusal in Swedish.
    let (status, body) = post_in(&app, &admin, &assign, "sv-SE,sv;q=0.9", &form).await;
    assert_eq!(status, 409);
    assert!(body.contains("<html lang=\"sv\">"));
    assert!(
        body.contains("Någon annan ändrade den här begäran medan du hade den öppen"),
        "{body}"
    );
}

#[tokio::test]
async fn a_refused_password_change_has_an_error_summary_linked_to_the_field_in_norwegian() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (_, page) = get_in(&app, &admin, "/dashboard/account", "nb").await;
    let token = csrf_in(&page).expect("csrf");
    let (status, body) = post_in(
        &app,
        &admin,
        "/dashboard/account/password",
        "nb",
        &[
            ("csrf_token", &token),
            ("current_password", "not the password at all"),
            ("password", "a new long password"),
            ("password_again", "a new long password"),
        ],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("<title>Feil: Din konto"), "{body}");
    assert!(body.contains("id=\"error-summary\""), "{body}");
    assert!(
        body.contains("<a href=\"#current_password\">Dette er ikke ditt nåværende passord.</a>"),
        "{body}"
    );
    assert!(
        body.contains("aria-invalid=\"true\" aria-describedby=\"current_password-error\""),
        "{body}"
    );
    assert!(body.contains("action=\"/dashboard/account/password#error-summary\""));
}
