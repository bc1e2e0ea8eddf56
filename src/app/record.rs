//! The one mechanism for plain tenant-owned records: create, get, change with a version
//! check, delete and list, each its own unit of work.
//!
//! A resource is a declaration ([`Record`]: its name, the permission its writes need, its
//! row, input and view) plus its own rules (how input builds or changes a row, record-level
//! access, what else a write touches). The order is the same for every resource: the
//! permission first, then the record and its access, then the input's rules (every broken rule at
//! once), then the version the client read, then the write, and last the change is
//! noted for the change log. Documents and the ledger, whose rules differ, keep their own
//! code and compose with this through [`create_in`] and friends.

use serde::Serialize;
use uuid::Uuid;

use super::batch::{self, BatchResults};
use super::error::{AppError, Check, Found};
use super::input::IfMatch;
use super::page::{by_creation, ListQuery, Page, PageParams};
use super::unit_of_work::{Change, Outcome, Tx};
use super::{App, Context};
use crate::auth::Permission;
use crate::db::record::{Keyset, Stored, Versioned};
use crate::db::{self};

/// A plain record: its declaration and its own rules.
pub trait Record: Sized + 'static {
    /// One of them, as answers and the change log name it (`task`).
    const NAME: &'static str;
    /// One of them in words, for people (`no such tax rate`); by default [`Self::NAME`].
    const NOUN: &'static str = Self::NAME;
    /// Its collection under the API root (`tasks`).
    const COLLECTION: &'static str;
    /// What writing one needs, before any record-level rule.
    const WRITE: Permission;
    /// What reading one (or a list of them) needs.
    const READ: Permission = Permission::Read;

    type Row: Stored<Id: Copy + Send + From<Uuid> + Into<Uuid>, Filter: std::fmt::Debug>
        + Clone
        + Send
        + 'static;
    /// What a create takes.
    type Create: Send + 'static;
    /// What a change takes.
    type Patch: Send + 'static;
    type View: Serialize + Send + 'static;
    /// A list's query (filters and sort), as the client sent it.
    type Query: ListQuery + Send + 'static;

    /// Record-level access a create needs, from its input alone, before the input's rules
    /// (the account a record goes on, when the input names one that exists).
    fn may_create(_tx: &mut Tx, _input: &Self::Create) -> Result<(), AppError> {
        Ok(())
    }

    /// A new row from `input`: defaults, and every rule it breaks into `check`.
    fn new_row(tx: &mut Tx, input: &Self::Create, check: &mut Check)
        -> Result<Self::Row, AppError>;

    /// `patch` applied to `row` (a copy of the stored one); broken rules into `check`.
    fn apply(
        _tx: &mut Tx,
        _patch: &Self::Patch,
        _row: &mut Self::Row,
        _check: &mut Check,
    ) -> Result<(), AppError> {
        Err(AppError::internal("this record does not change"))
    }

    /// Record-level access: may the caller write `row` (as it is, or as it would become).
    fn may_write(_tx: &mut Tx, _row: &Self::Row) -> Result<(), AppError> {
        Ok(())
    }

    /// Rules of the stored record's state that refuse a change to it.
    fn may_change(_tx: &mut Tx, _current: &Self::Row) -> Result<(), AppError> {
        Ok(())
    }

    /// Rules of the stored record's state that refuse its deletion.
    fn may_delete(_tx: &mut Tx, _current: &Self::Row) -> Result<(), AppError> {
        Ok(())
    }

    /// Whether a change moved the record to where other access rules apply (another account).
    fn moved(_before: &Self::Row, _after: &Self::Row) -> bool {
        false
    }

    /// What else a create writes (joined rows, derived state), after the row.
    fn created(_tx: &mut Tx, _row: &Self::Row, _input: &Self::Create) -> Result<(), AppError> {
        Ok(())
    }

    /// The domain event a change is, when it is one (`won` for an opportunity whose stage
    /// became won); a plain `updated` otherwise.
    fn event(_before: &Self::Row, _after: &Self::Row) -> Option<&'static str> {
        None
    }

    /// What else a change writes, after the row is saved.
    fn updated(
        _tx: &mut Tx,
        _before: &Self::Row,
        _after: &Self::Row,
        _patch: &Self::Patch,
    ) -> Result<(), AppError> {
        Ok(())
    }

    /// Deletes the row and what hangs on it.
    fn delete(tx: &mut Tx, row: &Self::Row) -> Result<(), AppError> {
        Ok(Self::Row::delete(tx, row.organization_id(), row.id())?)
    }

    /// What else a deletion writes, after the row is gone.
    fn deleted(_tx: &mut Tx, _row: &Self::Row) -> Result<(), AppError> {
        Ok(())
    }

    /// The answers for `rows`, in their order.
    fn views(tx: &mut Tx, rows: Vec<Self::Row>) -> Result<Vec<Self::View>, AppError>;

    /// The stored filter of a list query, checked; and the text a cursor is bound to.
    fn filter(tx: &mut Tx, query: &Self::Query) -> Result<<Self::Row as Stored>::Filter, AppError>;

    /// The list's sort (`created_at` or `-created_at`).
    fn sort(_query: &Self::Query) -> Option<&str> {
        None
    }

    /// A unique violation on insert or save, as the sequential check would answer it.
    fn on_unique(e: diesel::result::Error) -> AppError {
        e.into()
    }
}

