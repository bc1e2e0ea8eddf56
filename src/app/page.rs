//! Cursor pagination, for every list: `?limit=&cursor=&sort=`, answered as `{data, next_cursor}`.
//!
//! Pages are keyset pages on (sort value, id), never OFFSET, so rows inserted while a client
//! pages do not shift what it sees. The cursor is opaque (base64url JSON) and carries the sort
//! and a hash of the filters it was made under: a cursor reused with other filters is a 422.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::error::AppError;
use crate::auth::secrets::sha256_hex;

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 200;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Rows per page, 1 to 200 (default 50).
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// What every list's query has besides its own filters: `updated_since=`, for incremental
/// sync (rows whose `updated_at` is at or after the instant).
pub trait ListQuery {
    fn updated_since(&self) -> Option<DateTime<Utc>>;
}

/// A list with no filters of its own.
impl ListQuery for () {
    fn updated_since(&self) -> Option<DateTime<Utc>> {
        None
    }
}

/// Implements [`ListQuery`] for a list query with an `updated_since` field.
#[macro_export]
macro_rules! list_query {
    ($query:ty) => {
        impl $crate::app::page::ListQuery for $query {
            fn updated_since(&self) -> Option<chrono::DateTime<chrono::Utc>> {
                self.updated_since
            }
        }
    };
}

/// Declares the values a list's `sort=` takes, so the spec enumerates exactly what the list
/// sorts by (`field` ascending, `-field` descending):
///
/// ```ignore
/// sort_options!(CreationSort { CreatedAt = "created_at", CreatedAtDesc = "-created_at" });
/// ```
///
/// A value outside the set is refused by the query extractor as `invalid_sort`.
#[macro_export]
macro_rules! sort_options {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $value:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub const ALL: &'static [&'static str] = &[$($value),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $value),+
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                match text.as_ref() {
                    $($value => Ok($name::$variant),)+
                    other => Err(serde::de::Error::unknown_variant(other, Self::ALL)),
                }
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some(Self::ALL.iter().copied()))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}

sort_options!(
    /// A list in creation order: `created_at` (the default) or `-created_at`.
    CreationSort { CreatedAt = "created_at", CreatedAtDesc = "-created_at" }
);

/// A page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub data: Vec<T>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct CursorBody {
    /// sort key, e.g. "name" or "-created_at"
    s: String,
    /// hash of the filters
    f: String,
    /// last row's sort value
    v: String,
    /// last row's id
    i: Uuid,
}

/// A validated request for one page.
#[derive(Debug, Clone)]
pub struct PageRequest {
    pub limit: i64,
    pub sort: String,
    pub filters_hash: String,
    pub after: Option<(String, Uuid)>,
}

impl PageRequest {
    /// `filters` is a canonical rendering of the list's filters (so the cursor is bound to them).
    pub fn new(params: &PageParams, sort: &str, filters: &str) -> Result<PageRequest, AppError> {
        let limit = params.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(AppError::field(
                "invalid_limit",
                "limit",
                format!("must be between 1 and {MAX_LIMIT}"),
            ));
        }
        let filters_hash = sha256_hex(filters.as_bytes())[..16].to_owned();
        let after = match &params.cursor {
            None => None,
            Some(c) => {
                let invalid = || {
                    AppError::field(
                        "invalid_cursor",
                        "cursor",
                        "is not a cursor this list handed out",
                    )
                };
                let bytes = URL_SAFE_NO_PAD
                    .decode(c.as_bytes())
                    .map_err(|_| invalid())?;
                let body: CursorBody = serde_json::from_slice(&bytes).map_err(|_| invalid())?;
                if body.s != sort || body.f != filters_hash {
                    return Err(AppError::field(
                        "invalid_cursor",
                        "cursor",
                        "was made for another sort or other filters; start again without a cursor",
                    ));
                }
                Some((body.v, body.i))
            }
        };
        Ok(PageRequest {
            limit,
            sort: sort.to_owned(),
            filters_hash,
            after,
        })
    }

    /// Rows to fetch: one more than the page, to know whether another page follows.
    pub fn fetch(&self) -> i64 {
        self.limit + 1
    }

    /// Turns the fetched rows into a page; `key` gives a row's sort value and id.
    pub fn page<R, T>(
        &self,
        mut rows: Vec<R>,
        key: impl Fn(&R) -> (String, Uuid),
        view: impl Fn(R) -> T,
    ) -> Page<T> {
        let more = rows.len() as i64 > self.limit;
        rows.truncate(self.limit as usize);
        let next_cursor = if more {
            rows.last().map(|r| {
                let (v, i) = key(r);
                let body = CursorBody {
                    s: self.sort.clone(),
                    f: self.filters_hash.clone(),
                    v,
                    i,
                };
                URL_SAFE_NO_PAD.encode(serde_json::to_vec(&body).unwrap_or_default())
            })
        } else {
            None
        };
        Page {
            data: rows.into_iter().map(view).collect(),
            next_cursor,
        }
    }
}

/// A list in creation (id) order: `sort=created_at` (the default) or `-created_at`. Gives the
/// page request bound to `filters`, whether it is descending, and the id to continue after.
pub fn by_creation<Id: From<Uuid>>(
    page: &PageParams,
    sort: Option<&str>,
    filters: &str,
) -> Result<(PageRequest, bool, Option<Id>), AppError> {
    let (_, desc) = parse_sort(sort, &["created_at"], "created_at")?;
    let req = PageRequest::new(page, sort.unwrap_or("created_at"), filters)?;
    let after = req.after.as_ref().map(|(_, id)| Id::from(*id));
    Ok((req, desc, after))
}

/// Splits `sort=-name` into ("name", descending) and checks it against the allowed fields.
pub fn parse_sort<'a>(
    sort: Option<&'a str>,
    allowed: &[&str],
    default: &'a str,
) -> Result<(&'a str, bool), AppError> {
    let raw = sort.unwrap_or(default);
    let (field, desc) = match raw.strip_prefix('-') {
        Some(f) => (f, true),
        None => (raw, false),
    };
    if !allowed.contains(&field) {
        return Err(AppError::field(
            "invalid_sort",
            "sort",
            format!(
                "can sort by {} (prefix - for descending)",
                allowed.join(", ")
            ),
        ));
    }
    Ok((field, desc))
}
