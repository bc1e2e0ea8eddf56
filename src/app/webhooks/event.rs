//! An event as the API shows it: the one shape shared by `GET /events` and webhook deliveries
//! (whose `data` is this without `type`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::{Caller, Principal};
use crate::db::events::EventRow;
use crate::domain::ids::EventId;

/// Who made a change.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EventActor {
    /// `user`, `api_key` or `system`.
    #[schema(example = "user")]
    pub kind: String,
    /// The user or API key; `null` for the system.
    pub id: Option<Uuid>,
}

impl EventActor {
    /// The actor of requests made by `caller`.
    pub fn of(caller: &Caller) -> EventActor {
        let (kind, id) = match caller.principal {
            Principal::User(id) => ("user", id.0),
            Principal::ApiKey { id, .. } => ("api_key", id.0),
        };
        EventActor {
            kind: kind.to_owned(),
            id: Some(id),
        }
    }
}

/// The resource an event is about.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EventResource {
    #[serde(rename = "type")]
    #[schema(example = "invoice")]
    pub resource_type: String,
    pub id: Uuid,
}

/// One event of the change log.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EventView {
    pub id: EventId,
    #[serde(rename = "type")]
    #[schema(example = "invoice.issued")]
    pub event_type: String,
    pub created_at: DateTime<Utc>,
    pub actor: EventActor,
    pub request_id: Option<String>,
    pub resource: EventResource,
    /// The resource as `GET` showed it after the change (before it, for a deletion).
    #[schema(value_type = Object)]
    pub object: serde_json::Value,
    /// The changed fields' earlier values on updates; `{}` otherwise.
    #[schema(value_type = Object)]
    pub previous: serde_json::Value,
}

/// The API's view of a stored event.
pub fn event_view(row: &EventRow) -> EventView {
    let json = |text: &str| {
        serde_json::from_str(text).unwrap_or_else(|_| serde_json::Value::Object(Default::default()))
    };
    EventView {
        id: row.id,
        event_type: row.event_type.clone(),
        created_at: row.created_at.and_utc(),
        actor: EventActor {
            kind: row.actor_kind.clone(),
            id: row.actor_id,
        },
        request_id: row.request_id.clone(),
        resource: EventResource {
            resource_type: row.resource_type.clone(),
            id: row.resource_id,
        },
        object: json(&row.object),
        previous: json(&row.previous),
    }
}
