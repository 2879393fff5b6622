//! Settings: built-in defaults < optional TOML file named by `DSR_CONFIG` < `DSR_*`
//! environment variables. Every value is checked once here; an invalid one stops the
//! start with a message naming the setting (exit code 2, see main.rs).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use chrono_tz::Tz;
use serde::Deserialize;

use crate::domain::calendar::Country;
use crate::domain::lang::Lang;
use crate::domain::newtypes::EmailAddress;

/// `Debug` is written by hand below: it must never print the secret key or the SMTP
/// password (DESIGN §9).
#[derive(Clone)]
pub struct Settings {
    pub bind: SocketAddr,
    pub base_url: String,
    pub database_url: String,
    pub data_dir: PathBuf,
    /// `None`: mail is written as `.eml` files under `data_dir/mail`.
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub timezone: Tz,
    pub country: Country,
    /// The language pages and emails use when neither the reader's choice nor the
    /// browser's `Accept-Language` names one we speak (`DSR_LANGUAGE`; default by country).
    pub language: Lang,
    pub policy_days: u32,
    /// 64 bytes or more, for signing and encrypting cookies.
    pub secret_key: Vec<u8>,
    pub organisation: String,
    /// Named in every email to a subject (DESIGN §8).
    pub dpo_name: String,
    pub dpo_email: String,
    /// The supervisory authority named in Art. 12(4) notices; defaults by country.
    pub authority_name: String,
    pub authority_address: String,
    pub authority_url: String,
    pub verification_days: u32,
    pub access_link_days: u32,
    pub amber_days: i64,
    /// A message is marked failed only once it had this many attempts …
    pub mail_max_attempts: i32,
    /// … and its first attempt is at least this many hours old (DESIGN §8: 48 h).
    pub mail_retry_hours: u32,
    /// The longest one message may take to send; mail leases are derived from it.
    pub smtp_timeout_secs: u64,
    /// SMTP connections kept open, and messages sent at once by the dispatcher.
    pub smtp_connections: u32,
    /// Seconds between dispatcher and sweeper runs inside the server.
    pub worker_interval_ms: u64,
    /// Failed logins allowed per account and per address in a burst (then one per minute).
    pub login_burst: u32,
    /// Portal submissions and "track" requests allowed per client address and per email
    /// address in a burst (then ten an hour).
    pub portal_burst: u32,
    pub pause_clock: bool,
    /// A handler session ends after this many minutes without a request.
    pub session_idle_minutes: u32,
    /// A handler session ends this many hours after login, however active.
    pub session_max_hours: u32,
    /// `/healthz` answers 503 when the data directory's disk has less free space (MiB).
    pub min_free_disk_mb: u64,
    /// The largest file a subject may send with an answer, in MiB.
    pub upload_max_mb: u64,
    /// Days after a request closes when the subject's files are deleted, unless a handler
    /// keeps one as evidence.
    pub upload_retention_days: u32,
    /// Days a request waits for the subject's answer to a question before it expires.
    pub subject_answer_days: u32,
    /// Days before the due date when the handler is reminded, largest first (DESIGN
    /// §4.7; default 7 and 2). Overdue requests are reminded daily whatever this holds.
    pub reminder_days: Vec<u32>,
    /// The local time of the daily digest; `None`: no digest at all (`off`).
    pub digest_time: Option<chrono::NaiveTime>,
    /// The last day of the financial year (`MM-DD`, default 12-31): legal-retention rules
    /// count from it (`domain::retention`).
    pub financial_year_end: crate::domain::retention::FinancialYearEnd,
    /// Days between reminders of an Art. 19 notice nobody has acknowledged (default 7).
    pub notice_reminder_days: u32,
    /// Largest file a handler adds to an access or portability package (issue 12).
    pub package_max_mb: u64,
    /// How long a package stays downloadable after the request is completed.
    pub package_days: u32,
    /// API calls per key per minute (issue 13); beyond: 429 with `Retry-After`.
    pub api_rate_per_minute: u32,
    /// Webhook URLs may name loopback addresses (and use plain http there): for tests and
    /// a receiver on the same host. Private and link-local addresses are always refused.
    pub webhook_allow_loopback: bool,
    /// The longest one webhook delivery may take (real time).
    pub webhook_timeout_secs: u64,
    /// Give up on a delivery after this many attempts, once `webhook_retry_hours` passed.
    pub webhook_max_attempts: i32,
    pub webhook_retry_hours: u32,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("bind", &self.bind)
            .field("base_url", &self.base_url)
            .field("database_url", &redact_url(&self.database_url))
            .field("data_dir", &self.data_dir)
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("mail_from", &self.mail_from)
            .field("timezone", &self.timezone)
            .field("country", &self.country)
            .field("language", &self.language)
            .field("policy_days", &self.policy_days)
            .field(
                "secret_key",
                &format_args!("[{} bytes, redacted]", self.secret_key.len()),
            )
            .field("organisation", &self.organisation)
            .field("dpo_name", &self.dpo_name)
            .field("dpo_email", &self.dpo_email)
            .field("authority_name", &self.authority_name)
            .field("authority_address", &self.authority_address)
            .field("authority_url", &self.authority_url)
            .field("verification_days", &self.verification_days)
            .field("access_link_days", &self.access_link_days)
            .field("amber_days", &self.amber_days)
            .field("mail_max_attempts", &self.mail_max_attempts)
            .field("worker_interval_ms", &self.worker_interval_ms)
            .field("login_burst", &self.login_burst)
            .field("portal_burst", &self.portal_burst)
            .field("pause_clock", &self.pause_clock)
            .field("mail_retry_hours", &self.mail_retry_hours)
            .field("smtp_timeout_secs", &self.smtp_timeout_secs)
            .field("smtp_connections", &self.smtp_connections)
            .field("session_idle_minutes", &self.session_idle_minutes)
            .field("session_max_hours", &self.session_max_hours)
            .field("min_free_disk_mb", &self.min_free_disk_mb)
            .field("upload_max_mb", &self.upload_max_mb)
            .field("upload_retention_days", &self.upload_retention_days)
            .field("subject_answer_days", &self.subject_answer_days)
            .field("reminder_days", &self.reminder_days)
            .field("digest_time", &self.digest_time)
            .field("financial_year_end", &self.financial_year_end)
            .field("notice_reminder_days", &self.notice_reminder_days)
            .field("package_max_mb", &self.package_max_mb)
            .field("package_days", &self.package_days)
            .field("api_rate_per_minute", &self.api_rate_per_minute)
            .field("webhook_allow_loopback", &self.webhook_allow_loopback)
            .field("webhook_timeout_secs", &self.webhook_timeout_secs)
            .field("webhook_max_attempts", &self.webhook_max_attempts)
            .field("webhook_retry_hours", &self.webhook_retry_hours)
            .finish()
    }
}

