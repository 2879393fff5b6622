//! Webhooks to the systems that hold the data (issue 13): the events, the identifiers a
//! subscription may receive, which URLs may be called, and the Standard Webhooks
//! signature. Pure: the dispatcher (`webhooks::dispatcher`) does the I/O.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// What a subscription can be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventType {
    /// The subject's identity was verified (by the email link, or another way).
    RequestVerified,
    /// Any change of status.
    StatusChanged,
    /// A due-date reminder went to the handlers (7 and 2 days before, by default).
    DueSoon,
    /// The request is past its due date (once a day, with the handlers' reminder).
    Overdue,
    /// The handler recorded a category as erased: each system erases it (Art. 17).
    ErasureInstructed,
    /// The handler applied a correction item: each system applies it (Art. 16).
    RectificationInstructed,
}

impl EventType {
    pub const ALL: &'static [EventType] = &[
        EventType::RequestVerified,
        EventType::StatusChanged,
        EventType::DueSoon,
        EventType::Overdue,
        EventType::ErasureInstructed,
        EventType::RectificationInstructed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::RequestVerified => "request.verified",
            EventType::StatusChanged => "request.status_changed",
            EventType::DueSoon => "request.due_soon",
            EventType::Overdue => "request.overdue",
            EventType::ErasureInstructed => "erasure.instructed",
            EventType::RectificationInstructed => "rectification.instructed",
        }
    }

    pub fn parse(s: &str) -> Option<EventType> {
        EventType::ALL.iter().copied().find(|e| e.as_str() == s)
    }

    /// Words for the admin page (Fluent ids cannot hold dots).
    pub fn label_id(self) -> &'static str {
        match self {
            EventType::RequestVerified => "webhook-event-request-verified",
            EventType::StatusChanged => "webhook-event-request-status-changed",
            EventType::DueSoon => "webhook-event-request-due-soon",
            EventType::Overdue => "webhook-event-request-overdue",
            EventType::ErasureInstructed => "webhook-event-erasure-instructed",
            EventType::RectificationInstructed => "webhook-event-rectification-instructed",
        }
    }

    /// An instruction gives every subscribed system a task to report done.
    pub fn is_instruction(self) -> bool {
        matches!(
            self,
            EventType::ErasureInstructed | EventType::RectificationInstructed
        )
    }
}

/// What a receiving system may learn about the subject to find them (data minimisation,
/// Art. 5(1)(c)): each subscription chooses, as a recipient's Art. 19 notice does; the
/// reference always comes.
pub use super::recipients::Identifier;