/// What a record under another one (`/account-plans/{id}/objectives`) takes on create and
/// list: the parent's id, from the path, and what the client sent.
#[derive(Debug)]
pub struct Under<T> {
    pub parent: Uuid,
    pub input: T,
}

impl<T: ListQuery> ListQuery for Under<T> {
    fn updated_since(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        self.input.updated_since()
    }
}

/// A record that lives under a parent record: its collection is the parent's
/// (`/account-plans/{id}/objectives`), its rows name the parent, and one is found only under
/// its own parent. Its create input and list query carry the parent's id ([`Under`]); the
/// rest is the plain record's.
pub trait Nested: Record<Create = Under<Self::Body>, Query = Under<Self::Params>> {
    /// What a create's body says.
    type Body: Send + 'static;
    /// A list's filters, as the client sent them.
    type Params: ListQuery + Send + 'static;
    /// The parent's collection under the API root (`account-plans`); [`Record::COLLECTION`]
    /// is then the part after the parent's id (`objectives`).
    const PARENT: &'static str;

    /// 404 naming the parent unless it exists in the caller's organization.
    fn parent(tx: &mut Tx, parent: Uuid) -> Result<(), AppError>;

    /// The parent a row is under.
    fn parent_of(row: &Self::Row) -> Uuid;
}

/// Reads one under `parent`, or 404 naming it (the parent first).
pub fn find_under<R: Nested>(tx: &mut Tx, parent: Uuid, id: IdOf<R>) -> Result<R::Row, AppError> {
    R::parent(tx, parent)?;
    let row = find::<R>(tx, id)?;
    if R::parent_of(&row) != parent {
        return Err(AppError::not_found(R::NOUN));
    }
    Ok(row)
}

/// The id type of a record.
pub type IdOf<R> = <<R as Record>::Row as Stored>::Id;

/// A record whose rows change (they carry a version).
pub trait Changeable: Record<Row: Versioned> {}

impl<R: Record<Row: Versioned>> Changeable for R {}

fn view_of<R: Record>(tx: &mut Tx, row: R::Row) -> Result<R::View, AppError> {
    R::views(tx, vec![row])?
        .pop()
        .ok_or_else(|| AppError::not_found(R::NOUN))
}

fn id_of<R: Record>(row: &R::Row) -> Uuid {
    row.id().into()
}

/// Reads one, or 404 naming it.
pub fn find<R: Record>(tx: &mut Tx, id: IdOf<R>) -> Result<R::Row, AppError> {
    let org = tx.caller()?.org;
    R::Row::find(tx, org, id).found(R::NOUN)
}

/// Creates one inside an open unit of work; its view.
pub fn create_in<R: Record>(tx: &mut Tx, input: R::Create) -> Result<R::View, AppError> {
    created_in::<R>(tx, input).map(|(_, view)| view)
}

fn created_in<R: Record>(tx: &mut Tx, input: R::Create) -> Result<(Uuid, R::View), AppError> {
    tx.caller()?.require(R::WRITE)?;
    R::may_create(tx, &input)?;
    let mut check = Check::new();
    let row = R::new_row(tx, &input, &mut check)?;
    check.finish()?;
    R::may_write(tx, &row)?;
    row.insert(tx).map_err(R::on_unique)?;
    R::created(tx, &row, &input)?;
    let id = id_of::<R>(&row);
    let view = view_of::<R>(tx, row)?;
    tx.record(Change::created(R::NAME, id, &view));
    Ok((id, view))
}

/// Changes one inside an open unit of work; its view.
pub fn update_in<R: Changeable>(
    tx: &mut Tx,
    id: IdOf<R>,
    expected: &IfMatch,
    patch: R::Patch,
) -> Result<R::View, AppError> {
    changed_in::<R>(tx, id, expected, patch, |_, _| false).map(|(_, view)| view)
}

