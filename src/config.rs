//! Settings from the environment (see the configuration table in README.md).

use std::net::IpAddr;
use std::time::Duration;

use crate::db::DbTarget;

/// A secret that never shows up in `Debug` output or logs.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: String) -> Self {
        Secret(s)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database: DbTarget,
    pub addr: String,
    /// `None`: generated once and kept in the database, so tokens survive restarts.
    pub jwt_secret: Option<Secret>,
    /// Requests per second per caller; 0 turns limiting off.
    pub rate_limit: u32,
    pub body_limit: usize,
    /// The largest bank statement file accepted (`ACCORD_STATEMENT_LIMIT`, bytes).
    pub statement_limit: usize,
    /// The largest CSV import accepted (`ACCORD_IMPORT_LIMIT`, bytes).
    pub import_limit: usize,
    /// CSV imports up to this size are answered while the client waits; larger ones become
    /// jobs (`ACCORD_IMPORT_SYNC_LIMIT`, bytes).
    pub import_sync_limit: usize,
    pub pool_size: u32,
    pub pool_timeout: Duration,
    /// After SIGTERM, how long `/readyz` answers 503 `draining` while the node still serves,
    /// so that load balancers stop routing to it before it stops (`ACCORD_DRAIN_SECS`).
    pub drain: Duration,
    pub access_token_ttl: Duration,
    pub refresh_token_ttl: Duration,
    pub log_json: bool,
    pub workers: Option<usize>,
    /// How long the change log keeps events (`GET /events`); at least a day.
    pub event_retention: Duration,
    /// Peers whose `X-Forwarded-For` names the client (load balancers); others are the client.
    pub trusted_proxies: TrustedProxies,
    /// Lets webhooks call loopback, private and link-local addresses (tests, closed networks).
    pub webhook_allow_private: bool,
    /// Seconds to wait before each retry of a failed delivery; spent, the delivery has failed.
    pub webhook_retry_schedule: Vec<u64>,
    /// Who may read `/metrics` (`ACCORD_METRICS`, `ACCORD_METRICS_TOKEN`).
    pub metrics: MetricsAccess,
}

/// Who may read `/metrics`: anyone (the default, for a scraper on a private network), only a
/// caller presenting `Authorization: Bearer <ACCORD_METRICS_TOKEN>`, or nobody (the route
/// answers 404, as if it did not exist).
#[derive(Debug, Clone)]
pub enum MetricsAccess {
    Public,
    Token(Secret),
    Off,
}

impl MetricsAccess {
    /// From `ACCORD_METRICS` (`public`, `token` or `off`) and `ACCORD_METRICS_TOKEN`; a token
    /// alone means `token`.
    pub fn parse(mode: Option<&str>, token: Option<String>) -> Result<MetricsAccess, String> {
        match (mode, token) {
            (Some("off"), _) => Ok(MetricsAccess::Off),
            (Some("public"), _) => Ok(MetricsAccess::Public),
            (Some("token") | None, Some(t)) if t.len() >= 16 => Ok(MetricsAccess::Token(Secret(t))),
            (Some("token") | None, Some(_)) => {
                Err("ACCORD_METRICS_TOKEN must be at least 16 characters".into())
            }
            (Some("token"), None) => Err("ACCORD_METRICS=token needs ACCORD_METRICS_TOKEN".into()),
            (None, None) => Ok(MetricsAccess::Public),
            (Some(other), _) => Err(format!(
                "ACCORD_METRICS must be public, token or off, not {other:?}"
            )),
        }
    }
}

/// Addresses and networks (`10.0.0.0/8`, `::1`) of the proxies in front of Accord.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Vec<(IpAddr, u8)>);

