//! CSV reader (the `csv` crate) driven by the bank account's [`CsvMapping`].
//!
//! `skip_rows` physical lines are skipped first (bank preambles need not be valid CSV), then
//! a header row unless `has_header` is `Some(false)`. Columns are named by their header text
//! (trimmed, exact) or by a 1-based position (`"3"`). Amounts: an optional `+`/`-`,
//! parentheses for a negative, surrounding spaces; with decimal separator `,` every `.` is a
//! thousands separator (removed), with `.` every `,` is. With a debit and a credit column,
//! a debit is money out whatever sign it is written with (`12.50` and `-12.50` both give
//! `-12.50`), a credit money in. Bytes that are not UTF-8 are read as latin-1.
//!
//! The file gives one statement with no account, no balances and currency `""`: its lines'
//! currency is empty too, and the importer fills in the bank account's currency. Problems
//! name `line N` (the file's 1-based physical line, skipped and header lines counted) and
//! the column; mapping problems name `csv_mapping.<field>`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

use super::common::{decode_lossless, echo, non_empty, plain_decimal, refuse, Problems};
use super::{CsvMapping, ParseProblem, Parsed, ParsedLine, ParsedStatement, StatementFile};

/// How the amount of a row is found.
enum Amounts {
    Signed(Col),
    DebitCredit { debit: Col, credit: Col },
}

/// A resolved column: its 0-based index and how the mapping named it (for messages).
#[derive(Clone)]
struct Col {
    index: usize,
    label: String,
}

