from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TeamView")


@_attrs_define
class TeamView:
    """
    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        member_ids (list[UUID]):
        name (str):
        updated_at (datetime.datetime):
        version (int):
        lead_id (None | Unset | UUID):
        parent_team_id (None | Unset | UUID):
    """

    created_at: datetime.datetime
    id: UUID
    member_ids: list[UUID]
    name: str
    updated_at: datetime.datetime
    version: int
    lead_id: None | Unset | UUID = UNSET
    parent_team_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        member_ids = []
        for member_ids_item_data in self.member_ids:
            member_ids_item = str(member_ids_item_data)
            member_ids.append(member_ids_item)

        name = self.name

        updated_at = self.updated_at.isoformat()

        version = self.version

        lead_id: None | str | Unset
        if isinstance(self.lead_id, Unset):
            lead_id = UNSET
        elif isinstance(self.lead_id, UUID):
            lead_id = str(self.lead_id)
        else:
            lead_id = self.lead_id

        parent_team_id: None | str | Unset
        if isinstance(self.parent_team_id, Unset):
            parent_team_id = UNSET
        elif isinstance(self.parent_team_id, UUID):
            parent_team_id = str(self.parent_team_id)
        else:
            parent_team_id = self.parent_team_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "member_ids": member_ids,
                "name": name,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if lead_id is not UNSET:
            field_dict["lead_id"] = lead_id
        if parent_team_id is not UNSET:
            field_dict["parent_team_id"] = parent_team_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        member_ids = []
        _member_ids = d.pop("member_ids")
        for member_ids_item_data in _member_ids:
            member_ids_item = UUID(member_ids_item_data)

            member_ids.append(member_ids_item)

        name = d.pop("name")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

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

        team_view = cls(
            created_at=created_at,
            id=id,
            member_ids=member_ids,
            name=name,
            updated_at=updated_at,
            version=version,
            lead_id=lead_id,
            parent_team_id=parent_team_id,
        )

        team_view.additional_properties = d
        return team_view

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
