//! The `dsr-tracker` command: serve (default), migrate, user, deadline, seed-demo, sweep,
//! mail, audit.

use std::io::BufRead;
use std::process::ExitCode;
use std::sync::Arc;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use dsr_tracker::config::Settings;
use dsr_tracker::domain::calendar::Country;
use dsr_tracker::domain::clock::{deadlines, ClockSettings};
use dsr_tracker::domain::newtypes::{EmailAddress, ShortText};
use dsr_tracker::startup::{self, Application};
use dsr_tracker::time::{SharedClock, SystemClock};
use dsr_tracker::workflow::{users, Ctx};

#[derive(Parser)]
#[command(
    name = "dsr-tracker",
    version,
    about = "Receives, tracks and answers GDPR data-subject rights requests"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web application (the default).
    Serve,
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Manage handler accounts.
    User {
        #[command(subcommand)]
        action: UserCommand,
    },
    /// When is a request received on a given day due? (DESIGN §4)
    Deadline {
        /// The day the request reached the organisation.
        #[arg(long, value_parser = parse_date)]
        received: NaiveDate,
        /// NO or SE; default: DSR_COUNTRY or NO.
        #[arg(long, value_parser = parse_country)]
        country: Option<Country>,
        /// The organisation's promise in days (0 = none); default: DSR_POLICY_DAYS or 30.
        #[arg(long)]
        policy_days: Option<u32>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Manage API keys (issue 13).
    ApiKey {
        #[command(subcommand)]
        action: ApiKeyCommand,
    },
    /// Fill the database with realistic demo requests.
    SeedDemo {
        #[arg(long, default_value_t = 200)]
        requests: u32,
    },
    /// Check the audit trail's hash chain (exit code 1 when it was tampered with).
    Audit {
        #[command(subcommand)]
        action: AuditCommand,
    },
    /// Work on the outbox.
    Mail {
        #[command(subcommand)]
        action: MailCommand,
    },
    /// Run the background jobs (send mail, expire stale requests).
    Sweep {
        /// Run one round and exit.
        #[arg(long)]
        once: bool,
    },
}

#[derive(Subcommand)]
enum ApiKeyCommand {
    /// Create a key, as an admin does at /dashboard/admin/api-keys; prints the key (once).
    Add {
        /// Which system uses it.
        #[arg(long)]
        name: String,
        /// A scope, e.g. requests:create (repeat for more).
        #[arg(long = "scope", required = true)]
        scopes: Vec<String>,
        /// The last day it works (YYYY-MM-DD); none: until revoked.
        #[arg(long)]
        last_day: Option<String>,
        /// The admin account it is created for (recorded as its creator).
        #[arg(long)]
        by: String,
        /// With requests:act: the email of the handler or admin it acts as.
        #[arg(long)]
        acts_as: Option<String>,
    },
}

#[derive(Subcommand)]
enum MailCommand {
    /// Put messages back in the queue to be sent again.
    Requeue {
        /// Requeue every message marked failed (due now, attempts reset).
        #[arg(long)]
        failed: bool,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Recompute every event's hash in order and report the first break.
    Verify,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add an account; the password is read from standard input (one line).
    Add {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "handler")]
        role: String,
        #[arg(long)]
        name: Option<String>,
    },
    /// Give an account another email address (e.g. when two accounts became one address).
    SetEmail {
        /// The account's id (shown in the message that named the two accounts).
        #[arg(long)]
        id: String,
        #[arg(long)]
        email: String,
    },
    /// Deactivate an account: it cannot log in, and its sessions end at once.
    Deactivate {
        #[arg(long)]
        email: String,
    },
    /// Set an account's password (read from standard input); its sessions end at once.
    Password {
        #[arg(long)]
        email: String,
    },
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("'{s}' is not a date like 2026-03-05"))
}

fn parse_country(s: &str) -> Result<Country, String> {
    Country::parse(s).map_err(|e| e.to_string())
}