/// Reads a CSV file with `mapping`. See the module documentation.
pub fn parse(bytes: &[u8], mapping: &CsvMapping) -> Parsed {
    let delimiter = match mapping.delimiter.as_deref() {
        None | Some(",") => b',',
        Some(";") => b';',
        Some("|") => b'|',
        Some("\t") | Some("\\t") | Some("tab") | Some("TAB") => b'\t',
        Some(other) => {
            return refuse(
                "csv_mapping.delimiter",
                "bad_delimiter",
                format!("the delimiter {:?} is not one of ',', ';', '|' or a tab (\"\\t\" or \"tab\")", echo(other)),
            )
        }
    };
    let decimal_comma = match mapping.decimal_separator.as_deref() {
        None | Some(".") => false,
        Some(",") => true,
        Some(other) => {
            return refuse(
                "csv_mapping.decimal_separator",
                "bad_decimal_separator",
                format!("the decimal separator {:?} is not '.' or ','", echo(other)),
            )
        }
    };

    let text = decode_lossless(bytes);
    // Skip `skip_rows` physical lines.
    let skip = usize::try_from(mapping.skip_rows).unwrap_or(usize::MAX);
    let mut start = 0usize;
    let mut skipped = 0usize;
    while skipped < skip {
        match text.get(start..).and_then(|r| r.find('\n')) {
            Some(nl) => {
                start += nl + 1;
                skipped += 1;
            }
            None => {
                start = text.len();
                break;
            }
        }
    }
    let body = text.get(start..).unwrap_or("");
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(body.as_bytes());
    let mut records = reader.records();
    let line_of = |r: &::csv::StringRecord| {
        let l = r.position().map_or(0, |p| p.line());
        usize::try_from(l).unwrap_or(usize::MAX).saturating_add(skipped)
    };

    let header: Option<Vec<String>> = if mapping.has_header == Some(false) {
        None
    } else {
        match records.next() {
            Some(Ok(r)) => Some(r.iter().map(|h| h.trim().to_owned()).collect()),
            Some(Err(e)) => return refuse(format!("line {}", skipped + 1), "not_well_formed", format!("the header row is not CSV: {e}")),
            None => {
                return refuse(
                    format!("line {}", skipped + 1),
                    "no_statement",
                    "the file has no header row (after the skipped rows): nothing to import",
                )
            }
        }
    };

    let cols = resolve_mapping(mapping, header.as_deref())?;
    let (date_col, amounts, descr_cols, ref_col, party_col) = cols;

    let mut problems = Problems::default();
    let mut lines = Vec::new();
    let mut last_line = skipped;
    for rec in records {
        if problems.full() {
            break;
        }
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let l = e.position().map_or(last_line + 1, |p| {
                    usize::try_from(p.line()).unwrap_or(usize::MAX).saturating_add(skipped)
                });
                problems.push(format!("line {l}"), "not_well_formed", format!("the row is not CSV: {e}"));
                break;
            }
        };
        let line = line_of(&rec);
        last_line = line;
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let field = |c: &Col| rec.get(c.index).unwrap_or("").trim();
        let at = format!("line {line}");

        let date_text = field(&date_col);
        let booked_on = if date_text.is_empty() {
            problems.push(&at, "missing_date", format!("column {:?} is empty: the row has no date", date_col.label));
            None
        } else {
            let d = NaiveDate::parse_from_str(date_text, &mapping.date_format).ok();
            if d.is_none() {
                problems.push(
                    &at,
                    "bad_date",
                    format!(
                        "column {:?}: {:?} is not a date in the form {:?}",
                        date_col.label,
                        echo(date_text),
                        echo(&mapping.date_format)
                    ),
                );
            }
            d
        };

        let amount = match &amounts {
            Amounts::Signed(c) => {
                let v = field(c);
                match csv_amount(v, decimal_comma) {
                    Some(a) => Some(a),
                    None => {
                        problems.push(&at, "bad_amount", amount_message(c, v));
                        None
                    }
                }
            }
            Amounts::DebitCredit { debit, credit } => {
                let (dv, cv) = (field(debit), field(credit));
                let d = if dv.is_empty() { None } else { Some(csv_amount(dv, decimal_comma)) };
                let c = if cv.is_empty() { None } else { Some(csv_amount(cv, decimal_comma)) };
                match (d, c) {
                    (Some(None), _) => {
                        problems.push(&at, "bad_amount", amount_message(debit, dv));
                        None
                    }
                    (_, Some(None)) => {
                        problems.push(&at, "bad_amount", amount_message(credit, cv));
                        None
                    }
                    (None, None) => {
                        problems.push(
                            &at,
                            "bad_amount",
                            format!("columns {:?} and {:?} are both empty: the row has no amount", debit.label, credit.label),
                        );
                        None
                    }
                    (Some(Some(d)), None) => Some(-d.abs()),
                    (None, Some(Some(c))) => Some(c.abs()),
                    (Some(Some(d)), Some(Some(c))) => {
                        if d.is_zero() {
                            Some(c.abs())
                        } else if c.is_zero() {
                            Some(-d.abs())
                        } else {
                            problems.push(
                                &at,
                                "bad_amount",
                                format!(
                                    "columns {:?} ({:?}) and {:?} ({:?}) are both filled: one of them must be empty",
                                    debit.label,
                                    echo(dv),
                                    credit.label,
                                    echo(cv)
                                ),
                            );
                            None
                        }
                    }
                }
            }
        };

        let descr: Vec<&str> = descr_cols.iter().map(|c| field(c)).filter(|v| !v.is_empty()).collect();
        let (Some(booked_on), Some(amount)) = (booked_on, amount) else { continue };
        lines.push(ParsedLine {
            path: at,
            booked_on,
            value_on: None,
            amount,
            currency: String::new(),
            description: (!descr.is_empty()).then(|| descr.join(" ")),
            structured_reference: None,
            counterparty_name: party_col.as_ref().and_then(|c| non_empty(field(c))),
            counterparty_account: None,
            bank_reference: ref_col.as_ref().and_then(|c| non_empty(field(c))),
            end_to_end_id: None,
            bank_transaction_code: None,
            status: None,
            details: Value::Null,
        });
    }
    if !problems.is_empty() {
        return Err(problems.0);
    }
    if lines.is_empty() {
        return refuse("file", "no_statement", "the CSV file has no bank lines: nothing to import");
    }
    Ok(StatementFile {
        statements: vec![ParsedStatement {
            path: "csv".to_owned(),
            bank_statement_id: None,
            account_iban: None,
            account_number: None,
            currency: None,
            from: None,
            to: None,
            balances: Vec::new(),
            lines,
        }],
    })
}

