//! `/credit-notes`: what is credited to customers, settling their invoices when issued; the
//! lifecycle is the one all documents share (`documents`).

use actix_web::{delete, get, patch, post};

use crate::domain::documents::DocumentKind;

crate::document_endpoints!(
    DocumentKind::CreditNote, "credit-notes",
    create: "/credit-notes" "create_credit_note" "Create a draft credit note, optionally against an invoice.",
    list: "/credit-notes" "list_credit_notes" "The credit notes.",
    get: "/credit-notes/{id}" "get_credit_note" "A credit note, with what is left to use.",
    update: "/credit-notes/{id}" "update_credit_note" "Change a draft credit note.",
    delete: "/credit-notes/{id}" "delete_credit_note" "Delete a draft credit note.",
    issue: "/credit-notes/{id}/issue" "issue_credit_note" "Issue a credit note: post Dr income and sales tax / Cr receivables and settle its invoice up to the amount due.",
    void: "/credit-notes/{id}/void" "void_credit_note" "Void a credit note: its allocations are undone and its entry reversed.",
);
