//! Bank statements as the bank wrote them: one reading of a camt.053, OFX or CSV file,
//! before anything is matched to a bank account or stored. Pure: bytes in, values out.
//!
//! Amounts are signed from the account holder's view (positive is money in) and kept with
//! the decimals the bank wrote (`18.150` stays `18.150`); rounding to the currency happens
//! where they are matched and posted, not here.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub mod camt;
mod common;
pub mod csv;
pub mod ofx;

pub use common::valid_iban;

/// A bank account identifier (IBAN or account number) as it is stored and compared: without
/// spaces, in capitals.
pub fn account_identifier(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase()
}

/// Which parser a file goes to (picked from its `Content-Type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Camt053,
    Ofx,
    Csv,
}

/// Everything read from one file: one or more statements.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementFile {
    pub statements: Vec<ParsedStatement>,
}

/// One statement of a file: the account it names, its balances and its lines.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedStatement {
    /// Where in the file the statement is, for messages (`Stmt[2]`, `STMTRS[1]`).
    pub path: String,
    /// The bank's own id of the statement (camt `Stmt/Id`), when it gives one.
    pub bank_statement_id: Option<String>,
    /// The account as an IBAN (spaces removed, capitals), when the file names one.
    pub account_iban: Option<String>,
    /// The account as another identifier (camt `Acct/Id/Othr/Id`, OFX `ACCTID`).
    pub account_number: Option<String>,
    /// The account's currency as the file states it (camt `Acct/Ccy`, OFX `CURDEF`).
    pub currency: Option<String>,
    /// The period the statement covers, when the file says (camt `FrToDt`, OFX
    /// `DTSTART`/`DTEND`); otherwise `None` (the importer uses the lines' dates).
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Every balance the file gives, booked or not, in file order.
    pub balances: Vec<ParsedBalance>,
    pub lines: Vec<ParsedLine>,
}

/// One balance: its ISO 20022 type code (`OPBD`, `PRCD`, `CLBD`, `ITBD`, `CLAV`, `OPAV`,
/// `FWAV`, `ITAV`, `INFO`, `XPCD`, …; OFX `LEDGERBAL` is read as `CLBD`, `AVAILBAL` as
/// `CLAV`), signed amount, currency and date.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedBalance {
    pub code: String,
    pub amount: Decimal,
    pub currency: String,
    pub date: Option<NaiveDate>,
}

/// One bank line (a camt `Ntry`, an OFX `STMTTRN`, a CSV row).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedLine {
    /// Where in the file the line is, for messages (`line 12`, `Stmt[1]/Ntry[3]`).
    pub path: String,
    pub booked_on: NaiveDate,
    pub value_on: Option<NaiveDate>,
    /// Signed: positive is money in. Exactly as written (scale kept).
    pub amount: Decimal,
    pub currency: String,
    /// Unstructured remittance information and other free text, joined with " ".
    pub description: Option<String>,
    /// Structured remittance (a creditor reference such as `RF18…` or an invoice number).
    pub structured_reference: Option<String>,
    pub counterparty_name: Option<String>,
    /// The counterparty's IBAN or account number.
    pub counterparty_account: Option<String>,
    /// The bank's own reference for the line (camt `AcctSvcrRef`, OFX `FITID`).
    pub bank_reference: Option<String>,
    pub end_to_end_id: Option<String>,
    /// camt `BkTxCd` as `DOMAIN/FAMILY/SUBFAMILY` (or its proprietary code), OFX `TRNTYPE`.
    pub bank_transaction_code: Option<String>,
    /// `BOOK`, `PDNG`, `INFO` where the format says; `None` otherwise.
    pub status: Option<String>,
    /// Each camt `TxDtls` of the entry, kept for matching (JSON array of objects with
    /// `end_to_end_id`, `amount`, `currency`, `remittance`, `structured_reference`,
    /// `counterparty_name`, `counterparty_account`, where present); `Null` when none.
    pub details: serde_json::Value,
}

/// Why a file was refused: where (`line 12`, an element path such as
/// `Document/BkToCstmrStmt/Stmt[1]/Ntry[3]/Amt`), a stable code and a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParseProblem {
    pub field: String,
    pub code: &'static str,
    pub message: String,
}

impl ParseProblem {
    pub fn new(field: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        ParseProblem {
            field: field.into(),
            code,
            message: message.into(),
        }
    }
}

/// A reading, or every problem found (at least one; at most a bounded number).
pub type Parsed = Result<StatementFile, Vec<ParseProblem>>;

/// How to read a bank account's CSV export (`PUT /bank-accounts/{id}/csv-mapping`).
/// Columns are named by their header text, or by a 1-based position (`"3"`) for files
/// without a header row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CsvMapping {
    #[schema(example = "Booking date")]
    pub date_column: String,
    /// chrono `strftime` form, such as `%Y-%m-%d` or `%d.%m.%Y`.
    #[schema(example = "%d.%m.%Y")]
    pub date_format: String,
    /// One signed amount column (positive is money in) …
    pub amount_column: Option<String>,
    /// … or a debit (money out) and a credit (money in) column.
    pub debit_column: Option<String>,
    pub credit_column: Option<String>,
    /// `.` (default) or `,`.
    #[schema(example = ",")]
    pub decimal_separator: Option<String>,
    #[serde(default)]
    pub description_columns: Vec<String>,
    pub reference_column: Option<String>,
    pub counterparty_column: Option<String>,
    /// Rows before the header row (bank preambles).
    #[serde(default)]
    pub skip_rows: u32,
    /// Whether the first row after `skip_rows` is a header (default true).
    pub has_header: Option<bool>,
    /// `,` (default), `;` or a tab.
    pub delimiter: Option<String>,
}

/// Reads `bytes` as `format`; `mapping` is required for CSV and ignored otherwise.
pub fn parse(format: Format, bytes: &[u8], mapping: Option<&CsvMapping>) -> Parsed {
    match format {
        Format::Camt053 => camt::parse(bytes),
        Format::Ofx => ofx::parse(bytes),
        Format::Csv => match mapping {
            Some(m) => csv::parse(bytes, m),
            None => Err(vec![ParseProblem::new(
                "csv_mapping",
                "csv_mapping_missing",
                "this bank account has no CSV mapping: PUT /bank-accounts/{id}/csv-mapping first",
            )]),
        },
    }
}