impl TrustedProxies {
    /// A comma-separated list of addresses or CIDR networks.
    pub fn parse(list: &str) -> Result<TrustedProxies, String> {
        let mut nets = Vec::new();
        for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (addr, bits) = match item.split_once('/') {
                Some((a, b)) => (a, Some(b)),
                None => (item, None),
            };
            let bad =
                || format!("ACCORD_TRUSTED_PROXIES: {item:?} is not an address or a CIDR network");
            let addr: IpAddr = addr.parse().map_err(|_| bad())?;
            let max = if addr.is_ipv4() { 32 } else { 128 };
            let bits = match bits {
                None => max,
                Some(b) => b.parse::<u8>().ok().filter(|b| *b <= max).ok_or_else(bad)?,
            };
            nets.push((addr, bits));
        }
        Ok(TrustedProxies(nets))
    }

    /// Whether `peer` is one of the trusted proxies.
    pub fn contains(&self, peer: IpAddr) -> bool {
        let peer = match peer {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(peer),
            v4 => v4,
        };
        self.0.iter().any(|(net, bits)| match (net, peer) {
            (IpAddr::V4(n), IpAddr::V4(p)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(*bits)).unwrap_or(0);
                u32::from(*n) & mask == u32::from(p) & mask
            }
            (IpAddr::V6(n), IpAddr::V6(p)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(*bits)).unwrap_or(0);
                u128::from(*n) & mask == u128::from(p) & mask
            }
            _ => false,
        })
    }
}

pub const DEFAULT_RATE_LIMIT: u32 = 100;
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;
/// Bank statement files: a year of a busy account's camt.053 fits.
pub const DEFAULT_STATEMENT_LIMIT: usize = 10 * 1024 * 1024;
/// CSV imports: some 150,000 accounts.
pub const DEFAULT_IMPORT_LIMIT: usize = 10 * 1024 * 1024;
/// A file of about 1,000 rows is answered at once; a larger one becomes a job.
pub const DEFAULT_IMPORT_SYNC_LIMIT: usize = 128 * 1024;

impl Config {
    pub fn from_env() -> Result<Config, String> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let number = |name: &str, default: u64| -> Result<u64, String> {
            match var(name) {
                None => Ok(default),
                Some(v) => v
                    .trim()
                    .parse::<u64>()
                    .map_err(|_| format!("{name} must be a whole number, not {v:?}")),
            }
        };
        let database =
            DbTarget::parse(&var("DATABASE_URL").unwrap_or_else(|| "sqlite://accord.db".into()))?;
        let jwt_secret = match var("ACCORD_JWT_SECRET") {
            Some(s) if s.len() < 32 => return Err(
                "ACCORD_JWT_SECRET must be at least 32 characters; unset it to have one generated"
                    .into(),
            ),
            other => other.map(Secret::new),
        };
        let default_pool = match database {
            DbTarget::Postgres(_) => 16,
            DbTarget::Sqlite(_) => 8,
        };
        let log_json = matches!(var("ACCORD_LOG_FORMAT").as_deref(), Some("json"));
        let webhook_allow_private = match var("ACCORD_WEBHOOK_ALLOW_PRIVATE").as_deref() {
            None | Some("false") | Some("0") => false,
            Some("true") | Some("1") => true,
            Some(other) => {
                return Err(format!(
                    "ACCORD_WEBHOOK_ALLOW_PRIVATE must be true or false, not {other:?}"
                ))
            }
        };
        let webhook_retry_schedule = match var("ACCORD_WEBHOOK_RETRY_SCHEDULE") {
            None => crate::domain::webhooks::RETRY_SCHEDULE_SECS.to_vec(),
            Some(v) => parse_schedule(&v)?,
        };
        let workers = match number("ACCORD_WORKERS", 0)? {
            0 => None,
            n => Some(n as usize),
        };
        Ok(Config {
            database,
            addr: var("ACCORD_ADDR").unwrap_or_else(|| "127.0.0.1:8080".into()),
            jwt_secret,
            rate_limit: u32::try_from(number("ACCORD_RATE_LIMIT", u64::from(DEFAULT_RATE_LIMIT))?)
                .map_err(|_| "ACCORD_RATE_LIMIT is too large".to_string())?,
            body_limit: number("ACCORD_BODY_LIMIT", DEFAULT_BODY_LIMIT as u64)? as usize,
            statement_limit: number("ACCORD_STATEMENT_LIMIT", DEFAULT_STATEMENT_LIMIT as u64)?
                as usize,
            import_limit: number("ACCORD_IMPORT_LIMIT", DEFAULT_IMPORT_LIMIT as u64)? as usize,
            import_sync_limit: number("ACCORD_IMPORT_SYNC_LIMIT", DEFAULT_IMPORT_SYNC_LIMIT as u64)?
                as usize,
            pool_size: u32::try_from(number("ACCORD_DB_POOL_SIZE", default_pool)?.max(1))
                .map_err(|_| "ACCORD_DB_POOL_SIZE is too large".to_string())?,
            pool_timeout: Duration::from_secs(number("ACCORD_DB_POOL_TIMEOUT_SECS", 5)?.max(1)),
            drain: Duration::from_secs(number("ACCORD_DRAIN_SECS", 5)?),
            access_token_ttl: Duration::from_secs(
                number("ACCORD_ACCESS_TOKEN_TTL_SECS", 900)?.max(1),
            ),
            refresh_token_ttl: Duration::from_secs(
                number("ACCORD_REFRESH_TOKEN_TTL_SECS", 30 * 24 * 3600)?.max(60),
            ),
            log_json,
            workers,
            event_retention: Duration::from_secs(
                number("ACCORD_EVENT_RETENTION_DAYS", 30)?.max(1) * 24 * 3600,
            ),
            trusted_proxies: TrustedProxies::parse(
                &var("ACCORD_TRUSTED_PROXIES").unwrap_or_default(),
            )?,
            webhook_allow_private,
            webhook_retry_schedule,
            metrics: MetricsAccess::parse(
                var("ACCORD_METRICS").as_deref().map(str::trim),
                var("ACCORD_METRICS_TOKEN"),
            )?,
        })
    }
}

