//! `POST /contacts/import`: contacts from CSV, by the rules of the account import (see
//! [`super::import`]). A row names its account by `account_id`, or by `account_domain`
//! and/or `account_name` (which must point at exactly one account); within that account it
//! updates the contact with its email and name, or with its name alone when it has no email.
//! Another contact with that email, or an account named ambiguously, is a `conflict`.

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::contacts::{Contact, ContactCreate, ContactInput};
use super::import::{
    each_row, merged_custom_fields, run, same_name, ImportError, ImportParams, Line, MatchedBy,
    Placement, RowOutcome, RowReport, Sheet, SheetRow, Tally,
};
use crate::app::error::{AppError, Check, FieldError};
use crate::app::input::IfMatch;
use crate::app::record;
use crate::app::unit_of_work::{Outcome, Tx};
use crate::app::{App, Context};
use crate::auth::Permission;
use crate::db::crm::accounts::AccountRow;
use crate::db::crm::contacts::ContactRow;
use crate::db::record::Stored;
use crate::db::{self};
use crate::domain::ids::{ClientAccountId, ContactId, OrganizationId};

/// The columns a contact import reads (besides `custom_fields.NAME`).
pub const CONTACT_COLUMNS: [&str; 12] = [
    "id",
    "account_id",
    "account_domain",
    "account_name",
    "name",
    "title",
    "seniority",
    "email",
    "phone",
    "is_decision_maker",
    "influence",
    "status",
];

/// What became of one row of a contact import.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ContactImportRow {
    /// Line number in the file; the header is line 1.
    pub row: u64,
    pub outcome: RowOutcome,
    /// The contact created, updated or left unchanged; for a conflict, the contact the row
    /// clashes with (if the clash is with a contact).
    pub contact_id: Option<Uuid>,
    /// The contact's account; for a conflict, the account the row names.
    pub account_id: Option<Uuid>,
    /// How the row found its contact (`id`, `email` or `name`).
    pub matched_by: Option<MatchedBy>,
    /// The fields the row changed (on `updated`).
    pub changed_fields: Vec<String>,
    /// Why the row changed nothing (on `conflict` and `error`).
    pub errors: Vec<FieldError>,
}

/// The answer of a contact import: a summary and every row's outcome.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ContactImportResult {
    /// True when nothing was committed (`dry_run=true`).
    pub dry_run: bool,
    /// Rows that created a contact.
    pub created: u64,
    /// Rows that matched an existing contact and were applied; `unchanged` of them changed
    /// nothing.
    pub updated: u64,
    /// Rows that matched an existing contact and changed nothing (a subset of `updated`).
    pub unchanged: u64,
    /// Rows that clashed with an existing contact or named an account ambiguously, and
    /// changed nothing.
    pub conflicts: u64,
    /// Every problem of every `error` and `conflict` row, with its line.
    pub errors: Vec<ImportError>,
    /// Every data row, in file order.
    pub rows: Vec<ContactImportRow>,
}

/// `POST /contacts/import`: `body` is the CSV file.
pub async fn import(
    app: &App,
    cx: &Context,
    params: ImportParams,
    body: Vec<u8>,
) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| {
        Outcome::ok(&import_contacts_in(tx, &params, &body)?)
    })
    .await
}

/// Imports every row of the file that it can, and answers for each.
pub fn import_contacts_in(
    tx: &mut Tx,
    params: &ImportParams,
    body: &[u8],
) -> Result<ContactImportResult, AppError> {
    tx.caller()?.require(Permission::WriteCrm)?;
    let (sheet, rows) = read_contacts(body, params)?;
    let reports = run(tx, params, |tx| import_contact_rows(tx, &sheet, &rows))?;
    Ok(contact_result(params.dry_run, reports))
}

/// The file's header checked against the contact columns, and its rows.
pub fn read_contacts(
    body: &[u8],
    params: &ImportParams,
) -> Result<(Sheet, Vec<SheetRow>), AppError> {
    Sheet::read(body, &CONTACT_COLUMNS, params, |s| {
        let mut problems = s.require_any(
            &["name", "id"],
            "the file needs a name column (or an id column to update contacts by id)",
        );
        problems.extend(s.require_any(
            &["account_id", "account_domain", "account_name", "id"],
            "the file needs an account_id, account_domain or account_name column",
        ));
        problems
    })
}

/// The answer of a contact import from its rows' reports.
pub fn contact_result(dry_run: bool, reports: Vec<RowReport>) -> ContactImportResult {
    let tally = Tally::of(&reports);
    ContactImportResult {
        dry_run,
        created: tally.created,
        updated: tally.updated,
        unchanged: tally.unchanged,
        conflicts: tally.conflicts,
        errors: tally.errors,
        rows: reports
            .into_iter()
            .map(|r| ContactImportRow {
                row: r.row,
                outcome: r.outcome,
                contact_id: r.id,
                account_id: r.account_id,
                matched_by: r.matched_by,
                changed_fields: r.changed_fields,
                errors: r.errors,
            })
            .collect(),
    }
}

