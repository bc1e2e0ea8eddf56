from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StatementView")


@_attrs_define
class StatementView:
    """One imported statement.

    Attributes:
        bank_account_id (UUID):
        created_at (datetime.datetime):
        duplicates_skipped (int): Lines already held (an earlier import of the same lines).
        format_ (str): `camt053`, `ofx` or `csv`.
        id (UUID):
        imported (int): Lines this import added.
        line_count (int): Lines in the statement as the file holds it.
        balance_difference (None | str | Unset): `closing_balance` − `computed_closing_balance`: not zero means the
            lines do not add
            up to the bank's balance. `null` when either is unknown. Example: 0.00.
        bank_statement_id (None | str | Unset): The bank's own id of the statement (camt `Stmt/Id`), when it gives one.
        closing_balance (None | str | Unset): The booked closing balance (CLBD; OFX LEDGERBAL); `null` when the file
            gives none. Example: 1097.50.
        computed_closing_balance (None | str | Unset): The opening balance (or, without one, the previous statement's
            closing or the
            account's balance anchor) plus every line of the statement; `null` without a basis. Example: 1097.50.
        from_ (datetime.date | None | Unset): The period: the file's own, or its lines' first and last booking dates.
        gap (None | str | Unset): `opening_balance` − `previous_closing_balance`: not zero means a statement is
            missing between the two. `null` when either is unknown. Example: 0.00.
        opening_balance (None | str | Unset): The booked opening balance (OPBD, else PRCD); `null` when the file gives
            none. Example: 1000.00.
        previous_closing_balance (None | str | Unset): The closing balance of the account's previous statement (or its
            balance anchor) that
            this statement's opening should equal; `null` for the first statement. Example: 1000.00.
        to (datetime.date | None | Unset):
    """

    bank_account_id: UUID
    created_at: datetime.datetime
    duplicates_skipped: int
    format_: str
    id: UUID
    imported: int
    line_count: int
    balance_difference: None | str | Unset = UNSET
    bank_statement_id: None | str | Unset = UNSET
    closing_balance: None | str | Unset = UNSET
    computed_closing_balance: None | str | Unset = UNSET
    from_: datetime.date | None | Unset = UNSET
    gap: None | str | Unset = UNSET
    opening_balance: None | str | Unset = UNSET
    previous_closing_balance: None | str | Unset = UNSET
    to: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_account_id = str(self.bank_account_id)

        created_at = self.created_at.isoformat()

        duplicates_skipped = self.duplicates_skipped

        format_ = self.format_

        id = str(self.id)

        imported = self.imported

        line_count = self.line_count

        balance_difference: None | str | Unset
        if isinstance(self.balance_difference, Unset):
            balance_difference = UNSET
        else:
            balance_difference = self.balance_difference

        bank_statement_id: None | str | Unset
        if isinstance(self.bank_statement_id, Unset):
            bank_statement_id = UNSET
        else:
            bank_statement_id = self.bank_statement_id

        closing_balance: None | str | Unset
        if isinstance(self.closing_balance, Unset):
            closing_balance = UNSET
        else:
            closing_balance = self.closing_balance

        computed_closing_balance: None | str | Unset
        if isinstance(self.computed_closing_balance, Unset):
            computed_closing_balance = UNSET
        else:
            computed_closing_balance = self.computed_closing_balance

        from_: None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        elif isinstance(self.from_, datetime.date):
            from_ = self.from_.isoformat()
        else:
            from_ = self.from_

        gap: None | str | Unset
        if isinstance(self.gap, Unset):
            gap = UNSET
        else:
            gap = self.gap

        opening_balance: None | str | Unset
        if isinstance(self.opening_balance, Unset):
            opening_balance = UNSET
        else:
            opening_balance = self.opening_balance

        previous_closing_balance: None | str | Unset
        if isinstance(self.previous_closing_balance, Unset):
            previous_closing_balance = UNSET
        else:
            previous_closing_balance = self.previous_closing_balance

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
                "bank_account_id": bank_account_id,
                "created_at": created_at,
                "duplicates_skipped": duplicates_skipped,
                "format": format_,
                "id": id,
                "imported": imported,
                "line_count": line_count,
            }
        )
        if balance_difference is not UNSET:
            field_dict["balance_difference"] = balance_difference
        if bank_statement_id is not UNSET:
            field_dict["bank_statement_id"] = bank_statement_id
        if closing_balance is not UNSET:
            field_dict["closing_balance"] = closing_balance
        if computed_closing_balance is not UNSET:
            field_dict["computed_closing_balance"] = computed_closing_balance
        if from_ is not UNSET:
            field_dict["from"] = from_
        if gap is not UNSET:
            field_dict["gap"] = gap
        if opening_balance is not UNSET:
            field_dict["opening_balance"] = opening_balance
        if previous_closing_balance is not UNSET:
            field_dict["previous_closing_balance"] = previous_closing_balance
        if to is not UNSET:
            field_dict["to"] = to

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bank_account_id = UUID(d.pop("bank_account_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        duplicates_skipped = d.pop("duplicates_skipped")

        format_ = d.pop("format")

        id = UUID(d.pop("id"))

        imported = d.pop("imported")

        line_count = d.pop("line_count")

        def _parse_balance_difference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        balance_difference = _parse_balance_difference(
            d.pop("balance_difference", UNSET)
        )

        def _parse_bank_statement_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bank_statement_id = _parse_bank_statement_id(d.pop("bank_statement_id", UNSET))

        def _parse_closing_balance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        closing_balance = _parse_closing_balance(d.pop("closing_balance", UNSET))

        def _parse_computed_closing_balance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        computed_closing_balance = _parse_computed_closing_balance(
            d.pop("computed_closing_balance", UNSET)
        )

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

        def _parse_gap(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        gap = _parse_gap(d.pop("gap", UNSET))

        def _parse_opening_balance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        opening_balance = _parse_opening_balance(d.pop("opening_balance", UNSET))

        def _parse_previous_closing_balance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous_closing_balance = _parse_previous_closing_balance(
            d.pop("previous_closing_balance", UNSET)
        )

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

        statement_view = cls(
            bank_account_id=bank_account_id,
            created_at=created_at,
            duplicates_skipped=duplicates_skipped,
            format_=format_,
            id=id,
            imported=imported,
            line_count=line_count,
            balance_difference=balance_difference,
            bank_statement_id=bank_statement_id,
            closing_balance=closing_balance,
            computed_closing_balance=computed_closing_balance,
            from_=from_,
            gap=gap,
            opening_balance=opening_balance,
            previous_closing_balance=previous_closing_balance,
            to=to,
        )

        statement_view.additional_properties = d
        return statement_view

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
