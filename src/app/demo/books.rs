//! The demo's books: the operating bank account and its opening balance, a quarter of
//! invoices to the clients and bills from the vendors, the payments that settle them, and
//! the bank's statement of it all as an OFX file, imported and reconciled. Every amount is
//! posted by the use cases that post it for the API, so the ledger balances by construction.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use uuid::Uuid;

use super::crm::Relationships;
use super::{answer_of, id_of, input_of, step, text_at, DemoError, Seed};
use crate::app::banking::auto::{self, AutoReconcileRequest};
use crate::app::banking::rules::BankRule;
use crate::app::banking::statements;
use crate::app::billing::bank_accounts::{self, BalanceAnchor, BankAccount};
use crate::app::billing::{documents, payments};
use crate::app::error::AppError;
use crate::app::input::IfMatch;
use crate::app::ledger::{accounts as chart, entries};
use crate::app::record;
use crate::app::{App, Context};
use crate::domain::documents::DocumentKind;
use crate::domain::ids::BankAccountId;

/// What was posted.
pub(super) struct Books {
    pub invoices: usize,
    pub bills: usize,
    pub payments: usize,
    pub statement_lines: i64,
    pub reconciled: usize,
}

/// The operating account's number, as the bank's statement names it.
const BANK_NUMBER: &str = "4471009822";
/// The balance moved in from the previous bank the day the account opened, in cents: the
/// books' opening balance, and the first line of the bank's statement.
const OPENING_CENTS: i64 = 5_000_000;
/// The account opened on the statement's first day; the statement ends the day before
/// yesterday (yesterday's payment is not on it yet).
const OPENED_DAYS_AGO: i64 = 90;
const STATEMENT_TO_DAYS_AGO: i64 = 2;

/// How a client settles an invoice.
#[derive(Clone, Copy)]
enum Pay {
    /// In full, this many days ago.
    Full(i64),
    /// This many cents, this many days ago; the rest still due.
    Part(i64, i64),
    /// In full this many days ago, seen on the bank statement but not yet in the books
    /// (auto-reconcile records it).
    BankOnly(i64),
    /// Not yet.
    Due,
}

/// A monthly subscription: fee and usage over plan (cents) for the months invoiced
/// ([`MONTHS_AGO`]), and how each invoice was paid.
struct Subscription {
    account: &'static str,
    what: &'static str,
    fee: i64,
    usage: [i64; 3],
    paid: [Pay; 3],
}

const MONTHLY: [Subscription; 6] = [
    Subscription {
        account: "halcyon",
        what: "Analytics platform, three research sites",
        fee: 1_500_000,
        usage: [124_000, 138_550, 110_275],
        paid: [Pay::Full(56), Pay::Full(22), Pay::Full(6)],
    },
    Subscription {
        account: "meridian",
        what: "Fleet analytics",
        fee: 800_000,
        usage: [64_000, 71_240, 58_810],
        paid: [Pay::Full(52), Pay::Due, Pay::Due],
    },
    Subscription {
        account: "bluewater",
        what: "Crew and operations analytics",
        fee: 1_200_000,
        usage: [91_000, 104_430, 97_860],
        paid: [Pay::Full(59), Pay::Part(600_000, 18), Pay::Due],
    },
    Subscription {
        account: "copperleaf",
        what: "Product analytics",
        fee: 520_000,
        usage: [31_000, 29_550, 34_225],
        paid: [Pay::Full(50), Pay::Full(24), Pay::Due],
    },
    Subscription {
        account: "granite",
        what: "E-commerce analytics",
        fee: 360_000,
        usage: [18_000, 21_490, 19_640],
        paid: [Pay::Full(54), Pay::Full(21), Pay::BankOnly(3)],
    },
    Subscription {
        account: "brightside",
        what: "Sell-through reporting",
        fee: 290_000,
        usage: [12_000, 9_875, 14_360],
        paid: [Pay::Full(47), Pay::Full(10), Pay::Due],
    },
];
const MONTHS_AGO: [i64; 3] = [80, 50, 20];

/// One-off invoices: account, what, cents, issued days ago, how paid.
const ONE_OFF: [(&str, &str, i64, i64, Pay); 3] = [
    (
        "lumen",
        "Quarterly analytics retainer",
        450_000,
        60,
        Pay::Full(33),
    ),
    ("summit", "Guest insights, quarterly", 300_000, 45, Pay::Due),
    (
        "copperleaf",
        "Fifty more seats, prorated to the renewal",
        2_400_000,
        14,
        Pay::Due,
    ),
];

