//! Statement import: a camt.053, OFX or CSV file read by `domain::banking`, each statement
//! routed to its bank account, checked against the account's currency, deduplicated against
//! what the account already holds and stored with its lines — all in one unit of work, so a
//! file is imported whole or not at all.
//!
//! Dedupe: a line the bank gave a reference (AcctSvcrRef, FITID) is known by that reference
//! and its occurrence among the file's lines with the same reference; a line without one by a
//! hash of its content and its occurrence among the identical lines of that day. A re-import,
//! or an export overlapping an earlier one, finds every key taken; two genuine identical
//! lines keep two keys.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::app::error::{AppError, ErrorKind, FieldError, Found};
use crate::app::ledger::currency_of;
use crate::app::page::{Page, PageParams, PageRequest};
use crate::app::unit_of_work::{Change, Outcome};
use crate::app::{App, Context, Tx};
use crate::auth::secrets::sha256_hex;
use crate::auth::Permission;
use crate::db::banking::statements::{self as store, StatementRow, TransactionRow};
use crate::db::billing::bank_accounts::BankAccountRow;
use crate::db::record::Stored;
use crate::db::{self, SqlDecimal};
use crate::domain::banking::{
    self as reading, account_identifier, CsvMapping, Format, ParseProblem, ParsedStatement,
};
use crate::domain::ids::{
    BankAccountId, BankStatementId, BankTransactionId, OrganizationId, UserId,
};
use crate::domain::money::{decimal_string_opt, Currency};

use super::transactions::TransactionView;

/// Balance types that are booked (not available or information): their currency must be
/// the account's.
const BOOKED: [&str; 4] = ["OPBD", "PRCD", "CLBD", "ITBD"];

/// One imported statement.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StatementView {
    pub id: Uuid,
    pub bank_account_id: Uuid,
    /// The bank's own id of the statement (camt `Stmt/Id`), when it gives one.
    pub bank_statement_id: Option<String>,
    /// `camt053`, `ofx` or `csv`.
    pub format: String,
    /// The period: the file's own, or its lines' first and last booking dates.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// The booked opening balance (OPBD, else PRCD); `null` when the file gives none.
    #[serde(with = "decimal_string_opt")]
    #[schema(value_type = Option<String>, example = "1000.00")]
    pub opening_balance: Option<Decimal>,
    /// The booked closing balance (CLBD; OFX LEDGERBAL); `null` when the file gives none.
    #[serde(with = "decimal_string_opt")]
    #[schema(value_type = Option<String>, example = "1097.50")]
    pub closing_balance: Option<Decimal>,
    /// The opening balance (or, without one, the previous statement's closing or the
    /// account's balance anchor) plus every line of the statement; `null` without a basis.
    #[serde(with = "decimal_string_opt")]
    #[schema(value_type = Option<String>, example = "1097.50")]
    pub computed_closing_balance: Option<Decimal>,
    /// `closing_balance` − `computed_closing_balance`: not zero means the lines do not add
    /// up to the bank's balance. `null` when either is unknown.
    #[serde(with = "decimal_string_opt")]
    #[schema(value_type = Option<String>, example = "0.00")]
    pub balance_difference: Option<Decimal>,
    /// The closing balance of the account's previous statement (or its balance anchor) that
    /// this statement's opening should equal; `null` for the first statement.
    #[serde(with = "decimal_string_opt")]
    #[schema(value_type = Option<String>, example = "1000.00")]
    pub previous_closing_balance: Option<Decimal>,
    /// `opening_balance` − `previous_closing_balance`: not zero means a statement is
    /// missing between the two. `null` when either is unknown.
    #[serde(with = "decimal_string_opt")]
    #[schema(value_type = Option<String>, example = "0.00")]
    pub gap: Option<Decimal>,
    /// Lines in the statement as the file holds it.
    pub line_count: i64,
    /// Lines this import added.
    pub imported: i64,
    /// Lines already held (an earlier import of the same lines).
    pub duplicates_skipped: i64,
    pub created_at: DateTime<Utc>,
}

impl From<&StatementRow> for StatementView {
    fn from(r: &StatementRow) -> Self {
        let dec = |v: &Option<SqlDecimal>| v.as_ref().map(|d| d.0);
        let (opening, closing, computed, previous) = (
            dec(&r.opening_balance),
            dec(&r.closing_balance),
            dec(&r.computed_closing_balance),
            dec(&r.previous_closing_balance),
        );
        StatementView {
            id: r.id.0,
            bank_account_id: r.bank_account_id.0,
            bank_statement_id: r.bank_statement_id.clone(),
            format: r.format.clone(),
            from: r.from_date,
            to: r.to_date,
            opening_balance: opening,
            closing_balance: closing,
            computed_closing_balance: computed,
            balance_difference: closing.zip(computed).and_then(|(c, k)| c.checked_sub(k)),
            previous_closing_balance: previous,
            gap: opening.zip(previous).and_then(|(o, p)| o.checked_sub(p)),
            line_count: r.line_count,
            imported: r.imported,
            duplicates_skipped: r.duplicates_skipped,
            created_at: r.created_at.and_utc(),
        }
    }
}

