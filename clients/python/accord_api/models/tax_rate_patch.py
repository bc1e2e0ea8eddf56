from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.tax_kind import TaxKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="TaxRatePatch")


@_attrs_define
class TaxRatePatch:
    """The fields of a tax rate to change (absent = unchanged); a create is [`TaxRateCreate`].

    Attributes:
        is_active (bool | None | Unset):
        kind (None | TaxKind | Unset):
        name (None | str | Unset):  Example: VAT 20%.
        purchase_ledger_account_id (None | Unset | UUID): Default: the chart's `tax_recoverable` account.
        rate (None | str | Unset): A fraction as a decimal string: "0.20" is 20%. Example: 0.20.
        recoverable (bool | None | Unset): Purchase tax can be reclaimed (default: true except for exempt).
        sales_ledger_account_id (None | Unset | UUID): Default: the chart's `sales_tax` account.
    """

    is_active: bool | None | Unset = UNSET
    kind: None | TaxKind | Unset = UNSET
    name: None | str | Unset = UNSET
    purchase_ledger_account_id: None | Unset | UUID = UNSET
    rate: None | str | Unset = UNSET
    recoverable: bool | None | Unset = UNSET
    sales_ledger_account_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        is_active: bool | None | Unset
        if isinstance(self.is_active, Unset):
            is_active = UNSET
        else:
            is_active = self.is_active

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, TaxKind):
            kind = self.kind.value
        else:
            kind = self.kind

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        purchase_ledger_account_id: None | str | Unset
        if isinstance(self.purchase_ledger_account_id, Unset):
            purchase_ledger_account_id = UNSET
        elif isinstance(self.purchase_ledger_account_id, UUID):
            purchase_ledger_account_id = str(self.purchase_ledger_account_id)
        else:
            purchase_ledger_account_id = self.purchase_ledger_account_id

        rate: None | str | Unset
        if isinstance(self.rate, Unset):
            rate = UNSET
        else:
            rate = self.rate

        recoverable: bool | None | Unset
        if isinstance(self.recoverable, Unset):
            recoverable = UNSET
        else:
            recoverable = self.recoverable

        sales_ledger_account_id: None | str | Unset
        if isinstance(self.sales_ledger_account_id, Unset):
            sales_ledger_account_id = UNSET
        elif isinstance(self.sales_ledger_account_id, UUID):
            sales_ledger_account_id = str(self.sales_ledger_account_id)
        else:
            sales_ledger_account_id = self.sales_ledger_account_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name
        if purchase_ledger_account_id is not UNSET:
            field_dict["purchase_ledger_account_id"] = purchase_ledger_account_id
        if rate is not UNSET:
            field_dict["rate"] = rate
        if recoverable is not UNSET:
            field_dict["recoverable"] = recoverable
        if sales_ledger_account_id is not UNSET:
            field_dict["sales_ledger_account_id"] = sales_ledger_account_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_is_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_active = _parse_is_active(d.pop("is_active", UNSET))

        def _parse_kind(data: object) -> None | TaxKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_1 = TaxKind(data)

                return kind_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaxKind | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_purchase_ledger_account_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                purchase_ledger_account_id_type_0 = UUID(data)

                return purchase_ledger_account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        purchase_ledger_account_id = _parse_purchase_ledger_account_id(
            d.pop("purchase_ledger_account_id", UNSET)
        )

        def _parse_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rate = _parse_rate(d.pop("rate", UNSET))

        def _parse_recoverable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        recoverable = _parse_recoverable(d.pop("recoverable", UNSET))

        def _parse_sales_ledger_account_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sales_ledger_account_id_type_0 = UUID(data)

                return sales_ledger_account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        sales_ledger_account_id = _parse_sales_ledger_account_id(
            d.pop("sales_ledger_account_id", UNSET)
        )

        tax_rate_patch = cls(
            is_active=is_active,
            kind=kind,
            name=name,
            purchase_ledger_account_id=purchase_ledger_account_id,
            rate=rate,
            recoverable=recoverable,
            sales_ledger_account_id=sales_ledger_account_id,
        )

        return tax_rate_patch
