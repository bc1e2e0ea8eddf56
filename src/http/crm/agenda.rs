//! `GET /me/agenda`.

use actix_web::{get, web, HttpResponse};

use crate::app::crm::agenda::{self, Agenda, AgendaParams};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiQuery;
use crate::http::reply;

/// Everything of the caller's due on or before `date`, oldest first: open tasks assigned to
/// them, check-ins due on the accounts they own, follow-ups they promised (or on their
/// accounts) that no later contact with the account has settled, their steps in open risks'
/// action plans, reviews due of the active account plans they own, and overdue invoices of
/// their accounts. An API key sees its creator's agenda.
#[utoipa::path(tag = "agenda", params(AgendaParams), responses((status = 200, description = "The caller's agenda", body = Agenda)))]
#[get("/me/agenda")]
pub async fn my_agenda(
    app: web::Data<App>,
    cx: Cx,
    q: ApiQuery<AgendaParams>,
) -> Result<HttpResponse, ApiError> {
    let a = agenda::agenda(&app, &cx, q.into_inner()).await?;
    Ok(reply::json(&a))
}
