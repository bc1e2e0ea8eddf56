from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.manual_source import ManualSource
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_journal_entry_request_metadata_type_0 import (
        CreateJournalEntryRequestMetadataType0,
    )
    from ..models.journal_line_request import JournalLineRequest


T = TypeVar("T", bound="CreateJournalEntryRequest")


@_attrs_define
class CreateJournalEntryRequest:
    """
    Attributes:
        date (datetime.date):
        lines (list[JournalLineRequest]):
        description (None | str | Unset):  Example: Office rent, March.
        metadata (CreateJournalEntryRequestMetadataType0 | None | Unset): Free-form JSON object kept with the entry.
        reference (None | str | Unset):
        source (ManualSource | None | Unset):
    """

    date: datetime.date
    lines: list[JournalLineRequest]
    description: None | str | Unset = UNSET
    metadata: CreateJournalEntryRequestMetadataType0 | None | Unset = UNSET
    reference: None | str | Unset = UNSET
    source: ManualSource | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.create_journal_entry_request_metadata_type_0 import (
            CreateJournalEntryRequestMetadataType0,
        )

        date = self.date.isoformat()

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, CreateJournalEntryRequestMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, ManualSource):
            source = self.source.value
        else:
            source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "date": date,
                "lines": lines,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if reference is not UNSET:
            field_dict["reference"] = reference
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.create_journal_entry_request_metadata_type_0 import (
            CreateJournalEntryRequestMetadataType0,
        )
        from ..models.journal_line_request import JournalLineRequest

        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = JournalLineRequest.from_dict(lines_item_data)

            lines.append(lines_item)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_metadata(
            data: object,
        ) -> CreateJournalEntryRequestMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = CreateJournalEntryRequestMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateJournalEntryRequestMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_source(data: object) -> ManualSource | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_type_1 = ManualSource(data)

                return source_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ManualSource | None | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        create_journal_entry_request = cls(
            date=date,
            lines=lines,
            description=description,
            metadata=metadata,
            reference=reference,
            source=source,
        )

        return create_journal_entry_request
