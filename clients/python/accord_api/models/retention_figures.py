from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RetentionFigures")


@_attrs_define
class RetentionFigures:
    """Retention figures of a set of accounts over the period.

    Attributes:
        accounts_at_end (int): Active at `to`.
        accounts_at_start (int): Active at `from`: a customer, not churned, invoiced in the 365 days ending on `from`.
        lost (int): Active at `from`, not at `to`.
        new (int): Active at `to`, not at `from`.
        revenue_at_end (str): Σ trailing-12-month revenue at `to` of the same accounts (lost ones included with what
            they were invoiced in the 12 months before `to`).
        revenue_at_start (str): Σ trailing-12-month revenue at `from` of the accounts active at `from` (base currency,
            invoices' subtotals without tax less credit notes').
        gross_revenue_retention (None | str | Unset): Σ of each account's revenue at `to` capped at its revenue at
            `from`, ÷ revenue_at_start;
            four places, null when revenue_at_start is zero. Example: 0.9000.
        logo_retention (None | str | Unset): (accounts_at_start − lost) ÷ accounts_at_start, four places; null without
            accounts. Example: 0.5000.
        net_revenue_retention (None | str | Unset): revenue_at_end ÷ revenue_at_start; four places, null when
            revenue_at_start is zero. Example: 1.1000.
    """

    accounts_at_end: int
    accounts_at_start: int
    lost: int
    new: int
    revenue_at_end: str
    revenue_at_start: str
    gross_revenue_retention: None | str | Unset = UNSET
    logo_retention: None | str | Unset = UNSET
    net_revenue_retention: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts_at_end = self.accounts_at_end

        accounts_at_start = self.accounts_at_start

        lost = self.lost

        new = self.new

        revenue_at_end = self.revenue_at_end

        revenue_at_start = self.revenue_at_start

        gross_revenue_retention: None | str | Unset
        if isinstance(self.gross_revenue_retention, Unset):
            gross_revenue_retention = UNSET
        else:
            gross_revenue_retention = self.gross_revenue_retention

        logo_retention: None | str | Unset
        if isinstance(self.logo_retention, Unset):
            logo_retention = UNSET
        else:
            logo_retention = self.logo_retention

        net_revenue_retention: None | str | Unset
        if isinstance(self.net_revenue_retention, Unset):
            net_revenue_retention = UNSET
        else:
            net_revenue_retention = self.net_revenue_retention

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accounts_at_end": accounts_at_end,
                "accounts_at_start": accounts_at_start,
                "lost": lost,
                "new": new,
                "revenue_at_end": revenue_at_end,
                "revenue_at_start": revenue_at_start,
            }
        )
        if gross_revenue_retention is not UNSET:
            field_dict["gross_revenue_retention"] = gross_revenue_retention
        if logo_retention is not UNSET:
            field_dict["logo_retention"] = logo_retention
        if net_revenue_retention is not UNSET:
            field_dict["net_revenue_retention"] = net_revenue_retention

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        accounts_at_end = d.pop("accounts_at_end")

        accounts_at_start = d.pop("accounts_at_start")

        lost = d.pop("lost")

        new = d.pop("new")

        revenue_at_end = d.pop("revenue_at_end")

        revenue_at_start = d.pop("revenue_at_start")

        def _parse_gross_revenue_retention(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        gross_revenue_retention = _parse_gross_revenue_retention(
            d.pop("gross_revenue_retention", UNSET)
        )

        def _parse_logo_retention(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        logo_retention = _parse_logo_retention(d.pop("logo_retention", UNSET))

        def _parse_net_revenue_retention(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        net_revenue_retention = _parse_net_revenue_retention(
            d.pop("net_revenue_retention", UNSET)
        )

        retention_figures = cls(
            accounts_at_end=accounts_at_end,
            accounts_at_start=accounts_at_start,
            lost=lost,
            new=new,
            revenue_at_end=revenue_at_end,
            revenue_at_start=revenue_at_start,
            gross_revenue_retention=gross_revenue_retention,
            logo_retention=logo_retention,
            net_revenue_retention=net_revenue_retention,
        )

        retention_figures.additional_properties = d
        return retention_figures

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
