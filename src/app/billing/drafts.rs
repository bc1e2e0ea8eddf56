//! What a draft document says: the request and its shape, the account it is for, and its
//! lines priced and totalled in the document's and the base currency. Every problem is
//! listed at once, each with its line.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::resolve_rate;
use crate::app::error::{AppError, Check, FieldError};
use crate::app::input::double_option;
use crate::app::ledger::{currency_of, Org};
use crate::app::page::CreationSort;
use crate::app::Tx;
use crate::db::billing::{
    self,
    documents::{DocumentLineRow, DocumentRow},
    tax_rates::TaxRateRow,
};
use crate::db::crm::accounts::AccountRow;
use crate::db::ledger::LedgerAccountRow;
use crate::db::{self, SqlDecimal};
use crate::domain::documents::{
    line_amounts, totals, AmountsAre, DocumentKind, LineInput, Pricing, TooLarge,
};
use crate::domain::ids::{ClientAccountId, DocumentId, LedgerAccountId, OrganizationId, TaxRateId};
use crate::domain::ledger::AccountType;
use crate::domain::money::{decimal_string_opt, Currency};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentLineRequest {
    #[schema(example = "Consulting, September")]
    pub description: Option<String>,
    /// Default 1.
    #[serde(default, with = "decimal_string_opt")]
    #[schema(value_type = Option<String>, example = "2")]
    pub quantity: Option<Decimal>,
    /// In the document's currency; more decimals than the currency has are allowed (the
    /// line's amount is rounded). Required (a line without it is 422 `required`).
    #[serde(default, with = "decimal_string_opt")]
    #[schema(value_type = String, required = true, example = "100.00")]
    pub unit_price: Option<Decimal>,
    pub tax_rate_id: Option<Uuid>,
    /// Income account (sales) or expense/asset account (purchases); default 4000 or 5000.
    pub ledger_account_id: Option<Uuid>,
    /// The client account this line concerns (a client account of your organization): its
    /// posted income or expense line carries it, for the account's profitability. An
    /// invoice's or credit note's line without one carries the document's account.
    pub account_id: Option<Uuid>,
}

/// A change to a draft document: any field of it (`lines` replaces them all); absent fields
/// stay as they are. A create is [`DocumentCreate`].
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = DocumentPatch)]
#[serde(deny_unknown_fields)]
pub struct DocumentRequest {
    /// The customer (invoices, credit notes) or vendor (bills, vendor credits).
    pub account_id: Option<Uuid>,
    /// The supplier's own number (bills: unique per vendor) or the customer's PO.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, example = "ACME-7781")]
    pub reference: Option<Option<String>>,
    #[schema(example = "2026-09-01")]
    pub issue_date: Option<NaiveDate>,
    /// Default: 30 days after the issue date (not used on credits).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>, example = "2026-09-30")]
    pub due_date: Option<Option<NaiveDate>>,
    /// ISO 4217; default the account's currency.
    #[schema(example = "USD")]
    pub currency: Option<String>,
    /// Base-currency units per unit of `currency`; default the organization's rate of the
    /// issue date from /exchange-rates.
    #[serde(default, deserialize_with = "double_option_decimal")]
    #[schema(value_type = Option<String>, example = "1.0835")]
    pub exchange_rate: Option<Option<Decimal>>,
    /// Whether unit prices exclude (default) or include tax.
    pub amounts_are: Option<AmountsAre>,
    /// 1 to 200 lines.
    #[schema(min_items = 1, max_items = 200)]
    pub lines: Option<Vec<DocumentLineRequest>>,
    /// Credit notes: the invoice credited (the credit is allocated to it when issued).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub invoice_id: Option<Option<Uuid>>,
    /// Vendor credits: the bill credited.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub bill_id: Option<Option<Uuid>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub memo: Option<Option<String>>,
}

crate::create_input!(
    /// A new draft document (invoice, bill, credit note or vendor credit): the fields of a
    /// change, with those every kind must name on create required (`issue_date` defaults to
    /// the organization's today).
    DocumentCreate(DocumentRequest) required ["account_id", "lines"]
);

