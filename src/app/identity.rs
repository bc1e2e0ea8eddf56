//! Signing up, logging in, refreshing and logging out.
//!
//! Refresh tokens rotate: each is good for one refresh and belongs to a family (one login).
//! Presenting a spent token again means it was copied, so the whole family is revoked.

use crate::domain::ids::{ApiKeyId, OrganizationId, RefreshTokenId, SessionId, UserId};
use chrono::Duration;
use diesel::OptionalExtension;

use crate::app::error::{AppError, Unique};
use crate::app::App;
use crate::auth::jwt::JwtKeys;
use crate::auth::{password, secrets, Caller, Principal};
use crate::config::Config;
use crate::db::organizations::OrganizationRow;
use crate::db::refresh_tokens::RefreshTokenRow;
use crate::db::users::UserRow;
use crate::db::{self, DbConn};
use crate::domain::identity::{Email, Role};
use crate::domain::money::Currency;

pub struct Tokens {
    pub access_token: String,
    pub refresh_token: String,
    pub expires_in: i64,
}

pub struct SignupInput {
    pub organization_name: String,
    pub name: String,
    pub email: Email,
    pub password_hash: String,
    pub base_currency: Currency,
    pub fiscal_year_start_month: i16,
}

pub fn email_taken() -> AppError {
    AppError::field(
        "email_taken",
        "email",
        "a user with this email already exists",
    )
}

