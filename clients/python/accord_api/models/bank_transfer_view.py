from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BankTransferView")


@_attrs_define
class BankTransferView:
    """
    Attributes:
        amount (str): What left the from account, in its currency. Example: 1000.00.
        created_at (datetime.datetime):
        currency (str):  Example: EUR.
        date (datetime.date):  Example: 2026-09-10.
        from_bank_account_id (UUID):
        id (UUID):
        journal_entry_id (UUID): The entry that moved the money (`source: bank`).
        to_amount (str): What reached the to account, in its currency. Example: 1085.00.
        to_bank_account_id (UUID):
        to_currency (str):  Example: USD.
        updated_at (datetime.datetime):
        version (int):
        created_by (None | Unset | UUID):
        reference (None | str | Unset):
    """

    amount: str
    created_at: datetime.datetime
    currency: str
    date: datetime.date
    from_bank_account_id: UUID
    id: UUID
    journal_entry_id: UUID
    to_amount: str
    to_bank_account_id: UUID
    to_currency: str
    updated_at: datetime.datetime
    version: int
    created_by: None | Unset | UUID = UNSET
    reference: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        created_at = self.created_at.isoformat()

        currency = self.currency

        date = self.date.isoformat()

        from_bank_account_id = str(self.from_bank_account_id)

        id = str(self.id)

        journal_entry_id = str(self.journal_entry_id)

        to_amount = self.to_amount

        to_bank_account_id = str(self.to_bank_account_id)

        to_currency = self.to_currency

        updated_at = self.updated_at.isoformat()

        version = self.version

        created_by: None | str | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        elif isinstance(self.created_by, UUID):
            created_by = str(self.created_by)
        else:
            created_by = self.created_by

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "created_at": created_at,
                "currency": currency,
                "date": date,
                "from_bank_account_id": from_bank_account_id,
                "id": id,
                "journal_entry_id": journal_entry_id,
                "to_amount": to_amount,
                "to_bank_account_id": to_bank_account_id,
                "to_currency": to_currency,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        date = datetime.date.fromisoformat(d.pop("date"))

        from_bank_account_id = UUID(d.pop("from_bank_account_id"))

        id = UUID(d.pop("id"))

        journal_entry_id = UUID(d.pop("journal_entry_id"))

        to_amount = d.pop("to_amount")

        to_bank_account_id = UUID(d.pop("to_bank_account_id"))

        to_currency = d.pop("to_currency")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_created_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_by_type_0 = UUID(data)

                return created_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        created_by = _parse_created_by(d.pop("created_by", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        bank_transfer_view = cls(
            amount=amount,
            created_at=created_at,
            currency=currency,
            date=date,
            from_bank_account_id=from_bank_account_id,
            id=id,
            journal_entry_id=journal_entry_id,
            to_amount=to_amount,
            to_bank_account_id=to_bank_account_id,
            to_currency=to_currency,
            updated_at=updated_at,
            version=version,
            created_by=created_by,
            reference=reference,
        )

        bank_transfer_view.additional_properties = d
        return bank_transfer_view

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
