from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CreateExchangeRateRequest")


@_attrs_define
class CreateExchangeRateRequest:
    """
    Attributes:
        currency (str):  Example: EUR.
        date (datetime.date):
        rate (str):  Example: 1.0835.
    """

    currency: str
    date: datetime.date
    rate: str

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        date = self.date.isoformat()

        rate = self.rate

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currency": currency,
                "date": date,
                "rate": rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        currency = d.pop("currency")

        date = datetime.date.fromisoformat(d.pop("date"))

        rate = d.pop("rate")

        create_exchange_rate_request = cls(
            currency=currency,
            date=date,
            rate=rate,
        )

        return create_exchange_rate_request