/// Changes one inside an open unit of work if `patch` changes anything; a patch that leaves
/// the row as it is saves nothing, bumps no version and records no change (an import that
/// repeats what is stored). Only the row is compared: a patch that sets joined rows (an
/// account's competitors) goes through [`update_in`]. Its view, and the top-level fields of
/// the view that changed (besides `version` and `updated_at`), or `None` when nothing did.
pub fn update_if_changed_in<R>(
    tx: &mut Tx,
    id: IdOf<R>,
    expected: &IfMatch,
    patch: R::Patch,
) -> Result<(Option<Vec<String>>, R::View), AppError>
where
    R: Changeable<Row: PartialEq>,
{
    changed_in::<R>(tx, id, expected, patch, |current, row| current == row)
}

fn changed_in<R: Changeable>(
    tx: &mut Tx,
    id: IdOf<R>,
    expected: &IfMatch,
    patch: R::Patch,
    same: impl FnOnce(&R::Row, &R::Row) -> bool,
) -> Result<(Option<Vec<String>>, R::View), AppError> {
    tx.caller()?.require(R::WRITE)?;
    let current = find::<R>(tx, id)?;
    R::may_write(tx, &current)?;
    R::may_change(tx, &current)?;
    // As it was, joined rows included, before anything changes.
    let before = view_of::<R>(tx, current.clone())?;
    let mut row = current.clone();
    let mut check = Check::new();
    R::apply(tx, &patch, &mut row, &mut check)?;
    check.finish()?;
    // The precondition after the content's own rules: a bad body is 422 whatever its ETag.
    expected.check(current.version())?;
    if same(&current, &row) {
        return Ok((None, before));
    }
    if R::moved(&current, &row) {
        R::may_write(tx, &row)?;
    }
    row.touch(db::now());
    if !row.save(tx, current.version()).map_err(R::on_unique)? {
        return Err(AppError::version_mismatch());
    }
    R::updated(tx, &current, &row, &patch)?;
    let event = R::event(&current, &row);
    let after = view_of::<R>(tx, row)?;
    let change = Change::updated(R::NAME, id.into(), &before, &after);
    let fields = changed_fields(change.before.as_ref(), change.after.as_ref());
    tx.record(match event {
        Some(name) => change.as_event(name),
        None => change,
    });
    Ok((Some(fields), after))
}

/// The top-level fields whose values differ between two views, besides the version stamps.
fn changed_fields(
    before: Option<&serde_json::Value>,
    after: Option<&serde_json::Value>,
) -> Vec<String> {
    let (Some(serde_json::Value::Object(before)), Some(serde_json::Value::Object(after))) =
        (before, after)
    else {
        return Vec::new();
    };
    after
        .iter()
        .filter(|(field, value)| {
            !matches!(field.as_str(), "version" | "updated_at") && before.get(*field) != Some(value)
        })
        .map(|(field, _)| field.clone())
        .collect()
}

/// Deletes one inside an open unit of work.
pub fn delete_in<R: Record>(tx: &mut Tx, id: IdOf<R>) -> Result<(), AppError> {
    tx.caller()?.require(R::WRITE)?;
    let current = find::<R>(tx, id)?;
    R::may_write(tx, &current)?;
    R::may_delete(tx, &current)?;
    let before = view_of::<R>(tx, current.clone())?;
    R::delete(tx, &current)?;
    R::deleted(tx, &current)?;
    tx.record(Change::deleted(R::NAME, id.into(), &before));
    Ok(())
}

/// `POST /{collection}`: creates one; the answer a retry with the same key replays.
pub async fn create<R: Record>(
    app: &App,
    cx: &Context,
    input: R::Create,
) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| {
        let (id, view) = created_in::<R>(tx, input)?;
        Outcome::created(R::COLLECTION, id, &view)
    })
    .await
}

/// `POST /{collection}/batch`: creates each of 1 to 100 records in its own savepoint of one
/// unit of work; the answer (200, a result per record) a retry with the same key replays.
/// Each record is created, refused and recorded (events, audit) exactly as by [`create`].
pub async fn create_batch<R: Record>(
    app: &App,
    cx: &Context,
    records: Vec<R::Create>,
) -> Result<Outcome, AppError> {
    // Refusals of the whole request come first: a caller who may write none of them, a count
    // out of bounds.
    cx.caller()?.require(R::WRITE)?;
    let mut check = Check::new();
    batch::check_size(
        &mut check,
        "records",
        records.len(),
        batch::MAX_BATCH_RECORDS,
    );
    check.finish()?;
    app.write_once(cx, move |tx| {
        let created = batch::each_in_savepoint(tx, records.into_iter().map(Ok), create_in::<R>)?;
        Outcome::ok(&BatchResults::of(created))
    })
    .await
}

