//! Signing up, logging in, refreshing and logging out, and telling who a credential belongs
//! to.
//!
//! Refresh tokens rotate: each is good for one refresh and belongs to a family (one login).
//! Presenting a spent token again means it was copied, so the whole family is revoked.

use chrono::Duration;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::users::UserView;
use crate::app::error::{AppError, Check, Unique};
use crate::app::organization::OrganizationView;
use crate::app::unit_of_work::{blocking, Actor, AuditNote, Outcome, Tx};
use crate::app::{App, Context};
use crate::auth::jwt::JwtKeys;
use crate::auth::{password, secrets, Caller, Principal};
use crate::config::Config;
use crate::db::identity::organizations::OrganizationRow;
use crate::db::identity::refresh_tokens::RefreshTokenRow;
use crate::db::identity::users::UserRow;
use crate::db::{self};
use crate::domain::identity::{Email, Role};
use crate::domain::ids::{ApiKeyId, OrganizationId, RefreshTokenId, SessionId, UserId};
use crate::domain::throttle;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignupRequest {
    #[validate(length(min = 1, max = 200))]
    #[schema(example = "Acme Ltd", min_length = 1, max_length = 200)]
    pub organization_name: String,
    #[validate(length(min = 1, max = 200))]
    #[schema(example = "Olivia Owner", min_length = 1, max_length = 200)]
    pub name: String,
    #[schema(example = "olivia@acme.example")]
    pub email: String,
    /// At least 10 characters.
    #[validate(length(min = 10, max = 512))]
    #[schema(
        example = "correct horse battery staple",
        min_length = 10,
        max_length = 512
    )]
    pub password: String,
    /// ISO 4217 code; default `USD`.
    #[schema(example = "USD")]
    pub base_currency: Option<String>,
    /// 1-12; default 1 (January).
    #[validate(range(min = 1, max = 12))]
    #[schema(minimum = 1, maximum = 12)]
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

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    #[schema(example = "olivia@acme.example")]
    pub email: String,
    #[schema(example = "correct horse battery staple")]
    pub password: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    pub access_token: String,
    pub refresh_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    pub expires_in: i64,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    pub refresh_token: String,
}

/// An email as users type it: a 422 naming `email` when it is not one.
pub fn check_email(raw: &str, check: &mut Check) -> Option<Email> {
    let email = Email::parse(raw);
    if email.is_none() {
        check.push("email", "email", "must be an email address");
    }
    email
}

pub fn email_taken() -> AppError {
    AppError::field(
        "email_taken",
        "email",
        "a user with this email already exists",
    )
}

/// Hashes on the blocking pool: argon2 takes tens of milliseconds of CPU.
pub async fn hash_password(password: String) -> Result<String, AppError> {
    blocking(move || password::hash(&password).map_err(AppError::internal)).await
}

/// A new organization, its owner and a first session, in one transaction.
pub async fn sign_up(app: &App, cx: &Context, req: SignupRequest) -> Result<Outcome, AppError> {
    let mut check = Check::new();
    check.validate(&req);
    let email = check_email(&req.email, &mut check);
    let currency = check.currency(
        "base_currency",
        req.base_currency.as_deref().unwrap_or("USD"),
    );
    check.finish()?;
    let (Some(email), Some(base_currency)) = (email, currency) else {
        return Err(AppError::internal("validated fields missing"));
    };
    let password_hash = hash_password(req.password).await?;
    let (jwt, config) = (app.jwt.clone(), app.config.clone());
    let organization_name = req.organization_name.trim().to_owned();
    let name = req.name.trim().to_owned();
    let fiscal_year_start_month = req.fiscal_year_start_month.unwrap_or(1);
    app.write(cx, move |tx| {
        let now = db::now();
        let org = OrganizationRow {
            id: OrganizationId::new(),
            name: organization_name,
            base_currency: base_currency.code().to_owned(),
            fiscal_year_start_month,
            version: 1,
            created_at: now,
            updated_at: now,
            lock_date: None,
            rounding_mode: "half_up".to_owned(),
            timezone: "UTC".to_owned(),
        };
        if db::identity::users::email_taken(tx, email.as_str())? {
            return Err(email_taken());
        }
        org.insert(tx)?;
        let user = UserRow {
            organization_id: org.id,
            id: UserId::new(),
            name,
            email: email.as_str().to_owned(),
            password_hash,
            role: Role::Owner.as_str().to_owned(),
            title: None,
            is_active: true,
            version: 1,
            created_at: now,
            updated_at: now,
        };
        user.insert(tx).unique("email", email_taken)?;
        tx.act_as(org.id, Actor::User(user.id));
        crate::app::ledger::create_default_chart_in(tx, org.id, base_currency)?;
        db::billing::numbering::insert_sequences(tx, org.id)?;
        crate::app::billing::tax_rates::create_defaults_in(tx, org.id)?;
        let tokens = start_session(tx, &jwt, &config, &user, None)?;
        Outcome::created(
            "users",
            user.id,
            &SignupResponse {
                organization: org.into(),
                user: user.into(),
                access_token: tokens.access_token,
                refresh_token: tokens.refresh_token,
                token_type: tokens.token_type,
                expires_in: tokens.expires_in,
            },
        )
    })
    .await
}