/// glibc's malloc keeps up to 8 arenas per core and gives little back, so resident memory
/// grew with every thread that ever allocated (issue 6: 92 MB after the list benchmark).
/// Measured with benches/http.sh on SQLite (after intake and the queue views): 48 MB with
/// the defaults, 41 MB with 2 arenas, 38 MB with 2 arenas and a fixed 128 KiB trim
/// threshold (37 MB with one arena, at the cost of contention between threads).
/// mimalloc (124 MB) and jemalloc (50 MB) as Rust's allocator did worse (BENCHMARKS.md,
/// sixth run).
fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator settings; called first thing in main,
    // before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 128 * 1024);
    }
}

fn main() -> ExitCode {
    tune_allocator();
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("DSR_LOG")
                .unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();

    // `deadline` works without any settings file or database.
    if let Some(Command::Deadline {
        received,
        country,
        policy_days,
        json,
    }) = &cli.command
    {
        return deadline(*received, *country, *policy_days, *json);
    }

    let settings = match Settings::load() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dsr-tracker: {e}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(startup::MAIN_BLOCKING_THREADS)
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("dsr-tracker: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        match cli.command.unwrap_or(Command::Serve) {
            Command::Serve => serve(settings).await,
            Command::Migrate => migrate(settings),
            Command::User {
                action: UserCommand::Add { email, role, name },
            } => add_user(settings, &email, &role, name),
            Command::User {
                action: UserCommand::SetEmail { id, email },
            } => set_user_email(settings, &id, &email),
            Command::User {
                action: UserCommand::Deactivate { email },
            } => deactivate_user(settings, &email),
            Command::User {
                action: UserCommand::Password { email },
            } => set_user_password(settings, &email),
            Command::ApiKey {
                action:
                    ApiKeyCommand::Add {
                        name,
                        scopes,
                        last_day,
                        by,
                        acts_as,
                    },
            } => add_api_key(
                settings,
                &name,
                &scopes,
                last_day.as_deref(),
                &by,
                acts_as.as_deref(),
            ),
            Command::SeedDemo { requests } => seed(settings, requests),
            Command::Sweep { once } => sweep(settings, once).await,
            Command::Mail {
                action: MailCommand::Requeue { failed },
            } => mail_requeue(settings, failed),
            Command::Audit {
                action: AuditCommand::Verify,
            } => audit_verify(settings),
            Command::Deadline { .. } => Ok(()),
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(m)) => {
            eprintln!("dsr-tracker: {m}");
            ExitCode::from(2)
        }
        Err(Failure::Runtime(m)) => {
            eprintln!("dsr-tracker: {m}");
            ExitCode::FAILURE
        }
    }
}

enum Failure {
    /// Bad input or settings: exit code 2.
    Usage(String),
    Runtime(String),
}

impl From<startup::StartError> for Failure {
    fn from(e: startup::StartError) -> Self {
        match e {
            startup::StartError::Settings(s) => Failure::Usage(s.to_string()),
            other => Failure::Runtime(other.to_string()),
        }
    }
}

fn deadline(
    received: NaiveDate,
    country: Option<Country>,
    policy_days: Option<u32>,
    json: bool,
) -> ExitCode {
    let env_settings = Settings::load().ok();
    let country = country
        .or(env_settings.as_ref().map(|s| s.country))
        .unwrap_or(Country::No);
    let policy_days = policy_days
        .or(env_settings.as_ref().map(|s| s.policy_days))
        .unwrap_or(30);
    let d = deadlines(
        received,
        0,
        None,
        ClockSettings {
            country,
            policy_days,
        },
    );
    if json {
        let v = serde_json::json!({
            "received": received.to_string(),
            "country": country.code(),
            "policy_days": policy_days,
            "legal_due": d.legal_due.to_string(),
            "policy_due": d.policy_due.map(|p| p.to_string()),
            "due": d.due.to_string(),
            "latest_extended_due": d.latest_extended_due.to_string(),
        });
        println!("{v}");
    } else {
        let fmt = |x: NaiveDate| format!("{} ({})", x, x.format("%A"));
        println!("Received:             {}", fmt(received));
        println!(
            "Legal deadline:       {}   Art. 12(3), one month, moved to the next working day in {}",
            fmt(d.legal_due),
            country.code()
        );
        match d.policy_due {
            Some(p) => println!("Policy deadline:      {}   {policy_days} days after receipt (a promise, not moved)", fmt(p)),
            None => println!("Policy deadline:      none"),
        }
        println!(
            "Due:                  {}   the earlier of the two",
            fmt(d.due)
        );
        println!(
            "Latest if extended:   {}   Art. 12(3), three months in all",
            fmt(d.latest_extended_due)
        );
    }
    ExitCode::SUCCESS
}

