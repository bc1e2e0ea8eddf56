from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.allocation_request import AllocationRequest


T = TypeVar("T", bound="PaymentFromLineCreate")


@_attrs_define
class PaymentFromLineCreate:
    """`POST /bank-transactions/{id}/payment`.

    Attributes:
        account_id (UUID): The customer (money in) or vendor (money out).
        allocations (list[AllocationRequest] | Unset): As in `POST /payments`; what is left stays unallocated credit.
        date (datetime.date | None | Unset): The payment's date; the line's booking date by default.
        memo (None | str | Unset):
        reference (None | str | Unset):
    """

    account_id: UUID
    allocations: list[AllocationRequest] | Unset = UNSET
    date: datetime.date | None | Unset = UNSET
    memo: None | str | Unset = UNSET
    reference: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        allocations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.allocations, Unset):
            allocations = []
            for allocations_item_data in self.allocations:
                allocations_item = allocations_item_data.to_dict()
                allocations.append(allocations_item)

        date: None | str | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        elif isinstance(self.date, datetime.date):
            date = self.date.isoformat()
        else:
            date = self.date

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
            }
        )
        if allocations is not UNSET:
            field_dict["allocations"] = allocations
        if date is not UNSET:
            field_dict["date"] = date
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

        _allocations = d.pop("allocations", UNSET)
        allocations: list[AllocationRequest] | Unset = UNSET
        if _allocations is not UNSET:
            allocations = []
            for allocations_item_data in _allocations:
                allocations_item = AllocationRequest.from_dict(allocations_item_data)

                allocations.append(allocations_item)

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

        payment_from_line_create = cls(
            account_id=account_id,
            allocations=allocations,
            date=date,
            memo=memo,
            reference=reference,
        )

        return payment_from_line_create
