//! OFX reader: 1.x SGML (`OFXHEADER:100` … `<OFX>`, leaf tags mostly unclosed) and 2.x XML
//! (`<?xml …?><?OFX …?>`) with one tolerant tag tokenizer, no crate: a value ends at the
//! next `<` or at the end of its line; an aggregate is a tag followed by another tag, and
//! one closed only implicitly (by an outer closing tag) was an empty leaf after all, so its
//! would-be children are put back beside it. A file without header (starting at `<OFX>`)
//! reads the same. Bytes that are not UTF-8 are read as latin-1 (`CHARSET:1252` exports).
//!
//! Each `STMTRS` (bank) and `CCSTMTRS` (credit card) is a statement; each `STMTTRN` a line
//! whose `TRNAMT` is signed as written. `LEDGERBAL` is read as balance `CLBD`, `AVAILBAL`
//! as `CLAV`; an empty or missing `BALAMT` gives no balance at all. A `STATUS` of severity
//! `ERROR` anywhere is the bank's own refusal and is reported as `bank_error`. Problems
//! name `line N`, the file's 1-based line. `<!DOCTYPE`/`<!ENTITY` are refused
//! (`dtd_refused`); the predefined entities and numeric references are decoded, any other
//! `&name;` is left as written.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

use super::common::{decode_lossless, echo, refuse, signed_decimal, valid_iban, Problems};
use super::{Parsed, ParsedBalance, ParsedLine, ParsedStatement, StatementFile};

/// Open aggregates deeper than this are no OFX (real files nest about 8 deep).
const MAX_DEPTH: usize = 128;

#[derive(Debug, Default)]
struct Node {
    name: String,
    /// `Some` for a leaf (possibly empty), `None` for an aggregate.
    value: Option<String>,
    children: Vec<Node>,
    line: usize,
}

impl Node {
    fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    fn at(&self, path: &[&str]) -> Option<&Node> {
        path.iter().try_fold(self, |n, name| n.child(name))
    }

    /// The leaf at `path` with its trimmed value (possibly empty) and line.
    fn leaf(&self, path: &[&str]) -> Option<(&str, usize)> {
        let n = self.at(path)?;
        Some((n.value.as_deref().unwrap_or("").trim(), n.line))
    }

    /// The non-empty trimmed value at `path`.
    fn text(&self, path: &[&str]) -> Option<String> {
        self.leaf(path)
            .map(|(v, _)| v)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    }

    /// Every node below this one, depth first in file order.
    fn descendants(&self) -> Vec<&Node> {
        let mut out = Vec::new();
        let mut todo: Vec<&Node> = self.children.iter().rev().collect();
        while let Some(n) = todo.pop() {
            out.push(n);
            todo.extend(n.children.iter().rev());
        }
        out
    }
}

/// Reads an OFX file. See the module documentation.
pub fn parse(bytes: &[u8]) -> Parsed {
    let text = decode_lossless(bytes);
    let root = tokenize(&text)?;
    let Some(ofx) = root.child("OFX") else {
        return refuse(
            "file",
            "not_ofx",
            "the file has no <OFX> element: this is not an OFX file",
        );
    };
    for n in ofx.descendants() {
        if n.name == "STATUS"
            && n.text(&["SEVERITY"])
                .is_some_and(|s| s.eq_ignore_ascii_case("ERROR"))
        {
            let code = n.text(&["CODE"]).unwrap_or_default();
            let message = n
                .text(&["MESSAGE"])
                .unwrap_or_else(|| "no message".to_owned());
            return refuse(
                format!("line {}", n.line),
                "bank_error",
                format!(
                    "the bank reported an error instead of a statement (code {code}): {message}"
                ),
            );
        }
    }
    let mut problems = Problems::default();
    let mut statements = Vec::new();
    let (mut banks, mut cards) = (0usize, 0usize);
    for n in ofx.descendants() {
        if problems.full() {
            break;
        }
        let path = match n.name.as_str() {
            "STMTRS" => {
                banks += 1;
                format!("STMTRS[{banks}]")
            }
            "CCSTMTRS" => {
                cards += 1;
                format!("CCSTMTRS[{cards}]")
            }
            _ => continue,
        };
        statements.push(read_statement(n, path, &mut problems));
    }
    if !problems.is_empty() {
        return Err(problems.0);
    }
    if statements.is_empty() {
        return refuse(
            format!("line {}", ofx.line),
            "no_statement",
            "the OFX file holds no statement (no STMTRS or CCSTMTRS): nothing to import",
        );
    }
    Ok(StatementFile { statements })
}

