//! `accord demo`: a realistic demo organization to explore, made through the same use cases
//! the API calls, as its owner would make it over HTTP (each step its own unit of work, so
//! events and audit rows are recorded as for any write).
//!
//! What it holds: a team of four account managers, one per title ([`team`]); client
//! accounts across the tiers with their decision makers, a quarter of interactions,
//! follow-ups, opportunities with proposals, a risk with its action plan, feedback, targets
//! and an account plan ([`crm`]); and the books behind them ([`books`]): invoices, bills and
//! payments posted to the ledger, an operating bank account with an opening balance and an
//! imported OFX statement, reconciled where the lines say what they are. Dates count back
//! from today, so the demo always looks current.
//!
//! Idempotent: the owner's email names the demo. A second run finds it, checks that the
//! password still signs in and that the first run finished, and changes nothing.

mod activity;
mod books;
mod clients;
mod crm;
mod pipeline;
mod team;

use std::fmt;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde::de::DeserializeOwned;
use serde_json::Value;
use uuid::Uuid;

use super::error::AppError;
use super::identity::sessions::{self, SignupRequest};
use super::page::PageParams;
use super::record::{self, Nested, Record};
use super::unit_of_work::{blocking, Outcome};
use super::{App, Context};
use crate::auth::{password, Caller, Principal};
use crate::db;
use crate::domain::identity::{Email, Role};
use crate::domain::ids::{OrganizationId, UserId};

/// The demo owner's email unless `--email` names another.
pub const DEFAULT_EMAIL: &str = "demo@northwind.example";
/// The demo's password unless `--password` names another. Printed, so public: a demo
/// belongs on a database of its own.
pub const DEFAULT_PASSWORD: &str = "northwind-demo-password";
/// The organization the demo makes.
pub const ORGANIZATION: &str = "Northwind Demo Ltd";
const OWNER_NAME: &str = "Morgan Blake";

/// What `accord demo` is asked for.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    /// The owner's email; the team's addresses are made from it (`demo+priya@...`).
    pub email: String,
    pub password: String,
}

/// How the demo came out, and how to sign in to it.
#[derive(Debug, Clone)]
pub struct DemoReport {
    /// False when an earlier run had made it already (nothing was changed).
    pub created: bool,
    pub organization: String,
    pub email: String,
    pub password: String,
    /// The team: name, title and email (same password).
    pub team: Vec<(String, String, String)>,
    /// Where the server answers (from `ACCORD_ADDR`).
    pub base_url: String,
    /// What was made, in words, one line each (empty when nothing was).
    pub made: Vec<String>,
}

impl fmt::Display for DemoReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.created {
            writeln!(
                f,
                "Created the demo organization \"{}\":",
                self.organization
            )?;
            for line in &self.made {
                writeln!(f, "  - {line}")?;
            }
        } else {
            writeln!(
                f,
                "The demo organization \"{}\" already exists; nothing was changed.",
                self.organization
            )?;
        }
        writeln!(f)?;
        writeln!(f, "Sign in (start the server with `accord serve` first):")?;
        writeln!(f, "  email:    {}", self.email)?;
        writeln!(f, "  password: {}", self.password)?;
        writeln!(f, "  docs:     {}/docs/", self.base_url)?;
        let body = serde_json::json!({"email": self.email, "password": self.password});
        writeln!(
            f,
            "  token:    curl -s -X POST {}/api/v1/auth/token -H 'content-type: application/json' -d '{}'",
            self.base_url,
            body.to_string().replace('\'', r"'\''")
        )?;
        writeln!(f)?;
        writeln!(
            f,
            "The account managers sign in with the same password (they see what their role allows):"
        )?;
        for (name, title, email) in &self.team {
            writeln!(f, "  {email:<36} {name} ({title})")?;
        }
        Ok(())
    }
}

/// Why the demo could not be made.
#[derive(Debug)]
pub enum DemoError {
    /// An option is unusable (not an email, a password too short).
    BadOption(String),
    /// The email is a user's whose password is not the one given: not (or no longer) the
    /// demo's owner.
    NotTheDemo { email: String },
    /// The demo's owner exists but an earlier run stopped before the end.
    Incomplete { email: String },
    /// A step was refused or failed.
    Step { step: String, error: Box<AppError> },
}

