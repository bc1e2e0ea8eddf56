//! What the four document kinds (`invoices`, `credit_notes`, `bills`, `vendor_credits`)
//! share over HTTP: the handlers of the document lifecycle, each given its kind, the body of
//! an action (`/issue`, `/void`), and [`document_endpoints!`](crate::document_endpoints),
//! which each kind's file invokes to declare its seven routes.

use std::future::Future;
use std::pin::Pin;

use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::app::billing::documents;
use crate::app::billing::drafts::{DocumentCreate, DocumentListParams, DocumentRequest};
use crate::app::page::PageParams;
use crate::app::App;
use crate::domain::documents::DocumentKind;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::{ApiJson, ApiQuery};
use crate::http::{etag, reply};

/// The body of an action (`/issue`, `/void`): empty, or an empty JSON object.
pub struct ActionBody {
    pub raw: web::Bytes,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmptyRequest {}

impl FromRequest for ActionBody {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let empty = req
            .headers()
            .get(actix_web::http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.trim() == "0")
            .unwrap_or_else(|| {
                !req.headers()
                    .contains_key(actix_web::http::header::TRANSFER_ENCODING)
            });
        if empty {
            return Box::pin(async {
                Ok(ActionBody {
                    raw: web::Bytes::new(),
                })
            });
        }
        let json = ApiJson::<EmptyRequest>::from_request(req, payload);
        Box::pin(async move { json.await.map(|j| ActionBody { raw: j.raw }) })
    }
}

pub async fn create(
    app: web::Data<App>,
    cx: Cx,
    body: ApiJson<DocumentCreate>,
    kind: DocumentKind,
) -> Result<HttpResponse, ApiError> {
    let outcome = documents::create(&app, &cx.with_body(&body.raw), kind, body.value).await?;
    Ok(reply::outcome(outcome))
}

pub async fn list(
    app: web::Data<App>,
    cx: Cx,
    page: ApiQuery<PageParams>,
    params: ApiQuery<DocumentListParams>,
    kind: DocumentKind,
) -> Result<HttpResponse, ApiError> {
    let page = documents::list(&app, &cx, kind, page.into_inner(), params.into_inner()).await?;
    Ok(reply::json(&page))
}

pub async fn get(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    kind: DocumentKind,
) -> Result<HttpResponse, ApiError> {
    reply::resource(&documents::get_one(&app, &cx, kind, id.into_inner().into()).await?)
}

pub async fn update(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: ApiJson<DocumentRequest>,
    kind: DocumentKind,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = etag::if_match(&req, &id)?;
    let view = documents::update(&app, &cx, kind, id.into(), expected, body.value).await?;
    reply::resource(&view)
}

pub async fn delete(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    kind: DocumentKind,
) -> Result<HttpResponse, ApiError> {
    documents::delete(&app, &cx, kind, id.into_inner().into()).await?;
    Ok(reply::no_content())
}

pub async fn issue(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    body: ActionBody,
    kind: DocumentKind,
) -> Result<HttpResponse, ApiError> {
    let cx = cx.with_body(&body.raw);
    let outcome = documents::issue(&app, &cx, kind, id.into_inner().into()).await?;
    Ok(reply::outcome(outcome))
}

pub async fn void(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    body: ActionBody,
    kind: DocumentKind,
) -> Result<HttpResponse, ApiError> {
    let cx = cx.with_body(&body.raw);
    let outcome = documents::void(&app, &cx, kind, id.into_inner().into()).await?;
    Ok(reply::outcome(outcome))
}

