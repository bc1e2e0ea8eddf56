from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.bank_account_kind import BankAccountKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="BankAccountPatch")


@_attrs_define
class BankAccountPatch:
    """The fields of a bank account to change (absent = unchanged); a create is
    [`BankAccountCreate`].

        Attributes:
            currency (None | str | Unset): ISO 4217; defaults to the base currency. Fixed once created. Example: USD.
            iban (None | str | Unset):  Example: GB33BUKB20201555555555.
            is_active (bool | None | Unset):
            kind (BankAccountKind | None | Unset):
            ledger_account_id (None | Unset | UUID): Link an existing ledger account with `system_role: bank` instead of
                creating one (an
                asset account for a bank account, a liability for a credit card).
            name (None | str | Unset):  Example: Operating account.
            number (None | str | Unset):  Example: 12345678.
    """

    currency: None | str | Unset = UNSET
    iban: None | str | Unset = UNSET
    is_active: bool | None | Unset = UNSET
    kind: BankAccountKind | None | Unset = UNSET
    ledger_account_id: None | Unset | UUID = UNSET
    name: None | str | Unset = UNSET
    number: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        iban: None | str | Unset
        if isinstance(self.iban, Unset):
            iban = UNSET
        else:
            iban = self.iban

        is_active: bool | None | Unset
        if isinstance(self.is_active, Unset):
            is_active = UNSET
        else:
            is_active = self.is_active

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, BankAccountKind):
            kind = self.kind.value
        else:
            kind = self.kind

        ledger_account_id: None | str | Unset
        if isinstance(self.ledger_account_id, Unset):
            ledger_account_id = UNSET
        elif isinstance(self.ledger_account_id, UUID):
            ledger_account_id = str(self.ledger_account_id)
        else:
            ledger_account_id = self.ledger_account_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        number: None | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if currency is not UNSET:
            field_dict["currency"] = currency
        if iban is not UNSET:
            field_dict["iban"] = iban
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if kind is not UNSET:
            field_dict["kind"] = kind
        if ledger_account_id is not UNSET:
            field_dict["ledger_account_id"] = ledger_account_id
        if name is not UNSET:
            field_dict["name"] = name
        if number is not UNSET:
            field_dict["number"] = number

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_iban(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        iban = _parse_iban(d.pop("iban", UNSET))

        def _parse_is_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_active = _parse_is_active(d.pop("is_active", UNSET))

        def _parse_kind(data: object) -> BankAccountKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_1 = BankAccountKind(data)

                return kind_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BankAccountKind | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_ledger_account_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ledger_account_id_type_0 = UUID(data)

                return ledger_account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        ledger_account_id = _parse_ledger_account_id(d.pop("ledger_account_id", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

        bank_account_patch = cls(
            currency=currency,
            iban=iban,
            is_active=is_active,
            kind=kind,
            ledger_account_id=ledger_account_id,
            name=name,
            number=number,
        )

        return bank_account_patch
