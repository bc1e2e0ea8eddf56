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
        rounding_mode -> Text,
        timezone -> Text,
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
        updated_at -> Timestamp,
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
        updated_at -> Timestamp,
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
        updated_at -> Timestamp,
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

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    ledger_balance_days (organization_id, ledger_account_id, day) {
        organization_id -> DbUuid,
        ledger_account_id -> DbUuid,
        day -> Date,
        debit_minor -> BigInt,
        credit_minor -> BigInt,
        base_debit_minor -> BigInt,
        base_credit_minor -> BigInt,
    }
}

// Where folding into ledger_balance_days stopped (db::ledger::balances). On PostgreSQL,
// journal_lines also has `txid`, the writing transaction's id, set by its default and read
// only in SQL text, so it is not declared here.
table! {
    ledger_fold_state (id) {
        id -> Integer,
        horizon -> BigInt,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    crm_settings (organization_id) {
        organization_id -> DbUuid,
        settings -> Text,
        version -> BigInt,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    competitors (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        name -> Text,
        name_key -> Text,
        website -> Nullable<Text>,
        notes -> Nullable<Text>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    accounts (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        name -> Text,
        legal_name -> Nullable<Text>,
        industry -> Nullable<Text>,
        website -> Nullable<Text>,
        website_domain -> Nullable<Text>,
        tier -> Text,
        own_status -> Text,
        status -> Text,
        is_customer -> Bool,
        is_vendor -> Bool,
        owner_id -> Nullable<DbUuid>,
        team_id -> Nullable<DbUuid>,
        currency -> Text,
        goals -> Nullable<Text>,
        tags -> Text,
        custom_fields -> Text,
        check_in_every_days -> Nullable<Integer>,
        last_check_in_at -> Nullable<Timestamp>,
        check_in_due_at -> Timestamp,
        churn_reason -> Nullable<Text>,
        churned_on -> Nullable<Date>,
        lost_to_competitor_id -> Nullable<DbUuid>,
        merged_into_id -> Nullable<DbUuid>,
        archived_at -> Nullable<Timestamp>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        bank_accounts -> Text,
        name_key -> Text,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;

    import_jobs (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        kind -> Text,
        status -> Text,
        dry_run -> Bool,
        params -> Text,
        file -> Binary,
        rows_total -> Integer,
        rows_done -> Integer,
        actor_kind -> Text,
        actor_id -> DbUuid,
        request_id -> Nullable<Text>,
        failure -> Nullable<Text>,
        claimed_until -> Nullable<Timestamp>,
        claimed_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;

    import_job_rows (organization_id, job_id, seq) {
        organization_id -> DbUuid,
        job_id -> DbUuid,
        seq -> Integer,
        report -> Text,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    account_competitors (organization_id, account_id, competitor_id) {
        organization_id -> DbUuid,
        account_id -> DbUuid,
        competitor_id -> DbUuid,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    account_owner_history (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        account_id -> DbUuid,
        from_owner_id -> Nullable<DbUuid>,
        to_owner_id -> Nullable<DbUuid>,
        from_team_id -> Nullable<DbUuid>,
        to_team_id -> Nullable<DbUuid>,
        changed_by -> DbUuid,
        changed_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    contacts (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        account_id -> DbUuid,
        name -> Text,
        title -> Nullable<Text>,
        seniority -> Nullable<Text>,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        is_decision_maker -> Bool,
        influence -> Nullable<Text>,
        status -> Text,
        custom_fields -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    interactions (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        account_id -> DbUuid,
        author_id -> DbUuid,
        kind -> Text,
        direction -> Text,
        occurred_at -> Timestamp,
        subject -> Nullable<Text>,
        summary -> Nullable<Text>,
        sentiment -> Nullable<Integer>,
        next_step -> Nullable<Text>,
        follow_up_on -> Nullable<Date>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    interaction_contacts (organization_id, interaction_id, contact_id) {
        organization_id -> DbUuid,
        interaction_id -> DbUuid,
        contact_id -> DbUuid,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    feedback (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        account_id -> DbUuid,
        contact_id -> Nullable<DbUuid>,
        kind -> Text,
        score -> Integer,
        comment -> Nullable<Text>,
        received_on -> Date,
        created_by -> DbUuid,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    requests (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        account_id -> DbUuid,
        contact_id -> Nullable<DbUuid>,
        kind -> Text,
        summary -> Text,
        routed_to_team_id -> Nullable<DbUuid>,
        status -> Text,
        responded_at -> Nullable<Timestamp>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    tasks (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        account_id -> DbUuid,
        assignee_id -> Nullable<DbUuid>,
        title -> Text,
        due_on -> Nullable<Date>,
        priority -> Text,
        status -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    opportunities (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        account_id -> DbUuid,
        owner_id -> Nullable<DbUuid>,
        kind -> Text,
        name -> Text,
        amount_minor -> BigInt,
        currency -> Text,
        stage -> Text,
        probability -> Integer,
        expected_close_on -> Nullable<Date>,
        closed_on -> Nullable<Date>,
        lost_reason -> Nullable<Text>,
        lost_to_competitor_id -> Nullable<DbUuid>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    proposals (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        opportunity_id -> DbUuid,
        account_id -> DbUuid,
        number -> Integer,
        status -> Text,
        sent_on -> Nullable<Date>,
        summary -> Nullable<Text>,
        client_input -> Nullable<Text>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        valid_until -> Nullable<Date>,
        amount_minor -> Nullable<BigInt>,
        currency -> Text,
        discount_basis_points -> Nullable<Integer>,
        term_months -> Nullable<Integer>,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    proposal_sources (organization_id, proposal_id, interaction_id) {
        organization_id -> DbUuid,
        proposal_id -> DbUuid,
        interaction_id -> DbUuid,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    risks (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        account_id -> DbUuid,
        kind -> Text,
        severity -> Text,
        description -> Text,
        competitor_id -> Nullable<DbUuid>,
        invoice_ids -> Text,
        disputed_amount_minor -> Nullable<BigInt>,
        disputed_currency -> Nullable<Text>,
        status -> Text,
        outcome -> Nullable<Text>,
        resolution -> Nullable<Text>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        opened_on -> Date,
        resolved_on -> Nullable<Date>,
        credit_note_ids -> Text,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    risk_disputed_invoices (organization_id, risk_id, invoice_id) {
        organization_id -> DbUuid,
        risk_id -> DbUuid,
        invoice_id -> DbUuid,
        amount_minor -> BigInt,
        currency -> Text,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    risk_steps (organization_id, risk_id, step_no) {
        organization_id -> DbUuid,
        risk_id -> DbUuid,
        step_no -> Integer,
        step -> Text,
        owner_id -> Nullable<DbUuid>,
        due_on -> Nullable<Date>,
        done -> Bool,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbUuid, ExactDecimal};
    targets (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        user_id -> Nullable<DbUuid>,
        team_id -> Nullable<DbUuid>,
        period_start -> Date,
        period_end -> Date,
        metric -> Text,
        amount -> ExactDecimal,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    document_sequences (organization_id, kind) {
        organization_id -> DbUuid,
        kind -> Text,
        prefix -> Text,
        next_number -> BigInt,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbUuid, ExactDecimal};
    tax_rates (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        name -> Text,
        rate -> ExactDecimal,
        kind -> Text,
        recoverable -> Bool,
        sales_ledger_account_id -> DbUuid,
        purchase_ledger_account_id -> DbUuid,
        is_active -> Bool,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbUuid, ExactDecimal};
    bank_accounts (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        name -> Text,
        currency -> Text,
        iban -> Nullable<Text>,
        number -> Nullable<Text>,
        ledger_account_id -> DbUuid,
        is_active -> Bool,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        kind -> Text,
        csv_mapping -> Nullable<Text>,
        anchor_date -> Nullable<Date>,
        anchor_balance -> Nullable<ExactDecimal>,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbUuid, ExactDecimal};
    documents (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        kind -> Text,
        account_id -> DbUuid,
        number -> Nullable<Text>,
        reference -> Nullable<Text>,
        status -> Text,
        issue_date -> Date,
        due_date -> Nullable<Date>,
        currency -> Text,
        exchange_rate -> ExactDecimal,
        amounts_are -> Text,
        subtotal_minor -> BigInt,
        tax_total_minor -> BigInt,
        total_minor -> BigInt,
        base_subtotal_minor -> BigInt,
        base_total_minor -> BigInt,
        allocated_minor -> BigInt,
        allocated_base_minor -> BigInt,
        related_document_id -> Nullable<DbUuid>,
        memo -> Nullable<Text>,
        owner_id -> Nullable<DbUuid>,
        team_id -> Nullable<DbUuid>,
        journal_entry_id -> Nullable<DbUuid>,
        void_entry_id -> Nullable<DbUuid>,
        issued_at -> Nullable<Timestamp>,
        voided_at -> Nullable<Timestamp>,
        created_by -> DbUuid,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        overdue_notified_at -> Nullable<Timestamp>,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbUuid, ExactDecimal};
    document_lines (organization_id, document_id, line_no) {
        organization_id -> DbUuid,
        document_id -> DbUuid,
        line_no -> Integer,
        description -> Text,
        quantity -> ExactDecimal,
        unit_price -> ExactDecimal,
        tax_rate_id -> Nullable<DbUuid>,
        ledger_account_id -> DbUuid,
        amount_minor -> BigInt,
        tax_minor -> BigInt,
        base_amount_minor -> BigInt,
        base_tax_minor -> BigInt,
        account_id -> Nullable<DbUuid>,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbUuid, ExactDecimal};
    payments (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        direction -> Text,
        ledger -> Text,
        account_id -> DbUuid,
        bank_account_id -> DbUuid,
        payment_date -> Date,
        amount_minor -> BigInt,
        currency -> Text,
        exchange_rate -> ExactDecimal,
        base_amount_minor -> BigInt,
        allocated_minor -> BigInt,
        allocated_base_minor -> BigInt,
        reference -> Nullable<Text>,
        memo -> Nullable<Text>,
        status -> Text,
        journal_entry_id -> DbUuid,
        void_entry_id -> Nullable<DbUuid>,
        voided_at -> Nullable<Timestamp>,
        created_by -> DbUuid,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    allocations (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        document_id -> DbUuid,
        payment_id -> Nullable<DbUuid>,
        credit_document_id -> Nullable<DbUuid>,
        allocation_date -> Date,
        amount_minor -> BigInt,
        document_base_minor -> BigInt,
        source_base_minor -> BigInt,
        fx_entry_id -> Nullable<DbUuid>,
        voided -> Bool,
        created_by -> DbUuid,
        created_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    events (id) {
        id -> DbUuid,
        organization_id -> DbUuid,
        seq -> Nullable<BigInt>,
        #[sql_name = "type"]
        event_type -> Text,
        created_at -> Timestamp,
        actor_kind -> Text,
        actor_id -> Nullable<DbUuid>,
        request_id -> Nullable<Text>,
        resource_type -> Text,
        resource_id -> DbUuid,
        object -> Text,
        previous -> Text,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    audit_events (id) {
        id -> DbUuid,
        organization_id -> DbUuid,
        seq -> Nullable<BigInt>,
        hash -> Nullable<Text>,
        at -> Timestamp,
        actor_kind -> Text,
        actor_id -> Nullable<DbUuid>,
        request_id -> Nullable<Text>,
        client_ip -> Nullable<Text>,
        action -> Text,
        resource_type -> Nullable<Text>,
        resource_id -> Nullable<DbUuid>,
        before -> Nullable<Text>,
        after -> Nullable<Text>,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    audit_heads (organization_id) {
        organization_id -> DbUuid,
        seq -> BigInt,
        hash -> Text,
        sealed_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    webhooks (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        url -> Text,
        events -> Text,
        description -> Nullable<Text>,
        status -> Text,
        disabled_reason -> Nullable<Text>,
        secret -> Text,
        previous_secret -> Nullable<Text>,
        previous_secret_expires_at -> Nullable<Timestamp>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        failing_since -> Nullable<Timestamp>,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    webhook_deliveries (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        webhook_id -> DbUuid,
        event_id -> DbUuid,
        event_type -> Text,
        payload -> Text,
        status -> Text,
        attempts -> Text,
        attempt_count -> Integer,
        next_attempt_at -> Nullable<Timestamp>,
        claimed_until -> Nullable<Timestamp>,
        claimed_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    change_feed (id) {
        id -> Integer,
        database_id -> Text,
        last_seq -> BigInt,
        purged_through -> BigInt,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbUuid, ExactDecimal};
    bank_statements (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        bank_account_id -> DbUuid,
        bank_statement_id -> Nullable<Text>,
        format -> Text,
        from_date -> Nullable<Date>,
        to_date -> Nullable<Date>,
        opening_balance -> Nullable<ExactDecimal>,
        closing_balance -> Nullable<ExactDecimal>,
        computed_closing_balance -> Nullable<ExactDecimal>,
        previous_closing_balance -> Nullable<ExactDecimal>,
        line_count -> BigInt,
        imported -> BigInt,
        duplicates_skipped -> BigInt,
        file_sha256 -> Text,
        created_by -> Nullable<DbUuid>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    bank_reconciliations (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        bank_account_id -> DbUuid,
        reconciled_on -> Date,
        kind -> Text,
        bank_total_minor -> BigInt,
        ledger_total_minor -> BigInt,
        difference_minor -> BigInt,
        difference_account_id -> Nullable<DbUuid>,
        entry_id -> Nullable<DbUuid>,
        payment_id -> Nullable<DbUuid>,
        auto -> Bool,
        created_by -> Nullable<DbUuid>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    bank_reconciliation_items (organization_id, item_kind, item_id) {
        organization_id -> DbUuid,
        reconciliation_id -> DbUuid,
        item_kind -> Text,
        item_id -> DbUuid,
        entry_id -> Nullable<DbUuid>,
        line_no -> Nullable<Integer>,
        amount_minor -> BigInt,
        item_date -> Date,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbUuid, ExactDecimal};
    bank_transactions (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        bank_account_id -> DbUuid,
        statement_id -> DbUuid,
        booked_on -> Date,
        value_on -> Nullable<Date>,
        amount -> ExactDecimal,
        amount_minor -> BigInt,
        currency -> Text,
        description -> Nullable<Text>,
        structured_reference -> Nullable<Text>,
        counterparty_name -> Nullable<Text>,
        counterparty_account -> Nullable<Text>,
        bank_reference -> Nullable<Text>,
        end_to_end_id -> Nullable<Text>,
        bank_transaction_code -> Nullable<Text>,
        entry_status -> Nullable<Text>,
        details -> Text,
        dedupe_key -> Text,
        status -> Text,
        reconciliation_id -> Nullable<DbUuid>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbUuid, ExactDecimal};
    bank_rules (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        name -> Text,
        bank_account_id -> Nullable<DbUuid>,
        description_contains -> Nullable<Text>,
        counterparty -> Nullable<Text>,
        amount_min -> Nullable<ExactDecimal>,
        amount_max -> Nullable<ExactDecimal>,
        direction -> Nullable<Text>,
        ledger_account_id -> DbUuid,
        account_id -> Nullable<DbUuid>,
        tax_rate_id -> Nullable<DbUuid>,
        priority -> Integer,
        is_active -> Bool,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    bank_transfers (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        from_bank_account_id -> DbUuid,
        to_bank_account_id -> DbUuid,
        transfer_date -> Date,
        amount_minor -> BigInt,
        currency -> Text,
        to_amount_minor -> BigInt,
        to_currency -> Text,
        reference -> Nullable<Text>,
        journal_entry_id -> DbUuid,
        created_by -> Nullable<DbUuid>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    sign_in_throttle (scope, key) {
        scope -> Text,
        key -> Text,
        failures -> Integer,
        last_failed_at -> Nullable<Timestamp>,
        blocked_until -> Nullable<Timestamp>,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    /// The day a document or payment was settled in full in the base currency by allocations
    /// that still stand; no row while any of it is open.
    settlements (organization_id, item_id) {
        organization_id -> DbUuid,
        item_id -> DbUuid,
        settled_on -> Date,
    }
}

allow_tables_to_appear_in_same_query!(
    settlements,
    import_jobs,
    import_job_rows,
    ledger_accounts,
    exchange_rates,
    journal_entries,
    journal_lines,
    ledger_balance_days,
    ledger_fold_state,
    organizations,
    users,
    refresh_tokens,
    api_keys,
    teams,
    team_members,
    idempotency_keys,
    events,
    audit_events,
    audit_heads,
    change_feed,
    crm_settings,
    competitors,
    accounts,
    account_competitors,
    account_owner_history,
    contacts,
    interactions,
    interaction_contacts,
    feedback,
    requests,
    tasks,
    opportunities,
    proposals,
    proposal_sources,
    risks,
    risk_steps,
    risk_disputed_invoices,
    targets,
    document_sequences,
    tax_rates,
    bank_accounts,
    documents,
    document_lines,
    payments,
    allocations,
    webhooks,
    webhook_deliveries,
    bank_statements,
    bank_reconciliations,
    bank_reconciliation_items,
    bank_transactions,
    bank_rules,
    bank_transfers,
);

// Account planning: plans, their objectives, stakeholder maps and reviews.

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    account_plans (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        account_id -> DbUuid,
        title -> Text,
        period_start -> Date,
        period_end -> Date,
        status -> Text,
        owner_id -> Nullable<DbUuid>,
        summary -> Nullable<Text>,
        value_for_client -> Nullable<Text>,
        value_for_us -> Nullable<Text>,
        review_every_days -> Integer,
        next_review_on -> Nullable<Date>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    account_plan_objectives (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        plan_id -> DbUuid,
        title -> Text,
        kind -> Text,
        measure -> Nullable<Text>,
        baseline -> Nullable<Text>,
        target -> Nullable<Text>,
        current_value -> Nullable<Text>,
        unit -> Nullable<Text>,
        due_on -> Nullable<Date>,
        status -> Text,
        co_created_with_contact_ids -> Text,
        opportunity_ids -> Text,
        task_ids -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    account_plan_stakeholders (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        plan_id -> DbUuid,
        contact_id -> DbUuid,
        decision_role -> Text,
        stance -> Text,
        relationship_strength -> Nullable<Integer>,
        relationship_owner_id -> Nullable<DbUuid>,
        notes -> Nullable<Text>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;
    account_plan_reviews (organization_id, id) {
        organization_id -> DbUuid,
        id -> DbUuid,
        plan_id -> DbUuid,
        held_on -> Date,
        attendee_user_ids -> Text,
        attendee_contact_ids -> Text,
        summary -> Nullable<Text>,
        decisions -> Nullable<Text>,
        objective_updates -> Text,
        next_review_on -> Nullable<Date>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}
