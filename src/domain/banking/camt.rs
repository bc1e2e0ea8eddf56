//! camt.053 (ISO 20022 BankToCustomerStatement) reader, every version from 001.02 up.
//!
//! Built on quick-xml's streaming `Reader` (into a small element tree of local names), not
//! its serde deserializer nor the `camt053` crate: the crate covers only 001.02/001.08 as
//! the Dutch guidelines constrain them and reduces entries to its own model, and serde
//! structs per version would refuse the optional parts banks vary on; the streaming reader
//! lets us refuse any DOCTYPE and any non-predefined entity ourselves and name each
//! problem's element path.
//!
//! Amounts keep the scale written; a credit (`CRDT`) is positive, a debit (`DBIT`)
//! negative. Currencies are reported, never compared with each other here (the importer
//! compares them with the bank account's). An `Amt` without a `Ccy` gives a line with an
//! empty currency, which the importer fills with the account's.

use chrono::NaiveDate;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::common::{iso_date, iso_date_of_datetime, non_empty, plain_decimal, refuse, Problems};
use super::{ParseProblem, Parsed, ParsedBalance, ParsedLine, ParsedStatement, StatementFile};

/// Deeper than this is no camt.053 (whose deepest paths are around 15 elements).
const MAX_DEPTH: usize = 64;

const NS_PREFIX: &str = "urn:iso:std:iso:20022:tech:xsd:";

/// One element: its local name (prefix dropped), attributes (qualified name, value), the
/// text directly inside it and its child elements.
#[derive(Debug, Default)]
struct El {
    name: String,
    qname: String,
    attrs: Vec<(String, String)>,
    text: String,
    children: Vec<El>,
}

impl El {
    fn child(&self, name: &str) -> Option<&El> {
        self.children.iter().find(|c| c.name == name)
    }

    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a El> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    fn at(&self, path: &[&str]) -> Option<&El> {
        path.iter().try_fold(self, |el, name| el.child(name))
    }

    /// The trimmed text at `path`, when not empty.
    fn text_at(&self, path: &[&str]) -> Option<String> {
        self.at(path).and_then(|e| non_empty(&e.text))
    }

    fn attr(&self, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k.rsplit(':').next() == Some(local) && !k.starts_with("xmlns"))
            .map(|(_, v)| v.as_str())
    }
}

/// Reads a camt.053 file. See the module documentation.
pub fn parse(bytes: &[u8]) -> Parsed {
    let text = decode(bytes)?;
    let root = read_tree(&text)?;
    read_document(&root)
}

/// UTF-8 (BOM dropped); latin-1 only when the declaration says ISO-8859-1 or windows-1252.
fn decode(bytes: &[u8]) -> Result<String, Vec<ParseProblem>> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let head: String = bytes
                .iter()
                .take(200)
                .map(|&b| char::from(b).to_ascii_lowercase())
                .collect();
            let decl = head.split("?>").next().unwrap_or("");
            if decl.contains("iso-8859-1")
                || decl.contains("latin1")
                || decl.contains("windows-1252")
            {
                Ok(bytes.iter().map(|&b| char::from(b)).collect())
            } else {
                let pos = e.valid_up_to();
                refuse(
                    "file",
                    "not_well_formed",
                    format!(
                        "not well-formed XML at {}: the bytes are not UTF-8",
                        position(bytes, pos)
                    ),
                )
            }
        }
    }
}

/// `line L, column C` of a byte offset.
fn position(bytes: &[u8], offset: usize) -> String {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    format!("line {line}, column {col}")
}

fn not_well_formed<T>(
    text: &str,
    offset: u64,
    what: impl std::fmt::Display,
) -> Result<T, Vec<ParseProblem>> {
    let offset = usize::try_from(offset).unwrap_or(usize::MAX);
    refuse(
        "file",
        "not_well_formed",
        format!(
            "not well-formed XML at {}: {what}",
            position(text.as_bytes(), offset)
        ),
    )
}

fn dtd_refused<T>(what: &str) -> Result<T, Vec<ParseProblem>> {
    refuse(
        "file",
        "dtd_refused",
        format!("{what}: document type declarations and entities other than the five predefined XML ones are refused"),
    )
}

fn predefined(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => None,
    }
}

fn char_ref(body: &str) -> Option<char> {
    let n = if let Some(hex) = body.strip_prefix('x') {
        u32::from_str_radix(hex, 16).ok()?
    } else {
        body.parse::<u32>().ok()?
    };
    char::from_u32(n).filter(|&c| c != '\0')
}

/// An attribute value with its references resolved: the predefined five and numeric ones.
fn unescape_attr(raw: &str, text: &str, offset: u64) -> Result<String, Vec<ParseProblem>> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp + 1..).unwrap_or("");
        let Some(semi) = after.find(';') else {
            return not_well_formed(
                text,
                offset,
                "an unterminated reference in an attribute value",
            );
        };
        let name = after.get(..semi).unwrap_or("");
        if let Some(body) = name.strip_prefix('#') {
            match char_ref(body) {
                Some(c) => out.push(c),
                None => {
                    return not_well_formed(
                        text,
                        offset,
                        format!("a bad character reference &{name};"),
                    )
                }
            }
        } else if let Some(c) = predefined(name) {
            out.push(c);
        } else {
            return dtd_refused(&format!("the entity reference &{name}; in an attribute"));
        }
        rest = after.get(semi + 1..).unwrap_or("");
    }
    out.push_str(rest);
    Ok(out)
}

