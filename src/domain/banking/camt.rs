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

use super::common::{iso_date, iso_date_of_datetime, non_empty, normalize_iban, plain_decimal, refuse, Problems};
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
            let head: String = bytes.iter().take(200).map(|&b| char::from(b).to_ascii_lowercase()).collect();
            let decl = head.split("?>").next().unwrap_or("");
            if decl.contains("iso-8859-1") || decl.contains("latin1") || decl.contains("windows-1252") {
                Ok(bytes.iter().map(|&b| char::from(b)).collect())
            } else {
                let pos = e.valid_up_to();
                refuse(
                    "file",
                    "not_well_formed",
                    format!("not well-formed XML at {}: the bytes are not UTF-8", position(bytes, pos)),
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

fn not_well_formed<T>(text: &str, offset: u64, what: impl std::fmt::Display) -> Result<T, Vec<ParseProblem>> {
    let offset = usize::try_from(offset).unwrap_or(usize::MAX);
    refuse(
        "file",
        "not_well_formed",
        format!("not well-formed XML at {}: {what}", position(text.as_bytes(), offset)),
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
            return not_well_formed(text, offset, "an unterminated reference in an attribute value");
        };
        let name = after.get(..semi).unwrap_or("");
        if let Some(body) = name.strip_prefix('#') {
            match char_ref(body) {
                Some(c) => out.push(c),
                None => return not_well_formed(text, offset, format!("a bad character reference &{name};")),
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
                        format!("elements nest deeper than {MAX_DEPTH}: this is no camt.053 statement"),
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
                        None => return not_well_formed(text, here, format!("a bad character reference &{name};")),
                    }
                } else {
                    match predefined(&name) {
                        Some(c) => c,
                        None => return dtd_refused(&format!("the entity reference &{name};")),
                    }
                };
                match stack.last_mut() {
                    Some(top) => top.text.push(c),
                    None => return not_well_formed(text, here, "a reference outside the root element"),
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
        None => refuse("file", "not_well_formed", "not well-formed XML: there is no root element"),
    }
}

/// The camt.053 version of the root's namespace, or why it is not one we read.
fn check_version(root: &El) -> Result<u32, Vec<ParseProblem>> {
    if root.name != "Document" {
        return refuse(
            "file",
            "not_camt053",
            format!("the root element is <{}>, not a camt.053 <Document>", root.qname),
        );
    }
    let prefix = root.qname.split_once(':').map(|(p, _)| p);
    let ns_attr = match prefix {
        Some(p) => format!("xmlns:{p}"),
        None => "xmlns".to_owned(),
    };
    let Some(ns) = root.attrs.iter().find(|(k, _)| *k == ns_attr).map(|(_, v)| v.trim()) else {
        return refuse(
            "file",
            "unknown_version",
            "the Document names no namespace: the camt.053 version (urn:iso:std:iso:20022:tech:xsd:camt.053.001.NN) is unknown",
        );
    };
    let Some(message) = ns.strip_prefix(NS_PREFIX) else {
        return refuse("file", "not_camt053", format!("the namespace {ns} is not an ISO 20022 one"));
    };
    let Some(version) = message.strip_prefix("camt.053.001.") else {
        return refuse(
            "file",
            "not_camt053",
            format!("the message is {message}, not a camt.053 bank to customer statement"),
        );
    };
    match version.parse::<u32>() {
        Ok(v) if v >= 2 && version.len() == 2 && version.bytes().all(|b| b.is_ascii_digit()) => Ok(v),
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

fn read_statement(stmt: &El, short: String, full: &str, problems: &mut Problems) -> ParsedStatement {
    let from = opt_date(stmt.at(&["FrToDt", "FrDtTm"]), &format!("{full}/FrToDt/FrDtTm"), problems)
        .or_else(|| opt_date(stmt.at(&["FrToDt", "FrDt"]), &format!("{full}/FrToDt/FrDt"), problems));
    let to = opt_date(stmt.at(&["FrToDt", "ToDtTm"]), &format!("{full}/FrToDt/ToDtTm"), problems)
        .or_else(|| opt_date(stmt.at(&["FrToDt", "ToDt"]), &format!("{full}/FrToDt/ToDt"), problems));
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
        if let Some(l) = read_entry(ntry, format!("{short}/Ntry[{n}]"), &format!("{full}/Ntry[{n}]"), problems) {
            lines.push(l);
        }
    }
    ParsedStatement {
        path: short,
        bank_statement_id: stmt.text_at(&["Id"]),
        account_iban: stmt.text_at(&["Acct", "Id", "IBAN"]).map(|s| normalize_iban(&s)),
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
    let date = if text.contains('T') { iso_date_of_datetime(text) } else { iso_date(text) };
    if date.is_none() {
        problems.push(path, "bad_date", format!("{:?} is not an ISO date", super::common::echo(text)));
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
        Some(d) => Some((d, el.attr("Ccy").map(|c| c.trim().to_owned()).unwrap_or_default())),
        None => {
            problems.push(
                path,
                "bad_amount",
                format!("{:?} is not a plain decimal amount (digits, optionally one '.' and digits)", super::common::echo(text)),
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
                format!("the credit/debit indicator is {:?}, not CRDT or DBIT", other.unwrap_or("missing")),
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
        problems.push(format!("{path}/Tp"), "bad_balance", "the balance has no type code (Tp/CdOrPrtry/Cd)");
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
        .map(|s| normalize_iban(&s))
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
    let own_credit = if tx.child("CdtDbtInd").is_some() { credit(tx, path, problems) } else { None };
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
    let structured_reference = tx
        .child("RmtInf")
        .and_then(|r| r.all("Strd").find_map(|s| s.text_at(&["CdtrRefInf", "Ref"])));
    let parties = tx.child("RltdPties");
    let (name, account) = match (parties, is_credit) {
        (Some(p), Some(true)) => (party_name(p.child("Dbtr")), party_account(p.child("DbtrAcct"))),
        (Some(p), Some(false)) => (party_name(p.child("Cdtr")), party_account(p.child("CdtrAcct"))),
        _ => (None, None),
    };
    Tx {
        end_to_end_id: tx.text_at(&["Refs", "EndToEndId"]).filter(|e| e != "NOTPROVIDED"),
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
        &tx.amount.as_ref().map(|(_, c)| c.clone()).filter(|c| !c.is_empty()),
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
