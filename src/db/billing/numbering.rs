//! The numbering counters of issued documents: one row per kind and organization, taken
//! under a row lock so concurrent issues queue and a rolled-back issue leaves no gap.

use diesel::prelude::*;

use crate::db::schema::document_sequences;
use crate::db::DbConn;
use crate::domain::ids::OrganizationId;

pub fn insert_sequences(conn: &mut DbConn, org: OrganizationId) -> QueryResult<()> {
    for (kind, prefix) in [
        ("invoice", "INV-"),
        ("credit_note", "CN-"),
        ("vendor_credit", "VC-"),
    ] {
        diesel::insert_into(document_sequences::table)
            .values((
                document_sequences::organization_id.eq(org),
                document_sequences::kind.eq(kind),
                document_sequences::prefix.eq(prefix),
                document_sequences::next_number.eq(1_i64),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Takes the next number of a sequence. The UPDATE locks the counter row until the issuing
/// transaction ends, so concurrent issuers queue and a rolled-back issue leaves no gap.
pub fn take_number(
    conn: &mut DbConn,
    org: OrganizationId,
    kind: &str,
) -> QueryResult<(String, i64)> {
    let (prefix, next): (String, i64) = diesel::update(
        document_sequences::table.filter(
            document_sequences::organization_id
                .eq(org)
                .and(document_sequences::kind.eq(kind)),
        ),
    )
    .set(document_sequences::next_number.eq(document_sequences::next_number + 1))
    .returning((document_sequences::prefix, document_sequences::next_number))
    .get_result(conn)?;
    Ok((prefix, next - 1))
}

pub fn sequences(
    conn: &mut DbConn,
    org: OrganizationId,
) -> QueryResult<Vec<(String, String, i64)>> {
    document_sequences::table
        .filter(document_sequences::organization_id.eq(org))
        .select((
            document_sequences::kind,
            document_sequences::prefix,
            document_sequences::next_number,
        ))
        .load(conn)
}

pub fn set_prefix(
    conn: &mut DbConn,
    org: OrganizationId,
    kind: &str,
    prefix: &str,
) -> QueryResult<()> {
    diesel::update(
        document_sequences::table.filter(
            document_sequences::organization_id
                .eq(org)
                .and(document_sequences::kind.eq(kind)),
        ),
    )
    .set(document_sequences::prefix.eq(prefix))
    .execute(conn)
    .map(drop)
}
