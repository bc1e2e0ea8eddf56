use std::io::Write;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use accord::app::demo::{self, DemoOptions};
use accord::config::Config;
use accord::{http, startup, telemetry};

/// Accord: account management and the books behind it, as a REST API.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API (the default): migrates the database first.
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Print the OpenAPI document (what `openapi/openapi.json` holds).
    Openapi,
    /// Back up the database (DATABASE_URL) to a new file while the servers keep running:
    /// SQLite's online copy, or `pg_dump --format=custom` on PostgreSQL.
    Backup {
        /// The file to write; it must not exist yet.
        #[arg(long)]
        to: PathBuf,
    },
    /// Restore a backup into the database (DATABASE_URL), then migrate it. Stop the servers
    /// using that database first.
    Restore {
        /// A file written by `accord backup` (or `pg_dump --format=custom`).
        #[arg(long)]
        from: PathBuf,
        /// Replace a database that is already there.
        #[arg(long)]
        force: bool,
    },
    /// Create a demo organization to explore in the configured database, and print how to
    /// sign in. Running it again changes nothing.
    Demo {
        /// The demo owner's email (the team's are made from it: demo+priya@...).
        #[arg(long, default_value = demo::DEFAULT_EMAIL)]
        email: String,
        /// The password of the owner and the team (at least 10 characters).
        #[arg(long, default_value = demo::DEFAULT_PASSWORD)]
        password: String,
    },
}

fn main() -> ExitCode {
    limit_malloc_arenas();
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Openapi => {
            print!("{}", http::spec_json());
            Ok(())
        }
        Command::Migrate => Config::from_env().and_then(|config| {
            telemetry::init(config.log_json);
            let pool = startup::open_pool(&config)?;
            let n = startup::migrate(&pool)?;
            println!("{n} migrations applied");
            Ok(())
        }),
        Command::Backup { to } => Config::from_env().and_then(|config| {
            let report = accord::db::backup::backup(&config.database, &to)?;
            println!("backup written: {report}");
            Ok(())
        }),
        Command::Restore { from, force } => Config::from_env().and_then(|config| {
            let report = accord::db::backup::restore(&config.database, &from, force)?;
            let pool = startup::open_pool(&config)?;
            let n = startup::migrate(&pool)?;
            println!("restored from {report}; {n} migrations applied since the backup");
            Ok(())
        }),
        Command::Serve => Config::from_env().and_then(serve),
        Command::Demo { email, password } => {
            Config::from_env().and_then(|config| make_demo(config, DemoOptions { email, password }))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("accord: {e}");
            ExitCode::FAILURE
        }
    }
}

fn serve(config: Config) -> Result<(), String> {
    telemetry::init(config.log_json);
    let addr = config.addr.clone();
    let listener = TcpListener::bind(&addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    actix_web::rt::System::new().block_on(async move {
        let running = startup::build(config, listener)?;
        startup::stop_on_signals(&running);
        tracing::info!(%addr, "accord is serving; docs at http://{addr}/docs/");
        running.server.await.map_err(|e| e.to_string())
    })
}

fn make_demo(config: Config, options: DemoOptions) -> Result<(), String> {
    telemetry::init(config.log_json);
    let app = startup::prepare(config)?;
    let report = actix_web::rt::System::new()
        .block_on(demo::run(&app, options))
        .map_err(|e| format!("demo: {e}"))?;
    // Written, not printed: a closed stdout (`accord demo | head`) is an error, not a panic.
    std::io::stdout()
        .write_all(report.to_string().as_bytes())
        .map_err(|e| format!("demo: cannot print the sign-in: {e}"))
}

/// glibc gives threads that allocate at the same time arenas of their own (up to eight per
/// core) and keeps in each what was freed there; with actix workers and the blocking pool
/// touching large report answers, the server held about twice what it used (reports bench at
/// 100×: a peak of 249 MiB, 123 MiB with two arenas). `MALLOC_ARENA_MAX`, when set, wins.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_malloc_arenas() {
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: mallopt only tunes the allocator; it runs before any other thread starts.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas() {}
