//! Receivables and payables over HTTP: `/organization`, `/tax-rates`, `/bank-accounts`,
//! `/invoices`, `/credit-notes`, `/bills`, `/vendor-credits`, `/payments`, the aging and tax
//! reports and the statement of account. Handlers parse and check the shape of the input; the
//! rules live in `app::receivables`.

use crate::domain::ids::{BankAccountId, ClientAccountId};
use std::future::Future;
use std::pin::Pin;

use actix_web::{delete, get, patch, post, web, FromRequest, HttpRequest, HttpResponse};
use chrono::{NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::error::ApiError;
use super::json::{double_option, ApiJson, ApiQuery};
use super::ledger::parse_currency;
use super::pagination::{by_creation, Page, PageParams};
use super::write::{Idempotency, Reply};
use super::{etag, validate};
use crate::app::error::FieldError;
use crate::app::billing::documents::{self, DocumentInput, DocumentView, LineEntry};
use crate::app::billing::payments::{
    self, AllocationEntry, PaymentDirection, PaymentInput, PaymentView,
};
use crate::app::billing::aging::{self as reports, AgingReport, Statement, TaxSummary};
use crate::app::App;
use crate::auth::Caller;
use crate::db::billing::{documents::DocumentFilter, payments::PaymentFilter};

use crate::domain::documents::{AmountsAre, DocumentKind, Ledger};
use crate::domain::money::decimal_string_opt;

const IDEMPOTENCY: &str = "Makes a retry of this POST safe";

fn required<T>(value: &Option<T>, field: &str, errors: &mut Vec<FieldError>) {
    if value.is_none() {
        errors.push(FieldError::new(field, "required", "is required"));
    }
}

fn max_chars(value: Option<&str>, field: &str, max: usize, errors: &mut Vec<FieldError>) {
    if value.is_some_and(|v| v.chars().count() > max) {
        errors.push(FieldError::new(
            field,
            "length",
            format!("at most {max} characters"),
        ));
    }
}

/// The body of an action (`/issue`, `/void`): empty, or an empty JSON object.
pub struct ActionBody {
    pub raw: web::Bytes,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmptyRequest {}

impl FromRequest for ActionBody {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let empty = req
            .headers()
            .get(actix_web::http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.trim() == "0")
            .unwrap_or_else(|| {
                !req.headers()
                    .contains_key(actix_web::http::header::TRANSFER_ENCODING)
            });
        if empty {
            return Box::pin(async {
                Ok(ActionBody {
                    raw: web::Bytes::new(),
                })
            });
        }
        let json = ApiJson::<EmptyRequest>::from_request(req, payload);
        Box::pin(async move { json.await.map(|j| ActionBody { raw: j.raw }) })
    }
}

// ---- documents ----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentLineRequest {
    #[schema(example = "Consulting, September")]
    pub description: Option<String>,
    /// Default 1.
    #[serde(default, with = "decimal_string_opt")]
    #[schema(value_type = Option<String>, example = "2")]
    pub quantity: Option<Decimal>,
    /// In the document's currency; more decimals than the currency has are allowed (the
    /// line's amount is rounded).
    #[serde(default, with = "decimal_string_opt")]
    #[schema(value_type = String, example = "100.00")]
    pub unit_price: Option<Decimal>,
    pub tax_rate_id: Option<Uuid>,
    /// Income account (sales) or expense/asset account (purchases); default 4000 or 5000.
    pub ledger_account_id: Option<Uuid>,
}

