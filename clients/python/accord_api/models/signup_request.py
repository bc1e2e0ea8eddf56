from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SignupRequest")


@_attrs_define
class SignupRequest:
    """
    Attributes:
        email (str):  Example: olivia@acme.example.
        name (str):  Example: Olivia Owner.
        organization_name (str):  Example: Acme Ltd.
        password (str): At least 10 characters. Example: correct horse battery staple.
        base_currency (None | str | Unset): ISO 4217 code; default `USD`. Example: USD.
        fiscal_year_start_month (int | None | Unset): 1-12; default 1 (January).
    """

    email: str
    name: str
    organization_name: str
    password: str
    base_currency: None | str | Unset = UNSET
    fiscal_year_start_month: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        organization_name = self.organization_name

        password = self.password

        base_currency: None | str | Unset
        if isinstance(self.base_currency, Unset):
            base_currency = UNSET
        else:
            base_currency = self.base_currency

        fiscal_year_start_month: int | None | Unset
        if isinstance(self.fiscal_year_start_month, Unset):
            fiscal_year_start_month = UNSET
        else:
            fiscal_year_start_month = self.fiscal_year_start_month

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "name": name,
                "organization_name": organization_name,
                "password": password,
            }
        )
        if base_currency is not UNSET:
            field_dict["base_currency"] = base_currency
        if fiscal_year_start_month is not UNSET:
            field_dict["fiscal_year_start_month"] = fiscal_year_start_month

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

        organization_name = d.pop("organization_name")

        password = d.pop("password")

        def _parse_base_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base_currency = _parse_base_currency(d.pop("base_currency", UNSET))

        def _parse_fiscal_year_start_month(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fiscal_year_start_month = _parse_fiscal_year_start_month(
            d.pop("fiscal_year_start_month", UNSET)
        )

        signup_request = cls(
            email=email,
            name=name,
            organization_name=organization_name,
            password=password,
            base_currency=base_currency,
            fiscal_year_start_month=fiscal_year_start_month,
        )

        return signup_request
