from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AgingBuckets")


@_attrs_define
class AgingBuckets:
    """
    Attributes:
        current (str): Not yet due. Example: 50.00.
        days_1_30 (str):  Example: 0.00.
        days_31_60 (str):  Example: 0.00.
        days_61_90 (str):  Example: 0.00.
        days_over_90 (str):  Example: 999.99.
        disputed (str): The part of `total` that open disputes contest (receivables; "0.00" on payables): on
            each invoice, what disputes open on `as_of` name, at most what is open of it, at the
            invoice's rate. Already inside the age buckets, not beside them. Example: 200.00.
        total (str):  Example: 1049.99.
    """

    current: str
    days_1_30: str
    days_31_60: str
    days_61_90: str
    days_over_90: str
    disputed: str
    total: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        current = self.current

        days_1_30 = self.days_1_30

        days_31_60 = self.days_31_60

        days_61_90 = self.days_61_90

        days_over_90 = self.days_over_90

        disputed = self.disputed

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "current": current,
                "days_1_30": days_1_30,
                "days_31_60": days_31_60,
                "days_61_90": days_61_90,
                "days_over_90": days_over_90,
                "disputed": disputed,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        current = d.pop("current")

        days_1_30 = d.pop("days_1_30")

        days_31_60 = d.pop("days_31_60")

        days_61_90 = d.pop("days_61_90")

        days_over_90 = d.pop("days_over_90")

        disputed = d.pop("disputed")

        total = d.pop("total")

        aging_buckets = cls(
            current=current,
            days_1_30=days_1_30,
            days_31_60=days_31_60,
            days_61_90=days_61_90,
            days_over_90=days_over_90,
            disputed=disputed,
            total=total,
        )

        aging_buckets.additional_properties = d
        return aging_buckets

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
