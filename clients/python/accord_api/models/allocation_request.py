from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AllocationRequest")


@_attrs_define
class AllocationRequest:
    """
    Attributes:
        amount (str): In the payment's (and the document's) currency. Required (an allocation without it
            is 422 `required`). Example: 100.00.
        bill_id (None | Unset | UUID):
        credit_note_id (None | Unset | UUID): A refund paid to a customer against their credit note.
        date (datetime.date | None | Unset): Default: the later of the payment's and the document's dates. Example:
            2026-09-10.
        invoice_id (None | Unset | UUID):
        vendor_credit_id (None | Unset | UUID): A refund received from a vendor against their credit.
    """

    amount: str
    bill_id: None | Unset | UUID = UNSET
    credit_note_id: None | Unset | UUID = UNSET
    date: datetime.date | None | Unset = UNSET
    invoice_id: None | Unset | UUID = UNSET
    vendor_credit_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

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

        date: None | str | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        elif isinstance(self.date, datetime.date):
            date = self.date.isoformat()
        else:
            date = self.date

        invoice_id: None | str | Unset
        if isinstance(self.invoice_id, Unset):
            invoice_id = UNSET
        elif isinstance(self.invoice_id, UUID):
            invoice_id = str(self.invoice_id)
        else:
            invoice_id = self.invoice_id

        vendor_credit_id: None | str | Unset
        if isinstance(self.vendor_credit_id, Unset):
            vendor_credit_id = UNSET
        elif isinstance(self.vendor_credit_id, UUID):
            vendor_credit_id = str(self.vendor_credit_id)
        else:
            vendor_credit_id = self.vendor_credit_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
            }
        )
        if bill_id is not UNSET:
            field_dict["bill_id"] = bill_id
        if credit_note_id is not UNSET:
            field_dict["credit_note_id"] = credit_note_id
        if date is not UNSET:
            field_dict["date"] = date
        if invoice_id is not UNSET:
            field_dict["invoice_id"] = invoice_id
        if vendor_credit_id is not UNSET:
            field_dict["vendor_credit_id"] = vendor_credit_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

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

        allocation_request = cls(
            amount=amount,
            bill_id=bill_id,
            credit_note_id=credit_note_id,
            date=date,
            invoice_id=invoice_id,
            vendor_credit_id=vendor_credit_id,
        )

        return allocation_request
