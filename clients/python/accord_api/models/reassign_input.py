from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReassignInput")


@_attrs_define
class ReassignInput:
    """
    Attributes:
        move_open_tasks (bool | Unset): Hand the previous owner's open tasks on this account to the new owner.
        owner_id (None | Unset | UUID):
        team_id (None | Unset | UUID):
    """

    move_open_tasks: bool | Unset = UNSET
    owner_id: None | Unset | UUID = UNSET
    team_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        move_open_tasks = self.move_open_tasks

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        team_id: None | str | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        elif isinstance(self.team_id, UUID):
            team_id = str(self.team_id)
        else:
            team_id = self.team_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if move_open_tasks is not UNSET:
            field_dict["move_open_tasks"] = move_open_tasks
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if team_id is not UNSET:
            field_dict["team_id"] = team_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        move_open_tasks = d.pop("move_open_tasks", UNSET)

        def _parse_owner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_id_type_0 = UUID(data)

                return owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        def _parse_team_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                team_id_type_0 = UUID(data)

                return team_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        team_id = _parse_team_id(d.pop("team_id", UNSET))

        reassign_input = cls(
            move_open_tasks=move_open_tasks,
            owner_id=owner_id,
            team_id=team_id,
        )

        return reassign_input