/// `GET /{collection}/{id}`.
pub async fn get<R: Record>(app: &App, cx: &Context, id: IdOf<R>) -> Result<R::View, AppError> {
    app.read(cx, move |tx| {
        tx.caller()?.require(R::READ)?;
        let row = find::<R>(tx, id)?;
        view_of::<R>(tx, row)
    })
    .await
}

/// `PATCH /{collection}/{id}`.
pub async fn update<R: Changeable>(
    app: &App,
    cx: &Context,
    id: IdOf<R>,
    expected: IfMatch,
    patch: R::Patch,
) -> Result<R::View, AppError> {
    app.write(cx, move |tx| update_in::<R>(tx, id, &expected, patch))
        .await
}

/// `DELETE /{collection}/{id}`.
pub async fn delete<R: Record>(app: &App, cx: &Context, id: IdOf<R>) -> Result<(), AppError> {
    app.write(cx, move |tx| delete_in::<R>(tx, id)).await
}

/// `GET /{collection}`: a page in creation order, the cursor bound to the filters.
pub async fn list<R: Record>(
    app: &App,
    cx: &Context,
    page: PageParams,
    query: R::Query,
) -> Result<Page<R::View>, AppError> {
    app.read(cx, move |tx| list_in::<R>(tx, &page, &query))
        .await
}

fn list_in<R: Record>(
    tx: &mut Tx,
    page: &PageParams,
    query: &R::Query,
) -> Result<Page<R::View>, AppError> {
    tx.caller()?.require(R::READ)?;
    let filter = R::filter(tx, query)?;
    let since = query.updated_since().map(|t| t.naive_utc());
    let (page, descending, after) =
        by_creation::<IdOf<R>>(page, R::sort(query), &format!("{filter:?} {since:?}"))?;
    let org = tx.caller()?.org;
    let keyset = Keyset {
        after,
        descending,
        limit: page.fetch(),
        updated_since: since,
    };
    let rows = R::Row::list(tx, org, &filter, keyset)?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id().into()).collect();
    let views = R::views(tx, rows)?;
    let mut keyed = ids.into_iter().zip(views);
    let page_of = page.page(
        keyed.by_ref().collect(),
        |(id, _)| (String::new(), *id),
        |(_, v)| v,
    );
    Ok(page_of)
}

/// `POST /{parent collection}/{parent}/{collection}`: creates one under `parent`.
pub async fn create_under<R: Nested>(
    app: &App,
    cx: &Context,
    parent: Uuid,
    body: R::Body,
) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| {
        let input = Under {
            parent,
            input: body,
        };
        let (id, view) = created_in::<R>(tx, input)?;
        Outcome::created(
            &format!("{}/{parent}/{}", R::PARENT, R::COLLECTION),
            id,
            &view,
        )
    })
    .await
}

/// `GET /{parent collection}/{parent}/{collection}/{id}`.
pub async fn get_under<R: Nested>(
    app: &App,
    cx: &Context,
    parent: Uuid,
    id: IdOf<R>,
) -> Result<R::View, AppError> {
    app.read(cx, move |tx| {
        tx.caller()?.require(R::READ)?;
        let row = find_under::<R>(tx, parent, id)?;
        view_of::<R>(tx, row)
    })
    .await
}

/// `PATCH /{parent collection}/{parent}/{collection}/{id}`.
pub async fn update_under<R: Nested + Changeable>(
    app: &App,
    cx: &Context,
    parent: Uuid,
    id: IdOf<R>,
    expected: IfMatch,
    patch: R::Patch,
) -> Result<R::View, AppError> {
    app.write(cx, move |tx| {
        tx.caller()?.require(R::WRITE)?;
        find_under::<R>(tx, parent, id)?;
        update_in::<R>(tx, id, &expected, patch)
    })
    .await
}

/// `DELETE /{parent collection}/{parent}/{collection}/{id}`.
pub async fn delete_under<R: Nested>(
    app: &App,
    cx: &Context,
    parent: Uuid,
    id: IdOf<R>,
) -> Result<(), AppError> {
    app.write(cx, move |tx| {
        tx.caller()?.require(R::WRITE)?;
        find_under::<R>(tx, parent, id)?;
        delete_in::<R>(tx, id)
    })
    .await
}

/// `GET /{parent collection}/{parent}/{collection}`: the parent's, a page in creation order.
pub async fn list_under<R: Nested>(
    app: &App,
    cx: &Context,
    parent: Uuid,
    page: PageParams,
    params: R::Params,
) -> Result<Page<R::View>, AppError> {
    app.read(cx, move |tx| {
        tx.caller()?.require(R::READ)?;
        R::parent(tx, parent)?;
        let query = Under {
            parent,
            input: params,
        };
        list_in::<R>(tx, &page, &query)
    })
    .await
}
