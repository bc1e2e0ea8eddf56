//! Reports as tables, for spreadsheets: each report says which columns and rows it is, and the
//! HTTP edge writes them as CSV when the client asks for `text/csv` (one mechanism for every
//! report). Amounts stay the exact decimal strings of the JSON answer.

use serde::Serialize;

use crate::app::billing::aging::AgingReport;
use crate::app::crm::reports::{PerformanceReport, PerformanceRow, SalesReport};
use crate::app::ledger::balances::AccountLedgerView;
use crate::app::ledger::reports::{
    BalanceSheetView, GeneralLedgerView, IncomeStatementView, StatementRowView, TrialBalanceView,
};

/// A header and its rows, all text.
#[derive(Debug, Default)]
pub struct Table {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// A report that reads as one table.
pub trait Tabular {
    fn table(&self) -> Table;
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// An enum's wire name.
fn wire<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

impl Tabular for PerformanceReport {
    fn table(&self) -> Table {
        let row = |kind: &str, r: &PerformanceRow| {
            vec![
                kind.to_owned(),
                opt(&r.user_id),
                opt(&r.team_id),
                r.name.clone(),
                opt(&r.title),
                r.accounts_managed.to_string(),
                r.at_risk_accounts.to_string(),
                r.interactions.to_string(),
                opt(&r.avg_csat),
                opt(&r.nps),
                r.open_risks.to_string(),
                r.pipeline_weighted.clone(),
                r.won_amount.clone(),
                r.revenue_invoiced.clone(),
                r.revenue_collected.clone(),
                self.currency.clone(),
            ]
        };
        Table {
            header: vec![
                "row",
                "user_id",
                "team_id",
                "name",
                "title",
                "accounts_managed",
                "at_risk_accounts",
                "interactions",
                "avg_csat",
                "nps",
                "open_risks",
                "pipeline_weighted",
                "won_amount",
                "revenue_invoiced",
                "revenue_collected",
                "currency",
            ],
            rows: self
                .managers
                .iter()
                .map(|r| row("manager", r))
                .chain(self.teams.iter().map(|r| row("team", r)))
                .collect(),
        }
    }
}

impl Tabular for SalesReport {
    fn table(&self) -> Table {
        Table {
            header: vec![
                "key",
                "label",
                "won_count",
                "won_amount",
                "lost_count",
                "lost_amount",
                "pipeline_weighted",
                "revenue_invoiced",
                "revenue_collected",
                "currency",
            ],
            rows: self
                .rows
                .iter()
                .map(|r| {
                    vec![
                        r.key.clone(),
                        r.label.clone(),
                        r.won_count.to_string(),
                        r.won_amount.clone(),
                        r.lost_count.to_string(),
                        r.lost_amount.clone(),
                        r.pipeline_weighted.clone(),
                        r.revenue_invoiced.clone(),
                        r.revenue_collected.clone(),
                        self.currency.clone(),
                    ]
                })
                .collect(),
        }
    }
}

impl Tabular for AgingReport {
    /// One row per account, then a `total` row.
    fn table(&self) -> Table {
        let mut rows: Vec<Vec<String>> = self
            .accounts
            .iter()
            .map(|r| {
                let b = &r.buckets;
                vec![
                    r.account_id.to_string(),
                    r.name.clone(),
                    opt(&r.owner_id),
                    opt(&r.team_id),
                    b.current.clone(),
                    b.days_1_30.clone(),
                    b.days_31_60.clone(),
                    b.days_61_90.clone(),
                    b.days_over_90.clone(),
                    b.total.clone(),
                    b.disputed.clone(),
                ]
            })
            .collect();
        let t = &self.totals;
        rows.push(vec![
            String::new(),
            "total".into(),
            String::new(),
            String::new(),
            t.current.clone(),
            t.days_1_30.clone(),
            t.days_31_60.clone(),
            t.days_61_90.clone(),
            t.days_over_90.clone(),
            t.total.clone(),
            t.disputed.clone(),
        ]);
        Table {
            header: vec![
                "account_id",
                "name",
                "owner_id",
                "team_id",
                "current",
                "days_1_30",
                "days_31_60",
                "days_61_90",
                "days_over_90",
                "total",
                "disputed",
            ],
            rows,
        }
    }
}

impl Tabular for TrialBalanceView {
    /// One row per account, then a `total` row.
    fn table(&self) -> Table {
        let mut rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.ledger_account_id.to_string(),
                    r.code.clone(),
                    r.name.clone(),
                    wire(&r.account_type),
                    r.currency.clone(),
                    r.debit.clone(),
                    r.credit.clone(),
                    opt(&r.balance_in_currency),
                ]
            })
            .collect();
        rows.push(vec![
            String::new(),
            String::new(),
            "total".into(),
            String::new(),
            self.currency.clone(),
            self.totals.debit.clone(),
            self.totals.credit.clone(),
            String::new(),
        ]);
        Table {
            header: vec![
                "ledger_account_id",
                "code",
                "name",
                "type",
                "currency",
                "debit",
                "credit",
                "balance_in_currency",
            ],
            rows,
        }
    }
}