/// A statement of the file that was not imported, and why.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SkippedStatement {
    /// The account the statement names (IBAN or number), as the file writes it.
    pub account: Option<String>,
    pub reason: String,
}

/// What an import did.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportAnswer {
    pub statements: Vec<StatementView>,
    /// Lines added, over all statements.
    pub imported: i64,
    /// Lines already held, over all statements.
    pub duplicates_skipped: i64,
    pub skipped_statements: Vec<SkippedStatement>,
}

/// The statement's booked opening (OPBD, else PRCD) and closing (CLBD) balances.
fn booked(stmt: &ParsedStatement) -> (Option<Decimal>, Option<Decimal>) {
    let of = |code: &str| {
        stmt.balances
            .iter()
            .find(|b| b.code == code)
            .map(|b| b.amount)
    };
    (of("OPBD").or_else(|| of("PRCD")), of("CLBD"))
}

fn names(stmt: &ParsedStatement) -> Vec<String> {
    [&stmt.account_iban, &stmt.account_number]
        .into_iter()
        .flatten()
        .map(|s| account_identifier(s))
        .filter(|s| !s.is_empty())
        .collect()
}

fn is_named_by(bank: &BankAccountRow, idents: &[String]) -> bool {
    [&bank.iban, &bank.number]
        .into_iter()
        .flatten()
        .map(|s| account_identifier(s))
        .any(|b| idents.contains(&b))
}

/// The amount rounded half-up to the currency's minor unit, in minor units.
pub fn minor_of(amount: Decimal, currency: Currency) -> Option<i64> {
    let exp = currency.exponent();
    let rounded = amount.round_dp_with_strategy(exp, RoundingStrategy::MidpointAwayFromZero);
    let scaled = rounded.checked_mul(Decimal::from(10i64.checked_pow(exp)?))?;
    rust_decimal::prelude::ToPrimitive::to_i64(&scaled)
}

/// The answer to a file refused whole.
fn invalid(problems: Vec<ParseProblem>) -> AppError {
    let detail = match problems.as_slice() {
        [one] => format!("{}: {}", one.field, one.message),
        many => format!(
            "the file was not imported: {} problems; see errors",
            many.len()
        ),
    };
    AppError::new(ErrorKind::Invalid, "statement_invalid", detail).with_fields(
        problems
            .into_iter()
            .map(|p| FieldError::new(p.field, p.code, p.message))
            .collect(),
    )
}

/// Which parser a `Content-Type` (and, for XML, the file's first bytes) picks.
pub fn format_of(content_type: &str, body: &[u8]) -> Option<Format> {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let head = String::from_utf8_lossy(&body[..body.len().min(2048)]).to_ascii_uppercase();
    match mime.as_str() {
        "application/x-ofx" | "application/ofx" | "text/ofx" | "application/vnd.intu.qfx" => {
            Some(Format::Ofx)
        }
        // OFX 2 is XML too: told apart by its processing instruction.
        "application/xml" | "text/xml" if head.contains("<?OFX") => Some(Format::Ofx),
        "application/xml" | "text/xml" => Some(Format::Camt053),
        "text/csv" | "application/csv" => Some(Format::Csv),
        _ => None,
    }
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Camt053 => "camt053",
        Format::Ofx => "ofx",
        Format::Csv => "csv",
    }
}

/// A line's dedupe key without its occurrence number.
fn content_key(l: &reading::ParsedLine) -> String {
    match &l.bank_reference {
        Some(r) if !r.trim().is_empty() => format!("ref:{}", r.trim()),
        _ => {
            let text = format!(
                "{}|{}|{}|{}|{}|{}|{}|{}|{}",
                l.booked_on,
                l.amount.normalize(),
                l.currency,
                l.value_on.map(|d| d.to_string()).unwrap_or_default(),
                l.description.as_deref().unwrap_or(""),
                l.counterparty_name.as_deref().unwrap_or(""),
                l.counterparty_account.as_deref().unwrap_or(""),
                l.end_to_end_id.as_deref().unwrap_or(""),
                l.structured_reference.as_deref().unwrap_or(""),
            );
            format!("hash:{}", &sha256_hex(text.as_bytes())[..32])
        }
    }
}

