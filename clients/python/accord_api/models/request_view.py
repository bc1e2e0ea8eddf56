from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.request_kind import RequestKind
from ..models.request_status import RequestStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="RequestView")


@_attrs_define
class RequestView:
    """
    Attributes:
        account_id (UUID):
        created_at (datetime.datetime):
        id (UUID):
        kind (RequestKind):
        status (RequestStatus):
        summary (str):
        updated_at (datetime.datetime):
        version (int):
        contact_id (None | Unset | UUID):
        responded_at (datetime.datetime | None | Unset):
        routed_to_team_id (None | Unset | UUID):
    """

    account_id: UUID
    created_at: datetime.datetime
    id: UUID
    kind: RequestKind
    status: RequestStatus
    summary: str
    updated_at: datetime.datetime
    version: int
    contact_id: None | Unset | UUID = UNSET
    responded_at: datetime.datetime | None | Unset = UNSET
    routed_to_team_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        status = self.status.value

        summary = self.summary

        updated_at = self.updated_at.isoformat()

        version = self.version

        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        elif isinstance(self.contact_id, UUID):
            contact_id = str(self.contact_id)
        else:
            contact_id = self.contact_id

        responded_at: None | str | Unset
        if isinstance(self.responded_at, Unset):
            responded_at = UNSET
        elif isinstance(self.responded_at, datetime.datetime):
            responded_at = self.responded_at.isoformat()
        else:
            responded_at = self.responded_at

        routed_to_team_id: None | str | Unset
        if isinstance(self.routed_to_team_id, Unset):
            routed_to_team_id = UNSET
        elif isinstance(self.routed_to_team_id, UUID):
            routed_to_team_id = str(self.routed_to_team_id)
        else:
            routed_to_team_id = self.routed_to_team_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "status": status,
                "summary": summary,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if responded_at is not UNSET:
            field_dict["responded_at"] = responded_at
        if routed_to_team_id is not UNSET:
            field_dict["routed_to_team_id"] = routed_to_team_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = RequestKind(d.pop("kind"))

        status = RequestStatus(d.pop("status"))

        summary = d.pop("summary")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_contact_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contact_id_type_0 = UUID(data)

                return contact_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        contact_id = _parse_contact_id(d.pop("contact_id", UNSET))

        def _parse_responded_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responded_at_type_0 = datetime.datetime.fromisoformat(data)

                return responded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        responded_at = _parse_responded_at(d.pop("responded_at", UNSET))

        def _parse_routed_to_team_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                routed_to_team_id_type_0 = UUID(data)

                return routed_to_team_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        routed_to_team_id = _parse_routed_to_team_id(d.pop("routed_to_team_id", UNSET))

        request_view = cls(
            account_id=account_id,
            created_at=created_at,
            id=id,
            kind=kind,
            status=status,
            summary=summary,
            updated_at=updated_at,
            version=version,
            contact_id=contact_id,
            responded_at=responded_at,
            routed_to_team_id=routed_to_team_id,
        )

        request_view.additional_properties = d
        return request_view

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
