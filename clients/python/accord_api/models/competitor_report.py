from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.competitor_figures import CompetitorFigures
    from ..models.rate_used import RateUsed
    from ..models.unconverted import Unconverted


T = TypeVar("T", bound="CompetitorReport")


@_attrs_define
class CompetitorReport:
    """
    Attributes:
        competitors (list[CompetitorFigures]):
        currency (str): The base currency of the amounts.
        exchange_rates (list[RateUsed]): The rates opportunities in other currencies were converted at (in force on
            `to`).
        from_ (datetime.date):
        to (datetime.date):
        unconverted (list[Unconverted]): Opportunities that count in the period but have no rate by `to`: in no amount.
    """

    competitors: list[CompetitorFigures]
    currency: str
    exchange_rates: list[RateUsed]
    from_: datetime.date
    to: datetime.date
    unconverted: list[Unconverted]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        competitors = []
        for competitors_item_data in self.competitors:
            competitors_item = competitors_item_data.to_dict()
            competitors.append(competitors_item)

        currency = self.currency

        exchange_rates = []
        for exchange_rates_item_data in self.exchange_rates:
            exchange_rates_item = exchange_rates_item_data.to_dict()
            exchange_rates.append(exchange_rates_item)

        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        unconverted = []
        for unconverted_item_data in self.unconverted:
            unconverted_item = unconverted_item_data.to_dict()
            unconverted.append(unconverted_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "competitors": competitors,
                "currency": currency,
                "exchange_rates": exchange_rates,
                "from": from_,
                "to": to,
                "unconverted": unconverted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.competitor_figures import CompetitorFigures
        from ..models.rate_used import RateUsed
        from ..models.unconverted import Unconverted

        d = dict(src_dict)
        competitors = []
        _competitors = d.pop("competitors")
        for competitors_item_data in _competitors:
            competitors_item = CompetitorFigures.from_dict(competitors_item_data)

            competitors.append(competitors_item)

        currency = d.pop("currency")

        exchange_rates = []
        _exchange_rates = d.pop("exchange_rates")
        for exchange_rates_item_data in _exchange_rates:
            exchange_rates_item = RateUsed.from_dict(exchange_rates_item_data)

            exchange_rates.append(exchange_rates_item)

        from_ = datetime.date.fromisoformat(d.pop("from"))

        to = datetime.date.fromisoformat(d.pop("to"))

        unconverted = []
        _unconverted = d.pop("unconverted")
        for unconverted_item_data in _unconverted:
            unconverted_item = Unconverted.from_dict(unconverted_item_data)

            unconverted.append(unconverted_item)

        competitor_report = cls(
            competitors=competitors,
            currency=currency,
            exchange_rates=exchange_rates,
            from_=from_,
            to=to,
            unconverted=unconverted,
        )

        competitor_report.additional_properties = d
        return competitor_report

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
