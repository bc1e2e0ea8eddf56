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
        self.leaf(path).map(|(v, _)| v).filter(|v| !v.is_empty()).map(str::to_owned)
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
        return refuse("file", "not_ofx", "the file has no <OFX> element: this is not an OFX file");
    };
    for n in ofx.descendants() {
        if n.name == "STATUS" && n.text(&["SEVERITY"]).is_some_and(|s| s.eq_ignore_ascii_case("ERROR")) {
            let code = n.text(&["CODE"]).unwrap_or_default();
            let message = n.text(&["MESSAGE"]).unwrap_or_else(|| "no message".to_owned());
            return refuse(
                format!("line {}", n.line),
                "bank_error",
                format!("the bank reported an error instead of a statement (code {code}): {message}"),
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
            let word: String = decl.chars().take(8).collect::<String>().to_ascii_uppercase();
            if ["DOCTYPE", "ENTITY", "ELEMENT", "ATTLIST"].iter().any(|w| word.starts_with(w)) {
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
            format!("the file ends before the <OFX> opened on line {} is closed: it is cut short", open.line),
        );
    }
    while stack.len() > 1 {
        close_top(&mut stack, false);
    }
    Ok(stack.pop().unwrap_or_default())
}

/// Whether `rest` starts with `</NAME>` (any case, spaces allowed before `>`).
fn closes(rest: &str, name: &str) -> bool {
    let Some(r) = rest.strip_prefix("</") else { return false };
    let Some(gt) = r.find('>') else { return false };
    r.get(..gt).is_some_and(|n| n.trim().eq_ignore_ascii_case(name))
}

/// `TRNAMT`/`BALAMT`: an optional sign, digits, one optional `.` (or `,`) and digits.
fn ofx_amount(v: &str) -> Option<Decimal> {
    if !v.contains('.') && v.matches(',').count() == 1 {
        signed_decimal(&v.replace(',', "."))
    } else {
        signed_decimal(v)
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
            format!("{} {:?} is not an OFX date (YYYYMMDD…)", path.last().unwrap_or(&""), echo(v)),
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
        let Some((v, line)) = bal.leaf(&["BALAMT"]) else { continue };
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
            problems.push(format!("line {}", trn.line), "bad_amount", "the STMTTRN has no TRNAMT");
            None
        }
        Some((v, line)) => {
            let a = ofx_amount(v);
            if a.is_none() {
                problems.push(
                    format!("line {line}"),
                    "bad_amount",
                    format!("TRNAMT {:?} is not an amount (an optional sign, digits, '.' and digits)", echo(v)),
                );
            }
            a
        }
    };
    let booked_on = match trn.leaf(&["DTPOSTED"]) {
        None => {
            problems.push(format!("line {}", trn.line), "missing_date", "the STMTTRN has no DTPOSTED");
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
