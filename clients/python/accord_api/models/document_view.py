from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.amounts_are import AmountsAre
from ..models.document_kind import DocumentKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.allocation_view import AllocationView
    from ..models.document_line_view import DocumentLineView


T = TypeVar("T", bound="DocumentView")


@_attrs_define
class DocumentView:
    """A document as the API shows it.

    Attributes:
        account_id (UUID): The customer (invoices, credit notes) or vendor (bills, vendor credits).
        account_name (str):
        allocations (list[AllocationView]):
        amount_credited (str): Settled by credit notes or vendor credits (or, on a credit, used against documents).
            Example: 0.00.
        amount_due (str): What is left: still owed on an invoice or bill, still to use on a credit. Example: 170.00.
        amount_paid (str): Settled by payments (or, on a credit, refunded). Example: 100.00.
        amounts_are (AmountsAre):
        base_amount_due (str):  Example: 170.00.
        base_currency (str):  Example: USD.
        base_subtotal (str): The amounts in the base currency, as posted. Example: 250.00.
        base_total (str):  Example: 270.00.
        created_at (datetime.datetime):
        currency (str):  Example: USD.
        exchange_rate (str): Base-currency units per one unit of `currency` ("1" in the base currency). Example: 1.
        id (UUID):
        issue_date (datetime.date):  Example: 2026-09-01.
        kind (DocumentKind): The four documents; invoices and credit notes are receivables, bills and vendor credits
            payables.
        lines (list[DocumentLineView]):
        overdue (bool): Open or partly paid, and due before today.
        status (str): `draft`, `open`, `partially_paid`, `paid` or `void`. Example: open.
        subtotal (str):  Example: 250.00.
        tax_total (str):  Example: 20.00.
        total (str):  Example: 270.00.
        updated_at (datetime.datetime):
        version (int):
        bill_id (None | Unset | UUID): The bill a vendor credit credits.
        disputed_amount (None | str | Unset): Invoices: what open or mitigating disputes (risks of kind dispute) contest
            on it, at
            most the amount due; null when no open dispute names it. Example: 50.00.
        due_date (datetime.date | None | Unset):  Example: 2026-09-30.
        invoice_id (None | Unset | UUID): The invoice a credit note credits.
        issued_at (datetime.datetime | None | Unset):
        journal_entry_id (None | Unset | UUID):
        memo (None | str | Unset):
        number (None | str | Unset): Assigned when issued (invoices, credit notes, vendor credits); bills carry the
            supplier's `reference` instead. Example: INV-0001.
        owner_id (None | Unset | UUID): The account's owner and team when the document was issued (revenue attribution).
        reference (None | str | Unset): The supplier's own number (bills) or the customer's purchase order.
        team_id (None | Unset | UUID):
        void_entry_id (None | Unset | UUID):
        voided_at (datetime.datetime | None | Unset):
    """

    account_id: UUID
    account_name: str
    allocations: list[AllocationView]
    amount_credited: str
    amount_due: str
    amount_paid: str
    amounts_are: AmountsAre
    base_amount_due: str
    base_currency: str
    base_subtotal: str
    base_total: str
    created_at: datetime.datetime
    currency: str
    exchange_rate: str
    id: UUID
    issue_date: datetime.date
    kind: DocumentKind
    lines: list[DocumentLineView]
    overdue: bool
    status: str
    subtotal: str
    tax_total: str
    total: str
    updated_at: datetime.datetime
    version: int
    bill_id: None | Unset | UUID = UNSET
    disputed_amount: None | str | Unset = UNSET
    due_date: datetime.date | None | Unset = UNSET
    invoice_id: None | Unset | UUID = UNSET
    issued_at: datetime.datetime | None | Unset = UNSET
    journal_entry_id: None | Unset | UUID = UNSET
    memo: None | str | Unset = UNSET
    number: None | str | Unset = UNSET
    owner_id: None | Unset | UUID = UNSET
    reference: None | str | Unset = UNSET
    team_id: None | Unset | UUID = UNSET
    void_entry_id: None | Unset | UUID = UNSET
    voided_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        account_name = self.account_name

        allocations = []
        for allocations_item_data in self.allocations:
            allocations_item = allocations_item_data.to_dict()
            allocations.append(allocations_item)

        amount_credited = self.amount_credited

        amount_due = self.amount_due

        amount_paid = self.amount_paid

        amounts_are = self.amounts_are.value

        base_amount_due = self.base_amount_due

        base_currency = self.base_currency

        base_subtotal = self.base_subtotal

        base_total = self.base_total

        created_at = self.created_at.isoformat()

        currency = self.currency

        exchange_rate = self.exchange_rate

        id = str(self.id)

        issue_date = self.issue_date.isoformat()

        kind = self.kind.value

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        overdue = self.overdue

        status = self.status

        subtotal = self.subtotal

        tax_total = self.tax_total

        total = self.total

        updated_at = self.updated_at.isoformat()

        version = self.version

        bill_id: None | str | Unset
        if isinstance(self.bill_id, Unset):
            bill_id = UNSET
        elif isinstance(self.bill_id, UUID):
            bill_id = str(self.bill_id)
        else:
            bill_id = self.bill_id

        disputed_amount: None | str | Unset
        if isinstance(self.disputed_amount, Unset):
            disputed_amount = UNSET
        else:
            disputed_amount = self.disputed_amount

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        invoice_id: None | str | Unset
        if isinstance(self.invoice_id, Unset):
            invoice_id = UNSET
        elif isinstance(self.invoice_id, UUID):
            invoice_id = str(self.invoice_id)
        else:
            invoice_id = self.invoice_id

        issued_at: None | str | Unset
        if isinstance(self.issued_at, Unset):
            issued_at = UNSET
        elif isinstance(self.issued_at, datetime.datetime):
            issued_at = self.issued_at.isoformat()
        else:
            issued_at = self.issued_at

        journal_entry_id: None | str | Unset
        if isinstance(self.journal_entry_id, Unset):
            journal_entry_id = UNSET
        elif isinstance(self.journal_entry_id, UUID):
            journal_entry_id = str(self.journal_entry_id)
        else:
            journal_entry_id = self.journal_entry_id

        memo: None | str | Unset
        if isinstance(self.memo, Unset):
            memo = UNSET
        else:
            memo = self.memo

        number: None | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        team_id: None | str | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        elif isinstance(self.team_id, UUID):
            team_id = str(self.team_id)
        else:
            team_id = self.team_id

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
                "allocations": allocations,
                "amount_credited": amount_credited,
                "amount_due": amount_due,
                "amount_paid": amount_paid,
                "amounts_are": amounts_are,
                "base_amount_due": base_amount_due,
                "base_currency": base_currency,
                "base_subtotal": base_subtotal,
                "base_total": base_total,
                "created_at": created_at,
                "currency": currency,
                "exchange_rate": exchange_rate,
                "id": id,
                "issue_date": issue_date,
                "kind": kind,
                "lines": lines,
                "overdue": overdue,
                "status": status,
                "subtotal": subtotal,
                "tax_total": tax_total,
                "total": total,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if bill_id is not UNSET:
            field_dict["bill_id"] = bill_id
        if disputed_amount is not UNSET:
            field_dict["disputed_amount"] = disputed_amount
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if invoice_id is not UNSET:
            field_dict["invoice_id"] = invoice_id
        if issued_at is not UNSET:
            field_dict["issued_at"] = issued_at
        if journal_entry_id is not UNSET:
            field_dict["journal_entry_id"] = journal_entry_id
        if memo is not UNSET:
            field_dict["memo"] = memo
        if number is not UNSET:
            field_dict["number"] = number
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if reference is not UNSET:
            field_dict["reference"] = reference
        if team_id is not UNSET:
            field_dict["team_id"] = team_id
        if void_entry_id is not UNSET:
            field_dict["void_entry_id"] = void_entry_id
        if voided_at is not UNSET:
            field_dict["voided_at"] = voided_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.allocation_view import AllocationView
        from ..models.document_line_view import DocumentLineView

        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        account_name = d.pop("account_name")

        allocations = []
        _allocations = d.pop("allocations")
        for allocations_item_data in _allocations:
            allocations_item = AllocationView.from_dict(allocations_item_data)

            allocations.append(allocations_item)

        amount_credited = d.pop("amount_credited")

        amount_due = d.pop("amount_due")

        amount_paid = d.pop("amount_paid")

        amounts_are = AmountsAre(d.pop("amounts_are"))

        base_amount_due = d.pop("base_amount_due")

        base_currency = d.pop("base_currency")

        base_subtotal = d.pop("base_subtotal")

        base_total = d.pop("base_total")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        exchange_rate = d.pop("exchange_rate")

        id = UUID(d.pop("id"))

        issue_date = datetime.date.fromisoformat(d.pop("issue_date"))

        kind = DocumentKind(d.pop("kind"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = DocumentLineView.from_dict(lines_item_data)

            lines.append(lines_item)

        overdue = d.pop("overdue")

        status = d.pop("status")

        subtotal = d.pop("subtotal")

        tax_total = d.pop("tax_total")

        total = d.pop("total")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

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

        def _parse_disputed_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        disputed_amount = _parse_disputed_amount(d.pop("disputed_amount", UNSET))

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

        def _parse_issued_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_at_type_0 = datetime.datetime.fromisoformat(data)

                return issued_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        issued_at = _parse_issued_at(d.pop("issued_at", UNSET))

        def _parse_journal_entry_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                journal_entry_id_type_0 = UUID(data)

                return journal_entry_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        journal_entry_id = _parse_journal_entry_id(d.pop("journal_entry_id", UNSET))

        def _parse_memo(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        memo = _parse_memo(d.pop("memo", UNSET))

        def _parse_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

        def _parse_owner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_id_type_0 = UUID(data)

                return owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_team_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                team_id_type_0 = UUID(data)

                return team_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        team_id = _parse_team_id(d.pop("team_id", UNSET))

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

        document_view = cls(
            account_id=account_id,
            account_name=account_name,
            allocations=allocations,
            amount_credited=amount_credited,
            amount_due=amount_due,
            amount_paid=amount_paid,
            amounts_are=amounts_are,
            base_amount_due=base_amount_due,
            base_currency=base_currency,
            base_subtotal=base_subtotal,
            base_total=base_total,
            created_at=created_at,
            currency=currency,
            exchange_rate=exchange_rate,
            id=id,
            issue_date=issue_date,
            kind=kind,
            lines=lines,
            overdue=overdue,
            status=status,
            subtotal=subtotal,
            tax_total=tax_total,
            total=total,
            updated_at=updated_at,
            version=version,
            bill_id=bill_id,
            disputed_amount=disputed_amount,
            due_date=due_date,
            invoice_id=invoice_id,
            issued_at=issued_at,
            journal_entry_id=journal_entry_id,
            memo=memo,
            number=number,
            owner_id=owner_id,
            reference=reference,
            team_id=team_id,
            void_entry_id=void_entry_id,
            voided_at=voided_at,
        )

        document_view.additional_properties = d
        return document_view

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
