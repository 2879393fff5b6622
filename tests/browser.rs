//! The portal in a real browser (headless Chromium from Debian, driven by chromedriver)
//! with JavaScript turned off: the kind-specific questions follow the chosen kind through
//! CSS alone, and the form submits and comes back with errors without any script.
//!
//! Needs `/usr/bin/chromium` and `/usr/bin/chromedriver` (`apt-get install chromium
//! chromium-driver`); `.ci/run` installs them. Outside CI the test is skipped without them.

mod support;

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
        caps.add_experimental_option(
            "prefs",
            json!({"profile.managed_default_content_settings.javascript": 2}),
        )
        .expect("prefs");
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
    assert_eq!(due.len(), 10, "{due}");
    browser.quit().await;
}
