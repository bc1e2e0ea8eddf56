//! Auto-reconcile: each unreconciled bank line against the open items of the books, by hard
//! filters first (the same amount, within the date window), then a match only where one
//! candidate remains, or one is singled out by a document number or payment reference found
//! as a whole token in the line's remittance information (`INV-1` is not `INV-10`), or by the
//! counterparty's bank account known on a client account. Two or more candidates leave the
//! line ambiguous; a candidate two lines would both take is taken by neither. Bank rules then
//! categorize the lines that had no candidate at all.
//!
//! Candidates are indexed by amount, so the cost grows with the number of lines and items,
//! not with their product.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::reconcile::{self, Category, LedgerItem, PaymentInputFromLine, ReconciliationView};
use super::rules::{first_match, RuleLine};
use crate::app::billing::allocations::AllocationEntry;
use crate::app::error::{AppError, Check, Found};
use crate::app::ledger::{self, currency_of};
use crate::app::unit_of_work::Outcome;
use crate::app::{App, Context, Tx};
use crate::auth::Permission;
use crate::db::banking::reconciliations as store;
use crate::db::banking::rules::{active_rules, BankRuleRow};
use crate::db::banking::statements::{self as lines_store, TransactionFilter, TransactionRow};
use crate::db::billing::bank_accounts::BankAccountRow;
use crate::db::billing::documents::{standing_documents, DocumentRow};
use crate::db::crm::accounts::find_accounts_by_bank_account;
use crate::db::record::Stored;
use crate::domain::banking::account_identifier;
use crate::domain::ids::{BankAccountId, ClientAccountId, JournalEntryId, OrganizationId};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AutoReconcileRequest {
    /// Say what would be matched, change nothing.
    #[serde(default)]
    pub dry_run: bool,
    /// How many days a candidate's date may lie from the line's booking date (default 7).
    #[schema(minimum = 0, maximum = 90)]
    pub date_window_days: Option<i64>,
}

/// What a line was (or would be) reconciled with.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AutoMatch {
    pub bank_transaction_id: Uuid,
    /// `journal_line` (a payment's or an entry's line), `invoice`, `bill` (a payment is
    /// recorded from the line and allocated to it) or `rule` (categorized by a bank rule).
    pub kind: String,
    /// The payment, journal line, document or rule.
    pub id: Uuid,
    /// `only_candidate`, `reference`, `counterparty_account` or `rule`.
    pub reason: String,
    /// The reconciliation made; `null` in a dry run.
    pub reconciliation_id: Option<Uuid>,
}

