from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_result_journal_entry_view_data_metadata import (
        BatchResultJournalEntryViewDataMetadata,
    )
    from ..models.journal_line_view import JournalLineView


T = TypeVar("T", bound="BatchResultJournalEntryViewData")


@_attrs_define
class BatchResultJournalEntryViewData:
    """
    Attributes:
        created_by (UUID):
        date (datetime.date):
        description (str):
        id (UUID):
        lines (list[JournalLineView]):
        metadata (BatchResultJournalEntryViewDataMetadata):
        posted_at (datetime.datetime):
        source (str): `manual`, `opening`, `reversal`, or the document kind that posted it.
        reference (None | str | Unset):
        reversal_reason (None | str | Unset):
        reversed_by_entry_id (None | Unset | UUID):
        reverses_entry_id (None | Unset | UUID):
        source_id (None | Unset | UUID):
    """

    created_by: UUID
    date: datetime.date
    description: str
    id: UUID
    lines: list[JournalLineView]
    metadata: BatchResultJournalEntryViewDataMetadata
    posted_at: datetime.datetime
    source: str
    reference: None | str | Unset = UNSET
    reversal_reason: None | str | Unset = UNSET
    reversed_by_entry_id: None | Unset | UUID = UNSET
    reverses_entry_id: None | Unset | UUID = UNSET
    source_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_by = str(self.created_by)

        date = self.date.isoformat()

        description = self.description

        id = str(self.id)

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        metadata = self.metadata.to_dict()

        posted_at = self.posted_at.isoformat()

        source = self.source

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        reversal_reason: None | str | Unset
        if isinstance(self.reversal_reason, Unset):
            reversal_reason = UNSET
        else:
            reversal_reason = self.reversal_reason

        reversed_by_entry_id: None | str | Unset
        if isinstance(self.reversed_by_entry_id, Unset):
            reversed_by_entry_id = UNSET
        elif isinstance(self.reversed_by_entry_id, UUID):
            reversed_by_entry_id = str(self.reversed_by_entry_id)
        else:
            reversed_by_entry_id = self.reversed_by_entry_id

        reverses_entry_id: None | str | Unset
        if isinstance(self.reverses_entry_id, Unset):
            reverses_entry_id = UNSET
        elif isinstance(self.reverses_entry_id, UUID):
            reverses_entry_id = str(self.reverses_entry_id)
        else:
            reverses_entry_id = self.reverses_entry_id

        source_id: None | str | Unset
        if isinstance(self.source_id, Unset):
            source_id = UNSET
        elif isinstance(self.source_id, UUID):
            source_id = str(self.source_id)
        else:
            source_id = self.source_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_by": created_by,
                "date": date,
                "description": description,
                "id": id,
                "lines": lines,
                "metadata": metadata,
                "posted_at": posted_at,
                "source": source,
            }
        )
        if reference is not UNSET:
            field_dict["reference"] = reference
        if reversal_reason is not UNSET:
            field_dict["reversal_reason"] = reversal_reason
        if reversed_by_entry_id is not UNSET:
            field_dict["reversed_by_entry_id"] = reversed_by_entry_id
        if reverses_entry_id is not UNSET:
            field_dict["reverses_entry_id"] = reverses_entry_id
        if source_id is not UNSET:
            field_dict["source_id"] = source_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.batch_result_journal_entry_view_data_metadata import (
            BatchResultJournalEntryViewDataMetadata,
        )
        from ..models.journal_line_view import JournalLineView

        d = dict(src_dict)
        created_by = UUID(d.pop("created_by"))

        date = datetime.date.fromisoformat(d.pop("date"))

        description = d.pop("description")

        id = UUID(d.pop("id"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = JournalLineView.from_dict(lines_item_data)

            lines.append(lines_item)

        metadata = BatchResultJournalEntryViewDataMetadata.from_dict(d.pop("metadata"))

        posted_at = datetime.datetime.fromisoformat(d.pop("posted_at"))

        source = d.pop("source")

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_reversal_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reversal_reason = _parse_reversal_reason(d.pop("reversal_reason", UNSET))

        def _parse_reversed_by_entry_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reversed_by_entry_id_type_0 = UUID(data)

                return reversed_by_entry_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        reversed_by_entry_id = _parse_reversed_by_entry_id(
            d.pop("reversed_by_entry_id", UNSET)
        )

        def _parse_reverses_entry_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reverses_entry_id_type_0 = UUID(data)

                return reverses_entry_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        reverses_entry_id = _parse_reverses_entry_id(d.pop("reverses_entry_id", UNSET))

        def _parse_source_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_id_type_0 = UUID(data)

                return source_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        source_id = _parse_source_id(d.pop("source_id", UNSET))

        batch_result_journal_entry_view_data = cls(
            created_by=created_by,
            date=date,
            description=description,
            id=id,
            lines=lines,
            metadata=metadata,
            posted_at=posted_at,
            source=source,
            reference=reference,
            reversal_reason=reversal_reason,
            reversed_by_entry_id=reversed_by_entry_id,
            reverses_entry_id=reverses_entry_id,
            source_id=source_id,
        )

        batch_result_journal_entry_view_data.additional_properties = d
        return batch_result_journal_entry_view_data

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
