//! The handlers of every plain record (see `app::record`): extract, call the generic use
//! case, reply. A resource's endpoints are declared with the macros below, each carrying
//! its route and its part of the spec; the bodies are the same for all.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::caller::Cx;
use super::error::ApiError;
use super::json::{ApiJson, ApiQuery};
use super::{etag, reply};
use crate::app::batch::BatchRequest;
use crate::app::page::PageParams;
use crate::app::record::{self, Changeable, Nested, Record};
use crate::app::App;

pub async fn create<R: Record>(
    app: web::Data<App>,
    cx: Cx,
    body: ApiJson<R::Create>,
) -> Result<HttpResponse, ApiError>
where
    R::Create: DeserializeOwned,
{
    let outcome = record::create::<R>(&app, &cx.with_body(&body.raw), body.value).await?;
    Ok(reply::outcome(outcome))
}

pub async fn create_batch<R: Record>(
    app: web::Data<App>,
    cx: Cx,
    body: ApiJson<BatchRequest<R::Create>>,
) -> Result<HttpResponse, ApiError>
where
    R::Create: DeserializeOwned,
{
    let cx = cx.with_body(&body.raw);
    let outcome = record::create_batch::<R>(&app, &cx, body.value.records).await?;
    Ok(reply::outcome(outcome))
}

pub async fn get<R: Record>(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let view = record::get::<R>(&app, &cx, id.into_inner().into()).await?;
    reply::resource(&view)
}

pub async fn update<R: Changeable>(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: ApiJson<R::Patch>,
) -> Result<HttpResponse, ApiError>
where
    R::Patch: DeserializeOwned,
{
    let id = id.into_inner();
    let expected = etag::if_match(&req, &id)?;
    let view = record::update::<R>(&app, &cx, id.into(), expected, body.value).await?;
    reply::resource(&view)
}

pub async fn delete<R: Record>(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    record::delete::<R>(&app, &cx, id.into_inner().into()).await?;
    Ok(reply::no_content())
}

pub async fn list<R: Record>(
    app: web::Data<App>,
    cx: Cx,
    page: ApiQuery<PageParams>,
    query: ApiQuery<R::Query>,
) -> Result<HttpResponse, ApiError>
where
    R::Query: DeserializeOwned,
{
    let page = record::list::<R>(&app, &cx, page.into_inner(), query.into_inner()).await?;
    Ok(reply::json(&page))
}

pub async fn create_under<R: Nested>(
    app: web::Data<App>,
    cx: Cx,
    parent: web::Path<Uuid>,
    body: ApiJson<R::Body>,
) -> Result<HttpResponse, ApiError>
where
    R::Body: DeserializeOwned,
{
    let cx = cx.with_body(&body.raw);
    let outcome = record::create_under::<R>(&app, &cx, parent.into_inner(), body.value).await?;
    Ok(reply::outcome(outcome))
}

pub async fn get_under<R: Nested>(
    app: web::Data<App>,
    cx: Cx,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (parent, id) = path.into_inner();
    let view = record::get_under::<R>(&app, &cx, parent, id.into()).await?;
    reply::resource(&view)
}

pub async fn update_under<R: Nested + Changeable>(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
    body: ApiJson<R::Patch>,
) -> Result<HttpResponse, ApiError>
where
    R::Patch: DeserializeOwned,
{
    let (parent, id) = path.into_inner();
    let expected = etag::if_match(&req, &id)?;
    let view =
        record::update_under::<R>(&app, &cx, parent, id.into(), expected, body.value).await?;
    reply::resource(&view)
}

pub async fn delete_under<R: Nested>(
    app: web::Data<App>,
    cx: Cx,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (parent, id) = path.into_inner();
    record::delete_under::<R>(&app, &cx, parent, id.into()).await?;
    Ok(reply::no_content())
}

pub async fn list_under<R: Nested>(
    app: web::Data<App>,
    cx: Cx,
    parent: web::Path<Uuid>,
    page: ApiQuery<PageParams>,
    params: ApiQuery<R::Params>,
) -> Result<HttpResponse, ApiError>
where
    R::Params: DeserializeOwned,
{
    let (parent, page, params) = (parent.into_inner(), page.into_inner(), params.into_inner());
    let page = record::list_under::<R>(&app, &cx, parent, page, params).await?;
    Ok(reply::json(&page))
}

