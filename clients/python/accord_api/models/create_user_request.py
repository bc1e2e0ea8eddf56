from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.role import Role
from ..models.title import Title
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateUserRequest")


@_attrs_define
class CreateUserRequest:
    """
    Attributes:
        email (str):  Example: aisha@acme.example.
        name (str):  Example: Aisha Khan.
        password (str): Initial password, at least 10 characters.
        role (Role): What a principal may do; see `auth::policy` for the permissions each role holds.
        title (None | Title | Unset):
    """

    email: str
    name: str
    password: str
    role: Role
    title: None | Title | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        password = self.password

        role = self.role.value

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, Title):
            title = self.title.value
        else:
            title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "name": name,
                "password": password,
                "role": role,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

        password = d.pop("password")

        role = Role(d.pop("role"))

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

        create_user_request = cls(
            email=email,
            name=name,
            password=password,
            role=role,
            title=title,
        )

        return create_user_request
