//! The organization: the tenant every record belongs to, with its base currency, fiscal year,
//! lock date, and how its documents are rounded and numbered.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{AppError, Check};
use super::input::IfMatch;
use super::unit_of_work::{Change, Tx};
use super::{App, Context};
use crate::auth::Permission;
use crate::db::identity::organizations::OrganizationRow;
use crate::db::{self};
use crate::domain::ids::OrganizationId;

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationView {
    pub id: OrganizationId,
    pub name: String,
    /// ISO 4217 code of the currency the books are kept in.
    #[schema(example = "USD")]
    pub base_currency: String,
    /// The month (1-12) the fiscal year starts in.
    pub fiscal_year_start_month: i16,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<OrganizationRow> for OrganizationView {
    fn from(r: OrganizationRow) -> Self {
        OrganizationView {
            id: r.id,
            name: r.name,
            base_currency: r.base_currency,
            fiscal_year_start_month: r.fiscal_year_start_month,
            version: r.version,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        }
    }
}

/// The zone named `name` (an IANA name, checked when it was set), or UTC.
pub fn zone_of(name: &str) -> chrono_tz::Tz {
    name.parse().unwrap_or(chrono_tz::Tz::UTC)
}

/// The date now in `zone`.
pub fn today_in(zone: chrono_tz::Tz) -> NaiveDate {
    Utc::now().with_timezone(&zone).date_naive()
}

/// The caller's organization's date now, in its time zone: what "today" means in reports,
/// defaults and overdue invoices.
pub fn today(tx: &mut Tx) -> Result<NaiveDate, AppError> {
    let org = tx.caller()?.org;
    let row = db::identity::organizations::find(tx, org)?;
    Ok(today_in(zone_of(&row.timezone)))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// Ties away from zero (0.025 → 0.03): the usual invoicing convention.
    HalfUp,
    /// Ties to the even digit (0.025 → 0.02).
    HalfEven,
}

impl RoundingMode {
    pub fn as_str(self) -> &'static str {
        match self {
            RoundingMode::HalfUp => "half_up",
            RoundingMode::HalfEven => "half_even",
        }
    }
}

/// The organization and how its documents are numbered and rounded.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationSettings {
    pub id: uuid::Uuid,
    pub name: String,
    #[schema(example = "USD")]
    pub base_currency: String,
    pub fiscal_year_start_month: i16,
    pub lock_date: Option<NaiveDate>,
    pub rounding_mode: RoundingMode,
    /// IANA time zone whose date is the organization's "today" (reports, overdue invoices).
    #[schema(example = "Europe/Berlin")]
    pub timezone: String,
    #[schema(example = "INV-")]
    pub invoice_prefix: String,
    #[schema(example = "CN-")]
    pub credit_note_prefix: String,
    #[schema(example = "VC-")]
    pub vendor_credit_prefix: String,
    /// The number the next issued invoice takes.
    pub next_invoice_number: i64,
    pub next_credit_note_number: i64,
    pub next_vendor_credit_number: i64,
    pub version: i64,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganizationPatch {
    #[schema(example = "Acme Ltd", max_length = 200, pattern = r"\S")]
    pub name: Option<String>,
    pub rounding_mode: Option<RoundingMode>,
    /// IANA time zone name (`Europe/Berlin`); "today" is the date there.
    #[schema(example = "Europe/Berlin")]
    pub timezone: Option<String>,
    /// Prefix of invoice numbers (taken at issue): up to 20 letters, digits, `-`, `_`, `/`, `.`.
    #[schema(example = "INV-", pattern = "^[-A-Za-z0-9_./]{0,20}$")]
    pub invoice_prefix: Option<String>,
    #[schema(example = "CN-", pattern = "^[-A-Za-z0-9_./]{0,20}$")]
    pub credit_note_prefix: Option<String>,
    #[schema(example = "VC-", pattern = "^[-A-Za-z0-9_./]{0,20}$")]
    pub vendor_credit_prefix: Option<String>,
}

