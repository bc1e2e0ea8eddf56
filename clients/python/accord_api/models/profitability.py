from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Profitability")


@_attrs_define
class Profitability:
    """
    Attributes:
        account_id (UUID):
        credits_ (str): Subtotals (without tax) of the credit notes issued in the period. Example: 200.00.
        currency (str): The base currency: every amount is in it. Example: USD.
        direct_costs (str): Expense lines tagged with the account, debits − credits. Example: 1200.00.
        from_ (datetime.date):
        margin (str): `net_revenue` − `direct_costs`. Example: 2100.00.
        net_revenue (str): `revenue_invoiced` − `credits`. Example: 3300.00.
        revenue_collected (str): Payments allocated in the period to the account's invoices, without tax. Example:
            1000.00.
        revenue_invoiced (str): Subtotals (without tax) of the invoices issued in the period. Example: 3500.00.
        to (datetime.date):
        margin_percent (None | str | Unset): `margin` ÷ `net_revenue` × 100, four decimals; null when net revenue is
            zero. Example: 63.6364.
    """

    account_id: UUID
    credits_: str
    currency: str
    direct_costs: str
    from_: datetime.date
    margin: str
    net_revenue: str
    revenue_collected: str
    revenue_invoiced: str
    to: datetime.date
    margin_percent: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        credits_ = self.credits_

        currency = self.currency

        direct_costs = self.direct_costs

        from_ = self.from_.isoformat()

        margin = self.margin

        net_revenue = self.net_revenue

        revenue_collected = self.revenue_collected

        revenue_invoiced = self.revenue_invoiced

        to = self.to.isoformat()

        margin_percent: None | str | Unset
        if isinstance(self.margin_percent, Unset):
            margin_percent = UNSET
        else:
            margin_percent = self.margin_percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "credits": credits_,
                "currency": currency,
                "direct_costs": direct_costs,
                "from": from_,
                "margin": margin,
                "net_revenue": net_revenue,
                "revenue_collected": revenue_collected,
                "revenue_invoiced": revenue_invoiced,
                "to": to,
            }
        )
        if margin_percent is not UNSET:
            field_dict["margin_percent"] = margin_percent

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        credits_ = d.pop("credits")

        currency = d.pop("currency")

        direct_costs = d.pop("direct_costs")

        from_ = datetime.date.fromisoformat(d.pop("from"))

        margin = d.pop("margin")

        net_revenue = d.pop("net_revenue")

        revenue_collected = d.pop("revenue_collected")

        revenue_invoiced = d.pop("revenue_invoiced")

        to = datetime.date.fromisoformat(d.pop("to"))

        def _parse_margin_percent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        margin_percent = _parse_margin_percent(d.pop("margin_percent", UNSET))

        profitability = cls(
            account_id=account_id,
            credits_=credits_,
            currency=currency,
            direct_costs=direct_costs,
            from_=from_,
            margin=margin,
            net_revenue=net_revenue,
            revenue_collected=revenue_collected,
            revenue_invoiced=revenue_invoiced,
            to=to,
            margin_percent=margin_percent,
        )

        profitability.additional_properties = d
        return profitability

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
