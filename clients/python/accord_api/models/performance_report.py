from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.performance_row import PerformanceRow


T = TypeVar("T", bound="PerformanceReport")


@_attrs_define
class PerformanceReport:
    """
    Attributes:
        currency (str):
        from_ (datetime.date):
        managers (list[PerformanceRow]):
        teams (list[PerformanceRow]):
        to (datetime.date):
    """

    currency: str
    from_: datetime.date
    managers: list[PerformanceRow]
    teams: list[PerformanceRow]
    to: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        from_ = self.from_.isoformat()

        managers = []
        for managers_item_data in self.managers:
            managers_item = managers_item_data.to_dict()
            managers.append(managers_item)

        teams = []
        for teams_item_data in self.teams:
            teams_item = teams_item_data.to_dict()
            teams.append(teams_item)

        to = self.to.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "from": from_,
                "managers": managers,
                "teams": teams,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.performance_row import PerformanceRow

        d = dict(src_dict)
        currency = d.pop("currency")

        from_ = datetime.date.fromisoformat(d.pop("from"))

        managers = []
        _managers = d.pop("managers")
        for managers_item_data in _managers:
            managers_item = PerformanceRow.from_dict(managers_item_data)

            managers.append(managers_item)

        teams = []
        _teams = d.pop("teams")
        for teams_item_data in _teams:
            teams_item = PerformanceRow.from_dict(teams_item_data)

            teams.append(teams_item)

        to = datetime.date.fromisoformat(d.pop("to"))

        performance_report = cls(
            currency=currency,
            from_=from_,
            managers=managers,
            teams=teams,
            to=to,
        )

        performance_report.additional_properties = d
        return performance_report

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