/// A vendor's bill: what for, the expense account, cents, issued days ago, the supplier's
/// reference, paid days ago.
struct Bill {
    vendor: &'static str,
    what: &'static str,
    expense: &'static str,
    cents: i64,
    days_ago: i64,
    reference: &'static str,
    paid: Option<i64>,
}

const fn bill(
    vendor: &'static str,
    what: &'static str,
    expense: &'static str,
    cents: i64,
    days_ago: i64,
    reference: &'static str,
    paid: Option<i64>,
) -> Bill {
    Bill {
        vendor,
        what,
        expense,
        cents,
        days_ago,
        reference,
        paid,
    }
}

const BILLS: [Bill; 7] = [
    bill(
        "keystone",
        "Office rent",
        "6100",
        650_000,
        88,
        "KW-R-0301",
        Some(86),
    ),
    bill(
        "stratus",
        "Cloud hosting",
        "6900",
        418_000,
        85,
        "STR-10482",
        Some(70),
    ),
    bill(
        "keystone",
        "Office rent",
        "6100",
        650_000,
        58,
        "KW-R-0302",
        Some(56),
    ),
    bill(
        "stratus",
        "Cloud hosting",
        "6900",
        426_235,
        55,
        "STR-10611",
        Some(40),
    ),
    bill(
        "keystone",
        "Office rent",
        "6100",
        650_000,
        28,
        "KW-R-0303",
        Some(26),
    ),
    bill(
        "stratus",
        "Cloud hosting",
        "6900",
        431_190,
        25,
        "STR-10755",
        Some(1),
    ),
    bill(
        "northstar",
        "Contract review, renewal terms",
        "6600",
        380_000,
        15,
        "NL-2291",
        None,
    ),
];

/// Lines only the bank knows of: days ago, cents, name, memo.
const BANK_ONLY: [(i64, i64, &str, &str); 4] = [
    (62, -3_500, "FIRST HARBOR BANK", "MONTHLY ACCOUNT FEE"),
    (32, -3_500, "FIRST HARBOR BANK", "MONTHLY ACCOUNT FEE"),
    (2, -3_500, "FIRST HARBOR BANK", "MONTHLY ACCOUNT FEE"),
    (2, 1_842, "FIRST HARBOR BANK", "INTEREST CREDIT"),
];

fn money(cents: i64) -> String {
    Decimal::new(cents, 2).to_string()
}

/// A line of the bank's statement.
struct BankLine {
    date: NaiveDate,
    cents: i64,
    name: String,
    memo: String,
}

