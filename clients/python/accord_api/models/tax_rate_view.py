from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tax_kind import TaxKind

T = TypeVar("T", bound="TaxRateView")


@_attrs_define
class TaxRateView:
    """
    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        is_active (bool):
        kind (TaxKind):
        name (str):  Example: VAT 20%.
        purchase_ledger_account_id (UUID): Where recoverable tax on purchases posts (by default the `tax_recoverable`
            account).
        rate (str): A fraction: "0.20" is 20%. Example: 0.20.
        recoverable (bool): Purchase tax at this rate can be reclaimed; otherwise it is part of the expense.
        sales_ledger_account_id (UUID): Where tax on sales posts (a liability, by default the `sales_tax` account).
        updated_at (datetime.datetime):
        version (int):
    """

    created_at: datetime.datetime
    id: UUID
    is_active: bool
    kind: TaxKind
    name: str
    purchase_ledger_account_id: UUID
    rate: str
    recoverable: bool
    sales_ledger_account_id: UUID
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        is_active = self.is_active

        kind = self.kind.value

        name = self.name

        purchase_ledger_account_id = str(self.purchase_ledger_account_id)

        rate = self.rate

        recoverable = self.recoverable

        sales_ledger_account_id = str(self.sales_ledger_account_id)

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "is_active": is_active,
                "kind": kind,
                "name": name,
                "purchase_ledger_account_id": purchase_ledger_account_id,
                "rate": rate,
                "recoverable": recoverable,
                "sales_ledger_account_id": sales_ledger_account_id,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        is_active = d.pop("is_active")

        kind = TaxKind(d.pop("kind"))

        name = d.pop("name")

        purchase_ledger_account_id = UUID(d.pop("purchase_ledger_account_id"))

        rate = d.pop("rate")

        recoverable = d.pop("recoverable")

        sales_ledger_account_id = UUID(d.pop("sales_ledger_account_id"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        tax_rate_view = cls(
            created_at=created_at,
            id=id,
            is_active=is_active,
            kind=kind,
            name=name,
            purchase_ledger_account_id=purchase_ledger_account_id,
            rate=rate,
            recoverable=recoverable,
            sales_ledger_account_id=sales_ledger_account_id,
            updated_at=updated_at,
            version=version,
        )

        tax_rate_view.additional_properties = d
        return tax_rate_view

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