/// `smtps://user:pass@host` → `smtps://user:***@host`: a URL with its password hidden,
/// for logs and `Debug` output.
pub fn redact_url(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return url.to_string();
    };
    let rest = &url[scheme_end..];
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split_once(':').map_or(userinfo, |(u, _)| u);
            let hidden = if userinfo.contains(':') {
                format!("{user}:***")
            } else {
                user.to_string()
            };
            format!(
                "{}{hidden}@{host}{}",
                &url[..scheme_end],
                &rest[authority_end..]
            )
        }
        None => url.to_string(),
    }
}

#[derive(Debug, thiserror::Error)]
#[error("invalid setting {name}: {message}")]
pub struct SettingsError {
    pub name: String,
    pub message: String,
}

/// `"7, 2"` (or empty: no reminders before the due date).
fn parse_day_list(raw: &str) -> Result<Vec<u32>, String> {
    raw.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            part.parse::<u32>()
                .map_err(|_| format!("'{part}' is not a whole number of days"))
        })
        .collect()
}

/// At most five thresholds of 0 to 90 days, kept largest first without repeats.
fn check_reminder_days(mut days: Vec<u32>) -> Result<Vec<u32>, String> {
    if let Some(d) = days.iter().find(|d| **d > 90) {
        return Err(format!("{d} days is more than 90"));
    }
    days.sort_unstable_by(|a, b| b.cmp(a));
    days.dedup();
    if days.len() > 5 {
        return Err("at most five reminder days".into());
    }
    Ok(days)
}

/// `HH:MM` in the controller's time zone, or `off`.
fn parse_digest_time(raw: &str) -> Result<Option<chrono::NaiveTime>, String> {
    let raw = raw.trim();
    if raw.eq_ignore_ascii_case("off") {
        return Ok(None);
    }
    chrono::NaiveTime::parse_from_str(raw, "%H:%M")
        .map(Some)
        .map_err(|_| format!("'{raw}' is not a time like 07:00 (or off)"))
}

fn invalid(name: &str, message: impl Into<String>) -> SettingsError {
    SettingsError {
        name: name.to_string(),
        message: message.into(),
    }
}

/// The TOML file: every key optional, named like the variables without `DSR_`,
/// lower-case (`bind`, `base_url`, `database_url`, …).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    bind: Option<String>,
    base_url: Option<String>,
    database_url: Option<String>,
    data_dir: Option<String>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    timezone: Option<String>,
    country: Option<String>,
    language: Option<String>,
    policy_days: Option<u32>,
    secret_key: Option<String>,
    organisation: Option<String>,
    dpo_name: Option<String>,
    dpo_email: Option<String>,
    authority_name: Option<String>,
    authority_address: Option<String>,
    authority_url: Option<String>,
    verification_days: Option<u32>,
    access_link_days: Option<u32>,
    amber_days: Option<u32>,
    mail_max_attempts: Option<u32>,
    mail_retry_hours: Option<u32>,
    smtp_timeout_secs: Option<u64>,
    smtp_connections: Option<u32>,
    worker_interval_ms: Option<u64>,
    login_burst: Option<u32>,
    portal_burst: Option<u32>,
    pause_clock: Option<bool>,
    session_idle_minutes: Option<u32>,
    session_max_hours: Option<u32>,
    min_free_disk_mb: Option<u64>,
    upload_max_mb: Option<u64>,
    upload_retention_days: Option<u32>,
    subject_answer_days: Option<u32>,
    reminder_days: Option<Vec<u32>>,
    digest_time: Option<String>,
    financial_year_end: Option<String>,
    notice_reminder_days: Option<u32>,
    package_max_mb: Option<u64>,
    package_days: Option<u32>,
    api_rate_per_minute: Option<u32>,
    webhook_allow_loopback: Option<bool>,
    webhook_timeout_secs: Option<u64>,
    webhook_max_attempts: Option<u32>,
    webhook_retry_hours: Option<u32>,
}

