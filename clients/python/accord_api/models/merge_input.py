from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="MergeInput")


@_attrs_define
class MergeInput:
    """
    Attributes:
        duplicate_id (UUID):
    """

    duplicate_id: UUID

    def to_dict(self) -> dict[str, Any]:
        duplicate_id = str(self.duplicate_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "duplicate_id": duplicate_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        duplicate_id = UUID(d.pop("duplicate_id"))

        merge_input = cls(
            duplicate_id=duplicate_id,
        )

        return merge_input
