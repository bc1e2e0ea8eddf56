//! Backups and restores of the whole database, for `accord backup` and `accord restore`.
//!
//! SQLite: `VACUUM INTO` copies the database as one read transaction sees it, so writers go on
//! while it runs and the copy holds whole transactions only (no entry without its lines). The
//! copy is written beside the target under a temporary name and renamed into place once it
//! checks out, so a failed backup never leaves a file that looks complete.
//!
//! PostgreSQL: `pg_dump --format=custom`, which also reads one consistent snapshot while writes
//! continue; `pg_restore` into an empty database brings it back. Both programs come with the
//! PostgreSQL client package and must be at least the server's version.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use diesel::connection::SimpleConnection;
use diesel::sql_types::{BigInt, Text};
use diesel::{Connection, QueryableByName, RunQueryDsl, SqliteConnection};

use super::DbTarget;

/// What a backup or restore did, for the operator.
#[derive(Debug)]
pub struct Report {
    pub path: PathBuf,
    pub bytes: u64,
    pub journal_entries: i64,
    pub seconds: f64,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({} bytes, {} journal entries) in {:.1} s",
            self.path.display(),
            self.bytes,
            self.journal_entries,
            self.seconds
        )
    }
}

/// Writes a backup of `target` to `to`, which must not exist yet.
pub fn backup(target: &DbTarget, to: &Path) -> Result<Report, String> {
    let started = Instant::now();
    if to.exists() {
        return Err(format!(
            "{} already exists; choose a new file (a backup never overwrites one)",
            to.display()
        ));
    }
    let partial = partial_path(to);
    let _ = fs::remove_file(&partial);
    let written = match target {
        DbTarget::Sqlite(path) => sqlite_backup(path, &partial),
        DbTarget::Postgres(url) => run(
            Command::new("pg_dump")
                .arg("--format=custom")
                .arg("--no-owner")
                .arg("--file")
                .arg(&partial)
                .arg("--dbname")
                .arg(url),
            "pg_dump",
        ),
    };
    let journal_entries = written.and_then(|()| match target {
        DbTarget::Sqlite(_) => sqlite_check(&partial),
        DbTarget::Postgres(_) => Ok(-1),
    });
    let journal_entries = match journal_entries {
        Ok(n) => n,
        Err(e) => {
            let _ = fs::remove_file(&partial);
            return Err(e);
        }
    };
    fs::rename(&partial, to)
        .map_err(|e| format!("cannot move the backup into place at {}: {e}", to.display()))?;
    Ok(Report {
        bytes: fs::metadata(to).map(|m| m.len()).unwrap_or(0),
        path: to.to_owned(),
        journal_entries,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Restores the backup `from` into `target`. The target must be empty (no SQLite file, or a
/// PostgreSQL database without Accord's tables) unless `force`, which replaces what is there.
/// Servers using the target must be stopped first. The caller migrates afterwards, so a backup
/// from an older version comes back at the current schema.
pub fn restore(target: &DbTarget, from: &Path, force: bool) -> Result<Report, String> {
    let started = Instant::now();
    let kind = BackupKind::of(from)?;
    let journal_entries = match (target, kind) {
        (DbTarget::Sqlite(path), BackupKind::Sqlite) => {
            sqlite_restore(Path::new(path), from, force)?
        }
        (DbTarget::Postgres(url), BackupKind::PgDump) => pg_restore(url, from, force)?,
        (DbTarget::Sqlite(_), BackupKind::PgDump) => {
            return Err(format!(
                "{} is a PostgreSQL dump; restore it with DATABASE_URL=postgres://...",
                from.display()
            ))
        }
        (DbTarget::Postgres(_), BackupKind::Sqlite) => {
            return Err(format!(
                "{} is a SQLite backup; restore it with DATABASE_URL=sqlite://PATH",
                from.display()
            ))
        }
    };
    Ok(Report {
        bytes: fs::metadata(from).map(|m| m.len()).unwrap_or(0),
        path: from.to_owned(),
        journal_entries,
        seconds: started.elapsed().as_secs_f64(),
    })
}

#[derive(Clone, Copy)]
enum BackupKind {
    Sqlite,
    PgDump,
}

impl BackupKind {
    fn of(path: &Path) -> Result<BackupKind, String> {
        use std::io::Read;
        let mut head = [0u8; 16];
        let mut file =
            fs::File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let n = file
            .read(&mut head)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if head[..n].starts_with(b"SQLite format 3\0") {
            Ok(BackupKind::Sqlite)
        } else if head[..n].starts_with(b"PGDMP") {
            Ok(BackupKind::PgDump)
        } else {
            Err(format!(
                "{} is neither a SQLite database nor a pg_dump custom-format archive",
                path.display()
            ))
        }
    }
}

fn partial_path(to: &Path) -> PathBuf {
    let name = to
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "backup".into());
    to.with_file_name(format!(".{name}.partial-{}", std::process::id()))
}

fn sqlite_literal(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', "''"))
}

fn sqlite_backup(database: &str, to: &Path) -> Result<(), String> {
    if !Path::new(database).exists() {
        return Err(format!("there is no SQLite database at {database}"));
    }
    let mut conn = SqliteConnection::establish(database)
        .map_err(|e| format!("cannot open the SQLite database {database}: {e}"))?;
    conn.batch_execute(&format!(
        "PRAGMA busy_timeout = 10000; VACUUM INTO {}",
        sqlite_literal(to)
    ))
    .map_err(|e| format!("cannot copy {database} to {}: {e}", to.display()))
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Check {
    #[diesel(sql_type = Text)]
    integrity_check: String,
}

/// Opens a SQLite backup, checks its integrity and that it is Accord's; its journal entries.
fn sqlite_check(path: &Path) -> Result<i64, String> {
    let shown = path.display();
    let mut conn = SqliteConnection::establish(&path.display().to_string())
        .map_err(|e| format!("cannot open {shown}: {e}"))?;
    let checks: Vec<Check> = diesel::sql_query("PRAGMA integrity_check")
        .load(&mut conn)
        .map_err(|e| format!("cannot check {shown}: {e}"))?;
    if checks.len() != 1 || checks[0].integrity_check != "ok" {
        let found: Vec<_> = checks.into_iter().map(|c| c.integrity_check).collect();
        return Err(format!("{shown} is damaged: {}", found.join("; ")));
    }
    let counted: Result<Vec<Count>, _> =
        diesel::sql_query("SELECT COUNT(*) AS n FROM journal_entries").load(&mut conn);
    match counted {
        Ok(rows) => Ok(rows.first().map_or(0, |c| c.n)),
        Err(_) => Err(format!("{shown} is a SQLite database but not Accord's")),
    }
}

fn sqlite_restore(target: &Path, from: &Path, force: bool) -> Result<i64, String> {
    let entries = sqlite_check(from)?;
    let occupied = fs::metadata(target).is_ok_and(|m| m.len() > 0);
    if occupied && !force {
        return Err(format!(
            "{} already holds a database; stop every server using it and pass --force to replace it",
            target.display()
        ));
    }
    let staged = partial_path(target);
    fs::copy(from, &staged).map_err(|e| {
        format!(
            "cannot copy {} beside {}: {e}",
            from.display(),
            target.display()
        )
    })?;
    // The old database's write-ahead log belongs to the old file: a stale one would be
    // replayed into the restored database.
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", target.display()));
        if let Err(e) = fs::remove_file(&side) {
            if e.kind() != std::io::ErrorKind::NotFound {
                let _ = fs::remove_file(&staged);
                return Err(format!("cannot remove {}: {e}", side.display()));
            }
        }
    }
    fs::rename(&staged, target).map_err(|e| {
        let _ = fs::remove_file(&staged);
        format!(
            "cannot move the restored database to {}: {e}",
            target.display()
        )
    })?;
    Ok(entries)
}

fn pg_restore(url: &str, from: &Path, force: bool) -> Result<i64, String> {
    let mut conn = diesel::PgConnection::establish(url)
        .map_err(|e| format!("cannot connect to PostgreSQL: {e}"))?;
    let tables: Vec<Count> = diesel::sql_query(
        "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = 'public'",
    )
    .load(&mut conn)
    .map_err(|e| e.to_string())?;
    let occupied = tables.first().is_some_and(|c| c.n > 0);
    if occupied && !force {
        return Err(
            "the target database already has tables; restore into a new, empty database \
             (createdb), or stop every server using it and pass --force to replace its contents"
                .into(),
        );
    }
    let mut command = Command::new("pg_restore");
    command
        .arg("--no-owner")
        .arg("--no-privileges")
        .arg("--exit-on-error")
        .arg("--single-transaction");
    if occupied {
        command.arg("--clean").arg("--if-exists");
    }
    command.arg("--dbname").arg(url).arg(from);
    run(&mut command, "pg_restore")?;
    let counted: Vec<Count> = diesel::sql_query("SELECT COUNT(*) AS n FROM journal_entries")
        .load(&mut conn)
        .map_err(|e| format!("the restored database is not Accord's: {e}"))?;
    Ok(counted.first().map_or(0, |c| c.n))
}

fn run(command: &mut Command, program: &str) -> Result<(), String> {
    let output = command.output().map_err(|e| {
        format!(
            "cannot run {program} ({e}); install the PostgreSQL client tools (Debian: \
             postgresql-client), at least the server's version"
        )
    })?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{program} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}
