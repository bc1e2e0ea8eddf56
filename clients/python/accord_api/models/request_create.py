from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.request_kind import RequestKind
from ..models.request_status import RequestStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="RequestCreate")


@_attrs_define
class RequestCreate:
    """
    Attributes:
        account_id (UUID):
        kind (RequestKind):
        summary (str):
        contact_id (None | Unset | UUID):
        routed_to_team_id (None | Unset | UUID):
        status (None | RequestStatus | Unset):
    """

    account_id: UUID
    kind: RequestKind
    summary: str
    contact_id: None | Unset | UUID = UNSET
    routed_to_team_id: None | Unset | UUID = UNSET
    status: None | RequestStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        kind = self.kind.value

        summary = self.summary

        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        elif isinstance(self.contact_id, UUID):
            contact_id = str(self.contact_id)
        else:
            contact_id = self.contact_id

        routed_to_team_id: None | str | Unset
        if isinstance(self.routed_to_team_id, Unset):
            routed_to_team_id = UNSET
        elif isinstance(self.routed_to_team_id, UUID):
            routed_to_team_id = str(self.routed_to_team_id)
        else:
            routed_to_team_id = self.routed_to_team_id

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, RequestStatus):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account_id": account_id,
                "kind": kind,
                "summary": summary,
            }
        )
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if routed_to_team_id is not UNSET:
            field_dict["routed_to_team_id"] = routed_to_team_id
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        kind = RequestKind(d.pop("kind"))

        summary = d.pop("summary")

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

        def _parse_status(data: object) -> None | RequestStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = RequestStatus(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RequestStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        request_create = cls(
            account_id=account_id,
            kind=kind,
            summary=summary,
            contact_id=contact_id,
            routed_to_team_id=routed_to_team_id,
            status=status,
        )

        return request_create
