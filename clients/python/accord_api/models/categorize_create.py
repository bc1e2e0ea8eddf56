from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CategorizeCreate")


@_attrs_define
class CategorizeCreate:
    """`POST /bank-transactions/{id}/categorize`.

    Attributes:
        ledger_account_id (UUID): Where the money came from or went (income, expense, …).
        account_id (None | Unset | UUID): The client account the line is about, tagged on the entry's lines.
        date (datetime.date | None | Unset): The entry's date; the line's booking date by default.
        description (None | str | Unset):  Example: Bank fee.
        tax_rate_id (None | Unset | UUID): The amount is gross: the tax in it goes to the rate's account.
    """

    ledger_account_id: UUID
    account_id: None | Unset | UUID = UNSET
    date: datetime.date | None | Unset = UNSET
    description: None | str | Unset = UNSET
    tax_rate_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        ledger_account_id = str(self.ledger_account_id)

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        elif isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

        date: None | str | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        elif isinstance(self.date, datetime.date):
            date = self.date.isoformat()
        else:
            date = self.date

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        tax_rate_id: None | str | Unset
        if isinstance(self.tax_rate_id, Unset):
            tax_rate_id = UNSET
        elif isinstance(self.tax_rate_id, UUID):
            tax_rate_id = str(self.tax_rate_id)
        else:
            tax_rate_id = self.tax_rate_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ledger_account_id": ledger_account_id,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if date is not UNSET:
            field_dict["date"] = date
        if description is not UNSET:
            field_dict["description"] = description
        if tax_rate_id is not UNSET:
            field_dict["tax_rate_id"] = tax_rate_id

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

        def _parse_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_type_0 = datetime.date.fromisoformat(data)

                return date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date = _parse_date(d.pop("date", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_tax_rate_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tax_rate_id_type_0 = UUID(data)

                return tax_rate_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        tax_rate_id = _parse_tax_rate_id(d.pop("tax_rate_id", UNSET))

        categorize_create = cls(
            ledger_account_id=ledger_account_id,
            account_id=account_id,
            date=date,
            description=description,
            tax_rate_id=tax_rate_id,
        )

        return categorize_create
