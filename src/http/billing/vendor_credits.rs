//! `/vendor-credits`: what vendors credit us, settling their bills when issued; the lifecycle
//! is the one all documents share (`documents`).

use actix_web::{delete, get, patch, post};

use crate::domain::documents::DocumentKind;

crate::document_endpoints!(
    DocumentKind::VendorCredit, "vendor-credits",
    create: "/vendor-credits" "create_vendor_credit" "Create a draft vendor credit, optionally against a bill.",
    list: "/vendor-credits" "list_vendor_credits" "The vendor credits.",
    get: "/vendor-credits/{id}" "get_vendor_credit" "A vendor credit, with what is left to use.",
    update: "/vendor-credits/{id}" "update_vendor_credit" "Change a draft vendor credit.",
    delete: "/vendor-credits/{id}" "delete_vendor_credit" "Delete a draft vendor credit.",
    issue: "/vendor-credits/{id}/issue" "issue_vendor_credit" "Issue a vendor credit: post Dr payables / Cr expenses and recoverable tax and settle its bill up to the amount due.",
    void: "/vendor-credits/{id}/void" "void_vendor_credit" "Void a vendor credit: its allocations are undone and its entry reversed.",
);
