from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.balance_sheet_totals import BalanceSheetTotals
    from ..models.statement_row_view import StatementRowView


T = TypeVar("T", bound="BalanceSheetView")


@_attrs_define
class BalanceSheetView:
    """
    Attributes:
        as_of (datetime.date):
        assets (list[StatementRowView]):
        currency (str):
        equity (list[StatementRowView]):
        liabilities (list[StatementRowView]):
        totals (BalanceSheetTotals):
    """

    as_of: datetime.date
    assets: list[StatementRowView]
    currency: str
    equity: list[StatementRowView]
    liabilities: list[StatementRowView]
    totals: BalanceSheetTotals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        assets = []
        for assets_item_data in self.assets:
            assets_item = assets_item_data.to_dict()
            assets.append(assets_item)

        currency = self.currency

        equity = []
        for equity_item_data in self.equity:
            equity_item = equity_item_data.to_dict()
            equity.append(equity_item)

        liabilities = []
        for liabilities_item_data in self.liabilities:
            liabilities_item = liabilities_item_data.to_dict()
            liabilities.append(liabilities_item)

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "assets": assets,
                "currency": currency,
                "equity": equity,
                "liabilities": liabilities,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.balance_sheet_totals import BalanceSheetTotals
        from ..models.statement_row_view import StatementRowView

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        assets = []
        _assets = d.pop("assets")
        for assets_item_data in _assets:
            assets_item = StatementRowView.from_dict(assets_item_data)

            assets.append(assets_item)

        currency = d.pop("currency")

        equity = []
        _equity = d.pop("equity")
        for equity_item_data in _equity:
            equity_item = StatementRowView.from_dict(equity_item_data)

            equity.append(equity_item)

        liabilities = []
        _liabilities = d.pop("liabilities")
        for liabilities_item_data in _liabilities:
            liabilities_item = StatementRowView.from_dict(liabilities_item_data)

            liabilities.append(liabilities_item)

        totals = BalanceSheetTotals.from_dict(d.pop("totals"))

        balance_sheet_view = cls(
            as_of=as_of,
            assets=assets,
            currency=currency,
            equity=equity,
            liabilities=liabilities,
            totals=totals,
        )

        balance_sheet_view.additional_properties = d
        return balance_sheet_view

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
