from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AllocationView")


@_attrs_define
class AllocationView:
    """One settlement between a document and a payment or a credit.

    Attributes:
        amount (str):  Example: 100.00.
        currency (str):  Example: USD.
        date (datetime.date):  Example: 2026-09-10.
        id (UUID):
        voided (bool):
        bill_id (None | Unset | UUID):
        credit_note_id (None | Unset | UUID):
        fx_entry_id (None | Unset | UUID): The realised exchange difference's entry, when the rates differed.
        invoice_id (None | Unset | UUID):
        payment_id (None | Unset | UUID):
        vendor_credit_id (None | Unset | UUID):
    """

    amount: str
    currency: str
    date: datetime.date
    id: UUID
    voided: bool
    bill_id: None | Unset | UUID = UNSET
    credit_note_id: None | Unset | UUID = UNSET
    fx_entry_id: None | Unset | UUID = UNSET
    invoice_id: None | Unset | UUID = UNSET
    payment_id: None | Unset | UUID = UNSET
    vendor_credit_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        currency = self.currency

        date = self.date.isoformat()

        id = str(self.id)

        voided = self.voided

        bill_id: None | str | Unset
        if isinstance(self.bill_id, Unset):
            bill_id = UNSET
        elif isinstance(self.bill_id, UUID):
            bill_id = str(self.bill_id)
        else:
            bill_id = self.bill_id

        credit_note_id: None | str | Unset
        if isinstance(self.credit_note_id, Unset):
            credit_note_id = UNSET
        elif isinstance(self.credit_note_id, UUID):
            credit_note_id = str(self.credit_note_id)
        else:
            credit_note_id = self.credit_note_id

        fx_entry_id: None | str | Unset
        if isinstance(self.fx_entry_id, Unset):
            fx_entry_id = UNSET
        elif isinstance(self.fx_entry_id, UUID):
            fx_entry_id = str(self.fx_entry_id)
        else:
            fx_entry_id = self.fx_entry_id

        invoice_id: None | str | Unset
        if isinstance(self.invoice_id, Unset):
            invoice_id = UNSET
        elif isinstance(self.invoice_id, UUID):
            invoice_id = str(self.invoice_id)
        else:
            invoice_id = self.invoice_id

        payment_id: None | str | Unset
        if isinstance(self.payment_id, Unset):
            payment_id = UNSET
        elif isinstance(self.payment_id, UUID):
            payment_id = str(self.payment_id)
        else:
            payment_id = self.payment_id

        vendor_credit_id: None | str | Unset
        if isinstance(self.vendor_credit_id, Unset):
            vendor_credit_id = UNSET
        elif isinstance(self.vendor_credit_id, UUID):
            vendor_credit_id = str(self.vendor_credit_id)
        else:
            vendor_credit_id = self.vendor_credit_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "currency": currency,
                "date": date,
                "id": id,
                "voided": voided,
            }
        )
        if bill_id is not UNSET:
            field_dict["bill_id"] = bill_id
        if credit_note_id is not UNSET:
            field_dict["credit_note_id"] = credit_note_id
        if fx_entry_id is not UNSET:
            field_dict["fx_entry_id"] = fx_entry_id
        if invoice_id is not UNSET:
            field_dict["invoice_id"] = invoice_id
        if payment_id is not UNSET:
            field_dict["payment_id"] = payment_id
        if vendor_credit_id is not UNSET:
            field_dict["vendor_credit_id"] = vendor_credit_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        currency = d.pop("currency")

        date = datetime.date.fromisoformat(d.pop("date"))

        id = UUID(d.pop("id"))

        voided = d.pop("voided")

        def _parse_bill_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bill_id_type_0 = UUID(data)

                return bill_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        bill_id = _parse_bill_id(d.pop("bill_id", UNSET))

        def _parse_credit_note_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                credit_note_id_type_0 = UUID(data)

                return credit_note_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        credit_note_id = _parse_credit_note_id(d.pop("credit_note_id", UNSET))

        def _parse_fx_entry_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                fx_entry_id_type_0 = UUID(data)

                return fx_entry_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        fx_entry_id = _parse_fx_entry_id(d.pop("fx_entry_id", UNSET))

        def _parse_invoice_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invoice_id_type_0 = UUID(data)

                return invoice_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        invoice_id = _parse_invoice_id(d.pop("invoice_id", UNSET))

        def _parse_payment_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                payment_id_type_0 = UUID(data)

                return payment_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        payment_id = _parse_payment_id(d.pop("payment_id", UNSET))

        def _parse_vendor_credit_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                vendor_credit_id_type_0 = UUID(data)

                return vendor_credit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        vendor_credit_id = _parse_vendor_credit_id(d.pop("vendor_credit_id", UNSET))

        allocation_view = cls(
            amount=amount,
            currency=currency,
            date=date,
            id=id,
            voided=voided,
            bill_id=bill_id,
            credit_note_id=credit_note_id,
            fx_entry_id=fx_entry_id,
            invoice_id=invoice_id,
            payment_id=payment_id,
            vendor_credit_id=vendor_credit_id,
        )

        allocation_view.additional_properties = d
        return allocation_view

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
