//! What the process-level tests share: starting `accord` as a process on a free port, a
//! PostgreSQL database on the shared server or a private cluster of the test's own, a small
//! tmpfs, and signing up over HTTP.

#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

#[path = "../common/pg.rs"]
mod pg;

#[allow(unused_imports)]
pub use pg::{admin_url, PgDatabase};

pub const PASSWORD: &str = "correct horse battery staple";
pub const JWT_SECRET: &str = "ops-test-secret-that-is-long-enough-0123456789";

pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// A test that cannot run here: fails in CI, says so loudly elsewhere. Returns `true` when the
/// caller should return early.
pub fn skip(why: &str) -> bool {
    if in_ci() {
        panic!("CI=true and this test cannot run: {why}");
    }
    eprintln!("\n!!! SKIPPED: {why} !!!\n");
    true
}

pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Whether `program` is on PATH.
pub fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

pub fn accord_bin() -> &'static str {
    env!("CARGO_BIN_EXE_accord")
}

/// `accord <args>` to completion, with `envs`; the output.
pub fn accord(args: &[&str], envs: &[(&str, &str)]) -> std::process::Output {
    Command::new(accord_bin())
        .args(args)
        .envs(envs.iter().copied())
        .env("ACCORD_JWT_SECRET", JWT_SECRET)
        .output()
        .expect("run accord")
}

/// One `accord serve` process; killed when dropped.
pub struct Node {
    child: Option<Child>,
    pub port: u16,
    pub base: String,
    pub log: PathBuf,
    _log_dir: tempfile::TempDir,
}

impl Node {
    /// Starts `accord serve` on a free port with `database_url` and `envs`, and waits until
    /// `/healthz` answers (panics with the log if it does not within 60 s).
    pub fn start(database_url: &str, envs: &[(&str, &str)]) -> Node {
        let node = Node::spawn_on(free_port(), database_url, envs);
        node.wait_healthy(Duration::from_secs(60));
        node
    }

    /// Starts the process without waiting for it.
    pub fn spawn_on(port: u16, database_url: &str, envs: &[(&str, &str)]) -> Node {
        Node::spawn_logging_to(port, database_url, envs, None)
    }

    /// Starts the process without waiting for it, its output going to `log` (by default a file
    /// in a temporary directory of its own).
    pub fn spawn_logging_to(
        port: u16,
        database_url: &str,
        envs: &[(&str, &str)],
        log: Option<PathBuf>,
    ) -> Node {
        let dir = tempfile::tempdir().expect("log dir");
        let log = log.unwrap_or_else(|| dir.path().join("accord.log"));
        let file = std::fs::File::create(&log).expect("log file");
        let child = Command::new(accord_bin())
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("ACCORD_ADDR", format!("127.0.0.1:{port}"))
            .env("ACCORD_JWT_SECRET", JWT_SECRET)
            .env("ACCORD_RATE_LIMIT", "0")
            .env("ACCORD_WORKERS", "2")
            .env("ACCORD_DRAIN_SECS", "0")
            .envs(envs.iter().copied())
            .stdout(file.try_clone().expect("log file"))
            .stderr(file)
            .spawn()
            .expect("spawn accord");
        Node {
            child: Some(child),
            port,
            base: format!("http://127.0.0.1:{port}"),
            log,
            _log_dir: dir,
        }
    }

