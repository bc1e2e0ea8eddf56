from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.principal_kind import PrincipalKind
from ..models.role import Role
from ..models.title import Title
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.organization_view import OrganizationView


T = TypeVar("T", bound="MeView")


@_attrs_define
class MeView:
    """
    Attributes:
        id (UUID): The user's id, or the API key's.
        name (str):
        organization (OrganizationView):
        principal (PrincipalKind):
        role (Role): What a principal may do; see `auth::policy` for the permissions each role holds.
        acting_for_user_id (None | Unset | UUID): For an API key: the user it acts for.
        email (None | str | Unset): Users only.
        title (None | Title | Unset):
    """

    id: UUID
    name: str
    organization: OrganizationView
    principal: PrincipalKind
    role: Role
    acting_for_user_id: None | Unset | UUID = UNSET
    email: None | str | Unset = UNSET
    title: None | Title | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        organization = self.organization.to_dict()

        principal = self.principal.value

        role = self.role.value

        acting_for_user_id: None | str | Unset
        if isinstance(self.acting_for_user_id, Unset):
            acting_for_user_id = UNSET
        elif isinstance(self.acting_for_user_id, UUID):
            acting_for_user_id = str(self.acting_for_user_id)
        else:
            acting_for_user_id = self.acting_for_user_id

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

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
                "id": id,
                "name": name,
                "organization": organization,
                "principal": principal,
                "role": role,
            }
        )
        if acting_for_user_id is not UNSET:
            field_dict["acting_for_user_id"] = acting_for_user_id
        if email is not UNSET:
            field_dict["email"] = email
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.organization_view import OrganizationView

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        organization = OrganizationView.from_dict(d.pop("organization"))

        principal = PrincipalKind(d.pop("principal"))

        role = Role(d.pop("role"))

        def _parse_acting_for_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acting_for_user_id_type_0 = UUID(data)

                return acting_for_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        acting_for_user_id = _parse_acting_for_user_id(
            d.pop("acting_for_user_id", UNSET)
        )

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

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

        me_view = cls(
            id=id,
            name=name,
            organization=organization,
            principal=principal,
            role=role,
            acting_for_user_id=acting_for_user_id,
            email=email,
            title=title,
        )

        me_view.additional_properties = d
        return me_view

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