/// `null` clears; a string is a strict decimal.
fn double_option_decimal<'de, D>(d: D) -> Result<Option<Option<Decimal>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    #[derive(Deserialize)]
    struct Wrap(#[serde(with = "decimal_string_opt")] Option<Decimal>);
    Wrap::deserialize(d).map(|w| Some(w.0))
}

impl DocumentRequest {
    /// The request's own shape for a document of `kind` (what is missing, malformed or not
    /// for this kind), answered alone before the rules that need the books.
    pub fn checked(self, kind: DocumentKind, creating: bool) -> Result<DocumentInput, AppError> {
        let mut check = Check::new();
        if creating {
            check.present("account_id", &self.account_id);
            // `issue_date` defaults to the organization's today.
            check.present("lines", &self.lines);
        }
        let currency = match self.currency.as_deref() {
            Some(code) => check.currency("currency", code),
            None => None,
        };
        let (related_field, related, other_field, other) = if kind == DocumentKind::VendorCredit {
            ("bill_id", self.bill_id, "invoice_id", self.invoice_id)
        } else {
            ("invoice_id", self.invoice_id, "bill_id", self.bill_id)
        };
        if other.flatten().is_some() || (!kind.is_credit() && related.flatten().is_some()) {
            let field = if kind.is_credit() {
                other_field
            } else {
                related_field
            };
            check.push(
                field,
                "not_applicable",
                format!("{} does not take {field}", crate::domain::a(kind.noun())),
            );
        }
        let lines = self.lines.map(|lines| {
            lines
                .into_iter()
                .enumerate()
                .map(|(i, l)| {
                    if l.unit_price.is_none() {
                        check.push(format!("lines[{i}].unit_price"), "required", "is required");
                    }
                    LineEntry {
                        description: l.description,
                        quantity: l.quantity,
                        unit_price: l.unit_price.unwrap_or_default(),
                        tax_rate_id: l.tax_rate_id,
                        ledger_account_id: l.ledger_account_id,
                        account_id: l.account_id,
                    }
                })
                .collect()
        });
        check.finish()?;
        Ok(DocumentInput {
            account_id: self.account_id,
            reference: self.reference,
            issue_date: self.issue_date,
            due_date: self.due_date,
            currency,
            exchange_rate: self.exchange_rate,
            amounts_are: self.amounts_are,
            lines,
            related_document_id: if kind.is_credit() { related } else { None },
            memo: self.memo,
        })
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DocumentListParams {
    /// `draft`, `open`, `partially_paid`, `paid` or `void`.
    pub status: Option<String>,
    pub account_id: Option<Uuid>,
    /// Issued on or after.
    pub from: Option<NaiveDate>,
    /// Issued on or before.
    pub to: Option<NaiveDate>,
    /// Only open or partly paid documents due before today.
    pub overdue: Option<bool>,
    pub number: Option<String>,
    pub reference: Option<String>,
    /// Only rows changed at or after this instant (RFC 3339), for incremental sync.
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
    /// `created_at` (default) or `-created_at`.
    #[param(inline)]
    pub sort: Option<CreationSort>,
}

crate::list_query!(DocumentListParams);

#[derive(Debug, Clone)]
pub struct LineEntry {
    pub description: Option<String>,
    pub quantity: Option<Decimal>,
    pub unit_price: Decimal,
    pub tax_rate_id: Option<Uuid>,
    pub ledger_account_id: Option<Uuid>,
    pub account_id: Option<Uuid>,
}

#[derive(Debug, Default)]
pub struct DocumentInput {
    pub account_id: Option<Uuid>,
    pub reference: Option<Option<String>>,
    pub issue_date: Option<NaiveDate>,
    pub due_date: Option<Option<NaiveDate>>,
    pub currency: Option<Currency>,
    pub exchange_rate: Option<Option<Decimal>>,
    pub amounts_are: Option<AmountsAre>,
    pub lines: Option<Vec<LineEntry>>,
    /// The invoice (credit notes) or bill (vendor credits) this credits.
    pub related_document_id: Option<Option<Uuid>>,
    pub memo: Option<Option<String>>,
}

/// Days to pay when no due date is given.
const DEFAULT_TERMS_DAYS: i64 = 30;

/// The chart code a line posts to when it names no ledger account.
fn default_code(kind: DocumentKind) -> &'static str {
    if kind.is_sale() {
        "4000"
    } else {
        "5000"
    }
}

fn related_field(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::VendorCredit => "bill_id",
        _ => "invoice_id",
    }
}

