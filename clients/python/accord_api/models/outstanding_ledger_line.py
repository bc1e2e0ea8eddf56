from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OutstandingLedgerLine")


@_attrs_define
class OutstandingLedgerLine:
    """A ledger line not reconciled as of the date.

    Attributes:
        amount (str): Signed from the bank's view: positive is money in. Example: 40.00.
        date (datetime.date):
        id (UUID):
        journal_entry_id (UUID):
        line_no (int):
    """

    amount: str
    date: datetime.date
    id: UUID
    journal_entry_id: UUID
    line_no: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        date = self.date.isoformat()

        id = str(self.id)

        journal_entry_id = str(self.journal_entry_id)

        line_no = self.line_no

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "date": date,
                "id": id,
                "journal_entry_id": journal_entry_id,
                "line_no": line_no,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        date = datetime.date.fromisoformat(d.pop("date"))

        id = UUID(d.pop("id"))

        journal_entry_id = UUID(d.pop("journal_entry_id"))

        line_no = d.pop("line_no")

        outstanding_ledger_line = cls(
            amount=amount,
            date=date,
            id=id,
            journal_entry_id=journal_entry_id,
            line_no=line_no,
        )

        outstanding_ledger_line.additional_properties = d
        return outstanding_ledger_line

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
