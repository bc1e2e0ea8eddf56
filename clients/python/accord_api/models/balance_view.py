from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BalanceView")


@_attrs_define
class BalanceView:
    """
    Attributes:
        balance (str): Signed in the account's normal direction (assets and expenses: debits − credits). Example:
            1250.00.
        credit_total (str):  Example: 250.00.
        currency (str):  Example: USD.
        debit_total (str):  Example: 1500.00.
        ledger_account_id (UUID):
        as_of (datetime.date | None | Unset):
        base_balance (None | str | Unset):
        base_currency (None | str | Unset): For foreign-currency accounts: the balance in the base currency.
        from_ (datetime.date | None | Unset):
        to (datetime.date | None | Unset):
    """

    balance: str
    credit_total: str
    currency: str
    debit_total: str
    ledger_account_id: UUID
    as_of: datetime.date | None | Unset = UNSET
    base_balance: None | str | Unset = UNSET
    base_currency: None | str | Unset = UNSET
    from_: datetime.date | None | Unset = UNSET
    to: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        credit_total = self.credit_total

        currency = self.currency

        debit_total = self.debit_total

        ledger_account_id = str(self.ledger_account_id)

        as_of: None | str | Unset
        if isinstance(self.as_of, Unset):
            as_of = UNSET
        elif isinstance(self.as_of, datetime.date):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        base_balance: None | str | Unset
        if isinstance(self.base_balance, Unset):
            base_balance = UNSET
        else:
            base_balance = self.base_balance

        base_currency: None | str | Unset
        if isinstance(self.base_currency, Unset):
            base_currency = UNSET
        else:
            base_currency = self.base_currency

        from_: None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        elif isinstance(self.from_, datetime.date):
            from_ = self.from_.isoformat()
        else:
            from_ = self.from_

        to: None | str | Unset
        if isinstance(self.to, Unset):
            to = UNSET
        elif isinstance(self.to, datetime.date):
            to = self.to.isoformat()
        else:
            to = self.to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "balance": balance,
                "credit_total": credit_total,
                "currency": currency,
                "debit_total": debit_total,
                "ledger_account_id": ledger_account_id,
            }
        )
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if base_balance is not UNSET:
            field_dict["base_balance"] = base_balance
        if base_currency is not UNSET:
            field_dict["base_currency"] = base_currency
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        balance = d.pop("balance")

        credit_total = d.pop("credit_total")

        currency = d.pop("currency")

        debit_total = d.pop("debit_total")

        ledger_account_id = UUID(d.pop("ledger_account_id"))

        def _parse_as_of(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.date.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        as_of = _parse_as_of(d.pop("as_of", UNSET))

        def _parse_base_balance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base_balance = _parse_base_balance(d.pop("base_balance", UNSET))

        def _parse_base_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base_currency = _parse_base_currency(d.pop("base_currency", UNSET))

        def _parse_from_(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_type_0 = datetime.date.fromisoformat(data)

                return from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        def _parse_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_type_0 = datetime.date.fromisoformat(data)

                return to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        to = _parse_to(d.pop("to", UNSET))

        balance_view = cls(
            balance=balance,
            credit_total=credit_total,
            currency=currency,
            debit_total=debit_total,
            ledger_account_id=ledger_account_id,
            as_of=as_of,
            base_balance=base_balance,
            base_currency=base_currency,
            from_=from_,
            to=to,
        )

        balance_view.additional_properties = d
        return balance_view

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
