from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BankTransferCreate")


@_attrs_define
class BankTransferCreate:
    """The fields of a transfer, all optional so that a missing one is the use case's 422
    `required`, listed with every other broken rule; the schema of a create is
    [`BankTransferCreate`].

        Attributes:
            amount (str): What leaves the from account, a decimal string in its currency. Example: 1000.00.
            date (datetime.date):  Example: 2026-09-10.
            from_bank_account_id (UUID):
            to_bank_account_id (UUID):
            reference (None | str | Unset):  Example: Top up savings.
            to_amount (None | str | Unset): What reaches the to account, in its currency: required when the two currencies
                differ, else absent or equal to `amount`. Example: 1085.00.
    """

    amount: str
    date: datetime.date
    from_bank_account_id: UUID
    to_bank_account_id: UUID
    reference: None | str | Unset = UNSET
    to_amount: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        date = self.date.isoformat()

        from_bank_account_id = str(self.from_bank_account_id)

        to_bank_account_id = str(self.to_bank_account_id)

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        to_amount: None | str | Unset
        if isinstance(self.to_amount, Unset):
            to_amount = UNSET
        else:
            to_amount = self.to_amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "date": date,
                "from_bank_account_id": from_bank_account_id,
                "to_bank_account_id": to_bank_account_id,
            }
        )
        if reference is not UNSET:
            field_dict["reference"] = reference
        if to_amount is not UNSET:
            field_dict["to_amount"] = to_amount

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        date = datetime.date.fromisoformat(d.pop("date"))

        from_bank_account_id = UUID(d.pop("from_bank_account_id"))

        to_bank_account_id = UUID(d.pop("to_bank_account_id"))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_to_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        to_amount = _parse_to_amount(d.pop("to_amount", UNSET))

        bank_transfer_create = cls(
            amount=amount,
            date=date,
            from_bank_account_id=from_bank_account_id,
            to_bank_account_id=to_bank_account_id,
            reference=reference,
            to_amount=to_amount,
        )

        return bank_transfer_create