/// A draft document: create with `account_id`, `issue_date` and `lines`; PATCH changes any
/// field of a draft (`lines` replaces them all).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentRequest {
    /// The customer (invoices, credit notes) or vendor (bills, vendor credits).
    pub account_id: Option<Uuid>,
    /// The supplier's own number (bills: unique per vendor) or the customer's PO.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, example = "ACME-7781")]
    pub reference: Option<Option<String>>,
    #[schema(example = "2026-09-01")]
    pub issue_date: Option<NaiveDate>,
    /// Default: 30 days after the issue date (not used on credits).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>, example = "2026-09-30")]
    pub due_date: Option<Option<NaiveDate>>,
    /// ISO 4217; default the account's currency.
    #[schema(example = "USD")]
    pub currency: Option<String>,
    /// Base-currency units per unit of `currency`; default the organization's rate of the
    /// issue date from /exchange-rates.
    #[serde(default, deserialize_with = "double_option_decimal")]
    #[schema(value_type = Option<String>, example = "1.0835")]
    pub exchange_rate: Option<Option<Decimal>>,
    /// Whether unit prices exclude (default) or include tax.
    pub amounts_are: Option<AmountsAre>,
    pub lines: Option<Vec<DocumentLineRequest>>,
    /// Credit notes: the invoice credited (the credit is allocated to it when issued).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub invoice_id: Option<Option<Uuid>>,
    /// Vendor credits: the bill credited.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub bill_id: Option<Option<Uuid>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub memo: Option<Option<String>>,
}

/// `null` clears; a string is a strict decimal.
fn double_option_decimal<'de, D>(d: D) -> Result<Option<Option<Decimal>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    #[derive(Deserialize)]
    struct Wrap(#[serde(with = "decimal_string_opt")] Option<Decimal>);
    Wrap::deserialize(d).map(|w| Some(w.0))
}

impl DocumentRequest {
    fn input(self, kind: DocumentKind, creating: bool) -> Result<DocumentInput, ApiError> {
        let mut errors = Vec::new();
        if creating {
            required(&self.account_id, "account_id", &mut errors);
            required(&self.issue_date, "issue_date", &mut errors);
            required(&self.lines, "lines", &mut errors);
        }
        let currency = parse_currency(self.currency.as_deref(), &mut errors);
        let (related_field, related, other_field, other) = if kind == DocumentKind::VendorCredit {
            ("bill_id", self.bill_id, "invoice_id", self.invoice_id)
        } else {
            ("invoice_id", self.invoice_id, "bill_id", self.bill_id)
        };
        if other.flatten().is_some() || (!kind.is_credit() && related.flatten().is_some()) {
            let field = if kind.is_credit() {
                other_field
            } else {
                related_field
            };
            errors.push(FieldError::new(
                field,
                "not_applicable",
                format!("a {} does not take {field}", kind.noun()),
            ));
        }
        let lines = self.lines.map(|lines| {
            lines
                .into_iter()
                .enumerate()
                .map(|(i, l)| {
                    if l.unit_price.is_none() {
                        errors.push(FieldError::new(
                            format!("lines[{i}].unit_price"),
                            "required",
                            "is required",
                        ));
                    }
                    LineEntry {
                        description: l.description,
                        quantity: l.quantity,
                        unit_price: l.unit_price.unwrap_or_default(),
                        tax_rate_id: l.tax_rate_id,
                        ledger_account_id: l.ledger_account_id,
                    }
                })
                .collect()
        });
        validate::finish(errors)?;
        Ok(DocumentInput {
            account_id: self.account_id,
            reference: self.reference,
            issue_date: self.issue_date,
            due_date: self.due_date,
            currency,
            exchange_rate: self.exchange_rate,
            amounts_are: self.amounts_are,
            lines,
            related_document_id: if kind.is_credit() { related } else { None },
            memo: self.memo,
        })
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DocumentListParams {
    /// `draft`, `open`, `partially_paid`, `paid` or `void`.
    pub status: Option<String>,
    pub account_id: Option<Uuid>,
    /// Issued on or after.
    pub from: Option<NaiveDate>,
    /// Issued on or before.
    pub to: Option<NaiveDate>,
    /// Only open or partly paid documents due before today.
    pub overdue: Option<bool>,
    pub number: Option<String>,
    pub reference: Option<String>,
    /// `created_at` (default) or `-created_at`.
    pub sort: Option<String>,
}

fn kind_path(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Invoice => "invoices",
        DocumentKind::CreditNote => "credit-notes",
        DocumentKind::Bill => "bills",
        DocumentKind::VendorCredit => "vendor-credits",
    }
}

async fn create_document(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    body: ApiJson<DocumentRequest>,
    kind: DocumentKind,
) -> Result<HttpResponse, ApiError> {
    caller.require(crate::auth::Permission::WriteBooks)?;
    let raw = body.raw.clone();
    let input = body.value.input(kind, true)?;
    let c = caller.clone();
    idem.run(&state, &caller, &raw, move |conn| {
        let view = documents::create_in(conn, &c, kind, input)?;
        Reply::created(format!("/api/v1/{}/{}", kind_path(kind), view.id), &view)
    })
    .await
}

async fn list_documents(
    state: web::Data<App>,
    caller: Caller,
    page: ApiQuery<PageParams>,
    params: ApiQuery<DocumentListParams>,
    kind: DocumentKind,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    const STATUSES: [&str; 5] = ["draft", "open", "partially_paid", "paid", "void"];
    if p.status.as_deref().is_some_and(|s| !STATUSES.contains(&s)) {
        return Err(ApiError::field(
            "invalid_value",
            "status",
            format!("one of {}", STATUSES.join(", ")),
        ));
    }
    if let (Some(a), Some(b)) = (p.from, p.to) {
        if b < a {
            return Err(ApiError::field(
                "date_order",
                "to",
                "must not be before from",
            ));
        }
    }
    let filter = DocumentFilter {
        kind: kind.as_str().to_owned(),
        status: p.status,
        account_id: p.account_id.map(ClientAccountId),
        from: p.from,
        to: p.to,
        overdue_on: p.overdue.filter(|o| *o).map(|_| Utc::now().date_naive()),
        number: p.number,
        reference: p.reference,
    };
    let (page, desc, after) = by_creation(&page, p.sort.as_deref(), &format!("{filter:?}"))?;
    let fetch = page.fetch();
    let rows = state
        .legacy_read(caller.clone(), move |conn| {
            documents::list(conn, &caller, &filter, desc, after, fetch)
        })
        .await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |v| (String::new(), v.id), |v| v)))
}

