from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.performance_row import PerformanceRow
    from ..models.rate_used import RateUsed
    from ..models.unconverted import Unconverted


T = TypeVar("T", bound="PerformanceReport")


@_attrs_define
class PerformanceReport:
    """
    Attributes:
        currency (str):
        exchange_rates (list[RateUsed]): The rates opportunities in other currencies were converted at (the
            organization's
            rate in force on `to`).
        from_ (datetime.date):
        managers (list[PerformanceRow]):
        teams (list[PerformanceRow]):
        to (datetime.date):
        unconverted (list[Unconverted]): Opportunities that count in the period but have no rate by `to`: in no figure.
    """

    currency: str
    exchange_rates: list[RateUsed]
    from_: datetime.date
    managers: list[PerformanceRow]
    teams: list[PerformanceRow]
    to: datetime.date
    unconverted: list[Unconverted]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        exchange_rates = []
        for exchange_rates_item_data in self.exchange_rates:
            exchange_rates_item = exchange_rates_item_data.to_dict()
            exchange_rates.append(exchange_rates_item)

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

        unconverted = []
        for unconverted_item_data in self.unconverted:
            unconverted_item = unconverted_item_data.to_dict()
            unconverted.append(unconverted_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "exchange_rates": exchange_rates,
                "from": from_,
                "managers": managers,
                "teams": teams,
                "to": to,
                "unconverted": unconverted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.performance_row import PerformanceRow
        from ..models.rate_used import RateUsed
        from ..models.unconverted import Unconverted

        d = dict(src_dict)
        currency = d.pop("currency")

        exchange_rates = []
        _exchange_rates = d.pop("exchange_rates")
        for exchange_rates_item_data in _exchange_rates:
            exchange_rates_item = RateUsed.from_dict(exchange_rates_item_data)

            exchange_rates.append(exchange_rates_item)

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

        unconverted = []
        _unconverted = d.pop("unconverted")
        for unconverted_item_data in _unconverted:
            unconverted_item = Unconverted.from_dict(unconverted_item_data)

            unconverted.append(unconverted_item)

        performance_report = cls(
            currency=currency,
            exchange_rates=exchange_rates,
            from_=from_,
            managers=managers,
            teams=teams,
            to=to,
            unconverted=unconverted,
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
