//! `/auth/*`: signup, login, refresh, logout. Not idempotency-keyed (they mint secrets).

use actix_web::{post, web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::error::ApiError;
use super::json::ApiJson;
use super::validate;
use super::views::{OrganizationView, UserView};
use crate::app::error::FieldError;
use crate::app::identity::{self, Refreshed, SignupInput, Tokens};
use crate::app::App;
use crate::auth::password;
use crate::domain::identity::Email;
use crate::domain::money::Currency;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignupRequest {
    #[validate(length(min = 1, max = 200))]
    #[schema(example = "Acme Ltd")]
    pub organization_name: String,
    #[validate(length(min = 1, max = 200))]
    #[schema(example = "Olivia Owner")]
    pub name: String,
    #[schema(example = "olivia@acme.example")]
    pub email: String,
    /// At least 10 characters.
    #[validate(length(min = 10, max = 512))]
    #[schema(example = "correct horse battery staple")]
    pub password: String,
    /// ISO 4217 code; default `USD`.
    #[schema(example = "USD")]
    pub base_currency: Option<String>,
    /// 1-12; default 1 (January).
    #[validate(range(min = 1, max = 12))]
    pub fiscal_year_start_month: Option<i16>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SignupResponse {
    pub organization: OrganizationView,
    pub user: UserView,
    pub access_token: String,
    pub refresh_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    pub access_token: String,
    pub refresh_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    pub expires_in: i64,
}

impl From<Tokens> for TokenResponse {
    fn from(t: Tokens) -> Self {
        TokenResponse {
            access_token: t.access_token,
            refresh_token: t.refresh_token,
            token_type: "Bearer".into(),
            expires_in: t.expires_in,
        }
    }
}

pub fn check_email(raw: &str, errors: &mut Vec<FieldError>) -> Option<Email> {
    let email = Email::parse(raw);
    if email.is_none() {
        errors.push(FieldError::new(
            "email",
            "email",
            "must be an email address",
        ));
    }
    email
}

/// Hashes on the blocking pool: argon2 takes tens of milliseconds of CPU.
pub async fn hash_password(password: String) -> Result<String, ApiError> {
    web::block(move || password::hash(&password))
        .await?
        .map_err(ApiError::internal)
}

/// Sign up: a new organization, its owner, and a first session.
#[utoipa::path(
    tag = "auth",
    request_body = SignupRequest,
    responses((status = 201, description = "Organization and owner created", body = SignupResponse)),
    security(())
)]
#[post("/auth/signup")]
pub async fn signup(
    state: web::Data<App>,
    body: ApiJson<SignupRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.value;
    let mut errors = validate::collect(&req);
    let email = check_email(&req.email, &mut errors);
    let currency = match Currency::parse(req.base_currency.as_deref().unwrap_or("USD")) {
        Ok(c) => Some(c),
        Err(e) => {
            errors.push(FieldError::new("base_currency", e.code(), e.to_string()));
            None
        }
    };
    validate::finish(errors)?;
    let (Some(email), Some(base_currency)) = (email, currency) else {
        return Err(ApiError::internal("validated fields missing"));
    };
    let password_hash = hash_password(req.password).await?;
    let input = SignupInput {
        organization_name: req.organization_name.trim().to_owned(),
        name: req.name.trim().to_owned(),
        email,
        password_hash,
        base_currency,
        fiscal_year_start_month: req.fiscal_year_start_month.unwrap_or(1),
    };
    let st = state.clone();
    let (org, user, tokens) = state
        .legacy_write(move |conn| identity::signup_in(conn, &st.jwt, &st.config, input))
        .await?;
    let location = format!("/api/v1/users/{}", user.id.0);
    let tokens = TokenResponse::from(tokens);
    Ok(HttpResponse::Created()
        .insert_header((actix_web::http::header::LOCATION, location))
        .json(SignupResponse {
            organization: org.into(),
            user: user.into(),
            access_token: tokens.access_token,
            refresh_token: tokens.refresh_token,
            token_type: tokens.token_type,
            expires_in: tokens.expires_in,
        }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    #[schema(example = "olivia@acme.example")]
    pub email: String,
    #[schema(example = "correct horse battery staple")]
    pub password: String,
}

/// Log in with email and password.
#[utoipa::path(
    tag = "auth",
    request_body = TokenRequest,
    responses((status = 200, description = "Tokens", body = TokenResponse)),
    security(())
)]
#[post("/auth/token")]
pub async fn token(
    state: web::Data<App>,
    body: ApiJson<TokenRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.value;
    let st = state.clone();
    let (_, tokens) = state
        .legacy_write(move |conn| {
            identity::login_in(conn, &st.jwt, &st.config, &req.email, &req.password)
        })
        .await?;
    Ok(HttpResponse::Ok().json(TokenResponse::from(tokens)))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    pub refresh_token: String,
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
    state: web::Data<App>,
    body: ApiJson<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let presented = body.value.refresh_token;
    let st = state.clone();
    match state.legacy_write(move |conn| identity::refresh_in(conn, &st.jwt, &st.config, &presented)).await? {
        Refreshed::Tokens(tokens) => Ok(HttpResponse::Ok().json(TokenResponse::from(tokens))),
        Refreshed::Reused => Err(ApiError::unauthorized(
            "refresh_token_reused",
            "this refresh token was already used; every session of this login is revoked, log in again",
        )),
    }
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
    state: web::Data<App>,
    body: ApiJson<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let presented = body.value.refresh_token;
    state
        .legacy_write(move |conn| identity::logout_in(conn, &presented))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