const STATEMENT_HEADER: [&str; 7] = [
    "section",
    "ledger_account_id",
    "code",
    "name",
    "parent_id",
    "balance",
    "total",
];

fn statement_rows(section: &str, rows: &[StatementRowView]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| {
            vec![
                section.to_owned(),
                opt(&r.ledger_account_id),
                r.code.clone().or_else(|| r.key.clone()).unwrap_or_default(),
                r.name.clone(),
                opt(&r.parent_id),
                r.balance.clone(),
                r.total.clone(),
            ]
        })
        .collect()
}

fn total_row(section: &str, amount: &str) -> Vec<String> {
    vec![
        section.to_owned(),
        String::new(),
        String::new(),
        "total".into(),
        String::new(),
        String::new(),
        amount.to_owned(),
    ]
}

impl Tabular for BalanceSheetView {
    fn table(&self) -> Table {
        let mut rows = statement_rows("assets", &self.assets);
        rows.push(total_row("assets", &self.totals.assets));
        rows.extend(statement_rows("liabilities", &self.liabilities));
        rows.push(total_row("liabilities", &self.totals.liabilities));
        rows.extend(statement_rows("equity", &self.equity));
        rows.push(total_row("equity", &self.totals.equity));
        rows.push(total_row(
            "liabilities_and_equity",
            &self.totals.liabilities_and_equity,
        ));
        Table {
            header: STATEMENT_HEADER.to_vec(),
            rows,
        }
    }
}

impl Tabular for IncomeStatementView {
    fn table(&self) -> Table {
        let mut rows = statement_rows("income", &self.income);
        rows.push(total_row("income", &self.totals.income));
        rows.extend(statement_rows("expenses", &self.expenses));
        rows.push(total_row("expenses", &self.totals.expenses));
        rows.push(total_row("net_income", &self.totals.net_income));
        Table {
            header: STATEMENT_HEADER.to_vec(),
            rows,
        }
    }
}

impl Tabular for GeneralLedgerView {
    /// Per account: its opening balance, its lines with the running balance, its closing.
    fn table(&self) -> Table {
        let mut rows = Vec::new();
        let edge = |a: &AccountLedgerView, what: &str, balance: &str| {
            vec![
                a.ledger_account_id.to_string(),
                a.code.clone(),
                a.name.clone(),
                String::new(),
                String::new(),
                what.to_owned(),
                String::new(),
                String::new(),
                String::new(),
                balance.to_owned(),
            ]
        };
        for a in &self.accounts {
            rows.push(edge(a, "opening balance", &a.opening_balance));
            for l in &a.lines {
                rows.push(vec![
                    a.ledger_account_id.to_string(),
                    a.code.clone(),
                    a.name.clone(),
                    l.date.to_string(),
                    l.entry_id.to_string(),
                    l.description.clone(),
                    opt(&l.reference),
                    l.debit.clone(),
                    l.credit.clone(),
                    l.balance.clone(),
                ]);
            }
            rows.push(edge(a, "closing balance", &a.closing_balance));
        }
        Table {
            header: vec![
                "ledger_account_id",
                "code",
                "name",
                "date",
                "entry_id",
                "description",
                "reference",
                "debit",
                "credit",
                "balance",
            ],
            rows,
        }
    }
}