/// `5,30,120`: whole seconds, at least one.
fn parse_schedule(v: &str) -> Result<Vec<u64>, String> {
    let schedule: Vec<u64> = v
        .split(',')
        .map(|s| s.trim().parse::<u64>())
        .collect::<Result<_, _>>()
        .map_err(|_| {
            format!("ACCORD_WEBHOOK_RETRY_SCHEDULE must be whole seconds separated by commas, not {v:?}")
        })?;
    if schedule.is_empty() {
        return Err("ACCORD_WEBHOOK_RETRY_SCHEDULE must name at least one wait".into());
    }
    Ok(schedule)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn trusted_proxies_match_addresses_and_networks() {
        let t = TrustedProxies::parse("10.0.0.0/8, 192.168.1.7, fd00::/8").unwrap();
        assert!(t.contains("10.2.3.4".parse().unwrap()));
        assert!(t.contains("::ffff:10.2.3.4".parse().unwrap()));
        assert!(t.contains("192.168.1.7".parse().unwrap()));
        assert!(!t.contains("192.168.1.8".parse().unwrap()));
        assert!(t.contains("fd12::1".parse().unwrap()));
        assert!(!t.contains("127.0.0.1".parse().unwrap()));
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
        assert!(TrustedProxies::parse("proxy").is_err());
        assert!(!TrustedProxies::default().contains("127.0.0.1".parse().unwrap()));
    }

    #[test]
    fn metrics_access_from_its_two_variables() {
        let parse = |m: Option<&str>, t: Option<&str>| MetricsAccess::parse(m, t.map(Into::into));
        assert!(matches!(parse(None, None), Ok(MetricsAccess::Public)));
        assert!(matches!(parse(Some("off"), None), Ok(MetricsAccess::Off)));
        assert!(matches!(
            parse(None, Some("sixteen chars ok")),
            Ok(MetricsAccess::Token(_))
        ));
        assert!(parse(None, Some("short")).is_err());
        assert!(parse(Some("token"), None).is_err());
        assert!(parse(Some("private"), None).is_err());
    }
}
