from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="DisputedInvoiceInput")


@_attrs_define
class DisputedInvoiceInput:
    """One invoice a dispute contests, and how much of it.

    Attributes:
        amount (str): A positive decimal string in the invoice's currency, at most its amount due. Example: 200.00.
        invoice_id (UUID): An issued invoice of the risk's account.
    """

    amount: str
    invoice_id: UUID

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        invoice_id = str(self.invoice_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "invoice_id": invoice_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        invoice_id = UUID(d.pop("invoice_id"))

        disputed_invoice_input = cls(
            amount=amount,
            invoice_id=invoice_id,
        )

        return disputed_invoice_input
