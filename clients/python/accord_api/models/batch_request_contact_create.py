from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.batch_request_contact_create_records_item import (
        BatchRequestContactCreateRecordsItem,
    )


T = TypeVar("T", bound="BatchRequestContactCreate")


@_attrs_define
class BatchRequestContactCreate:
    """`POST /{collection}/batch`: the records, each as the single create takes it.

    Attributes:
        records (list[BatchRequestContactCreateRecordsItem]): 1 to 100 records, each the body of the collection's single
            `POST`.
    """

    records: list[BatchRequestContactCreateRecordsItem]

    def to_dict(self) -> dict[str, Any]:
        records = []
        for records_item_data in self.records:
            records_item = records_item_data.to_dict()
            records.append(records_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "records": records,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.batch_request_contact_create_records_item import (
            BatchRequestContactCreateRecordsItem,
        )

        d = dict(src_dict)
        records = []
        _records = d.pop("records")
        for records_item_data in _records:
            records_item = BatchRequestContactCreateRecordsItem.from_dict(
                records_item_data
            )

            records.append(records_item)

        batch_request_contact_create = cls(
            records=records,
        )

        return batch_request_contact_create
