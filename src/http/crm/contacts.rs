//! `/contacts`: the people at a client account.

use actix_web::{delete, get, patch, post};

use crate::app::batch::{BatchRequest, BatchResults};
use crate::app::crm::account_records::ContactListParams;
use crate::app::crm::contacts::{Contact, ContactCreate, ContactInput, ContactView};
use crate::app::page::{Page, PageParams};

crate::record_endpoints!(Contact {
    create create_contact "/contacts" "Create a contact." (
        tag = "contacts",
        request_body = ContactCreate,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = ContactView))
    )
    create_batch create_contacts_batch "/contacts/batch" "Create 1 to 100 contacts at once, each in its own savepoint of one transaction: 200 with a result per record (`status` 201 and `data`, or the status and `problem` the single create would have answered for it alone: 403 or 422 for an account the caller may not write or that does not exist). One `Idempotency-Key` covers the batch." (
        tag = "contacts",
        request_body = BatchRequest<ContactCreate>,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 200, description = "One result per record, in the order sent", body = BatchResults<ContactView>))
    )
    list list_contacts "/contacts" "List contacts." (
        tag = "contacts",
        params(PageParams, ContactListParams),
        responses((status = 200, description = "A page of contacts", body = Page<ContactView>))
    )
    get get_contact "/contacts/{id}" "Get a contact." (
        tag = "contacts",
        params(("id" = Uuid, Path, description = "Id")),
        responses((status = 200, description = "The contact", body = ContactView))
    )
    update update_contact "/contacts/{id}" "Change a contact." (
        tag = "contacts",
        params(("id" = Uuid, Path, description = "Id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
        request_body = ContactInput,
        responses((status = 200, description = "The updated contact", body = ContactView))
    )
    delete delete_contact "/contacts/{id}" "Delete a contact." (
        tag = "contacts",
        params(("id" = Uuid, Path, description = "Id")),
        responses((status = 204, description = "Deleted"))
    )
});