/// Give freed heap memory back to the system every few seconds: glibc returns only the
/// top of a heap by itself, so after a burst the process kept its peak size (issue 6).
async fn trim_heap_regularly() {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(5));
    loop {
        every.tick().await;
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        // SAFETY: malloc_trim only releases free memory; it takes the allocator's locks.
        let _ = tokio::task::spawn_blocking(|| unsafe { libc::malloc_trim(0) }).await;
    }
}

async fn serve(settings: Settings) -> Result<(), Failure> {
    let clock: SharedClock = Arc::new(SystemClock);
    tokio::spawn(trim_heap_regularly());
    let app = Application::build(settings, clock).await?;
    app.run_until_stopped()
        .await
        .map_err(|e| Failure::Runtime(e.to_string()))
}

fn prepared(mut settings: Settings) -> Result<(Settings, dsr_tracker::db::Pool), Failure> {
    settings
        .prepare_data_dir()
        .map_err(|e| Failure::Usage(e.to_string()))?;
    let pool = startup::open_database(&settings).map_err(|e| Failure::Runtime(e.to_string()))?;
    Ok((settings, pool))
}

fn migrate(settings: Settings) -> Result<(), Failure> {
    prepared(settings)?;
    println!("database is up to date");
    Ok(())
}

fn add_user(
    settings: Settings,
    email: &str,
    role: &str,
    name: Option<String>,
) -> Result<(), Failure> {
    let email = email_arg(email)?;
    let role = users::parse_role(role).map_err(|m| Failure::Usage(format!("--role: {m}")))?;
    let name = name.unwrap_or_else(|| {
        email
            .as_str()
            .split('@')
            .next()
            .unwrap_or("user")
            .to_string()
    });
    let name = ShortText::parse(&name, 200, "a name")
        .map_err(|m| Failure::Usage(format!("--name: {}", dsr_tracker::i18n::english(&m))))?;
    let password = read_password(&email)?;
    let (settings, pool) = prepared(settings)?;
    let mut conn = pool.get().map_err(|e| Failure::Runtime(e.to_string()))?;
    let ctx = cli_ctx(&settings);
    let input = users::NewUserInput {
        email,
        name,
        role,
        password,
    };
    match users::create_user(&mut conn, &ctx, &input) {
        Ok(u) => {
            println!("created {} ({})", u.email, u.role);
            Ok(())
        }
        Err(dsr_tracker::workflow::WorkflowError::Invalid(errors)) => Err(Failure::Usage(
            errors
                .into_iter()
                .map(|e| dsr_tracker::i18n::english(&e.message))
                .collect::<Vec<_>>()
                .join(" "),
        )),
        Err(e) => Err(Failure::Runtime(e.to_string())),
    }
}

fn read_password(email: &EmailAddress) -> Result<String, Failure> {
    eprintln!(
        "Password for {email} (at least {} characters), then Enter:",
        users::MIN_PASSWORD
    );
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| Failure::Usage(format!("cannot read the password: {e}")))?;
    users::parse_password(line.trim_end_matches(['\r', '\n']))
        .map_err(|m| Failure::Usage(dsr_tracker::i18n::english(&m)))
}