/// A line with more than one candidate, left alone.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Ambiguous {
    pub bank_transaction_id: Uuid,
    pub candidates: Vec<Candidate>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Candidate {
    /// `journal_line`, `invoice` or `bill`.
    pub kind: String,
    pub id: Uuid,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AutoReconcileAnswer {
    pub dry_run: bool,
    pub matched: Vec<AutoMatch>,
    pub ambiguous: Vec<Ambiguous>,
    /// Lines left unreconciled with no candidate and no rule.
    pub unmatched: i64,
}

/// An open item of the books a line could be.
#[derive(Debug, Clone)]
enum Item {
    Line {
        item: LedgerItem,
        /// References and client of the payment or entry, for singling out.
        texts: Vec<String>,
        client: Option<ClientAccountId>,
    },
    Document(Box<DocumentRow>),
}

impl Item {
    fn key(&self) -> (String, Uuid) {
        match self {
            Item::Line { item, .. } => ("journal_line".into(), item.id()),
            Item::Document(d) => (d.kind.clone(), d.id.0),
        }
    }

    fn texts(&self) -> Vec<&str> {
        match self {
            Item::Line { texts, .. } => texts.iter().map(String::as_str).collect(),
            Item::Document(d) => d
                .number
                .iter()
                .chain(&d.reference)
                .map(String::as_str)
                .collect(),
        }
    }

    fn client(&self) -> Option<ClientAccountId> {
        match self {
            Item::Line { client, .. } => *client,
            Item::Document(d) => Some(d.account_id),
        }
    }
}

/// Whether `token` occurs in `text` with no letter or digit right before or after it.
pub fn has_token(text: &str, token: &str) -> bool {
    let token = token.trim();
    if token.chars().count() < 3 {
        return false;
    }
    let text = text.to_lowercase();
    let token = token.to_lowercase();
    let mut start = 0;
    while let Some(at) = text[start..].find(&token) {
        let begin = start + at;
        let end = begin + token.len();
        let before = text[..begin].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        start = begin + token.chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// The line's remittance text: description, references and the file's transaction details.
fn remittance(line: &TransactionRow) -> String {
    [
        line.description.as_deref(),
        line.structured_reference.as_deref(),
        line.end_to_end_id.as_deref(),
        Some(line.details.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ")
}

/// The open items of the books for `bank`, indexed by signed amount in minor units.
fn open_items(tx: &mut Tx, bank: &BankAccountRow) -> Result<HashMap<i64, Vec<Item>>, AppError> {
    let org = bank.organization_id;
    let reconciled: HashSet<(JournalEntryId, i32)> = store::reconciled_lines(tx, org, bank.id)?
        .into_iter()
        .collect();
    let lines: Vec<LedgerItem> = store::lines_on(tx, org, bank.ledger_account_id, None)?
        .iter()
        .map(LedgerItem::of)
        .filter(|l| !reconciled.contains(&(l.entry_id, l.line_no)))
        .collect();
    let mut entry_ids: Vec<JournalEntryId> = lines.iter().map(|l| l.entry_id).collect();
    entry_ids.sort_by_key(|e| e.0);
    entry_ids.dedup();
    let entries: HashMap<JournalEntryId, crate::db::ledger::EntryRow> =
        store::entries_by_ids(tx, org, &entry_ids)?
            .into_iter()
            .map(|e| (e.id, e))
            .collect();
    let payments: HashMap<JournalEntryId, crate::db::billing::payments::PaymentRow> =
        store::payments_by_entries(tx, org, &entry_ids)?
            .into_iter()
            .map(|p| (p.journal_entry_id, p))
            .collect();
    let mut by_amount: HashMap<i64, Vec<Item>> = HashMap::new();
    for item in lines {
        let Some(entry) = entries.get(&item.entry_id) else {
            continue;
        };
        // A reversed entry and its reversal cancel out: neither is an open item.
        if entry.reversed_by_entry_id.is_some() || entry.reverses_entry_id.is_some() {
            continue;
        }
        let payment = payments.get(&item.entry_id);
        let texts = [
            entry.reference.clone(),
            payment.and_then(|p| p.reference.clone()),
        ]
        .into_iter()
        .flatten()
        .collect();
        by_amount
            .entry(item.amount_minor)
            .or_default()
            .push(Item::Line {
                client: payment.map(|p| p.account_id),
                item,
                texts,
            });
    }
    let far = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default();
    for d in standing_documents(tx, org, &["invoice", "bill"], far, None)? {
        if d.currency != bank.currency || !matches!(d.status.as_str(), "open" | "partially_paid") {
            continue;
        }
        let due = d.total_minor - d.allocated_minor;
        if due <= 0 {
            continue;
        }
        let signed = if d.kind == "invoice" { due } else { -due };
        by_amount
            .entry(signed)
            .or_default()
            .push(Item::Document(Box::new(d)));
    }
    Ok(by_amount)
}

/// What auto-reconcile decided for one line.
enum Decision {
    Pick(Item, &'static str),
    Ambiguous(Vec<Item>),
    NoCandidate,
}

fn decide(
    line: &TransactionRow,
    items: &HashMap<i64, Vec<Item>>,
    window: i64,
    payers: &HashMap<String, Vec<ClientAccountId>>,
) -> Decision {
    let near: Vec<&Item> = items
        .get(&line.amount_minor)
        .map(|v| {
            v.iter()
                .filter(|i| match i {
                    // A document is due from its issue date on.
                    Item::Document(d) => d.issue_date <= line.booked_on + Duration::days(window),
                    Item::Line { item, .. } => {
                        (item.date - line.booked_on).num_days().abs() <= window
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    match near.as_slice() {
        [] => return Decision::NoCandidate,
        [one] => return Decision::Pick((*one).clone(), "only_candidate"),
        _ => {}
    }
    let text = remittance(line);
    let by_reference: Vec<&&Item> = near
        .iter()
        .filter(|i| i.texts().iter().any(|t| has_token(&text, t)))
        .collect();
    if let [one] = by_reference.as_slice() {
        return Decision::Pick((**one).clone(), "reference");
    }
    if let Some(acct) = line.counterparty_account.as_deref().map(account_identifier) {
        if let Some(clients) = payers.get(&acct) {
            let by_payer: Vec<&&Item> = near
                .iter()
                .filter(|i| i.client().is_some_and(|c| clients.contains(&c)))
                .collect();
            if let [one] = by_payer.as_slice() {
                return Decision::Pick((**one).clone(), "counterparty_account");
            }
        }
    }
    Decision::Ambiguous(near.into_iter().cloned().collect())
}

fn auto_in(
    tx: &mut Tx,
    bank_id: BankAccountId,
    req: AutoReconcileRequest,
) -> Result<AutoReconcileAnswer, AppError> {
    let caller = tx.caller()?;
    caller.require(if req.dry_run {
        Permission::Read
    } else {
        Permission::WriteBooks
    })?;
    let window = req.date_window_days.unwrap_or(7);
    let mut check = Check::new();
    check.range("date_window_days", Some(window), 0, 90);
    check.finish()?;
    let org = ledger::org(tx, caller)?;
    let bank = BankAccountRow::find(tx, org.id, bank_id).found("bank account")?;
    currency_of(&bank.currency)?;
    let filter = TransactionFilter {
        bank_account_id: Some(bank.id),
        status: Some("unreconciled".into()),
        ..TransactionFilter::default()
    };
    let lines = lines_store::list_transactions(tx, org.id, &filter, None, false, i64::MAX)?;
    let items = open_items(tx, &bank)?;
    let payers = payers(tx, org.id, &lines)?;
    let decisions: Vec<(TransactionRow, Decision)> = lines
        .into_iter()
        .map(|l| {
            let d = decide(&l, &items, window, &payers);
            (l, d)
        })
        .collect();
    // A candidate two lines would both take is taken by neither.
    let mut claims: HashMap<(String, Uuid), usize> = HashMap::new();
    for (_, d) in &decisions {
        if let Decision::Pick(item, _) = d {
            *claims.entry(item.key()).or_default() += 1;
        }
    }
    let rules = active_rules(tx, org.id)?;
    let mut answer = AutoReconcileAnswer {
        dry_run: req.dry_run,
        matched: Vec::new(),
        ambiguous: Vec::new(),
        unmatched: 0,
    };
    for (line, decision) in decisions {
        match decision {
            Decision::Pick(item, _) if claims.get(&item.key()).copied().unwrap_or(0) > 1 => {
                answer.ambiguous.push(Ambiguous {
                    bank_transaction_id: line.id.0,
                    candidates: vec![candidate(&item)],
                });
            }
            Decision::Pick(item, reason) => {
                let (kind, id) = item.key();
                let rec = if req.dry_run {
                    None
                } else {
                    Some(apply(tx, &bank, line.clone(), item)?.id)
                };
                answer.matched.push(AutoMatch {
                    bank_transaction_id: line.id.0,
                    kind,
                    id,
                    reason: reason.into(),
                    reconciliation_id: rec,
                });
            }
            Decision::Ambiguous(items) => answer.ambiguous.push(Ambiguous {
                bank_transaction_id: line.id.0,
                candidates: items.iter().map(candidate).collect(),
            }),
            Decision::NoCandidate => {
                let rule = rule_for(&rules, &line);
                match rule {
                    Some(rule) => {
                        let rec = if req.dry_run {
                            None
                        } else {
                            let category = Category {
                                ledger_account_id: rule.ledger_account_id,
                                account_id: rule.account_id,
                                tax_rate_id: rule.tax_rate_id,
                                description: None,
                                date: None,
                            };
                            Some(
                                reconcile::categorize_in(tx, line.clone(), &bank, category, true)?
                                    .id,
                            )
                        };
                        answer.matched.push(AutoMatch {
                            bank_transaction_id: line.id.0,
                            kind: "rule".into(),
                            id: rule.id.0,
                            reason: "rule".into(),
                            reconciliation_id: rec,
                        });
                    }
                    None => answer.unmatched += 1,
                }
            }
        }
    }
    Ok(answer)
}

/// The client accounts known to pay from each counterparty account the lines name.
fn payers(
    tx: &mut Tx,
    org: OrganizationId,
    lines: &[TransactionRow],
) -> Result<HashMap<String, Vec<ClientAccountId>>, AppError> {
    let mut out = HashMap::new();
    for ident in lines
        .iter()
        .filter_map(|l| l.counterparty_account.as_deref())
        .map(account_identifier)
        .collect::<HashSet<_>>()
    {
        let clients = find_accounts_by_bank_account(tx, org, &ident)?;
        if !clients.is_empty() {
            out.insert(ident, clients);
        }
    }
    Ok(out)
}

/// The first active rule that takes `line`.
fn rule_for<'a>(rules: &'a [BankRuleRow], line: &TransactionRow) -> Option<&'a BankRuleRow> {
    first_match(
        rules,
        &RuleLine {
            bank_account_id: line.bank_account_id,
            amount: line.amount.0,
            description: line.description.as_deref(),
            counterparty_name: line.counterparty_name.as_deref(),
        },
    )
}

fn candidate(item: &Item) -> Candidate {
    let (kind, id) = item.key();
    Candidate { kind, id }
}

/// Reconciles `line` with `item`: a ledger line by matching, a document by recording the
/// payment the line is and allocating it.
fn apply(
    tx: &mut Tx,
    bank: &BankAccountRow,
    line: TransactionRow,
    item: Item,
) -> Result<ReconciliationView, AppError> {
    match item {
        Item::Line { item, .. } => reconcile::match_auto(tx, bank, line, item),
        Item::Document(d) => {
            let currency = currency_of(&d.currency)?;
            let amount = rust_decimal::Decimal::new(line.amount_minor.abs(), currency.exponent());
            let allocation = AllocationEntry {
                invoice_id: (d.kind == "invoice").then_some(d.id.0),
                bill_id: (d.kind == "bill").then_some(d.id.0),
                credit_note_id: None,
                vendor_credit_id: None,
                amount,
                date: None,
            };
            reconcile::pay_from_line_in(
                tx,
                line,
                bank,
                PaymentInputFromLine {
                    account_id: d.account_id.0,
                    allocations: vec![allocation],
                    date: None,
                    reference: None,
                    memo: None,
                },
                true,
            )
        }
    }
}

/// `POST /bank-accounts/{id}/auto-reconcile`.
pub async fn run(
    app: &App,
    cx: &Context,
    bank: BankAccountId,
    req: AutoReconcileRequest,
) -> Result<Outcome, AppError> {
    if req.dry_run {
        let answer = app.read(cx, move |tx| auto_in(tx, bank, req)).await?;
        return Outcome::ok(&answer);
    }
    app.write_once(cx, move |tx| Outcome::ok(&auto_in(tx, bank, req)?))
        .await
}

#[cfg(test)]
mod tests {
    use super::has_token;

    #[test]
    fn a_reference_is_a_whole_token() {
        assert!(has_token(
            "Payment of invoice INV-0001, thank you",
            "INV-0001"
        ));
        assert!(has_token("inv-0001", "INV-0001"));
        assert!(!has_token("Payment INV-10", "INV-1"));
        assert!(!has_token("XINV-1", "INV-1"));
        assert!(has_token("INV-1/INV-2", "INV-1"));
        assert!(has_token("ref:INV-1.", "INV-1"));
        assert!(!has_token("anything", ""));
        assert!(!has_token("12 apples", "12"));
    }
}