/// Imports a chunk of contact rows, each in its own savepoint.
pub fn import_contact_rows(
    tx: &mut Tx,
    sheet: &Sheet,
    rows: &[SheetRow],
) -> Result<Vec<RowReport>, AppError> {
    each_row(tx, sheet, rows, contact_row)
}

/// Where a row's account is: found, not named (an `id` row keeps its contact's account), or
/// named ambiguously.
enum AccountPlace {
    Found(ClientAccountId),
    Unnamed,
    Conflict(Uuid, FieldError),
}

/// One contact row: created, applied to the contact it names, or reported.
fn contact_row(tx: &mut Tx, line: &Line) -> Result<RowReport, AppError> {
    let org = tx.caller()?.org;
    let mut check = Check::new();
    let id = line.uuid("id", &mut check);
    let account_id = line.uuid("account_id", &mut check);
    let mut input = contact_input(line, &mut check);
    check.finish()?;
    let account = match account_of(tx, org, line, account_id)? {
        AccountPlace::Found(a) => Some(a),
        AccountPlace::Unnamed => None,
        AccountPlace::Conflict(with, why) => {
            // The clash is with an account: no contact to name.
            let mut report = RowReport::conflict(line.row, with, None, why);
            report.id = None;
            report.account_id = Some(with);
            return Ok(report);
        }
    };
    let placement = match (id, account) {
        (Some(id), _) => Placement::Existing(contact_by_id(tx, org, id)?, MatchedBy::Id),
        (None, None) => return Err(AppError::field(
            "required",
            "account_id",
            "a row without an id names its account (account_id, account_domain or account_name)",
        )),
        (None, Some(a)) => place_contact(tx, org, a, line.get("name"), line.get("email"))?,
    };
    let custom = line.custom_fields();
    match placement {
        Placement::Conflict(with, by, why) => Ok(RowReport {
            account_id: account.map(|a| a.0),
            ..RowReport::conflict(line.row, with, by, why)
        }),
        Placement::New => {
            input.account_id = account.map(|a| a.0);
            input.custom_fields = merged_custom_fields("{}", &custom);
            let view = record::create_in::<Contact>(tx, ContactCreate(input))?;
            Ok(RowReport {
                account_id: Some(view.account_id),
                ..RowReport::created(line.row, view.id)
            })
        }
        Placement::Existing(current, by) => {
            // The name found the contact; it is only a new value when an id did.
            if by != MatchedBy::Id {
                input.name = None;
            }
            input.account_id = account.map(|a| a.0);
            input.custom_fields = merged_custom_fields(&current.custom_fields, &custom);
            let (changed, view) =
                record::update_if_changed_in::<Contact>(tx, current.id, &IfMatch::Any, input)?;
            Ok(RowReport {
                account_id: Some(view.account_id),
                ..RowReport::applied(line.row, current.id.0, by, changed)
            })
        }
    }
}

/// The row's cells as a contact's input (empty cells leave fields as they are).
fn contact_input(line: &Line, check: &mut Check) -> ContactInput {
    let text = |field: &str| line.get(field).map(str::to_owned);
    ContactInput {
        account_id: None,
        name: text("name"),
        title: text("title").map(Some),
        seniority: text("seniority").map(Some),
        email: text("email").map(Some),
        phone: text("phone").map(Some),
        is_decision_maker: line.flag("is_decision_maker", check),
        influence: text("influence").map(Some),
        status: text("status"),
        custom_fields: None,
    }
}