async fn get_document(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
    kind: DocumentKind,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let view = state
        .legacy_read(caller.clone(), move |conn| {
            let row = documents::get(conn, &caller, kind, id)?;
            let org = crate::app::ledger::org(conn, &caller)?;
            documents::view(conn, &org, row)
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

async fn update_document(
    state: web::Data<App>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: ApiJson<DocumentRequest>,
    kind: DocumentKind,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = etag::if_match(&req, &id)?;
    let input = body.value.input(kind, false)?;
    let view = state
        .legacy_write(caller.clone(), move |conn| {
            documents::update_in(conn, &caller, kind, id.into(), &expected, input)
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

async fn delete_document(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
    kind: DocumentKind,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    state
        .legacy_write(caller.clone(), move |conn| {
            documents::delete_in(conn, &caller, kind, id)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn issue_document(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    id: web::Path<Uuid>,
    body: ActionBody,
    kind: DocumentKind,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let c = caller.clone();
    idem.run(&state, &caller, &body.raw, move |conn| {
        Reply::ok(&documents::issue_in(conn, &c, kind, id)?)
    })
    .await
}

async fn void_document(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    id: web::Path<Uuid>,
    body: ActionBody,
    kind: DocumentKind,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let c = caller.clone();
    idem.run(&state, &caller, &body.raw, move |conn| {
        Reply::ok(&documents::void_in(conn, &c, kind, id)?)
    })
    .await
}

/// The seven endpoints of one document kind; each handler hands its kind to the shared one.
macro_rules! document_endpoints {
    (
        $module:ident, $kind:expr, $tag:tt,
        collection: $collection:tt, item: $item:tt, post: $post_path:tt, void: $void_path:tt,
        ids: [$create_id:tt, $list_id:tt, $get_id:tt, $update_id:tt, $delete_id:tt, $post_id:tt, $void_id:tt],
        docs: [$create_doc:tt, $list_doc:tt, $get_doc:tt, $update_doc:tt, $delete_doc:tt, $post_doc:tt, $void_doc:tt]
    ) => {
        pub mod $module {
            use super::*;

            #[doc = $create_doc]
            #[utoipa::path(
                tag = $tag,
                operation_id = $create_id,
                request_body = DocumentRequest,
                params(("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
                responses((status = 201, description = "The draft", body = DocumentView))
            )]
            #[post($collection)]
            pub async fn create(
                state: web::Data<App>,
                caller: Caller,
                idem: Idempotency,
                body: ApiJson<DocumentRequest>,
            ) -> Result<HttpResponse, ApiError> {
                create_document(state, caller, idem, body, $kind).await
            }

            #[doc = $list_doc]
            #[utoipa::path(
                tag = $tag,
                operation_id = $list_id,
                params(PageParams, DocumentListParams),
                responses((status = 200, description = "A page", body = Page<DocumentView>))
            )]
            #[get($collection)]
            pub async fn list(
                state: web::Data<App>,
                caller: Caller,
                page: ApiQuery<PageParams>,
                params: ApiQuery<DocumentListParams>,
            ) -> Result<HttpResponse, ApiError> {
                list_documents(state, caller, page, params, $kind).await
            }

            #[doc = $get_doc]
            #[utoipa::path(
                tag = $tag,
                operation_id = $get_id,
                params(("id" = Uuid, Path, description = "Document id")),
                responses((status = 200, description = "The document", body = DocumentView))
            )]
            #[get($item)]
            pub async fn get(
                state: web::Data<App>,
                caller: Caller,
                id: web::Path<Uuid>,
            ) -> Result<HttpResponse, ApiError> {
                get_document(state, caller, id, $kind).await
            }

            #[doc = $update_doc]
            #[utoipa::path(
                tag = $tag,
                operation_id = $update_id,
                request_body = DocumentRequest,
                params(("id" = Uuid, Path, description = "Document id"), ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 when stale")),
                responses((status = 200, description = "The draft", body = DocumentView))
            )]
            #[patch($item)]
            pub async fn update(
                state: web::Data<App>,
                caller: Caller,
                req: HttpRequest,
                id: web::Path<Uuid>,
                body: ApiJson<DocumentRequest>,
            ) -> Result<HttpResponse, ApiError> {
                update_document(state, caller, req, id, body, $kind).await
            }

            #[doc = $delete_doc]
            #[utoipa::path(
                tag = $tag,
                operation_id = $delete_id,
                params(("id" = Uuid, Path, description = "Document id")),
                responses((status = 204, description = "Deleted"))
            )]
            #[delete($item)]
            pub async fn delete(
                state: web::Data<App>,
                caller: Caller,
                id: web::Path<Uuid>,
            ) -> Result<HttpResponse, ApiError> {
                delete_document(state, caller, id, $kind).await
            }

            #[doc = $post_doc]
            #[utoipa::path(
                tag = $tag,
                operation_id = $post_id,
                request_body(content = Option<EmptyRequest>, description = "Empty, or {}"),
                params(("id" = Uuid, Path, description = "Document id"), ("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
                responses((status = 200, description = "The issued document", body = DocumentView))
            )]
            #[post($post_path)]
            pub async fn issue(
                state: web::Data<App>,
                caller: Caller,
                idem: Idempotency,
                id: web::Path<Uuid>,
                body: ActionBody,
            ) -> Result<HttpResponse, ApiError> {
                issue_document(state, caller, idem, id, body, $kind).await
            }

            #[doc = $void_doc]
            #[utoipa::path(
                tag = $tag,
                operation_id = $void_id,
                request_body(content = Option<EmptyRequest>, description = "Empty, or {}"),
                params(("id" = Uuid, Path, description = "Document id"), ("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
                responses((status = 200, description = "The void document", body = DocumentView))
            )]
            #[post($void_path)]
            pub async fn void(
                state: web::Data<App>,
                caller: Caller,
                idem: Idempotency,
                id: web::Path<Uuid>,
                body: ActionBody,
            ) -> Result<HttpResponse, ApiError> {
                void_document(state, caller, idem, id, body, $kind).await
            }
        }
    };
}

document_endpoints!(
    invoices, DocumentKind::Invoice, "invoices",
    collection: "/invoices", item: "/invoices/{id}", post: "/invoices/{id}/issue", void: "/invoices/{id}/void",
    ids: ["create_invoice", "list_invoices", "get_invoice", "update_invoice", "delete_invoice", "issue_invoice", "void_invoice"],
    docs: [
        "Create a draft invoice for a customer (no number until issued).",
        "The invoices.",
        "An invoice, with its lines, allocations and amount due.",
        "Change a draft invoice.",
        "Delete a draft invoice.",
        "Issue an invoice: number it and post Dr receivables / Cr income and sales tax.",
        "Void an invoice with nothing paid: its entry is reversed on its issue date."
    ]
);

document_endpoints!(
    credit_notes, DocumentKind::CreditNote, "credit-notes",
    collection: "/credit-notes", item: "/credit-notes/{id}", post: "/credit-notes/{id}/issue", void: "/credit-notes/{id}/void",
    ids: ["create_credit_note", "list_credit_notes", "get_credit_note", "update_credit_note", "delete_credit_note", "issue_credit_note", "void_credit_note"],
    docs: [
        "Create a draft credit note, optionally against an invoice.",
        "The credit notes.",
        "A credit note, with what is left to use.",
        "Change a draft credit note.",
        "Delete a draft credit note.",
        "Issue a credit note: post Dr income and sales tax / Cr receivables and settle its invoice up to the amount due.",
        "Void a credit note: its allocations are undone and its entry reversed."
    ]
);

document_endpoints!(
    bills, DocumentKind::Bill, "bills",
    collection: "/bills", item: "/bills/{id}", post: "/bills/{id}/approve", void: "/bills/{id}/void",
    ids: ["create_bill", "list_bills", "get_bill", "update_bill", "delete_bill", "approve_bill", "void_bill"],
    docs: [
        "Create a draft bill from a vendor, with the supplier's reference.",
        "The bills.",
        "A bill, with its lines, allocations and amount due.",
        "Change a draft bill.",
        "Delete a draft bill.",
        "Approve a bill: post Dr expenses and recoverable tax / Cr payables.",
        "Void a bill with nothing paid: its entry is reversed on its issue date."
    ]
);

document_endpoints!(
    vendor_credits, DocumentKind::VendorCredit, "vendor-credits",
    collection: "/vendor-credits", item: "/vendor-credits/{id}", post: "/vendor-credits/{id}/issue", void: "/vendor-credits/{id}/void",
    ids: ["create_vendor_credit", "list_vendor_credits", "get_vendor_credit", "update_vendor_credit", "delete_vendor_credit", "issue_vendor_credit", "void_vendor_credit"],
    docs: [
        "Create a draft vendor credit, optionally against a bill.",
        "The vendor credits.",
        "A vendor credit, with what is left to use.",
        "Change a draft vendor credit.",
        "Delete a draft vendor credit.",
        "Issue a vendor credit: post Dr payables / Cr expenses and recoverable tax and settle its bill up to the amount due.",
        "Void a vendor credit: its allocations are undone and its entry reversed."
    ]
);

// ---- payments ----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AllocationRequest {
    pub invoice_id: Option<Uuid>,
    pub bill_id: Option<Uuid>,
    /// A refund paid to a customer against their credit note.
    pub credit_note_id: Option<Uuid>,
    /// A refund received from a vendor against their credit.
    pub vendor_credit_id: Option<Uuid>,
    /// In the payment's (and the document's) currency.
    #[serde(default, with = "decimal_string_opt")]
    #[schema(value_type = String, example = "100.00")]
    pub amount: Option<Decimal>,
    /// Default: the later of the payment's and the document's dates.
    #[schema(example = "2026-09-10")]
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PaymentRequest {
    pub direction: Option<PaymentDirection>,
    pub account_id: Option<Uuid>,
    pub bank_account_id: Option<Uuid>,
    #[schema(example = "2026-09-10")]
    pub date: Option<NaiveDate>,
    #[serde(default, with = "decimal_string_opt")]
    #[schema(value_type = String, example = "100.00")]
    pub amount: Option<Decimal>,
    /// ISO 4217; the bank account's currency (the default).
    #[schema(example = "USD")]
    pub currency: Option<String>,
    /// Base-currency units per unit; default the organization's rate of the date.
    #[serde(default, with = "decimal_string_opt")]
    #[schema(value_type = Option<String>, example = "1.0835")]
    pub exchange_rate: Option<Decimal>,
    #[schema(example = "BACS 2026-09-10")]
    pub reference: Option<String>,
    pub memo: Option<String>,
    #[serde(default)]
    pub allocations: Vec<AllocationRequest>,
}

fn allocation_entries(
    allocations: Vec<AllocationRequest>,
    errors: &mut Vec<FieldError>,
) -> Vec<AllocationEntry> {
    allocations
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            if a.amount.is_none() {
                errors.push(FieldError::new(
                    format!("allocations[{i}].amount"),
                    "required",
                    "is required",
                ));
            }
            AllocationEntry {
                invoice_id: a.invoice_id,
                bill_id: a.bill_id,
                credit_note_id: a.credit_note_id,
                vendor_credit_id: a.vendor_credit_id,
                amount: a.amount.unwrap_or_default(),
                date: a.date,
            }
        })
        .collect()
}