fn workflow_failure(e: dsr_tracker::workflow::WorkflowError) -> Failure {
    match e {
        dsr_tracker::workflow::WorkflowError::Invalid(errors) => Failure::Usage(
            errors
                .into_iter()
                .map(|e| dsr_tracker::i18n::english(&e.message))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        dsr_tracker::workflow::WorkflowError::NotFound => Failure::Usage("no such account".into()),
        other => Failure::Runtime(other.to_string()),
    }
}

/// Works before the start-up data fixes, so an admin can separate two accounts that
/// became one address.
fn set_user_email(mut settings: Settings, id: &str, email: &str) -> Result<(), Failure> {
    let email = email_arg(email)?;
    settings
        .prepare_data_dir()
        .map_err(|e| Failure::Usage(e.to_string()))?;
    let pool = startup::open_database_for_repair(&settings)
        .map_err(|e| Failure::Runtime(e.to_string()))?;
    let mut conn = pool.get().map_err(|e| Failure::Runtime(e.to_string()))?;
    let ctx = cli_ctx(&settings);
    let user =
        users::set_email(&mut conn, &ctx, &cli_actor(), id, &email).map_err(workflow_failure)?;
    println!("account {} is now {}", user.id, user.email);
    Ok(())
}

/// An `--email` argument in its canonical form.
fn email_arg(email: &str) -> Result<EmailAddress, Failure> {
    EmailAddress::parse(email)
        .map_err(|m| Failure::Usage(format!("--email: {}", dsr_tracker::i18n::english(&m))))
}

/// A workflow context for a command, at the real time.
fn cli_ctx(settings: &Settings) -> Ctx<'_> {
    Ctx {
        settings,
        now: chrono::Utc::now(),
    }
}

/// The command line acts as the operator who runs it.
fn cli_actor() -> dsr_tracker::workflow::Actor<'static> {
    dsr_tracker::workflow::Actor::System
}

fn find_account(
    conn: &mut dsr_tracker::db::DbConn,
    email: &EmailAddress,
) -> Result<dsr_tracker::db::models::User, Failure> {
    dsr_tracker::db::users::find_by_email(conn, email.as_str())
        .map_err(|e| Failure::Runtime(e.to_string()))?
        .ok_or_else(|| Failure::Usage(format!("no account with the address {email}")))
}

fn add_api_key(
    settings: Settings,
    name: &str,
    scopes: &[String],
    last_day: Option<&str>,
    by: &str,
    acts_as: Option<&str>,
) -> Result<(), Failure> {
    let (settings, pool) = prepared(settings)?;
    let mut conn = pool.get().map_err(|e| Failure::Runtime(e.to_string()))?;
    let account = find_account(&mut conn, &email_arg(by)?)?;
    let admin = users::find(&mut conn, &account.id).map_err(workflow_failure)?;
    let acts_as_id = match acts_as {
        Some(email) => find_account(&mut conn, &email_arg(email)?)?.id,
        None => String::new(),
    };
    let mut form = vec![
        ("name".to_string(), name.to_string()),
        ("last_day".to_string(), last_day.unwrap_or("").to_string()),
        ("acts_as".to_string(), acts_as_id),
    ];
    form.extend(scopes.iter().map(|s| ("scope".to_string(), s.clone())));
    let ctx = cli_ctx(&settings);
    match dsr_tracker::workflow::api_keys::create(
        &mut conn,
        &ctx,
        &admin,
        &dsr_tracker::web::forms::FormData(form),
    ) {
        Ok(created) => {
            println!("{}", created.secret);
            Ok(())
        }
        Err(dsr_tracker::workflow::WorkflowError::NotFound) => {
            Err(Failure::Usage(format!("--by: {by} is not an active admin")))
        }
        Err(e) => Err(workflow_failure(e)),
    }
}

