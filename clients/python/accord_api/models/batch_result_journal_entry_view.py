from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_result_journal_entry_view_data import (
        BatchResultJournalEntryViewData,
    )
    from ..models.problem import Problem


T = TypeVar("T", bound="BatchResultJournalEntryView")


@_attrs_define
class BatchResultJournalEntryView:
    """What became of one item of a batch.

    Attributes:
        index (int): The item's index in the request's list.
        status (int): 201 when created; otherwise the status the item alone would have been answered with.
        data (BatchResultJournalEntryViewData | Unset):
        problem (None | Problem | Unset):
    """

    index: int
    status: int
    data: BatchResultJournalEntryViewData | Unset = UNSET
    problem: None | Problem | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.problem import Problem

        index = self.index

        status = self.status

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        problem: dict[str, Any] | None | Unset
        if isinstance(self.problem, Unset):
            problem = UNSET
        elif isinstance(self.problem, Problem):
            problem = self.problem.to_dict()
        else:
            problem = self.problem

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "status": status,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data
        if problem is not UNSET:
            field_dict["problem"] = problem

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.batch_result_journal_entry_view_data import (
            BatchResultJournalEntryViewData,
        )
        from ..models.problem import Problem

        d = dict(src_dict)
        index = d.pop("index")

        status = d.pop("status")

        _data = d.pop("data", UNSET)
        data: BatchResultJournalEntryViewData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = BatchResultJournalEntryViewData.from_dict(_data)

        def _parse_problem(data: object) -> None | Problem | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                problem_type_1 = Problem.from_dict(data)

                return problem_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Problem | Unset, data)

        problem = _parse_problem(d.pop("problem", UNSET))

        batch_result_journal_entry_view = cls(
            index=index,
            status=status,
            data=data,
            problem=problem,
        )

        batch_result_journal_entry_view.additional_properties = d
        return batch_result_journal_entry_view

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