fn element(s: &BytesStart<'_>, text: &str, offset: u64) -> Result<El, Vec<ParseProblem>> {
    let qname = String::from_utf8_lossy(s.name().as_ref()).into_owned();
    let name = qname.rsplit(':').next().unwrap_or(&qname).to_owned();
    let mut attrs = Vec::new();
    for a in s.attributes() {
        let a = match a {
            Ok(a) => a,
            Err(e) => return not_well_formed(text, offset, e),
        };
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let raw = String::from_utf8_lossy(&a.value).into_owned();
        attrs.push((key, unescape_attr(&raw, text, offset)?));
    }
    Ok(El {
        name,
        qname,
        attrs,
        ..El::default()
    })
}

/// The whole file as a tree; refuses DTDs and unknown entities, and what is not well-formed.
fn read_tree(text: &str) -> Result<El, Vec<ParseProblem>> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<El> = Vec::new();
    let mut root: Option<El> = None;
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            // A DTD in a place quick-xml does not expect is still a DTD: say so.
            Err(_) if text.contains("<!DOCTYPE") || text.contains("<!ENTITY") => {
                return dtd_refused("the file has a DOCTYPE or an entity declaration")
            }
            Err(e) => return not_well_formed(text, reader.error_position(), e),
        };
        let here = reader.buffer_position();
        match event {
            Event::DocType(_) => return dtd_refused("the file has a DOCTYPE"),
            Event::Start(s) | Event::Empty(s) if root.is_some() => {
                let _ = s;
                return not_well_formed(text, here, "an element after the root element");
            }
            Event::Start(s) => {
                if stack.len() >= MAX_DEPTH {
                    return refuse(
                        "file",
                        "not_camt053",
                        format!(
                            "elements nest deeper than {MAX_DEPTH}: this is no camt.053 statement"
                        ),
                    );
                }
                stack.push(element(&s, text, here)?);
            }
            Event::Empty(s) => {
                let el = element(&s, text, here)?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => root = Some(el),
                }
            }
            Event::End(_) => {
                let Some(el) = stack.pop() else {
                    return not_well_formed(text, here, "a closing tag without its opening tag");
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => root = Some(el),
                }
            }
            Event::Text(t) => {
                let s = match t.xml10_content() {
                    Ok(s) => s,
                    Err(e) => return not_well_formed(text, here, e),
                };
                match stack.last_mut() {
                    Some(top) => top.text.push_str(&s),
                    None if s.trim().is_empty() => {}
                    None => return not_well_formed(text, here, "text outside the root element"),
                }
            }
            Event::CData(c) => {
                let s = match c.decode() {
                    Ok(s) => s,
                    Err(e) => return not_well_formed(text, here, e),
                };
                match stack.last_mut() {
                    Some(top) => top.text.push_str(&s),
                    None => return not_well_formed(text, here, "CDATA outside the root element"),
                }
            }
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                let c = if let Some(body) = name.strip_prefix('#') {
                    match char_ref(body) {
                        Some(c) => c,
                        None => {
                            return not_well_formed(
                                text,
                                here,
                                format!("a bad character reference &{name};"),
                            )
                        }
                    }
                } else {
                    match predefined(&name) {
                        Some(c) => c,
                        None => return dtd_refused(&format!("the entity reference &{name};")),
                    }
                };
                match stack.last_mut() {
                    Some(top) => top.text.push(c),
                    None => {
                        return not_well_formed(text, here, "a reference outside the root element")
                    }
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    if let Some(open) = stack.last() {
        return not_well_formed(
            text,
            u64::try_from(text.len()).unwrap_or(u64::MAX),
            format!("the file ends before <{}> is closed", open.qname),
        );
    }
    match root {
        Some(r) => Ok(r),
        None => refuse(
            "file",
            "not_well_formed",
            "not well-formed XML: there is no root element",
        ),
    }
}

/// The camt.053 version of the root's namespace, or why it is not one we read.
fn check_version(root: &El) -> Result<u32, Vec<ParseProblem>> {
    if root.name != "Document" {
        return refuse(
            "file",
            "not_camt053",
            format!(
                "the root element is <{}>, not a camt.053 <Document>",
                root.qname
            ),
        );
    }
    let prefix = root.qname.split_once(':').map(|(p, _)| p);
    let ns_attr = match prefix {
        Some(p) => format!("xmlns:{p}"),
        None => "xmlns".to_owned(),
    };
    let Some(ns) = root
        .attrs
        .iter()
        .find(|(k, _)| *k == ns_attr)
        .map(|(_, v)| v.trim())
    else {
        return refuse(
            "file",
            "unknown_version",
            "the Document names no namespace: the camt.053 version (urn:iso:std:iso:20022:tech:xsd:camt.053.001.NN) is unknown",
        );
    };
    let Some(message) = ns.strip_prefix(NS_PREFIX) else {
        return refuse(
            "file",
            "not_camt053",
            format!("the namespace {ns} is not an ISO 20022 one"),
        );
    };
    let Some(version) = message.strip_prefix("camt.053.001.") else {
        return refuse(
            "file",
            "not_camt053",
            format!("the message is {message}, not a camt.053 bank to customer statement"),
        );
    };
    match version.parse::<u32>() {
        Ok(v) if v >= 2 && version.len() == 2 && version.bytes().all(|b| b.is_ascii_digit()) => {
            Ok(v)
        }
        _ => refuse(
            "file",
            "unknown_version",
            format!("camt.053.001.{version} is not a version this reader knows (001.02 and later)"),
        ),
    }
}

