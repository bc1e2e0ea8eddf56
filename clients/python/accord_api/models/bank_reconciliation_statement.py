from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.outstanding_ledger_line import OutstandingLedgerLine
    from ..models.transaction_view import TransactionView


T = TypeVar("T", bound="BankReconciliationStatement")


@_attrs_define
class BankReconciliationStatement:
    """The bank reconciliation statement of one account and date.

    Attributes:
        bank_account_id (UUID):
        currency (str):
        ledger_balance (str): The bank's ledger account's balance on the date. Example: 137.50.
        name (str):
        unreconciled_bank_total (str): Bank lines up to the statement date not reconciled as of the date. Example: 0.00.
        unreconciled_ledger_total (str): Lines of the bank's ledger account up to the date not reconciled as of the
            date. Example: 40.00.
        as_of (datetime.date):
        unreconciled_bank_lines (list[TransactionView]): The bank lines behind `unreconciled_bank_total`.
        unreconciled_ledger_lines (list[OutstandingLedgerLine]): The ledger lines behind `unreconciled_ledger_total`.
        statement_balance (None | str | Unset): The latest statement closing balance on or before the date; `null` when
            no statement
            gives one. Example: 97.50.
        statement_date (datetime.date | None | Unset): The date of that closing balance.
        unexplained_difference (None | str | Unset): ledger − (statement − unreconciled bank + unreconciled ledger);
            `null` without a
            statement balance. Example: 0.00.
    """

    bank_account_id: UUID
    currency: str
    ledger_balance: str
    name: str
    unreconciled_bank_total: str
    unreconciled_ledger_total: str
    as_of: datetime.date
    unreconciled_bank_lines: list[TransactionView]
    unreconciled_ledger_lines: list[OutstandingLedgerLine]
    statement_balance: None | str | Unset = UNSET
    statement_date: datetime.date | None | Unset = UNSET
    unexplained_difference: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_account_id = str(self.bank_account_id)

        currency = self.currency

        ledger_balance = self.ledger_balance

        name = self.name

        unreconciled_bank_total = self.unreconciled_bank_total

        unreconciled_ledger_total = self.unreconciled_ledger_total

        as_of = self.as_of.isoformat()

        unreconciled_bank_lines = []
        for unreconciled_bank_lines_item_data in self.unreconciled_bank_lines:
            unreconciled_bank_lines_item = unreconciled_bank_lines_item_data.to_dict()
            unreconciled_bank_lines.append(unreconciled_bank_lines_item)

        unreconciled_ledger_lines = []
        for unreconciled_ledger_lines_item_data in self.unreconciled_ledger_lines:
            unreconciled_ledger_lines_item = (
                unreconciled_ledger_lines_item_data.to_dict()
            )
            unreconciled_ledger_lines.append(unreconciled_ledger_lines_item)

        statement_balance: None | str | Unset
        if isinstance(self.statement_balance, Unset):
            statement_balance = UNSET
        else:
            statement_balance = self.statement_balance

        statement_date: None | str | Unset
        if isinstance(self.statement_date, Unset):
            statement_date = UNSET
        elif isinstance(self.statement_date, datetime.date):
            statement_date = self.statement_date.isoformat()
        else:
            statement_date = self.statement_date

        unexplained_difference: None | str | Unset
        if isinstance(self.unexplained_difference, Unset):
            unexplained_difference = UNSET
        else:
            unexplained_difference = self.unexplained_difference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bank_account_id": bank_account_id,
                "currency": currency,
                "ledger_balance": ledger_balance,
                "name": name,
                "unreconciled_bank_total": unreconciled_bank_total,
                "unreconciled_ledger_total": unreconciled_ledger_total,
                "as_of": as_of,
                "unreconciled_bank_lines": unreconciled_bank_lines,
                "unreconciled_ledger_lines": unreconciled_ledger_lines,
            }
        )
        if statement_balance is not UNSET:
            field_dict["statement_balance"] = statement_balance
        if statement_date is not UNSET:
            field_dict["statement_date"] = statement_date
        if unexplained_difference is not UNSET:
            field_dict["unexplained_difference"] = unexplained_difference

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.outstanding_ledger_line import OutstandingLedgerLine
        from ..models.transaction_view import TransactionView

        d = dict(src_dict)
        bank_account_id = UUID(d.pop("bank_account_id"))

        currency = d.pop("currency")

        ledger_balance = d.pop("ledger_balance")

        name = d.pop("name")

        unreconciled_bank_total = d.pop("unreconciled_bank_total")

        unreconciled_ledger_total = d.pop("unreconciled_ledger_total")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        unreconciled_bank_lines = []
        _unreconciled_bank_lines = d.pop("unreconciled_bank_lines")
        for unreconciled_bank_lines_item_data in _unreconciled_bank_lines:
            unreconciled_bank_lines_item = TransactionView.from_dict(
                unreconciled_bank_lines_item_data
            )

            unreconciled_bank_lines.append(unreconciled_bank_lines_item)

        unreconciled_ledger_lines = []
        _unreconciled_ledger_lines = d.pop("unreconciled_ledger_lines")
        for unreconciled_ledger_lines_item_data in _unreconciled_ledger_lines:
            unreconciled_ledger_lines_item = OutstandingLedgerLine.from_dict(
                unreconciled_ledger_lines_item_data
            )

            unreconciled_ledger_lines.append(unreconciled_ledger_lines_item)

        def _parse_statement_balance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        statement_balance = _parse_statement_balance(d.pop("statement_balance", UNSET))

        def _parse_statement_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                statement_date_type_0 = datetime.date.fromisoformat(data)

                return statement_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        statement_date = _parse_statement_date(d.pop("statement_date", UNSET))

        def _parse_unexplained_difference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unexplained_difference = _parse_unexplained_difference(
            d.pop("unexplained_difference", UNSET)
        )

        bank_reconciliation_statement = cls(
            bank_account_id=bank_account_id,
            currency=currency,
            ledger_balance=ledger_balance,
            name=name,
            unreconciled_bank_total=unreconciled_bank_total,
            unreconciled_ledger_total=unreconciled_ledger_total,
            as_of=as_of,
            unreconciled_bank_lines=unreconciled_bank_lines,
            unreconciled_ledger_lines=unreconciled_ledger_lines,
            statement_balance=statement_balance,
            statement_date=statement_date,
            unexplained_difference=unexplained_difference,
        )

        bank_reconciliation_statement.additional_properties = d
        return bank_reconciliation_statement

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