    pub fn wait_healthy(&self, within: Duration) {
        let deadline = Instant::now() + within;
        let addr = format!("127.0.0.1:{}", self.port);
        while Instant::now() < deadline {
            if std::net::TcpStream::connect(&addr).is_ok() && blocking_get_ok(&addr, "/healthz") {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("accord did not come up on {addr}:\n{}", self.log_text());
    }

    pub fn pid(&self) -> u32 {
        self.child.as_ref().map(Child::id).unwrap_or(0)
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// SIGTERM: the graceful stop.
    pub fn terminate(&self) {
        signal(self.pid(), "TERM");
    }

    /// SIGKILL, and waits for the process to be gone.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Waits up to `within` for the process to exit; its status, or `None` if still running.
    pub fn wait_exit(&mut self, within: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if let Some(child) = self.child.as_mut() {
                if let Ok(Some(status)) = child.try_wait() {
                    self.child = None;
                    return Some(status);
                }
            } else {
                return None;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        self.kill();
    }
}

pub fn signal(pid: u32, name: &str) {
    let _ = Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status();
}

/// A bare HTTP/1.0 GET over a socket: whether the answer is 200 (for start-up polling without
/// an async runtime).
fn blocking_get_ok(addr: &str, path: &str) -> bool {
    use std::io::{Read, Write};
    let Ok(mut s) = std::net::TcpStream::connect(addr) else {
        return false;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    if s.write_all(format!("GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").as_bytes())
        .is_err()
    {
        return false;
    }
    let mut head = [0u8; 12];
    s.read_exact(&mut head).is_ok() && head.ends_with(b"200")
}

/// A SQLite database URL in a fresh temporary directory.
pub struct SqliteFile {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl SqliteFile {
    pub fn new() -> SqliteFile {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("accord.db");
        SqliteFile { dir, path }
    }

    pub fn in_dir(dir: &Path) -> PathBuf {
        dir.join("accord.db")
    }

    pub fn url(&self) -> String {
        format!("sqlite://{}", self.path.display())
    }
}

/// A tmpfs of `size` (like `4m`) mounted on a fresh directory; unmounted when dropped. Needs
/// root.
pub struct Tmpfs {
    pub path: PathBuf,
    _dir: tempfile::TempDir,
}

impl Tmpfs {
    pub fn mount(size: &str) -> Tmpfs {
        let dir = tempfile::tempdir().expect("mount point");
        let path = dir.path().to_path_buf();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&path)
            .status()
            .expect("run mount");
        assert!(status.success(), "mount tmpfs on {}", path.display());
        Tmpfs { path, _dir: dir }
    }

    /// Remounts read-only (`true`) or read-write.
    pub fn set_read_only(&self, read_only: bool) {
        let mode = if read_only {
            "remount,ro"
        } else {
            "remount,rw"
        };
        let status = Command::new("mount")
            .args(["-o", mode])
            .arg(&self.path)
            .status()
            .expect("run mount");
        assert!(status.success(), "remount {}", self.path.display());
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
    }
}

/// A PostgreSQL cluster of the test's own (`initdb` in a temporary directory, its own port),
/// run as the `postgres` user; stopped and removed when dropped. Never the shared server, so a
/// test may restart or stop it.
pub struct PrivateCluster {
    pub port: u16,
    pub data: PathBuf,
    bin: PathBuf,
    _dir: tempfile::TempDir,
}

impl PrivateCluster {
    /// `None` (after `skip`) when this machine cannot run one.
    pub fn create() -> Option<PrivateCluster> {
        if !is_root() {
            skip("a private PostgreSQL cluster needs root (to run initdb as postgres)");
            return None;
        }
        let Some(bin) = postgres_bin() else {
            skip("no PostgreSQL server binaries under /usr/lib/postgresql");
            return None;
        };
        let dir = tempfile::Builder::new()
            .prefix("accord-pg-")
            .tempdir_in("/tmp")
            .expect("tempdir");
        let data = dir.path().join("data");
        std::fs::create_dir(&data).expect("data dir");
        chown_postgres(dir.path());
        chown_postgres(&data);
        let port = free_port();
        let cluster = PrivateCluster {
            port,
            data,
            bin,
            _dir: dir,
        };
        cluster.as_postgres(&[
            "initdb",
            "-D",
            &cluster.data.display().to_string(),
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
        ]);
        cluster.start();
        Some(cluster)
    }

    fn as_postgres(&self, args: &[&str]) -> std::process::Output {
        let program = self.bin.join(args[0]);
        let out = Command::new("runuser")
            .args(["-u", "postgres", "--"])
            .arg(program)
            .args(&args[1..])
            .output()
            .expect("runuser");
        assert!(
            out.status.success(),
            "{args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    fn options(&self) -> String {
        format!(
            "-p {} -c listen_addresses=127.0.0.1 -c unix_socket_directories={} -c fsync=off",
            self.port,
            self.data.display()
        )
    }

    pub fn start(&self) {
        let log = self.data.join("server.log").display().to_string();
        let data = self.data.display().to_string();
        let options = self.options();
        self.as_postgres(&[
            "pg_ctl", "-D", &data, "-l", &log, "-o", &options, "-w", "start",
        ]);
    }

    /// Stops: `fast` ends every session as `pg_ctlcluster restart` does, `immediate` cuts
    /// them as in a crash.
    pub fn stop(&self, mode: &str) {
        let data = self.data.display().to_string();
        self.as_postgres(&["pg_ctl", "-D", &data, "-m", mode, "-w", "stop"]);
    }

    /// A URL of the cluster's `postgres` database.
    pub fn admin_url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for PrivateCluster {
    fn drop(&mut self) {
        let _ = Command::new("runuser")
            .args(["-u", "postgres", "--"])
            .arg(self.bin.join("pg_ctl"))
            .args(["-D"])
            .arg(&self.data)
            .args(["-m", "immediate", "stop"])
            .output();
    }
}

fn postgres_bin() -> Option<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|p| p.join("initdb").exists())
        .collect();
    versions.sort();
    versions.pop()
}

fn chown_postgres(path: &Path) {
    let status = Command::new("chown")
        .arg("postgres:postgres")
        .arg(path)
        .status()
        .expect("chown");
    assert!(status.success());
}

/// An HTTP client for the tests: no proxy, short timeouts.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client")
}

/// Signs up a new organization on `base`; its owner's access token.
pub async fn signup(client: &reqwest::Client, base: &str, org: &str) -> (String, String) {
    let email = format!("owner-{}@example.com", uuid::Uuid::now_v7().simple());
    let answer = client
        .post(format!("{base}/api/v1/auth/signup"))
        .json(&json!({"organization_name": org, "name": "Olivia Owner", "email": email, "password": PASSWORD}))
        .send()
        .await
        .expect("signup");
    assert_eq!(answer.status(), 201);
    let body: Value = answer.json().await.expect("signup body");
    (body["access_token"].as_str().unwrap().to_owned(), email)
}

/// An answer: status, the headers the tests read, and the body as JSON (`Null` if not JSON).
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub retry_after: Option<String>,
    pub body: Value,
}

/// Requests to one base URL with one bearer token.
#[derive(Clone)]
pub struct Api {
    pub client: reqwest::Client,
    pub base: String,
    pub token: String,
}

impl Api {
    pub fn new(base: &str, token: &str) -> Api {
        Api {
            client: client(),
            base: base.to_owned(),
            token: token.to_owned(),
        }
    }

    /// Sends; `Err` when no answer came (a cut connection, a timeout).
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&Value>,
        idempotency_key: Option<&str>,
    ) -> Result<Reply, reqwest::Error> {
        let mut req = self
            .client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.token);
        if let Some(b) = body {
            req = req.json(b);
        }
        if let Some(k) = idempotency_key {
            req = req.header("Idempotency-Key", k);
        }
        let res = req.send().await?;
        let status = res.status().as_u16();
        let header = |name: &str| {
            res.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let content_type = header("content-type").unwrap_or_default();
        let retry_after = header("retry-after");
        let text = res.text().await?;
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Ok(Reply {
            status,
            content_type,
            retry_after,
            body,
        })
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send(reqwest::Method::GET, path, None, None)
            .await
            .unwrap_or_else(|e| panic!("GET {path}: no answer: {e}"))
    }

    pub async fn post(&self, path: &str, body: &Value) -> Reply {
        self.send(reqwest::Method::POST, path, Some(body), None)
            .await
            .unwrap_or_else(|e| panic!("POST {path}: no answer: {e}"))
    }

    /// The id of the organization's ledger account with `code`.
    pub async fn ledger_account(&self, code: &str) -> String {
        let page = self.get("/api/v1/ledger/accounts?limit=200").await;
        assert_eq!(page.status, 200, "{:?}", page.body);
        page.body["data"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|a| a["code"] == code)
            .and_then(|a| a["id"].as_str())
            .unwrap_or_else(|| panic!("no ledger account {code}"))
            .to_owned()
    }

    /// Every page of a list.
    pub async fn walk(&self, path: &str) -> Vec<Value> {
        let mut rows = Vec::new();
        let sep = if path.contains('?') { '&' } else { '?' };
        let mut cursor: Option<String> = None;
        loop {
            let url = match &cursor {
                Some(c) => format!("{path}{sep}limit=200&cursor={c}"),
                None => format!("{path}{sep}limit=200"),
            };
            let page = self.get(&url).await;
            assert_eq!(page.status, 200, "{url}: {:?}", page.body);
            rows.extend(page.body["data"].as_array().cloned().unwrap_or_default());
            match page.body["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => return rows,
            }
        }
    }

    /// The trial balance balances and every journal entry has its lines (none partial).
    pub async fn assert_books_balance(&self) -> usize {
        let tb = self.get("/api/v1/reports/trial-balance").await;
        assert_eq!(tb.status, 200, "{:?}", tb.body);
        assert_eq!(
            tb.body["totals"]["debit"], tb.body["totals"]["credit"],
            "the trial balance does not balance: {}",
            tb.body
        );
        let entries = self.walk("/api/v1/ledger/journal-entries").await;
        for e in &entries {
            let lines = e["lines"].as_array().map(Vec::len).unwrap_or(0);
            assert!(lines >= 2, "an entry without its lines: {e}");
        }
        entries.len()
    }
}

/// A balanced journal entry of `amount` between two ledger accounts.
pub fn transfer(debit: &str, credit: &str, amount: &str, memo: &str) -> Value {
    json!({
        "date": chrono::Utc::now().date_naive().to_string(),
        "description": memo,
        "lines": [
            {"ledger_account_id": debit, "debit": amount},
            {"ledger_account_id": credit, "credit": amount},
        ],
    })
}
