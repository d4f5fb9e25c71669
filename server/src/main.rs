//! `samrad`: the server and its command line.

use app::backend::auth::{self, Password, PASSWORD_MIN_CHARS};
use app::backend::dates::{local_date, parse_local};
use app::backend::db::{Db, Location};
use app::backend::{demo, demo_stories, demo_survey, manage, now_ms};
use app::model::admin::Role;
use app::model::{ConsultationId, ConsultationStatus, Email};
use clap::{Parser, Subcommand};
use server::config::{DbConfig, ServeConfig};
use server::startup::Application;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(name = "samrad", about = "Samråd – hearings and surveys")]
struct Cli {
    #[command(flatten)]
    db: DbConfig,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database and serve the application.
    Serve(Box<ServeConfig>),
    /// Bring the database schema up to date.
    Migrate,
    /// Load the demo hearing into the database and print the respondent links.
    Demo {
        /// Delete the database file first, so the demo starts from nothing.
        #[arg(long)]
        reset: bool,
        /// Public address to print links with.
        #[arg(long, env = "SAMRAD_BASE_URL", default_value = "http://127.0.0.1:3000")]
        base_url: String,
        /// Deadline as local Copenhagen time `YYYY-MM-DD HH:MM` (default: four weeks from now).
        #[arg(long)]
        deadline: Option<String>,
    },
    /// Load a closed hearing of generated bodies, all answered (for load tests and
    /// the security probe; not for real use). Prints its id.
    Synthetic {
        #[arg(long, default_value_t = 2_000)]
        bodies: usize,
        /// Share of the answers that carry a comment.
        #[arg(long, default_value_t = 0.5)]
        comments: f64,
    },
    /// Move a consultation's deadline (local Copenhagen time `YYYY-MM-DD HH:MM`).
    SetDeadline {
        consultation: ConsultationId,
        deadline: String,
    },
    /// Set a consultation's status: draft, open, closed or archived.
    SetStatus {
        consultation: ConsultationId,
        status: String,
    },
    /// Staff accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Copy a whole installation into an empty database, ids kept, each table's rows
    /// counted at the end: from the SQLite file to PostgreSQL when moving to several
    /// instances, or back for a one-file backup. Both are migrated first.
    Copy {
        /// The database to read: a SQLite file or a postgres:// address.
        #[arg(long)]
        from: String,
        /// The empty database to fill: a postgres:// address or a SQLite file.
        #[arg(long)]
        to: String,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a staff account. The password is read from SAMRAD_USER_PASSWORD or, if
    /// that is not set, from the first line of standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// admin, manager, viewer or leader (a leader gets institutions on the users page).
        #[arg(long, default_value = "manager")]
        role: String,
    },
}

/// jemalloc instead of glibc's allocator: rendering a page allocates and frees many
/// small strings and a few large buffers (the page, brotli's window) on every request,
/// from several threads. Measured with the respondents benchmark: a third more complete
/// respondents per second and a lower p99 at the same memory (README, "Throughput").
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's settings, read once at its start (a C string; `_RJEM_MALLOC_CONF` in the
/// environment still overrides them): huge pages for its memory, which spares the
/// page faults of the page buffers (a fifth less CPU per page view), and two arenas,
/// one per core, which keeps the memory that costs near the glibc allocator's.
#[export_name = "_rjem_malloc_conf"]
static MALLOC_CONF: &u8 = &b"thp:always,narenas:2\0"[0];

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        // Logs go to stderr; stdout carries what the commands print (links, the port).
        .with_writer(std::io::stderr)
        .init();
    match run(Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("samrad: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    if let Command::Copy { from, to } = &cli.command {
        return copy_installation(from, to).await;
    }
    let location = Location::parse(&cli.db.database);
    let shown = location.display();
    if let Location::File(path) = &location {
        if let Command::Demo { reset: true, .. } = &cli.command {
            for suffix in ["", "-wal", "-shm"] {
                let file = format!("{}{suffix}", path.display());
                match std::fs::remove_file(&file) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                        return Err(format!("cannot delete {file}: {e}"))
                    }
                    _ => {}
                }
            }
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
    } else if let Command::Demo { reset: true, .. } = &cli.command {
        return Err(
            "--reset deletes a SQLite file; on PostgreSQL, load the demo into an empty database"
                .into(),
        );
    }
    let db = Db::connect(&location)
        .await
        .map_err(|e| format!("cannot open {shown}: {e}"))?;
    db.migrate()
        .await
        .map_err(|e| format!("migration failed: {e}"))?;
    match cli.command {
        Command::Migrate => {
            println!("Database {shown} is up to date.");
            Ok(())
        }
        Command::Serve(config) => {
            let mail = config.mail.config()?;
            let app = Application::build(config.options()?, db, mail)
                .await
                .map_err(|e| format!("cannot start on {}: {e}", config.addr))?;
            // Plain, so scripts and tests can read the port when binding port 0.
            println!(
                "Samråd listening on http://{}:{}",
                config.addr.ip(),
                app.port()
            );
            app.run_until_stopped()
                .await
                .map_err(|e| format!("server stopped: {e}"))
        }
        Command::Demo {
            base_url, deadline, ..
        } => {
            let now = now_ms();
            let deadline = match deadline {
                Some(text) => parse_local(&text).ok_or(format!(
                    "cannot read the deadline {text:?}; write YYYY-MM-DD HH:MM"
                ))?,
                None => four_weeks_from_now_at_noon(now),
            };
            let loaded = demo::load(&db, deadline, now)
                .await
                .map_err(|e| format!("demo failed: {e}"))?;
            let survey = demo_survey::load(&db, deadline, now)
                .await
                .map_err(|e| format!("demo survey failed: {e}"))?;
            demo_stories::load(&db, survey.consultation_id, deadline, now)
                .await
                .map_err(|e| format!("demo stories failed: {e}"))?;
            let settings = app::edge::state::Settings {
                base_url,
                mail_folder: None,
                trusted_proxies: Default::default(),
                send_timeout: Default::default(),
            };
            println!(
                "Demo hearing {} loaded into {shown}.",
                loaded.consultation_id
            );
            println!("Administration: {}/admin", settings.base_url);
            for (email, password, role) in demo::USERS {
                println!("  {role:<8} {email}  adgangskode: {password}");
            }
            println!("Respondent links (each body's personal link):");
            for body in &loaded.bodies {
                let state = if body.submitted {
                    "indsendt"
                } else {
                    "ikke besvaret"
                };
                println!(
                    "  {}  [{}; {}]  {}",
                    settings.respondent_link(&body.token),
                    body.group,
                    state,
                    body.name
                );
            }
            println!(
                "Demo survey {} (anonymous staff survey); some staff who have not answered yet:",
                survey.consultation_id
            );
            for (unit, token) in &survey.open_links {
                println!("  {}  ({unit})", settings.respondent_link(token));
            }
            println!(
                "Demo parent survey {} answered through open links (one per unit, for a poster):",
                survey.parent_survey_id
            );
            for (unit, code) in &survey.parent_links {
                println!("  {}/u/{code}  <{unit}>", settings.base_url);
            }
            Ok(())
        }
        Command::Synthetic { bodies, comments } => {
            let id = demo::synthetic(&db, bodies, comments.clamp(0.0, 1.0), 7, now_ms())
                .await
                .map_err(|e| format!("synthetic data failed: {e}"))?;
            println!("{id}");
            Ok(())
        }
        Command::Copy { .. } => unreachable!("copy opens its own databases, above"),
        Command::User(UserCommand::Add { email, name, role }) => {
            add_user(&db, &email, &name, &role).await
        }
        Command::SetDeadline {
            consultation,
            deadline,
        } => {
            let at = parse_local(&deadline).ok_or(format!(
                "cannot read the deadline {deadline:?}; write YYYY-MM-DD HH:MM"
            ))?;
            updated(
                consultation,
                manage::set_deadline(&db, consultation, at, now_ms()).await,
            )
        }
        Command::SetStatus {
            consultation,
            status,
        } => {
            let status = ConsultationStatus::parse(&status).ok_or(format!(
                "unknown status {status:?}; use draft, open, closed or archived"
            ))?;
            updated(
                consultation,
                manage::set_status(&db, consultation, status, now_ms()).await,
            )
        }
    }
}