/// The account a row names: by `account_id`, or by `account_domain` and/or `account_name`,
/// which must fit exactly one live account.
fn account_of(
    tx: &mut Tx,
    org: OrganizationId,
    line: &Line,
    account_id: Option<Uuid>,
) -> Result<AccountPlace, AppError> {
    if let Some(id) = account_id {
        return match AccountRow::find(tx, org, ClientAccountId(id)) {
            Ok(a) if a.archived_at.is_some() => Err(AppError::field(
                "archived",
                "account_id",
                "this account is archived",
            )),
            Ok(a) => Ok(AccountPlace::Found(a.id)),
            Err(diesel::result::Error::NotFound) => Err(AppError::field(
                "not_found",
                "account_id",
                "no such account in your organization",
            )),
            Err(e) => Err(e.into()),
        };
    }
    let name = line.get("account_name");
    let domain = match line.get("account_domain") {
        Some(d) => match crate::domain::crm::website_domain(d) {
            Some(d) => Some(d),
            None => {
                return Err(AppError::field(
                    "invalid_domain",
                    "account_domain",
                    "must be a domain or a web address such as example.com",
                ))
            }
        },
        None => None,
    };
    let again = "add an account_id column to say which account";
    let (candidates, field) = match (&domain, name) {
        (None, None) => return Ok(AccountPlace::Unnamed),
        (Some(d), name) => {
            let on_domain = db::crm::import::accounts_on_domain(tx, org, d)?;
            match name {
                None => (on_domain, "account_domain"),
                Some(n) => {
                    let same: Vec<AccountRow> = on_domain
                        .iter()
                        .filter(|a| same_name(&a.name, n))
                        .cloned()
                        .collect();
                    if let (true, Some(other)) = (same.is_empty(), on_domain.first()) {
                        return Ok(AccountPlace::Conflict(
                            other.id.0,
                            FieldError::new(
                                "account_name",
                                "domain_conflict",
                                format!(
                                    "the account on {d} is \"{}\", not this name; {again}",
                                    other.name
                                ),
                            ),
                        ));
                    }
                    (same, "account_name")
                }
            }
        }
        (None, Some(n)) => (db::crm::import::accounts_named(tx, org, n)?, "account_name"),
    };
    match candidates.as_slice() {
        [] => Err(AppError::field(
            "not_found",
            field,
            "no live account of your organization fits",
        )),
        [one] => Ok(AccountPlace::Found(one.id)),
        [first, ..] => Ok(AccountPlace::Conflict(
            first.id.0,
            FieldError::new(
                field,
                "ambiguous_match",
                format!("{} accounts fit; {again}", candidates.len()),
            ),
        )),
    }
}

/// The contact a row's `id` names, of the caller's organization.
fn contact_by_id(tx: &mut Tx, org: OrganizationId, id: Uuid) -> Result<ContactRow, AppError> {
    match ContactRow::find(tx, org, ContactId(id)) {
        Ok(c) => Ok(c),
        Err(diesel::result::Error::NotFound) => Err(AppError::field(
            "not_found",
            "id",
            "no such contact in your organization",
        )),
        Err(e) => Err(e.into()),
    }
}

/// The contact of `account` a row without an id names: the one with its email and name;
/// with no email, the one with its name. Another contact with the email, or several that
/// fit, is a conflict.
fn place_contact(
    tx: &mut Tx,
    org: OrganizationId,
    account: ClientAccountId,
    name: Option<&str>,
    email: Option<&str>,
) -> Result<Placement<ContactRow>, AppError> {
    let Some(name) = name else {
        return Err(AppError::field(
            "required",
            "name",
            "a row without an id needs a name",
        ));
    };
    let again = "add an id column to say which contact the row updates";
    let ambiguous = |first: &ContactRow, n: usize, by: MatchedBy| {
        Placement::Conflict(
            first.id.0,
            Some(by),
            FieldError::new(
                "name",
                "ambiguous_match",
                format!("{n} contacts of this account fit; {again}"),
            ),
        )
    };
    let named = |tx: &mut Tx| db::crm::import::contacts_named(tx, org, account, name);
    let Some(email) = email else {
        let mut found = named(tx)?;
        return Ok(match found.len() {
            0 => Placement::New,
            1 => match found.pop() {
                Some(c) => Placement::Existing(c, MatchedBy::Name),
                None => Placement::New,
            },
            n => ambiguous(&found[0], n, MatchedBy::Name),
        });
    };
    let with_email = db::crm::import::contacts_with_email(tx, org, account, email)?;
    let mut same: Vec<ContactRow> = with_email
        .iter()
        .filter(|c| same_name(&c.name, name))
        .cloned()
        .collect();
    if same.len() > 1 {
        return Ok(ambiguous(&same[0], same.len(), MatchedBy::Email));
    }
    if let Some(c) = same.pop() {
        return Ok(Placement::Existing(c, MatchedBy::Email));
    }
    if let Some(other) = with_email.first() {
        return Ok(Placement::Conflict(
            other.id.0,
            Some(MatchedBy::Email),
            FieldError::new(
                "email",
                "email_conflict",
                format!(
                    "contact {} \"{}\" of this account has this email and another name; nothing \
                     was changed ({again})",
                    other.id.0, other.name
                ),
            ),
        ));
    }
    // Nobody with this email: a contact of this name without an email is this one.
    let found = named(tx)?;
    match found.as_slice() {
        [] => Ok(Placement::New),
        [only] if only.email.is_none() => Ok(Placement::Existing(only.clone(), MatchedBy::Name)),
        [first, ..] => Ok(Placement::Conflict(
            first.id.0,
            Some(MatchedBy::Name),
            FieldError::new(
                "email",
                "name_conflict",
                format!(
                    "a contact of this name has another email ({}); nothing was changed ({again})",
                    first.email.as_deref().unwrap_or("several contacts")
                ),
            ),
        )),
    }
}
