from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.payment_direction import PaymentDirection
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.allocation_request import AllocationRequest


T = TypeVar("T", bound="PaymentCreate")


@_attrs_define
class PaymentCreate:
    """The fields of a payment, all optional so that a missing one is the use case's 422
    `required`, listed with every other broken rule; the schema of a create is
    [`PaymentCreate`].

        Attributes:
            account_id (UUID):
            amount (str):  Example: 100.00.
            bank_account_id (UUID):
            date (datetime.date):  Example: 2026-09-10.
            direction (PaymentDirection):
            allocations (list[AllocationRequest] | Unset): At most 200.
            currency (None | str | Unset): ISO 4217; the bank account's currency (the default). Example: USD.
            exchange_rate (None | str | Unset): Base-currency units per unit; default the organization's rate of the date.
                Example: 1.0835.
            memo (None | str | Unset):
            reference (None | str | Unset):  Example: BACS 2026-09-10.
    """

    account_id: UUID
    amount: str
    bank_account_id: UUID
    date: datetime.date
    direction: PaymentDirection
    allocations: list[AllocationRequest] | Unset = UNSET
    currency: None | str | Unset = UNSET
    exchange_rate: None | str | Unset = UNSET
    memo: None | str | Unset = UNSET
    reference: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        amount = self.amount

        bank_account_id = str(self.bank_account_id)

        date = self.date.isoformat()

        direction = self.direction.value

        allocations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.allocations, Unset):
            allocations = []
            for allocations_item_data in self.allocations:
                allocations_item = allocations_item_data.to_dict()
                allocations.append(allocations_item)

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        exchange_rate: None | str | Unset
        if isinstance(self.exchange_rate, Unset):
            exchange_rate = UNSET
        else:
            exchange_rate = self.exchange_rate

        memo: None | str | Unset
        if isinstance(self.memo, Unset):
            memo = UNSET
        else:
            memo = self.memo

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account_id": account_id,
                "amount": amount,
                "bank_account_id": bank_account_id,
                "date": date,
                "direction": direction,
            }
        )
        if allocations is not UNSET:
            field_dict["allocations"] = allocations
        if currency is not UNSET:
            field_dict["currency"] = currency
        if exchange_rate is not UNSET:
            field_dict["exchange_rate"] = exchange_rate
        if memo is not UNSET:
            field_dict["memo"] = memo
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.allocation_request import AllocationRequest

        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        amount = d.pop("amount")

        bank_account_id = UUID(d.pop("bank_account_id"))

        date = datetime.date.fromisoformat(d.pop("date"))

        direction = PaymentDirection(d.pop("direction"))

        _allocations = d.pop("allocations", UNSET)
        allocations: list[AllocationRequest] | Unset = UNSET
        if _allocations is not UNSET:
            allocations = []
            for allocations_item_data in _allocations:
                allocations_item = AllocationRequest.from_dict(allocations_item_data)

                allocations.append(allocations_item)

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_exchange_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        exchange_rate = _parse_exchange_rate(d.pop("exchange_rate", UNSET))

        def _parse_memo(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        memo = _parse_memo(d.pop("memo", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        payment_create = cls(
            account_id=account_id,
            amount=amount,
            bank_account_id=bank_account_id,
            date=date,
            direction=direction,
            allocations=allocations,
            currency=currency,
            exchange_rate=exchange_rate,
            memo=memo,
            reference=reference,
        )

        return payment_create
