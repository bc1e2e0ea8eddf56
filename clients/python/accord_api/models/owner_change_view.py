from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OwnerChangeView")


@_attrs_define
class OwnerChangeView:
    """
    Attributes:
        changed_at (datetime.datetime):
        changed_by (UUID):
        id (UUID):
        from_owner_id (None | Unset | UUID):
        from_team_id (None | Unset | UUID):
        to_owner_id (None | Unset | UUID):
        to_team_id (None | Unset | UUID):
    """

    changed_at: datetime.datetime
    changed_by: UUID
    id: UUID
    from_owner_id: None | Unset | UUID = UNSET
    from_team_id: None | Unset | UUID = UNSET
    to_owner_id: None | Unset | UUID = UNSET
    to_team_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changed_at = self.changed_at.isoformat()

        changed_by = str(self.changed_by)

        id = str(self.id)

        from_owner_id: None | str | Unset
        if isinstance(self.from_owner_id, Unset):
            from_owner_id = UNSET
        elif isinstance(self.from_owner_id, UUID):
            from_owner_id = str(self.from_owner_id)
        else:
            from_owner_id = self.from_owner_id

        from_team_id: None | str | Unset
        if isinstance(self.from_team_id, Unset):
            from_team_id = UNSET
        elif isinstance(self.from_team_id, UUID):
            from_team_id = str(self.from_team_id)
        else:
            from_team_id = self.from_team_id

        to_owner_id: None | str | Unset
        if isinstance(self.to_owner_id, Unset):
            to_owner_id = UNSET
        elif isinstance(self.to_owner_id, UUID):
            to_owner_id = str(self.to_owner_id)
        else:
            to_owner_id = self.to_owner_id

        to_team_id: None | str | Unset
        if isinstance(self.to_team_id, Unset):
            to_team_id = UNSET
        elif isinstance(self.to_team_id, UUID):
            to_team_id = str(self.to_team_id)
        else:
            to_team_id = self.to_team_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changed_at": changed_at,
                "changed_by": changed_by,
                "id": id,
            }
        )
        if from_owner_id is not UNSET:
            field_dict["from_owner_id"] = from_owner_id
        if from_team_id is not UNSET:
            field_dict["from_team_id"] = from_team_id
        if to_owner_id is not UNSET:
            field_dict["to_owner_id"] = to_owner_id
        if to_team_id is not UNSET:
            field_dict["to_team_id"] = to_team_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))

        changed_by = UUID(d.pop("changed_by"))

        id = UUID(d.pop("id"))

        def _parse_from_owner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_owner_id_type_0 = UUID(data)

                return from_owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        from_owner_id = _parse_from_owner_id(d.pop("from_owner_id", UNSET))

        def _parse_from_team_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_team_id_type_0 = UUID(data)

                return from_team_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        from_team_id = _parse_from_team_id(d.pop("from_team_id", UNSET))

        def _parse_to_owner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_owner_id_type_0 = UUID(data)

                return to_owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        to_owner_id = _parse_to_owner_id(d.pop("to_owner_id", UNSET))

        def _parse_to_team_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_team_id_type_0 = UUID(data)

                return to_team_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        to_team_id = _parse_to_team_id(d.pop("to_team_id", UNSET))

        owner_change_view = cls(
            changed_at=changed_at,
            changed_by=changed_by,
            id=id,
            from_owner_id=from_owner_id,
            from_team_id=from_team_id,
            to_owner_id=to_owner_id,
            to_team_id=to_team_id,
        )

        owner_change_view.additional_properties = d
        return owner_change_view

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
