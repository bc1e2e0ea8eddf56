from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BalanceSheetTotals")


@_attrs_define
class BalanceSheetTotals:
    """
    Attributes:
        assets (str):
        equity (str):
        liabilities (str):
        liabilities_and_equity (str):
    """

    assets: str
    equity: str
    liabilities: str
    liabilities_and_equity: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assets = self.assets

        equity = self.equity

        liabilities = self.liabilities

        liabilities_and_equity = self.liabilities_and_equity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assets": assets,
                "equity": equity,
                "liabilities": liabilities,
                "liabilities_and_equity": liabilities_and_equity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        assets = d.pop("assets")

        equity = d.pop("equity")

        liabilities = d.pop("liabilities")

        liabilities_and_equity = d.pop("liabilities_and_equity")

        balance_sheet_totals = cls(
            assets=assets,
            equity=equity,
            liabilities=liabilities,
            liabilities_and_equity=liabilities_and_equity,
        )

        balance_sheet_totals.additional_properties = d
        return balance_sheet_totals

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
