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
                format!(
                    "the delimiter {:?} is not one of ',', ';', '|' or a tab (\"\\t\" or \"tab\")",
                    echo(other)
                ),
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
        usize::try_from(l)
            .unwrap_or(usize::MAX)
            .saturating_add(skipped)
    };

    let header: Option<Vec<String>> = if mapping.has_header == Some(false) {
        None
    } else {
        match records.next() {
            Some(Ok(r)) => Some(r.iter().map(|h| h.trim().to_owned()).collect()),
            Some(Err(e)) => {
                return refuse(
                    format!("line {}", skipped + 1),
                    "not_well_formed",
                    format!("the header row is not CSV: {e}"),
                )
            }
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
                    usize::try_from(p.line())
                        .unwrap_or(usize::MAX)
                        .saturating_add(skipped)
                });
                problems.push(
                    format!("line {l}"),
                    "not_well_formed",
                    format!("the row is not CSV: {e}"),
                );
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
            problems.push(
                &at,
                "missing_date",
                format!("column {:?} is empty: the row has no date", date_col.label),
            );
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
                let d = if dv.is_empty() {
                    None
                } else {
                    Some(csv_amount(dv, decimal_comma))
                };
                let c = if cv.is_empty() {
                    None
                } else {
                    Some(csv_amount(cv, decimal_comma))
                };
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
                            format!(
                                "columns {:?} and {:?} are both empty: the row has no amount",
                                debit.label, credit.label
                            ),
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

        let descr: Vec<&str> = descr_cols
            .iter()
            .map(&field)
            .filter(|v| !v.is_empty())
            .collect();
        let (Some(booked_on), Some(amount)) = (booked_on, amount) else {
            continue;
        };
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
        return refuse(
            "file",
            "no_statement",
            "the CSV file has no bank lines: nothing to import",
        );
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
fn resolve_mapping(
    m: &CsvMapping,
    header: Option<&[String]>,
) -> Result<Resolved, Vec<ParseProblem>> {
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
                    None => format!(
                        "{:?} is not a 1-based column number (the file has no header row)",
                        echo(wanted)
                    ),
                };
                problems.push(ParseProblem::new(
                    format!("csv_mapping.{field}"),
                    "unknown_column",
                    why,
                ));
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
    let reference = m
        .reference_column
        .as_deref()
        .map(|r| col(r, "reference_column"));
    let party = m
        .counterparty_column
        .as_deref()
        .map(|r| col(r, "counterparty_column"));
    let amounts = match (amount, debit, credit) {
        (Some(Some(a)), None, None) => Some(Amounts::Signed(a)),
        (None, Some(Some(debit)), Some(Some(credit))) => {
            Some(Amounts::DebitCredit { debit, credit })
        }
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
    let (thousands, decimal) = if decimal_comma {
        ('.', ',')
    } else {
        (',', '.')
    };
    let cleaned: String = v
        .chars()
        .filter(|&c| c != thousands && c != ' ' && c != '\u{a0}')
        .map(|c| if c == decimal { '.' } else { c })
        .collect();
    let d = plain_decimal(&cleaned)?;
    Some(if negative != minus { -d } else { d })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn mapping() -> CsvMapping {
        CsvMapping {
            date_column: "Date".into(),
            date_format: "%Y-%m-%d".into(),
            amount_column: Some("Amount".into()),
            debit_column: None,
            credit_column: None,
            decimal_separator: None,
            description_columns: vec!["Text".into(), "More".into()],
            reference_column: Some("Ref".into()),
            counterparty_column: Some("Party".into()),
            skip_rows: 0,
            has_header: None,
            delimiter: None,
        }
    }

    fn amounts(f: &StatementFile) -> Vec<String> {
        f.statements[0]
            .lines
            .iter()
            .map(|l| l.amount.to_string())
            .collect()
    }

    #[test]
    fn signed_amounts() {
        let csv = "Date,Amount,Text,More,Ref,Party\n\
                   2024-01-02,\"1,234.50\",Invoice 7,,R1,ACME Ltd\n\
                   ,,,,,\n\
                   2024-01-03, -12.30 ,Fee,bank,R2,\n\
                   2024-01-04,(7.25),Refund, ,,\n\
                   2024-01-05,+0.10,,,,\n";
        let f = parse(csv.as_bytes(), &mapping()).unwrap();
        assert_eq!(amounts(&f), ["1234.50", "-12.30", "-7.25", "0.10"]);
        let st = &f.statements[0];
        assert_eq!(st.currency, None);
        assert!(st.balances.is_empty() && st.account_iban.is_none());
        let l = &st.lines[0];
        assert_eq!(l.path, "line 2");
        assert_eq!(l.currency, "");
        assert_eq!(l.description.as_deref(), Some("Invoice 7"));
        assert_eq!(l.bank_reference.as_deref(), Some("R1"));
        assert_eq!(l.counterparty_name.as_deref(), Some("ACME Ltd"));
        assert_eq!(st.lines[1].path, "line 4");
        assert_eq!(st.lines[1].description.as_deref(), Some("Fee bank"));
        assert_eq!(st.lines[1].counterparty_name, None);
        assert_eq!(
            st.lines[2].booked_on,
            NaiveDate::from_ymd_opt(2024, 1, 4).unwrap()
        );
    }

    #[test]
    fn debit_credit_with_decimal_comma_semicolons_and_a_preamble() {
        let csv = "Kontoauszug;Girokonto\nZeitraum;Januar\n\n\
                   Buchungstag ; Soll ; Haben ; Verwendungszweck\n\
                   02.01.2024;1.234,56;;Miete\n\
                   03.01.2024;;99,90;Gutschrift\n\
                   04.01.2024;-5,00;;Gebühr\n";
        let m = CsvMapping {
            date_column: "Buchungstag".into(),
            date_format: "%d.%m.%Y".into(),
            amount_column: None,
            debit_column: Some("Soll".into()),
            credit_column: Some("Haben".into()),
            decimal_separator: Some(",".into()),
            description_columns: vec!["Verwendungszweck".into()],
            reference_column: None,
            counterparty_column: None,
            skip_rows: 3,
            has_header: Some(true),
            delimiter: Some(";".into()),
        };
        let f = parse(csv.as_bytes(), &m).unwrap();
        assert_eq!(amounts(&f), ["-1234.56", "99.90", "-5.00"]);
        assert_eq!(f.statements[0].lines[0].path, "line 5");
        assert_eq!(
            f.statements[0].lines[2].description.as_deref(),
            Some("Gebühr")
        );
        // A bad amount names its physical line, the column and the value.
        let bad = csv.replace("99,90", "99 EUR");
        let ps = parse(bad.as_bytes(), &m).unwrap_err();
        assert_eq!((ps[0].field.as_str(), ps[0].code), ("line 6", "bad_amount"));
        assert!(
            ps[0].message.contains("Haben") && ps[0].message.contains("99 EUR"),
            "{}",
            ps[0].message
        );
        let both = csv.replace(";;99,90", ";1,00;99,90");
        assert_eq!(
            parse(both.as_bytes(), &m).unwrap_err()[0].code,
            "bad_amount"
        );
    }

    #[test]
    fn positional_columns_without_header_and_tabs() {
        let csv = "2024-03-01\t10.00\tA\n2024-03-02\t-3.5\tB\n";
        let m = CsvMapping {
            date_column: "1".into(),
            amount_column: Some("2".into()),
            description_columns: vec!["3".into()],
            reference_column: None,
            counterparty_column: None,
            has_header: Some(false),
            delimiter: Some("tab".into()),
            ..mapping()
        };
        let f = parse(csv.as_bytes(), &m).unwrap();
        assert_eq!(amounts(&f), ["10.00", "-3.5"]);
        assert_eq!(f.statements[0].lines[1].description.as_deref(), Some("B"));
        assert_eq!(f.statements[0].lines[1].path, "line 2");
        let m2 = CsvMapping {
            delimiter: Some("\t".into()),
            ..m.clone()
        };
        assert!(parse(csv.as_bytes(), &m2).is_ok());
    }

    #[test]
    fn errors_name_the_line_and_the_mapping() {
        let csv = "preamble\nDate,Amount,Text,More,Ref,Party\n2024-01-02,1.00,a,,,\n2024-13-01,2.00,b,,,\n2024-01-03,abc,c,,,\n,5.00,d,,,\n";
        let m = CsvMapping {
            skip_rows: 1,
            ..mapping()
        };
        let ps = parse(csv.as_bytes(), &m).unwrap_err();
        let got: Vec<(&str, &str)> = ps.iter().map(|p| (p.field.as_str(), p.code)).collect();
        assert_eq!(
            got,
            [
                ("line 4", "bad_date"),
                ("line 5", "bad_amount"),
                ("line 6", "missing_date")
            ]
        );
        assert!(ps[1].message.contains("\"Amount\"") && ps[1].message.contains("abc"));

        let long = format!("Date,Amount\n2024-01-01,{}\n", "x".repeat(100));
        let m = CsvMapping {
            description_columns: vec![],
            reference_column: None,
            counterparty_column: None,
            ..mapping()
        };
        let ps = parse(long.as_bytes(), &m).unwrap_err();
        assert!(ps[0].message.chars().count() < 100, "{}", ps[0].message);

        let unknown = CsvMapping {
            date_column: "When".into(),
            ..mapping()
        };
        let ps = parse(b"Date,Amount,Text,More,Ref,Party\n", &unknown).unwrap_err();
        assert_eq!(
            (ps[0].field.as_str(), ps[0].code),
            ("csv_mapping.date_column", "unknown_column")
        );
        let neither = CsvMapping {
            amount_column: None,
            ..mapping()
        };
        let ps = parse(b"Date,Amount,Text,More,Ref,Party\n", &neither).unwrap_err();
        assert_eq!(
            (ps[0].field.as_str(), ps[0].code),
            ("csv_mapping.amount_column", "amount_columns")
        );
        let both = CsvMapping {
            debit_column: Some("Text".into()),
            credit_column: Some("More".into()),
            ..mapping()
        };
        let ps = parse(b"Date,Amount,Text,More,Ref,Party\n", &both).unwrap_err();
        assert_eq!(ps[0].code, "amount_columns");
        // Problems are bounded.
        let many = format!("Date,Amount\n{}", "x,y\n".repeat(500));
        let ps = parse(many.as_bytes(), &m).unwrap_err();
        assert_eq!(ps.len(), super::super::common::MAX_PROBLEMS);
        assert_eq!(
            parse(b"Date,Amount\n", &m).unwrap_err()[0].code,
            "no_statement"
        );
        assert_eq!(parse(b"", &m).unwrap_err()[0].code, "no_statement");
    }

    #[test]
    fn latin1_is_read() {
        let m = CsvMapping {
            reference_column: None,
            counterparty_column: None,
            ..mapping()
        };
        let f = parse(b"Date,Amount,Text,More\n2024-01-01,1.00,Caf\xe9,\n", &m).unwrap();
        assert_eq!(
            f.statements[0].lines[0].description.as_deref(),
            Some("Café")
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048),
                                           skip in 0u32..4, header in any::<Option<bool>>(),
                                           comma in any::<bool>(), positional in any::<bool>(),
                                           format in "[%a-zA-Z:./ -]{0,12}") {
            let m = CsvMapping {
                date_format: format,
                skip_rows: skip,
                has_header: header,
                decimal_separator: Some(if comma { "," } else { "." }.into()),
                date_column: if positional { "1".into() } else { "Date".into() },
                amount_column: Some(if positional { "2".into() } else { "Amount".into() }),
                ..mapping()
            };
            let _ = parse(&bytes, &m);
        }

        #[test]
        fn never_panics_on_any_date_format(format in "[%a-zA-Z0-9:./ #_^+-]{0,12}", date in "[0-9a-zA-Z./ :+-]{0,14}") {
            let m = CsvMapping { date_format: format, ..mapping() };
            let _ = parse(format!("Date,Amount\n{date},1.00\n").as_bytes(), &m);
        }

        #[test]
        fn never_panics_on_csv_like_text(cells in proptest::collection::vec(
            prop_oneof![Just("2024-01-01"), Just("1.00"), Just("(1,5)"), Just("-"), Just("\""), Just(","),
                        Just("\n"), Just(";"), Just("é"), Just("Date"), Just("Amount"), Just("99999999999999999999999999999")], 0..100)) {
            let _ = parse(cells.concat().as_bytes(), &mapping());
        }
    }
}
