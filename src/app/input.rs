//! Shapes of input every use case shares: version preconditions and fields that may be
//! cleared.

use super::error::AppError;

/// The versions a write may apply to: what the client read (`If-Match`), or any.
#[derive(Debug, Clone)]
pub enum IfMatch {
    Any,
    Versions(Vec<i64>),
}

impl IfMatch {
    /// Checks the current version against the precondition.
    pub fn check(&self, current: i64) -> Result<(), AppError> {
        match self {
            IfMatch::Any => Ok(()),
            IfMatch::Versions(v) if v.contains(&current) => Ok(()),
            IfMatch::Versions(_) => Err(AppError::version_mismatch()),
        }
    }
}

/// For PATCH fields that may be set to `null`: absent → `None`, `null` → `Some(None)`.
/// Use with `#[serde(default, deserialize_with = "double_option")]`.
pub fn double_option<'de, T, D>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    T: serde::Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    <Option<T> as serde::Deserialize>::deserialize(d).map(Some)
}

/// Declares a create body: the same fields as the change body `$patch` (so a create and a
/// change read them with the same rules), with the fields a create must name stated as
/// `required` in its schema, and not nullable there. The body is still read into `$patch`,
/// whose fields are all optional: a missing field is the use case's 422 `required`, listed
/// with every other broken rule, never a deserializer's first complaint.
///
/// ```ignore
/// create_input!(
///     /// A new task.
///     TaskCreate(TaskInput) required ["account_id", "title"]
/// );
/// ```
#[macro_export]
macro_rules! create_input {
    ($(#[$meta:meta])* $name:ident($patch:ty) required [$($field:literal),* $(,)?]) => {
        $(#[$meta])*
        #[derive(Debug, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub $patch);

        impl std::ops::Deref for $name {
            type Target = $patch;
            fn deref(&self) -> &$patch {
                &self.0
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                $crate::app::input::with_required(
                    <$patch as utoipa::PartialSchema>::schema(),
                    &[$($field),*],
                )
            }
        }

        impl utoipa::ToSchema for $name {
            fn schemas(
                schemas: &mut Vec<(
                    String,
                    utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
                )>,
            ) {
                <$patch as utoipa::ToSchema>::schemas(schemas);
            }
        }
    };
}

/// The object schema `schema` with `fields` required and their `null` alternative removed
/// (a create names them with a value); see [`create_input!`](crate::create_input).
pub fn with_required(
    schema: utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
    fields: &[&str],
) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use utoipa::openapi::schema::{Schema, SchemaType, Type};
    use utoipa::openapi::RefOr;
    let RefOr::T(Schema::Object(mut object)) = schema else {
        return schema;
    };
    for field in fields {
        if !object.required.iter().any(|r| r == field) {
            object.required.push((*field).to_owned());
        }
        let Some(property) = object.properties.get_mut(*field) else {
            continue;
        };
        let replacement = match property {
            RefOr::T(Schema::Object(o)) => {
                if let SchemaType::Array(types) = &mut o.schema_type {
                    types.retain(|t| *t != Type::Null);
                    if let [only] = types.as_slice() {
                        o.schema_type = SchemaType::Type(only.clone());
                    }
                }
                None
            }
            RefOr::T(Schema::Array(a)) => {
                if let SchemaType::Array(types) = &mut a.schema_type {
                    types.retain(|t| *t != Type::Null);
                    if let [only] = types.as_slice() {
                        a.schema_type = SchemaType::Type(only.clone());
                    }
                }
                None
            }
            // `oneOf: [{type: null}, X]` is X.
            RefOr::T(Schema::OneOf(one_of)) => {
                let rest: Vec<_> = one_of
                    .items
                    .iter()
                    .filter(|item| {
                        !matches!(item, RefOr::T(Schema::Object(o))
                            if o.schema_type == SchemaType::Type(Type::Null))
                    })
                    .cloned()
                    .collect();
                match rest.as_slice() {
                    [only] => Some(only.clone()),
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(r) = replacement {
            *property = r;
        }
    }
    RefOr::T(Schema::Object(object))
}
