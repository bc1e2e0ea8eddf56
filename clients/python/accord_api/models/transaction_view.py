from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.transaction_view_details_type_0_item import (
        TransactionViewDetailsType0Item,
    )


T = TypeVar("T", bound="TransactionView")


@_attrs_define
class TransactionView:
    """One bank line.

    Attributes:
        amount (str): Signed, positive is money in; exactly as the bank wrote it (more decimals than the
            currency has are kept). Example: -2.50.
        amount_rounded (str): `amount` rounded half-up to the currency: what is matched and posted. Example: -2.50.
        bank_account_id (UUID):
        booked_on (datetime.date):
        created_at (datetime.datetime):
        currency (str):  Example: EUR.
        id (UUID):
        statement_id (UUID):
        status (str): `unreconciled` or `reconciled`.
        updated_at (datetime.datetime):
        version (int):
        bank_reference (None | str | Unset): The bank's own reference (camt AcctSvcrRef, OFX FITID).
        bank_transaction_code (None | str | Unset):
        counterparty_account (None | str | Unset): The counterparty's IBAN or account number.
        counterparty_name (None | str | Unset):
        description (None | str | Unset): Remittance information and other text of the line.
        details (list[TransactionViewDetailsType0Item] | None | Unset): The file's transaction details (each camt
            `TxDtls`), kept for matching; `null` when
            the format has none.
        end_to_end_id (None | str | Unset):
        reconciliation_id (None | Unset | UUID):
        structured_reference (None | str | Unset): Structured remittance: a creditor reference or a document number.
        value_on (datetime.date | None | Unset):
    """

    amount: str
    amount_rounded: str
    bank_account_id: UUID
    booked_on: datetime.date
    created_at: datetime.datetime
    currency: str
    id: UUID
    statement_id: UUID
    status: str
    updated_at: datetime.datetime
    version: int
    bank_reference: None | str | Unset = UNSET
    bank_transaction_code: None | str | Unset = UNSET
    counterparty_account: None | str | Unset = UNSET
    counterparty_name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    details: list[TransactionViewDetailsType0Item] | None | Unset = UNSET
    end_to_end_id: None | str | Unset = UNSET
    reconciliation_id: None | Unset | UUID = UNSET
    structured_reference: None | str | Unset = UNSET
    value_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        amount_rounded = self.amount_rounded

        bank_account_id = str(self.bank_account_id)

        booked_on = self.booked_on.isoformat()

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = str(self.id)

        statement_id = str(self.statement_id)

        status = self.status

        updated_at = self.updated_at.isoformat()

        version = self.version

        bank_reference: None | str | Unset
        if isinstance(self.bank_reference, Unset):
            bank_reference = UNSET
        else:
            bank_reference = self.bank_reference

        bank_transaction_code: None | str | Unset
        if isinstance(self.bank_transaction_code, Unset):
            bank_transaction_code = UNSET
        else:
            bank_transaction_code = self.bank_transaction_code

        counterparty_account: None | str | Unset
        if isinstance(self.counterparty_account, Unset):
            counterparty_account = UNSET
        else:
            counterparty_account = self.counterparty_account

        counterparty_name: None | str | Unset
        if isinstance(self.counterparty_name, Unset):
            counterparty_name = UNSET
        else:
            counterparty_name = self.counterparty_name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        details: list[dict[str, Any]] | None | Unset
        if isinstance(self.details, Unset):
            details = UNSET
        elif isinstance(self.details, list):
            details = []
            for details_type_0_item_data in self.details:
                details_type_0_item = details_type_0_item_data.to_dict()
                details.append(details_type_0_item)

        else:
            details = self.details

        end_to_end_id: None | str | Unset
        if isinstance(self.end_to_end_id, Unset):
            end_to_end_id = UNSET
        else:
            end_to_end_id = self.end_to_end_id

        reconciliation_id: None | str | Unset
        if isinstance(self.reconciliation_id, Unset):
            reconciliation_id = UNSET
        elif isinstance(self.reconciliation_id, UUID):
            reconciliation_id = str(self.reconciliation_id)
        else:
            reconciliation_id = self.reconciliation_id

        structured_reference: None | str | Unset
        if isinstance(self.structured_reference, Unset):
            structured_reference = UNSET
        else:
            structured_reference = self.structured_reference

        value_on: None | str | Unset
        if isinstance(self.value_on, Unset):
            value_on = UNSET
        elif isinstance(self.value_on, datetime.date):
            value_on = self.value_on.isoformat()
        else:
            value_on = self.value_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "amount_rounded": amount_rounded,
                "bank_account_id": bank_account_id,
                "booked_on": booked_on,
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "statement_id": statement_id,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if bank_reference is not UNSET:
            field_dict["bank_reference"] = bank_reference
        if bank_transaction_code is not UNSET:
            field_dict["bank_transaction_code"] = bank_transaction_code
        if counterparty_account is not UNSET:
            field_dict["counterparty_account"] = counterparty_account
        if counterparty_name is not UNSET:
            field_dict["counterparty_name"] = counterparty_name
        if description is not UNSET:
            field_dict["description"] = description
        if details is not UNSET:
            field_dict["details"] = details
        if end_to_end_id is not UNSET:
            field_dict["end_to_end_id"] = end_to_end_id
        if reconciliation_id is not UNSET:
            field_dict["reconciliation_id"] = reconciliation_id
        if structured_reference is not UNSET:
            field_dict["structured_reference"] = structured_reference
        if value_on is not UNSET:
            field_dict["value_on"] = value_on

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.transaction_view_details_type_0_item import (
            TransactionViewDetailsType0Item,
        )

        d = dict(src_dict)
        amount = d.pop("amount")

        amount_rounded = d.pop("amount_rounded")

        bank_account_id = UUID(d.pop("bank_account_id"))

        booked_on = datetime.date.fromisoformat(d.pop("booked_on"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        statement_id = UUID(d.pop("statement_id"))

        status = d.pop("status")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_bank_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bank_reference = _parse_bank_reference(d.pop("bank_reference", UNSET))

        def _parse_bank_transaction_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bank_transaction_code = _parse_bank_transaction_code(
            d.pop("bank_transaction_code", UNSET)
        )

        def _parse_counterparty_account(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        counterparty_account = _parse_counterparty_account(
            d.pop("counterparty_account", UNSET)
        )

        def _parse_counterparty_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        counterparty_name = _parse_counterparty_name(d.pop("counterparty_name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_details(
            data: object,
        ) -> list[TransactionViewDetailsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                details_type_0 = []
                _details_type_0 = data
                for details_type_0_item_data in _details_type_0:
                    details_type_0_item = TransactionViewDetailsType0Item.from_dict(
                        details_type_0_item_data
                    )

                    details_type_0.append(details_type_0_item)

                return details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TransactionViewDetailsType0Item] | None | Unset, data)

        details = _parse_details(d.pop("details", UNSET))

        def _parse_end_to_end_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_to_end_id = _parse_end_to_end_id(d.pop("end_to_end_id", UNSET))

        def _parse_reconciliation_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reconciliation_id_type_0 = UUID(data)

                return reconciliation_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        reconciliation_id = _parse_reconciliation_id(d.pop("reconciliation_id", UNSET))

        def _parse_structured_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        structured_reference = _parse_structured_reference(
            d.pop("structured_reference", UNSET)
        )

        def _parse_value_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                value_on_type_0 = datetime.date.fromisoformat(data)

                return value_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        value_on = _parse_value_on(d.pop("value_on", UNSET))

        transaction_view = cls(
            amount=amount,
            amount_rounded=amount_rounded,
            bank_account_id=bank_account_id,
            booked_on=booked_on,
            created_at=created_at,
            currency=currency,
            id=id,
            statement_id=statement_id,
            status=status,
            updated_at=updated_at,
            version=version,
            bank_reference=bank_reference,
            bank_transaction_code=bank_transaction_code,
            counterparty_account=counterparty_account,
            counterparty_name=counterparty_name,
            description=description,
            details=details,
            end_to_end_id=end_to_end_id,
            reconciliation_id=reconciliation_id,
            structured_reference=structured_reference,
            value_on=value_on,
        )

        transaction_view.additional_properties = d
        return transaction_view

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