fn read_document(root: &El) -> Parsed {
    check_version(root)?;
    let Some(msg) = root.child("BkToCstmrStmt") else {
        return refuse(
            "Document",
            "not_camt053",
            "the Document has no BkToCstmrStmt: this is not a bank to customer statement",
        );
    };
    let base = format!("{}/BkToCstmrStmt", root.name);
    let mut problems = Problems::default();
    let mut statements = Vec::new();
    for (i, stmt) in msg.all("Stmt").enumerate() {
        if problems.full() {
            break;
        }
        let short = format!("Stmt[{}]", i + 1);
        let full = format!("{base}/{short}");
        statements.push(read_statement(stmt, short, &full, &mut problems));
    }
    if statements.is_empty() {
        return refuse(
            base,
            "no_statement",
            "the BkToCstmrStmt holds no Stmt: the file carries no statement (nothing to import)",
        );
    }
    if problems.is_empty() {
        Ok(StatementFile { statements })
    } else {
        Err(problems.0)
    }
}

fn read_statement(
    stmt: &El,
    short: String,
    full: &str,
    problems: &mut Problems,
) -> ParsedStatement {
    let from = opt_date(
        stmt.at(&["FrToDt", "FrDtTm"]),
        &format!("{full}/FrToDt/FrDtTm"),
        problems,
    )
    .or_else(|| {
        opt_date(
            stmt.at(&["FrToDt", "FrDt"]),
            &format!("{full}/FrToDt/FrDt"),
            problems,
        )
    });
    let to = opt_date(
        stmt.at(&["FrToDt", "ToDtTm"]),
        &format!("{full}/FrToDt/ToDtTm"),
        problems,
    )
    .or_else(|| {
        opt_date(
            stmt.at(&["FrToDt", "ToDt"]),
            &format!("{full}/FrToDt/ToDt"),
            problems,
        )
    });
    let mut balances = Vec::new();
    for (i, bal) in stmt.all("Bal").enumerate() {
        if let Some(b) = read_balance(bal, &format!("{full}/Bal[{}]", i + 1), problems) {
            balances.push(b);
        }
    }
    let mut lines = Vec::new();
    for (i, ntry) in stmt.all("Ntry").enumerate() {
        if problems.full() {
            break;
        }
        let n = i + 1;
        if let Some(l) = read_entry(
            ntry,
            format!("{short}/Ntry[{n}]"),
            &format!("{full}/Ntry[{n}]"),
            problems,
        ) {
            lines.push(l);
        }
    }
    ParsedStatement {
        path: short,
        bank_statement_id: stmt.text_at(&["Id"]),
        account_iban: stmt
            .text_at(&["Acct", "Id", "IBAN"])
            .map(|s| super::account_identifier(&s)),
        account_number: stmt.text_at(&["Acct", "Id", "Othr", "Id"]),
        currency: stmt.text_at(&["Acct", "Ccy"]),
        from,
        to,
        balances,
        lines,
    }
}

/// A date from an element holding `YYYY-MM-DD` or an ISO date-time; `None` when absent.
fn opt_date(el: Option<&El>, path: &str, problems: &mut Problems) -> Option<NaiveDate> {
    let text = el?.text.trim();
    let date = if text.contains('T') {
        iso_date_of_datetime(text)
    } else {
        iso_date(text)
    };
    if date.is_none() {
        problems.push(
            path,
            "bad_date",
            format!("{:?} is not an ISO date", super::common::echo(text)),
        );
    }
    date
}

/// `Dt/Dt` or `Dt/DtTm` below `parent` (a `Bal`'s `Dt`, a `BookgDt`, a `ValDt`).
fn date_choice(parent: Option<&El>, path: &str, problems: &mut Problems) -> Option<NaiveDate> {
    let parent = parent?;
    if let Some(d) = parent.child("Dt") {
        opt_date(Some(d), &format!("{path}/Dt"), problems)
    } else if let Some(d) = parent.child("DtTm") {
        opt_date(Some(d), &format!("{path}/DtTm"), problems)
    } else {
        problems.push(path, "bad_date", "holds neither Dt nor DtTm");
        None
    }
}

/// The unsigned amount of an `Amt` element and its `Ccy`.
fn amount(el: Option<&El>, path: &str, problems: &mut Problems) -> Option<(Decimal, String)> {
    let Some(el) = el else {
        problems.push(path, "bad_amount", "the amount is missing");
        return None;
    };
    let text = el.text.trim();
    match plain_decimal(text) {
        Some(d) => Some((
            d,
            el.attr("Ccy")
                .map(|c| c.trim().to_owned())
                .unwrap_or_default(),
        )),
        None => {
            problems.push(
                path,
                "bad_amount",
                format!(
                    "{:?} is not a plain decimal amount (digits, optionally one '.' and digits)",
                    super::common::echo(text)
                ),
            );
            None
        }
    }
}

