from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Unconverted")


@_attrs_define
class Unconverted:
    """An opportunity the report counts but could not convert: no rate of its currency by the
    period's end. Its amount is in none of the figures.

        Attributes:
            account_id (UUID):
            amount (str):  Example: 1000.00.
            counted_as (str): `won`, `lost`, or `pipeline` (open, expected to close in the period).
            currency (str):
            name (str):
            opportunity_id (UUID):
            probability (int):
    """

    account_id: UUID
    amount: str
    counted_as: str
    currency: str
    name: str
    opportunity_id: UUID
    probability: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        amount = self.amount

        counted_as = self.counted_as

        currency = self.currency

        name = self.name

        opportunity_id = str(self.opportunity_id)

        probability = self.probability

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "amount": amount,
                "counted_as": counted_as,
                "currency": currency,
                "name": name,
                "opportunity_id": opportunity_id,
                "probability": probability,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        amount = d.pop("amount")

        counted_as = d.pop("counted_as")

        currency = d.pop("currency")

        name = d.pop("name")

        opportunity_id = UUID(d.pop("opportunity_id"))

        probability = d.pop("probability")

        unconverted = cls(
            account_id=account_id,
            amount=amount,
            counted_as=counted_as,
            currency=currency,
            name=name,
            opportunity_id=opportunity_id,
            probability=probability,
        )

        unconverted.additional_properties = d
        return unconverted

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
