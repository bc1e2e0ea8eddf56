//! `/auth/*`: signup, login, refresh, logout. Not idempotency-keyed (they mint secrets).

use actix_web::{post, web, HttpResponse};

use crate::app::identity::sessions::{
    self, RefreshRequest, SignupRequest, SignupResponse, TokenRequest, TokenResponse,
};
use crate::app::App;
use crate::http::caller::Anon;
use crate::http::error::ApiError;
use crate::http::json::ApiJson;
use crate::http::reply;

/// Sign up: a new organization, its owner, and a first session.
#[utoipa::path(
    tag = "auth",
    request_body = SignupRequest,
    responses((status = 201, description = "Organization and owner created", body = SignupResponse)),
    security(())
)]
#[post("/auth/signup")]
pub async fn signup(
    app: web::Data<App>,
    cx: Anon,
    body: ApiJson<SignupRequest>,
) -> Result<HttpResponse, ApiError> {
    Ok(reply::outcome(
        sessions::sign_up(&app, &cx, body.value).await?,
    ))
}

/// Log in with email and password. Failed attempts back off per email and per client address
/// (a few free, then a delay that doubles up to 15 minutes per email and an hour per address):
/// while blocked the answer is 429 `sign_in_throttled` with `Retry-After`, before the password
/// is checked.
#[utoipa::path(
    tag = "auth",
    request_body = TokenRequest,
    responses((status = 200, description = "Tokens", body = TokenResponse)),
    security(())
)]
#[post("/auth/token")]
pub async fn token(
    app: web::Data<App>,
    cx: Anon,
    body: ApiJson<TokenRequest>,
) -> Result<HttpResponse, ApiError> {
    Ok(reply::json(&sessions::log_in(&app, &cx, body.value).await?))
}

/// Trade a refresh token for new tokens. Each refresh token works once; presenting a spent
/// one revokes every token of that login.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses((status = 200, description = "New tokens", body = TokenResponse)),
    security(())
)]
#[post("/auth/refresh")]
pub async fn refresh(
    app: web::Data<App>,
    cx: Anon,
    body: ApiJson<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    Ok(reply::json(
        &sessions::refresh(&app, &cx, body.value).await?,
    ))
}

/// Log out: revokes the session of the refresh token.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses((status = 204, description = "Logged out")),
    security(())
)]
#[post("/auth/logout")]
pub async fn logout(
    app: web::Data<App>,
    cx: Anon,
    body: ApiJson<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    sessions::log_out(&app, &cx, body.value).await?;
    Ok(reply::no_content())
}
