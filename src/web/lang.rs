//! Which language a page speaks (issue 8): the reader's choice from the language switch
//! (a cookie), else the browser's `Accept-Language`, else `DSR_LANGUAGE`. Handlers take a
//! [`Tr`] argument; the switch is a plain link, so it works without JavaScript.

use std::future::{ready, Ready};
use std::sync::Arc;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};

use super::AppState;
use crate::domain::lang::Lang;
use crate::i18n::{Site, Tr};

/// The cookie that remembers the reader's choice (a year; not a secret, not signed).
pub const COOKIE: &str = "lang";

/// The language for this request, without the site facts.
pub fn choose(req: &HttpRequest, default: Lang) -> Lang {
    if let Some(l) = req.cookie(COOKIE).and_then(|c| Lang::parse(c.value())) {
        return l;
    }
    req.headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(from_accept_language)
        .unwrap_or(default)
}

/// The best language we speak from an `Accept-Language` header: the tags in order of
/// their q-values (RFC 9110 §12.5.4, parsed by the `accept-language` crate), the first
/// whose language we speak. Regions do not matter (`sv-FI` reads Swedish); Norwegian
/// readers who send `no` or `nn` get Bokmål.
pub fn from_accept_language(header: &str) -> Option<Lang> {
    accept_language::parse(header)
        .iter()
        .find_map(|tag| Lang::parse(tag))
}

impl FromRequest for Tr {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let (default, site) = match req.app_data::<web::Data<AppState>>() {
            Some(state) => (state.settings.language, state.site.clone()),
            None => (Lang::En, Tr::plain(Lang::En).site),
        };
        let mut t = Tr::new(choose(req, default), site);
        // After a POST the switch should go to the page the form was on, which only the
        // handler knows (no Referer: DESIGN §9 sends none); it sets `here` when it matters.
        if req.method() == actix_web::http::Method::GET {
            if let Some(pq) = req.uri().path_and_query() {
                t.here = pq.as_str().to_string();
            }
        }
        ready(Ok(t))
    }
}

/// Only a local path may be the target of the switch's redirect: no `//host`, no
/// scheme, no backslash tricks (an open redirect would lend our name to phishing).
fn safe_back(back: &str) -> Option<String> {
    let ok = back.starts_with('/')
        && !back.starts_with("//")
        && !back.contains('\\')
        && !back.chars().any(char::is_control);
    ok.then(|| back.to_string())
}

#[derive(serde::Deserialize)]
pub struct SwitchQuery {
    back: Option<String>,
}

/// `GET /lang/{code}?back=/path`: remember the choice and go back to the page.
pub async fn switch(
    path: web::Path<String>,
    q: web::Query<SwitchQuery>,
    state: web::Data<AppState>,
) -> HttpResponse {
    let back = q
        .back
        .as_deref()
        .and_then(safe_back)
        .unwrap_or_else(|| "/".into());
    let Some(lang) = Lang::parse(&path).filter(|l| l.code() == path.as_str()) else {
        return super::redirect(&back);
    };
    let cookie = Cookie::build(COOKIE, lang.code())
        .path("/")
        .max_age(actix_web::cookie::time::Duration::days(365))
        .same_site(SameSite::Lax)
        .secure(state.settings.base_url.starts_with("https://"))
        .http_only(true)
        .finish();
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, back))
        .cookie(cookie)
        .finish()
}

/// The site facts every page shows, built once at start.
pub fn site(settings: &crate::config::Settings) -> Arc<Site> {
    Arc::new(Site::from_settings(settings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_is_negotiated_by_quality() {
        assert_eq!(from_accept_language("sv"), Some(Lang::Sv));
        assert_eq!(
            from_accept_language("sv-SE,sv;q=0.9,en;q=0.8"),
            Some(Lang::Sv)
        );
        assert_eq!(
            from_accept_language("de-DE,en;q=0.5,nb;q=0.7"),
            Some(Lang::Nb)
        );
        assert_eq!(from_accept_language("no"), Some(Lang::Nb));
        assert_eq!(from_accept_language("nn-NO"), Some(Lang::Nb));
        assert_eq!(from_accept_language("en-GB"), Some(Lang::En));
        assert_eq!(from_accept_language("de, fr"), None);
        assert_eq!(from_accept_language(""), None);
    }

    #[test]
    fn the_switch_only_goes_back_to_a_local_page() {
        assert_eq!(safe_back("/track"), Some("/track".into()));
        assert_eq!(safe_back("//evil.example/x"), None);
        assert_eq!(safe_back("https://evil.example"), None);
        assert_eq!(safe_back("/\\evil.example"), None);
    }
}
