from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LedgerLineView")


@_attrs_define
class LedgerLineView:
    """
    Attributes:
        balance (str): Running balance after this line, in the account's normal direction.
        credit (str):  Example: 0.00.
        date (datetime.date):
        debit (str):  Example: 100.00.
        description (str):
        entry_id (UUID):
        reference (None | str | Unset):
    """

    balance: str
    credit: str
    date: datetime.date
    debit: str
    description: str
    entry_id: UUID
    reference: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        credit = self.credit

        date = self.date.isoformat()

        debit = self.debit

        description = self.description

        entry_id = str(self.entry_id)

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "balance": balance,
                "credit": credit,
                "date": date,
                "debit": debit,
                "description": description,
                "entry_id": entry_id,
            }
        )
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        balance = d.pop("balance")

        credit = d.pop("credit")

        date = datetime.date.fromisoformat(d.pop("date"))

        debit = d.pop("debit")

        description = d.pop("description")

        entry_id = UUID(d.pop("entry_id"))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        ledger_line_view = cls(
            balance=balance,
            credit=credit,
            date=date,
            debit=debit,
            description=description,
            entry_id=entry_id,
            reference=reference,
        )

        ledger_line_view.additional_properties = d
        return ledger_line_view

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