/// `true` for `CRDT`, `false` for `DBIT`.
fn credit(parent: &El, path: &str, problems: &mut Problems) -> Option<bool> {
    match parent.text_at(&["CdtDbtInd"]).as_deref() {
        Some("CRDT") => Some(true),
        Some("DBIT") => Some(false),
        other => {
            problems.push(
                format!("{path}/CdtDbtInd"),
                "bad_credit_debit",
                format!(
                    "the credit/debit indicator is {:?}, not CRDT or DBIT",
                    other.unwrap_or("missing")
                ),
            );
            None
        }
    }
}

fn signed(amount: Decimal, credit: bool) -> Decimal {
    if credit {
        amount
    } else {
        -amount
    }
}

fn read_balance(bal: &El, path: &str, problems: &mut Problems) -> Option<ParsedBalance> {
    let code = bal
        .text_at(&["Tp", "CdOrPrtry", "Cd"])
        .or_else(|| bal.text_at(&["Tp", "CdOrPrtry", "Prtry"]));
    let amt = amount(bal.child("Amt"), &format!("{path}/Amt"), problems);
    let cr = credit(bal, path, problems);
    let date = date_choice(bal.child("Dt"), &format!("{path}/Dt"), problems);
    let Some(code) = code else {
        problems.push(
            format!("{path}/Tp"),
            "bad_balance",
            "the balance has no type code (Tp/CdOrPrtry/Cd)",
        );
        return None;
    };
    let (amount, currency) = amt?;
    Some(ParsedBalance {
        code,
        amount: signed(amount, cr?),
        currency,
        date,
    })
}

fn status(ntry: &El) -> Option<String> {
    let sts = ntry.child("Sts")?;
    if sts.children.is_empty() {
        non_empty(&sts.text)
    } else {
        sts.text_at(&["Cd"]).or_else(|| sts.text_at(&["Prtry"]))
    }
}

fn bank_transaction_code(el: &El) -> Option<String> {
    let bk = el.child("BkTxCd")?;
    if let (Some(d), Some(f), Some(s)) = (
        bk.text_at(&["Domn", "Cd"]),
        bk.text_at(&["Domn", "Fmly", "Cd"]),
        bk.text_at(&["Domn", "Fmly", "SubFmlyCd"]),
    ) {
        return Some(format!("{d}/{f}/{s}"));
    }
    bk.text_at(&["Prtry", "Cd"])
}

/// A party's name: `Nm`, or `Pty/Nm` (v8+).
fn party_name(party: Option<&El>) -> Option<String> {
    let p = party?;
    p.text_at(&["Nm"]).or_else(|| p.text_at(&["Pty", "Nm"]))
}

fn party_account(acct: Option<&El>) -> Option<String> {
    let a = acct?;
    a.text_at(&["Id", "IBAN"])
        .map(|s| super::account_identifier(&s))
        .or_else(|| a.text_at(&["Id", "Othr", "Id"]))
}

/// What one `TxDtls` says, for the line and for `details`.
#[derive(Default)]
struct Tx {
    end_to_end_id: Option<String>,
    amount: Option<(Decimal, String)>,
    remittance: Option<String>,
    structured_reference: Option<String>,
    counterparty_name: Option<String>,
    counterparty_account: Option<String>,
    additional: Option<String>,
}

fn read_tx(tx: &El, entry_credit: Option<bool>, path: &str, problems: &mut Problems) -> Tx {
    // The transaction's own amount: `Amt` (+ `CdtDbtInd`) from v3, `AmtDtls/TxAmt/Amt`.
    let own_credit = if tx.child("CdtDbtInd").is_some() {
        credit(tx, path, problems)
    } else {
        None
    };
    let is_credit = own_credit.or(entry_credit);
    let amount = if let Some(a) = tx.child("Amt") {
        amount(Some(a), &format!("{path}/Amt"), problems)
    } else if let Some(a) = tx.at(&["AmtDtls", "TxAmt", "Amt"]) {
        amount(Some(a), &format!("{path}/AmtDtls/TxAmt/Amt"), problems)
    } else {
        None
    }
    .map(|(a, c)| (signed(a, is_credit.unwrap_or(true)), c));
    let ustrd: Vec<String> = tx
        .child("RmtInf")
        .map(|r| r.all("Ustrd").filter_map(|u| non_empty(&u.text)).collect())
        .unwrap_or_default();
    let structured_reference = tx.child("RmtInf").and_then(|r| {
        r.all("Strd")
            .find_map(|s| s.text_at(&["CdtrRefInf", "Ref"]))
    });
    let parties = tx.child("RltdPties");
    let (name, account) = match (parties, is_credit) {
        (Some(p), Some(true)) => (
            party_name(p.child("Dbtr")),
            party_account(p.child("DbtrAcct")),
        ),
        (Some(p), Some(false)) => (
            party_name(p.child("Cdtr")),
            party_account(p.child("CdtrAcct")),
        ),
        _ => (None, None),
    };
    Tx {
        end_to_end_id: tx
            .text_at(&["Refs", "EndToEndId"])
            .filter(|e| e != "NOTPROVIDED"),
        amount,
        remittance: (!ustrd.is_empty()).then(|| ustrd.join(" ")),
        structured_reference,
        counterparty_name: name,
        counterparty_account: account,
        additional: tx.text_at(&["AddtlTxInf"]),
    }
}

