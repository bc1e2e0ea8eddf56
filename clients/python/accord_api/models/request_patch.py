from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.request_kind import RequestKind
from ..models.request_status import RequestStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="RequestPatch")


@_attrs_define
class RequestPatch:
    """
    Attributes:
        account_id (None | Unset | UUID):
        contact_id (None | Unset | UUID):
        kind (None | RequestKind | Unset):
        routed_to_team_id (None | Unset | UUID):
        status (None | RequestStatus | Unset):
        summary (None | str | Unset):
    """

    account_id: None | Unset | UUID = UNSET
    contact_id: None | Unset | UUID = UNSET
    kind: None | RequestKind | Unset = UNSET
    routed_to_team_id: None | Unset | UUID = UNSET
    status: None | RequestStatus | Unset = UNSET
    summary: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        elif isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        elif isinstance(self.contact_id, UUID):
            contact_id = str(self.contact_id)
        else:
            contact_id = self.contact_id

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, RequestKind):
            kind = self.kind.value
        else:
            kind = self.kind

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

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if routed_to_team_id is not UNSET:
            field_dict["routed_to_team_id"] = routed_to_team_id
        if status is not UNSET:
            field_dict["status"] = status
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_account_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                account_id_type_0 = UUID(data)

                return account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

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

        def _parse_kind(data: object) -> None | RequestKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_1 = RequestKind(data)

                return kind_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RequestKind | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

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

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        request_patch = cls(
            account_id=account_id,
            contact_id=contact_id,
            kind=kind,
            routed_to_team_id=routed_to_team_id,
            status=status,
            summary=summary,
        )

        return request_patch
