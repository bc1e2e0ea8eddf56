//! `/accounts/{id}/merge`: fold a duplicate into an account.

use actix_web::{post, web, HttpResponse};
use uuid::Uuid;

use crate::app::crm::accounts::AccountView;
use crate::app::crm::merge::{self, MergeInput};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiJson;
use crate::http::reply;

const IDEMPOTENCY: &str = "Makes a retry of this POST safe";

/// Merge a duplicate into this account: its records move here and it is archived.
#[utoipa::path(
    tag = "accounts",
    params(("id" = Uuid, Path, description = "The surviving account"), ("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
    request_body = MergeInput,
    responses((status = 200, description = "The surviving account", body = AccountView))
)]
#[post("/accounts/{id}/merge")]
pub async fn merge_account(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    body: ApiJson<MergeInput>,
) -> Result<HttpResponse, ApiError> {
    let cx = cx.with_body(&body.raw);
    let outcome = merge::merge(&app, &cx, id.into_inner().into(), body.value).await?;
    Ok(reply::outcome(outcome))
}
