from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BalanceAnchor")


@_attrs_define
class BalanceAnchor:
    """A balance the user states for a date, where the statements give none.

    Attributes:
        balance (str): A decimal string, kept as written. Example: 1250.00.
        date (datetime.date):  Example: 2026-09-30.
    """

    balance: str
    date: datetime.date

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        date = self.date.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "balance": balance,
                "date": date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        balance = d.pop("balance")

        date = datetime.date.fromisoformat(d.pop("date"))

        balance_anchor = cls(
            balance=balance,
            date=date,
        )

        return balance_anchor