impl Settings {
    /// Load from the process environment.
    pub fn load() -> Result<Self, SettingsError> {
        let env: HashMap<String, String> = std::env::vars()
            .filter(|(k, _)| k.starts_with("DSR_"))
            .collect();
        Self::from_env(&env)
    }

    /// Load from the given variables (tests pass their own map).
    pub fn from_env(env: &HashMap<String, String>) -> Result<Self, SettingsError> {
        let file = match env.get("DSR_CONFIG") {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| invalid("DSR_CONFIG", format!("cannot read {path}: {e}")))?;
                toml::from_str::<FileSettings>(&text)
                    .map_err(|e| invalid("DSR_CONFIG", format!("{path}: {}", e.message())))?
            }
            None => FileSettings::default(),
        };
        // Environment beats file beats default.
        let pick = |var: &str, from_file: Option<String>| -> Option<String> {
            env.get(var).cloned().or(from_file)
        };
        // A whole number within `range`; the same checks for file and environment values.
        let num = |var: &str,
                   from_file: Option<u64>,
                   default: u64,
                   range: std::ops::RangeInclusive<u64>|
         -> Result<u64, SettingsError> {
            let v = match env.get(var) {
                Some(s) => s
                    .trim()
                    .parse::<u64>()
                    .map_err(|_| invalid(var, format!("'{s}' is not a whole number")))?,
                None => from_file.unwrap_or(default),
            };
            if v < *range.start() {
                return Err(invalid(var, format!("must be at least {}", range.start())));
            }
            if v > *range.end() {
                return Err(invalid(
                    var,
                    format!("{v} is more than the maximum {}", range.end()),
                ));
            }
            Ok(v)
        };

        let bind_raw = pick("DSR_BIND", file.bind).unwrap_or_else(|| "127.0.0.1:8080".into());
        let bind: SocketAddr = bind_raw.parse().map_err(|_| {
            invalid(
                "DSR_BIND",
                format!("'{bind_raw}' is not an address like 127.0.0.1:8080"),
            )
        })?;

        let base_url =
            pick("DSR_BASE_URL", file.base_url).unwrap_or_else(|| format!("http://{bind}"));
        let base_url = base_url.trim_end_matches('/').to_string();
        if !(base_url.starts_with("http://") || base_url.starts_with("https://"))
            || base_url.len() < 10
        {
            return Err(invalid(
                "DSR_BASE_URL",
                format!("'{base_url}' must start with http:// or https://"),
            ));
        }

        let data_dir =
            PathBuf::from(pick("DSR_DATA_DIR", file.data_dir).unwrap_or_else(|| "./data".into()));
        let database_url = pick("DSR_DATABASE_URL", file.database_url).unwrap_or_else(|| {
            data_dir
                .join("dsr-tracker.db")
                .to_string_lossy()
                .into_owned()
        });
        if database_url.trim().is_empty() {
            return Err(invalid("DSR_DATABASE_URL", "is empty"));
        }
        if database_url.contains("://")
            && !(database_url.starts_with("postgres://")
                || database_url.starts_with("postgresql://")
                || database_url.starts_with("sqlite://"))
        {
            return Err(invalid(
                "DSR_DATABASE_URL",
                "must be a SQLite file path, sqlite://PATH or postgres://…",
            ));
        }

        let smtp_url = pick("DSR_SMTP_URL", file.smtp_url).filter(|s| !s.trim().is_empty());
        if let Some(url) = &smtp_url {
            if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
                return Err(invalid(
                    "DSR_SMTP_URL",
                    format!("'{url}' must start with smtp:// or smtps://"),
                ));
            }
            lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(url)
                .map_err(|e| invalid("DSR_SMTP_URL", e.to_string()))?;
        }

        let mail_from = pick("DSR_MAIL_FROM", file.mail_from)
            .unwrap_or_else(|| "Privacy team <privacy@example.com>".into());
        mail_from.parse::<lettre::message::Mailbox>().map_err(|_| {
            invalid(
                "DSR_MAIL_FROM",
                format!("'{mail_from}' is not a mailbox like Privacy <privacy@example.com>"),
            )
        })?;
        if let Some((_, addr)) = mail_from.rsplit_once('<') {
            EmailAddress::parse(addr.trim_end_matches('>'))
                .map_err(|m| invalid("DSR_MAIL_FROM", crate::i18n::english(&m)))?;
        }

        let tz_raw = pick("DSR_TIMEZONE", file.timezone).unwrap_or_else(|| "Europe/Oslo".into());
        let timezone: Tz = tz_raw.parse().map_err(|_| {
            invalid(
                "DSR_TIMEZONE",
                format!("'{tz_raw}' is not a known time zone such as Europe/Oslo"),
            )
        })?;

        let country_raw = pick("DSR_COUNTRY", file.country).unwrap_or_else(|| "NO".into());
        let country = Country::parse(country_raw.trim())
            .map_err(|e| invalid("DSR_COUNTRY", e.to_string()))?;
        let language = match pick("DSR_LANGUAGE", file.language) {
            None => match country {
                Country::No => Lang::Nb,
                Country::Se => Lang::Sv,
            },
            Some(raw) => Lang::parse(&raw)
                .filter(|l| l.code() == raw.trim())
                .ok_or_else(|| {
                    invalid(
                        "DSR_LANGUAGE",
                        format!("'{raw}' is not one of the languages we speak: nb, sv or en"),
                    )
                })?,
        };

        let policy_days = num(
            "DSR_POLICY_DAYS",
            file.policy_days.map(u64::from),
            30,
            0..=365,
        )? as u32;
        let verification_days = num(
            "DSR_VERIFICATION_DAYS",
            file.verification_days.map(u64::from),
            7,
            1..=90,
        )? as u32;
        let access_link_days = num(
            "DSR_ACCESS_LINK_DAYS",
            file.access_link_days.map(u64::from),
            30,
            1..=365,
        )? as u32;
        let amber_days = num("DSR_AMBER_DAYS", file.amber_days.map(u64::from), 7, 0..=60)? as i64;
        let mail_max_attempts = num(
            "DSR_MAIL_MAX_ATTEMPTS",
            file.mail_max_attempts.map(u64::from),
            8,
            1..=50,
        )? as i32;
        let mail_retry_hours = num(
            "DSR_MAIL_RETRY_HOURS",
            file.mail_retry_hours.map(u64::from),
            48,
            0..=720,
        )? as u32;
        let smtp_timeout_secs = num("DSR_SMTP_TIMEOUT_SECS", file.smtp_timeout_secs, 30, 1..=600)?;
        let smtp_connections = num(
            "DSR_SMTP_CONNECTIONS",
            file.smtp_connections.map(u64::from),
            // 16: lettre 0.11 waits for the server's delayed ACK (~44 ms) once per message
            // on a connection (BENCHMARKS.md), so 200 messages/s needs about 16 at once.
            16,
            1..=64,
        )? as u32;
        let worker_interval_ms = num(
            "DSR_WORKER_INTERVAL_MS",
            file.worker_interval_ms,
            5_000,
            10..=3_600_000,
        )?;
        let login_burst = num(
            "DSR_LOGIN_BURST",
            file.login_burst.map(u64::from),
            5,
            1..=1000,
        )? as u32;
        let portal_burst = num(
            "DSR_PORTAL_BURST",
            file.portal_burst.map(u64::from),
            10,
            1..=100_000,
        )? as u32;
        let session_idle_minutes = num(
            "DSR_SESSION_IDLE_MINUTES",
            file.session_idle_minutes.map(u64::from),
            30,
            1..=24 * 60,
        )? as u32;
        let session_max_hours = num(
            "DSR_SESSION_MAX_HOURS",
            file.session_max_hours.map(u64::from),
            12,
            1..=24 * 30,
        )? as u32;
        let min_free_disk_mb = num(
            "DSR_MIN_FREE_DISK_MB",
            file.min_free_disk_mb,
            100,
            0..=u64::MAX / (1024 * 1024),
        )?;
        let upload_max_mb = num("DSR_UPLOAD_MAX_MB", file.upload_max_mb, 10, 1..=100)?;
        let upload_retention_days = num(
            "DSR_UPLOAD_RETENTION_DAYS",
            file.upload_retention_days.map(u64::from),
            90,
            0..=3650,
        )? as u32;
        let subject_answer_days = num(
            "DSR_SUBJECT_ANSWER_DAYS",
            file.subject_answer_days.map(u64::from),
            30,
            1..=365,
        )? as u32;
        let notice_reminder_days = num(
            "DSR_NOTICE_REMINDER_DAYS",
            file.notice_reminder_days.map(u64::from),
            7,
            1..=365,
        )? as u32;
        let package_max_mb = num("DSR_PACKAGE_MAX_MB", file.package_max_mb, 100, 1..=10240)?;
        let api_rate_per_minute = num(
            "DSR_API_RATE_PER_MINUTE",
            file.api_rate_per_minute.map(u64::from),
            600,
            1..=1_000_000,
        )? as u32;
        let package_days = num(
            "DSR_PACKAGE_DAYS",
            file.package_days.map(u64::from),
            30,
            1..=365,
        )? as u32;
        let reminder_days = match env.get("DSR_REMINDER_DAYS") {
            Some(raw) => parse_day_list(raw),
            None => Ok(file.reminder_days.unwrap_or_else(|| vec![7, 2])),
        }
        .and_then(check_reminder_days)
        .map_err(|m| invalid("DSR_REMINDER_DAYS", m))?;
        let digest_time = parse_digest_time(
            &pick("DSR_DIGEST_TIME", file.digest_time).unwrap_or_else(|| "07:00".into()),
        )
        .map_err(|m| invalid("DSR_DIGEST_TIME", m))?;
        let financial_year_end = match pick("DSR_FINANCIAL_YEAR_END", file.financial_year_end) {
            None => crate::domain::retention::FinancialYearEnd::default(),
            Some(raw) => {
                crate::domain::retention::FinancialYearEnd::parse(&raw).ok_or_else(|| {
                    invalid(
                        "DSR_FINANCIAL_YEAR_END",
                        format!(
                            "'{}' is not a month and day like 12-31 or 06-30",
                            raw.trim()
                        ),
                    )
                })?
            }
        };
        let flag = |var: &str, from_file: Option<bool>, default: bool| match env.get(var) {
            Some(v) => match v.trim() {
                "true" | "1" | "yes" => Ok(true),
                "false" | "0" | "no" => Ok(false),
                other => Err(invalid(var, format!("'{other}' is not true or false"))),
            },
            None => Ok(from_file.unwrap_or(default)),
        };
        let pause_clock = flag("DSR_PAUSE_CLOCK", file.pause_clock, true)?;
        let webhook_allow_loopback = flag(
            "DSR_WEBHOOK_ALLOW_LOOPBACK",
            file.webhook_allow_loopback,
            false,
        )?;
        let webhook_timeout_secs = num(
            "DSR_WEBHOOK_TIMEOUT_SECS",
            file.webhook_timeout_secs,
            10,
            1..=120,
        )?;
        let webhook_max_attempts = num(
            "DSR_WEBHOOK_MAX_ATTEMPTS",
            file.webhook_max_attempts.map(u64::from),
            12,
            1..=100,
        )? as i32;
        let webhook_retry_hours = num(
            "DSR_WEBHOOK_RETRY_HOURS",
            file.webhook_retry_hours.map(u64::from),
            24,
            0..=720,
        )? as u32;
        let organisation = pick("DSR_ORGANISATION", file.organisation)
            .unwrap_or_else(|| "Example Telecom AS".into());
        let one_line = |var: &str, value: String| -> Result<String, SettingsError> {
            let v = value.trim().to_string();
            if v.is_empty() {
                return Err(invalid(var, "is empty"));
            }
            if v.chars().any(char::is_control) || v.chars().count() > 300 {
                return Err(invalid(var, "must be one line of at most 300 characters"));
            }
            Ok(v)
        };
        let dpo_name = one_line(
            "DSR_DPO_NAME",
            pick("DSR_DPO_NAME", file.dpo_name).unwrap_or_else(|| "Data protection officer".into()),
        )?;
        // Default: the sender's address (`Name <addr>` or a bare address).
        let from_address = mail_from
            .rsplit_once('<')
            .map(|(_, a)| a.trim_end_matches('>').to_string())
            .unwrap_or_else(|| mail_from.clone());
        let dpo_email =
            EmailAddress::parse(&pick("DSR_DPO_EMAIL", file.dpo_email).unwrap_or(from_address))
                .map_err(|m| invalid("DSR_DPO_EMAIL", crate::i18n::english(&m)))?
                .to_string();
        let (default_name, default_address, default_url) = country.supervisory_authority();
        let authority_name = one_line(
            "DSR_AUTHORITY_NAME",
            pick("DSR_AUTHORITY_NAME", file.authority_name).unwrap_or_else(|| default_name.into()),
        )?;
        let authority_address = one_line(
            "DSR_AUTHORITY_ADDRESS",
            pick("DSR_AUTHORITY_ADDRESS", file.authority_address)
                .unwrap_or_else(|| default_address.into()),
        )?;
        let authority_url =
            pick("DSR_AUTHORITY_URL", file.authority_url).unwrap_or_else(|| default_url.into());
        if !(authority_url.starts_with("https://") || authority_url.starts_with("http://"))
            || authority_url
                .chars()
                .any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(invalid(
                "DSR_AUTHORITY_URL",
                format!("'{authority_url}' must be a web address starting with https://"),
            ));
        }

        let secret_key = match pick("DSR_SECRET_KEY", file.secret_key) {
            Some(hex_key) => decode_key(&hex_key).map_err(|m| invalid("DSR_SECRET_KEY", m))?,
            None => Vec::new(), // filled by `ensure_secret_key` once the data directory exists
        };

        Ok(Settings {
            bind,
            base_url,
            database_url,
            data_dir,
            smtp_url,
            mail_from,
            timezone,
            country,
            language,
            policy_days,
            secret_key,
            organisation,
            dpo_name,
            dpo_email,
            authority_name,
            authority_address,
            authority_url,
            verification_days,
            access_link_days,
            amber_days,
            mail_max_attempts,
            mail_retry_hours,
            smtp_timeout_secs,
            smtp_connections,
            worker_interval_ms,
            login_burst,
            portal_burst,
            pause_clock,
            session_idle_minutes,
            session_max_hours,
            min_free_disk_mb,
            upload_max_mb,
            upload_retention_days,
            subject_answer_days,
            reminder_days,
            digest_time,
            financial_year_end,
            notice_reminder_days,
            package_max_mb,
            package_days,
            api_rate_per_minute,
            webhook_allow_loopback,
            webhook_timeout_secs,
            webhook_max_attempts,
            webhook_retry_hours,
        })
    }

    /// Create the data directory, make it private (0700, files 0600, whatever the umask:
    /// it holds personal data), and, when no key was given, read or generate `secret.key`
    /// in it (64 random bytes, hex, written atomically).
    pub fn prepare_data_dir(&mut self) -> Result<(), SettingsError> {
        crate::fsutil::restrict_umask();
        let cannot = |what: &str, e: std::io::Error| {
            invalid(
                "DSR_DATA_DIR",
                format!("cannot {what} {}: {e}", self.data_dir.display()),
            )
        };
        std::fs::create_dir_all(self.mail_dir()).map_err(|e| cannot("create", e))?;
        std::fs::create_dir_all(self.upload_dir()).map_err(|e| cannot("create", e))?;
        crate::fsutil::make_private(&self.data_dir).map_err(|e| cannot("make private", e))?;
        if self.secret_key.is_empty() {
            self.secret_key = read_or_create_key(&self.data_dir.join("secret.key"))?;
        }
        Ok(())
    }

    pub fn mail_dir(&self) -> PathBuf {
        self.data_dir.join("mail")
    }

    /// Files subjects sent with their answers (random names, 0600).
    pub fn upload_dir(&self) -> PathBuf {
        self.data_dir.join("uploads")
    }

    /// Files handlers add to packages (issue 12).
    pub fn package_file_dir(&self) -> PathBuf {
        self.data_dir.join("package-files")
    }

    /// Built packages (ZIP files), until they expire.
    pub fn package_dir(&self) -> PathBuf {
        self.data_dir.join("packages")
    }

    pub fn is_https(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    pub fn clock_settings(&self) -> crate::domain::clock::ClockSettings {
        crate::domain::clock::ClockSettings {
            country: self.country,
            policy_days: self.policy_days,
        }
    }
}

