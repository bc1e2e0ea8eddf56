from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateTeamRequest")


@_attrs_define
class CreateTeamRequest:
    """
    Attributes:
        name (str):  Example: Enterprise accounts.
        lead_id (None | Unset | UUID):
        member_ids (list[UUID] | Unset):
        parent_team_id (None | Unset | UUID):
    """

    name: str
    lead_id: None | Unset | UUID = UNSET
    member_ids: list[UUID] | Unset = UNSET
    parent_team_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        lead_id: None | str | Unset
        if isinstance(self.lead_id, Unset):
            lead_id = UNSET
        elif isinstance(self.lead_id, UUID):
            lead_id = str(self.lead_id)
        else:
            lead_id = self.lead_id

        member_ids: list[str] | Unset = UNSET
        if not isinstance(self.member_ids, Unset):
            member_ids = []
            for member_ids_item_data in self.member_ids:
                member_ids_item = str(member_ids_item_data)
                member_ids.append(member_ids_item)

        parent_team_id: None | str | Unset
        if isinstance(self.parent_team_id, Unset):
            parent_team_id = UNSET
        elif isinstance(self.parent_team_id, UUID):
            parent_team_id = str(self.parent_team_id)
        else:
            parent_team_id = self.parent_team_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if lead_id is not UNSET:
            field_dict["lead_id"] = lead_id
        if member_ids is not UNSET:
            field_dict["member_ids"] = member_ids
        if parent_team_id is not UNSET:
            field_dict["parent_team_id"] = parent_team_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

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

        _member_ids = d.pop("member_ids", UNSET)
        member_ids: list[UUID] | Unset = UNSET
        if _member_ids is not UNSET:
            member_ids = []
            for member_ids_item_data in _member_ids:
                member_ids_item = UUID(member_ids_item_data)

                member_ids.append(member_ids_item)

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

        create_team_request = cls(
            name=name,
            lead_id=lead_id,
            member_ids=member_ids,
            parent_team_id=parent_team_id,
        )

        return create_team_request
