//! The tables, written by hand for both backends: `DbUuid` is `uuid` on PostgreSQL and TEXT on
//! SQLite. A test checks that each migrated database has exactly these columns.

use diesel::{allow_tables_to_appear_in_same_query, table};

table! {
    use diesel::sql_types::*;
    app_settings (key) {
        key -> Text,
        value -> Text,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    organizations (id) {
        id -> DbUuid,
        name -> Text,
        base_currency -> Text,
        fiscal_year_start_month -> SmallInt,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        lock_date -> Nullable<Date>,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    users (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        name -> Text,
        email -> Text,
        password_hash -> Text,
        role -> Text,
        title -> Nullable<Text>,
        is_active -> Bool,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    refresh_tokens (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        user_id -> DbUuid,
        family_id -> DbUuid,
        token_hash -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    api_keys (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        created_by -> DbUuid,
        name -> Text,
        prefix -> Text,
        key_hash -> Text,
        role -> Text,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    teams (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        name -> Text,
        lead_id -> Nullable<DbUuid>,
        parent_team_id -> Nullable<DbUuid>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    team_members (organization_id, team_id, user_id) {
        organization_id -> DbUuid,
        team_id -> DbUuid,
        user_id -> DbUuid,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    idempotency_keys (organization_id, principal_id, key) {
        organization_id -> DbUuid,
        principal_id -> DbUuid,
        key -> Text,
        request_hash -> Text,
        status_code -> Nullable<Integer>,
        response_body -> Nullable<Text>,
        location -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    ledger_accounts (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        code -> Text,
        name -> Text,
        #[sql_name = "type"]
        account_type -> Text,
        parent_id -> Nullable<DbUuid>,
        currency -> Text,
        is_active -> Bool,
        system_role -> Nullable<Text>,
        description -> Nullable<Text>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbUuid, ExactDecimal};
    exchange_rates (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        currency -> Text,
        rate_date -> Date,
        rate -> ExactDecimal,
        created_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    journal_entries (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        entry_date -> Date,
        description -> Text,
        reference -> Nullable<Text>,
        source -> Text,
        source_id -> Nullable<DbUuid>,
        metadata -> Text,
        reverses_entry_id -> Nullable<DbUuid>,
        reversed_by_entry_id -> Nullable<DbUuid>,
        reversal_reason -> Nullable<Text>,
        created_by -> DbUuid,
        posted_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbUuid, ExactDecimal};
    journal_lines (organization_id, entry_id, line_no) {
        organization_id -> DbUuid,
        entry_id -> DbUuid,
        line_no -> Integer,
        ledger_account_id -> DbUuid,
        entry_date -> Date,
        currency -> Text,
        debit_minor -> BigInt,
        credit_minor -> BigInt,
        exchange_rate -> Nullable<ExactDecimal>,
        base_debit_minor -> BigInt,
        base_credit_minor -> BigInt,
        description -> Nullable<Text>,
        account_id -> Nullable<DbUuid>,
    }
}

allow_tables_to_appear_in_same_query!(
    ledger_accounts,
    exchange_rates,
    journal_entries,
    journal_lines,
    organizations,
    users,
    refresh_tokens,
    api_keys,
    teams,
    team_members,
    idempotency_keys,
);
