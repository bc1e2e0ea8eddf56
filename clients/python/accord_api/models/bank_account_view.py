from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bank_account_kind import BankAccountKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.balance_anchor import BalanceAnchor
    from ..models.csv_mapping import CsvMapping


T = TypeVar("T", bound="BankAccountView")


@_attrs_define
class BankAccountView:
    """
    Attributes:
        created_at (datetime.datetime):
        currency (str):  Example: USD.
        id (UUID):
        is_active (bool):
        kind (BankAccountKind): A bank account proper (its ledger account an asset) or a credit card (a liability).
        ledger_account_id (UUID): The account in the chart that payments through this bank account post to (an asset;
            a liability for a credit card).
        name (str):  Example: Operating account.
        updated_at (datetime.datetime):
        version (int):
        balance_anchor (BalanceAnchor | None | Unset):
        csv_mapping (CsvMapping | None | Unset):
        iban (None | str | Unset):  Example: GB33BUKB20201555555555.
        number (None | str | Unset):  Example: 12345678.
    """

    created_at: datetime.datetime
    currency: str
    id: UUID
    is_active: bool
    kind: BankAccountKind
    ledger_account_id: UUID
    name: str
    updated_at: datetime.datetime
    version: int
    balance_anchor: BalanceAnchor | None | Unset = UNSET
    csv_mapping: CsvMapping | None | Unset = UNSET
    iban: None | str | Unset = UNSET
    number: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.balance_anchor import BalanceAnchor
        from ..models.csv_mapping import CsvMapping

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = str(self.id)

        is_active = self.is_active

        kind = self.kind.value

        ledger_account_id = str(self.ledger_account_id)

        name = self.name

        updated_at = self.updated_at.isoformat()

        version = self.version

        balance_anchor: dict[str, Any] | None | Unset
        if isinstance(self.balance_anchor, Unset):
            balance_anchor = UNSET
        elif isinstance(self.balance_anchor, BalanceAnchor):
            balance_anchor = self.balance_anchor.to_dict()
        else:
            balance_anchor = self.balance_anchor

        csv_mapping: dict[str, Any] | None | Unset
        if isinstance(self.csv_mapping, Unset):
            csv_mapping = UNSET
        elif isinstance(self.csv_mapping, CsvMapping):
            csv_mapping = self.csv_mapping.to_dict()
        else:
            csv_mapping = self.csv_mapping

        iban: None | str | Unset
        if isinstance(self.iban, Unset):
            iban = UNSET
        else:
            iban = self.iban

        number: None | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "is_active": is_active,
                "kind": kind,
                "ledger_account_id": ledger_account_id,
                "name": name,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if balance_anchor is not UNSET:
            field_dict["balance_anchor"] = balance_anchor
        if csv_mapping is not UNSET:
            field_dict["csv_mapping"] = csv_mapping
        if iban is not UNSET:
            field_dict["iban"] = iban
        if number is not UNSET:
            field_dict["number"] = number

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.balance_anchor import BalanceAnchor
        from ..models.csv_mapping import CsvMapping

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        is_active = d.pop("is_active")

        kind = BankAccountKind(d.pop("kind"))

        ledger_account_id = UUID(d.pop("ledger_account_id"))

        name = d.pop("name")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_balance_anchor(data: object) -> BalanceAnchor | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                balance_anchor_type_1 = BalanceAnchor.from_dict(data)

                return balance_anchor_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BalanceAnchor | None | Unset, data)

        balance_anchor = _parse_balance_anchor(d.pop("balance_anchor", UNSET))

        def _parse_csv_mapping(data: object) -> CsvMapping | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                csv_mapping_type_1 = CsvMapping.from_dict(data)

                return csv_mapping_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CsvMapping | None | Unset, data)

        csv_mapping = _parse_csv_mapping(d.pop("csv_mapping", UNSET))

        def _parse_iban(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        iban = _parse_iban(d.pop("iban", UNSET))

        def _parse_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

        bank_account_view = cls(
            created_at=created_at,
            currency=currency,
            id=id,
            is_active=is_active,
            kind=kind,
            ledger_account_id=ledger_account_id,
            name=name,
            updated_at=updated_at,
            version=version,
            balance_anchor=balance_anchor,
            csv_mapping=csv_mapping,
            iban=iban,
            number=number,
        )

        bank_account_view.additional_properties = d
        return bank_account_view

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
