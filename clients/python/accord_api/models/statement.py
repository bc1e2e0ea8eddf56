from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ledger import Ledger

if TYPE_CHECKING:
    from ..models.statement_line import StatementLine


T = TypeVar("T", bound="Statement")


@_attrs_define
class Statement:
    """
    Attributes:
        account_id (UUID):
        closing_balance (str):  Example: 170.00.
        currency (str):  Example: USD.
        from_ (datetime.date):  Example: 2026-09-01.
        ledger (Ledger): Which control account a document or payment settles against.
        lines (list[StatementLine]):
        name (str):
        opening_balance (str):  Example: 0.00.
        to (datetime.date):  Example: 2026-09-30.
    """

    account_id: UUID
    closing_balance: str
    currency: str
    from_: datetime.date
    ledger: Ledger
    lines: list[StatementLine]
    name: str
    opening_balance: str
    to: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        closing_balance = self.closing_balance

        currency = self.currency

        from_ = self.from_.isoformat()

        ledger = self.ledger.value

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        name = self.name

        opening_balance = self.opening_balance

        to = self.to.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "closing_balance": closing_balance,
                "currency": currency,
                "from": from_,
                "ledger": ledger,
                "lines": lines,
                "name": name,
                "opening_balance": opening_balance,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.statement_line import StatementLine

        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        closing_balance = d.pop("closing_balance")

        currency = d.pop("currency")

        from_ = datetime.date.fromisoformat(d.pop("from"))

        ledger = Ledger(d.pop("ledger"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = StatementLine.from_dict(lines_item_data)

            lines.append(lines_item)

        name = d.pop("name")

        opening_balance = d.pop("opening_balance")

        to = datetime.date.fromisoformat(d.pop("to"))

        statement = cls(
            account_id=account_id,
            closing_balance=closing_balance,
            currency=currency,
            from_=from_,
            ledger=ledger,
            lines=lines,
            name=name,
            opening_balance=opening_balance,
            to=to,
        )

        statement.additional_properties = d
        return statement

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
