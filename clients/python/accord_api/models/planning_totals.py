from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.objectives_by_status import ObjectivesByStatus


T = TypeVar("T", bound="PlanningTotals")


@_attrs_define
class PlanningTotals:
    """Counts over a set of accounts.

    Attributes:
        accounts (int):
        objectives_by_status (ObjectivesByStatus): How many of a plan's objectives are in each status.
        reviews_overdue (int):
        with_plan (int):
        without_plan (int):
    """

    accounts: int
    objectives_by_status: ObjectivesByStatus
    reviews_overdue: int
    with_plan: int
    without_plan: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts = self.accounts

        objectives_by_status = self.objectives_by_status.to_dict()

        reviews_overdue = self.reviews_overdue

        with_plan = self.with_plan

        without_plan = self.without_plan

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accounts": accounts,
                "objectives_by_status": objectives_by_status,
                "reviews_overdue": reviews_overdue,
                "with_plan": with_plan,
                "without_plan": without_plan,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.objectives_by_status import ObjectivesByStatus

        d = dict(src_dict)
        accounts = d.pop("accounts")

        objectives_by_status = ObjectivesByStatus.from_dict(
            d.pop("objectives_by_status")
        )

        reviews_overdue = d.pop("reviews_overdue")

        with_plan = d.pop("with_plan")

        without_plan = d.pop("without_plan")

        planning_totals = cls(
            accounts=accounts,
            objectives_by_status=objectives_by_status,
            reviews_overdue=reviews_overdue,
            with_plan=with_plan,
            without_plan=without_plan,
        )

        planning_totals.additional_properties = d
        return planning_totals

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
