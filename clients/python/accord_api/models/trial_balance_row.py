from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_type import AccountType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TrialBalanceRow")


@_attrs_define
class TrialBalanceRow:
    """
    Attributes:
        code (str):
        credit (str):  Example: 0.00.
        currency (str): The account's own currency.
        debit (str): Base currency; one of debit and credit is zero. Example: 1500.00.
        ledger_account_id (UUID):
        name (str):
        type_ (AccountType):
        balance_in_currency (None | str | Unset): For foreign-currency accounts: the balance in their own currency
            (debit − credit).
    """

    code: str
    credit: str
    currency: str
    debit: str
    ledger_account_id: UUID
    name: str
    type_: AccountType
    balance_in_currency: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        credit = self.credit

        currency = self.currency

        debit = self.debit

        ledger_account_id = str(self.ledger_account_id)

        name = self.name

        type_ = self.type_.value

        balance_in_currency: None | str | Unset
        if isinstance(self.balance_in_currency, Unset):
            balance_in_currency = UNSET
        else:
            balance_in_currency = self.balance_in_currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "credit": credit,
                "currency": currency,
                "debit": debit,
                "ledger_account_id": ledger_account_id,
                "name": name,
                "type": type_,
            }
        )
        if balance_in_currency is not UNSET:
            field_dict["balance_in_currency"] = balance_in_currency

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        credit = d.pop("credit")

        currency = d.pop("currency")

        debit = d.pop("debit")

        ledger_account_id = UUID(d.pop("ledger_account_id"))

        name = d.pop("name")

        type_ = AccountType(d.pop("type"))

        def _parse_balance_in_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        balance_in_currency = _parse_balance_in_currency(
            d.pop("balance_in_currency", UNSET)
        )

        trial_balance_row = cls(
            code=code,
            credit=credit,
            currency=currency,
            debit=debit,
            ledger_account_id=ledger_account_id,
            name=name,
            type_=type_,
            balance_in_currency=balance_in_currency,
        )

        trial_balance_row.additional_properties = d
        return trial_balance_row

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