fn clip(s: &Option<String>, max: usize) -> Option<String> {
    s.as_ref()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(|s| s.chars().take(max).collect())
}

/// A statement of the file, routed to its bank account.
struct Routed<'a> {
    stmt: &'a ParsedStatement,
    bank: BankAccountRow,
}

/// Imports `body` into `target` (or routes each statement by the account it names).
fn import_in(
    tx: &mut Tx,
    target: Option<BankAccountId>,
    format: Format,
    body: &[u8],
) -> Result<(ImportAnswer, bool), AppError> {
    let caller = tx.caller()?;
    caller.require(Permission::WriteBooks)?;
    let org = caller.org;
    let banks: Vec<BankAccountRow> = match target {
        Some(id) => vec![BankAccountRow::find(tx, org, id).found("bank account")?],
        None => super::all_bank_accounts(tx, org)?,
    };
    let mapping: Option<CsvMapping> =
        match (format, target, banks.first()) {
            (Format::Csv, Some(_), Some(b)) => match &b.csv_mapping {
                Some(m) => Some(serde_json::from_str(m).map_err(|e| {
                    AppError::internal(format!("stored CSV mapping unreadable: {e}"))
                })?),
                None => None,
            },
            (Format::Csv, None, _) => return Err(AppError::unprocessable(
                "csv_needs_bank_account",
                "a CSV file names no account: import it with POST /bank-accounts/{id}/statements",
            )),
            _ => None,
        };
    let file = reading::parse(format, body, mapping.as_ref()).map_err(invalid)?;
    if file.statements.is_empty() {
        return Err(invalid(vec![ParseProblem::new(
            "file",
            "no_statement",
            "the file holds no statement",
        )]));
    }
    // Route each statement; a statement for an account not here is skipped and reported.
    let mut routed = Vec::new();
    let mut skipped = Vec::new();
    for stmt in &file.statements {
        let idents = names(stmt);
        let named = stmt
            .account_iban
            .clone()
            .or_else(|| stmt.account_number.clone());
        let found = match target {
            Some(_) if idents.is_empty() || banks.iter().any(|b| is_named_by(b, &idents)) => {
                banks.first().cloned()
            }
            Some(_) => {
                skipped.push(SkippedStatement {
                    account: named,
                    reason: "the statement is for another account than this bank account's IBAN or number".into(),
                });
                continue;
            }
            None => banks.iter().find(|b| is_named_by(b, &idents)).cloned(),
        };
        match found {
            Some(bank) if !bank.is_active => skipped.push(SkippedStatement {
                account: named,
                reason: "the bank account is inactive".into(),
            }),
            Some(bank) => routed.push(Routed { stmt, bank }),
            None => skipped.push(SkippedStatement {
                account: named,
                reason: if idents.is_empty() {
                    "the statement names no account; import it into one with POST /bank-accounts/{id}/statements".into()
                } else {
                    "no bank account has this IBAN or number".into()
                },
            }),
        }
    }
    // Currencies: every line and booked balance in the bank account's currency.
    let mut problems = Vec::new();
    for r in &routed {
        let ccy = r.bank.currency.as_str();
        for b in &r.stmt.balances {
            if BOOKED.contains(&b.code.as_str()) && b.currency != ccy {
                problems.push(ParseProblem::new(
                    format!("{}/Bal[{}]", r.stmt.path, b.code),
                    "currency_mismatch",
                    format!(
                        "the booked balance {} is in {}, the bank account in {ccy}",
                        b.code, b.currency
                    ),
                ));
            }
        }
        for l in &r.stmt.lines {
            if !l.currency.is_empty() && l.currency != ccy {
                problems.push(ParseProblem::new(
                    l.path.clone(),
                    "currency_mismatch",
                    format!("the line is in {}, the bank account in {ccy}", l.currency),
                ));
            }
        }
    }
    if !problems.is_empty() {
        problems.truncate(50);
        return Err(invalid(problems));
    }
    let file_hash = sha256_hex(body);
    let now = db::now();
    let user = caller.user_id();
    let mut answer = ImportAnswer {
        statements: Vec::new(),
        imported: 0,
        duplicates_skipped: 0,
        skipped_statements: skipped,
    };
    // Occurrences are counted per bank account over the whole file.
    let mut seen: HashMap<(BankAccountId, String), usize> = HashMap::new();
    // Whether anything new was stored: a statement (even one without lines) or a line.
    let mut stored_any = false;
    for r in routed {
        let currency = currency_of(&r.bank.currency)?;
        let keyed: Vec<(String, &reading::ParsedLine)> = r
            .stmt
            .lines
            .iter()
            .map(|l| {
                let base = content_key(l);
                let scope = if base.starts_with("ref:") {
                    base.clone()
                } else {
                    format!("{base}@{}", l.booked_on)
                };
                let n = seen.entry((r.bank.id, scope)).or_insert(0);
                *n += 1;
                (format!("{base}#{n}"), l)
            })
            .collect();
        let keys: Vec<String> = keyed.iter().map(|(k, _)| k.clone()).collect();
        let taken: std::collections::HashSet<String> =
            store::taken_keys(tx, org, r.bank.id, &keys)?
                .into_iter()
                .collect();
        let (opening, closing) = booked(r.stmt);
        let sum = r
            .stmt
            .lines
            .iter()
            .try_fold(Decimal::ZERO, |acc, l| acc.checked_add(l.amount))
            .ok_or_else(|| {
                invalid(vec![ParseProblem::new(
                    &r.stmt.path,
                    "too_large",
                    "the lines add up to more than can be held",
                )])
            })?;
        let from = r
            .stmt
            .from
            .or_else(|| r.stmt.lines.iter().map(|l| l.booked_on).min());
        let to = r
            .stmt
            .to
            .or_else(|| r.stmt.lines.iter().map(|l| l.booked_on).max());
        let previous = previous_closing(tx, org, &r.bank, from)?;
        let basis = opening.or(previous);
        let computed = basis.and_then(|b| b.checked_add(sum));
        let new_lines: Vec<&(String, &reading::ParsedLine)> =
            keyed.iter().filter(|(k, _)| !taken.contains(k)).collect();
        let duplicates = (keyed.len() - new_lines.len()) as i64;
        // A statement already held (same bank id, or the same period and balances) is not
        // stored twice.
        let existing = match &r.stmt.bank_statement_id {
            _ if !new_lines.is_empty() => None,
            Some(bid) => store::statement_by_bank_id(tx, org, r.bank.id, bid)?,
            None => store::statement_from_file(tx, org, r.bank.id, &file_hash, from, to)?,
        };
        let row = match existing {
            Some(mut row) => {
                row.imported = 0;
                row.duplicates_skipped = duplicates;
                row
            }
            None => {
                let row = StatementRow {
                    organization_id: org,
                    id: BankStatementId(Uuid::now_v7()),
                    bank_account_id: r.bank.id,
                    bank_statement_id: clip(&r.stmt.bank_statement_id, 200),
                    format: format_name(format).to_owned(),
                    from_date: from,
                    to_date: to,
                    opening_balance: opening.map(SqlDecimal),
                    closing_balance: closing.map(SqlDecimal),
                    computed_closing_balance: computed.map(SqlDecimal),
                    previous_closing_balance: previous.map(SqlDecimal),
                    line_count: keyed.len() as i64,
                    imported: new_lines.len() as i64,
                    duplicates_skipped: duplicates,
                    file_sha256: file_hash.clone(),
                    created_by: Some(UserId(user.0)),
                    version: 1,
                    created_at: now,
                    updated_at: now,
                };
                if !new_lines.is_empty() || opening.is_some() || closing.is_some() {
                    stored_any = true;
                    store::insert_statement(tx, &row)?;
                    tx.record(
                        Change::created("bank_statement", row.id.0, &StatementView::from(&row))
                            .as_event("imported"),
                    );
                }
                row
            }
        };
        let mut rows = Vec::with_capacity(new_lines.len());
        for (key, l) in new_lines {
            let Some(minor) = minor_of(l.amount, currency) else {
                return Err(invalid(vec![ParseProblem::new(
                    l.path.clone(),
                    "too_large",
                    "the amount is too large",
                )]));
            };
            rows.push(TransactionRow {
                organization_id: org,
                id: BankTransactionId(Uuid::now_v7()),
                bank_account_id: r.bank.id,
                statement_id: row.id,
                booked_on: l.booked_on,
                value_on: l.value_on,
                amount: SqlDecimal(l.amount),
                amount_minor: minor,
                currency: r.bank.currency.clone(),
                description: clip(&l.description, 2000),
                structured_reference: clip(&l.structured_reference, 200),
                counterparty_name: clip(&l.counterparty_name, 200),
                counterparty_account: clip(&l.counterparty_account, 100),
                bank_reference: clip(&l.bank_reference, 200),
                end_to_end_id: clip(&l.end_to_end_id, 200),
                bank_transaction_code: clip(&l.bank_transaction_code, 100),
                entry_status: clip(&l.status, 20),
                details: l.details.to_string(),
                dedupe_key: key.clone(),
                status: "unreconciled".to_owned(),
                reconciliation_id: None,
                version: 1,
                created_at: now,
                updated_at: now,
            });
        }
        store::insert_transactions(tx, &rows)?;
        for t in &rows {
            tx.record(Change::created(
                "bank_transaction",
                t.id.0,
                &TransactionView::from(t.clone()),
            ));
        }
        answer.imported += rows.len() as i64;
        answer.duplicates_skipped += duplicates;
        answer.statements.push(StatementView::from(&row));
    }
    let created = stored_any || answer.imported > 0;
    Ok((answer, created))
}