async fn add_user(db: &Db, email: &str, name: &str, role: &str) -> Result<(), String> {
    let email = Email::parse(email).ok_or(format!("{email:?} is not a valid e-mail address"))?;
    let role = Role::parse(role).ok_or(format!(
        "unknown role {role:?}; use admin, manager, viewer or leader"
    ))?;
    let raw = match std::env::var("SAMRAD_USER_PASSWORD") {
        Ok(password) => password,
        Err(_) => {
            eprintln!("Password (at least {PASSWORD_MIN_CHARS} characters):");
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .map_err(|e| format!("cannot read the password: {e}"))?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    let password = Password::parse(&raw)
        .map_err(|_| format!("the password must have at least {PASSWORD_MIN_CHARS} characters"))?;
    match auth::create_user(db, None, &email, name, password, role, now_ms()).await {
        Ok(Ok(id)) => {
            println!("User {id} {} ({}) added.", email.as_str(), role.as_str());
            Ok(())
        }
        Ok(Err(_)) => Err(format!(
            "a user with the e-mail {} already exists",
            email.as_str()
        )),
        Err(e) => Err(e.to_string()),
    }
}

/// `samrad copy`: opens and migrates both databases, copies, prints the row counts.
async fn copy_installation(from: &str, to: &str) -> Result<(), String> {
    let (from, to) = (Location::parse(from), Location::parse(to));
    if from == to {
        return Err("--from and --to name the same database".into());
    }
    let mut opened = Vec::new();
    for location in [&from, &to] {
        if let Location::File(path) = location {
            if location == &from && !path.exists() {
                return Err(format!("there is no database file {}", path.display()));
            }
        }
        let db = Db::connect(location)
            .await
            .map_err(|e| format!("cannot open {}: {e}", location.display()))?;
        db.migrate()
            .await
            .map_err(|e| format!("migration of {} failed: {e}", location.display()))?;
        opened.push(db);
    }
    let counts = app::backend::copy::copy(&opened[0], &opened[1])
        .await
        .map_err(|e| format!("nothing was copied: {e}"))?;
    println!("Copied {} to {}:", from.display(), to.display());
    for (table, rows) in &counts {
        println!("  {table:<24} {rows:>9} rows");
    }
    println!("Every table's row count matches.");
    Ok(())
}

/// The outcome of an update of one consultation, as the CLI reports it.
fn updated(consultation: ConsultationId, result: Result<bool, sqlx::Error>) -> Result<(), String> {
    match result {
        Ok(true) => Ok(()),
        Ok(false) => Err(format!("no consultation {consultation}")),
        Err(e) => Err(e.to_string()),
    }
}

/// The default demo deadline: noon, 28 days from now (as a Copenhagen date).
fn four_weeks_from_now_at_noon(now: i64) -> i64 {
    let later = now + 28 * 24 * 3_600_000;
    parse_local(&format!("{} 12:00", local_date(later))).unwrap_or(later)
}
