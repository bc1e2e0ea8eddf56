from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.organization_view import OrganizationView
    from ..models.user_view import UserView


T = TypeVar("T", bound="SignupResponse")


@_attrs_define
class SignupResponse:
    """
    Attributes:
        access_token (str):
        expires_in (int): Seconds until the access token expires.
        organization (OrganizationView):
        refresh_token (str):
        token_type (str):  Example: Bearer.
        user (UserView):
    """

    access_token: str
    expires_in: int
    organization: OrganizationView
    refresh_token: str
    token_type: str
    user: UserView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        expires_in = self.expires_in

        organization = self.organization.to_dict()

        refresh_token = self.refresh_token

        token_type = self.token_type

        user = self.user.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
                "expires_in": expires_in,
                "organization": organization,
                "refresh_token": refresh_token,
                "token_type": token_type,
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.organization_view import OrganizationView
        from ..models.user_view import UserView

        d = dict(src_dict)
        access_token = d.pop("access_token")

        expires_in = d.pop("expires_in")

        organization = OrganizationView.from_dict(d.pop("organization"))

        refresh_token = d.pop("refresh_token")

        token_type = d.pop("token_type")

        user = UserView.from_dict(d.pop("user"))

        signup_response = cls(
            access_token=access_token,
            expires_in=expires_in,
            organization=organization,
            refresh_token=refresh_token,
            token_type=token_type,
            user=user,
        )

        signup_response.additional_properties = d
        return signup_response

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
