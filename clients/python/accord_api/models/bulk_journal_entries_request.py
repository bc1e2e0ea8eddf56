from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_journal_entry_request import CreateJournalEntryRequest


T = TypeVar("T", bound="BulkJournalEntriesRequest")


@_attrs_define
class BulkJournalEntriesRequest:
    """`POST /ledger/journal-entries/bulk`.

    Attributes:
        entries (list[CreateJournalEntryRequest]): 1 to 1,000 entries, each as `POST /ledger/journal-entries` takes it.
        atomic (bool | None | Unset): `true` (the default): all entries are posted or none, and a failure answers 422
            naming
            every error by its entry's index (`entries[3].lines[0].debit`). `false`: each entry is
            posted on its own and the answer is 200 with one result per entry.
    """

    entries: list[CreateJournalEntryRequest]
    atomic: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        atomic: bool | None | Unset
        if isinstance(self.atomic, Unset):
            atomic = UNSET
        else:
            atomic = self.atomic

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "entries": entries,
            }
        )
        if atomic is not UNSET:
            field_dict["atomic"] = atomic

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.create_journal_entry_request import CreateJournalEntryRequest

        d = dict(src_dict)
        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = CreateJournalEntryRequest.from_dict(entries_item_data)

            entries.append(entries_item)

        def _parse_atomic(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        atomic = _parse_atomic(d.pop("atomic", UNSET))

        bulk_journal_entries_request = cls(
            entries=entries,
            atomic=atomic,
        )

        return bulk_journal_entries_request
