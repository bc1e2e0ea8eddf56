from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DocumentLineView")


@_attrs_define
class DocumentLineView:
    """
    Attributes:
        amount (str): quantity × unit price without tax, rounded to the currency. Example: 200.00.
        description (str):
        ledger_account_id (UUID):
        quantity (str):  Example: 2.
        tax_amount (str):  Example: 20.00.
        unit_price (str):  Example: 100.00.
        account_id (None | Unset | UUID): The client account the line concerns, when it names one.
        tax_rate_id (None | Unset | UUID):
    """

    amount: str
    description: str
    ledger_account_id: UUID
    quantity: str
    tax_amount: str
    unit_price: str
    account_id: None | Unset | UUID = UNSET
    tax_rate_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        description = self.description

        ledger_account_id = str(self.ledger_account_id)

        quantity = self.quantity

        tax_amount = self.tax_amount

        unit_price = self.unit_price

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        elif isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

        tax_rate_id: None | str | Unset
        if isinstance(self.tax_rate_id, Unset):
            tax_rate_id = UNSET
        elif isinstance(self.tax_rate_id, UUID):
            tax_rate_id = str(self.tax_rate_id)
        else:
            tax_rate_id = self.tax_rate_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "description": description,
                "ledger_account_id": ledger_account_id,
                "quantity": quantity,
                "tax_amount": tax_amount,
                "unit_price": unit_price,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if tax_rate_id is not UNSET:
            field_dict["tax_rate_id"] = tax_rate_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        description = d.pop("description")

        ledger_account_id = UUID(d.pop("ledger_account_id"))

        quantity = d.pop("quantity")

        tax_amount = d.pop("tax_amount")

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

        document_line_view = cls(
            amount=amount,
            description=description,
            ledger_account_id=ledger_account_id,
            quantity=quantity,
            tax_amount=tax_amount,
            unit_price=unit_price,
            account_id=account_id,
            tax_rate_id=tax_rate_id,
        )

        document_line_view.additional_properties = d
        return document_line_view

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