/// Record a payment received or sent through a bank account, allocated to documents.
#[utoipa::path(
    tag = "payments",
    request_body = PaymentRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
    responses((status = 201, description = "Created", body = PaymentView))
)]
#[post("/payments")]
pub async fn create_payment(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    body: ApiJson<PaymentRequest>,
) -> Result<HttpResponse, ApiError> {
    caller.require(crate::auth::Permission::WriteBooks)?;
    let raw = body.raw.clone();
    let b = body.value;
    let mut errors = Vec::new();
    required(&b.direction, "direction", &mut errors);
    required(&b.account_id, "account_id", &mut errors);
    required(&b.bank_account_id, "bank_account_id", &mut errors);
    required(&b.date, "date", &mut errors);
    required(&b.amount, "amount", &mut errors);
    let currency = parse_currency(b.currency.as_deref(), &mut errors);
    max_chars(b.reference.as_deref(), "reference", 200, &mut errors);
    max_chars(b.memo.as_deref(), "memo", 5000, &mut errors);
    let allocations = allocation_entries(b.allocations, &mut errors);
    validate::finish(errors)?;
    let (Some(direction), Some(account_id), Some(bank_account_id), Some(date), Some(amount)) = (
        b.direction,
        b.account_id,
        b.bank_account_id,
        b.date,
        b.amount,
    ) else {
        return Err(ApiError::internal("checked above"));
    };
    let input = PaymentInput {
        direction,
        account_id,
        bank_account_id,
        date,
        amount,
        currency,
        exchange_rate: b.exchange_rate,
        reference: b.reference,
        memo: b.memo,
        allocations,
    };
    let c = caller.clone();
    idem.run(&state, &caller, &raw, move |conn| {
        let view = payments::create_in(conn, &c, input)?;
        Reply::created(format!("/api/v1/payments/{}", view.id), &view)
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PaymentListParams {
    pub direction: Option<PaymentDirection>,
    /// `posted` or `void`.
    pub status: Option<String>,
    pub account_id: Option<Uuid>,
    pub bank_account_id: Option<Uuid>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// `created_at` (default) or `-created_at`.
    pub sort: Option<String>,
}

/// The payments.
#[utoipa::path(
    tag = "payments",
    params(PageParams, PaymentListParams),
    responses((status = 200, description = "A page of payments", body = Page<PaymentView>))
)]
#[get("/payments")]
pub async fn list_payments(
    state: web::Data<App>,
    caller: Caller,
    page: ApiQuery<PageParams>,
    params: ApiQuery<PaymentListParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    if p.status
        .as_deref()
        .is_some_and(|s| s != "posted" && s != "void")
    {
        return Err(ApiError::field(
            "invalid_value",
            "status",
            "one of posted, void",
        ));
    }
    let filter = PaymentFilter {
        direction: p.direction.map(|d| d.as_str().to_owned()),
        status: p.status,
        account_id: p.account_id.map(ClientAccountId),
        bank_account_id: p.bank_account_id.map(BankAccountId),
        from: p.from,
        to: p.to,
    };
    let (page, desc, after) = by_creation(&page, p.sort.as_deref(), &format!("{filter:?}"))?;
    let fetch = page.fetch();
    let rows = state
        .legacy_read(caller.clone(), move |conn| {
            payments::list(conn, &caller, &filter, desc, after, fetch)
        })
        .await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |v| (String::new(), v.id), |v| v)))
}

