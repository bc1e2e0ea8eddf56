//! Tax rates: the rows (a plain record, see [`crate::db::record`]), and what documents ask of
//! them.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{document_lines, tax_rates};
use crate::db::{DbConn, SqlDecimal};
use crate::domain::ids::{LedgerAccountId, OrganizationId, TaxRateId};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = tax_rates, treat_none_as_null = true)]
pub struct TaxRateRow {
    pub organization_id: OrganizationId,
    pub id: TaxRateId,
    pub name: String,
    pub rate: SqlDecimal,
    pub kind: String,
    pub recoverable: bool,
    pub sales_ledger_account_id: LedgerAccountId,
    pub purchase_ledger_account_id: LedgerAccountId,
    pub is_active: bool,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

// The list filters on whether the rate is active.
crate::stored!(TaxRateRow in tax_rates, id: TaxRateId, filter: Option<bool> => |q, f| {
    if let Some(active) = *f {
        q = q.filter(tax_rates::is_active.eq(active));
    }
    q
});
crate::stored!(TaxRateRow in tax_rates, version: version, updated: updated_at);

pub fn by_ids(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[TaxRateId],
) -> QueryResult<Vec<TaxRateRow>> {
    tax_rates::table
        .filter(
            tax_rates::organization_id
                .eq(org)
                .and(tax_rates::id.eq_any(ids)),
        )
        .select(TaxRateRow::as_select())
        .load(conn)
}

pub fn all(conn: &mut DbConn, org: OrganizationId) -> QueryResult<Vec<TaxRateRow>> {
    tax_rates::table
        .filter(tax_rates::organization_id.eq(org))
        .order(tax_rates::id.asc())
        .select(TaxRateRow::as_select())
        .load(conn)
}

pub fn name_taken(
    conn: &mut DbConn,
    org: OrganizationId,
    name: &str,
    except: Option<TaxRateId>,
) -> QueryResult<bool> {
    let mut q = tax_rates::table
        .filter(
            tax_rates::organization_id
                .eq(org)
                .and(tax_rates::name.eq(name)),
        )
        .select(tax_rates::id)
        .into_boxed();
    if let Some(id) = except {
        q = q.filter(tax_rates::id.ne(id));
    }
    Ok(q.first::<TaxRateId>(conn).optional()?.is_some())
}

/// Whether a document line uses the rate.
pub fn in_use(conn: &mut DbConn, org: OrganizationId, id: TaxRateId) -> QueryResult<bool> {
    Ok(document_lines::table
        .filter(
            document_lines::organization_id
                .eq(org)
                .and(document_lines::tax_rate_id.eq(id)),
        )
        .select(document_lines::line_no)
        .first::<i32>(conn)
        .optional()?
        .is_some())
}
