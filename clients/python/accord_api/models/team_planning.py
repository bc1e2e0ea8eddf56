from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.objectives_by_status import ObjectivesByStatus


T = TypeVar("T", bound="TeamPlanning")


@_attrs_define
class TeamPlanning:
    """The counts of one team's accounts (`team_id` null: accounts without a team).

    Attributes:
        accounts (int):
        objectives_by_status (ObjectivesByStatus): How many of a plan's objectives are in each status.
        reviews_overdue (int):
        with_plan (int):
        without_plan (int):
        team_id (None | Unset | UUID):
    """

    accounts: int
    objectives_by_status: ObjectivesByStatus
    reviews_overdue: int
    with_plan: int
    without_plan: int
    team_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts = self.accounts

        objectives_by_status = self.objectives_by_status.to_dict()

        reviews_overdue = self.reviews_overdue

        with_plan = self.with_plan

        without_plan = self.without_plan

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
                "accounts": accounts,
                "objectives_by_status": objectives_by_status,
                "reviews_overdue": reviews_overdue,
                "with_plan": with_plan,
                "without_plan": without_plan,
            }
        )
        if team_id is not UNSET:
            field_dict["team_id"] = team_id

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

        team_planning = cls(
            accounts=accounts,
            objectives_by_status=objectives_by_status,
            reviews_overdue=reviews_overdue,
            with_plan=with_plan,
            without_plan=without_plan,
            team_id=team_id,
        )

        team_planning.additional_properties = d
        return team_planning

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
