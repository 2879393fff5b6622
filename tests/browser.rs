//! The portal in a real browser (headless Chromium from Debian, driven by chromedriver)
//! with JavaScript turned off: the kind-specific questions follow the chosen kind through
//! CSS alone, and the form submits and comes back with errors without any script.
//!
//! A second test runs axe-core (WCAG 2.0/2.1 A and AA rules) on every portal and dashboard
//! page, in every language, at desktop width and at 390 px (issue 8).
//!
//! Needs `/usr/bin/chromium` and `/usr/bin/chromedriver` (`apt-get install chromium
//! chromium-driver`) and, for axe, `.ci/axe/node_modules/axe-core/axe.min.js`
//! (`npm ci --prefix .ci/axe`); `.ci/run` installs them. Outside CI the tests are skipped
//! without them.

mod support;

use chrono::Datelike;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::json;
use support::*;
use thirtyfour::prelude::*;
use thirtyfour::ChromiumLikeCapabilities;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

struct Driver {
    process: Child,
    _profile: tempfile::TempDir,
    driver: WebDriver,
}

impl Driver {
    async fn start() -> Option<Driver> {
        Self::start_with(false).await
    }

    /// `javascript`: allow scripts (axe runs as one; our pages have none).
    async fn start_with(javascript: bool) -> Option<Driver> {
        if !std::path::Path::new(CHROMEDRIVER).exists() || !std::path::Path::new(CHROMIUM).exists()
        {
            assert!(
                std::env::var("CI").map(|v| v != "true").unwrap_or(true),
                "CI must install chromium and chromium-driver for the browser test"
            );
            eprintln!("chromium/chromedriver not installed: browser test skipped");
            return None;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("free port");
        let process = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let profile = tempfile::tempdir().expect("profile dir");
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(CHROMIUM).expect("binary");
        for arg in [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
        ] {
            caps.add_arg(arg).expect("arg");
        }
        caps.add_arg(&format!("--user-data-dir={}", profile.path().display()))
            .expect("arg");
        // No JavaScript at all: every page must work without it.
        if !javascript {
            caps.add_experimental_option(
                "prefs",
                json!({"profile.managed_default_content_settings.javascript": 2}),
            )
            .expect("prefs");
        }
        let url = format!("http://127.0.0.1:{port}");
        let mut last_error = None;
        for _ in 0..50 {
            match WebDriver::new(&url, caps.clone()).await {
                Ok(driver) => {
                    return Some(Driver {
                        process,
                        _profile: profile,
                        driver,
                    })
                }
                Err(e) => last_error = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("chromedriver did not start: {last_error:?}");
    }

    async fn quit(self) {
        let _ = self.driver.clone().quit().await;
    }
}

impl Drop for Driver {
    /// Also on a failed assertion: never leave chromedriver (and its browser) running.
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// Wait for an element (after a click that submits a form, the next page takes a moment).
async fn wait_for(driver: &WebDriver, by: By) -> WebElement {
    driver
        .query(by)
        .wait(Duration::from_secs(10), Duration::from_millis(50))
        .first()
        .await
        .expect("element on the next page")
}

async fn shown(driver: &WebDriver, css: &str) -> bool {
    driver
        .find(By::Css(css))
        .await
        .expect("element")
        .is_displayed()
        .await
        .expect("displayed")
}

#[tokio::test]
async fn the_form_works_in_a_browser_without_javascript() {
    let app = TestApp::spawn().await;
    let Some(browser) = Driver::start().await else {
        return;
    };
    let d = &browser.driver;
    d.goto(app.url("/")).await.expect("open portal");

    // Before a kind is chosen, no kind-specific questions show.
    assert!(!shown(d, "fieldset.kind-erasure").await);
    assert!(shown(d, ".kind-hint").await);

    // Choosing erasure shows its questions and only those.
    d.find(By::Id("kind-erasure"))
        .await
        .expect("radio")
        .click()
        .await
        .expect("click");
    assert!(shown(d, "fieldset.kind-erasure").await);
    assert!(!shown(d, "fieldset.kind-rectification").await);
    assert!(!shown(d, ".kind-hint").await);
    d.find(By::Id("kind-rectification"))
        .await
        .expect("radio")
        .click()
        .await
        .expect("click");
    assert!(shown(d, "fieldset.kind-rectification").await);
    assert!(!shown(d, "fieldset.kind-erasure").await);

    // Submit a rectification without an email: the page comes back with the error beside
    // the field and what was typed still there.
    d.find(By::Id("name"))
        .await
        .expect("name")
        .send_keys("Sofie Berg")
        .await
        .expect("type");
    d.find(By::Id("rect_field_1"))
        .await
        .expect("field")
        .send_keys("Postal address")
        .await
        .expect("type");
    d.find(By::Id("rect_value_1"))
        .await
        .expect("value")
        .send_keys("Storgata 12, 0155 Oslo")
        .await
        .expect("type");
    d.find(By::Css("button[type=submit]"))
        .await
        .expect("submit")
        .click()
        .await
        .expect("click");
    let error = wait_for(d, By::Id("email-error")).await;
    assert!(error.text().await.expect("text").contains("email address"));
    assert_eq!(
        d.find(By::Id("name"))
            .await
            .expect("name")
            .value()
            .await
            .expect("value")
            .as_deref(),
        Some("Sofie Berg")
    );
    assert!(
        shown(d, "fieldset.kind-rectification").await,
        "the chosen kind stays chosen"
    );

    // Correct it and send.
    d.find(By::Id("email"))
        .await
        .expect("email")
        .send_keys("sofie@example.no")
        .await
        .expect("type");
    d.find(By::Css("button[type=submit]"))
        .await
        .expect("submit")
        .click()
        .await
        .expect("click");
    let reference = wait_for(d, By::Css("strong.reference"))
        .await
        .text()
        .await
        .expect("text");
    assert!(reference.starts_with("DSR-"), "{reference}");
    let mail = app.wait_for_mail("sofie@example.no", &reference).await;

    // The verification link, opened and confirmed in the browser.
    let link = extract_links(&mail.text, &format!("{}/verify/", app.base)).remove(0);
    d.goto(link).await.expect("open link");
    d.find(By::Css("button[type=submit]"))
        .await
        .expect("confirm")
        .click()
        .await
        .expect("click");
    let due = wait_for(d, By::Css("strong.due"))
        .await
        .text()
        .await
        .expect("text");
    // 30 days from today: this year or, in December, the next.
    let year = chrono::Utc::now().year();
    assert!(
        due.contains(&year.to_string()) || due.contains(&(year + 1).to_string()),
        "{due}"
    );
    browser.quit().await;
}

const AXE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/.ci/axe/node_modules/axe-core/axe.min.js"
);

/// The WCAG 2.0/2.1 A and AA violations axe-core finds on the open page, one line each.
async fn axe_violations(d: &WebDriver, axe_source: &str) -> Vec<String> {
    let script = format!(
        "{axe_source}\n\
         return axe.run(document, {{runOnly: {{type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}}})\n\
           .then(r => r.violations.map(v => v.id + ': ' + v.help + ' at ' +\n\
             v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(' | ')));"
    );
    let ret = d.execute(&script, vec![]).await.expect("axe ran");
    ret.convert::<Vec<String>>().expect("axe result")
}

/// True when the page is wider than the window (it would scroll sideways).
async fn scrolls_sideways(d: &WebDriver) -> Vec<String> {
    // When the page is wider than the window, name the innermost elements that stick out,
    // so a failure says where to look.
    let ret = d
        .execute(
            "if (document.documentElement.scrollWidth <= window.innerWidth + 1) return [];\n\
             const w = window.innerWidth + 1;\n\
             const out = e => e.getBoundingClientRect().right > w;\n\
             const found = Array.from(document.querySelectorAll('body *'))\n\
               .filter(e => out(e) && !Array.from(e.children).some(out))\n\
               .slice(0, 5)\n\
               .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +\n\
                 (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : '') +\n\
                 ' ends at ' + Math.round(e.getBoundingClientRect().right) + 'px');\n\
             return found.length ? found : ['the page is wider than the window'];",
            vec![],
        )
        .await
        .expect("script");
    ret.convert::<Vec<String>>().expect("strings")
}

/// Post a dashboard action as its form would (CSRF token and the version the page shows).
async fn dashboard_action(
    app: &TestApp,
    c: &reqwest::Client,
    id: &str,
    action: &str,
    fields: &[(&str, &str)],
) {
    let (status, page) = app.get(c, &format!("/dashboard/requests/{id}")).await;
    assert_eq!(status, 200, "request page");
    let token = csrf_in(&page).expect("csrf");
    let version = hidden(&page, "version");
    let mut form: Vec<(&str, &str)> = vec![("csrf_token", &token), ("version", &version)];
    form.extend_from_slice(fields);
    let path = format!("/dashboard/requests/{id}/{action}");
    let (status, body, _) = app.post_form(c, &path, &form).await;
    assert!(status == 303 || status == 200, "{action}: {status} {body}");
}

/// Add a dataset to a request's package as the package page's form does (multipart).
async fn add_package_records(app: &TestApp, c: &reqwest::Client, id: &str, name: &str, csv: &str) {
    let (status, page) = app
        .get(c, &format!("/dashboard/requests/{id}/package"))
        .await;
    assert_eq!(status, 200, "package page");
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", hidden(&page, "csrf_token"))
        .text("version", hidden(&page, "version"))
        .text("name", name.to_string())
        .text("category", "billing")
        .part(
            "records",
            reqwest::multipart::Part::bytes(csv.as_bytes().to_vec())
                .file_name("records.csv")
                .mime_str("text/csv")
                .expect("mime"),
        );
    let r = c
        .post(app.url(&format!("/dashboard/requests/{id}/package/records")))
        .multipart(form)
        .send()
        .await
        .expect("POST records");
    assert_eq!(r.status().as_u16(), 303, "records added");
}

fn request_id(app: &TestApp, reference: &str) -> String {
    use diesel::prelude::*;
    use dsr_tracker::db::schema::requests;
    let mut conn = app.pool.get().expect("conn");
    requests::table
        .filter(requests::reference.eq(reference))
        .select(requests::id)
        .first::<String>(&mut conn)
        .expect("request id")
}

#[tokio::test]
async fn every_page_passes_axe_in_every_language_at_desktop_and_phone_width() {
    let axe_source = match std::fs::read_to_string(AXE) {
        Ok(s) => s,
        Err(e) => {
            assert!(
                std::env::var("CI").map(|v| v != "true").unwrap_or(true),
                "CI must install axe-core (npm ci --prefix .ci/axe): {e}"
            );
            eprintln!("axe-core not installed ({AXE}): accessibility test skipped");
            return;
        }
    };
    // One admin logs in seven times from 127.0.0.1 (once per language and width, once
    // over HTTP): more than the default login burst of five allows.
    let app = TestApp::spawn_with(&[("DSR_LOGIN_BURST", "20")]).await;
    let admin_email = "dpo@telecom.example";
    app.create_user(admin_email, "admin");

    // A request waiting for the subject's answer (its status page shows the answer form),
    // and a second, unverified one (its link opens the confirmation page).
    let subject = TestApp::client();
    let (reference, ack) = submit_and_verify(&app, &subject, "kari@example.no").await;
    let status_link = extract_links(&ack.text, &format!("{}/s/", app.base)).remove(0);
    let id = request_id(&app, &reference);
    let admin = TestApp::client();
    app.login(&admin, admin_email, ADMIN_PASSWORD).await;
    dashboard_action(&app, &admin, &id, "start", &[]).await;
    dashboard_action(
        &app,
        &admin,
        &id,
        "ask",
        &[
            ("purpose", "identity"),
            ("question", "Which town is on your last invoice?"),
        ],
    )
    .await;
    let second = submit_request(&app, &subject, "ola@example.no", &[("kind", "erasure")]).await;
    let verify_mail = app.wait_for_mail("ola@example.no", &second).await;
    let verify_link = extract_links(&verify_mail.text, &format!("{}/verify/", app.base)).remove(0);

    // Issue 10's pages with something on them: an erasure with a kept category (the
    // outcomes table, the retention register), an objection with a purpose to decide
    // (the decision table, the suppression list).
    let (_, erasure) = support::submit_verified_kind(
        &app,
        &TestApp::client(),
        "erase@example.no",
        &[
            ("kind", "erasure"),
            ("erasure_scope", "categories"),
            ("erasure_categories", "billing"),
            ("erasure_categories", "ip_logs"),
        ],
    )
    .await;
    dashboard_action(&app, &admin, &erasure, "start", &[]).await;
    let anchor =
        (dsr_tracker::time::local_date(app.clock_now().naive_utc(), app.settings.timezone)
            - chrono::Duration::days(30))
        .to_string();
    dashboard_action(
        &app,
        &admin,
        &erasure,
        "outcome",
        &[
            ("category", "billing"),
            ("category_outcome", "retained"),
            ("rule", "no-accounting-primary"),
            ("anchor_date", &anchor),
        ],
    )
    .await;
    let (_, objection) = support::submit_verified_kind(
        &app,
        &TestApp::client(),
        "object@example.no",
        &[
            ("kind", "objection"),
            ("objection_purpose", "direct_marketing"),
            ("objection_purpose", "profiling"),
            ("objection_reasons", "Please stop analysing my calls."),
            ("phone", "+47 912 34 567"),
        ],
    )
    .await;

    // Issue 11's pages: a rectification with an item to decide and recipients to choose,
    // another completed with a notice (its link's page, the open-notices view).
    let (_, rectification) = support::submit_verified_kind(
        &app,
        &TestApp::client(),
        "rect@example.no",
        &[
            ("kind", "rectification"),
            ("rect_field_1", "Postal address"),
            ("rect_value_1", "Storgata 1, 0155 Oslo"),
        ],
    )
    .await;
    dashboard_action(&app, &admin, &rectification, "start", &[]).await;
    let (_, notified) = support::submit_verified_kind(
        &app,
        &TestApp::client(),
        "notified@example.no",
        &[
            ("kind", "rectification"),
            ("customer_number", "K-1"),
            ("rect_field_1", "Postal address"),
            ("rect_value_1", "Storgata 2, 0155 Oslo"),
        ],
    )
    .await;
    dashboard_action(&app, &admin, &notified, "start", &[]).await;
    dashboard_action(
        &app,
        &admin,
        &notified,
        "item",
        &[
            ("item", "1"),
            ("item_category", "contact"),
            ("item_decision", "applied"),
        ],
    )
    .await;
    let (status, body) = support::complete_via_preview(
        &app,
        &admin,
        &notified,
        &[
            ("outcome", "fulfilled"),
            ("answer", "We have corrected your address."),
            ("recipient", "billing-partner"),
        ],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    let notice_mail = app
        .wait_for_mail("privacy@nordicbilling.example", "GDPR Art. 19")
        .await;
    let notice_link = extract_links(&notice_mail.text, &format!("{}/notice/", app.base)).remove(0);
    let rect_ack = app
        .wait_for_mail("rect@example.no", "We have your request")
        .await;
    let rect_status_link = extract_links(&rect_ack.text, &format!("{}/s/", app.base)).remove(0);

    // Issue 12's pages: an access request with records on its package page (the preview,
    // the redaction form), and a completed portability request: its status page offers
    // the download, and the link sent to the other controller opens its own page.
    let (_, pkg_open) = support::submit_verified_kind(
        &app,
        &TestApp::client(),
        "pkg@example.no",
        &[("kind", "access")],
    )
    .await;
    dashboard_action(&app, &admin, &pkg_open, "start", &[]).await;
    add_package_records(
        &app,
        &admin,
        &pkg_open,
        "Invoices",
        "invoice,amount,paid by\nF-1001,399,Kari Nordmann\nF-1002,249,Ola Hansen\n",
    )
    .await;
    let (_, pkg_done) = support::submit_verified_kind(
        &app,
        &TestApp::client(),
        "move@example.no",
        &[
            ("kind", "portability"),
            ("portability_controller_name", "Fjordnett AS"),
            ("portability_controller_email", "port-in@fjordnett.example"),
        ],
    )
    .await;
    dashboard_action(&app, &admin, &pkg_done, "start", &[]).await;
    add_package_records(
        &app,
        &admin,
        &pkg_done,
        "Subscriptions",
        "number,plan\n+47 912 34 567,Fri 20 GB\n",
    )
    .await;
    let (status, body) = support::complete_via_preview(
        &app,
        &admin,
        &pkg_done,
        &[("outcome", "fulfilled"), ("answer", "Your data is ready.")],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    let (status, page) = app
        .get(&admin, &format!("/dashboard/requests/{pkg_done}/package"))
        .await;
    assert_eq!(status, 200);
    let (status, _, _) = app
        .post_form(
            &admin,
            &format!("/dashboard/requests/{pkg_done}/package/send"),
            &[("csrf_token", &hidden(&page, "csrf_token"))],
        )
        .await;
    assert_eq!(status, 303, "link sent");
    let package_mail = app
        .wait_for_mail("port-in@fjordnett.example", "transmitted")
        .await;
    let package_link =
        extract_links(&package_mail.text, &format!("{}/package/", app.base)).remove(0);
    let move_ack = app
        .wait_for_mail("move@example.no", "We have your request")
        .await;
    // Issue 13: a key in the API keys list.
    let (_, keys_page) = app.get(&admin, "/dashboard/admin/api-keys").await;
    let (status, _, _) = app
        .post_form(
            &admin,
            "/dashboard/admin/api-keys",
            &[
                ("csrf_token", &hidden(&keys_page, "csrf_token")),
                ("name", "My Page"),
                ("scope", "requests:create_verified"),
                ("scope", "requests:read"),
                ("last_day", ""),
            ],
        )
        .await;
    assert_eq!(status, 200, "key created");
    // A system subscribed on the webhooks page.
    let (_, hooks_page) = app.get(&admin, "/dashboard/admin/webhooks").await;
    let (status, _, _) = app
        .post_form(
            &admin,
            "/dashboard/admin/webhooks",
            &[
                ("csrf_token", &hidden(&hooks_page, "csrf_token")),
                ("name", "Billing"),
                // .invalid never resolves (RFC 2606): nothing leaves the machine.
                ("url", "https://billing.invalid/hooks/dsr-tracker/erasure"),
                ("event", "erasure.instructed"),
                ("identifier", "customer_number"),
            ],
        )
        .await;
    assert_eq!(status, 200, "subscribed");
    // …and an erasure instructed to it: the request page lists the system's task, waiting,
    // with the override form.
    dashboard_action(
        &app,
        &admin,
        &erasure,
        "outcome",
        &[("category", "ip_logs"), ("category_outcome", "erased")],
    )
    .await;
    let move_status_link = extract_links(&move_ack.text, &format!("{}/s/", app.base)).remove(0);

    let Some(browser) = Driver::start_with(true).await else {
        return;
    };
    let d = &browser.driver;
    // The status link grants this browser the request.
    d.goto(&status_link).await.expect("status link");
    d.goto(&rect_status_link).await.expect("status link");
    d.goto(&move_status_link).await.expect("status link");

    let portal_pages = vec![
        "/".to_string(),
        "/track".to_string(),
        verify_link.trim_start_matches(&app.base).to_string(),
        "/my/requests".to_string(),
        format!("/my/requests/{id}"),
        format!("/my/requests/{id}/withdraw"),
        "/no-such-page".to_string(),
        "/login/forgot".to_string(),
        notice_link.trim_start_matches(&app.base).to_string(),
        format!("/my/requests/{rectification}"),
        format!("/my/requests/{pkg_done}"),
        package_link.trim_start_matches(&app.base).to_string(),
    ];
    let dashboard_pages = vec![
        "/dashboard".to_string(),
        "/dashboard?status=all".to_string(),
        format!("/dashboard/requests/{id}"),
        "/dashboard/intake".to_string(),
        "/dashboard/users".to_string(),
        "/dashboard/account".to_string(),
        "/dashboard/mail/failed".to_string(),
        format!("/dashboard/requests/{erasure}"),
        format!("/dashboard/requests/{objection}"),
        "/dashboard/retention".to_string(),
        "/dashboard/suppression".to_string(),
        "/dashboard/admin/registers".to_string(),
        format!("/dashboard/requests/{rectification}"),
        format!("/dashboard/requests/{notified}"),
        "/dashboard/notices".to_string(),
        format!("/dashboard/requests/{pkg_open}/package"),
        format!("/dashboard/requests/{pkg_done}/package"),
        "/dashboard/admin/processing".to_string(),
        "/dashboard/admin/api-keys".to_string(),
        "/dashboard/admin/webhooks".to_string(),
    ];
    let screenshots = std::env::var("DSR_SCREENSHOT_DIR").ok();
    let mut problems = Vec::new();
    let mut checked = 0;
    for lang in ["nb", "sv", "en"] {
        d.goto(app.url(&format!("/lang/{lang}?back=/")))
            .await
            .expect("switch");
        let html_lang = d
            .find(By::Css("html"))
            .await
            .expect("html")
            .attr("lang")
            .await
            .expect("attr");
        assert_eq!(html_lang.as_deref(), Some(lang), "the switch chose {lang}");
        for (width, height) in [(1280u32, 900u32), (390, 844)] {
            d.set_window_rect(0, 0, width, height)
                .await
                .expect("window size");
            let mut check = |page: String, found: Vec<String>, sideways: Vec<String>| {
                checked += 1;
                for v in found {
                    problems.push(format!("{lang} {width}px {page}: {v}"));
                }
                if width < 500 {
                    for e in sideways {
                        problems.push(format!("{lang} {width}px {page}: scrolls sideways: {e}"));
                    }
                }
            };
            // The home page with a failed submit: the error summary and marked fields.
            d.goto(app.url("/")).await.expect("home");
            if width < 500 {
                if let Some(dir) = &screenshots {
                    d.set_window_rect(0, 0, 390, 2400)
                        .await
                        .expect("tall window");
                    let shot = d.screenshot_as_png().await.expect("screenshot");
                    std::fs::write(format!("{dir}/portal-home-{lang}-390px.png"), shot)
                        .expect("write screenshot");
                    d.set_window_rect(0, 0, width, height)
                        .await
                        .expect("window size");
                }
            }
            d.find(By::Css("form.request-form button[type=submit]"))
                .await
                .expect("submit")
                .click()
                .await
                .expect("click");
            wait_for(d, By::Css(".error-summary")).await;
            check(
                "/ (errors)".into(),
                axe_violations(d, &axe_source).await,
                scrolls_sideways(d).await,
            );
            for page in &portal_pages {
                d.goto(app.url(page)).await.expect("portal page");
                check(
                    page.clone(),
                    axe_violations(d, &axe_source).await,
                    scrolls_sideways(d).await,
                );
            }
            // Log in through the form (the login page itself is checked first).
            d.goto(app.url("/login")).await.expect("login");
            check(
                "/login".into(),
                axe_violations(d, &axe_source).await,
                scrolls_sideways(d).await,
            );
            if d.find(By::Id("email")).await.is_ok() {
                d.find(By::Id("email"))
                    .await
                    .expect("email")
                    .send_keys(admin_email)
                    .await
                    .expect("type");
                d.find(By::Id("password"))
                    .await
                    .expect("password")
                    .send_keys(ADMIN_PASSWORD)
                    .await
                    .expect("type");
                d.find(By::Css("main button[type=submit]"))
                    .await
                    .expect("log in")
                    .click()
                    .await
                    .expect("click");
                wait_for(d, By::Css("body.dashboard")).await;
            }
            for page in &dashboard_pages {
                d.goto(app.url(page)).await.expect("dashboard page");
                check(
                    page.clone(),
                    axe_violations(d, &axe_source).await,
                    scrolls_sideways(d).await,
                );
            }
            // Log out, so the next round checks the login page again. Wait for the login
            // page: until the logout has answered, a navigation started now races with it
            // (the next round's language switch then read the old page's language).
            d.find(By::Css("form[action='/logout'] button"))
                .await
                .expect("log out")
                .click()
                .await
                .expect("click");
            wait_for(d, By::Css("form[action='/login']")).await;
        }
    }
    assert_eq!(
        checked,
        3 * 2 * (portal_pages.len() + dashboard_pages.len() + 2)
    );
    assert!(problems.is_empty(), "accessibility problems: {problems:#?}");
    browser.quit().await;
}
