//! Storage of plain tenant-owned records: find, insert, save with a version check, delete
//! and a keyset page, for any table declared with [`stored!`](crate::stored). A table's
//! declaration names its row, its id and how its list filters apply; everything else is the
//! same for every table.

use diesel::QueryResult;

use super::DbConn;
use crate::domain::ids::OrganizationId;

/// Where a page of a list starts, and how long it is. Plain records page in creation order
/// (UUIDv7 ids), forward or backward; every list can be narrowed to the rows changed since an
/// instant (`updated_since`, on each table's `updated_at`).
#[derive(Debug, Clone, Copy)]
pub struct Keyset<Id> {
    pub after: Option<Id>,
    pub descending: bool,
    pub limit: i64,
    pub updated_since: Option<chrono::NaiveDateTime>,
}

/// A row of a table keyed by `(organization_id, id)`.
pub trait Stored: Sized {
    type Id: Copy;
    type Filter;

    fn id(&self) -> Self::Id;
    fn organization_id(&self) -> OrganizationId;

    fn find(conn: &mut DbConn, org: OrganizationId, id: Self::Id) -> QueryResult<Self>;
    fn insert(&self, conn: &mut DbConn) -> QueryResult<()>;
    fn delete(conn: &mut DbConn, org: OrganizationId, id: Self::Id) -> QueryResult<()>;
    fn list(
        conn: &mut DbConn,
        org: OrganizationId,
        filter: &Self::Filter,
        page: Keyset<Self::Id>,
    ) -> QueryResult<Vec<Self>>;
}

/// A row that changes, guarded by a version (optimistic concurrency).
pub trait Versioned: Stored {
    /// The concurrency token (`version`).
    fn version(&self) -> i64;
    /// The next version, changed `now`.
    fn touch(&mut self, now: chrono::NaiveDateTime);
    /// Saves the row if the stored one still has `expected_version`; whether it did.
    fn save(&self, conn: &mut DbConn, expected_version: i64) -> QueryResult<bool>;
}

/// Declares a table's row as [`Stored`], and with `version:` as [`Versioned`]:
///
/// ```ignore
/// stored!(TaskRow in tasks, id: TaskId, filter: RecordFilter => |q, f| {
///     if let Some(a) = f.account_id { q = q.filter(tasks::account_id.eq(a)); }
///     q
/// });
/// stored!(TaskRow in tasks, version: version, updated: updated_at);
/// ```
///
/// The filter closure narrows a boxed query of the table; `updated` is the column stamped on
/// each save.
#[macro_export]
macro_rules! stored {
    ($row:ident in $table:ident, version: $version:ident, updated: $updated:ident) => {
        impl $crate::db::record::Versioned for $row {
            fn version(&self) -> i64 {
                self.$version
            }

            fn touch(&mut self, now: chrono::NaiveDateTime) {
                self.$version += 1;
                self.$updated = now;
            }

            fn save(
                &self,
                conn: &mut $crate::db::DbConn,
                expected_version: i64,
            ) -> diesel::QueryResult<bool> {
                use diesel::prelude::*;
                let target = $table::table.filter(
                    $table::organization_id
                        .eq(self.organization_id)
                        .and($table::id.eq(self.id))
                        .and($table::$version.eq(expected_version)),
                );
                Ok(diesel::update(target).set(self).execute(conn)? == 1)
            }
        }
    };
    (
        $row:ident in $table:ident, id: $id:ty,
        filter: $filter:ty => |$q:ident, $f:ident| $apply:block
    ) => {
        impl $crate::db::record::Stored for $row {
            type Id = $id;
            type Filter = $filter;

            fn id(&self) -> $id {
                self.id
            }

            fn organization_id(&self) -> $crate::domain::ids::OrganizationId {
                self.organization_id
            }

            fn find(
                conn: &mut $crate::db::DbConn,
                org: $crate::domain::ids::OrganizationId,
                id: $id,
            ) -> diesel::QueryResult<Self> {
                use diesel::prelude::*;
                $table::table
                    .filter($table::organization_id.eq(org).and($table::id.eq(id)))
                    .select($row::as_select())
                    .first(conn)
            }

            fn insert(&self, conn: &mut $crate::db::DbConn) -> diesel::QueryResult<()> {
                use diesel::prelude::*;
                diesel::insert_into($table::table)
                    .values(self)
                    .execute(conn)
                    .map(drop)
            }

            fn delete(
                conn: &mut $crate::db::DbConn,
                org: $crate::domain::ids::OrganizationId,
                id: $id,
            ) -> diesel::QueryResult<()> {
                use diesel::prelude::*;
                diesel::delete(
                    $table::table.filter($table::organization_id.eq(org).and($table::id.eq(id))),
                )
                .execute(conn)
                .map(drop)
            }

            fn list(
                conn: &mut $crate::db::DbConn,
                org: $crate::domain::ids::OrganizationId,
                $f: &$filter,
                page: $crate::db::record::Keyset<$id>,
            ) -> diesel::QueryResult<Vec<Self>> {
                use diesel::prelude::*;
                #[allow(unused_mut)]
                let mut $q = $table::table
                    .filter($table::organization_id.eq(org))
                    .select($row::as_select())
                    .into_boxed();
                let mut q = $apply;
                if let Some(t) = page.updated_since {
                    q = q.filter($table::updated_at.ge(t));
                }
                if let Some(id) = page.after {
                    q = if page.descending {
                        q.filter($table::id.lt(id))
                    } else {
                        q.filter($table::id.gt(id))
                    };
                }
                q = if page.descending {
                    q.order($table::id.desc())
                } else {
                    q.order($table::id.asc())
                };
                q.limit(page.limit).load(conn)
            }
        }
    };
}
