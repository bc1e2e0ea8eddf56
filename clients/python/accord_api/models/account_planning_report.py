from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.owner_planning import OwnerPlanning
    from ..models.planning_row import PlanningRow
    from ..models.planning_totals import PlanningTotals
    from ..models.team_planning import TeamPlanning


T = TypeVar("T", bound="AccountPlanningReport")


@_attrs_define
class AccountPlanningReport:
    """
    Attributes:
        accounts (list[PlanningRow]):
        as_of (datetime.date):
        owners (list[OwnerPlanning]):
        teams (list[TeamPlanning]):
        totals (PlanningTotals): Counts over a set of accounts.
    """

    accounts: list[PlanningRow]
    as_of: datetime.date
    owners: list[OwnerPlanning]
    teams: list[TeamPlanning]
    totals: PlanningTotals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts = []
        for accounts_item_data in self.accounts:
            accounts_item = accounts_item_data.to_dict()
            accounts.append(accounts_item)

        as_of = self.as_of.isoformat()

        owners = []
        for owners_item_data in self.owners:
            owners_item = owners_item_data.to_dict()
            owners.append(owners_item)

        teams = []
        for teams_item_data in self.teams:
            teams_item = teams_item_data.to_dict()
            teams.append(teams_item)

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accounts": accounts,
                "as_of": as_of,
                "owners": owners,
                "teams": teams,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.owner_planning import OwnerPlanning
        from ..models.planning_row import PlanningRow
        from ..models.planning_totals import PlanningTotals
        from ..models.team_planning import TeamPlanning

        d = dict(src_dict)
        accounts = []
        _accounts = d.pop("accounts")
        for accounts_item_data in _accounts:
            accounts_item = PlanningRow.from_dict(accounts_item_data)

            accounts.append(accounts_item)

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        owners = []
        _owners = d.pop("owners")
        for owners_item_data in _owners:
            owners_item = OwnerPlanning.from_dict(owners_item_data)

            owners.append(owners_item)

        teams = []
        _teams = d.pop("teams")
        for teams_item_data in _teams:
            teams_item = TeamPlanning.from_dict(teams_item_data)

            teams.append(teams_item)

        totals = PlanningTotals.from_dict(d.pop("totals"))

        account_planning_report = cls(
            accounts=accounts,
            as_of=as_of,
            owners=owners,
            teams=teams,
            totals=totals,
        )

        account_planning_report.additional_properties = d
        return account_planning_report

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