/// Declares record endpoints: `record_endpoints!(Task { create create_task "/tasks" "Create a
/// task." (utoipa path attributes...) ... })`. Each operation is `create`, `list`, `get`,
/// `update`, `delete` or `create_batch` (`POST /{collection}/batch`, registered before the
/// `/{id}` routes) (for a record under a parent, [`Nested`]: `create_under`, `list_under`,
/// `get_under`, `update_under` or `delete_under`, its route naming the parent's id first), then
/// the handler's name (the operation id), its route, its summary
/// and its spec. The invoking module imports actix-web's route attributes it uses (`get`,
/// `post`, `patch`, `delete`), which both the server and the spec read.
#[macro_export]
macro_rules! record_endpoints {
    ($record:ty { $($op:ident $name:ident $path:literal $doc:literal ($($spec:tt)*))* }) => {
        $($crate::record_endpoints!(@$op $record, $name, $path, $doc, ($($spec)*));)*
    };
    (@create_under $record:ty, $name:ident, $path:literal, $doc:literal, ($($spec:tt)*)) => {
        #[doc = $doc]
        #[utoipa::path($($spec)*)]
        #[post($path)]
        pub async fn $name(
            app: actix_web::web::Data<$crate::app::App>,
            cx: $crate::http::caller::Cx,
            parent: actix_web::web::Path<uuid::Uuid>,
            body: $crate::http::json::ApiJson<<$record as $crate::app::record::Nested>::Body>,
        ) -> Result<actix_web::HttpResponse, $crate::http::error::ApiError> {
            $crate::http::record::create_under::<$record>(app, cx, parent, body).await
        }
    };
    (@list_under $record:ty, $name:ident, $path:literal, $doc:literal, ($($spec:tt)*)) => {
        #[doc = $doc]
        #[utoipa::path($($spec)*)]
        #[get($path)]
        pub async fn $name(
            app: actix_web::web::Data<$crate::app::App>,
            cx: $crate::http::caller::Cx,
            parent: actix_web::web::Path<uuid::Uuid>,
            page: $crate::http::json::ApiQuery<$crate::app::page::PageParams>,
            params: $crate::http::json::ApiQuery<<$record as $crate::app::record::Nested>::Params>,
        ) -> Result<actix_web::HttpResponse, $crate::http::error::ApiError> {
            $crate::http::record::list_under::<$record>(app, cx, parent, page, params).await
        }
    };
    (@get_under $record:ty, $name:ident, $path:literal, $doc:literal, ($($spec:tt)*)) => {
        #[doc = $doc]
        #[utoipa::path($($spec)*)]
        #[get($path)]
        pub async fn $name(
            app: actix_web::web::Data<$crate::app::App>,
            cx: $crate::http::caller::Cx,
            path: actix_web::web::Path<(uuid::Uuid, uuid::Uuid)>,
        ) -> Result<actix_web::HttpResponse, $crate::http::error::ApiError> {
            $crate::http::record::get_under::<$record>(app, cx, path).await
        }
    };
    (@update_under $record:ty, $name:ident, $path:literal, $doc:literal, ($($spec:tt)*)) => {
        #[doc = $doc]
        #[utoipa::path($($spec)*)]
        #[patch($path)]
        pub async fn $name(
            app: actix_web::web::Data<$crate::app::App>,
            cx: $crate::http::caller::Cx,
            req: actix_web::HttpRequest,
            path: actix_web::web::Path<(uuid::Uuid, uuid::Uuid)>,
            body: $crate::http::json::ApiJson<<$record as $crate::app::record::Record>::Patch>,
        ) -> Result<actix_web::HttpResponse, $crate::http::error::ApiError> {
            $crate::http::record::update_under::<$record>(app, cx, req, path, body).await
        }
    };
    (@delete_under $record:ty, $name:ident, $path:literal, $doc:literal, ($($spec:tt)*)) => {
        #[doc = $doc]
        #[utoipa::path($($spec)*)]
        #[delete($path)]
        pub async fn $name(
            app: actix_web::web::Data<$crate::app::App>,
            cx: $crate::http::caller::Cx,
            path: actix_web::web::Path<(uuid::Uuid, uuid::Uuid)>,
        ) -> Result<actix_web::HttpResponse, $crate::http::error::ApiError> {
            $crate::http::record::delete_under::<$record>(app, cx, path).await
        }
    };
    (@create $record:ty, $name:ident, $path:literal, $doc:literal, ($($spec:tt)*)) => {
        #[doc = $doc]
        #[utoipa::path($($spec)*)]
        #[post($path)]
        pub async fn $name(
            app: actix_web::web::Data<$crate::app::App>,
            cx: $crate::http::caller::Cx,
            body: $crate::http::json::ApiJson<<$record as $crate::app::record::Record>::Create>,
        ) -> Result<actix_web::HttpResponse, $crate::http::error::ApiError> {
            $crate::http::record::create::<$record>(app, cx, body).await
        }
    };
    (@create_batch $record:ty, $name:ident, $path:literal, $doc:literal, ($($spec:tt)*)) => {
        #[doc = $doc]
        #[utoipa::path($($spec)*)]
        #[post($path)]
        pub async fn $name(
            app: actix_web::web::Data<$crate::app::App>,
            cx: $crate::http::caller::Cx,
            body: $crate::http::json::ApiJson<
                $crate::app::batch::BatchRequest<<$record as $crate::app::record::Record>::Create>,
            >,
        ) -> Result<actix_web::HttpResponse, $crate::http::error::ApiError> {
            $crate::http::record::create_batch::<$record>(app, cx, body).await
        }
    };
    (@list $record:ty, $name:ident, $path:literal, $doc:literal, ($($spec:tt)*)) => {
        #[doc = $doc]
        #[utoipa::path($($spec)*)]
        #[get($path)]
        pub async fn $name(
            app: actix_web::web::Data<$crate::app::App>,
            cx: $crate::http::caller::Cx,
            page: $crate::http::json::ApiQuery<$crate::app::page::PageParams>,
            query: $crate::http::json::ApiQuery<<$record as $crate::app::record::Record>::Query>,
        ) -> Result<actix_web::HttpResponse, $crate::http::error::ApiError> {
            $crate::http::record::list::<$record>(app, cx, page, query).await
        }
    };
    (@get $record:ty, $name:ident, $path:literal, $doc:literal, ($($spec:tt)*)) => {
        #[doc = $doc]
        #[utoipa::path($($spec)*)]
        #[get($path)]
        pub async fn $name(
            app: actix_web::web::Data<$crate::app::App>,
            cx: $crate::http::caller::Cx,
            id: actix_web::web::Path<uuid::Uuid>,
        ) -> Result<actix_web::HttpResponse, $crate::http::error::ApiError> {
            $crate::http::record::get::<$record>(app, cx, id).await
        }
    };
    (@update $record:ty, $name:ident, $path:literal, $doc:literal, ($($spec:tt)*)) => {
        #[doc = $doc]
        #[utoipa::path($($spec)*)]
        #[patch($path)]
        pub async fn $name(
            app: actix_web::web::Data<$crate::app::App>,
            cx: $crate::http::caller::Cx,
            req: actix_web::HttpRequest,
            id: actix_web::web::Path<uuid::Uuid>,
            body: $crate::http::json::ApiJson<<$record as $crate::app::record::Record>::Patch>,
        ) -> Result<actix_web::HttpResponse, $crate::http::error::ApiError> {
            $crate::http::record::update::<$record>(app, cx, req, id, body).await
        }
    };
    (@delete $record:ty, $name:ident, $path:literal, $doc:literal, ($($spec:tt)*)) => {
        #[doc = $doc]
        #[utoipa::path($($spec)*)]
        #[delete($path)]
        pub async fn $name(
            app: actix_web::web::Data<$crate::app::App>,
            cx: $crate::http::caller::Cx,
            id: actix_web::web::Path<uuid::Uuid>,
        ) -> Result<actix_web::HttpResponse, $crate::http::error::ApiError> {
            $crate::http::record::delete::<$record>(app, cx, id).await
        }
    };
}