fn amount_message(c: &Col, v: &str) -> String {
    if v.is_empty() {
        format!("column {:?} is empty: the row has no amount", c.label)
    } else {
        format!("column {:?}: {:?} is not an amount", c.label, echo(v))
    }
}

type Resolved = (Col, Amounts, Vec<Col>, Option<Col>, Option<Col>);

/// The mapping's columns as indexes, or every mapping problem.
fn resolve_mapping(m: &CsvMapping, header: Option<&[String]>) -> Result<Resolved, Vec<ParseProblem>> {
    let mut problems = Vec::new();
    let mut col = |name: &str, field: &str| -> Option<Col> {
        let wanted = name.trim();
        let by_name = header.and_then(|h| h.iter().position(|x| x == wanted));
        let by_pos = wanted
            .parse::<usize>()
            .ok()
            .filter(|&p| p >= 1 && wanted.bytes().all(|b| b.is_ascii_digit()))
            .map(|p| p - 1);
        match by_name.or(by_pos) {
            Some(index) => Some(Col {
                index,
                label: wanted.to_owned(),
            }),
            None => {
                let why = match header {
                    Some(h) => format!(
                        "the header has no column {:?} (it has {})",
                        echo(wanted),
                        echo(&h.join(", "))
                    ),
                    None => format!("{:?} is not a 1-based column number (the file has no header row)", echo(wanted)),
                };
                problems.push(ParseProblem::new(format!("csv_mapping.{field}"), "unknown_column", why));
                None
            }
        }
    };
    let date = col(&m.date_column, "date_column");
    let amount = m.amount_column.as_deref().map(|a| col(a, "amount_column"));
    let debit = m.debit_column.as_deref().map(|a| col(a, "debit_column"));
    let credit = m.credit_column.as_deref().map(|a| col(a, "credit_column"));
    let descr: Vec<Option<Col>> = m
        .description_columns
        .iter()
        .map(|d| col(d, "description_columns"))
        .collect();
    let reference = m.reference_column.as_deref().map(|r| col(r, "reference_column"));
    let party = m.counterparty_column.as_deref().map(|r| col(r, "counterparty_column"));
    let amounts = match (amount, debit, credit) {
        (Some(Some(a)), None, None) => Some(Amounts::Signed(a)),
        (None, Some(Some(debit)), Some(Some(credit))) => Some(Amounts::DebitCredit { debit, credit }),
        (Some(_), None, None) | (None, Some(_), Some(_)) => None, // unknown column, reported
        _ => {
            problems.push(ParseProblem::new(
                "csv_mapping.amount_column",
                "amount_columns",
                "name either amount_column (one signed amount) or both debit_column and credit_column, not both and not neither",
            ));
            None
        }
    };
    match (date, amounts) {
        (Some(date), Some(amounts)) if problems.is_empty() => Ok((
            date,
            amounts,
            descr.into_iter().flatten().collect(),
            reference.flatten(),
            party.flatten(),
        )),
        _ => Err(problems),
    }
}

/// A CSV amount: spaces around, an optional sign or parentheses, thousands separators.
fn csv_amount(v: &str, decimal_comma: bool) -> Option<Decimal> {
    let v = v.trim();
    let (negative, v) = match v.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) => (true, inner.trim()),
        None => (false, v),
    };
    let (minus, v) = if let Some(r) = v.strip_prefix('-') {
        (true, r.trim_start())
    } else if let Some(r) = v.strip_prefix('+') {
        (false, r.trim_start())
    } else {
        (false, v)
    };
    let (thousands, decimal) = if decimal_comma { ('.', ',') } else { (',', '.') };
    let cleaned: String = v
        .chars()
        .filter(|&c| c != thousands && c != ' ' && c != '\u{a0}')
        .map(|c| if c == decimal { '.' } else { c })
        .collect();
    let d = plain_decimal(&cleaned)?;
    Some(if negative != minus { -d } else { d })
}
