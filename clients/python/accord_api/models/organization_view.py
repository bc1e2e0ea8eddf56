from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrganizationView")


@_attrs_define
class OrganizationView:
    """
    Attributes:
        base_currency (str): ISO 4217 code of the currency the books are kept in. Example: USD.
        created_at (datetime.datetime):
        fiscal_year_start_month (int): The month (1-12) the fiscal year starts in.
        id (UUID):
        name (str):
        updated_at (datetime.datetime):
        version (int):
    """

    base_currency: str
    created_at: datetime.datetime
    fiscal_year_start_month: int
    id: UUID
    name: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_currency = self.base_currency

        created_at = self.created_at.isoformat()

        fiscal_year_start_month = self.fiscal_year_start_month

        id = str(self.id)

        name = self.name

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base_currency": base_currency,
                "created_at": created_at,
                "fiscal_year_start_month": fiscal_year_start_month,
                "id": id,
                "name": name,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        base_currency = d.pop("base_currency")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        fiscal_year_start_month = d.pop("fiscal_year_start_month")

        id = UUID(d.pop("id"))

        name = d.pop("name")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        organization_view = cls(
            base_currency=base_currency,
            created_at=created_at,
            fiscal_year_start_month=fiscal_year_start_month,
            id=id,
            name=name,
            updated_at=updated_at,
            version=version,
        )

        organization_view.additional_properties = d
        return organization_view

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
