//! `/bills`: what vendors are owed. A bill is approved (not issued) and keeps the supplier's
//! reference; the lifecycle is the one all documents share (`documents`).

use actix_web::{delete, get, patch, post};

use crate::domain::documents::DocumentKind;

crate::document_endpoints!(
    DocumentKind::Bill, "bills",
    create: "/bills" "create_bill" "Create a draft bill from a vendor, with the supplier's reference.",
    list: "/bills" "list_bills" "The bills.",
    get: "/bills/{id}" "get_bill" "A bill, with its lines, allocations and amount due.",
    update: "/bills/{id}" "update_bill" "Change a draft bill.",
    delete: "/bills/{id}" "delete_bill" "Delete a draft bill.",
    issue: "/bills/{id}/approve" "approve_bill" "Approve a bill: post Dr expenses and recoverable tax / Cr payables.",
    void: "/bills/{id}/void" "void_bill" "Void a bill with nothing paid: its entry is reversed on its issue date.",
);