pub(super) fn find_account(
    conn: &mut Tx,
    org: OrganizationId,
    kind: DocumentKind,
    id: Uuid,
    errors: &mut Vec<FieldError>,
) -> Result<Option<AccountRow>, AppError> {
    let account = match db::crm::accounts::find(conn, org, ClientAccountId(id)) {
        Ok(a) => a,
        Err(diesel::result::Error::NotFound) => {
            errors.push(FieldError::new(
                "account_id",
                "not_found",
                "no such account in your organization",
            ));
            return Ok(None);
        }
        Err(e) => return Err(e.into()),
    };
    if account.archived_at.is_some() || account.merged_into_id.is_some() {
        errors.push(FieldError::new(
            "account_id",
            "account_archived",
            "this account is archived",
        ));
    } else if kind.is_sale() && !account.is_customer {
        errors.push(FieldError::new(
            "account_id",
            "not_a_customer",
            format!(
                "{} goes to a customer: this account has is_customer false; set it with PATCH /api/v1/accounts/{} {{\"is_customer\": true}}",
                crate::domain::a(kind.noun()),
                account.id
            ),
        ));
    } else if !kind.is_sale() && !account.is_vendor {
        errors.push(FieldError::new(
            "account_id",
            "not_a_vendor",
            format!(
                "{} comes from a vendor: this account has is_vendor false; set it with PATCH /api/v1/accounts/{} {{\"is_vendor\": true}}",
                crate::domain::a(kind.noun()),
                account.id
            ),
        ));
    }
    Ok(Some(account))
}

