from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IncomeStatementTotals")


@_attrs_define
class IncomeStatementTotals:
    """
    Attributes:
        expenses (str):
        income (str):
        net_income (str):
    """

    expenses: str
    income: str
    net_income: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expenses = self.expenses

        income = self.income

        net_income = self.net_income

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expenses": expenses,
                "income": income,
                "net_income": net_income,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        expenses = d.pop("expenses")

        income = d.pop("income")

        net_income = d.pop("net_income")

        income_statement_totals = cls(
            expenses=expenses,
            income=income,
            net_income=net_income,
        )

        income_statement_totals.additional_properties = d
        return income_statement_totals

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