fn tx_json(tx: &Tx) -> Value {
    let mut m = Map::new();
    let mut put = |k: &str, v: &Option<String>| {
        if let Some(v) = v {
            m.insert(k.to_owned(), Value::String(v.clone()));
        }
    };
    put("end_to_end_id", &tx.end_to_end_id);
    put("amount", &tx.amount.as_ref().map(|(a, _)| a.to_string()));
    put(
        "currency",
        &tx.amount
            .as_ref()
            .map(|(_, c)| c.clone())
            .filter(|c| !c.is_empty()),
    );
    put("remittance", &tx.remittance);
    put("structured_reference", &tx.structured_reference);
    put("counterparty_name", &tx.counterparty_name);
    put("counterparty_account", &tx.counterparty_account);
    Value::Object(m)
}

fn read_entry(ntry: &El, short: String, full: &str, problems: &mut Problems) -> Option<ParsedLine> {
    let amt = amount(ntry.child("Amt"), &format!("{full}/Amt"), problems);
    let cr = credit(ntry, full, problems);
    let booked_on = match ntry.child("BookgDt") {
        Some(b) => date_choice(Some(b), &format!("{full}/BookgDt"), problems),
        None => {
            problems.push(
                format!("{full}/BookgDt"),
                "missing_date",
                "the entry has no booking date (BookgDt)",
            );
            None
        }
    };
    let value_on = ntry
        .child("ValDt")
        .and_then(|v| date_choice(Some(v), &format!("{full}/ValDt"), problems));

    let mut txs = Vec::new();
    for (d, dtls) in ntry.all("NtryDtls").enumerate() {
        for (t, tx) in dtls.all("TxDtls").enumerate() {
            let path = format!("{full}/NtryDtls[{}]/TxDtls[{}]", d + 1, t + 1);
            txs.push(read_tx(tx, cr, &path, problems));
        }
    }
    let first = txs.first();
    let description = first
        .and_then(|t| t.remittance.clone())
        .or_else(|| ntry.text_at(&["AddtlNtryInf"]))
        .or_else(|| first.and_then(|t| t.additional.clone()));
    let details = if txs.is_empty() {
        Value::Null
    } else {
        Value::Array(txs.iter().map(tx_json).collect())
    };

    let (amount, currency) = amt?;
    Some(ParsedLine {
        path: short,
        booked_on: booked_on?,
        value_on,
        amount: signed(amount, cr?),
        currency,
        description,
        structured_reference: first.and_then(|t| t.structured_reference.clone()),
        counterparty_name: first.and_then(|t| t.counterparty_name.clone()),
        counterparty_account: first.and_then(|t| t.counterparty_account.clone()),
        bank_reference: ntry.text_at(&["AcctSvcrRef"]),
        end_to_end_id: first.and_then(|t| t.end_to_end_id.clone()),
        bank_transaction_code: bank_transaction_code(ntry),
        status: status(ntry),
        details,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::RoundingStrategy;

    const DIR: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/bank-statements/camt053"
    );
    const WITH_EXPECTED: [&str; 5] = [
        "camt053.v2.five.decimals",
        "camt053.v2.minimal",
        "camt053.v2.multi.statement",
        "camt053.v4",
        "camt053.v8",
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

    fn minor_units(ccy: &str) -> u32 {
        match ccy {
            "JPY" | "KRW" | "ISK" | "CLP" | "VND" => 0,
            "BHD" | "KWD" | "OMR" | "JOD" | "TND" | "LYD" | "IQD" => 3,
            _ => 2,
        }
    }

    /// genkgo's minor units of an amount: rounded to the currency's decimals.
    fn minor(amount: Decimal, ccy: &str) -> i64 {
        let mu = minor_units(ccy);
        let r = amount.round_dp_with_strategy(mu, RoundingStrategy::MidpointAwayFromZero);
        let scaled = r * Decimal::from(10i64.pow(mu));
        i64::try_from(scaled.trunc()).unwrap()
    }

    fn balance_code(genkgo: &str) -> &'static str {
        match genkgo {
            "opening" => "OPBD",
            "closing" => "CLBD",
            "opening_available" => "OPAV",
            "closing_available" => "CLAV",
            "forward_available" => "FWAV",
            "interim" => "ITBD",
            "interim_available" => "ITAV",
            other => panic!("unknown genkgo balance type {other}"),
        }
    }

    fn date_of(v: &serde_json::Value) -> NaiveDate {
        let s = v["0"].as_str().unwrap();
        NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d").unwrap()
    }

    fn check_record(st: &ParsedStatement, rec: &serde_json::Value) {
        assert_eq!(st.bank_statement_id.as_deref(), rec["getId"].as_str());
        let acct = &rec["getAccount"];
        match acct["__CLASS__"].as_str().unwrap() {
            "Genkgo\\Camt\\DTO\\IbanAccount" => {
                assert_eq!(
                    st.account_iban.as_deref(),
                    acct["getIban"]["getIban"].as_str()
                );
            }
            _ => assert_eq!(
                st.account_number.as_deref(),
                acct["getIdentification"].as_str()
            ),
        }
        let bals = rec["getBalances"].as_array().unwrap();
        assert_eq!(st.balances.len(), bals.len());
        for (b, e) in st.balances.iter().zip(bals) {
            assert_eq!(b.code, balance_code(e["getType"].as_str().unwrap()));
            let ccy = e["getAmount"]["getCurrency"]["getCode"].as_str().unwrap();
            assert_eq!(b.currency, ccy);
            let want: i64 = e["getAmount"]["getAmount"]
                .as_str()
                .unwrap()
                .parse()
                .unwrap();
            assert_eq!(minor(b.amount, ccy), want, "balance {}", b.code);
            assert_eq!(b.date, Some(date_of(&e["getDate"])));
        }
    }

    #[test]
    fn every_fixture_matches_genkgos_reading() {
        // Every NAME.expected.json of the folder, not only the ones known today.
        let mut names: Vec<String> = std::fs::read_dir(DIR)
            .unwrap()
            .filter_map(|e| {
                let n = e.unwrap().file_name().into_string().unwrap();
                n.strip_suffix(".expected.json").map(str::to_owned)
            })
            .collect();
        names.sort();
        assert_eq!(names, WITH_EXPECTED);
        let entry_amount =
            regex::Regex::new(r"<Ntry>\s*<Amt[^>]*>([^<]*)</Amt>\s*<CdtDbtInd>(\w+)").unwrap();
        for name in &names {
            let xml = String::from_utf8(fixture(&format!("{name}.xml"))).unwrap();
            // The amounts exactly as written (scale kept), signed by their indicator.
            let written: Vec<String> = entry_amount
                .captures_iter(&xml)
                .map(|c| format!("{}{}", if &c[2] == "DBIT" { "-" } else { "" }, &c[1]))
                .collect();
            let parsed =
                parse(&fixture(&format!("{name}.xml"))).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            let expected: serde_json::Value =
                serde_json::from_slice(&fixture(&format!("{name}.expected.json"))).unwrap();
            assert_eq!(
                parsed.statements.len(),
                expected["getRecords"].as_array().unwrap().len(),
                "{name}: statements"
            );
            let mut current: Option<&ParsedStatement> = None;
            let mut seen = 0;
            for entry in expected["getEntries"].as_array().unwrap() {
                let rec = &entry["getRecord"];
                if rec.is_object() {
                    let id = rec["getId"].as_str().unwrap();
                    let st = parsed
                        .statements
                        .iter()
                        .find(|s| s.bank_statement_id.as_deref() == Some(id))
                        .unwrap();
                    check_record(st, rec);
                    assert_eq!(st.lines.len(), rec["getEntries"].as_array().unwrap().len());
                    current = Some(st);
                }
                let st = current.unwrap();
                let line = &st.lines[usize::try_from(entry["getIndex"].as_u64().unwrap()).unwrap()];
                let ccy = entry["getAmount"]["getCurrency"]["getCode"]
                    .as_str()
                    .unwrap();
                let want: i64 = entry["getAmount"]["getAmount"]
                    .as_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                assert_eq!(line.currency, ccy, "{name}");
                assert_eq!(minor(line.amount, ccy), want, "{name}: {}", line.path);
                assert_eq!(line.booked_on, date_of(&entry["getBookingDate"]), "{name}");
                if let Some(v) = entry["getValueDate"].as_object() {
                    assert_eq!(
                        line.value_on,
                        Some(date_of(&serde_json::Value::Object(v.clone())))
                    );
                }
                assert_eq!(
                    line.status.as_deref(),
                    entry["getStatus"].as_str(),
                    "{name}"
                );
                let sign = entry["getCreditDebitIndicator"].as_str().unwrap();
                assert_eq!(line.amount.is_sign_negative(), sign == "DBIT", "{name}");
                seen += 1;
            }
            assert!(seen > 0, "{name}");
            let read: Vec<String> = parsed
                .statements
                .iter()
                .flat_map(|s| s.lines.iter().map(|l| l.amount.to_string()))
                .collect();
            assert_eq!(read, written, "{name}");
        }
    }

    #[test]
    fn amounts_keep_the_scale_written() {
        let f = parse(&fixture("camt053.v2.five.decimals.xml")).unwrap();
        let st = &f.statements[0];
        assert_eq!(st.balances[0].amount.to_string(), "18.150");
        assert_eq!(st.balances[1].amount.to_string(), "27.050");
        let l = &st.lines[0];
        assert_eq!(l.amount.to_string(), "8.850");
        assert_eq!(l.amount.scale(), 3);
        assert_eq!(l.path, "Stmt[1]/Ntry[1]");
        assert_eq!(l.end_to_end_id.as_deref(), Some("000000001"));
        assert_eq!(l.description.as_deref(), Some("Transaction Description"));
        assert_eq!(l.bank_transaction_code.as_deref(), Some("544"));
        // A credit names the debtor, and this one has none (only the creditor, us).
        assert_eq!(l.counterparty_name, None);
        assert_eq!(l.details[0]["end_to_end_id"], "000000001");
        assert_eq!(st.currency.as_deref(), Some("EUR"));
    }

    #[test]
    fn v8_reads_structured_parts() {
        let f = parse(&fixture("camt053.v8.xml")).unwrap();
        let st = &f.statements[0];
        assert_eq!(st.account_number.as_deref(), Some("NL26VAYB8060476890"));
        assert_eq!(st.account_iban, None);
        assert_eq!(st.from, NaiveDate::from_ymd_opt(2007, 10, 18));
        assert_eq!(st.to, NaiveDate::from_ymd_opt(2007, 10, 18));
        let l = &st.lines[0];
        assert_eq!(l.status.as_deref(), Some("BOOK"));
        assert_eq!(l.booked_on, NaiveDate::from_ymd_opt(2014, 12, 31).unwrap());
        assert_eq!(l.bank_reference.as_deref(), Some("AAAASESS-FP-CN_98765/01"));
        assert_eq!(l.bank_transaction_code.as_deref(), Some("PMNT/RCDT/BOOK"));
        assert_eq!(l.end_to_end_id.as_deref(), Some("MUELL/FINP/RA12345"));
        assert_eq!(l.structured_reference.as_deref(), Some("4654654654654654"));
        assert_eq!(l.counterparty_name.as_deref(), Some("NAME NAME"));
        assert_eq!(
            l.counterparty_account.as_deref(),
            Some("NL56AGDH9619008421")
        );
        assert_eq!(l.details[0]["amount"], "0");
        assert_eq!(l.details[0]["currency"], "SEK");
        // Balances in other currencies than the lines are read, not judged.
        assert_eq!(st.balances[1].currency, "SEK");
        assert_eq!(st.balances[1].amount.to_string(), "-27.00");
    }

    #[test]
    fn the_wrong_fixture_has_no_statement() {
        let r = parse(&fixture("camt053.v2.wrong.xml"));
        let ps = r.unwrap_err();
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].code, "no_statement");
        assert!(ps[0].message.contains("no Stmt"), "{}", ps[0].message);
    }

    #[test]
    fn dtd_and_external_entities_are_refused() {
        let xml = String::from_utf8(fixture("camt053.v2.five.decimals.xml")).unwrap();
        let evil = xml
            .replacen(
                "?>\n",
                "?>\n<!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n",
                1,
            )
            .replace("Transaction Description", "&x;");
        assert!(evil.contains("<!DOCTYPE") && evil.contains("&x;"));
        assert_eq!(codes(&parse(evil.as_bytes())), ["dtd_refused"]);
        let inside = xml.replacen("<BkToCstmrStmt>", "<!DOCTYPE x><BkToCstmrStmt>", 1);
        assert_eq!(codes(&parse(inside.as_bytes())), ["dtd_refused"]);
        let billion = xml.replacen(
            "?>\n",
            "?>\n<!DOCTYPE Document [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n",
            1,
        );
        assert_eq!(codes(&parse(billion.as_bytes())), ["dtd_refused"]);
        // An undeclared entity without DOCTYPE is refused the same way, in text or attribute.
        let undeclared = xml.replace("Transaction Description", "&x;");
        assert_eq!(codes(&parse(undeclared.as_bytes())), ["dtd_refused"]);
        let in_attr = xml.replacen("Ccy=\"EUR\"", "Ccy=\"&x;\"", 1);
        assert_eq!(codes(&parse(in_attr.as_bytes())), ["dtd_refused"]);
        // The predefined ones and numeric references are fine.
        let fine = xml.replace("Transaction Description", "A &amp; B &#233;&#x41;");
        let f = parse(fine.as_bytes()).unwrap();
        assert_eq!(
            f.statements[0].lines[0].description.as_deref(),
            Some("A & B éA")
        );
    }

    fn minimal(ns: &str, body: &str) -> String {
        format!(
            r#"<?xml version="1.0"?>
<c:Document xmlns:c="{ns}"><c:BkToCstmrStmt><c:GrpHdr><c:MsgId>1</c:MsgId></c:GrpHdr>{body}</c:BkToCstmrStmt></c:Document>"#
        )
    }

    const V8_STMT: &str = r#"<c:Stmt><c:Id>S1</c:Id><c:Acct><c:Id><c:IBAN>de89 3704 0044 0532 0130 00</c:IBAN></c:Id><c:Ccy>EUR</c:Ccy></c:Acct>
