from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReconciliationRequest")


@_attrs_define
class ReconciliationRequest:
    """`POST /bank-reconciliations`.

    Attributes:
        bank_transaction_ids (list[UUID]): The bank lines (one or more, of one bank account).
        difference_account_id (None | Unset | UUID): Where a difference between the two sides is written off (bank fees,
            say); without
            it the sides must agree exactly.
        journal_line_ids (list[UUID] | Unset): Lines of the bank's ledger account (`JournalLineView.id`).
        payment_ids (list[UUID] | Unset): Payments through that bank account.
    """

    bank_transaction_ids: list[UUID]
    difference_account_id: None | Unset | UUID = UNSET
    journal_line_ids: list[UUID] | Unset = UNSET
    payment_ids: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        bank_transaction_ids = []
        for bank_transaction_ids_item_data in self.bank_transaction_ids:
            bank_transaction_ids_item = str(bank_transaction_ids_item_data)
            bank_transaction_ids.append(bank_transaction_ids_item)

        difference_account_id: None | str | Unset
        if isinstance(self.difference_account_id, Unset):
            difference_account_id = UNSET
        elif isinstance(self.difference_account_id, UUID):
            difference_account_id = str(self.difference_account_id)
        else:
            difference_account_id = self.difference_account_id

        journal_line_ids: list[str] | Unset = UNSET
        if not isinstance(self.journal_line_ids, Unset):
            journal_line_ids = []
            for journal_line_ids_item_data in self.journal_line_ids:
                journal_line_ids_item = str(journal_line_ids_item_data)
                journal_line_ids.append(journal_line_ids_item)

        payment_ids: list[str] | Unset = UNSET
        if not isinstance(self.payment_ids, Unset):
            payment_ids = []
            for payment_ids_item_data in self.payment_ids:
                payment_ids_item = str(payment_ids_item_data)
                payment_ids.append(payment_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "bank_transaction_ids": bank_transaction_ids,
            }
        )
        if difference_account_id is not UNSET:
            field_dict["difference_account_id"] = difference_account_id
        if journal_line_ids is not UNSET:
            field_dict["journal_line_ids"] = journal_line_ids
        if payment_ids is not UNSET:
            field_dict["payment_ids"] = payment_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bank_transaction_ids = []
        _bank_transaction_ids = d.pop("bank_transaction_ids")
        for bank_transaction_ids_item_data in _bank_transaction_ids:
            bank_transaction_ids_item = UUID(bank_transaction_ids_item_data)

            bank_transaction_ids.append(bank_transaction_ids_item)

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

        _journal_line_ids = d.pop("journal_line_ids", UNSET)
        journal_line_ids: list[UUID] | Unset = UNSET
        if _journal_line_ids is not UNSET:
            journal_line_ids = []
            for journal_line_ids_item_data in _journal_line_ids:
                journal_line_ids_item = UUID(journal_line_ids_item_data)

                journal_line_ids.append(journal_line_ids_item)

        _payment_ids = d.pop("payment_ids", UNSET)
        payment_ids: list[UUID] | Unset = UNSET
        if _payment_ids is not UNSET:
            payment_ids = []
            for payment_ids_item_data in _payment_ids:
                payment_ids_item = UUID(payment_ids_item_data)

                payment_ids.append(payment_ids_item)

        reconciliation_request = cls(
            bank_transaction_ids=bank_transaction_ids,
            difference_account_id=difference_account_id,
            journal_line_ids=journal_line_ids,
            payment_ids=payment_ids,
        )

        return reconciliation_request
