//! `/invoices`: what customers owe. Issuing numbers an invoice and posts Dr receivables / Cr
//! income and sales tax; the lifecycle is the one all documents share (`documents`).

use actix_web::{delete, get, patch, post};

use crate::domain::documents::DocumentKind;

crate::document_endpoints!(
    DocumentKind::Invoice, "invoices",
    create: "/invoices" "create_invoice" "Create a draft invoice for a customer (no number until issued).",
    list: "/invoices" "list_invoices" "The invoices.",
    get: "/invoices/{id}" "get_invoice" "An invoice, with its lines, allocations and amount due.",
    update: "/invoices/{id}" "update_invoice" "Change a draft invoice.",
    delete: "/invoices/{id}" "delete_invoice" "Delete a draft invoice.",
    issue: "/invoices/{id}/issue" "issue_invoice" "Issue an invoice: number it and post Dr receivables / Cr income and sales tax.",
    void: "/invoices/{id}/void" "void_invoice" "Void an invoice with nothing paid: its entry is reversed on its issue date.",
);
