from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgingItem")


@_attrs_define
class AgingItem:
    """One open item behind an aging row: a document, or a payment not yet allocated.

    Attributes:
        aged_from (datetime.date): The day it ages from: the due date (the issue date without one), or the payment date.
        amount (str): What is still open, in the base currency, signed like the row (a credit is negative). Example:
            550.00.
        days_past_due (int): Days past `aged_from` on `as_of` (0 when not yet due).
        id (UUID):
        kind (str): `invoice`, `credit_note`, `bill`, `vendor_credit` or `payment`.
        number (None | str | Unset): The document's number, or the payment's reference.
    """

    aged_from: datetime.date
    amount: str
    days_past_due: int
    id: UUID
    kind: str
    number: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        aged_from = self.aged_from.isoformat()

        amount = self.amount

        days_past_due = self.days_past_due

        id = str(self.id)

        kind = self.kind

        number: None | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "aged_from": aged_from,
                "amount": amount,
                "days_past_due": days_past_due,
                "id": id,
                "kind": kind,
            }
        )
        if number is not UNSET:
            field_dict["number"] = number

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        aged_from = datetime.date.fromisoformat(d.pop("aged_from"))

        amount = d.pop("amount")

        days_past_due = d.pop("days_past_due")

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        def _parse_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

        aging_item = cls(
            aged_from=aged_from,
            amount=amount,
            days_past_due=days_past_due,
            id=id,
            kind=kind,
            number=number,
        )

        aging_item.additional_properties = d
        return aging_item

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
