from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.rounding_mode import RoundingMode
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrganizationPatch")


@_attrs_define
class OrganizationPatch:
    """
    Attributes:
        credit_note_prefix (None | str | Unset):  Example: CN-.
        invoice_prefix (None | str | Unset): Prefix of invoice numbers (taken at issue): up to 20 letters, digits, `-`,
            `_`, `/`, `.`. Example: INV-.
        name (None | str | Unset):  Example: Acme Ltd.
        rounding_mode (None | RoundingMode | Unset):
        timezone (None | str | Unset): IANA time zone name (`Europe/Berlin`); "today" is the date there. Example:
            Europe/Berlin.
        vendor_credit_prefix (None | str | Unset):  Example: VC-.
    """

    credit_note_prefix: None | str | Unset = UNSET
    invoice_prefix: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    rounding_mode: None | RoundingMode | Unset = UNSET
    timezone: None | str | Unset = UNSET
    vendor_credit_prefix: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        credit_note_prefix: None | str | Unset
        if isinstance(self.credit_note_prefix, Unset):
            credit_note_prefix = UNSET
        else:
            credit_note_prefix = self.credit_note_prefix

        invoice_prefix: None | str | Unset
        if isinstance(self.invoice_prefix, Unset):
            invoice_prefix = UNSET
        else:
            invoice_prefix = self.invoice_prefix

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        rounding_mode: None | str | Unset
        if isinstance(self.rounding_mode, Unset):
            rounding_mode = UNSET
        elif isinstance(self.rounding_mode, RoundingMode):
            rounding_mode = self.rounding_mode.value
        else:
            rounding_mode = self.rounding_mode

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        vendor_credit_prefix: None | str | Unset
        if isinstance(self.vendor_credit_prefix, Unset):
            vendor_credit_prefix = UNSET
        else:
            vendor_credit_prefix = self.vendor_credit_prefix

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if credit_note_prefix is not UNSET:
            field_dict["credit_note_prefix"] = credit_note_prefix
        if invoice_prefix is not UNSET:
            field_dict["invoice_prefix"] = invoice_prefix
        if name is not UNSET:
            field_dict["name"] = name
        if rounding_mode is not UNSET:
            field_dict["rounding_mode"] = rounding_mode
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if vendor_credit_prefix is not UNSET:
            field_dict["vendor_credit_prefix"] = vendor_credit_prefix

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_credit_note_prefix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        credit_note_prefix = _parse_credit_note_prefix(
            d.pop("credit_note_prefix", UNSET)
        )

        def _parse_invoice_prefix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        invoice_prefix = _parse_invoice_prefix(d.pop("invoice_prefix", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_rounding_mode(data: object) -> None | RoundingMode | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rounding_mode_type_1 = RoundingMode(data)

                return rounding_mode_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RoundingMode | Unset, data)

        rounding_mode = _parse_rounding_mode(d.pop("rounding_mode", UNSET))

        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        def _parse_vendor_credit_prefix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vendor_credit_prefix = _parse_vendor_credit_prefix(
            d.pop("vendor_credit_prefix", UNSET)
        )

        organization_patch = cls(
            credit_note_prefix=credit_note_prefix,
            invoice_prefix=invoice_prefix,
            name=name,
            rounding_mode=rounding_mode,
            timezone=timezone,
            vendor_credit_prefix=vendor_credit_prefix,
        )

        return organization_patch
