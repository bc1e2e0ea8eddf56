//! One id type per entity, so a `UserId` is never mistaken for a `TeamId`.
//! Ids are UUIDv7: time-ordered, so the default sort (by id) is creation order. The API
//! shows them as plain UUIDs; the database layer stores them (`db::types`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($($name:ident),* $(,)?) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            pub fn new() -> Self {
                $name(Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map($name)
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> Self {
                $name(id)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                        utoipa::openapi::KnownFormat::Uuid,
                    )))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}
    )*};
}

id_type!(
    // identity
    OrganizationId,
    UserId,
    ApiKeyId,
    TeamId,
    RefreshTokenId,
    SessionId,
    // ledger
    LedgerAccountId,
    ExchangeRateId,
    JournalEntryId,
    // what a journal entry was posted for (a document, a payment, an allocation)
    EntrySourceId,
    // client relationships
    ClientAccountId,
    OwnerChangeId,
    ContactId,
    InteractionId,
    FeedbackId,
    ClientRequestId,
    TaskId,
    OpportunityId,
    ProposalId,
    RiskId,
    CompetitorId,
    TargetId,
    // account planning
    AccountPlanId,
    PlanObjectiveId,
    PlanStakeholderId,
    PlanReviewId,
    // billing
    TaxRateId,
    BankAccountId,
    DocumentId,
    PaymentId,
    AllocationId,
    // banking
    BankRuleId,
    BankTransferId,
    // the change log and the audit trail
    EventId,
    AuditEventId,
    // webhooks
    WebhookId,
    WebhookDeliveryId,
    // banking: statements, their lines and reconciliations
    BankStatementId,
    BankTransactionId,
    BankReconciliationId,
    // CSV imports run as jobs
    ImportJobId,
);

/// What can post a journal entry.
macro_rules! entry_source {
    ($($from:ident),*) => {$(
        impl From<$from> for EntrySourceId {
            fn from(id: $from) -> Self {
                EntrySourceId(id.0)
            }
        }
    )*};
}

entry_source!(
    DocumentId,
    PaymentId,
    AllocationId,
    JournalEntryId,
    BankReconciliationId,
    BankTransactionId,
    BankTransferId
);
