from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="JournalLineView")


@_attrs_define
class JournalLineView:
    """
    Attributes:
        base_amount (str): The amount in the base currency. Example: 100.00.
        currency (str):  Example: USD.
        id (UUID): The line's id (derived from the entry and the line number, so it never changes): what
            a bank reconciliation names in `journal_line_ids`.
        ledger_account_id (UUID):
        line_no (int):
        account_id (None | Unset | UUID):
        credit (None | str | Unset):
        debit (None | str | Unset):  Example: 100.00.
        description (None | str | Unset):
        exchange_rate (None | str | Unset):
    """

    base_amount: str
    currency: str
    id: UUID
    ledger_account_id: UUID
    line_no: int
    account_id: None | Unset | UUID = UNSET
    credit: None | str | Unset = UNSET
    debit: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    exchange_rate: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_amount = self.base_amount

        currency = self.currency

        id = str(self.id)

        ledger_account_id = str(self.ledger_account_id)

        line_no = self.line_no

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
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base_amount": base_amount,
                "currency": currency,
                "id": id,
                "ledger_account_id": ledger_account_id,
                "line_no": line_no,
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
        base_amount = d.pop("base_amount")

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        ledger_account_id = UUID(d.pop("ledger_account_id"))

        line_no = d.pop("line_no")

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

        journal_line_view = cls(
            base_amount=base_amount,
            currency=currency,
            id=id,
            ledger_account_id=ledger_account_id,
            line_no=line_no,
            account_id=account_id,
            credit=credit,
            debit=debit,
            description=description,
            exchange_rate=exchange_rate,
        )

        journal_line_view.additional_properties = d
        return journal_line_view

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
