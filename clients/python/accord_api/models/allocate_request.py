from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.allocation_request import AllocationRequest


T = TypeVar("T", bound="AllocateRequest")


@_attrs_define
class AllocateRequest:
    """
    Attributes:
        allocations (list[AllocationRequest]):
    """

    allocations: list[AllocationRequest]

    def to_dict(self) -> dict[str, Any]:
        allocations = []
        for allocations_item_data in self.allocations:
            allocations_item = allocations_item_data.to_dict()
            allocations.append(allocations_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "allocations": allocations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.allocation_request import AllocationRequest

        d = dict(src_dict)
        allocations = []
        _allocations = d.pop("allocations")
        for allocations_item_data in _allocations:
            allocations_item = AllocationRequest.from_dict(allocations_item_data)

            allocations.append(allocations_item)

        allocate_request = cls(
            allocations=allocations,
        )

        return allocate_request
