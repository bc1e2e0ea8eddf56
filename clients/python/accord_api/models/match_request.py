from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MatchRequest")


@_attrs_define
class MatchRequest:
    """`POST /bank-transactions/{id}/match`: the one-line shorthand.

    Attributes:
        difference_account_id (None | Unset | UUID):
        journal_entry_id (None | Unset | UUID): An entry whose lines on the bank's ledger account are the ledger side.
        journal_line_ids (list[UUID] | Unset):
        payment_ids (list[UUID] | Unset):
    """

    difference_account_id: None | Unset | UUID = UNSET
    journal_entry_id: None | Unset | UUID = UNSET
    journal_line_ids: list[UUID] | Unset = UNSET
    payment_ids: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        field_dict.update({})
        if difference_account_id is not UNSET:
            field_dict["difference_account_id"] = difference_account_id
        if journal_entry_id is not UNSET:
            field_dict["journal_entry_id"] = journal_entry_id
        if journal_line_ids is not UNSET:
            field_dict["journal_line_ids"] = journal_line_ids
        if payment_ids is not UNSET:
            field_dict["payment_ids"] = payment_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

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

        match_request = cls(
            difference_account_id=difference_account_id,
            journal_entry_id=journal_entry_id,
            journal_line_ids=journal_line_ids,
            payment_ids=payment_ids,
        )

        return match_request
