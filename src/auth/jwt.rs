//! Short-lived access tokens: HS256 JWTs. The algorithm is pinned, so `alg: none` or a
//! different algorithm in the header is refused, whatever the token says.

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub const ISSUER: &str = "accord";

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    /// The user.
    pub sub: Uuid,
    pub org: Uuid,
    pub role: String,
    pub iss: String,
    pub iat: i64,
    pub exp: i64,
    pub typ: String,
    /// The login (refresh-token family) the token was issued in: when that login is ended
    /// (signed out, or its refresh token reused) the token stops working at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<Uuid>,
}

#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl JwtKeys {
    pub fn new(secret: &[u8]) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "iss", "sub"]);
        validation.leeway = 5;
        JwtKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
        }
    }

    pub fn issue(
        &self,
        user: Uuid,
        org: Uuid,
        role: &str,
        session: Uuid,
        ttl_secs: i64,
    ) -> Result<String, String> {
        let now = chrono::Utc::now().timestamp();
        let claims = Claims {
            sub: user,
            org,
            role: role.to_owned(),
            iss: ISSUER.to_owned(),
            iat: now,
            exp: now + ttl_secs,
            typ: "access".to_owned(),
            sid: Some(session),
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| format!("signing a token failed: {e}"))
    }

    pub fn verify(&self, token: &str) -> Result<Claims, jsonwebtoken::errors::Error> {
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)?;
        Ok(data.claims)
    }
}
