from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TaxSummaryTotals")


@_attrs_define
class TaxSummaryTotals:
    """
    Attributes:
        net_tax (str): Collected less recoverable: what is owed to the tax authority (negative: reclaimable). Example:
            7.50.
        tax_collected (str):  Example: 20.00.
        tax_paid (str):  Example: 12.50.
        tax_recoverable (str):  Example: 12.50.
    """

    net_tax: str
    tax_collected: str
    tax_paid: str
    tax_recoverable: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        net_tax = self.net_tax

        tax_collected = self.tax_collected

        tax_paid = self.tax_paid

        tax_recoverable = self.tax_recoverable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "net_tax": net_tax,
                "tax_collected": tax_collected,
                "tax_paid": tax_paid,
                "tax_recoverable": tax_recoverable,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        net_tax = d.pop("net_tax")

        tax_collected = d.pop("tax_collected")

        tax_paid = d.pop("tax_paid")

        tax_recoverable = d.pop("tax_recoverable")

        tax_summary_totals = cls(
            net_tax=net_tax,
            tax_collected=tax_collected,
            tax_paid=tax_paid,
            tax_recoverable=tax_recoverable,
        )

        tax_summary_totals.additional_properties = d
        return tax_summary_totals

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
