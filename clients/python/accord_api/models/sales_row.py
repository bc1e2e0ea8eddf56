from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SalesRow")


@_attrs_define
class SalesRow:
    """
    Attributes:
        key (str): The account id, the owner's user id, or the month (`YYYY-MM`).
        label (str):
        lost_amount (str):
        lost_count (int): Opportunities closed lost in the period (by `closed_on`) and their amount.
        pipeline_weighted (str): Σ amount × probability of the open opportunities expected to close in the period.
        revenue_collected (str): Payments allocated in the period to invoices, without their tax share (as in the
            performance report), by the invoice's account, recorded owner, or allocation month.
        revenue_invoiced (str): Subtotals (without tax, base currency) of invoices issued in the period less those of
            credit notes issued in it, by the document's account, recorded owner, or issue month.
        won_amount (str):
        won_count (int): Opportunities closed won in the period (by `closed_on`) and their amount.
    """

    key: str
    label: str
    lost_amount: str
    lost_count: int
    pipeline_weighted: str
    revenue_collected: str
    revenue_invoiced: str
    won_amount: str
    won_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        label = self.label

        lost_amount = self.lost_amount

        lost_count = self.lost_count

        pipeline_weighted = self.pipeline_weighted

        revenue_collected = self.revenue_collected

        revenue_invoiced = self.revenue_invoiced

        won_amount = self.won_amount

        won_count = self.won_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "label": label,
                "lost_amount": lost_amount,
                "lost_count": lost_count,
                "pipeline_weighted": pipeline_weighted,
                "revenue_collected": revenue_collected,
                "revenue_invoiced": revenue_invoiced,
                "won_amount": won_amount,
                "won_count": won_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        key = d.pop("key")

        label = d.pop("label")

        lost_amount = d.pop("lost_amount")

        lost_count = d.pop("lost_count")

        pipeline_weighted = d.pop("pipeline_weighted")

        revenue_collected = d.pop("revenue_collected")

        revenue_invoiced = d.pop("revenue_invoiced")

        won_amount = d.pop("won_amount")

        won_count = d.pop("won_count")

        sales_row = cls(
            key=key,
            label=label,
            lost_amount=lost_amount,
            lost_count=lost_count,
            pipeline_weighted=pipeline_weighted,
            revenue_collected=revenue_collected,
            revenue_invoiced=revenue_invoiced,
            won_amount=won_amount,
            won_count=won_count,
        )

        sales_row.additional_properties = d
        return sales_row

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