/// A payment, with its allocations.
#[utoipa::path(
    tag = "payments",
    params(("id" = Uuid, Path, description = "Payment id")),
    responses((status = 200, description = "The payment", body = PaymentView))
)]
#[get("/payments/{id}")]
pub async fn get_payment(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let view = state
        .legacy_read(caller.clone(), move |conn| {
            payments::get_view(conn, &caller, id)
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AllocateRequest {
    pub allocations: Vec<AllocationRequest>,
}

/// Allocate more of a payment's unallocated amount to documents.
#[utoipa::path(
    tag = "payments",
    request_body = AllocateRequest,
    params(("id" = Uuid, Path, description = "Payment id"), ("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
    responses((status = 200, description = "The payment", body = PaymentView))
)]
#[post("/payments/{id}/allocations")]
pub async fn allocate_payment(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    id: web::Path<Uuid>,
    body: ApiJson<AllocateRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let raw = body.raw.clone();
    let mut errors = Vec::new();
    let entries = allocation_entries(body.value.allocations, &mut errors);
    validate::finish(errors)?;
    let c = caller.clone();
    idem.run(&state, &caller, &raw, move |conn| {
        Reply::ok(&payments::allocate_more_in(conn, &c, id, entries)?)
    })
    .await
}

/// Void a payment: its allocations are undone and its entry reversed on its date.
#[utoipa::path(
    tag = "payments",
    request_body(content = Option<EmptyRequest>, description = "Empty, or {}"),
    params(("id" = Uuid, Path, description = "Payment id"), ("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
    responses((status = 200, description = "The void payment", body = PaymentView))
)]
#[post("/payments/{id}/void")]
pub async fn void_payment(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    id: web::Path<Uuid>,
    body: ActionBody,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let c = caller.clone();
    idem.run(&state, &caller, &body.raw, move |conn| {
        Reply::ok(&payments::void_in(conn, &c, id)?)
    })
    .await
}

// ---- reports ----

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AsOfParams {
    /// Default today.
    #[param(example = "2026-11-30")]
    pub as_of: Option<NaiveDate>,
}

/// Receivables by customer and days past due, tying to the receivables account.
#[utoipa::path(
    tag = "reports",
    params(AsOfParams),
    responses((status = 200, description = "The aging", body = AgingReport))
)]
#[get("/reports/ar-aging")]
pub async fn ar_aging(
    state: web::Data<App>,
    caller: Caller,
    params: ApiQuery<AsOfParams>,
) -> Result<HttpResponse, ApiError> {
    let as_of = params.as_of.unwrap_or_else(|| Utc::now().date_naive());
    let report = state
        .legacy_snapshot(caller.clone(), move |conn| {
            reports::aging(conn, &caller, Ledger::Receivable, as_of)
        })
        .await?;
    Ok(HttpResponse::Ok().json(report))
}

/// Payables by vendor and days past due, tying to the payables account.
#[utoipa::path(
    tag = "reports",
    params(AsOfParams),
    responses((status = 200, description = "The aging", body = AgingReport))
)]
#[get("/reports/ap-aging")]
pub async fn ap_aging(
    state: web::Data<App>,
    caller: Caller,
    params: ApiQuery<AsOfParams>,
) -> Result<HttpResponse, ApiError> {
    let as_of = params.as_of.unwrap_or_else(|| Utc::now().date_naive());
    let report = state
        .legacy_snapshot(caller.clone(), move |conn| {
            reports::aging(conn, &caller, Ledger::Payable, as_of)
        })
        .await?;
    Ok(HttpResponse::Ok().json(report))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RangeParams {
    #[param(example = "2026-09-01")]
    pub from: NaiveDate,
    #[param(example = "2026-09-30")]
    pub to: NaiveDate,
}

/// Tax collected on sales and paid on purchases, per tax rate, in the base currency.
#[utoipa::path(
    tag = "reports",
    params(RangeParams),
    responses((status = 200, description = "The tax summary", body = TaxSummary))
)]
#[get("/reports/tax-summary")]
pub async fn tax_summary(
    state: web::Data<App>,
    caller: Caller,
    params: ApiQuery<RangeParams>,
) -> Result<HttpResponse, ApiError> {
    let (from, to) = (params.from, params.to);
    if to < from {
        return Err(ApiError::field(
            "date_order",
            "to",
            "must not be before from",
        ));
    }
    let report = state
        .legacy_snapshot(caller.clone(), move |conn| {
            reports::tax_summary(conn, &caller, from, to)
        })
        .await?;
    Ok(HttpResponse::Ok().json(report))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatementParams {
    /// Default: 90 days before `to`.
    #[param(example = "2026-09-01")]
    pub from: Option<NaiveDate>,
    /// Default today.
    #[param(example = "2026-09-30")]
    pub to: Option<NaiveDate>,
    /// `receivable` (default for customers) or `payable`.
    pub ledger: Option<Ledger>,
    /// Default: the account's currency.
    pub currency: Option<String>,
}

/// Statement of account: documents and payments with a running balance.
#[utoipa::path(
    tag = "accounts",
    params(("id" = Uuid, Path, description = "Account id"), StatementParams),
    responses((status = 200, description = "The statement", body = Statement))
)]
#[get("/accounts/{id}/statement")]
pub async fn account_statement(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
    params: ApiQuery<StatementParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    let mut errors = Vec::new();
    let currency = parse_currency(p.currency.as_deref(), &mut errors);
    validate::finish(errors)?;
    let to = p.to.unwrap_or_else(|| Utc::now().date_naive());
    let from = p.from.unwrap_or(to - chrono::Duration::days(90));
    if to < from {
        return Err(ApiError::field(
            "date_order",
            "to",
            "must not be before from",
        ));
    }
    let id = id.into_inner().into();
    let report = state
        .legacy_snapshot(caller.clone(), move |conn| {
            reports::statement(conn, &caller, id, p.ledger, currency, from, to)
        })
        .await?;
    Ok(HttpResponse::Ok().json(report))
}
