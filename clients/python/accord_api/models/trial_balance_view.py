from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.debit_credit import DebitCredit
    from ..models.trial_balance_row import TrialBalanceRow


T = TypeVar("T", bound="TrialBalanceView")


@_attrs_define
class TrialBalanceView:
    """
    Attributes:
        as_of (datetime.date):
        currency (str):
        fiscal_year_start (datetime.date): Income and expense rows cover the fiscal year to date; earlier years' profit
            is in the
            retained earnings row.
        rows (list[TrialBalanceRow]):
        totals (DebitCredit):
    """

    as_of: datetime.date
    currency: str
    fiscal_year_start: datetime.date
    rows: list[TrialBalanceRow]
    totals: DebitCredit
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        currency = self.currency

        fiscal_year_start = self.fiscal_year_start.isoformat()

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "currency": currency,
                "fiscal_year_start": fiscal_year_start,
                "rows": rows,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.debit_credit import DebitCredit
        from ..models.trial_balance_row import TrialBalanceRow

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        currency = d.pop("currency")

        fiscal_year_start = datetime.date.fromisoformat(d.pop("fiscal_year_start"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = TrialBalanceRow.from_dict(rows_item_data)

            rows.append(rows_item)

        totals = DebitCredit.from_dict(d.pop("totals"))

        trial_balance_view = cls(
            as_of=as_of,
            currency=currency,
            fiscal_year_start=fiscal_year_start,
            rows=rows,
            totals=totals,
        )

        trial_balance_view.additional_properties = d
        return trial_balance_view

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