/// Checks and prices the lines, listing every problem with its line.
fn price_lines(
    conn: &mut Tx,
    org: &Org,
    kind: DocumentKind,
    doc: &DocumentRow,
    input: &[LineEntry],
    errors: &mut Vec<FieldError>,
) -> Result<Vec<DocumentLineRow>, AppError> {
    if input.is_empty() {
        errors.push(FieldError::new(
            "lines",
            "required",
            "a document has at least one line",
        ));
    }
    if input.len() > 200 {
        errors.push(FieldError::new(
            "lines",
            "too_many_lines",
            "at most 200 lines",
        ));
    }
    let chart: HashMap<LedgerAccountId, LedgerAccountRow> = db::ledger::all_accounts(conn, org.id)?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let default_account = chart
        .values()
        .find(|a| a.code == default_code(kind))
        .map(|a| a.id);
    let tax_ids: Vec<TaxRateId> = input
        .iter()
        .filter_map(|l| l.tax_rate_id)
        .map(TaxRateId)
        .collect();
    let taxes: HashMap<TaxRateId, TaxRateRow> = billing::tax_rates::by_ids(conn, org.id, &tax_ids)?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let pricing = Pricing {
        currency: currency_of(&doc.currency)?,
        base: org.base,
        exchange_rate: doc.exchange_rate.0,
        amounts_are: AmountsAre::parse(&doc.amounts_are).unwrap_or_default(),
        rounding: org.rounding,
    };
    let allowed: &[AccountType] = if kind.is_sale() {
        &[AccountType::Income]
    } else {
        &[AccountType::Expense, AccountType::Asset]
    };
    let tagged: Vec<ClientAccountId> = input
        .iter()
        .filter_map(|l| l.account_id.map(ClientAccountId))
        .collect();
    let known = db::crm::accounts::existing_ids(conn, org.id, &tagged)?;
    let limit = Decimal::new(1_000_000_000_000_000, 0);
    let mut rows = Vec::with_capacity(input.len());
    for (i, l) in input.iter().enumerate() {
        let field = |f: &str| format!("lines[{i}].{f}");
        let before = errors.len();
        let quantity = l.quantity.unwrap_or(Decimal::ONE);
        if quantity <= Decimal::ZERO {
            errors.push(FieldError::new(
                field("quantity"),
                "must_be_positive",
                "must be greater than zero",
            ));
        }
        for (name, v) in [("quantity", quantity), ("unit_price", l.unit_price)] {
            if v.scale() > 8 {
                errors.push(FieldError::new(
                    field(name),
                    "too_many_decimals",
                    "at most 8 decimal places",
                ));
            }
            if v.abs() >= limit {
                errors.push(FieldError::new(
                    field(name),
                    "too_large",
                    "must be below 10^15",
                ));
            }
        }
        if l.description
            .as_ref()
            .is_some_and(|d| d.chars().count() > 1000)
        {
            errors.push(FieldError::new(
                field("description"),
                "length",
                "at most 1000 characters",
            ));
        }
        if l.account_id
            .is_some_and(|a| !known.contains(&ClientAccountId(a)))
        {
            errors.push(FieldError::new(
                field("account_id"),
                "not_found",
                "no such client account in your organization",
            ));
        }
        let tax = match l.tax_rate_id.map(TaxRateId) {
            None => None,
            Some(id) => match taxes.get(&id) {
                None => {
                    errors.push(FieldError::new(
                        field("tax_rate_id"),
                        "not_found",
                        "no such tax rate in your organization",
                    ));
                    None
                }
                Some(t) if !t.is_active => {
                    errors.push(FieldError::new(
                        field("tax_rate_id"),
                        "tax_rate_inactive",
                        "this tax rate is inactive",
                    ));
                    None
                }
                Some(t) => Some(t),
            },
        };
        let ledger_account_id = match l.ledger_account_id.map(LedgerAccountId).or(default_account) {
            None => {
                errors.push(FieldError::new(
                    field("ledger_account_id"),
                    "required",
                    format!("the chart has no account {}; name one", default_code(kind)),
                ));
                continue;
            }
            Some(id) => id,
        };
        match chart.get(&ledger_account_id) {
            None => errors.push(FieldError::new(
                field("ledger_account_id"),
                "not_found",
                "no such ledger account in your organization",
            )),
            Some(a) if !a.is_active => errors.push(FieldError::new(
                field("ledger_account_id"),
                "account_inactive",
                format!("ledger account {} is inactive", a.code),
            )),
            Some(a)
                if a.system_role.is_some()
                    || !allowed.iter().any(|t| t.as_str() == a.account_type) =>
            {
                errors.push(FieldError::new(
                    field("ledger_account_id"),
                    "ledger_account_type",
                    format!(
                        "{} line posts to {} account without a system role; {} is {}",
                        crate::domain::a(kind.noun()),
                        if kind.is_sale() {
                            "an income"
                        } else {
                            "an expense or asset"
                        },
                        a.code,
                        a.account_type
                    ),
                ))
            }
            Some(a) if a.currency != org.base.code() => errors.push(FieldError::new(
                field("ledger_account_id"),
                "ledger_account_currency",
                format!(
                    "document lines post to base-currency ({}) accounts",
                    org.base.code()
                ),
            )),
            Some(_) => {}
        }
        if errors.len() > before {
            continue;
        }
        let amounts = match line_amounts(
            &LineInput {
                quantity,
                unit_price: l.unit_price,
                tax_rate: tax.map(|t| t.rate.0),
            },
            &pricing,
        ) {
            Ok(a) => a,
            Err(TooLarge) => {
                errors.push(FieldError::new(
                    field("unit_price"),
                    "too_large",
                    "the line's amount is too large",
                ));
                continue;
            }
        };
        rows.push(DocumentLineRow {
            organization_id: org.id,
            document_id: doc.id,
            line_no: i as i32,
            description: l.description.clone().unwrap_or_default(),
            quantity: SqlDecimal(quantity.normalize()),
            unit_price: SqlDecimal(l.unit_price),
            tax_rate_id: tax.map(|t| t.id),
            ledger_account_id,
            amount_minor: amounts.amount_minor,
            tax_minor: amounts.tax_minor,
            base_amount_minor: amounts.base_amount_minor,
            base_tax_minor: amounts.base_tax_minor,
            account_id: l.account_id.map(ClientAccountId),
        });
    }
    Ok(rows)
}

