from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.cash_position_row import CashPositionRow


T = TypeVar("T", bound="CashPosition")


@_attrs_define
class CashPosition:
    """
    Attributes:
        accounts (list[CashPositionRow]):
        as_of (datetime.date):
        currency (str): The organization's base currency (each row is in its account's own currency).
    """

    accounts: list[CashPositionRow]
    as_of: datetime.date
    currency: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts = []
        for accounts_item_data in self.accounts:
            accounts_item = accounts_item_data.to_dict()
            accounts.append(accounts_item)

        as_of = self.as_of.isoformat()

        currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accounts": accounts,
                "as_of": as_of,
                "currency": currency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.cash_position_row import CashPositionRow

        d = dict(src_dict)
        accounts = []
        _accounts = d.pop("accounts")
        for accounts_item_data in _accounts:
            accounts_item = CashPositionRow.from_dict(accounts_item_data)

            accounts.append(accounts_item)

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        currency = d.pop("currency")

        cash_position = cls(
            accounts=accounts,
            as_of=as_of,
            currency=currency,
        )

        cash_position.additional_properties = d
        return cash_position

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