/// What a sign-in came to. A failure or a refusal commits (its audit row and its count) and is
/// answered after.
enum SignIn {
    Tokens(TokenResponse),
    Failed,
    /// Too many recent failures for this email or address: wait this many seconds.
    Throttled(u64),
}

/// A session for an email and password. Failures back off per email and per client address
/// (counted in the database, so every node agrees); a blocked attempt is refused before the
/// password is even checked.
pub async fn log_in(app: &App, cx: &Context, req: TokenRequest) -> Result<TokenResponse, AppError> {
    let (jwt, config) = (app.jwt.clone(), app.config.clone());
    let address = cx.client_addr.clone();
    let email = Email::parse(&req.email)
        .map(|e| e.as_str().to_owned())
        .unwrap_or_else(|| req.email.trim().to_lowercase());
    // The password is checked before the write transaction, on no connection: hashing takes
    // tens of milliseconds and must not hold SQLite's one writer or a pooled connection.
    let (found, blocked) = {
        let (email, address) = (email.clone(), address.clone());
        app.read(cx, move |tx| {
            let hash = db::identity::users::find_by_email(tx, &email)?.map(|u| u.password_hash);
            let now = db::now();
            let mut blocked = db::identity::sign_in_throttle::read(tx, "email", &email)?
                .blocked_for(now)
                .is_some();
            if let Some(a) = &address {
                blocked |= db::identity::sign_in_throttle::read(tx, "address", a)?
                    .blocked_for(now)
                    .is_some();
            }
            Ok((hash, blocked))
        })
        .await?
    };
    let checked = if blocked {
        None
    } else {
        let (password, hash) = (req.password.clone(), found.clone());
        let ok = blocking(move || {
            Ok(password::verify(
                &password,
                hash.as_deref().unwrap_or(password::dummy_hash()),
            ))
        })
        .await?;
        Some((found, ok))
    };
    let signed_in = app
        .write(cx, move |tx| {
            let user = db::identity::users::find_by_email(tx, &email)?;
            let note = |action| {
                user.as_ref().map(|u| AuditNote {
                    org: u.organization_id,
                    actor: Actor::User(u.id),
                    action,
                    resource: Some(("user", u.id.0)),
                })
            };
            let mut keys = vec![("email", email.clone(), &throttle::PER_ACCOUNT)];
            if let Some(a) = &address {
                keys.push(("address", a.clone(), &throttle::PER_ADDRESS));
            }
            let now = db::now();
            let mut states = Vec::with_capacity(keys.len());
            for (scope, key, _) in &keys {
                states.push(db::identity::sign_in_throttle::read(tx, scope, key)?);
            }
            if let Some(wait) = states.iter().filter_map(|s| s.blocked_for(now)).max() {
                if let Some(n) = note("auth.sign_in_throttled") {
                    tx.audit(n);
                }
                return Ok(SignIn::Throttled(wait));
            }
            // Verify against a dummy hash when the user is unknown, so timing does not tell.
            let stored = user
                .as_ref()
                .map(|u| u.password_hash.as_str())
                .unwrap_or(password::dummy_hash());
            // Checked above, unless the password changed since (or the check was skipped).
            let ok = match &checked {
                Some((hash, ok))
                    if hash.as_deref() == user.as_ref().map(|u| u.password_hash.as_str()) =>
                {
                    *ok
                }
                _ => password::verify(&req.password, stored),
            };
            match user.as_ref().filter(|u| ok && u.is_active) {
                Some(user) => {
                    db::identity::sign_in_throttle::clear(tx, "email", &email)?;
                    if let Some(n) = note("auth.signed_in") {
                        tx.audit(n);
                    }
                    start_session(tx, &jwt, &config, user, None).map(SignIn::Tokens)
                }
                None => {
                    // Counted under the key's lock, taken only now: a sign-in holds no lock
                    // while the password is hashed, so one address (an office, a proxy not
                    // trusted) does not queue every sign-in behind each other.
                    for (scope, key, policy) in &keys {
                        let state = db::identity::sign_in_throttle::lock(tx, scope, key)?;
                        let after = state.failed(now, policy);
                        db::identity::sign_in_throttle::save(tx, scope, key, &after)?;
                    }
                    // A failure for a known email is kept in that user's organization's audit
                    // trail, so the attempt commits and is refused after.
                    if let Some(n) = note("auth.sign_in_failed") {
                        tx.audit(n);
                    }
                    Ok(SignIn::Failed)
                }
            }
        })
        .await?;
    match signed_in {
        SignIn::Tokens(tokens) => Ok(tokens),
        SignIn::Failed => Err(AppError::unauthorized(
            "invalid_credentials",
            "the email or password is wrong",
        )),
        SignIn::Throttled(wait) => Err(AppError::too_many_requests(
            "sign_in_throttled",
            format!(
                "too many failed sign-ins for this email or from this address; \
                 try again in {wait} s"
            ),
        )
        .retry_after(u32::try_from(wait).unwrap_or(u32::MAX))),
    }
}