fn deactivate_user(settings: Settings, email: &str) -> Result<(), Failure> {
    let (settings, pool) = prepared(settings)?;
    let mut conn = pool.get().map_err(|e| Failure::Runtime(e.to_string()))?;
    let user = find_account(&mut conn, &email_arg(email)?)?;
    let ctx = cli_ctx(&settings);
    users::deactivate(&mut conn, &ctx, &cli_actor(), &user.id).map_err(workflow_failure)?;
    println!("deactivated {}; its sessions have ended", user.email);
    Ok(())
}

fn set_user_password(settings: Settings, email: &str) -> Result<(), Failure> {
    let parsed = email_arg(email)?;
    let password = read_password(&parsed)?;
    let (settings, pool) = prepared(settings)?;
    let mut conn = pool.get().map_err(|e| Failure::Runtime(e.to_string()))?;
    let user = find_account(&mut conn, &parsed)?;
    let ctx = cli_ctx(&settings);
    users::change_password(&mut conn, &ctx, &cli_actor(), &user.id, &password)
        .map_err(workflow_failure)?;
    println!("password set for {}; its sessions have ended", user.email);
    Ok(())
}

fn seed(settings: Settings, requests: u32) -> Result<(), Failure> {
    let (settings, pool) = prepared(settings)?;
    let mut conn = pool.get().map_err(|e| Failure::Runtime(e.to_string()))?;
    let n = dsr_tracker::seed::seed_demo(&mut conn, &settings, chrono::Utc::now(), requests, true)
        .map_err(|e| Failure::Runtime(e.to_string()))?;
    println!("added {n} demo requests");
    Ok(())
}

async fn sweep(settings: Settings, once: bool) -> Result<(), Failure> {
    let (settings, pool) = prepared(settings)?;
    let dispatcher = startup::build_dispatcher(&settings)?;
    let settings = Arc::new(settings);
    let clock: SharedClock = Arc::new(SystemClock);
    if once {
        let report = dsr_tracker::jobs::run_once(&pool, &settings, &clock, &dispatcher)
            .await
            .map_err(Failure::Runtime)?;
        println!(
            "expired {} request(s); deleted {} file(s); {} reminder email(s), {} digest(s); \
             mail: {} sent, {} to retry, {} failed",
            report.expired,
            report.files_deleted,
            report.reminder_emails,
            report.digests,
            report.mail.sent,
            report.mail.retried,
            report.mail.failed
        );
        Ok(())
    } else {
        dsr_tracker::jobs::run_forever(pool, settings, clock, Arc::new(dispatcher)).await;
        Ok(())
    }
}

fn mail_requeue(settings: Settings, failed: bool) -> Result<(), Failure> {
    if !failed {
        return Err(Failure::Usage(
            "say which messages to requeue: mail requeue --failed".into(),
        ));
    }
    let (settings, pool) = prepared(settings)?;
    let mut conn = pool.get().map_err(|e| Failure::Runtime(e.to_string()))?;
    let ctx = cli_ctx(&settings);
    let n = dsr_tracker::workflow::mail::requeue_failed(
        &mut conn,
        &ctx,
        &dsr_tracker::workflow::Actor::System,
    )
    .map_err(|e| Failure::Runtime(e.to_string()))?;
    println!("requeued {n} failed message(s)");
    Ok(())
}

fn audit_verify(settings: Settings) -> Result<(), Failure> {
    let (_, pool) = prepared(settings)?;
    let mut conn = pool.get().map_err(|e| Failure::Runtime(e.to_string()))?;
    match dsr_tracker::db::audit::verify_chain(&mut conn) {
        Ok(Ok(n)) => {
            println!("audit trail intact: {n} event(s) checked");
            Ok(())
        }
        Ok(Err(b)) => Err(Failure::Runtime(format!(
            "audit trail broken: event {} {}",
            b.event_id, b.reason
        ))),
        Err(e) => Err(Failure::Runtime(e.to_string())),
    }
}
