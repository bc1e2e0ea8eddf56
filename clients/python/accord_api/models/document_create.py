from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.amounts_are import AmountsAre
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_line_request import DocumentLineRequest


T = TypeVar("T", bound="DocumentCreate")


@_attrs_define
class DocumentCreate:
    """A change to a draft document: any field of it (`lines` replaces them all); absent fields
    stay as they are. A create is [`DocumentCreate`].

        Attributes:
            account_id (UUID): The customer (invoices, credit notes) or vendor (bills, vendor credits).
            lines (list[DocumentLineRequest]): 1 to 200 lines.
            amounts_are (AmountsAre | None | Unset):
            bill_id (None | Unset | UUID): Vendor credits: the bill credited.
            currency (None | str | Unset): ISO 4217; default the account's currency. Example: USD.
            due_date (datetime.date | None | Unset): Default: 30 days after the issue date (not used on credits). Example:
                2026-09-30.
            exchange_rate (None | str | Unset): Base-currency units per unit of `currency`; default the organization's rate
                of the
                issue date from /exchange-rates. Example: 1.0835.
            invoice_id (None | Unset | UUID): Credit notes: the invoice credited (the credit is allocated to it when
                issued).
            issue_date (datetime.date | None | Unset):  Example: 2026-09-01.
            memo (None | str | Unset):
            reference (None | str | Unset): The supplier's own number (bills: unique per vendor) or the customer's PO.
                Example: ACME-7781.
    """

    account_id: UUID
    lines: list[DocumentLineRequest]
    amounts_are: AmountsAre | None | Unset = UNSET
    bill_id: None | Unset | UUID = UNSET
    currency: None | str | Unset = UNSET
    due_date: datetime.date | None | Unset = UNSET
    exchange_rate: None | str | Unset = UNSET
    invoice_id: None | Unset | UUID = UNSET
    issue_date: datetime.date | None | Unset = UNSET
    memo: None | str | Unset = UNSET
    reference: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        amounts_are: None | str | Unset
        if isinstance(self.amounts_are, Unset):
            amounts_are = UNSET
        elif isinstance(self.amounts_are, AmountsAre):
            amounts_are = self.amounts_are.value
        else:
            amounts_are = self.amounts_are

        bill_id: None | str | Unset
        if isinstance(self.bill_id, Unset):
            bill_id = UNSET
        elif isinstance(self.bill_id, UUID):
            bill_id = str(self.bill_id)
        else:
            bill_id = self.bill_id

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        exchange_rate: None | str | Unset
        if isinstance(self.exchange_rate, Unset):
            exchange_rate = UNSET
        else:
            exchange_rate = self.exchange_rate

        invoice_id: None | str | Unset
        if isinstance(self.invoice_id, Unset):
            invoice_id = UNSET
        elif isinstance(self.invoice_id, UUID):
            invoice_id = str(self.invoice_id)
        else:
            invoice_id = self.invoice_id

        issue_date: None | str | Unset
        if isinstance(self.issue_date, Unset):
            issue_date = UNSET
        elif isinstance(self.issue_date, datetime.date):
            issue_date = self.issue_date.isoformat()
        else:
            issue_date = self.issue_date

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
                "lines": lines,
            }
        )
        if amounts_are is not UNSET:
            field_dict["amounts_are"] = amounts_are
        if bill_id is not UNSET:
            field_dict["bill_id"] = bill_id
        if currency is not UNSET:
            field_dict["currency"] = currency
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if exchange_rate is not UNSET:
            field_dict["exchange_rate"] = exchange_rate
        if invoice_id is not UNSET:
            field_dict["invoice_id"] = invoice_id
        if issue_date is not UNSET:
            field_dict["issue_date"] = issue_date
        if memo is not UNSET:
            field_dict["memo"] = memo
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.document_line_request import DocumentLineRequest

        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = DocumentLineRequest.from_dict(lines_item_data)

            lines.append(lines_item)

        def _parse_amounts_are(data: object) -> AmountsAre | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                amounts_are_type_1 = AmountsAre(data)

                return amounts_are_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AmountsAre | None | Unset, data)

        amounts_are = _parse_amounts_are(d.pop("amounts_are", UNSET))

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

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_due_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_date = _parse_due_date(d.pop("due_date", UNSET))

        def _parse_exchange_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        exchange_rate = _parse_exchange_rate(d.pop("exchange_rate", UNSET))

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

        def _parse_issue_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issue_date_type_0 = datetime.date.fromisoformat(data)

                return issue_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        issue_date = _parse_issue_date(d.pop("issue_date", UNSET))

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

        document_create = cls(
            account_id=account_id,
            lines=lines,
            amounts_are=amounts_are,
            bill_id=bill_id,
            currency=currency,
            due_date=due_date,
            exchange_rate=exchange_rate,
            invoice_id=invoice_id,
            issue_date=issue_date,
            memo=memo,
            reference=reference,
        )

        return document_create
