from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="JournalLineRequest")


@_attrs_define
class JournalLineRequest:
    """
    Attributes:
        ledger_account_id (UUID):
        account_id (None | Unset | UUID): The client account this line concerns, if any.
        credit (None | str | Unset):  Example: 100.00.
        debit (None | str | Unset): A positive decimal string in the ledger account's currency; give debit or credit.
            Example: 100.00.
        description (None | str | Unset):
        exchange_rate (None | str | Unset): For a foreign-currency account: base-currency units per unit (default: the
            organization's rate of the entry's date). Example: 1.0835.
    """

    ledger_account_id: UUID
    account_id: None | Unset | UUID = UNSET
    credit: None | str | Unset = UNSET
    debit: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    exchange_rate: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ledger_account_id = str(self.ledger_account_id)

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        elif isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

        credit: None | str | Unset
        if isinstance(self.credit, Unset):
            credit = UNSET
        else:
            credit = self.credit

        debit: None | str | Unset
        if isinstance(self.debit, Unset):
            debit = UNSET
        else:
            debit = self.debit

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        exchange_rate: None | str | Unset
        if isinstance(self.exchange_rate, Unset):
            exchange_rate = UNSET
        else:
            exchange_rate = self.exchange_rate

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ledger_account_id": ledger_account_id,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if credit is not UNSET:
            field_dict["credit"] = credit
        if debit is not UNSET:
            field_dict["debit"] = debit
        if description is not UNSET:
            field_dict["description"] = description
        if exchange_rate is not UNSET:
            field_dict["exchange_rate"] = exchange_rate

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ledger_account_id = UUID(d.pop("ledger_account_id"))

        def _parse_account_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                account_id_type_0 = UUID(data)

                return account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        def _parse_credit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        credit = _parse_credit(d.pop("credit", UNSET))

        def _parse_debit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        debit = _parse_debit(d.pop("debit", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_exchange_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        exchange_rate = _parse_exchange_rate(d.pop("exchange_rate", UNSET))

        journal_line_request = cls(
            ledger_account_id=ledger_account_id,
            account_id=account_id,
            credit=credit,
            debit=debit,
            description=description,
            exchange_rate=exchange_rate,
        )

        return journal_line_request