/// The closing balance this statement's opening should equal: the latest earlier
/// statement's, else the account's balance anchor dated before the period.
fn previous_closing(
    tx: &mut Tx,
    org: OrganizationId,
    bank: &BankAccountRow,
    from: Option<NaiveDate>,
) -> Result<Option<Decimal>, AppError> {
    let before = from.and_then(|d| d.pred_opt());
    let last = store::closings(tx, org, bank.id, before)?;
    if let Some(s) = last.first() {
        if let Some(c) = &s.closing_balance {
            return Ok(Some(c.0));
        }
    }
    Ok(match (&bank.anchor_date, &bank.anchor_balance, from) {
        (Some(d), Some(b), Some(f)) if *d < f => Some(b.0),
        (Some(_), Some(b), None) => Some(b.0),
        _ => None,
    })
}

/// `POST /bank-accounts/{id}/statements` and `POST /bank-statements`: imports a file.
pub async fn import(
    app: &App,
    cx: &Context,
    target: Option<BankAccountId>,
    content_type: String,
    body: Vec<u8>,
) -> Result<Outcome, AppError> {
    let Some(format) = format_of(&content_type, &body) else {
        return Err(AppError::new(
            ErrorKind::Invalid,
            "unsupported_content_type",
            "send the file as application/xml (camt.053), application/x-ofx (OFX) or text/csv",
        ));
    };
    app.write_once(cx, move |tx| {
        let (answer, created) = import_in(tx, target, format, &body)?;
        match answer.statements.first() {
            Some(s) if created => Outcome::created("bank-statements", s.id, &answer),
            _ => Outcome::ok(&answer),
        }
    })
    .await
}

