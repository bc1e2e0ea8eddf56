//! `GET /accounts/{id}/timeline`: everything that happened with an account, newest first —
//! interactions, tasks, risks, opportunities, proposals, feedback and requests, and from the
//! books its issued invoices and credit notes and its payments.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::accounts::load_account;
use super::money_string;
use crate::app::error::AppError;
use crate::app::page::{Page, PageParams, PageRequest};
use crate::app::unit_of_work::Tx;
use crate::app::{App, Context};
use crate::auth::Permission;
use crate::db::crm::accounts::{AccountRow, CURSOR_TIME};
use crate::db::{self};
use crate::domain::ids::ClientAccountId;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimelineEntry {
    /// `interaction`, `task`, `risk`, `opportunity`, `proposal`, `feedback`, `request`,
    /// `invoice`, `credit_note` or `payment`. Invoices and credit notes appear once issued,
    /// at their issue date; payments at their date (both at midnight UTC).
    #[serde(rename = "type")]
    pub entry_type: String,
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub title: String,
    pub detail: Option<String>,
    /// The record's status (for a status change, the status it moved to).
    pub status: Option<String>,
    /// The record's kind: an interaction's (`call`, `meeting`, ...), a risk's, an
    /// opportunity's, a request's or a feedback's (`csat`, `nps`).
    pub kind: Option<String>,
    /// What happened at `at`: `created`, or a status change (`resolved`, `won`, `lost`,
    /// `sent`); a task is shown at its due date (`due`), feedback when it was received.
    pub event: String,
}

/// `GET /accounts/{id}/timeline`: everything about the account, newest first.
pub async fn timeline(
    app: &App,
    cx: &Context,
    id: ClientAccountId,
    page: PageParams,
) -> Result<Page<TimelineEntry>, AppError> {
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        let page = PageRequest::new(&page, "-at", &id.to_string())?;
        let after = match &page.after {
            Some((v, i)) => Some((
                NaiveDateTime::parse_from_str(v, CURSOR_TIME).map_err(|_| {
                    AppError::field(
                        "invalid_cursor",
                        "cursor",
                        "is not a cursor this list handed out",
                    )
                })?,
                *i,
            )),
            None => None,
        };
        let account = load_account(tx, caller, id)?;
        let entries = entries_of(tx, &account, after, page.fetch())?;
        Ok(page.page(
            entries,
            |e| (e.at.naive_utc().format(CURSOR_TIME).to_string(), e.id),
            |e| e,
        ))
    })
    .await
}