/// Creates the organization, its owner and a first session, in one transaction.
pub fn signup_in(
    conn: &mut DbConn,
    jwt: &JwtKeys,
    config: &Config,
    input: SignupInput,
) -> Result<(OrganizationRow, UserRow, Tokens), AppError> {
    if db::users::email_taken(conn, input.email.as_str())? {
        return Err(email_taken());
    }
    let now = db::now();
    let org = OrganizationRow {
        id: OrganizationId::new(),
        name: input.organization_name,
        base_currency: input.base_currency.code().to_owned(),
        fiscal_year_start_month: input.fiscal_year_start_month,
        version: 1,
        created_at: now,
        updated_at: now,
        lock_date: None,
        rounding_mode: "half_up".to_owned(),
    };
    org.insert(conn)?;
    let user = UserRow {
        organization_id: org.id,
        id: UserId(UserId::new().0),
        name: input.name,
        email: input.email.as_str().to_owned(),
        password_hash: input.password_hash,
        role: Role::Owner.as_str().to_owned(),
        title: None,
        is_active: true,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    user.insert(conn).unique("email", email_taken)?;
    crate::app::ledger::create_default_chart_in(conn, org.id, input.base_currency)?;
    crate::db::receivables::insert_sequences(conn, org.id)?;
    crate::app::receivables::tax_rates::create_defaults_in(conn, org.id)?;
    let tokens = start_session(conn, jwt, config, &user, None)?;
    Ok((org, user, tokens))
}

fn invalid_credentials() -> AppError {
    AppError::unauthorized("invalid_credentials", "the email or password is wrong")
}

pub fn login_in(
    conn: &mut DbConn,
    jwt: &JwtKeys,
    config: &Config,
    email: &str,
    password: &str,
) -> Result<(UserRow, Tokens), AppError> {
    let email = Email::parse(email)
        .map(|e| e.as_str().to_owned())
        .unwrap_or_default();
    let user = db::users::find_by_email(conn, &email)?;
    // Verify against a dummy hash when the user is unknown, so timing does not tell.
    let stored = user
        .as_ref()
        .map(|u| u.password_hash.as_str())
        .unwrap_or(password::dummy_hash());
    let ok = password::verify(password, stored);
    match user {
        Some(user) if ok && user.is_active => {
            let tokens = start_session(conn, jwt, config, &user, None)?;
            Ok((user, tokens))
        }
        _ => Err(invalid_credentials()),
    }
}

/// What a refresh came to. A reuse is committed (the family revoked) and then refused.
pub enum Refreshed {
    Tokens(Tokens),
    Reused,
}

pub fn refresh_in(
    conn: &mut DbConn,
    jwt: &JwtKeys,
    config: &Config,
    token: &str,
) -> Result<Refreshed, AppError> {
    let invalid = || {
        AppError::unauthorized(
            "invalid_refresh_token",
            "the refresh token is unknown, expired or revoked; log in again",
        )
    };
    let hash = secrets::sha256_hex(token.as_bytes());
    let row = db::refresh_tokens::find_by_hash(conn, &hash)?.ok_or_else(invalid)?;
    let now = db::now();
    if row.used_at.is_some() {
        db::refresh_tokens::revoke_family(conn, row.organization_id, row.family_id, now)?;
        return Ok(Refreshed::Reused);
    }
    if row.revoked_at.is_some() {
        return Err(invalid());
    }
    if row.expires_at <= now {
        return Err(invalid());
    }
    let user = db::users::find(conn, row.organization_id, row.user_id)?;
    if !user.is_active {
        return Err(invalid());
    }
    if !db::refresh_tokens::mark_used(conn, &row, now)? {
        db::refresh_tokens::revoke_family(conn, row.organization_id, row.family_id, now)?;
        return Ok(Refreshed::Reused);
    }
    let tokens = start_session(conn, jwt, config, &user, Some(row.family_id))?;
    Ok(Refreshed::Tokens(tokens))
}

/// Revokes the session the refresh token belongs to. Unknown tokens are not an error: the
/// outcome the caller wants (that token no longer works) holds either way.
pub fn logout_in(conn: &mut DbConn, token: &str) -> Result<(), AppError> {
    let hash = secrets::sha256_hex(token.as_bytes());
    if let Some(row) = db::refresh_tokens::find_by_hash(conn, &hash)? {
        db::refresh_tokens::revoke_family(conn, row.organization_id, row.family_id, db::now())?;
    }
    Ok(())
}

/// Issues an access token and a new refresh token (in `family`, or a new family).
fn start_session(
    conn: &mut DbConn,
    jwt: &JwtKeys,
    config: &Config,
    user: &UserRow,
    family: Option<SessionId>,
) -> Result<Tokens, AppError> {
    let now = db::now();
    let refresh_token = secrets::random_token(secrets::REFRESH_TOKEN_PREFIX);
    let ttl = Duration::seconds(config.refresh_token_ttl.as_secs() as i64);
    RefreshTokenRow {
        organization_id: user.organization_id,
        id: RefreshTokenId(RefreshTokenId::new().0),
        user_id: user.id,
        family_id: family.unwrap_or_else(|| SessionId::new()),
        token_hash: secrets::sha256_hex(refresh_token.as_bytes()),
        expires_at: now + ttl,
        used_at: None,
        revoked_at: None,
        created_at: now,
    }
    .insert(conn)?;
    let expires_in = config.access_token_ttl.as_secs() as i64;
    let access_token = jwt
        .issue(user.id.0, user.organization_id.0, &user.role, expires_in)
        .map_err(AppError::internal)?;
    Ok(Tokens {
        access_token,
        refresh_token,
        expires_in,
    })
}

/// Checks a credential (an access token or an API key) and reads the principal's current
/// standing: a deactivated user's tokens and keys stop working at once, and a role change
/// applies to the next request.
pub async fn authenticate(state: &App, credential: String) -> Result<Caller, AppError> {
    if !secrets::is_api_key(&credential) {
        let claims = state.jwt.verify(&credential).map_err(|e| {
            let detail = match e.kind() {
                jsonwebtoken::errors::ErrorKind::ExpiredSignature => {
                    "the access token has expired; refresh it"
                }
                _ => "the access token is not valid",
            };
            AppError::unauthorized("invalid_token", detail)
        })?;
        if claims.typ != "access" {
            return Err(AppError::unauthorized(
                "invalid_token",
                "not an access token",
            ));
        }
        let (org, user) = (OrganizationId(claims.org), UserId(claims.sub));
        return state
            .legacy_read(move |conn| {
                let row = db::users::find(conn, org, UserId(user.0))
                    .optional()?
                    .filter(|u| u.is_active)
                    .ok_or_else(|| {
                        AppError::unauthorized(
                            "user_inactive",
                            "this user no longer exists or has been deactivated",
                        )
                    })?;
                Ok(Caller {
                    org,
                    principal: Principal::User(user),
                    role: stored_role(&row.role)?,
                })
            })
            .await;
    }
    let hash = secrets::sha256_hex(credential.as_bytes());
    state
        .legacy_read(move |conn| {
            let row = db::api_keys::find_by_hash(conn, &hash)?
                .filter(|k| k.revoked_at.is_none())
                .ok_or_else(|| {
                    AppError::unauthorized("invalid_api_key", "the API key is unknown or revoked")
                })?;
            let creator = db::users::find(conn, row.organization_id, row.created_by)?;
            if !creator.is_active {
                return Err(AppError::unauthorized(
                    "invalid_api_key",
                    "the user this API key acts for has been deactivated",
                ));
            }
            let now = db::now();
            if row
                .last_used_at
                .is_none_or(|t| t < now - chrono::Duration::seconds(60))
            {
                db::write_transaction(conn, |c| db::api_keys::touch(c, &row, now))?;
            }
            let role = stored_role(&row.role)?.capped_by(stored_role(&creator.role)?);
            Ok(Caller {
                org: OrganizationId(row.organization_id.0),
                principal: Principal::ApiKey {
                    id: ApiKeyId(row.id.0),
                    created_by: UserId(row.created_by.0),
                },
                role,
            })
        })
        .await
}

fn stored_role(role: &str) -> Result<Role, AppError> {
    role.parse::<Role>()
        .map_err(|_| AppError::internal("a stored role is unknown"))
}