/// What a refresh came to. A reuse is committed (the family revoked) and then refused.
enum Refreshed {
    Tokens(TokenResponse),
    Reused,
}

/// New tokens for a refresh token, which is spent.
pub async fn refresh(
    app: &App,
    cx: &Context,
    req: RefreshRequest,
) -> Result<TokenResponse, AppError> {
    let (jwt, config) = (app.jwt.clone(), app.config.clone());
    let refreshed = app
        .write(cx, move |tx| {
            refresh_in(tx, &jwt, &config, &req.refresh_token)
        })
        .await?;
    match refreshed {
        Refreshed::Tokens(tokens) => Ok(tokens),
        Refreshed::Reused => Err({
            // Every session of the login ended: its access tokens stop working now.
            app.principals.forget_all();
            AppError::unauthorized(
            "refresh_token_reused",
            "this refresh token was already used; every session of this login is revoked, log in again",
            )
        }),
    }
}

fn refresh_in(
    tx: &mut Tx,
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
    let row = db::identity::refresh_tokens::find_by_hash(tx, &hash)?.ok_or_else(invalid)?;
    let now = db::now();
    let reused = AuditNote {
        org: row.organization_id,
        actor: Actor::User(row.user_id),
        action: "auth.refresh_reused",
        resource: Some(("user", row.user_id.0)),
    };
    if row.used_at.is_some() {
        db::identity::refresh_tokens::revoke_family(tx, row.organization_id, row.family_id, now)?;
        tx.audit(reused);
        return Ok(Refreshed::Reused);
    }
    if row.revoked_at.is_some() || row.expires_at <= now {
        return Err(invalid());
    }
    let user = db::identity::users::find(tx, row.organization_id, row.user_id)?;
    if !user.is_active {
        return Err(invalid());
    }
    if !db::identity::refresh_tokens::mark_used(tx, &row, now)? {
        db::identity::refresh_tokens::revoke_family(tx, row.organization_id, row.family_id, now)?;
        tx.audit(reused);
        return Ok(Refreshed::Reused);
    }
    let tokens = start_session(tx, jwt, config, &user, Some(row.family_id))?;
    Ok(Refreshed::Tokens(tokens))
}

/// Revokes the session the refresh token belongs to. Unknown tokens are not an error: the
/// outcome the caller wants (that token no longer works) holds either way.
pub async fn log_out(app: &App, cx: &Context, req: RefreshRequest) -> Result<(), AppError> {
    let ended = app
        .write(cx, move |tx| {
            let hash = secrets::sha256_hex(req.refresh_token.as_bytes());
            if let Some(row) = db::identity::refresh_tokens::find_by_hash(tx, &hash)? {
                db::identity::refresh_tokens::revoke_family(
                    tx,
                    row.organization_id,
                    row.family_id,
                    db::now(),
                )?;
            }
            Ok(())
        })
        .await;
    app.principals.forget_all();
    ended
}

/// Issues an access token and a new refresh token (in `family`, or a new family).
fn start_session(
    tx: &mut Tx,
    jwt: &JwtKeys,
    config: &Config,
    user: &UserRow,
    family: Option<SessionId>,
) -> Result<TokenResponse, AppError> {
    let now = db::now();
    let family = family.unwrap_or_default();
    let refresh_token = secrets::random_token(secrets::REFRESH_TOKEN_PREFIX);
    let ttl = Duration::seconds(config.refresh_token_ttl.as_secs() as i64);
    RefreshTokenRow {
        organization_id: user.organization_id,
        id: RefreshTokenId::new(),
        user_id: user.id,
        family_id: family,
        token_hash: secrets::sha256_hex(refresh_token.as_bytes()),
        expires_at: now + ttl,
        used_at: None,
        revoked_at: None,
        created_at: now,
    }
    .insert(tx)?;
    let expires_in = config.access_token_ttl.as_secs() as i64;
    let access_token = jwt
        .issue(
            user.id.0,
            user.organization_id.0,
            &user.role,
            family.0,
            expires_in,
        )
        .map_err(AppError::internal)?;
    Ok(TokenResponse {
        access_token,
        refresh_token,
        token_type: "Bearer".into(),
        expires_in,
    })
}

