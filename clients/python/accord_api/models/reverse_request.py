from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReverseRequest")


@_attrs_define
class ReverseRequest:
    """
    Attributes:
        date (datetime.date):
        reason (str):  Example: Posted twice.
    """

    date: datetime.date
    reason: str

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "date": date,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        reason = d.pop("reason")

        reverse_request = cls(
            date=date,
            reason=reason,
        )

        return reverse_request