impl fmt::Display for DemoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DemoError::BadOption(why) => f.write_str(why),
            DemoError::NotTheDemo { email } => write!(
                f,
                "a user {email} already exists and the demo password does not sign in as it: \
                 it is not the demo's owner, or its password was changed. Run \
                 `accord demo --email <another address>` to make a demo beside it"
            ),
            DemoError::Incomplete { email } => write!(
                f,
                "the demo organization of {email} is incomplete: an earlier `accord demo` \
                 stopped part-way. Run it on a fresh database, or with \
                 `--email <another address>`"
            ),
            DemoError::Step { step, error } => {
                write!(f, "{step}: {} ({})", error.detail, error.code)?;
                for field in &error.fields {
                    write!(f, "; {}: {}", field.field, field.message)?;
                }
                if let Some(internal) = &error.internal {
                    write!(f, "; {internal}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for DemoError {}

/// Makes the demo organization unless it exists; how to sign in either way.
pub async fn run(app: &App, options: DemoOptions) -> Result<DemoReport, DemoError> {
    let email = Email::parse(&options.email).ok_or_else(|| {
        DemoError::BadOption(format!(
            "--email {:?} is not an email address",
            options.email
        ))
    })?;
    if options.password.chars().count() < password::MIN_PASSWORD_LEN {
        return Err(DemoError::BadOption(format!(
            "--password must be at least {} characters",
            password::MIN_PASSWORD_LEN
        )));
    }
    let team = team::team_emails(email.as_str());
    let mut report = DemoReport {
        created: false,
        organization: ORGANIZATION.to_owned(),
        email: email.as_str().to_owned(),
        password: options.password.clone(),
        team,
        base_url: base_url(&app.config.addr),
        made: Vec::new(),
    };
    if let Some(owner) = existing_owner(app, &email, &options.password).await? {
        if !finished(app, &owner).await? {
            return Err(DemoError::Incomplete {
                email: report.email,
            });
        }
        return Ok(report);
    }
    let seed = Seed::sign_up(app, &email, &options.password).await?;
    let people = team::people(&seed, &email, &options.password).await?;
    let clients = crm::relationships(&seed, &people).await?;
    let money = books::books(&seed, &clients).await?;
    report.created = true;
    report.made = vec![
        format!(
            "its owner {OWNER_NAME} and a team of {} account managers, one per title",
            people.users.len()
        ),
        format!(
            "{} accounts ({} clients across the key, strategic and standard tiers, {} vendors) with {} contacts",
            clients.accounts,
            clients.clients,
            clients.accounts - clients.clients,
            clients.contacts
        ),
        format!(
            "{} interactions over the last 90 days, {} follow-up tasks, {} feedback scores, {} client requests",
            clients.interactions, clients.tasks, clients.feedback, clients.requests
        ),
        format!(
            "{} opportunities with {} proposals, {} risks (one open with its action plan), an account plan",
            clients.opportunities, clients.proposals, clients.risks
        ),
        format!("{} sales targets for this quarter (personal and team)", clients.targets),
        format!(
            "{} invoices, {} bills and {} payments posted to the ledger",
            money.invoices, money.bills, money.payments
        ),
        format!(
            "an operating bank account with an opening balance and an imported statement of {} lines, {} of them reconciled",
            money.statement_lines, money.reconciled
        ),
    ];
    Ok(report)
}

/// `http://<ACCORD_ADDR>`, with a wildcard address shown as localhost.
fn base_url(addr: &str) -> String {
    let shown = match addr.rsplit_once(':') {
        Some(("0.0.0.0" | "[::]" | "::", port)) => format!("localhost:{port}"),
        _ => addr.to_owned(),
    };
    format!("http://{shown}")
}

/// The user `email` names when the demo password signs in as them; `None` when there is no
/// such user.
async fn existing_owner(
    app: &App,
    email: &Email,
    password: &str,
) -> Result<Option<Caller>, DemoError> {
    let address = email.as_str().to_owned();
    let user = app
        .read(&Context::system(), move |tx| {
            Ok(db::identity::users::find_by_email(tx, &address)?)
        })
        .await
        .map_err(|error| step("looking for the demo's owner", error))?;
    let Some(user) = user else {
        return Ok(None);
    };
    let (given, stored) = (password.to_owned(), user.password_hash.clone());
    let signs_in = blocking(move || Ok(password::verify(&given, &stored)))
        .await
        .map_err(|error| step("checking the demo password", error))?;
    if !signs_in || !user.is_active {
        return Err(DemoError::NotTheDemo {
            email: email.as_str().to_owned(),
        });
    }
    let role = user.role.parse::<Role>().unwrap_or(Role::Viewer);
    Ok(Some(Caller {
        org: user.organization_id,
        principal: Principal::User(user.id),
        role,
    }))
}

/// Whether the demo of `owner` got to its end (the bank statement is imported last, before
/// it is reconciled).
async fn finished(app: &App, owner: &Caller) -> Result<bool, DemoError> {
    let cx = Context::new(Some(owner.clone()), Uuid::now_v7().to_string(), None);
    books::statement_imported(app, &cx)
        .await
        .map_err(|error| step("checking the demo's bank statement", error))
}

fn step(what: impl Into<String>, error: AppError) -> DemoError {
    DemoError::Step {
        step: what.into(),
        error: Box::new(error),
    }
}

/// The demo being made: the application, the owner's context, and today.
pub(crate) struct Seed<'a> {
    app: &'a App,
    org: OrganizationId,
    cx: Context,
    today: NaiveDate,
}

impl<'a> Seed<'a> {
    /// Signs up the organization and its owner; the owner acts from then on.
    async fn sign_up(app: &'a App, email: &Email, password: &str) -> Result<Seed<'a>, DemoError> {
        let request = SignupRequest {
            organization_name: ORGANIZATION.to_owned(),
            name: OWNER_NAME.to_owned(),
            email: email.as_str().to_owned(),
            password: password.to_owned(),
            base_currency: Some("USD".to_owned()),
            fiscal_year_start_month: Some(1),
        };
        let what = "signing up the demo organization";
        // One request id for the whole run: its events and audit rows are found together.
        let run = format!("demo-{}", Uuid::now_v7());
        let anonymous = Context::new(None, run.clone(), None);
        let outcome = sessions::sign_up(app, &anonymous, request)
            .await
            .map_err(|error| step(what, error))?;
        let answer = answer_of(what, &outcome)?;
        let org = uuid_at(what, &answer, &["organization", "id"])?;
        let owner = uuid_at(what, &answer, &["user", "id"])?;
        let caller = Caller {
            org: OrganizationId(org),
            principal: Principal::User(UserId(owner)),
            role: Role::Owner,
        };
        let cx = Context::new(Some(caller), run, None);
        Ok(Seed {
            app,
            org: OrganizationId(org),
            cx,
            today: super::organization::today_in(chrono_tz::UTC),
        })
    }

    /// The same demo with an account manager acting: what they log is theirs, as their
    /// agenda, the events and the audit trail show (the run's request id stays).
    fn acting_as(&self, user: Uuid) -> Seed<'a> {
        let caller = Caller {
            org: self.org,
            principal: Principal::User(UserId(user)),
            role: Role::AccountManager,
        };
        Seed {
            app: self.app,
            org: self.org,
            cx: Context::new(Some(caller), self.cx.request_id.clone(), None),
            today: self.today,
        }
    }

    /// `days` before today.
    fn day(&self, days: i64) -> NaiveDate {
        self.today - Duration::days(days)
    }

    /// `days` before today at `hour`:00 UTC (never in the future for `days` ≥ 1).
    fn at(&self, days: i64, hour: u32) -> DateTime<Utc> {
        let date = self.day(days);
        let time = date
            .and_hms_opt(hour.min(23), 0, 0)
            .unwrap_or_else(|| date.and_time(chrono::NaiveTime::MIN));
        Utc.from_utc_datetime(&time)
    }

    /// Creates a plain record from `body` as `POST /{collection}` would; its answer.
    async fn create<R: Record>(&self, what: &str, body: Value) -> Result<Value, DemoError>
    where
        R::Create: DeserializeOwned,
    {
        let input = input_of::<R::Create>(what, body)?;
        let outcome = record::create::<R>(self.app, &self.cx, input)
            .await
            .map_err(|error| step(format!("creating {what}"), error))?;
        answer_of(what, &outcome)
    }

    /// Creates a record under `parent` (`POST /account-plans/{id}/objectives`); its answer.
    async fn create_under<R: Nested>(
        &self,
        what: &str,
        parent: Uuid,
        body: Value,
    ) -> Result<Value, DemoError>
    where
        R::Body: DeserializeOwned,
    {
        let input = input_of::<R::Body>(what, body)?;
        let outcome = record::create_under::<R>(self.app, &self.cx, parent, input)
            .await
            .map_err(|error| step(format!("creating {what}"), error))?;
        answer_of(what, &outcome)
    }

    /// A page size that holds every row of the demo's short lists.
    fn whole_page() -> PageParams {
        PageParams {
            limit: Some(200),
            cursor: None,
        }
    }
}

/// What the API would deserialize from `body`.
fn input_of<T: DeserializeOwned>(what: &str, body: Value) -> Result<T, DemoError> {
    serde_json::from_value(body).map_err(|e| {
        step(
            format!("building {what}"),
            AppError::internal(format!("the demo's input does not fit: {e}")),
        )
    })
}

/// A write's answer as JSON.
fn answer_of(what: &str, outcome: &Outcome) -> Result<Value, DemoError> {
    serde_json::from_str(&outcome.body).map_err(|e| {
        step(
            what,
            AppError::internal(format!("the answer is not JSON: {e}")),
        )
    })
}

/// The UUID at `path` in an answer.
fn uuid_at(what: &str, answer: &Value, path: &[&str]) -> Result<Uuid, DemoError> {
    path.iter()
        .try_fold(answer, |v, key| v.get(key))
        .and_then(Value::as_str)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| {
            step(
                what,
                AppError::internal(format!("the answer has no {}", path.join("."))),
            )
        })
}

/// The `id` of an answer.
fn id_of(what: &str, answer: &Value) -> Result<Uuid, DemoError> {
    uuid_at(what, answer, &["id"])
}

/// A string field of an answer.
fn text_at(what: &str, answer: &Value, field: &str) -> Result<String, DemoError> {
    answer
        .get(field)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| {
            step(
                what,
                AppError::internal(format!("the answer has no {field}")),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcard_addresses_are_shown_as_localhost() {
        assert_eq!(base_url("0.0.0.0:8080"), "http://localhost:8080");
        assert_eq!(base_url("127.0.0.1:9000"), "http://127.0.0.1:9000");
        assert_eq!(base_url("[::]:8080"), "http://localhost:8080");
    }
}
