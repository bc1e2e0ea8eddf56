from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ledger import Ledger
from ..models.payment_direction import PaymentDirection
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.allocation_view import AllocationView


T = TypeVar("T", bound="PaymentView")


@_attrs_define
class PaymentView:
    """
    Attributes:
        account_id (UUID):
        account_name (str):
        allocated_amount (str):  Example: 100.00.
        allocations (list[AllocationView]):
        amount (str):  Example: 100.00.
        bank_account_id (UUID):
        base_amount (str):  Example: 100.00.
        base_currency (str):  Example: USD.
        created_at (datetime.datetime):
        currency (str):  Example: USD.
        date (datetime.date):  Example: 2026-09-10.
        direction (PaymentDirection):
        exchange_rate (str):  Example: 1.
        id (UUID):
        journal_entry_id (UUID):
        ledger (Ledger): Which control account a document or payment settles against.
        status (str): `posted` or `void`. Example: posted.
        unallocated_amount (str): Not yet allocated: a credit on the control account until it is. Example: 0.00.
        updated_at (datetime.datetime):
        version (int):
        memo (None | str | Unset):
        reference (None | str | Unset):
        void_entry_id (None | Unset | UUID):
        voided_at (datetime.datetime | None | Unset):
    """

    account_id: UUID
    account_name: str
    allocated_amount: str
    allocations: list[AllocationView]
    amount: str
    bank_account_id: UUID
    base_amount: str
    base_currency: str
    created_at: datetime.datetime
    currency: str
    date: datetime.date
    direction: PaymentDirection
    exchange_rate: str
    id: UUID
    journal_entry_id: UUID
    ledger: Ledger
    status: str
    unallocated_amount: str
    updated_at: datetime.datetime
    version: int
    memo: None | str | Unset = UNSET
    reference: None | str | Unset = UNSET
    void_entry_id: None | Unset | UUID = UNSET
    voided_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        account_name = self.account_name

        allocated_amount = self.allocated_amount

        allocations = []
        for allocations_item_data in self.allocations:
            allocations_item = allocations_item_data.to_dict()
            allocations.append(allocations_item)

        amount = self.amount

        bank_account_id = str(self.bank_account_id)

        base_amount = self.base_amount

        base_currency = self.base_currency

        created_at = self.created_at.isoformat()

        currency = self.currency

        date = self.date.isoformat()

        direction = self.direction.value

        exchange_rate = self.exchange_rate

        id = str(self.id)

        journal_entry_id = str(self.journal_entry_id)

        ledger = self.ledger.value

        status = self.status

        unallocated_amount = self.unallocated_amount

        updated_at = self.updated_at.isoformat()

        version = self.version

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

        void_entry_id: None | str | Unset
        if isinstance(self.void_entry_id, Unset):
            void_entry_id = UNSET
        elif isinstance(self.void_entry_id, UUID):
            void_entry_id = str(self.void_entry_id)
        else:
            void_entry_id = self.void_entry_id

        voided_at: None | str | Unset
        if isinstance(self.voided_at, Unset):
            voided_at = UNSET
        elif isinstance(self.voided_at, datetime.datetime):
            voided_at = self.voided_at.isoformat()
        else:
            voided_at = self.voided_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "account_name": account_name,
                "allocated_amount": allocated_amount,
                "allocations": allocations,
                "amount": amount,
                "bank_account_id": bank_account_id,
                "base_amount": base_amount,
                "base_currency": base_currency,
                "created_at": created_at,
                "currency": currency,
                "date": date,
                "direction": direction,
                "exchange_rate": exchange_rate,
                "id": id,
                "journal_entry_id": journal_entry_id,
                "ledger": ledger,
                "status": status,
                "unallocated_amount": unallocated_amount,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if memo is not UNSET:
            field_dict["memo"] = memo
        if reference is not UNSET:
            field_dict["reference"] = reference
        if void_entry_id is not UNSET:
            field_dict["void_entry_id"] = void_entry_id
        if voided_at is not UNSET:
            field_dict["voided_at"] = voided_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.allocation_view import AllocationView

        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        account_name = d.pop("account_name")

        allocated_amount = d.pop("allocated_amount")

        allocations = []
        _allocations = d.pop("allocations")
        for allocations_item_data in _allocations:
            allocations_item = AllocationView.from_dict(allocations_item_data)

            allocations.append(allocations_item)

        amount = d.pop("amount")

        bank_account_id = UUID(d.pop("bank_account_id"))

        base_amount = d.pop("base_amount")

        base_currency = d.pop("base_currency")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        date = datetime.date.fromisoformat(d.pop("date"))

        direction = PaymentDirection(d.pop("direction"))

        exchange_rate = d.pop("exchange_rate")

        id = UUID(d.pop("id"))

        journal_entry_id = UUID(d.pop("journal_entry_id"))

        ledger = Ledger(d.pop("ledger"))

        status = d.pop("status")

        unallocated_amount = d.pop("unallocated_amount")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

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

        def _parse_void_entry_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                void_entry_id_type_0 = UUID(data)

                return void_entry_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        void_entry_id = _parse_void_entry_id(d.pop("void_entry_id", UNSET))

        def _parse_voided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                voided_at_type_0 = datetime.datetime.fromisoformat(data)

                return voided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        voided_at = _parse_voided_at(d.pop("voided_at", UNSET))

        payment_view = cls(
            account_id=account_id,
            account_name=account_name,
            allocated_amount=allocated_amount,
            allocations=allocations,
            amount=amount,
            bank_account_id=bank_account_id,
            base_amount=base_amount,
            base_currency=base_currency,
            created_at=created_at,
            currency=currency,
            date=date,
            direction=direction,
            exchange_rate=exchange_rate,
            id=id,
            journal_entry_id=journal_entry_id,
            ledger=ledger,
            status=status,
            unallocated_amount=unallocated_amount,
            updated_at=updated_at,
            version=version,
            memo=memo,
            reference=reference,
            void_entry_id=void_entry_id,
            voided_at=voided_at,
        )

        payment_view.additional_properties = d
        return payment_view

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