fn decode_key(hex_key: &str) -> Result<Vec<u8>, String> {
    let key = hex::decode(hex_key.trim()).map_err(|_| "must be hexadecimal".to_string())?;
    if key.len() < 64 {
        return Err(format!(
            "must be at least 64 bytes (128 hex digits), got {}",
            key.len()
        ));
    }
    Ok(key)
}

fn read_or_create_key(path: &Path) -> Result<Vec<u8>, SettingsError> {
    if !path.exists() {
        let mut key = vec![0u8; 64];
        rand::RngCore::fill_bytes(&mut rand::rng(), &mut key);
        let created = crate::fsutil::write_new_atomically(path, hex::encode(&key).as_bytes())
            .map_err(|e| {
                invalid(
                    "DSR_SECRET_KEY",
                    format!("cannot write {}: {e}", path.display()),
                )
            })?;
        if created {
            return Ok(key);
        }
        // Another instance wrote it first: use theirs.
    }
    let text = std::fs::read_to_string(path).map_err(|e| {
        invalid(
            "DSR_SECRET_KEY",
            format!("cannot read {}: {e}", path.display()),
        )
    })?;
    decode_key(&text).map_err(|_| {
        invalid(
            "DSR_SECRET_KEY",
            format!(
                "{} is empty or not a key of 128 hex digits: restore it from a backup, or delete it \
                 to generate a new key (this signs everyone out, and links in mail not yet \
                 sent can no longer be read)",
                path.display()
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn defaults_are_the_embedded_setup() {
        let s = Settings::from_env(&env(&[])).expect("defaults");
        assert_eq!(s.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(s.base_url, "http://127.0.0.1:8080");
        assert!(s.database_url.ends_with("dsr-tracker.db"));
        assert!(s.smtp_url.is_none());
        assert_eq!(s.timezone, chrono_tz::Europe::Oslo);
        assert_eq!(s.country, Country::No);
        assert_eq!(s.language, Lang::Nb, "Norwegian by default in Norway");
        assert_eq!(s.policy_days, 30);
        assert_eq!(s.upload_max_mb, 10);
        assert_eq!(s.upload_retention_days, 90);
        assert_eq!(s.subject_answer_days, 30);
        assert_eq!(s.reminder_days, vec![7, 2]);
        assert_eq!(s.digest_time, chrono::NaiveTime::from_hms_opt(7, 0, 0));
        assert_eq!(
            s.financial_year_end,
            crate::domain::retention::FinancialYearEnd::default()
        );
    }

    #[test]
    fn financial_year_end_is_a_month_and_day() {
        let s = Settings::from_env(&env(&[("DSR_FINANCIAL_YEAR_END", "06-30")])).expect("valid");
        assert_eq!(
            Some(s.financial_year_end),
            crate::domain::retention::FinancialYearEnd::parse("06-30")
        );
        for bad in ["13-01", "6-30", "02-30", "june"] {
            let err = Settings::from_env(&env(&[("DSR_FINANCIAL_YEAR_END", bad)])).unwrap_err();
            assert_eq!(err.name, "DSR_FINANCIAL_YEAR_END", "{bad}");
        }
    }

    #[test]
    fn reminder_days_and_digest_time_parse_once() {
        let s = Settings::from_env(&env(&[
            ("DSR_REMINDER_DAYS", " 2, 14,7,2 "),
            ("DSR_DIGEST_TIME", "16:30"),
        ]))
        .expect("valid");
        assert_eq!(s.reminder_days, vec![14, 7, 2]);
        assert_eq!(s.digest_time, chrono::NaiveTime::from_hms_opt(16, 30, 0));
        let s = Settings::from_env(&env(&[
            ("DSR_REMINDER_DAYS", ""),
            ("DSR_DIGEST_TIME", "off"),
        ]))
        .expect("valid");
        assert!(s.reminder_days.is_empty());
        assert_eq!(s.digest_time, None);
        for (var, value) in [
            ("DSR_REMINDER_DAYS", "7,two"),
            ("DSR_REMINDER_DAYS", "91"),
            ("DSR_REMINDER_DAYS", "1,2,3,4,5,6"),
            ("DSR_DIGEST_TIME", "25:00"),
            ("DSR_DIGEST_TIME", "7am"),
        ] {
            let e = Settings::from_env(&env(&[(var, value)])).expect_err(value);
            assert_eq!(e.name, var, "{value}");
        }
    }

    #[test]
    fn each_bad_value_names_its_setting() {
        for (var, value) in [
            ("DSR_BIND", "nowhere"),
            ("DSR_BASE_URL", "ftp://x"),
            ("DSR_TIMEZONE", "Mars/Olympus"),
            ("DSR_COUNTRY", "DK"),
            ("DSR_POLICY_DAYS", "thirty"),
            ("DSR_POLICY_DAYS", "1000"),
            ("DSR_SMTP_URL", "http://mail"),
            ("DSR_MAIL_FROM", "not a mailbox"),
            ("DSR_SECRET_KEY", "abcd"),
            ("DSR_DATABASE_URL", "mysql://x"),
            ("DSR_PAUSE_CLOCK", "maybe"),
            ("DSR_SMTP_TIMEOUT_SECS", "0"),
            ("DSR_MAIL_RETRY_HOURS", "1000"),
            ("DSR_MIN_FREE_DISK_MB", "lots"),
            ("DSR_UPLOAD_MAX_MB", "0"),
            ("DSR_UPLOAD_RETENTION_DAYS", "forever"),
            ("DSR_SUBJECT_ANSWER_DAYS", "0"),
            ("DSR_DPO_EMAIL", "dpo@"),
            ("DSR_AUTHORITY_URL", "datatilsynet.no"),
            ("DSR_AUTHORITY_NAME", " "),
        ] {
            let err = Settings::from_env(&env(&[(var, value)])).expect_err(var);
            assert_eq!(err.name, var);
            assert!(err
                .to_string()
                .starts_with(&format!("invalid setting {var}: ")));
        }
    }

    #[test]
    fn the_supervisory_authority_follows_the_country_unless_configured() {
        let no = Settings::from_env(&env(&[])).expect("defaults");
        assert_eq!(no.authority_name, "Datatilsynet");
        assert!(no.authority_address.contains("Oslo"));
        assert_eq!(no.authority_url, "https://www.datatilsynet.no");
        assert_eq!(no.dpo_email, "privacy@example.com");
        let se = Settings::from_env(&env(&[("DSR_COUNTRY", "SE")])).expect("SE");
        assert!(se.authority_name.contains("IMY"));
        assert!(se.authority_address.contains("Stockholm"));
        assert_eq!(se.authority_url, "https://www.imy.se");
        let other = Settings::from_env(&env(&[
            ("DSR_AUTHORITY_NAME", "Datainspektionen Test"),
            ("DSR_AUTHORITY_ADDRESS", "Box 1, 100 00 Testby"),
            ("DSR_AUTHORITY_URL", "https://authority.example"),
            ("DSR_DPO_EMAIL", "DPO@Telecom.Example"),
        ]))
        .expect("configured");
        assert_eq!(other.authority_name, "Datainspektionen Test");
        assert_eq!(other.authority_url, "https://authority.example");
        assert_eq!(other.dpo_email, "dpo@telecom.example");
    }

    #[test]
    fn the_default_language_is_a_setting_and_must_be_one_we_speak() {
        let en = Settings::from_env(&env(&[("DSR_LANGUAGE", "en")])).expect("configured");
        assert_eq!(en.language, Lang::En);
        let err = Settings::from_env(&env(&[("DSR_LANGUAGE", "de")])).expect_err("refused");
        assert!(err.to_string().contains("DSR_LANGUAGE"), "{err}");
        let err = Settings::from_env(&env(&[("DSR_LANGUAGE", "sv-SE")])).expect_err("refused");
        assert!(err.to_string().contains("nb, sv or en"), "{err}");
    }

    #[test]
    fn environment_overrides_file_overrides_default() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("dsr.toml");
        std::fs::write(
            &path,
            "country = \"SE\"\npolicy_days = 20\ntimezone = \"Europe/Stockholm\"\n",
        )
        .expect("write");
        let p = path.to_string_lossy().to_string();
        let s =
            Settings::from_env(&env(&[("DSR_CONFIG", &p), ("DSR_POLICY_DAYS", "10")])).expect("ok");
        assert_eq!(s.country, Country::Se);
        assert_eq!(s.language, Lang::Sv, "Swedish by default in Sweden");
        assert_eq!(s.policy_days, 10);
        assert_eq!(s.timezone, chrono_tz::Europe::Stockholm);
        std::fs::write(&path, "colour = \"blue\"\n").expect("write");
        let err = Settings::from_env(&env(&[("DSR_CONFIG", &p)])).expect_err("unknown key");
        assert_eq!(err.name, "DSR_CONFIG");
    }

    #[test]
    fn secret_key_is_generated_once_and_reused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path().to_string_lossy().to_string();
        let mut a = Settings::from_env(&env(&[("DSR_DATA_DIR", &d)])).expect("ok");
        a.prepare_data_dir().expect("prepare");
        let mut b = Settings::from_env(&env(&[("DSR_DATA_DIR", &d)])).expect("ok");
        b.prepare_data_dir().expect("prepare");
        assert_eq!(a.secret_key.len(), 64);
        assert_eq!(a.secret_key, b.secret_key);
    }

    #[test]
    fn an_empty_key_file_names_the_file_and_says_what_to_do() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path().to_string_lossy().to_string();
        std::fs::write(dir.path().join("secret.key"), "").expect("write");
        let mut s = Settings::from_env(&env(&[("DSR_DATA_DIR", &d)])).expect("ok");
        let err = s.prepare_data_dir().expect_err("empty key file");
        assert_eq!(err.name, "DSR_SECRET_KEY");
        let text = err.to_string();
        assert!(
            text.contains(&format!("{}", dir.path().join("secret.key").display())),
            "{text}"
        );
        assert!(text.contains("restore it from a backup"), "{text}");
        assert!(text.contains("delete it to generate a new key"), "{text}");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_key_file_is_private_and_no_temporary_file_is_left() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path().to_string_lossy().to_string();
        let mut s = Settings::from_env(&env(&[("DSR_DATA_DIR", &d)])).expect("ok");
        s.prepare_data_dir().expect("prepare");
        let key = dir.path().join("secret.key");
        let mode = std::fs::metadata(&key).expect("key").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(std::fs::read_to_string(&key).expect("read").len(), 128);
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["mail", "secret.key", "uploads"]);
        let dir_mode = std::fs::metadata(dir.path())
            .expect("dir")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(dir_mode, 0o700);
    }

    #[test]
    fn debug_output_hides_the_secret_key_and_the_smtp_password() {
        let key = "ab".repeat(64);
        let s = Settings::from_env(&env(&[
            ("DSR_SECRET_KEY", &key),
            (
                "DSR_SMTP_URL",
                "smtps://mailer:hunter2-secret@mail.example.com:465",
            ),
        ]))
        .expect("ok");
        let debug = format!("{s:?}");
        assert!(!debug.contains(&key), "{debug}");
        assert!(!debug.contains("abababab"), "{debug}");
        assert!(!debug.contains("hunter2-secret"), "{debug}");
        assert!(
            debug.contains("smtps://mailer:***@mail.example.com:465"),
            "{debug}"
        );
        assert!(debug.contains("redacted"), "{debug}");
    }

    #[test]
    fn urls_lose_only_their_password() {
        assert_eq!(redact_url("smtp://mail:25"), "smtp://mail:25");
        assert_eq!(redact_url("smtps://u:p@h"), "smtps://u:***@h");
        assert_eq!(redact_url("smtps://u@h"), "smtps://u@h");
        assert_eq!(
            redact_url("postgres://app:s3cret@db:5432/dsr?sslmode=require"),
            "postgres://app:***@db:5432/dsr?sslmode=require"
        );
        assert_eq!(redact_url("./data/dsr.db"), "./data/dsr.db");
    }
}