fn settings_in(tx: &mut Tx) -> Result<OrganizationSettings, AppError> {
    let org = tx.caller()?.org;
    let row = db::identity::organizations::find(tx, org)?;
    let seqs = db::billing::numbering::sequences(tx, row.id)?;
    let seq = |kind: &str| {
        seqs.iter()
            .find(|s| s.0 == kind)
            .map(|s| (s.1.clone(), s.2))
            .unwrap_or_default()
    };
    let (invoice_prefix, next_invoice_number) = seq("invoice");
    let (credit_note_prefix, next_credit_note_number) = seq("credit_note");
    let (vendor_credit_prefix, next_vendor_credit_number) = seq("vendor_credit");
    Ok(OrganizationSettings {
        id: row.id.0,
        name: row.name,
        base_currency: row.base_currency,
        fiscal_year_start_month: row.fiscal_year_start_month,
        lock_date: row.lock_date,
        rounding_mode: if row.rounding_mode == "half_even" {
            RoundingMode::HalfEven
        } else {
            RoundingMode::HalfUp
        },
        timezone: row.timezone,
        invoice_prefix,
        credit_note_prefix,
        vendor_credit_prefix,
        next_invoice_number,
        next_credit_note_number,
        next_vendor_credit_number,
        version: row.version,
    })
}

/// `GET /organization`.
pub async fn get(app: &App, cx: &Context) -> Result<OrganizationSettings, AppError> {
    app.read(cx, |tx| {
        tx.caller()?.require(Permission::Read)?;
        settings_in(tx)
    })
    .await
}

/// `PATCH /organization`: its name, rounding mode or number prefixes (admins and owners).
pub async fn update(
    app: &App,
    cx: &Context,
    expected: IfMatch,
    patch: OrganizationPatch,
) -> Result<OrganizationSettings, AppError> {
    cx.caller()?.require(Permission::ManageOrganization)?;
    let mut check = Check::new();
    check.not_blank("name", patch.name.as_deref(), 200);
    if patch
        .timezone
        .as_deref()
        .is_some_and(|z| z.parse::<chrono_tz::Tz>().is_err())
    {
        check.push(
            "timezone",
            "invalid_timezone",
            "an IANA time zone name, such as Europe/Berlin or UTC",
        );
    }
    for (field, p) in [
        ("invoice_prefix", &patch.invoice_prefix),
        ("credit_note_prefix", &patch.credit_note_prefix),
        ("vendor_credit_prefix", &patch.vendor_credit_prefix),
    ] {
        if p.as_ref().is_some_and(|p| {
            p.chars().count() > 20
                || !p
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_/.".contains(c))
        }) {
            check.push(
                field,
                "invalid_prefix",
                "up to 20 letters, digits, '-', '_', '/' or '.'",
            );
        }
    }
    check.finish()?;
    app.write(cx, move |tx| {
        let before = settings_in(tx)?;
        expected.check(before.version)?;
        let org = tx.caller()?.org;
        let row = db::identity::organizations::find(tx, org)?;
        let name = patch.name.map(|n| n.trim().to_owned());
        db::identity::organizations::update_settings(
            tx,
            row.id,
            name.as_deref().unwrap_or(&row.name),
            patch
                .rounding_mode
                .map(RoundingMode::as_str)
                .unwrap_or(&row.rounding_mode),
            patch.timezone.as_deref().unwrap_or(&row.timezone),
        )?;
        for (kind, prefix) in [
            ("invoice", &patch.invoice_prefix),
            ("credit_note", &patch.credit_note_prefix),
            ("vendor_credit", &patch.vendor_credit_prefix),
        ] {
            if let Some(p) = prefix {
                db::billing::numbering::set_prefix(tx, row.id, kind, p)?;
            }
        }
        let after = settings_in(tx)?;
        tx.record(Change::updated("organization", row.id.0, &before, &after));
        Ok(after)
    })
    .await
}
