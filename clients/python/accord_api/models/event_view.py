from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_actor import EventActor
    from ..models.event_resource import EventResource
    from ..models.event_view_object import EventViewObject
    from ..models.event_view_previous import EventViewPrevious


T = TypeVar("T", bound="EventView")


@_attrs_define
class EventView:
    """One event of the change log.

    Attributes:
        actor (EventActor): Who made a change.
        created_at (datetime.datetime):
        id (UUID):
        object_ (EventViewObject): The resource as `GET` showed it after the change (before it, for a deletion).
        previous (EventViewPrevious): The changed fields' earlier values on updates; `{}` otherwise.
        resource (EventResource): The resource an event is about.
        type_ (str):  Example: invoice.issued.
        request_id (None | str | Unset):
    """

    actor: EventActor
    created_at: datetime.datetime
    id: UUID
    object_: EventViewObject
    previous: EventViewPrevious
    resource: EventResource
    type_: str
    request_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor.to_dict()

        created_at = self.created_at.isoformat()

        id = str(self.id)

        object_ = self.object_.to_dict()

        previous = self.previous.to_dict()

        resource = self.resource.to_dict()

        type_ = self.type_

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor": actor,
                "created_at": created_at,
                "id": id,
                "object": object_,
                "previous": previous,
                "resource": resource,
                "type": type_,
            }
        )
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.event_actor import EventActor
        from ..models.event_resource import EventResource
        from ..models.event_view_object import EventViewObject
        from ..models.event_view_previous import EventViewPrevious

        d = dict(src_dict)
        actor = EventActor.from_dict(d.pop("actor"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        object_ = EventViewObject.from_dict(d.pop("object"))

        previous = EventViewPrevious.from_dict(d.pop("previous"))

        resource = EventResource.from_dict(d.pop("resource"))

        type_ = d.pop("type")

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        event_view = cls(
            actor=actor,
            created_at=created_at,
            id=id,
            object_=object_,
            previous=previous,
            resource=resource,
            type_=type_,
            request_id=request_id,
        )

        event_view.additional_properties = d
        return event_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
