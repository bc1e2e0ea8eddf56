from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CompetitorFigures")


@_attrs_define
class CompetitorFigures:
    """
    Attributes:
        accounts_churned (int): Accounts churned to this competitor in the period.
        churned_account_ids (list[UUID]):
        competitor_id (UUID):
        lost_amount (str):  Example: 1000.00.
        lost_count (int): Opportunities closed lost to this competitor in the period.
        name (str):
        won_amount (str):  Example: 1000.00.
        won_count (int): Opportunities closed won in the period on accounts that list this competitor.
        win_rate (None | str | Unset): won ÷ (won + lost), four places; null when neither. Example: 0.5000.
    """

    accounts_churned: int
    churned_account_ids: list[UUID]
    competitor_id: UUID
    lost_amount: str
    lost_count: int
    name: str
    won_amount: str
    won_count: int
    win_rate: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts_churned = self.accounts_churned

        churned_account_ids = []
        for churned_account_ids_item_data in self.churned_account_ids:
            churned_account_ids_item = str(churned_account_ids_item_data)
            churned_account_ids.append(churned_account_ids_item)

        competitor_id = str(self.competitor_id)

        lost_amount = self.lost_amount

        lost_count = self.lost_count

        name = self.name

        won_amount = self.won_amount

        won_count = self.won_count

        win_rate: None | str | Unset
        if isinstance(self.win_rate, Unset):
            win_rate = UNSET
        else:
            win_rate = self.win_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accounts_churned": accounts_churned,
                "churned_account_ids": churned_account_ids,
                "competitor_id": competitor_id,
                "lost_amount": lost_amount,
                "lost_count": lost_count,
                "name": name,
                "won_amount": won_amount,
                "won_count": won_count,
            }
        )
        if win_rate is not UNSET:
            field_dict["win_rate"] = win_rate

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        accounts_churned = d.pop("accounts_churned")

        churned_account_ids = []
        _churned_account_ids = d.pop("churned_account_ids")
        for churned_account_ids_item_data in _churned_account_ids:
            churned_account_ids_item = UUID(churned_account_ids_item_data)

            churned_account_ids.append(churned_account_ids_item)

        competitor_id = UUID(d.pop("competitor_id"))

        lost_amount = d.pop("lost_amount")

        lost_count = d.pop("lost_count")

        name = d.pop("name")

        won_amount = d.pop("won_amount")

        won_count = d.pop("won_count")

        def _parse_win_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        win_rate = _parse_win_rate(d.pop("win_rate", UNSET))

        competitor_figures = cls(
            accounts_churned=accounts_churned,
            churned_account_ids=churned_account_ids,
            competitor_id=competitor_id,
            lost_amount=lost_amount,
            lost_count=lost_count,
            name=name,
            won_amount=won_amount,
            won_count=won_count,
            win_rate=win_rate,
        )

        competitor_figures.additional_properties = d
        return competitor_figures

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
