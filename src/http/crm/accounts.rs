//! `/accounts`: the client accounts, their health, timeline, import, export and merge.

use crate::domain::ids::{ClientAccountId, TeamId, UserId};
use crate::http::json::ApiQuery;
use actix_web::http::header;
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::app::crm::accounts::{
    self as use_case, AccountInput, AccountQuery, AccountView, ChurnInput, MergeInput,
    OwnerChangeView, ReassignInput,
};
use crate::app::crm::import::{self, ImportResult};
use crate::app::crm::reports::{self, TimelineEntry};
use crate::app::crm::{self as crm, CrmSettings};
use crate::app::App;
use crate::auth::Caller;
use crate::db::crm::accounts::{AccountFilter, AccountSort, CURSOR_TIME};

use crate::app::error::FieldError;
use crate::domain::crm::{AccountStatus, TextEnum, Tier};
use crate::http::error::ApiError;
use crate::http::etag;
use crate::http::json::ApiJson;
use crate::http::pagination::{parse_sort, Page, PageParams, PageRequest};
use crate::http::write::{Idempotency, Reply};

const IDEMPOTENCY: &str = "Makes a retry of this POST safe";

/// Create an account (account managers: one they will own or in a team they write).
#[utoipa::path(
    tag = "accounts",
    request_body = AccountInput,
    params(("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
    responses((status = 201, description = "Created", body = AccountView))
)]
#[post("/accounts")]
pub async fn create_account(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    body: ApiJson<AccountInput>,
) -> Result<HttpResponse, ApiError> {
    let c = caller.clone();
    let raw = body.raw.clone();
    let input = body.value;
    idem.run(&state, &caller, &raw, move |conn| {
        let view = use_case::create_in(conn, &c, input)?;
        Reply::created(format!("/api/v1/accounts/{}", view.id), &view)
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AccountListParams {
    /// Case-insensitive text in the name, legal name, website, or a contact's name or email.
    pub q: Option<String>,
    pub owner_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    pub status: Option<String>,
    pub tier: Option<String>,
    pub is_customer: Option<bool>,
    pub is_vendor: Option<bool>,
    pub updated_since: Option<DateTime<Utc>>,
    /// Accounts whose next check-in is past due (true) or not (false).
    pub check_in_overdue: Option<bool>,
    /// Include archived accounts.
    #[serde(default)]
    pub include_archived: bool,
    /// `created_at` (default), `name`, `updated_at`; prefix `-` for descending.
    pub sort: Option<String>,
}

/// List accounts.
#[utoipa::path(tag = "accounts", params(PageParams, AccountListParams), responses((status = 200, description = "A page of accounts", body = Page<AccountView>)))]
#[get("/accounts")]
pub async fn list_accounts(
    state: web::Data<App>,
    caller: Caller,
    page: ApiQuery<PageParams>,
    params: ApiQuery<AccountListParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    let (field, desc) = parse_sort(
        p.sort.as_deref(),
        &["created_at", "name", "updated_at"],
        "created_at",
    )?;
    let sort = match field {
        "name" => AccountSort::Name,
        "updated_at" => AccountSort::UpdatedAt,
        _ => AccountSort::CreatedAt,
    };
    let mut errors = Vec::new();
    if let Some(s) = &p.status {
        if AccountStatus::parse(s).is_none() {
            errors.push(FieldError::new(
                "query:status",
                "invalid_enum",
                format!("must be one of: {}", AccountStatus::expected()),
            ));
        }
    }
    if let Some(t) = &p.tier {
        if Tier::parse(t).is_none() {
            errors.push(FieldError::new(
                "query:tier",
                "invalid_enum",
                format!("must be one of: {}", Tier::expected()),
            ));
        }
    }
    crate::http::validate::finish(errors)?;
    let query = AccountQuery {
        filter: AccountFilter {
            q: p.q
                .clone()
                .filter(|q| !q.trim().is_empty())
                .map(|q| q.trim().to_owned()),
            owner_id: p.owner_id.map(UserId),
            team_id: p.team_id.map(TeamId),
            status: p.status.clone(),
            tier: p.tier.clone(),
            is_customer: p.is_customer,
            is_vendor: p.is_vendor,
            updated_since: p.updated_since.map(|t| t.naive_utc()),
            include_archived: p.include_archived,
            ..Default::default()
        },
        check_in_overdue: p.check_in_overdue,
        sort: Some(sort),
        descending: desc,
    };
    let filters = format!("{:?}|{:?}", query.filter, query.check_in_overdue);
    let page = PageRequest::new(&page, p.sort.as_deref().unwrap_or("created_at"), &filters)?;
    let (after, fetch) = (page.after.clone(), page.fetch());
    let rows = state
        .legacy_read(caller.clone(), move |conn| {
            use_case::list(conn, &caller, query, after, fetch)
        })
        .await?;
    Ok(HttpResponse::Ok().json(page.page(
        rows,
        |a| match sort {
            AccountSort::Name => (a.name.clone(), a.id),
            AccountSort::UpdatedAt => (
                a.updated_at.naive_utc().format(CURSOR_TIME).to_string(),
                a.id,
            ),
            AccountSort::CreatedAt => (String::new(), a.id),
        },
        |a| a,
    )))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AsOfParams {
    /// The day health is computed for (default today).
    pub as_of: Option<NaiveDate>,
}

/// Get an account with its health as of a day.
#[utoipa::path(tag = "accounts", params(("id" = Uuid, Path, description = "Account id"), AsOfParams), responses((status = 200, description = "The account", body = AccountView)))]
#[get("/accounts/{id}")]
pub async fn get_account(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
    q: ApiQuery<AsOfParams>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let as_of = q.as_of;
    let view = state
        .legacy_read(caller.clone(), move |conn| {
            use_case::get(conn, &caller, id, as_of)
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

/// Change an account. `status` may move between prospect and active; at_risk is derived (422 `status_derived`).
#[utoipa::path(
    tag = "accounts",
    params(("id" = Uuid, Path, description = "Account id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = AccountInput,
    responses((status = 200, description = "The updated account", body = AccountView))
)]
#[patch("/accounts/{id}")]
pub async fn update_account(
    state: web::Data<App>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: ApiJson<AccountInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = etag::if_match(&req, &id)?;
    let input = body.value;
    let view = state
        .legacy_write(caller.clone(), move |conn| {
            use_case::update_in(conn, &caller, ClientAccountId(id), &expected, input)
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

/// Archive an account (it leaves lists; its history stays).
#[utoipa::path(tag = "accounts", params(("id" = Uuid, Path, description = "Account id")), responses((status = 204, description = "Archived")))]
#[delete("/accounts/{id}")]
pub async fn archive_account(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    state
        .legacy_write(caller.clone(), move |conn| {
            use_case::archive_in(conn, &caller, id)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Churn an account, with the reason and the competitor it was lost to.
#[utoipa::path(
    tag = "accounts",
    params(("id" = Uuid, Path, description = "Account id"), ("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
    request_body = ChurnInput,
    responses((status = 200, description = "The churned account", body = AccountView))
)]
#[post("/accounts/{id}/churn")]
pub async fn churn_account(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    id: web::Path<Uuid>,
    body: ApiJson<ChurnInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let c = caller.clone();
    let raw = body.raw.clone();
    let input = body.value;
    idem.run(&state, &caller, &raw, move |conn| {
        Reply::ok(&use_case::churn_in(conn, &c, id, input)?)
    })
    .await
}

/// Reassign the owner and team (admins, and team leads over both teams); the history is kept.
#[utoipa::path(
    tag = "accounts",
    params(("id" = Uuid, Path, description = "Account id"), ("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
    request_body = ReassignInput,
    responses((status = 200, description = "The reassigned account", body = AccountView))
)]
#[post("/accounts/{id}/reassign")]
pub async fn reassign_account(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    id: web::Path<Uuid>,
    body: ApiJson<ReassignInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let c = caller.clone();
    let raw = body.raw.clone();
    let input = body.value;
    idem.run(&state, &caller, &raw, move |conn| {
        Reply::ok(&use_case::reassign_in(conn, &c, id, input)?)
    })
    .await
}

/// Who owned the account before: every reassignment, newest first.
#[utoipa::path(tag = "accounts", params(("id" = Uuid, Path, description = "Account id")), responses((status = 200, description = "The reassignments (one page)", body = Page<OwnerChangeView>)))]
#[get("/accounts/{id}/owner-history")]
pub async fn account_owner_history(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let rows = state
        .legacy_read(caller.clone(), move |conn| {
            use_case::owner_history(conn, &caller, id)
        })
        .await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "data": rows, "next_cursor": null })))
}

/// Merge a duplicate into this account: its records move here and it is archived.
#[utoipa::path(
    tag = "accounts",
    params(("id" = Uuid, Path, description = "The surviving account"), ("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
    request_body = MergeInput,
    responses((status = 200, description = "The surviving account", body = AccountView))
)]
#[post("/accounts/{id}/merge")]
pub async fn merge_account(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    id: web::Path<Uuid>,
    body: ApiJson<MergeInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let c = caller.clone();
    let raw = body.raw.clone();
    let input = body.value;
    idem.run(&state, &caller, &raw, move |conn| {
        Reply::ok(&use_case::merge_in(conn, &c, id, input)?)
    })
    .await
}

/// Everything about the account, newest first.
#[utoipa::path(tag = "accounts", params(("id" = Uuid, Path, description = "Account id"), PageParams), responses((status = 200, description = "A page of the timeline", body = Page<TimelineEntry>)))]
#[get("/accounts/{id}/timeline")]
pub async fn account_timeline(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
    page: ApiQuery<PageParams>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let page = PageRequest::new(&page, "-at", &id.to_string())?;
    let after = match &page.after {
        Some((v, i)) => Some((
            NaiveDateTime::parse_from_str(v, CURSOR_TIME).map_err(|_| {
                ApiError::field(
                    "invalid_cursor",
                    "cursor",
                    "is not a cursor this list handed out",
                )
            })?,
            *i,
        )),
        None => None,
    };
    let fetch = page.fetch();
    let rows = state
        .legacy_read(caller.clone(), move |conn| {
            reports::timeline(conn, &caller, id.into(), after, fetch)
        })
        .await?;
    Ok(HttpResponse::Ok().json(page.page(
        rows,
        |e| (e.at.naive_utc().format(CURSOR_TIME).to_string(), e.id),
        |e| e,
    )))
}

/// Import accounts from CSV (header row first): upsert on website domain, else name. Each
/// valid row is committed; each bad row is reported by its line number and changes nothing.
#[utoipa::path(
    tag = "accounts",
    params(("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
    request_body(content = String, content_type = "text/csv", description = "name,legal_name,industry,website,tier,status,is_customer,is_vendor,currency,goals,tags"),
    responses((status = 200, description = "What was created and updated, and the rows refused", body = ImportResult))
)]
#[post("/accounts/import")]
pub async fn import_accounts(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let ctype = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if !(ctype.starts_with("text/csv")
        || ctype.starts_with("text/plain")
        || ctype.starts_with("application/csv"))
    {
        return Err(ApiError::bad_request(
            "unsupported_content_type",
            "send the file with `Content-Type: text/csv`",
        ));
    }
    let c = caller.clone();
    let raw = body.to_vec();
    let data = raw.clone();
    idem.run(&state, &caller, &raw, move |conn| {
        Reply::ok(&import::import_in(conn, &c, &data)?)
    })
    .await
}

/// Export live accounts as CSV.
#[utoipa::path(tag = "accounts", responses((status = 200, description = "CSV", content_type = "text/csv", body = String)))]
#[get("/accounts/export")]
pub async fn export_accounts(
    state: web::Data<App>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let csv = state
        .legacy_read(caller.clone(), move |conn| import::export(conn, &caller))
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"accounts.csv\"",
        ))
        .body(csv))
}

/// The organization's CRM settings: health weights, grade thresholds, check-in cadence by tier.
#[utoipa::path(tag = "accounts", responses((status = 200, description = "The settings", body = CrmSettings)))]
#[get("/crm/settings")]
pub async fn get_crm_settings(
    state: web::Data<App>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let s = state
        .legacy_read(caller.clone(), move |conn| {
            caller.require(crate::auth::Permission::Read)?;
            crm::settings(conn, caller.org)
        })
        .await?;
    Ok(HttpResponse::Ok().json(s))
}

/// Replace the CRM settings (admins and owners).
#[utoipa::path(tag = "accounts", request_body = CrmSettings, responses((status = 200, description = "The settings", body = CrmSettings)))]
#[patch("/crm/settings")]
pub async fn update_crm_settings(
    state: web::Data<App>,
    caller: Caller,
    body: ApiJson<CrmSettings>,
) -> Result<HttpResponse, ApiError> {
    let input = body.value;
    let s = state
        .legacy_write(caller.clone(), move |conn| {
            crm::update_settings_in(conn, &caller, input)
        })
        .await?;
    Ok(HttpResponse::Ok().json(s))
}