/// An invoice or bill to post.
struct Document {
    kind: DocumentKind,
    account: &'static str,
    days_ago: i64,
    reference: Option<&'static str>,
    lines: Vec<(String, i64, Option<&'static str>)>,
    pay: Pay,
}

impl Document {
    fn total(&self) -> i64 {
        self.lines.iter().map(|(_, cents, _)| cents).sum()
    }
}

/// A payment to record, once its document is posted.
struct Settlement {
    kind: DocumentKind,
    account: &'static str,
    document: Uuid,
    /// The invoice's number or the bill's reference.
    reference: String,
    days_ago: i64,
    cents: i64,
}

pub(super) async fn books(seed: &Seed<'_>, made: &Relationships) -> Result<Books, DemoError> {
    let codes = ledger_accounts(seed).await?;
    let code = |c: &str| codes.get(c).copied().unwrap_or_default();
    let bank = open_bank_account(seed, code("1010"), code("3200")).await?;

    let mut documents = Vec::new();
    for sub in &MONTHLY {
        for ((days, extra), pay) in MONTHS_AGO.iter().zip(sub.usage).zip(sub.paid) {
            let (what, month) = (sub.what, seed.day(*days).format("%B %Y"));
            documents.push(Document {
                kind: DocumentKind::Invoice,
                account: sub.account,
                days_ago: *days,
                reference: None,
                lines: vec![
                    (format!("{what}: subscription, {month}"), sub.fee, None),
                    (format!("{what}: usage above plan, {month}"), extra, None),
                ],
                pay,
            });
        }
    }
    for (account, what, cents, days, pay) in ONE_OFF {
        documents.push(Document {
            kind: DocumentKind::Invoice,
            account,
            days_ago: days,
            reference: None,
            lines: vec![(what.to_owned(), cents, None)],
            pay,
        });
    }
    for b in &BILLS {
        let month = seed.day(b.days_ago).format("%B %Y");
        documents.push(Document {
            kind: DocumentKind::Bill,
            account: b.vendor,
            days_ago: b.days_ago,
            reference: Some(b.reference),
            lines: vec![(format!("{}, {month}", b.what), b.cents, Some(b.expense))],
            pay: b.paid.map(Pay::Full).unwrap_or(Pay::Due),
        });
    }
    // Issued in date order, so invoice numbers follow the dates.
    documents.sort_by_key(|d| -d.days_ago);

    let mut counts = Books {
        invoices: 0,
        bills: 0,
        payments: 0,
        statement_lines: 0,
        reconciled: 0,
    };
    let mut settlements = Vec::new();
    let mut statement = Vec::new();
    for doc in &documents {
        let (id, reference) = post_document(seed, made, &codes, doc).await?;
        match doc.kind {
            DocumentKind::Bill => counts.bills += 1,
            _ => counts.invoices += 1,
        }
        let (days_ago, cents) = match doc.pay {
            Pay::Full(days) => (days, doc.total()),
            Pay::Part(cents, days) => (days, cents),
            Pay::BankOnly(days) => {
                statement.push(BankLine {
                    date: seed.day(days),
                    cents: doc.total(),
                    name: bank_name(made, doc.account),
                    memo: format!("ACH CREDIT {reference}"),
                });
                continue;
            }
            Pay::Due => continue,
        };
        settlements.push(Settlement {
            kind: doc.kind,
            account: doc.account,
            document: id,
            reference,
            days_ago,
            cents,
        });
    }
    settlements.sort_by_key(|s| -s.days_ago);
    for s in &settlements {
        record_payment(seed, made, bank, s).await?;
        counts.payments += 1;
        if s.days_ago >= STATEMENT_TO_DAYS_AGO {
            let received = s.kind == DocumentKind::Invoice;
            statement.push(BankLine {
                date: seed.day(s.days_ago),
                cents: if received { s.cents } else { -s.cents },
                name: bank_name(made, s.account),
                memo: format!(
                    "{} {}",
                    if received { "ACH CREDIT" } else { "ACH DEBIT" },
                    s.reference
                ),
            });
        }
    }
    statement.push(BankLine {
        date: seed.day(OPENED_DAYS_AGO),
        cents: OPENING_CENTS,
        name: "FIRST HARBOR BANK".to_owned(),
        memo: "OPENING DEPOSIT, TRANSFER FROM PREVIOUS BANK".to_owned(),
    });
    for (days, cents, name, memo) in BANK_ONLY {
        statement.push(BankLine {
            date: seed.day(days),
            cents,
            name: name.to_owned(),
            memo: memo.to_owned(),
        });
    }
    statement.sort_by_key(|l| l.date);

    seed.create::<BankRule>(
        "the bank rule for fees",
        json!({
            "name": "Bank fees",
            "bank_account_id": bank,
            "description_contains": "ACCOUNT FEE",
            "direction": "out",
            "ledger_account_id": code("6700"),
        }),
    )
    .await?;
    counts.statement_lines = import_statement(seed, bank, &statement).await?;
    counts.reconciled = reconcile(seed, bank).await?;
    Ok(counts)
}

/// The statement's name for an account: its name in capitals.
fn bank_name(made: &Relationships, key: &str) -> String {
    made.names
        .get(key)
        .map(|n| n.to_uppercase())
        .unwrap_or_default()
}

/// The chart's accounts by code.
async fn ledger_accounts(seed: &Seed<'_>) -> Result<HashMap<String, Uuid>, DemoError> {
    let what = "reading the chart of accounts";
    let query = input_of(what, json!({}))?;
    let page = chart::list(seed.app, &seed.cx, Seed::whole_page(), query)
        .await
        .map_err(|e| step(what, e))?;
    Ok(page.data.into_iter().map(|a| (a.code, a.id)).collect())
}

/// The operating account on the chart's bank account, empty until the day it opened (the
/// balance the bank's statements follow on from), and its opening balance posted against
/// opening balance equity that day.
async fn open_bank_account(
    seed: &Seed<'_>,
    bank_ledger: Uuid,
    equity: Uuid,
) -> Result<Uuid, DemoError> {
    let answer = seed
        .create::<BankAccount>(
            "the operating bank account",
            json!({
                "name": "Operating account",
                "currency": "USD",
                "number": BANK_NUMBER,
                "ledger_account_id": bank_ledger,
            }),
        )
        .await?;
    let bank = id_of("the operating bank account", &answer)?;
    let opened = seed.day(OPENED_DAYS_AGO);
    let what = "the opening balance";
    let entry = input_of(
        what,
        json!({
            "date": opened,
            "description": "Opening balance, moved from the previous bank",
            "source": "opening",
            "lines": [
                {"ledger_account_id": bank_ledger, "debit": money(OPENING_CENTS)},
                {"ledger_account_id": equity, "credit": money(OPENING_CENTS)},
            ],
        }),
    )?;
    entries::create(seed.app, &seed.cx, entry)
        .await
        .map_err(|e| step(format!("posting {what}"), e))?;
    let anchor = BalanceAnchor {
        date: opened - chrono::Duration::days(1),
        balance: money(0),
    };
    bank_accounts::set_balance_anchor(
        seed.app,
        &seed.cx,
        BankAccountId(bank),
        IfMatch::Any,
        Some(anchor),
    )
    .await
    .map_err(|e| step("stating the bank's opening balance", e))?;
    Ok(bank)
}

/// A draft invoice or bill, then issued (approved); its id and the number (or the
/// supplier's reference) a payment quotes.
async fn post_document(
    seed: &Seed<'_>,
    made: &Relationships,
    codes: &HashMap<String, Uuid>,
    doc: &Document,
) -> Result<(Uuid, String), DemoError> {
    let noun = if doc.kind == DocumentKind::Bill {
        "a bill"
    } else {
        "an invoice"
    };
    let what = format!("{noun} of {}", made.names.get(doc.account).unwrap_or(&""));
    let lines: Vec<Value> = doc
        .lines
        .iter()
        .map(|(description, cents, code)| {
            let mut line = json!({"description": description, "unit_price": money(*cents)});
            if let Some(id) = code.and_then(|c| codes.get(c)) {
                line["ledger_account_id"] = json!(id);
            }
            line
        })
        .collect();
    let mut body = json!({
        "account_id": made.of(doc.account),
        "issue_date": seed.day(doc.days_ago),
        "lines": lines,
    });
    if let Some(reference) = doc.reference {
        body["reference"] = json!(reference);
    }
    let draft = input_of(&what, body)?;
    let outcome = documents::create(seed.app, &seed.cx, doc.kind, draft)
        .await
        .map_err(|e| step(format!("creating {what}"), e))?;
    let id = id_of(&what, &answer_of(&what, &outcome)?)?;
    let issued = documents::issue(seed.app, &seed.cx, doc.kind, id.into())
        .await
        .map_err(|e| step(format!("issuing {what}"), e))?;
    let issued = answer_of(&what, &issued)?;
    let reference = match doc.reference {
        Some(r) => r.to_owned(),
        None => text_at(&what, &issued, "number")?,
    };
    Ok((id, reference))
}

async fn record_payment(
    seed: &Seed<'_>,
    made: &Relationships,
    bank: Uuid,
    s: &Settlement,
) -> Result<(), DemoError> {
    let received = s.kind == DocumentKind::Invoice;
    let what = format!("a payment of {}", s.reference);
    let allocation = if received {
        json!({"invoice_id": s.document, "amount": money(s.cents)})
    } else {
        json!({"bill_id": s.document, "amount": money(s.cents)})
    };
    let payment = input_of(
        &what,
        json!({
            "direction": if received { "received" } else { "sent" },
            "account_id": made.of(s.account),
            "bank_account_id": bank,
            "date": seed.day(s.days_ago),
            "amount": money(s.cents),
            "reference": s.reference,
            "allocations": [allocation],
        }),
    )?;
    payments::create(seed.app, &seed.cx, payment)
        .await
        .map_err(|e| step(format!("recording {what}"), e))?;
    Ok(())
}

/// `lines` as the bank would export them: OFX 1.02 (SGML), one element a line, with the
/// closing balance; the lines it holds.
fn ofx(seed: &Seed<'_>, lines: &[BankLine]) -> String {
    let stamp = |d: NaiveDate| d.format("%Y%m%d").to_string();
    let to = seed.day(STATEMENT_TO_DAYS_AGO);
    let closing = lines.iter().map(|l| l.cents).sum::<i64>();
    let mut out = String::from(
        "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\n\
         CHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n",
    );
    let _ = write!(
        out,
        "<OFX>\n<SIGNONMSGSRSV1>\n<SONRS>\n<STATUS>\n<CODE>0\n<SEVERITY>INFO\n</STATUS>\n\
         <DTSERVER>{today}\n<LANGUAGE>ENG\n</SONRS>\n</SIGNONMSGSRSV1>\n<BANKMSGSRSV1>\n\
         <STMTTRNRS>\n<TRNUID>1\n<STATUS>\n<CODE>0\n<SEVERITY>INFO\n</STATUS>\n<STMTRS>\n\
         <CURDEF>USD\n<BANKACCTFROM>\n<BANKID>021000089\n<ACCTID>{BANK_NUMBER}\n\
         <ACCTTYPE>CHECKING\n</BANKACCTFROM>\n<BANKTRANLIST>\n<DTSTART>{from}\n<DTEND>{to}\n",
        today = stamp(seed.today),
        from = stamp(seed.day(OPENED_DAYS_AGO)),
        to = stamp(to),
    );
    for (n, l) in lines.iter().enumerate() {
        let _ = write!(
            out,
            "<STMTTRN>\n<TRNTYPE>{}\n<DTPOSTED>{}\n<TRNAMT>{}\n<FITID>{}{:04}\n<NAME>{}\n\
             <MEMO>{}\n</STMTTRN>\n",
            if l.cents < 0 { "DEBIT" } else { "CREDIT" },
            stamp(l.date),
            money(l.cents),
            stamp(l.date),
            n + 1,
            l.name,
            l.memo,
        );
    }
    let _ = write!(
        out,
        "</BANKTRANLIST>\n<LEDGERBAL>\n<BALAMT>{}\n<DTASOF>{}\n</LEDGERBAL>\n</STMTRS>\n\
         </STMTTRNRS>\n</BANKMSGSRSV1>\n</OFX>\n",
        money(closing),
        stamp(to),
    );
    out
}

/// Imports the statement as `POST /bank-accounts/{id}/statements` would; the lines added.
async fn import_statement(
    seed: &Seed<'_>,
    bank: Uuid,
    lines: &[BankLine],
) -> Result<i64, DemoError> {
    let what = "importing the bank statement";
    let file = ofx(seed, lines).into_bytes();
    let outcome = statements::import(
        seed.app,
        &seed.cx,
        Some(BankAccountId(bank)),
        "application/x-ofx".to_owned(),
        file,
    )
    .await
    .map_err(|e| step(what, e))?;
    let answer = answer_of(what, &outcome)?;
    Ok(answer.get("imported").and_then(Value::as_i64).unwrap_or(0))
}

/// Auto-reconciles the statement with the books (and the fee rule); the lines reconciled.
async fn reconcile(seed: &Seed<'_>, bank: Uuid) -> Result<usize, DemoError> {
    let what = "reconciling the bank statement";
    let request = AutoReconcileRequest {
        dry_run: false,
        date_window_days: None,
    };
    let outcome = auto::run(seed.app, &seed.cx, BankAccountId(bank), request)
        .await
        .map_err(|e| step(what, e))?;
    let answer = answer_of(what, &outcome)?;
    Ok(answer
        .get("matched")
        .and_then(Value::as_array)
        .map_or(0, Vec::len))
}

/// Whether a bank statement of the organization is imported: the demo's last step but the
/// reconciliation, and one nobody can undo (statements are never deleted, and a bank account
/// with payments is not either), so exploring the demo never makes it look unfinished.
pub(super) async fn statement_imported(app: &App, cx: &Context) -> Result<bool, AppError> {
    let query = serde_json::from_value(json!({})).map_err(|e| AppError::internal(e.to_string()))?;
    let banks = record::list::<BankAccount>(app, cx, Seed::whole_page(), query).await?;
    for bank in banks.data {
        let held = statements::list(app, cx, BankAccountId(bank.id), Seed::whole_page()).await?;
        if !held.data.is_empty() {
            return Ok(true);
        }
    }
    Ok(false)
}
