//! SQL types that mean the same thing on both backends.
//!
//! - [`DbUuid`]: PostgreSQL `uuid`, SQLite hyphenated `TEXT`.
//! - [`ExactDecimal`]: PostgreSQL `NUMERIC`, SQLite `TEXT`. diesel's built-in `Numeric` goes
//!   through `f64` on SQLite and loses digits; text round-trips exactly.
//!
//! Each type needs `ToSql`/`FromSql` for PostgreSQL, SQLite and the `MultiBackend` that
//! `#[derive(MultiConnection)]` generates; the last one only forwards to the first two.

use std::io::Write;

use diesel::deserialize::Queryable;
use diesel::deserialize::{self, FromSql};
use diesel::expression::AsExpression;
use diesel::internal::derives::as_expression::Bound;
use diesel::pg::{Pg, PgValue};
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::Nullable;
use diesel::sql_types::{HasSqlType, Numeric};
use diesel::sqlite::{Sqlite, SqliteValue};
use rust_decimal::Decimal;
use uuid::Uuid;

use super::MultiBackend;
use crate::domain::ids;

#[derive(
    Debug, Clone, Copy, Default, diesel::sql_types::SqlType, diesel::query_builder::QueryId,
)]
#[diesel(postgres_type(oid = 2950, array_oid = 2951))]
#[diesel(sqlite_type(name = "Text"))]
pub struct DbUuid;

#[derive(
    Debug, Clone, Copy, Default, diesel::sql_types::SqlType, diesel::query_builder::QueryId,
)]
#[diesel(postgres_type(oid = 1700, array_oid = 1231))]
#[diesel(sqlite_type(name = "Text"))]
pub struct ExactDecimal;

/// A UUID as stored; domain id newtypes convert to and from it.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    diesel::AsExpression,
    diesel::FromSqlRow,
)]
#[diesel(sql_type = DbUuid)]
pub struct SqlUuid(pub Uuid);

/// An exact decimal as stored (unit prices, quantities, rates).
#[derive(Debug, Clone, Copy, PartialEq, Eq, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = ExactDecimal)]
pub struct SqlDecimal(pub Decimal);

impl ToSql<DbUuid, Pg> for SqlUuid {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        out.write_all(self.0.as_bytes())?;
        Ok(IsNull::No)
    }
}

impl FromSql<DbUuid, Pg> for SqlUuid {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        Ok(SqlUuid(Uuid::from_slice(value.as_bytes())?))
    }
}

impl ToSql<DbUuid, Sqlite> for SqlUuid {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(self.0.hyphenated().to_string());
        Ok(IsNull::No)
    }
}

impl FromSql<DbUuid, Sqlite> for SqlUuid {
    fn from_sql(value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
        let text = <String as FromSql<diesel::sql_types::Text, Sqlite>>::from_sql(value)?;
        Ok(SqlUuid(Uuid::parse_str(&text)?))
    }
}

impl ToSql<ExactDecimal, Pg> for SqlDecimal {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        <Decimal as ToSql<Numeric, Pg>>::to_sql(&self.0, out)
    }
}

impl FromSql<ExactDecimal, Pg> for SqlDecimal {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        Ok(SqlDecimal(<Decimal as FromSql<Numeric, Pg>>::from_sql(
            value,
        )?))
    }
}

impl ToSql<ExactDecimal, Sqlite> for SqlDecimal {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(self.0.to_string());
        Ok(IsNull::No)
    }
}

impl FromSql<ExactDecimal, Sqlite> for SqlDecimal {
    fn from_sql(value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
        let text = <String as FromSql<diesel::sql_types::Text, Sqlite>>::from_sql(value)?;
        Ok(SqlDecimal(text.parse::<Decimal>()?))
    }
}

macro_rules! forward_to_multi_backend {
    ($sql:ty, $rust:ty) => {
        impl HasSqlType<$sql> for MultiBackend {
            fn metadata(lookup: &mut Self::MetadataLookup) -> Self::TypeMetadata {
                MultiBackend::lookup_sql_type::<$sql>(lookup)
            }
        }

        impl ToSql<$sql, MultiBackend> for $rust {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
                out.set_value((<$sql>::default(), self));
                Ok(IsNull::No)
            }
        }

        impl FromSql<$sql, MultiBackend> for $rust {
            fn from_sql(
                value: <MultiBackend as diesel::backend::Backend>::RawValue<'_>,
            ) -> deserialize::Result<Self> {
                value.from_sql::<Self, $sql>()
            }
        }
    };
}

forward_to_multi_backend!(DbUuid, SqlUuid);
forward_to_multi_backend!(ExactDecimal, SqlDecimal);