/// Names stored space-separated, in the order of `all`, each once; unknown ones skipped.
pub fn parse_list<T: Copy + PartialEq>(stored: &str, parse: impl Fn(&str) -> Option<T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for x in stored.split_whitespace().filter_map(parse) {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

pub fn store_list<T: Copy + PartialEq>(
    all: &[T],
    chosen: &[T],
    name: impl Fn(T) -> &'static str,
) -> String {
    all.iter()
        .filter(|x| chosen.contains(x))
        .map(|x| name(*x))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Why a URL may not receive webhooks (each has words: `webhook-url-*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlRefusal {
    /// Not an absolute URL, or over 2,000 characters.
    Invalid,
    /// Not https (plain http only to loopback, when loopback is allowed).
    NotHttps,
    /// A user name or password in the URL: secrets go in the signing secret.
    Credentials,
    /// Loopback, private, link-local, or otherwise not on the public internet.
    PrivateAddress,
}

impl UrlRefusal {
    pub fn message_id(self) -> &'static str {
        match self {
            UrlRefusal::Invalid => "webhook-url-invalid",
            UrlRefusal::NotHttps => "webhook-url-https",
            UrlRefusal::Credentials => "webhook-url-credentials",
            UrlRefusal::PrivateAddress => "webhook-url-private",
        }
    }
}

const URL_MAX: usize = 2000;

/// Check a subscription's URL: https, no credentials, and a host that is not a private,
/// loopback or link-local address (server-side request forgery: the app must not become a
/// way into the company's own network or the cloud's metadata service). A host name is
/// checked again on every delivery, on the addresses it resolves to then
/// (`address_allowed`), so a name that later points inside is refused too.
/// With `allow_loopback`, loopback addresses (and `localhost`) are allowed, also over
/// plain http: for tests and a receiver on the same machine.
pub fn check_url(raw: &str, allow_loopback: bool) -> Result<url::Url, UrlRefusal> {
    let raw = raw.trim();
    if raw.is_empty() || raw.len() > URL_MAX {
        return Err(UrlRefusal::Invalid);
    }
    let url = url::Url::parse(raw).map_err(|_| UrlRefusal::Invalid)?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(UrlRefusal::Credentials);
    }
    let loopback = match url.host() {
        None => return Err(UrlRefusal::Invalid),
        Some(url::Host::Ipv4(ip)) => {
            if !address_allowed(IpAddr::V4(ip), allow_loopback) {
                return Err(UrlRefusal::PrivateAddress);
            }
            ip.is_loopback()
        }
        Some(url::Host::Ipv6(ip)) => {
            if !address_allowed(IpAddr::V6(ip), allow_loopback) {
                return Err(UrlRefusal::PrivateAddress);
            }
            ip.is_loopback()
        }
        Some(url::Host::Domain(name)) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            let is_loopback = name == "localhost" || name.ends_with(".localhost");
            if is_loopback && !allow_loopback {
                return Err(UrlRefusal::PrivateAddress);
            }
            is_loopback
        }
    };
    match url.scheme() {
        "https" => Ok(url),
        "http" if loopback && allow_loopback => Ok(url),
        _ => Err(UrlRefusal::NotHttps),
    }
}

/// May a delivery connect to `ip`? Only addresses on the public internet, and loopback
/// when allowed. IPv4 inside IPv6 (mapped or compatible) is judged as IPv4.
pub fn address_allowed(ip: IpAddr, allow_loopback: bool) -> bool {
    match ip {
        IpAddr::V4(v4) => v4_allowed(v4, allow_loopback),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4_allowed(v4, allow_loopback),
            None => v6_allowed(v6, allow_loopback),
        },
    }
}

fn v4_allowed(ip: Ipv4Addr, allow_loopback: bool) -> bool {
    if ip.is_loopback() {
        return allow_loopback;
    }
    let [a, b, c, _] = ip.octets();
    let special = ip.is_unspecified()
        || ip.is_private() // 10/8, 172.16/12, 192.168/16
        || ip.is_link_local() // 169.254/16: cloud metadata services
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0 // "this network"
        || (a == 100 && (64..128).contains(&b)) // 100.64/10, carrier-grade NAT
        || (a == 192 && b == 0 && c == 0) // 192.0.0/24, IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // 198.18/15, benchmarking
        || a >= 240; // reserved
    !special
}

fn v6_allowed(ip: Ipv6Addr, allow_loopback: bool) -> bool {
    if ip.is_loopback() {
        return allow_loopback;
    }
    let first = ip.segments()[0];
    let special = ip.is_unspecified()
        || ip.is_multicast()
        || (first & 0xfe00) == 0xfc00 // fc00::/7, unique local
        || (first & 0xffc0) == 0xfe80 // fe80::/10, link-local
        || (first & 0xffc0) == 0xfec0 // fec0::/10, site-local (deprecated)
        || (first == 0x2001 && ip.segments()[1] == 0x0db8) // documentation
        || (first == 0x0064 && ip.segments()[1] == 0xff9b) // NAT64: may reach IPv4 inside
        || ip.segments()[..6] == [0, 0, 0, 0, 0, 0]; // IPv4-compatible (deprecated)
    !special
}

/// The prefix of a signing secret (Standard Webhooks).
pub const SECRET_PREFIX: &str = "whsec_";

/// A new signing secret: `whsec_` and 32 random bytes in base64.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::Rng::fill(&mut rand::rng(), &mut bytes);
    format!("{SECRET_PREFIX}{}", STANDARD.encode(bytes))
}

/// The key bytes of a secret made by `new_secret`.
pub fn secret_bytes(secret: &str) -> Option<Vec<u8>> {
    STANDARD.decode(secret.strip_prefix(SECRET_PREFIX)?).ok()
}

/// The `webhook-signature` header (Standard Webhooks): `v1,` and the base64 HMAC-SHA256
/// of `{id}.{timestamp}.{body}` under the secret's bytes.
pub fn signature(key: &[u8], id: &str, timestamp: i64, body: &str) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key)
        // HMAC takes keys of any length.
        .expect("HMAC-SHA256 accepts any key length");
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_and_identifier_names_round_trip() {
        for e in EventType::ALL {
            assert_eq!(EventType::parse(e.as_str()), Some(*e));
        }
        for i in Identifier::ALL {
            assert_eq!(Identifier::parse(i.as_str()), Some(*i));
        }
        let stored = store_list(
            Identifier::ALL,
            &[Identifier::Name, Identifier::Email],
            Identifier::as_str,
        );
        assert_eq!(stored, "email name");
        assert_eq!(
            parse_list("name bogus email name", Identifier::parse),
            vec![Identifier::Name, Identifier::Email]
        );
    }

    #[test]
    fn only_public_https_urls_are_accepted() {
        assert!(check_url("https://billing.example.com/hooks/dsr", false).is_ok());
        assert!(check_url("https://93.184.216.34/x", false).is_ok());
        for (url, refusal) in [
            ("http://billing.example.com/", UrlRefusal::NotHttps),
            ("ftp://billing.example.com/", UrlRefusal::NotHttps),
            (
                "https://user:pw@billing.example.com/",
                UrlRefusal::Credentials,
            ),
            ("not a url", UrlRefusal::Invalid),
            ("", UrlRefusal::Invalid),
            ("https://127.0.0.1/", UrlRefusal::PrivateAddress),
            ("https://localhost:8443/", UrlRefusal::PrivateAddress),
            ("https://10.1.2.3/", UrlRefusal::PrivateAddress),
            ("https://172.20.0.1/", UrlRefusal::PrivateAddress),
            ("https://192.168.1.1/", UrlRefusal::PrivateAddress),
            (
                "https://169.254.169.254/latest/meta-data/",
                UrlRefusal::PrivateAddress,
            ),
            ("https://100.64.0.1/", UrlRefusal::PrivateAddress),
            ("https://0.0.0.0/", UrlRefusal::PrivateAddress),
            ("https://[::1]/", UrlRefusal::PrivateAddress),
            ("https://[fe80::1]/", UrlRefusal::PrivateAddress),
            ("https://[fd00::1]/", UrlRefusal::PrivateAddress),
            ("https://[::ffff:10.0.0.1]/", UrlRefusal::PrivateAddress),
            ("https://[::ffff:127.0.0.1]/", UrlRefusal::PrivateAddress),
            // Decimal and hex forms of addresses are read as the address they are.
            ("https://2130706433/", UrlRefusal::PrivateAddress),
            ("https://0x7f.1/", UrlRefusal::PrivateAddress),
        ] {
            assert_eq!(check_url(url, false).err(), Some(refusal), "{url}");
        }
    }

    #[test]
    fn loopback_is_allowed_only_when_the_setting_says_so_and_private_never() {
        assert!(check_url("http://127.0.0.1:9000/hook", true).is_ok());
        assert!(check_url("https://localhost/hook", true).is_ok());
        assert_eq!(
            check_url("http://10.0.0.1/hook", true).err(),
            Some(UrlRefusal::PrivateAddress)
        );
        assert_eq!(
            check_url("http://billing.example.com/", true).err(),
            Some(UrlRefusal::NotHttps)
        );
        assert!(address_allowed("127.0.0.1".parse().expect("ip"), true));
        assert!(!address_allowed("127.0.0.1".parse().expect("ip"), false));
        assert!(!address_allowed("192.168.0.10".parse().expect("ip"), true));
        assert!(address_allowed(
            "2a00:1450:4010::64".parse().expect("ip"),
            false
        ));
    }

    /// The example of the Standard Webhooks specification: this secret, id, timestamp
    /// and body give this signature.
    #[test]
    fn the_signature_matches_the_standard_webhooks_example() {
        let key = secret_bytes("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").expect("base64");
        let sig = signature(
            &key,
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            r#"{"test": 2432232314}"#,
        );
        assert_eq!(sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assert!(secret_bytes(&new_secret()).is_some_and(|k| k.len() == 32));
    }
}
