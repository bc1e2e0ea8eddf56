from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExchangeRateView")


@_attrs_define
class ExchangeRateView:
    """
    Attributes:
        created_at (datetime.datetime):
        currency (str):  Example: EUR.
        date (datetime.date):
        id (UUID):
        rate (str): Base-currency units per one unit of `currency`. Example: 1.0835.
    """

    created_at: datetime.datetime
    currency: str
    date: datetime.date
    id: UUID
    rate: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        currency = self.currency

        date = self.date.isoformat()

        id = str(self.id)

        rate = self.rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "currency": currency,
                "date": date,
                "id": id,
                "rate": rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        date = datetime.date.fromisoformat(d.pop("date"))

        id = UUID(d.pop("id"))

        rate = d.pop("rate")

        exchange_rate_view = cls(
            created_at=created_at,
            currency=currency,
            date=date,
            id=id,
            rate=rate,
        )

        exchange_rate_view.additional_properties = d
        return exchange_rate_view

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
