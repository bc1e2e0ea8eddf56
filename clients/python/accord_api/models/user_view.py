from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role
from ..models.title import Title
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserView")


@_attrs_define
class UserView:
    """
    Attributes:
        created_at (datetime.datetime):
        email (str):
        id (UUID):
        is_active (bool):
        name (str):
        organization_id (UUID):
        role (Role): What a principal may do; see `auth::policy` for the permissions each role holds.
        updated_at (datetime.datetime):
        version (int):
        title (None | Title | Unset):
    """

    created_at: datetime.datetime
    email: str
    id: UUID
    is_active: bool
    name: str
    organization_id: UUID
    role: Role
    updated_at: datetime.datetime
    version: int
    title: None | Title | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        email = self.email

        id = str(self.id)

        is_active = self.is_active

        name = self.name

        organization_id = str(self.organization_id)

        role = self.role.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, Title):
            title = self.title.value
        else:
            title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "email": email,
                "id": id,
                "is_active": is_active,
                "name": name,
                "organization_id": organization_id,
                "role": role,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        email = d.pop("email")

        id = UUID(d.pop("id"))

        is_active = d.pop("is_active")

        name = d.pop("name")

        organization_id = UUID(d.pop("organization_id"))

        role = Role(d.pop("role"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_title(data: object) -> None | Title | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                title_type_1 = Title(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Title | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        user_view = cls(
            created_at=created_at,
            email=email,
            id=id,
            is_active=is_active,
            name=name,
            organization_id=organization_id,
            role=role,
            updated_at=updated_at,
            version=version,
            title=title,
        )

        user_view.additional_properties = d
        return user_view

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
