from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tax_summary_row import TaxSummaryRow
    from ..models.tax_summary_totals import TaxSummaryTotals


T = TypeVar("T", bound="TaxSummary")


@_attrs_define
class TaxSummary:
    """
    Attributes:
        currency (str):  Example: USD.
        from_ (datetime.date):  Example: 2026-09-01.
        rates (list[TaxSummaryRow]):
        to (datetime.date):  Example: 2026-09-30.
        totals (TaxSummaryTotals):
    """

    currency: str
    from_: datetime.date
    rates: list[TaxSummaryRow]
    to: datetime.date
    totals: TaxSummaryTotals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        from_ = self.from_.isoformat()

        rates = []
        for rates_item_data in self.rates:
            rates_item = rates_item_data.to_dict()
            rates.append(rates_item)

        to = self.to.isoformat()

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "from": from_,
                "rates": rates,
                "to": to,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tax_summary_row import TaxSummaryRow
        from ..models.tax_summary_totals import TaxSummaryTotals

        d = dict(src_dict)
        currency = d.pop("currency")

        from_ = datetime.date.fromisoformat(d.pop("from"))

        rates = []
        _rates = d.pop("rates")
        for rates_item_data in _rates:
            rates_item = TaxSummaryRow.from_dict(rates_item_data)

            rates.append(rates_item)

        to = datetime.date.fromisoformat(d.pop("to"))

        totals = TaxSummaryTotals.from_dict(d.pop("totals"))

        tax_summary = cls(
            currency=currency,
            from_=from_,
            rates=rates,
            to=to,
            totals=totals,
        )

        tax_summary.additional_properties = d
        return tax_summary

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