/// Applies the input to `doc`, checks everything, and prices the lines (when given).
pub(super) fn shape(
    conn: &mut Tx,
    org: &Org,
    kind: DocumentKind,
    doc: &mut DocumentRow,
    input: DocumentInput,
    creating: bool,
) -> Result<Option<Vec<DocumentLineRow>>, AppError> {
    let mut errors = Vec::new();
    let account = match input.account_id {
        Some(id) => find_account(conn, org.id, kind, id, &mut errors)?,
        None => None,
    };
    if let Some(a) = &account {
        doc.account_id = a.id;
    }
    if let Some(r) = input.reference {
        doc.reference = r.map(|r| r.trim().to_owned()).filter(|r| !r.is_empty());
    }
    if doc
        .reference
        .as_ref()
        .is_some_and(|r| r.chars().count() > 200)
    {
        errors.push(FieldError::new(
            "reference",
            "length",
            "at most 200 characters",
        ));
    }
    if let Some(m) = input.memo {
        doc.memo = m;
    }
    if doc.memo.as_ref().is_some_and(|m| m.chars().count() > 5000) {
        errors.push(FieldError::new("memo", "length", "at most 5000 characters"));
    }
    if let Some(d) = input.issue_date {
        doc.issue_date = d;
    }
    if let Some(d) = input.due_date {
        doc.due_date = d;
    }
    if kind.is_credit() {
        doc.due_date = None;
    } else if doc.due_date.is_none() {
        doc.due_date = Some(doc.issue_date + Duration::days(DEFAULT_TERMS_DAYS));
    }
    if doc.due_date.is_some_and(|d| d < doc.issue_date) {
        errors.push(FieldError::new(
            "due_date",
            "due_before_issue",
            "the due date cannot be before the issue date",
        ));
    }
    let currency_given = input.currency.is_some();
    if let Some(c) = input.currency {
        doc.currency = c.code().to_owned();
    } else if creating {
        doc.currency = account
            .as_ref()
            .map(|a| a.currency.clone())
            .unwrap_or_else(|| org.base.code().to_owned());
    }
    if let Some(a) = input.amounts_are {
        doc.amounts_are = a.as_str().to_owned();
    }
    if let Some(r) = input.related_document_id {
        doc.related_document_id = r.map(DocumentId);
    }
    if let Some(related) = doc.related_document_id {
        let field = related_field(kind);
        match kind.credited_kind() {
            None => errors.push(FieldError::new(
                field,
                "not_applicable",
                "only credits name a document",
            )),
            Some(credited) => match billing::documents::find_document(conn, org.id, related) {
                Ok(d) if d.kind != credited.as_str() => errors.push(FieldError::new(
                    field,
                    "not_found",
                    format!("no such {} in your organization", credited.noun()),
                )),
                Ok(d) if matches!(d.status.as_str(), "draft" | "void") => {
                    errors.push(FieldError::new(
                        field,
                        "document_not_open",
                        format!(
                            "the {} is {}; credit an issued one",
                            credited.noun(),
                            d.status
                        ),
                    ))
                }
                Ok(d) if d.account_id != doc.account_id => errors.push(FieldError::new(
                    field,
                    "account_mismatch",
                    format!("the {} belongs to another account", credited.noun()),
                )),
                Ok(d) => {
                    if !currency_given && creating {
                        doc.currency = d.currency.clone();
                    }
                    if d.currency != doc.currency {
                        errors.push(FieldError::new(
                            field,
                            "currency_mismatch",
                            format!("the {} is in {}", credited.noun(), d.currency),
                        ));
                    }
                }
                Err(diesel::result::Error::NotFound) => errors.push(FieldError::new(
                    field,
                    "not_found",
                    format!("no such {} in your organization", credited.noun()),
                )),
                Err(e) => return Err(e.into()),
            },
        }
    }
    let currency = currency_of(&doc.currency)?;
    let rate_input = match input.exchange_rate {
        Some(r) => r,
        None if creating => None,
        // A draft keeps its rate unless its currency or date changed.
        None if currency_given || input.issue_date.is_some() => None,
        None => Some(doc.exchange_rate.0),
    };
    match resolve_rate(conn, org, currency, rate_input, doc.issue_date) {
        Ok(r) => doc.exchange_rate = SqlDecimal(r),
        Err(e) => errors.extend(e.fields),
    }
    if kind == DocumentKind::Bill {
        if let Some(r) = &doc.reference {
            if billing::documents::reference_taken(conn, org.id, doc.account_id, r, Some(doc.id))? {
                return Err(AppError::conflict(
                    "duplicate_reference",
                    format!("this vendor already has a bill with reference {r}"),
                )
                .with_fields(vec![FieldError::new(
                    "reference",
                    "duplicate_reference",
                    "this vendor already has a bill with this reference",
                )]));
            }
        }
    }
    // Lines are priced with the document's final currency, rate and rounding; a change to
    // any of those reprices the stored lines.
    let reprice = input.lines.is_some()
        || currency_given
        || input.exchange_rate.is_some()
        || input.amounts_are.is_some()
        || input.issue_date.is_some();
    let lines = if errors.iter().any(|e| e.field == "account_id") && creating {
        None
    } else if let Some(entries) = input.lines {
        Some(price_lines(conn, org, kind, doc, &entries, &mut errors)?)
    } else if reprice && !creating {
        let stored = billing::documents::lines_of(conn, org.id, &[doc.id])?;
        let entries: Vec<LineEntry> = stored
            .into_iter()
            .map(|l| LineEntry {
                description: Some(l.description),
                quantity: Some(l.quantity.0),
                unit_price: l.unit_price.0,
                tax_rate_id: l.tax_rate_id.map(|t| t.0),
                ledger_account_id: Some(l.ledger_account_id.0),
                account_id: l.account_id.map(|a| a.0),
            })
            .collect();
        Some(price_lines(conn, org, kind, doc, &entries, &mut errors)?)
    } else {
        None
    };
    if let Some(lines) = &lines {
        let amounts: Vec<_> = lines
            .iter()
            .map(|l| crate::domain::documents::LineAmounts {
                amount_minor: l.amount_minor,
                tax_minor: l.tax_minor,
                base_amount_minor: l.base_amount_minor,
                base_tax_minor: l.base_tax_minor,
            })
            .collect();
        match totals(&amounts) {
            Ok(t) => {
                doc.subtotal_minor = t.subtotal_minor;
                doc.tax_total_minor = t.tax_total_minor;
                doc.total_minor = t.total_minor;
                doc.base_subtotal_minor = t.base_subtotal_minor;
                doc.base_total_minor = t.base_total_minor;
                if errors.is_empty() && (t.total_minor <= 0 || t.base_total_minor <= 0) {
                    errors.push(FieldError::new(
                        "lines",
                        "total_not_positive",
                        "the document's total must be above zero",
                    ));
                }
            }
            Err(TooLarge) => errors.push(FieldError::new(
                "lines",
                "too_large",
                "the total is too large",
            )),
        }
    }
    crate::app::error::Check::from(errors).finish()?;
    Ok(lines)
}
