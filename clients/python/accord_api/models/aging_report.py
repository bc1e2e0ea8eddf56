from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.aging_buckets import AgingBuckets
    from ..models.aging_row import AgingRow


T = TypeVar("T", bound="AgingReport")


@_attrs_define
class AgingReport:
    """
    Attributes:
        accounts (list[AgingRow]):
        as_of (datetime.date):  Example: 2026-11-30.
        currency (str): The base currency: every amount is in it. Example: USD.
        ledger_account_id (UUID): The control account the (unfiltered) totals tie to.
        totals (AgingBuckets):
    """

    accounts: list[AgingRow]
    as_of: datetime.date
    currency: str
    ledger_account_id: UUID
    totals: AgingBuckets
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts = []
        for accounts_item_data in self.accounts:
            accounts_item = accounts_item_data.to_dict()
            accounts.append(accounts_item)

        as_of = self.as_of.isoformat()

        currency = self.currency

        ledger_account_id = str(self.ledger_account_id)

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accounts": accounts,
                "as_of": as_of,
                "currency": currency,
                "ledger_account_id": ledger_account_id,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.aging_buckets import AgingBuckets
        from ..models.aging_row import AgingRow

        d = dict(src_dict)
        accounts = []
        _accounts = d.pop("accounts")
        for accounts_item_data in _accounts:
            accounts_item = AgingRow.from_dict(accounts_item_data)

            accounts.append(accounts_item)

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        currency = d.pop("currency")

        ledger_account_id = UUID(d.pop("ledger_account_id"))

        totals = AgingBuckets.from_dict(d.pop("totals"))

        aging_report = cls(
            accounts=accounts,
            as_of=as_of,
            currency=currency,
            ledger_account_id=ledger_account_id,
            totals=totals,
        )

        aging_report.additional_properties = d
        return aging_report

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
