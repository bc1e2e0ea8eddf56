from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audit_event_view_after_type_0 import AuditEventViewAfterType0
    from ..models.audit_event_view_before_type_0 import AuditEventViewBeforeType0
    from ..models.event_actor import EventActor
    from ..models.event_resource import EventResource


T = TypeVar("T", bound="AuditEventView")


@_attrs_define
class AuditEventView:
    """One row of the audit trail.

    Attributes:
        action (str): The event type of a write (`invoice.updated`), or `auth.signed_in`,
            `auth.sign_in_failed`, `auth.sign_in_throttled`, `auth.refresh_reused`.
        actor (EventActor): Who made a change.
        at (datetime.datetime):
        id (UUID):
        after (AuditEventViewAfterType0 | None | Unset): The resource after the change; null for a deletion.
        before (AuditEventViewBeforeType0 | None | Unset): The resource before the change; null for a creation.
        client_ip (None | str | Unset): The client's address (the socket's peer, or `X-Forwarded-For` from a trusted
            proxy).
        hash_ (None | str | Unset): SHA-256 (hex) of the previous row's hash and this row's content; null until sealed.
        request_id (None | str | Unset):
        resource (EventResource | None | Unset):
        seq (int | None | Unset): Its place in the organization's chain; null until sealed (within a second or so).
    """

    action: str
    actor: EventActor
    at: datetime.datetime
    id: UUID
    after: AuditEventViewAfterType0 | None | Unset = UNSET
    before: AuditEventViewBeforeType0 | None | Unset = UNSET
    client_ip: None | str | Unset = UNSET
    hash_: None | str | Unset = UNSET
    request_id: None | str | Unset = UNSET
    resource: EventResource | None | Unset = UNSET
    seq: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_event_view_after_type_0 import AuditEventViewAfterType0
        from ..models.audit_event_view_before_type_0 import AuditEventViewBeforeType0
        from ..models.event_resource import EventResource

        action = self.action

        actor = self.actor.to_dict()

        at = self.at.isoformat()

        id = str(self.id)

        after: dict[str, Any] | None | Unset
        if isinstance(self.after, Unset):
            after = UNSET
        elif isinstance(self.after, AuditEventViewAfterType0):
            after = self.after.to_dict()
        else:
            after = self.after

        before: dict[str, Any] | None | Unset
        if isinstance(self.before, Unset):
            before = UNSET
        elif isinstance(self.before, AuditEventViewBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        client_ip: None | str | Unset
        if isinstance(self.client_ip, Unset):
            client_ip = UNSET
        else:
            client_ip = self.client_ip

        hash_: None | str | Unset
        if isinstance(self.hash_, Unset):
            hash_ = UNSET
        else:
            hash_ = self.hash_

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        resource: dict[str, Any] | None | Unset
        if isinstance(self.resource, Unset):
            resource = UNSET
        elif isinstance(self.resource, EventResource):
            resource = self.resource.to_dict()
        else:
            resource = self.resource

        seq: int | None | Unset
        if isinstance(self.seq, Unset):
            seq = UNSET
        else:
            seq = self.seq

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor": actor,
                "at": at,
                "id": id,
            }
        )
        if after is not UNSET:
            field_dict["after"] = after
        if before is not UNSET:
            field_dict["before"] = before
        if client_ip is not UNSET:
            field_dict["client_ip"] = client_ip
        if hash_ is not UNSET:
            field_dict["hash"] = hash_
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if resource is not UNSET:
            field_dict["resource"] = resource
        if seq is not UNSET:
            field_dict["seq"] = seq

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audit_event_view_after_type_0 import AuditEventViewAfterType0
        from ..models.audit_event_view_before_type_0 import AuditEventViewBeforeType0
        from ..models.event_actor import EventActor
        from ..models.event_resource import EventResource

        d = dict(src_dict)
        action = d.pop("action")

        actor = EventActor.from_dict(d.pop("actor"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        id = UUID(d.pop("id"))

        def _parse_after(data: object) -> AuditEventViewAfterType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = AuditEventViewAfterType0.from_dict(data)

                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEventViewAfterType0 | None | Unset, data)

        after = _parse_after(d.pop("after", UNSET))

        def _parse_before(data: object) -> AuditEventViewBeforeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = AuditEventViewBeforeType0.from_dict(data)

                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEventViewBeforeType0 | None | Unset, data)

        before = _parse_before(d.pop("before", UNSET))

        def _parse_client_ip(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_ip = _parse_client_ip(d.pop("client_ip", UNSET))

        def _parse_hash_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hash_ = _parse_hash_(d.pop("hash", UNSET))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        def _parse_resource(data: object) -> EventResource | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                resource_type_1 = EventResource.from_dict(data)

                return resource_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventResource | None | Unset, data)

        resource = _parse_resource(d.pop("resource", UNSET))

        def _parse_seq(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seq = _parse_seq(d.pop("seq", UNSET))

        audit_event_view = cls(
            action=action,
            actor=actor,
            at=at,
            id=id,
            after=after,
            before=before,
            client_ip=client_ip,
            hash_=hash_,
            request_id=request_id,
            resource=resource,
            seq=seq,
        )

        audit_event_view.additional_properties = d
        return audit_event_view

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