/// Declares the seven endpoints of one document kind in the invoking module, each handing
/// its kind to the shared handler above: `create`, `list`, `get`, `update`, `delete`, `issue`
/// (the route that posts the document: `/issue`, or `/approve` for bills) and `void`, each
/// with its route, operation id and summary. The invoking module imports actix-web's `get`,
/// `post`, `patch` and `delete` attributes.
#[macro_export]
macro_rules! document_endpoints {
    (
        $kind:expr, $tag:tt,
        create: $create_path:tt $create_id:tt $create_doc:tt,
        list: $list_path:tt $list_id:tt $list_doc:tt,
        get: $get_path:tt $get_id:tt $get_doc:tt,
        update: $update_path:tt $update_id:tt $update_doc:tt,
        delete: $delete_path:tt $delete_id:tt $delete_doc:tt,
        issue: $issue_path:tt $issue_id:tt $issue_doc:tt,
        void: $void_path:tt $void_id:tt $void_doc:tt $(,)?
    ) => {
        use actix_web::{web, HttpRequest, HttpResponse};
        use uuid::Uuid;

        use $crate::app::billing::documents::DocumentView;
        use $crate::app::billing::drafts::{DocumentCreate, DocumentListParams, DocumentRequest};
        use $crate::app::page::{Page, PageParams};
        use $crate::app::App;
        use $crate::http::billing::documents::{self as shared, ActionBody, EmptyRequest};
        use $crate::http::caller::Cx;
        use $crate::http::error::ApiError;
        use $crate::http::json::{ApiJson, ApiQuery};

        #[doc = $create_doc]
        #[utoipa::path(
            tag = $tag,
            operation_id = $create_id,
            request_body = DocumentCreate,
            params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
            responses((status = 201, description = "The draft", body = DocumentView))
        )]
        #[post($create_path)]
        pub async fn create(
            app: web::Data<App>,
            cx: Cx,
            body: ApiJson<DocumentCreate>,
        ) -> Result<HttpResponse, ApiError> {
            shared::create(app, cx, body, $kind).await
        }

        #[doc = $list_doc]
        #[utoipa::path(
            tag = $tag,
            operation_id = $list_id,
            params(PageParams, DocumentListParams),
            responses((status = 200, description = "A page", body = Page<DocumentView>))
        )]
        #[get($list_path)]
        pub async fn list(
            app: web::Data<App>,
            cx: Cx,
            page: ApiQuery<PageParams>,
            params: ApiQuery<DocumentListParams>,
        ) -> Result<HttpResponse, ApiError> {
            shared::list(app, cx, page, params, $kind).await
        }

        #[doc = $get_doc]
        #[utoipa::path(
            tag = $tag,
            operation_id = $get_id,
            params(("id" = Uuid, Path, description = "Document id")),
            responses((status = 200, description = "The document", body = DocumentView))
        )]
        #[get($get_path)]
        pub async fn get(
            app: web::Data<App>,
            cx: Cx,
            id: web::Path<Uuid>,
        ) -> Result<HttpResponse, ApiError> {
            shared::get(app, cx, id, $kind).await
        }

        #[doc = $update_doc]
        #[utoipa::path(
            tag = $tag,
            operation_id = $update_id,
            request_body = DocumentRequest,
            params(("id" = Uuid, Path, description = "Document id"), ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 when stale")),
            responses((status = 200, description = "The draft", body = DocumentView))
        )]
        #[patch($update_path)]
        pub async fn update(
            app: web::Data<App>,
            cx: Cx,
            req: HttpRequest,
            id: web::Path<Uuid>,
            body: ApiJson<DocumentRequest>,
        ) -> Result<HttpResponse, ApiError> {
            shared::update(app, cx, req, id, body, $kind).await
        }

        #[doc = $delete_doc]
        #[utoipa::path(
            tag = $tag,
            operation_id = $delete_id,
            params(("id" = Uuid, Path, description = "Document id")),
            responses((status = 204, description = "Deleted"))
        )]
        #[delete($delete_path)]
        pub async fn delete(
            app: web::Data<App>,
            cx: Cx,
            id: web::Path<Uuid>,
        ) -> Result<HttpResponse, ApiError> {
            shared::delete(app, cx, id, $kind).await
        }

        #[doc = $issue_doc]
        #[utoipa::path(
            tag = $tag,
            operation_id = $issue_id,
            request_body(content = Option<EmptyRequest>, description = "Empty, or {}"),
            params(("id" = Uuid, Path, description = "Document id"), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
            responses((status = 200, description = "The issued document", body = DocumentView))
        )]
        #[post($issue_path)]
        pub async fn issue(
            app: web::Data<App>,
            cx: Cx,
            id: web::Path<Uuid>,
            body: ActionBody,
        ) -> Result<HttpResponse, ApiError> {
            shared::issue(app, cx, id, body, $kind).await
        }

        #[doc = $void_doc]
        #[utoipa::path(
            tag = $tag,
            operation_id = $void_id,
            request_body(content = Option<EmptyRequest>, description = "Empty, or {}"),
            params(("id" = Uuid, Path, description = "Document id"), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
            responses((status = 200, description = "The void document", body = DocumentView))
        )]
        #[post($void_path)]
        pub async fn void(
            app: web::Data<App>,
            cx: Cx,
            id: web::Path<Uuid>,
            body: ActionBody,
        ) -> Result<HttpResponse, ApiError> {
            shared::void(app, cx, id, body, $kind).await
        }
    };
}