fn decode_entities(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp + 1..).unwrap_or("");
        let semi = after.find(';').filter(|&s| s <= 10);
        let decoded = semi.and_then(|s| {
            let name = after.get(..s)?;
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                _ => {
                    let body = name.strip_prefix('#')?;
                    let n = match body.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => body.parse::<u32>().ok()?,
                    };
                    char::from_u32(n).filter(|&c| c != '\0')?
                }
            };
            Some((c, s))
        });
        match decoded {
            Some((c, s)) => {
                out.push(c);
                rest = after.get(s + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn count_lines(s: &str) -> usize {
    s.bytes().filter(|&b| b == b'\n').count()
}

/// Closes the top node of `stack` into its parent. An aggregate that was never closed
/// explicitly becomes an empty leaf and its children follow it in the parent.
fn close_top(stack: &mut Vec<Node>, explicit: bool) {
    let Some(mut node) = stack.pop() else { return };
    let Some(parent) = stack.last_mut() else {
        stack.push(node);
        return;
    };
    if explicit {
        parent.children.push(node);
    } else {
        let children = std::mem::take(&mut node.children);
        node.value = Some(String::new());
        parent.children.push(node);
        parent.children.extend(children);
    }
}

/// The file as a tree under a nameless root.
fn tokenize(s: &str) -> Result<Node, Vec<super::ParseProblem>> {
    let mut stack: Vec<Node> = vec![Node::default()];
    let mut i = 0usize;
    let mut line = 1usize;
    while let Some(rel) = s.get(i..).and_then(|r| r.find('<')) {
        let lt = i + rel;
        line += count_lines(s.get(i..lt).unwrap_or(""));
        i = lt;
        let rest = s.get(i..).unwrap_or("");
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(rest.len(), |e| e + 3);
            line += count_lines(rest.get(..end).unwrap_or(""));
            i += end;
            continue;
        }
        if let Some(decl) = rest.strip_prefix("<!") {
            let word: String = decl
                .chars()
                .take(8)
                .collect::<String>()
                .to_ascii_uppercase();
            if ["DOCTYPE", "ENTITY", "ELEMENT", "ATTLIST"]
                .iter()
                .any(|w| word.starts_with(w))
            {
                return refuse(
                    format!("line {line}"),
                    "dtd_refused",
                    "document type declarations and entity declarations are refused",
                );
            }
        }
        if rest.starts_with("<?") || rest.starts_with("<!") {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            line += count_lines(rest.get(..end).unwrap_or(""));
            i += end;
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let tag = rest.get(1..gt).unwrap_or("");
        let tag_line = line;
        line += count_lines(tag);
        i += gt + 1;
        if let Some(close) = tag.strip_prefix('/') {
            let name = close.trim().to_ascii_uppercase();
            if let Some(k) = stack.iter().skip(1).rposition(|n| n.name == name) {
                let k = k + 1;
                while stack.len() > k + 1 {
                    close_top(&mut stack, false);
                }
                close_top(&mut stack, true);
            }
            continue;
        }
        let self_closing = tag.ends_with('/');
        let name = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        if name.is_empty() {
            continue;
        }
        let after = s.get(i..).unwrap_or("");
        let text_end = after.find('<').unwrap_or(after.len());
        let text = after.get(..text_end).unwrap_or("");
        let value = text.split('\n').next().unwrap_or("").trim();
        let Some(top) = stack.last_mut() else { break };
        let leaf = |v: String| Node {
            name: name.clone(),
            value: Some(v),
            children: Vec::new(),
            line: tag_line,
        };
        if self_closing {
            top.children.push(leaf(String::new()));
        } else if !value.is_empty() {
            top.children.push(leaf(decode_entities(value)));
        } else if text.trim().is_empty() && closes(after.get(text_end..).unwrap_or(""), &name) {
            top.children.push(leaf(String::new()));
        } else {
            if stack.len() > MAX_DEPTH {
                return refuse(
                    format!("line {tag_line}"),
                    "not_ofx",
                    format!("tags nest deeper than {MAX_DEPTH}: this is not an OFX file"),
                );
            }
            stack.push(Node {
                name,
                value: None,
                children: Vec::new(),
                line: tag_line,
            });
        }
    }
    if let Some(open) = stack.iter().skip(1).find(|n| n.name == "OFX") {
        return refuse(
            format!("line {line}"),
            "not_well_formed",
            format!(
                "the file ends before the <OFX> opened on line {} is closed: it is cut short",
                open.line
            ),
        );
    }
    while stack.len() > 1 {
        close_top(&mut stack, false);
    }
    Ok(stack.pop().unwrap_or_default())
}

/// Whether `rest` starts with `</NAME>` (any case, spaces allowed before `>`).
fn closes(rest: &str, name: &str) -> bool {
    let Some(r) = rest.strip_prefix("</") else {
        return false;
    };
    let Some(gt) = r.find('>') else { return false };
    r.get(..gt)
        .is_some_and(|n| n.trim().eq_ignore_ascii_case(name))
}

/// `TRNAMT`/`BALAMT`: an optional sign, digits, one optional `.` (or `,`) and digits.
/// A missing integer part (`-.50`, which some banks write) reads as `0`.
fn ofx_amount(v: &str) -> Option<Decimal> {
    let v = if !v.contains('.') && v.matches(',').count() == 1 {
        v.replace(',', ".")
    } else {
        v.to_owned()
    };
    let (sign, digits) = match v.strip_prefix(['-', '+']) {
        Some(rest) => (v.get(..1).unwrap_or(""), rest),
        None => ("", v.as_str()),
    };
    if digits.starts_with('.') {
        signed_decimal(&format!("{sign}0{digits}"))
    } else {
        signed_decimal(&v)
    }
}

/// `YYYYMMDD[HHMMSS[.XXX][[gmt offset[:tz name]]]]`: the date part, as written.
fn ofx_date(v: &str) -> Option<NaiveDate> {
    let date = v.get(..8)?;
    if !date.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = v.get(8..)?;
    if !rest.is_empty() && !rest.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == '[') {
        return None;
    }
    NaiveDate::parse_from_str(date, "%Y%m%d").ok()
}

/// An optional date leaf; `bad_date` when written but not a date.
fn opt_date(node: &Node, path: &[&str], problems: &mut Problems) -> Option<NaiveDate> {
    let (v, line) = node.leaf(path)?;
    if v.is_empty() {
        return None;
    }
    let d = ofx_date(v);
    if d.is_none() {
        problems.push(
            format!("line {line}"),
            "bad_date",
            format!(
                "{} {:?} is not an OFX date (YYYYMMDD…)",
                path.last().unwrap_or(&""),
                echo(v)
            ),
        );
    }
    d
}

fn read_statement(st: &Node, path: String, problems: &mut Problems) -> ParsedStatement {
    let currency = st.text(&["CURDEF"]);
    let account_number = st
        .text(&["BANKACCTFROM", "ACCTID"])
        .or_else(|| st.text(&["CCACCTFROM", "ACCTID"]));
    let list = st.child("BANKTRANLIST");
    let from = list.and_then(|l| opt_date(l, &["DTSTART"], problems));
    let to = list.and_then(|l| opt_date(l, &["DTEND"], problems));
    let mut lines = Vec::new();
    if let Some(list) = list {
        for trn in list.children.iter().filter(|c| c.name == "STMTTRN") {
            if problems.full() {
                break;
            }
            if let Some(l) = read_line(trn, currency.as_deref().unwrap_or(""), problems) {
                lines.push(l);
            }
        }
    }
    let mut balances = Vec::new();
    for (tag, code) in [("LEDGERBAL", "CLBD"), ("AVAILBAL", "CLAV")] {
        let Some(bal) = st.child(tag) else { continue };
        let Some((v, line)) = bal.leaf(&["BALAMT"]) else {
            continue;
        };
        if v.is_empty() {
            continue;
        }
        let date = opt_date(bal, &["DTASOF"], problems);
        match ofx_amount(v) {
            Some(amount) => balances.push(ParsedBalance {
                code: code.to_owned(),
                amount,
                currency: currency.clone().unwrap_or_default(),
                date,
            }),
            None => problems.push(
                format!("line {line}"),
                "bad_amount",
                format!("{tag}/BALAMT {:?} is not an amount", echo(v)),
            ),
        }
    }
    ParsedStatement {
        path,
        bank_statement_id: None,
        account_iban: account_number.as_deref().and_then(valid_iban),
        account_number,
        currency,
        from,
        to,
        balances,
        lines,
    }
}

fn read_line(trn: &Node, curdef: &str, problems: &mut Problems) -> Option<ParsedLine> {
    let amount = match trn.leaf(&["TRNAMT"]) {
        None => {
            problems.push(
                format!("line {}", trn.line),
                "bad_amount",
                "the STMTTRN has no TRNAMT",
            );
            None
        }
        Some((v, line)) => {
            let a = ofx_amount(v);
            if a.is_none() {
                problems.push(
                    format!("line {line}"),
                    "bad_amount",
                    format!(
                        "TRNAMT {:?} is not an amount (an optional sign, digits, '.' and digits)",
                        echo(v)
                    ),
                );
            }
            a
        }
    };
    let booked_on = match trn.leaf(&["DTPOSTED"]) {
        None => {
            problems.push(
                format!("line {}", trn.line),
                "missing_date",
                "the STMTTRN has no DTPOSTED",
            );
            None
        }
        Some(("", line)) => {
            problems.push(format!("line {line}"), "missing_date", "DTPOSTED is empty");
            None
        }
        Some(_) => opt_date(trn, &["DTPOSTED"], problems),
    };
    let value_on = opt_date(trn, &["DTUSER"], problems);
    let currency = trn
        .text(&["CURRENCY", "CURSYM"])
        .or_else(|| trn.text(&["ORIGCURRENCY", "CURSYM"]))
        .unwrap_or_else(|| curdef.to_owned());
    let name = trn.text(&["NAME"]);
    let payee = trn.text(&["PAYEE", "NAME"]);
    let memo = trn.text(&["MEMO"]);
    let (counterparty_name, description) = match payee {
        Some(p) => {
            let d: Vec<String> = name.into_iter().chain(memo).collect();
            (Some(p), (!d.is_empty()).then(|| d.join(" ")))
        }
        None => (name, memo),
    };
    Some(ParsedLine {
        path: format!("line {}", trn.line),
        booked_on: booked_on?,
        value_on,
        amount: amount?,
        currency,
        description,
        structured_reference: trn.text(&["CHECKNUM"]).or_else(|| trn.text(&["REFNUM"])),
        counterparty_name,
        counterparty_account: None,
        bank_reference: trn.text(&["FITID"]),
        end_to_end_id: None,
        bank_transaction_code: trn.text(&["TRNTYPE"]),
        status: None,
        details: Value::Null,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    const DIR: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/bank-statements/ofx"
    );
    const GOOD: [&str; 4] = [
        "multiple_accounts.ofx",
        "anzcc.ofx",
        "checking.ofx",
        "bank_medium.ofx",
    ];

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(format!("{DIR}/{name}")).unwrap()
    }

    fn codes(r: &Parsed) -> Vec<&'static str> {
        r.as_ref()
            .err()
            .map(|ps| ps.iter().map(|p| p.code).collect())
            .unwrap_or_default()
    }

    fn all(re: &str, text: &str) -> Vec<String> {
        Regex::new(re)
            .unwrap()
            .captures_iter(text)
            .map(|c| c[1].trim().to_owned())
            .collect()
    }

    /// What a plain regex sees in the file, compared with the reading.
    fn check_against_regex(name: &str) -> StatementFile {
        let bytes = fixture(name);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let f = parse(&bytes).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let stmts = Regex::new(r"<(STMTRS|CCSTMTRS)>")
            .unwrap()
            .find_iter(&text)
            .count();
        assert_eq!(f.statements.len(), stmts, "{name}");
        let acctids = all(r"<ACCTID>([^<\r\n]+)", &text);
        let got: Vec<String> = f
            .statements
            .iter()
            .map(|s| s.account_number.clone().unwrap())
            .collect();
        assert_eq!(got, acctids, "{name}");
        let amounts = all(r"<TRNAMT>([^<\r\n]+)", &text);
        let got: Vec<String> = f
            .statements
            .iter()
            .flat_map(|s| s.lines.iter().map(|l| l.amount.to_string()))
            .collect();
        assert_eq!(got, amounts, "{name}");
        let ledger = all(r"<LEDGERBAL>\s*<BALAMT>([^<\r\n]+)", &text);
        let got: Vec<String> = f
            .statements
            .iter()
            .flat_map(|s| {
                s.balances
                    .iter()
                    .filter(|b| b.code == "CLBD")
                    .map(|b| b.amount.to_string())
            })
            .collect();
        assert_eq!(got, ledger, "{name}");
        let avail = all(r"<AVAILBAL>\s*<BALAMT>([^<\r\n]+)", &text);
        let got: Vec<String> = f
            .statements
            .iter()
            .flat_map(|s| {
                s.balances
                    .iter()
                    .filter(|b| b.code == "CLAV")
                    .map(|b| b.amount.to_string())
            })
            .collect();
        assert_eq!(got, avail, "{name}");
        f
    }

    #[test]
    fn multiple_accounts() {
        let f = check_against_regex("multiple_accounts.ofx");
        assert_eq!(f.statements.len(), 2);
        assert_eq!(f.statements[0].path, "STMTRS[1]");
        assert_eq!(f.statements[1].account_number.as_deref(), Some("9200"));
        assert!(f.statements.iter().all(|s| s.lines.is_empty()));
        assert_eq!(f.statements[1].balances[0].amount.to_string(), "222");
        assert_eq!(
            f.statements[1].balances[0].date,
            NaiveDate::from_ymd_opt(2012, 6, 3)
        );
        assert_eq!(f.statements[1].currency.as_deref(), Some("USD"));
    }

    #[test]
    fn anz_credit_card() {
        let f = check_against_regex("anzcc.ofx");
        let st = &f.statements[0];
        assert_eq!(st.path, "CCSTMTRS[1]");
        assert_eq!(st.account_number.as_deref(), Some("1234123412341234"));
        assert_eq!(st.currency.as_deref(), Some("AUD"));
        assert_eq!(st.from, NaiveDate::from_ymd_opt(2017, 3, 11));
        assert_eq!(st.to, NaiveDate::from_ymd_opt(2017, 5, 9));
        let l = &st.lines[0];
        assert_eq!(l.amount.to_string(), "-5.50");
        assert_eq!(l.booked_on, NaiveDate::from_ymd_opt(2017, 5, 8).unwrap());
        assert_eq!(l.value_on, NaiveDate::from_ymd_opt(2017, 5, 8));
        assert_eq!(l.bank_reference.as_deref(), Some("201705080001"));
        assert_eq!(l.bank_transaction_code.as_deref(), Some("DEBIT"));
        assert_eq!(l.description.as_deref(), Some("SOME MEMO"));
        assert_eq!(l.currency, "AUD");
        assert_eq!(l.path, "line 29");
        assert_eq!(st.balances[0].amount.to_string(), "-123.45");
    }

    #[test]
    fn checking_sgml() {
        let f = check_against_regex("checking.ofx");
        let st = &f.statements[0];
        assert_eq!(st.account_number.as_deref(), Some("1452687~7"));
        assert_eq!(st.account_iban, None);
        assert_eq!(st.lines.len(), 3);
        let l = &st.lines[2];
        assert_eq!(l.structured_reference.as_deref(), Some("319"));
        assert_eq!(
            l.counterparty_name.as_deref(),
            Some("RETURNED CHECK FEE, CHECK # 319")
        );
        assert_eq!(
            l.description.as_deref(),
            Some("RETURNED CHECK FEE, CHECK # 319 FOR $45.33 ON 04/07/11")
        );
        assert_eq!(st.from, NaiveDate::from_ymd_opt(2000, 1, 1));
    }

    #[test]
    fn bank_medium_on_few_lines() {
        let f = check_against_regex("bank_medium.ofx");
        let st = &f.statements[0];
        assert_eq!(st.account_number.as_deref(), Some("12300 000012345678"));
        assert_eq!(st.lines.len(), 3);
        assert_eq!(
            st.lines[0].counterparty_name.as_deref(),
            Some("MCDONALD'S #112")
        );
        assert_eq!(
            st.lines[0].booked_on,
            NaiveDate::from_ymd_opt(2009, 4, 1).unwrap()
        );
        assert_eq!(st.lines[1].amount.to_string(), "-316.67");
        assert_eq!(st.lines[1].path, "line 16");
    }

    #[test]
    fn bank_error_and_empty_ofx() {
        let ps = parse(&fixture("error_message.ofx")).unwrap_err();
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].code, "bank_error");
        assert!(ps[0].message.contains("General Server Error") && ps[0].message.contains("2000"));
        assert_eq!(ps[0].field, "line 22");
        assert_eq!(codes(&parse(&fixture("bank_small.ofx"))), ["no_statement"]);
        assert_eq!(codes(&parse(b"hello")), ["not_ofx"]);
        assert_eq!(codes(&parse(b"")), ["not_ofx"]);
    }

    #[test]
    fn amount_forms() {
        let got: Vec<Option<String>> = [
            "-5.50", "+3", "-.50", ".5", "1,25", "$120", "1,234.56", "", "-", "1e3",
        ]
        .iter()
        .map(|v| ofx_amount(v).map(|d| d.to_string()))
        .collect();
        let want: Vec<Option<String>> = [
            Some("-5.50"),
            Some("3"),
            Some("-0.50"),
            Some("0.5"),
            Some("1.25"),
            None,
            None,
            None,
            None,
            None,
        ]
        .iter()
        .map(|o| o.map(str::to_owned))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn bad_files() {
        let ps = parse(&fixture("bad/decimal_error.ofx")).unwrap_err();
        let amount = ps.iter().find(|p| p.code == "bad_amount").unwrap();
        assert_eq!(amount.field, "line 37");
        assert!(amount.message.contains("$120"));
        // Its DTPOSTED 201120000000 (month 20) is no date either.
        assert!(ps
            .iter()
            .any(|p| p.code == "bad_date" && p.field == "line 36"));

        let ps = parse(&fixture("bad/date_missing.ofx")).unwrap_err();
        let got: Vec<(&str, &str)> = ps.iter().map(|p| (p.field.as_str(), p.code)).collect();
        assert_eq!(
            got,
            [
                ("line 33", "missing_date"),
                ("line 42", "missing_date"),
                ("line 50", "bad_date")
            ]
        );

        let f = parse(&fixture("bad/empty_balance.ofx")).unwrap();
        let st = &f.statements[0];
        assert_eq!(st.lines.len(), 1);
        assert_eq!(st.lines[0].amount.to_string(), "120");
        assert_eq!(st.currency.as_deref(), Some("CAD"));
        assert!(st.balances.is_empty(), "{:?}", st.balances);
    }

    #[test]
    fn dtd_entities_latin1_and_truncation() {
        let ofx = String::from_utf8(fixture("anzcc.ofx")).unwrap();
        let evil = ofx.replacen(
            "<OFX>",
            "<!DOCTYPE OFX [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><OFX>",
            1,
        );
        assert_eq!(codes(&parse(evil.as_bytes())), ["dtd_refused"]);
        let amp = ofx.replace("SOME MEMO", "A &amp; B &x; &#233;");
        let f = parse(amp.as_bytes()).unwrap();
        assert_eq!(
            f.statements[0].lines[0].description.as_deref(),
            Some("A & B &x; é")
        );
        let mut latin1 = ofx.replace("SOME MEMO", "CAF").into_bytes();
        let at = latin1.windows(3).position(|w| w == b"CAF").unwrap() + 3;
        latin1.insert(at, 0xC9);
        let f = parse(&latin1).unwrap();
        assert_eq!(
            f.statements[0].lines[0].description.as_deref(),
            Some("CAFÉ")
        );
        let cut = &ofx.as_bytes()[..ofx.len() - 10];
        assert_eq!(codes(&parse(cut)), ["not_well_formed"]);
    }

    fn fixtures() -> Vec<Vec<u8>> {
        GOOD.iter()
            .chain(&[
                "error_message.ofx",
                "bank_small.ofx",
                "bad/date_missing.ofx",
                "bad/decimal_error.ofx",
                "bad/empty_balance.ofx",
            ])
            .map(|n| fixture(n))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = parse(&bytes);
        }

        #[test]
        fn never_panics_on_tag_soup(parts in proptest::collection::vec(
            prop_oneof![Just("<STMTRS>"), Just("</STMTRS>"), Just("<STMTTRN>"), Just("</STMTTRN>"), Just("<TRNAMT>"),
                        Just("1.5"), Just("<DTPOSTED>"), Just("2020"), Just("\n"), Just("<OFX>"), Just("</OFX>"),
                        Just("<LEDGERBAL>"), Just("<BALAMT>"), Just("&amp;"), Just("<"), Just(">"), Just("é")], 0..200)) {
            let _ = parse(parts.concat().as_bytes());
        }

        #[test]
        fn never_panics_on_truncations_and_flips(which in 0usize..9, cut in any::<prop::sample::Index>(),
                                                 flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8)) {
            let all = fixtures();
            let f = &all[which % all.len()];
            let _ = parse(&f[..cut.index(f.len() + 1)]);
            let mut g = f.clone();
            for (i, b) in flips {
                let at = i.index(g.len());
                g[at] = b;
            }
            let _ = parse(&g);
        }
    }
}
