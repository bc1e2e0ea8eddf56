from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DocumentLineRequest")


@_attrs_define
class DocumentLineRequest:
    """
    Attributes:
        unit_price (str): In the document's currency; more decimals than the currency has are allowed (the
            line's amount is rounded). Required (a line without it is 422 `required`). Example: 100.00.
        account_id (None | Unset | UUID): The client account this line concerns (a client account of your organization):
            its
            posted income or expense line carries it, for the account's profitability. An
            invoice's or credit note's line without one carries the document's account.
        description (None | str | Unset):  Example: Consulting, September.
        ledger_account_id (None | Unset | UUID): Income account (sales) or expense/asset account (purchases); default
            4000 or 5000.
        quantity (None | str | Unset): Default 1. Example: 2.
        tax_rate_id (None | Unset | UUID):
    """

    unit_price: str
    account_id: None | Unset | UUID = UNSET
    description: None | str | Unset = UNSET
    ledger_account_id: None | Unset | UUID = UNSET
    quantity: None | str | Unset = UNSET
    tax_rate_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        unit_price = self.unit_price

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        elif isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        ledger_account_id: None | str | Unset
        if isinstance(self.ledger_account_id, Unset):
            ledger_account_id = UNSET
        elif isinstance(self.ledger_account_id, UUID):
            ledger_account_id = str(self.ledger_account_id)
        else:
            ledger_account_id = self.ledger_account_id

        quantity: None | str | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

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
                "unit_price": unit_price,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if description is not UNSET:
            field_dict["description"] = description
        if ledger_account_id is not UNSET:
            field_dict["ledger_account_id"] = ledger_account_id
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if tax_rate_id is not UNSET:
            field_dict["tax_rate_id"] = tax_rate_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        unit_price = d.pop("unit_price")

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

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

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

        def _parse_quantity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quantity = _parse_quantity(d.pop("quantity", UNSET))

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

        document_line_request = cls(
            unit_price=unit_price,
            account_id=account_id,
            description=description,
            ledger_account_id=ledger_account_id,
            quantity=quantity,
            tax_rate_id=tax_rate_id,
        )

        return document_line_request