/// Checks a credential (an access token or an API key) and reads the principal's current
/// standing: a deactivated user's tokens and keys stop working at once, and a role change
/// applies to the next request.
pub async fn authenticate(app: &App, credential: String) -> Result<Caller, AppError> {
    if let Some(caller) = app.principals.recall(&credential) {
        return Ok(caller);
    }
    let (generation, read_at) = (app.principals.generation(), std::time::Instant::now());
    let caller = standing_of(app, &credential).await?;
    app.principals
        .remember(&credential, &caller, generation, read_at);
    Ok(caller)
}

/// What the database says `credential` stands for now.
async fn standing_of(app: &App, credential: &str) -> Result<Caller, AppError> {
    let credential = credential.to_owned();
    let cx = Context::system();
    if !secrets::is_api_key(&credential) {
        let claims = app.jwt.verify(&credential).map_err(|e| {
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
        let session = claims.sid.map(SessionId);
        return app
            .read(&cx, move |tx| {
                let (row, ended) = db::identity::users::find_in_session(tx, org, user, session)?
                    .ok_or_else(|| {
                        AppError::unauthorized(
                            "invalid_token",
                            "the access token names no user of its organization",
                        )
                    })?;
                if ended {
                    return Err(AppError::unauthorized(
                        "session_revoked",
                        "the login this token belongs to was ended (signed out, or its refresh \
                         token was reused); log in again",
                    ));
                }
                if !row.is_active {
                    return Err(AppError::unauthorized(
                        "user_inactive",
                        "this user has been deactivated",
                    ));
                }
                Ok(Caller {
                    org,
                    principal: Principal::User(user),
                    role: stored_role(&row.role)?,
                })
            })
            .await;
    }
    let hash = secrets::sha256_hex(credential.as_bytes());
    app.read(&cx, move |tx| {
        let row = db::identity::api_keys::find_by_hash(tx, &hash)?
            .filter(|k| k.revoked_at.is_none())
            .ok_or_else(|| {
                AppError::unauthorized("invalid_api_key", "the API key is unknown or revoked")
            })?;
        let creator = db::identity::users::find(tx, row.organization_id, row.created_by)?;
        if !creator.is_active {
            return Err(AppError::unauthorized(
                "invalid_api_key",
                "the user this API key acts for has been deactivated",
            ));
        }
        let now = db::now();
        // Debounced: at most one write a minute per key, not one per request.
        if row
            .last_used_at
            .is_none_or(|t| t < now - chrono::Duration::seconds(60))
        {
            db::write_transaction(tx.conn(), |c| db::identity::api_keys::touch(c, &row, now))?;
        }
        let role = stored_role(&row.role)?.capped_by(stored_role(&creator.role)?);
        Ok(Caller {
            org: row.organization_id,
            principal: Principal::ApiKey {
                id: ApiKeyId(row.id.0),
                created_by: row.created_by,
            },
            role,
        })
    })
    .await
}

/// The standing now of a principal that acted earlier (the caller of a background job): its
/// current role, or 401 when the user has been deactivated or the key revoked since.
pub fn standing(
    tx: &mut Tx,
    org: OrganizationId,
    principal: Principal,
) -> Result<Caller, AppError> {
    let gone = |what: &str| AppError::unauthorized("caller_revoked", format!("{what} since"));
    match principal {
        Principal::User(user) => {
            let row = db::identity::users::find(tx, org, user)
                .map_err(|_| gone("the user who started this is gone"))?;
            if !row.is_active {
                return Err(gone("the user who started this has been deactivated"));
            }
            Ok(Caller {
                org,
                principal,
                role: stored_role(&row.role)?,
            })
        }
        Principal::ApiKey { id, created_by } => {
            let key = db::identity::api_keys::find(tx, org, id)
                .map_err(|_| gone("the API key that started this is gone"))?;
            if key.revoked_at.is_some() {
                return Err(gone("the API key that started this has been revoked"));
            }
            let creator = db::identity::users::find(tx, org, created_by)
                .map_err(|_| gone("the user of the API key that started this is gone"))?;
            if !creator.is_active {
                return Err(gone(
                    "the user of the API key that started this has been deactivated",
                ));
            }
            Ok(Caller {
                org,
                principal,
                role: stored_role(&key.role)?.capped_by(stored_role(&creator.role)?),
            })
        }
    }
}

/// A role as stored.
pub fn stored_role(role: &str) -> Result<Role, AppError> {
    role.parse::<Role>()
        .map_err(|_| AppError::internal("a stored role is unknown"))
}