/// Lets a domain id stand in a row and in a query wherever a `DbUuid` column is: the same
/// encoding as [`SqlUuid`], typed by entity so one id is never taken for another.
macro_rules! uuid_columns {
    ($($id:ty),* $(,)?) => {$(
        impl ToSql<DbUuid, Pg> for $id {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                out.write_all(self.0.as_bytes())?;
                Ok(IsNull::No)
            }
        }

        impl FromSql<DbUuid, Pg> for $id {
            fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
                Ok(<$id as From<Uuid>>::from(Uuid::from_slice(value.as_bytes())?))
            }
        }

        impl ToSql<DbUuid, Sqlite> for $id {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
                out.set_value(self.0.hyphenated().to_string());
                Ok(IsNull::No)
            }
        }

        impl FromSql<DbUuid, Sqlite> for $id {
            fn from_sql(value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
                let text = <String as FromSql<diesel::sql_types::Text, Sqlite>>::from_sql(value)?;
                Ok(<$id as From<Uuid>>::from(Uuid::parse_str(&text)?))
            }
        }

        impl ToSql<DbUuid, MultiBackend> for $id {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
                out.set_value((DbUuid, self));
                Ok(IsNull::No)
            }
        }

        impl FromSql<DbUuid, MultiBackend> for $id {
            fn from_sql(
                value: <MultiBackend as diesel::backend::Backend>::RawValue<'_>,
            ) -> deserialize::Result<Self> {
                value.from_sql::<Self, DbUuid>()
            }
        }

        impl<DB> ToSql<Nullable<DbUuid>, DB> for $id
        where
            DB: diesel::backend::Backend,
            Self: ToSql<DbUuid, DB>,
        {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, DB>) -> serialize::Result {
                <Self as ToSql<DbUuid, DB>>::to_sql(self, out)
            }
        }

        impl AsExpression<DbUuid> for $id {
            type Expression = Bound<DbUuid, Self>;
            fn as_expression(self) -> Self::Expression {
                Bound::new(self)
            }
        }

        impl AsExpression<Nullable<DbUuid>> for $id {
            type Expression = Bound<Nullable<DbUuid>, Self>;
            fn as_expression(self) -> Self::Expression {
                Bound::new(self)
            }
        }

        impl<'e> AsExpression<DbUuid> for &'e $id {
            type Expression = Bound<DbUuid, Self>;
            fn as_expression(self) -> Self::Expression {
                Bound::new(self)
            }
        }

        impl<'e> AsExpression<Nullable<DbUuid>> for &'e $id {
            type Expression = Bound<Nullable<DbUuid>, Self>;
            fn as_expression(self) -> Self::Expression {
                Bound::new(self)
            }
        }

        impl<'e, 'f> AsExpression<DbUuid> for &'f &'e $id {
            type Expression = Bound<DbUuid, Self>;
            fn as_expression(self) -> Self::Expression {
                Bound::new(self)
            }
        }

    )*};
}

/// [`uuid_columns`] for a domain id, which also reads as a whole row value.
macro_rules! uuid_id_columns {
    ($($id:ty),* $(,)?) => {$(
        uuid_columns!($id);

        impl<DB, ST> Queryable<ST, DB> for $id
        where
            DB: diesel::backend::Backend,
            ST: diesel::sql_types::SingleValue,
            Self: FromSql<ST, DB>,
        {
            type Row = Self;
            fn build(row: Self) -> deserialize::Result<Self> {
                Ok(row)
            }
        }
    )*};
}

uuid_id_columns!(
    ids::OrganizationId,
    ids::UserId,
    ids::ApiKeyId,
    ids::TeamId,
    ids::RefreshTokenId,
    ids::SessionId,
    ids::LedgerAccountId,
    ids::ExchangeRateId,
    ids::JournalEntryId,
    ids::EntrySourceId,
    ids::ClientAccountId,
    ids::OwnerChangeId,
    ids::ContactId,
    ids::InteractionId,
    ids::FeedbackId,
    ids::ClientRequestId,
    ids::TaskId,
    ids::OpportunityId,
    ids::ProposalId,
    ids::RiskId,
    ids::AccountPlanId,
    ids::PlanObjectiveId,
    ids::PlanStakeholderId,
    ids::PlanReviewId,
    ids::CompetitorId,
    ids::TargetId,
    ids::TaxRateId,
    ids::BankAccountId,
    ids::DocumentId,
    ids::PaymentId,
    ids::AllocationId,
    ids::BankRuleId,
    ids::BankTransferId,
    ids::EventId,
    ids::AuditEventId,
    ids::WebhookId,
    ids::WebhookDeliveryId,
    ids::BankStatementId,
    ids::BankTransactionId,
    ids::BankReconciliationId,
    ids::ImportJobId,
);
