from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RateUsed")


@_attrs_define
class RateUsed:
    """A rate a report converted with.

    Attributes:
        currency (str):
        rate (str): Base-currency units per one unit of `currency`. Example: 1.0850.
        rate_date (datetime.date): The date the rate was recorded for (the latest on or before the period's end).
    """

    currency: str
    rate: str
    rate_date: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        rate = self.rate

        rate_date = self.rate_date.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "rate": rate,
                "rate_date": rate_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        currency = d.pop("currency")

        rate = d.pop("rate")

        rate_date = datetime.date.fromisoformat(d.pop("rate_date"))

        rate_used = cls(
            currency=currency,
            rate=rate,
            rate_date=rate_date,
        )

        rate_used.additional_properties = d
        return rate_used

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
