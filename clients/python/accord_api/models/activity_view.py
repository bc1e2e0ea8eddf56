from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.ledger_line_view import LedgerLineView


T = TypeVar("T", bound="ActivityView")


@_attrs_define
class ActivityView:
    """
    Attributes:
        closing_balance (str):
        code (str):
        credit_total (str):
        currency (str):
        debit_total (str):
        ledger_account_id (UUID):
        lines (list[LedgerLineView]): At most 10,000 lines; narrow the range for more.
        name (str):
        opening_balance (str):
        from_ (datetime.date):
        to (datetime.date):
    """

    closing_balance: str
    code: str
    credit_total: str
    currency: str
    debit_total: str
    ledger_account_id: UUID
    lines: list[LedgerLineView]
    name: str
    opening_balance: str
    from_: datetime.date
    to: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        closing_balance = self.closing_balance

        code = self.code

        credit_total = self.credit_total

        currency = self.currency

        debit_total = self.debit_total

        ledger_account_id = str(self.ledger_account_id)

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        name = self.name

        opening_balance = self.opening_balance

        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "closing_balance": closing_balance,
                "code": code,
                "credit_total": credit_total,
                "currency": currency,
                "debit_total": debit_total,
                "ledger_account_id": ledger_account_id,
                "lines": lines,
                "name": name,
                "opening_balance": opening_balance,
                "from": from_,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.ledger_line_view import LedgerLineView

        d = dict(src_dict)
        closing_balance = d.pop("closing_balance")

        code = d.pop("code")

        credit_total = d.pop("credit_total")

        currency = d.pop("currency")

        debit_total = d.pop("debit_total")

        ledger_account_id = UUID(d.pop("ledger_account_id"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = LedgerLineView.from_dict(lines_item_data)

            lines.append(lines_item)

        name = d.pop("name")

        opening_balance = d.pop("opening_balance")

        from_ = datetime.date.fromisoformat(d.pop("from"))

        to = datetime.date.fromisoformat(d.pop("to"))

        activity_view = cls(
            closing_balance=closing_balance,
            code=code,
            credit_total=credit_total,
            currency=currency,
            debit_total=debit_total,
            ledger_account_id=ledger_account_id,
            lines=lines,
            name=name,
            opening_balance=opening_balance,
            from_=from_,
            to=to,
        )

        activity_view.additional_properties = d
        return activity_view

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
