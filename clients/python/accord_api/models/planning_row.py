from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tier import Tier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.objectives_by_status import ObjectivesByStatus


T = TypeVar("T", bound="PlanningRow")


@_attrs_define
class PlanningRow:
    """One key or strategic account and its plan in force.

    Attributes:
        account_id (UUID):
        name (str):
        objectives_by_status (ObjectivesByStatus): How many of a plan's objectives are in each status.
        review_overdue (bool): Whether that plan's next review was due before `as_of`.
        tier (Tier): How much the account matters; sets the default check-in cadence.
        owner_id (None | Unset | UUID):
        plan_id (None | Unset | UUID): The plan in force on `as_of` (active, its period covering the day); null when
            none.
        team_id (None | Unset | UUID):
    """

    account_id: UUID
    name: str
    objectives_by_status: ObjectivesByStatus
    review_overdue: bool
    tier: Tier
    owner_id: None | Unset | UUID = UNSET
    plan_id: None | Unset | UUID = UNSET
    team_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        name = self.name

        objectives_by_status = self.objectives_by_status.to_dict()

        review_overdue = self.review_overdue

        tier = self.tier.value

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        plan_id: None | str | Unset
        if isinstance(self.plan_id, Unset):
            plan_id = UNSET
        elif isinstance(self.plan_id, UUID):
            plan_id = str(self.plan_id)
        else:
            plan_id = self.plan_id

        team_id: None | str | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        elif isinstance(self.team_id, UUID):
            team_id = str(self.team_id)
        else:
            team_id = self.team_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "name": name,
                "objectives_by_status": objectives_by_status,
                "review_overdue": review_overdue,
                "tier": tier,
            }
        )
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if plan_id is not UNSET:
            field_dict["plan_id"] = plan_id
        if team_id is not UNSET:
            field_dict["team_id"] = team_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.objectives_by_status import ObjectivesByStatus

        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        name = d.pop("name")

        objectives_by_status = ObjectivesByStatus.from_dict(
            d.pop("objectives_by_status")
        )

        review_overdue = d.pop("review_overdue")

        tier = Tier(d.pop("tier"))

        def _parse_owner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_id_type_0 = UUID(data)

                return owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        def _parse_plan_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plan_id_type_0 = UUID(data)

                return plan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        plan_id = _parse_plan_id(d.pop("plan_id", UNSET))

        def _parse_team_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                team_id_type_0 = UUID(data)

                return team_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        team_id = _parse_team_id(d.pop("team_id", UNSET))

        planning_row = cls(
            account_id=account_id,
            name=name,
            objectives_by_status=objectives_by_status,
            review_overdue=review_overdue,
            tier=tier,
            owner_id=owner_id,
            plan_id=plan_id,
            team_id=team_id,
        )

        planning_row.additional_properties = d
        return planning_row

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
