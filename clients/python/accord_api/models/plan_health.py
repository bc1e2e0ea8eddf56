from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.objectives_by_status import ObjectivesByStatus


T = TypeVar("T", bound="PlanHealth")


@_attrs_define
class PlanHealth:
    """A plan's own health, computed on read.

    Attributes:
        objectives_by_status (ObjectivesByStatus): How many of a plan's objectives are in each status.
        review_overdue (bool): Whether the next review was due before today.
        score (int): The plan's score (0-100) as the account-health factor `account_plan` reads it:
            objectives on track or achieved full marks, at risk half, off track none (dropped ones
            do not count), less points while the review is overdue.
        stakeholder_gaps (int): Stakeholders whose contact has left the client (or was deleted).
        stakeholders (int):
    """

    objectives_by_status: ObjectivesByStatus
    review_overdue: bool
    score: int
    stakeholder_gaps: int
    stakeholders: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        objectives_by_status = self.objectives_by_status.to_dict()

        review_overdue = self.review_overdue

        score = self.score

        stakeholder_gaps = self.stakeholder_gaps

        stakeholders = self.stakeholders

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "objectives_by_status": objectives_by_status,
                "review_overdue": review_overdue,
                "score": score,
                "stakeholder_gaps": stakeholder_gaps,
                "stakeholders": stakeholders,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.objectives_by_status import ObjectivesByStatus

        d = dict(src_dict)
        objectives_by_status = ObjectivesByStatus.from_dict(
            d.pop("objectives_by_status")
        )

        review_overdue = d.pop("review_overdue")

        score = d.pop("score")

        stakeholder_gaps = d.pop("stakeholder_gaps")

        stakeholders = d.pop("stakeholders")

        plan_health = cls(
            objectives_by_status=objectives_by_status,
            review_overdue=review_overdue,
            score=score,
            stakeholder_gaps=stakeholder_gaps,
            stakeholders=stakeholders,
        )

        plan_health.additional_properties = d
        return plan_health

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