/// `GET /bank-statements/{id}`.
pub async fn get(app: &App, cx: &Context, id: BankStatementId) -> Result<StatementView, AppError> {
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        let row = store::find_statement(tx, caller.org, id).found("bank statement")?;
        Ok(StatementView::from(&row))
    })
    .await
}

/// `GET /bank-accounts/{id}/statements`: newest first.
pub async fn list(
    app: &App,
    cx: &Context,
    bank: BankAccountId,
    page: PageParams,
) -> Result<Page<StatementView>, AppError> {
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        BankAccountRow::find(tx, caller.org, bank).found("bank account")?;
        let req = PageRequest::new(&page, "-created_at", &bank.0.to_string())?;
        let after = req.after.as_ref().map(|(_, id)| BankStatementId(*id));
        let rows = store::list_statements(tx, caller.org, bank, after, req.fetch())?;
        Ok(req.page(
            rows,
            |r| (String::new(), r.id.0),
            |r| StatementView::from(&r),
        ))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minor_units_round_half_up_away_from_zero() {
        let eur = Currency::parse("EUR").unwrap_or_else(|_| unreachable!());
        let jpy = Currency::parse("JPY").unwrap_or_else(|_| unreachable!());
        let d = |s: &str| s.parse::<Decimal>().unwrap_or_default();
        assert_eq!(minor_of(d("18.150"), eur), Some(1815));
        assert_eq!(minor_of(d("0.005"), eur), Some(1));
        assert_eq!(minor_of(d("-0.005"), eur), Some(-1));
        assert_eq!(minor_of(d("-2.50"), eur), Some(-250));
        assert_eq!(minor_of(d("12.34567"), eur), Some(1235));
        assert_eq!(minor_of(d("1500"), jpy), Some(1500));
    }

    #[test]
    fn xml_that_is_ofx_goes_to_the_ofx_reader() {
        assert_eq!(
            format_of("application/xml", b"<Document/>"),
            Some(Format::Camt053)
        );
        assert_eq!(
            format_of(
                "text/xml; charset=utf-8",
                b"<?xml version=\"1.0\"?><?OFX OFXHEADER=\"200\"?>"
            ),
            Some(Format::Ofx)
        );
        assert_eq!(format_of("text/csv", b"a,b"), Some(Format::Csv));
        assert_eq!(format_of("application/json", b"{}"), None);
    }
}
