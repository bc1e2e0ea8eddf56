from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rounding_mode import RoundingMode
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrganizationSettings")


@_attrs_define
class OrganizationSettings:
    """The organization and how its documents are numbered and rounded.

    Attributes:
        base_currency (str):  Example: USD.
        credit_note_prefix (str):  Example: CN-.
        fiscal_year_start_month (int):
        id (UUID):
        invoice_prefix (str):  Example: INV-.
        name (str):
        next_credit_note_number (int):
        next_invoice_number (int): The number the next issued invoice takes.
        next_vendor_credit_number (int):
        rounding_mode (RoundingMode):
        timezone (str): IANA time zone whose date is the organization's "today" (reports, overdue invoices). Example:
            Europe/Berlin.
        vendor_credit_prefix (str):  Example: VC-.
        version (int):
        lock_date (datetime.date | None | Unset):
    """

    base_currency: str
    credit_note_prefix: str
    fiscal_year_start_month: int
    id: UUID
    invoice_prefix: str
    name: str
    next_credit_note_number: int
    next_invoice_number: int
    next_vendor_credit_number: int
    rounding_mode: RoundingMode
    timezone: str
    vendor_credit_prefix: str
    version: int
    lock_date: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_currency = self.base_currency

        credit_note_prefix = self.credit_note_prefix

        fiscal_year_start_month = self.fiscal_year_start_month

        id = str(self.id)

        invoice_prefix = self.invoice_prefix

        name = self.name

        next_credit_note_number = self.next_credit_note_number

        next_invoice_number = self.next_invoice_number

        next_vendor_credit_number = self.next_vendor_credit_number

        rounding_mode = self.rounding_mode.value

        timezone = self.timezone

        vendor_credit_prefix = self.vendor_credit_prefix

        version = self.version

        lock_date: None | str | Unset
        if isinstance(self.lock_date, Unset):
            lock_date = UNSET
        elif isinstance(self.lock_date, datetime.date):
            lock_date = self.lock_date.isoformat()
        else:
            lock_date = self.lock_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base_currency": base_currency,
                "credit_note_prefix": credit_note_prefix,
                "fiscal_year_start_month": fiscal_year_start_month,
                "id": id,
                "invoice_prefix": invoice_prefix,
                "name": name,
                "next_credit_note_number": next_credit_note_number,
                "next_invoice_number": next_invoice_number,
                "next_vendor_credit_number": next_vendor_credit_number,
                "rounding_mode": rounding_mode,
                "timezone": timezone,
                "vendor_credit_prefix": vendor_credit_prefix,
                "version": version,
            }
        )
        if lock_date is not UNSET:
            field_dict["lock_date"] = lock_date

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        base_currency = d.pop("base_currency")

        credit_note_prefix = d.pop("credit_note_prefix")

        fiscal_year_start_month = d.pop("fiscal_year_start_month")

        id = UUID(d.pop("id"))

        invoice_prefix = d.pop("invoice_prefix")

        name = d.pop("name")

        next_credit_note_number = d.pop("next_credit_note_number")

        next_invoice_number = d.pop("next_invoice_number")

        next_vendor_credit_number = d.pop("next_vendor_credit_number")

        rounding_mode = RoundingMode(d.pop("rounding_mode"))

        timezone = d.pop("timezone")

        vendor_credit_prefix = d.pop("vendor_credit_prefix")

        version = d.pop("version")

        def _parse_lock_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lock_date_type_0 = datetime.date.fromisoformat(data)

                return lock_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        lock_date = _parse_lock_date(d.pop("lock_date", UNSET))

        organization_settings = cls(
            base_currency=base_currency,
            credit_note_prefix=credit_note_prefix,
            fiscal_year_start_month=fiscal_year_start_month,
            id=id,
            invoice_prefix=invoice_prefix,
            name=name,
            next_credit_note_number=next_credit_note_number,
            next_invoice_number=next_invoice_number,
            next_vendor_credit_number=next_vendor_credit_number,
            rounding_mode=rounding_mode,
            timezone=timezone,
            vendor_credit_prefix=vendor_credit_prefix,
            version=version,
            lock_date=lock_date,
        )

        organization_settings.additional_properties = d
        return organization_settings

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