<c:Bal><c:Tp><c:CdOrPrtry><c:Cd>CLBD</c:Cd></c:CdOrPrtry></c:Tp><c:Amt Ccy="EUR">100.5</c:Amt><c:CdtDbtInd>DBIT</c:CdtDbtInd><c:Dt><c:DtTm>2024-01-31T23:00:00Z</c:DtTm></c:Dt></c:Bal>
<c:Ntry><c:Amt Ccy="EUR">12.30</c:Amt><c:CdtDbtInd>DBIT</c:CdtDbtInd><c:Sts><c:Cd>BOOK</c:Cd></c:Sts><c:BookgDt><c:Dt>2024-01-30</c:Dt></c:BookgDt>
<c:NtryDtls><c:Btch><c:NbOfTxs>2</c:NbOfTxs></c:Btch>
<c:TxDtls><c:Refs><c:EndToEndId>NOTPROVIDED</c:EndToEndId></c:Refs><c:Amt Ccy="EUR">10.00</c:Amt><c:CdtDbtInd>DBIT</c:CdtDbtInd>
<c:RltdPties><c:Cdtr><c:Pty><c:Nm>Shop</c:Nm></c:Pty></c:Cdtr><c:CdtrAcct><c:Id><c:Othr><c:Id>123</c:Id></c:Othr></c:Id></c:CdtrAcct></c:RltdPties>
<c:RmtInf><c:Ustrd>part one</c:Ustrd><c:Ustrd>part two</c:Ustrd></c:RmtInf></c:TxDtls>
<c:TxDtls><c:Amt Ccy="EUR">2.30</c:Amt><c:CdtDbtInd>DBIT</c:CdtDbtInd></c:TxDtls></c:NtryDtls></c:Ntry></c:Stmt>"#;

    #[test]
    fn synthetic_v8_with_prefixes_and_a_batch() {
        let xml = minimal("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08", V8_STMT);
        let f = parse(xml.as_bytes()).unwrap();
        let st = &f.statements[0];
        assert_eq!(st.account_iban.as_deref(), Some("DE89370400440532013000"));
        assert_eq!(st.balances[0].amount.to_string(), "-100.5");
        assert_eq!(st.balances[0].date, NaiveDate::from_ymd_opt(2024, 1, 31));
        let l = &st.lines[0];
        assert_eq!(l.amount.to_string(), "-12.30");
        assert_eq!(l.end_to_end_id, None);
        assert_eq!(l.description.as_deref(), Some("part one part two"));
        assert_eq!(l.counterparty_name.as_deref(), Some("Shop"));
        assert_eq!(l.counterparty_account.as_deref(), Some("123"));
        assert_eq!(l.details.as_array().unwrap().len(), 2);
        assert_eq!(l.details[1]["amount"], "-2.30");
        // Version 13 is read too.
        let v13 = minimal("urn:iso:std:iso:20022:tech:xsd:camt.053.001.13", V8_STMT);
        assert!(parse(v13.as_bytes()).is_ok());
    }

    #[test]
    fn unknown_versions_and_other_messages() {
        let v1 = minimal("urn:iso:std:iso:20022:tech:xsd:camt.053.001.01", V8_STMT);
        assert_eq!(codes(&parse(v1.as_bytes())), ["unknown_version"]);
        let c52 = minimal("urn:iso:std:iso:20022:tech:xsd:camt.052.001.08", V8_STMT);
        assert_eq!(codes(&parse(c52.as_bytes())), ["not_camt053"]);
        let none = V8_STMT.replace("c:", "");
        let no_ns = format!("<Document><BkToCstmrStmt>{none}</BkToCstmrStmt></Document>");
        assert_eq!(codes(&parse(no_ns.as_bytes())), ["unknown_version"]);
        assert_eq!(codes(&parse(b"<Other/>")), ["not_camt053"]);
        let no_stmt = minimal("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08", "");
        assert_eq!(codes(&parse(no_stmt.as_bytes())), ["no_statement"]);
    }

    #[test]
    fn bad_amounts_dates_and_xml_are_named() {
        let ns = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
        for bad in ["", "1,00", "abc", "1e3", "-1.00", " 1 2"] {
            let xml = minimal(ns, &V8_STMT.replace(">12.30<", &format!(">{bad}<")));
            let ps = parse(xml.as_bytes()).unwrap_err();
            assert_eq!(ps[0].code, "bad_amount", "{bad}");
            assert_eq!(ps[0].field, "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt");
        }
        let xml = minimal(ns, &V8_STMT.replace("2024-01-30", "2024-02-30"));
        let ps = parse(xml.as_bytes()).unwrap_err();
        assert_eq!(
            (ps[0].code, ps[0].field.as_str()),
            (
                "bad_date",
                "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/BookgDt/Dt"
            )
        );
        let xml = minimal(
            ns,
            &V8_STMT.replace("<c:BookgDt><c:Dt>2024-01-30</c:Dt></c:BookgDt>", ""),
        );
        assert_eq!(codes(&parse(xml.as_bytes())), ["missing_date"]);
        let ps = parse(b"<?xml version=\"1.0\"?>\n<Document>\n  <a></b>\n</Document>").unwrap_err();
        assert_eq!(ps[0].code, "not_well_formed");
        assert!(ps[0].message.contains("line 3"), "{}", ps[0].message);
        assert_eq!(codes(&parse(b"")), ["not_well_formed"]);
        assert_eq!(codes(&parse(b"<Document>")), ["not_well_formed"]);
        assert_eq!(codes(&parse(b"\xff\xfe<")), ["not_well_formed"]);
    }

    fn fixtures() -> Vec<Vec<u8>> {
        WITH_EXPECTED
            .iter()
            .map(|n| fixture(&format!("{n}.xml")))
            .chain([fixture("camt053.v2.wrong.xml")])
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = parse(&bytes);
        }

        #[test]
        fn never_panics_on_truncations_and_flips(which in 0usize..6, cut in any::<prop::sample::Index>(),
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
