from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TaxSummaryRow")


@_attrs_define
class TaxSummaryRow:
    """
    Attributes:
        name (str):  Example: VAT 10.
        purchases_net (str): Purchases (bills less vendor credits): amounts taxed and tax paid. Example: 125.00.
        rate (str):  Example: 0.1.
        sales_net (str): Sales (invoices less credit notes): amounts taxed and tax collected. Example: 200.00.
        tax_collected (str):  Example: 20.00.
        tax_paid (str):  Example: 12.50.
        tax_rate_id (UUID):
        tax_recoverable (str): The part of `tax_paid` that can be reclaimed. Example: 12.50.
    """

    name: str
    purchases_net: str
    rate: str
    sales_net: str
    tax_collected: str
    tax_paid: str
    tax_rate_id: UUID
    tax_recoverable: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        purchases_net = self.purchases_net

        rate = self.rate

        sales_net = self.sales_net

        tax_collected = self.tax_collected

        tax_paid = self.tax_paid

        tax_rate_id = str(self.tax_rate_id)

        tax_recoverable = self.tax_recoverable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "purchases_net": purchases_net,
                "rate": rate,
                "sales_net": sales_net,
                "tax_collected": tax_collected,
                "tax_paid": tax_paid,
                "tax_rate_id": tax_rate_id,
                "tax_recoverable": tax_recoverable,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        purchases_net = d.pop("purchases_net")

        rate = d.pop("rate")

        sales_net = d.pop("sales_net")

        tax_collected = d.pop("tax_collected")

        tax_paid = d.pop("tax_paid")

        tax_rate_id = UUID(d.pop("tax_rate_id"))

        tax_recoverable = d.pop("tax_recoverable")

        tax_summary_row = cls(
            name=name,
            purchases_net=purchases_net,
            rate=rate,
            sales_net=sales_net,
            tax_collected=tax_collected,
            tax_paid=tax_paid,
            tax_rate_id=tax_rate_id,
            tax_recoverable=tax_recoverable,
        )

        tax_summary_row.additional_properties = d
        return tax_summary_row

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
