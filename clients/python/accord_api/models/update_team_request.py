from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateTeamRequest")


@_attrs_define
class UpdateTeamRequest:
    """
    Attributes:
        lead_id (None | Unset | UUID):
        member_ids (list[UUID] | None | Unset): Replaces the membership when sent.
        name (None | str | Unset):
        parent_team_id (None | Unset | UUID):
    """

    lead_id: None | Unset | UUID = UNSET
    member_ids: list[UUID] | None | Unset = UNSET
    name: None | str | Unset = UNSET
    parent_team_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        lead_id: None | str | Unset
        if isinstance(self.lead_id, Unset):
            lead_id = UNSET
        elif isinstance(self.lead_id, UUID):
            lead_id = str(self.lead_id)
        else:
            lead_id = self.lead_id

        member_ids: list[str] | None | Unset
        if isinstance(self.member_ids, Unset):
            member_ids = UNSET
        elif isinstance(self.member_ids, list):
            member_ids = []
            for member_ids_type_0_item_data in self.member_ids:
                member_ids_type_0_item = str(member_ids_type_0_item_data)
                member_ids.append(member_ids_type_0_item)

        else:
            member_ids = self.member_ids

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        parent_team_id: None | str | Unset
        if isinstance(self.parent_team_id, Unset):
            parent_team_id = UNSET
        elif isinstance(self.parent_team_id, UUID):
            parent_team_id = str(self.parent_team_id)
        else:
            parent_team_id = self.parent_team_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if lead_id is not UNSET:
            field_dict["lead_id"] = lead_id
        if member_ids is not UNSET:
            field_dict["member_ids"] = member_ids
        if name is not UNSET:
            field_dict["name"] = name
        if parent_team_id is not UNSET:
            field_dict["parent_team_id"] = parent_team_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_lead_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lead_id_type_1 = UUID(data)

                return lead_id_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        lead_id = _parse_lead_id(d.pop("lead_id", UNSET))

        def _parse_member_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                member_ids_type_0 = []
                _member_ids_type_0 = data
                for member_ids_type_0_item_data in _member_ids_type_0:
                    member_ids_type_0_item = UUID(member_ids_type_0_item_data)

                    member_ids_type_0.append(member_ids_type_0_item)

                return member_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        member_ids = _parse_member_ids(d.pop("member_ids", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_parent_team_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_team_id_type_1 = UUID(data)

                return parent_team_id_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_team_id = _parse_parent_team_id(d.pop("parent_team_id", UNSET))

        update_team_request = cls(
            lead_id=lead_id,
            member_ids=member_ids,
            name=name,
            parent_team_id=parent_team_id,
        )

        return update_team_request
