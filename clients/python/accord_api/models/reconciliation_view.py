from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reconciled_line import ReconciledLine


T = TypeVar("T", bound="ReconciliationView")


@_attrs_define
class ReconciliationView:
    """
    Attributes:
        auto (bool): Made by auto-reconcile.
        bank_account_id (UUID):
        bank_total (str):  Example: 100.00.
        bank_transaction_ids (list[UUID]):
        created_at (datetime.datetime):
        date (datetime.date): The later of the dates of its two sides: reconciled as of this date.
        difference (str): Written off to `difference_account_id` (bank − ledger); 0 when the sides agreed. Example:
            2.50.
        id (UUID):
        journal_lines (list[ReconciledLine]):
        kind (str): `match`, `categorize` or `payment`.
        ledger_total (str): The ledger side before any write-off. Example: 97.50.
        difference_account_id (None | Unset | UUID):
        journal_entry_id (None | Unset | UUID): The entry this reconciliation posted (a categorization or a write-off).
        payment_id (None | Unset | UUID): The payment it recorded from a bank line.
    """

    auto: bool
    bank_account_id: UUID
    bank_total: str
    bank_transaction_ids: list[UUID]
    created_at: datetime.datetime
    date: datetime.date
    difference: str
    id: UUID
    journal_lines: list[ReconciledLine]
    kind: str
    ledger_total: str
    difference_account_id: None | Unset | UUID = UNSET
    journal_entry_id: None | Unset | UUID = UNSET
    payment_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auto = self.auto

        bank_account_id = str(self.bank_account_id)

        bank_total = self.bank_total

        bank_transaction_ids = []
        for bank_transaction_ids_item_data in self.bank_transaction_ids:
            bank_transaction_ids_item = str(bank_transaction_ids_item_data)
            bank_transaction_ids.append(bank_transaction_ids_item)

        created_at = self.created_at.isoformat()

        date = self.date.isoformat()

        difference = self.difference

        id = str(self.id)

        journal_lines = []
        for journal_lines_item_data in self.journal_lines:
            journal_lines_item = journal_lines_item_data.to_dict()
            journal_lines.append(journal_lines_item)

        kind = self.kind

        ledger_total = self.ledger_total

        difference_account_id: None | str | Unset
        if isinstance(self.difference_account_id, Unset):
            difference_account_id = UNSET
        elif isinstance(self.difference_account_id, UUID):
            difference_account_id = str(self.difference_account_id)
        else:
            difference_account_id = self.difference_account_id

        journal_entry_id: None | str | Unset
        if isinstance(self.journal_entry_id, Unset):
            journal_entry_id = UNSET
        elif isinstance(self.journal_entry_id, UUID):
            journal_entry_id = str(self.journal_entry_id)
        else:
            journal_entry_id = self.journal_entry_id

        payment_id: None | str | Unset
        if isinstance(self.payment_id, Unset):
            payment_id = UNSET
        elif isinstance(self.payment_id, UUID):
            payment_id = str(self.payment_id)
        else:
            payment_id = self.payment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "auto": auto,
                "bank_account_id": bank_account_id,
                "bank_total": bank_total,
                "bank_transaction_ids": bank_transaction_ids,
                "created_at": created_at,
                "date": date,
                "difference": difference,
                "id": id,
                "journal_lines": journal_lines,
                "kind": kind,
                "ledger_total": ledger_total,
            }
        )
        if difference_account_id is not UNSET:
            field_dict["difference_account_id"] = difference_account_id
        if journal_entry_id is not UNSET:
            field_dict["journal_entry_id"] = journal_entry_id
        if payment_id is not UNSET:
            field_dict["payment_id"] = payment_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.reconciled_line import ReconciledLine

        d = dict(src_dict)
        auto = d.pop("auto")

        bank_account_id = UUID(d.pop("bank_account_id"))

        bank_total = d.pop("bank_total")

        bank_transaction_ids = []
        _bank_transaction_ids = d.pop("bank_transaction_ids")
        for bank_transaction_ids_item_data in _bank_transaction_ids:
            bank_transaction_ids_item = UUID(bank_transaction_ids_item_data)

            bank_transaction_ids.append(bank_transaction_ids_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        date = datetime.date.fromisoformat(d.pop("date"))

        difference = d.pop("difference")

        id = UUID(d.pop("id"))

        journal_lines = []
        _journal_lines = d.pop("journal_lines")
        for journal_lines_item_data in _journal_lines:
            journal_lines_item = ReconciledLine.from_dict(journal_lines_item_data)

            journal_lines.append(journal_lines_item)

        kind = d.pop("kind")

        ledger_total = d.pop("ledger_total")

        def _parse_difference_account_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                difference_account_id_type_0 = UUID(data)

                return difference_account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        difference_account_id = _parse_difference_account_id(
            d.pop("difference_account_id", UNSET)
        )

        def _parse_journal_entry_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                journal_entry_id_type_0 = UUID(data)

                return journal_entry_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        journal_entry_id = _parse_journal_entry_id(d.pop("journal_entry_id", UNSET))

        def _parse_payment_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                payment_id_type_0 = UUID(data)

                return payment_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        payment_id = _parse_payment_id(d.pop("payment_id", UNSET))

        reconciliation_view = cls(
            auto=auto,
            bank_account_id=bank_account_id,
            bank_total=bank_total,
            bank_transaction_ids=bank_transaction_ids,
            created_at=created_at,
            date=date,
            difference=difference,
            id=id,
            journal_lines=journal_lines,
            kind=kind,
            ledger_total=ledger_total,
            difference_account_id=difference_account_id,
            journal_entry_id=journal_entry_id,
            payment_id=payment_id,
        )

        reconciliation_view.additional_properties = d
        return reconciliation_view

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