/// The account's entries after `after` (the last (at, id) of the previous page), newest
/// first, at most `limit`.
fn entries_of(
    tx: &mut Tx,
    account: &AccountRow,
    after: Option<(NaiveDateTime, Uuid)>,
    limit: i64,
) -> Result<Vec<TimelineEntry>, AppError> {
    let org = account.organization_id;
    let ids = [account.id];
    let mut all: Vec<(NaiveDateTime, TimelineEntry)> = Vec::new();
    let midnight = |d: NaiveDate| d.and_hms_opt(0, 0, 0).unwrap_or_default();
    let mut push = |t: &str,
                    id: Uuid,
                    (at, event): (NaiveDateTime, &str),
                    title: String,
                    detail: Option<String>,
                    (status, kind): (Option<String>, Option<String>)| {
        all.push((
            at,
            TimelineEntry {
                entry_type: t.into(),
                id,
                at: at.and_utc(),
                title,
                detail,
                status,
                kind,
                event: event.into(),
            },
        ));
    };
    for i in db::crm::interactions::interactions_of_accounts(tx, org, &ids)? {
        push(
            "interaction",
            i.id.0,
            (i.occurred_at, "created"),
            i.subject.unwrap_or_else(|| i.kind.clone()),
            i.summary,
            (None, Some(i.kind)),
        );
    }
    for t in db::crm::tasks::tasks_of_accounts(tx, org, &ids)? {
        let at = match t.due_on {
            Some(d) => (midnight(d), "due"),
            None => (t.created_at, "created"),
        };
        push(
            "task",
            t.id.0,
            at,
            t.title,
            t.due_on.map(|d| format!("due {d}")),
            (Some(t.status), None),
        );
    }
    for r in db::crm::risks::risks_of_accounts(tx, org, &ids)? {
        // A risk closed (resolved or lost) shows when it was: its last change.
        if matches!(r.status.as_str(), "resolved" | "lost") {
            push(
                "risk",
                r.id.0,
                (r.updated_at, r.status.as_str()),
                format!("{} risk ({}) {}", r.kind, r.severity, r.status),
                r.resolution.clone(),
                (Some(r.status.clone()), Some(r.kind.clone())),
            );
        }
        push(
            "risk",
            r.id.0,
            (r.created_at, "created"),
            format!("{} risk ({})", r.kind, r.severity),
            Some(r.description),
            (Some(r.status), Some(r.kind)),
        );
    }
    for o in db::crm::opportunities::opportunities_of_accounts(tx, org, &ids)? {
        let amount = money_string(o.amount_minor, &o.currency);
        if let Some(on) = o.closed_on {
            push(
                "opportunity",
                o.id.0,
                (midnight(on), o.stage.as_str()),
                format!("{} {}", o.name, o.stage),
                Some(format!("{amount} {}", o.currency)),
                (Some(o.stage.clone()), Some(o.kind.clone())),
            );
        }
        push(
            "opportunity",
            o.id.0,
            (o.created_at, "created"),
            o.name,
            Some(format!("{} {} {}", o.kind, amount, o.currency)),
            (Some(o.stage), Some(o.kind)),
        );
    }
    for p in db::crm::proposals::proposals_of_accounts(tx, org, &ids)? {
        if let Some(on) = p.sent_on {
            push(
                "proposal",
                p.id.0,
                (midnight(on), "sent"),
                format!("proposal {} sent", p.number),
                p.summary.clone(),
                (Some(p.status.clone()), None),
            );
        }
        push(
            "proposal",
            p.id.0,
            (p.created_at, "created"),
            format!("proposal {}", p.number),
            p.summary,
            (Some(p.status), None),
        );
    }
    for f in db::crm::feedback::feedback_of_accounts(tx, org, &ids)? {
        push(
            "feedback",
            f.id.0,
            (midnight(f.received_on), "received"),
            format!("{} {}", f.kind, f.score),
            f.comment,
            (None, Some(f.kind)),
        );
    }
    for r in db::crm::requests::requests_of_accounts(tx, org, &ids)? {
        push(
            "request",
            r.id.0,
            (r.created_at, "created"),
            r.kind.clone(),
            Some(r.summary),
            (Some(r.status), Some(r.kind)),
        );
    }
    for d in db::crm::revenue::issued_receivables_of_account(tx, org, account.id)? {
        let total = money_string(d.total_minor, &d.currency);
        let (label, detail) = match d.kind.as_str() {
            "invoice" => (
                "invoice",
                match d.due_date {
                    Some(due) => format!("{total} {} due {due}", d.currency),
                    None => format!("{total} {}", d.currency),
                },
            ),
            _ => ("credit note", format!("{total} {}", d.currency)),
        };
        push(
            &d.kind,
            d.id.0,
            (midnight(d.issue_date), "issued"),
            format!("{label} {}", d.number.unwrap_or_default())
                .trim_end()
                .to_owned(),
            Some(detail),
            (Some(d.status), None),
        );
    }
    for p in db::crm::revenue::payments_of_account(tx, org, account.id)? {
        let amount = money_string(p.amount_minor, &p.currency);
        push(
            "payment",
            p.id.0,
            (midnight(p.payment_date), "created"),
            format!("payment {}", p.direction),
            Some(match p.reference {
                Some(r) => format!("{amount} {} ({r})", p.currency),
                None => format!("{amount} {}", p.currency),
            }),
            (Some(p.status), None),
        );
    }
    all.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.id.cmp(&a.1.id)));
    Ok(all
        .into_iter()
        .filter(|(at, e)| after.is_none_or(|(a, i)| (*at, e.id) < (a, i)))
        .take(limit.max(0) as usize)
        .map(|(_, e)| e)
        .collect())
}
