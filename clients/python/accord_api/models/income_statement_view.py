from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.income_statement_totals import IncomeStatementTotals
    from ..models.statement_row_view import StatementRowView


T = TypeVar("T", bound="IncomeStatementView")


@_attrs_define
class IncomeStatementView:
    """
    Attributes:
        currency (str):
        expenses (list[StatementRowView]):
        from_ (datetime.date):
        income (list[StatementRowView]):
        to (datetime.date):
        totals (IncomeStatementTotals):
    """

    currency: str
    expenses: list[StatementRowView]
    from_: datetime.date
    income: list[StatementRowView]
    to: datetime.date
    totals: IncomeStatementTotals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        expenses = []
        for expenses_item_data in self.expenses:
            expenses_item = expenses_item_data.to_dict()
            expenses.append(expenses_item)

        from_ = self.from_.isoformat()

        income = []
        for income_item_data in self.income:
            income_item = income_item_data.to_dict()
            income.append(income_item)

        to = self.to.isoformat()

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "expenses": expenses,
                "from": from_,
                "income": income,
                "to": to,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.income_statement_totals import IncomeStatementTotals
        from ..models.statement_row_view import StatementRowView

        d = dict(src_dict)
        currency = d.pop("currency")

        expenses = []
        _expenses = d.pop("expenses")
        for expenses_item_data in _expenses:
            expenses_item = StatementRowView.from_dict(expenses_item_data)

            expenses.append(expenses_item)

        from_ = datetime.date.fromisoformat(d.pop("from"))

        income = []
        _income = d.pop("income")
        for income_item_data in _income:
            income_item = StatementRowView.from_dict(income_item_data)

            income.append(income_item)

        to = datetime.date.fromisoformat(d.pop("to"))

        totals = IncomeStatementTotals.from_dict(d.pop("totals"))

        income_statement_view = cls(
            currency=currency,
            expenses=expenses,
            from_=from_,
            income=income,
            to=to,
            totals=totals,
        )

        income_statement_view.additional_properties = d
        return income_statement_view

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
