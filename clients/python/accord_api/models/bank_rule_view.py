from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rule_direction import RuleDirection
from ..types import UNSET, Unset

T = TypeVar("T", bound="BankRuleView")


@_attrs_define
class BankRuleView:
    """
    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        is_active (bool):
        ledger_account_id (UUID): Where a matched line is posted.
        name (str):  Example: Bank fees.
        priority (int): Lower is tried first (0 to 10000; default 100). Example: 100.
        updated_at (datetime.datetime):
        version (int):
        account_id (None | Unset | UUID): The client account the posting names.
        amount_max (None | str | Unset): The greatest absolute amount of the line. Example: 50.00.
        amount_min (None | str | Unset): The least absolute amount of the line. Example: 0.01.
        bank_account_id (None | Unset | UUID): Only lines of this bank account; any when null.
        counterparty (None | str | Unset): Case-insensitive text the line's counterparty name contains.
        description_contains (None | str | Unset): Case-insensitive text the line's description contains. Example:
            monthly fee.
        direction (None | RuleDirection | Unset):
        tax_rate_id (None | Unset | UUID):
    """

    created_at: datetime.datetime
    id: UUID
    is_active: bool
    ledger_account_id: UUID
    name: str
    priority: int
    updated_at: datetime.datetime
    version: int
    account_id: None | Unset | UUID = UNSET
    amount_max: None | str | Unset = UNSET
    amount_min: None | str | Unset = UNSET
    bank_account_id: None | Unset | UUID = UNSET
    counterparty: None | str | Unset = UNSET
    description_contains: None | str | Unset = UNSET
    direction: None | RuleDirection | Unset = UNSET
    tax_rate_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        is_active = self.is_active

        ledger_account_id = str(self.ledger_account_id)

        name = self.name

        priority = self.priority

        updated_at = self.updated_at.isoformat()

        version = self.version

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        elif isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

        amount_max: None | str | Unset
        if isinstance(self.amount_max, Unset):
            amount_max = UNSET
        else:
            amount_max = self.amount_max

        amount_min: None | str | Unset
        if isinstance(self.amount_min, Unset):
            amount_min = UNSET
        else:
            amount_min = self.amount_min

        bank_account_id: None | str | Unset
        if isinstance(self.bank_account_id, Unset):
            bank_account_id = UNSET
        elif isinstance(self.bank_account_id, UUID):
            bank_account_id = str(self.bank_account_id)
        else:
            bank_account_id = self.bank_account_id

        counterparty: None | str | Unset
        if isinstance(self.counterparty, Unset):
            counterparty = UNSET
        else:
            counterparty = self.counterparty

        description_contains: None | str | Unset
        if isinstance(self.description_contains, Unset):
            description_contains = UNSET
        else:
            description_contains = self.description_contains

        direction: None | str | Unset
        if isinstance(self.direction, Unset):
            direction = UNSET
        elif isinstance(self.direction, RuleDirection):
            direction = self.direction.value
        else:
            direction = self.direction

        tax_rate_id: None | str | Unset
        if isinstance(self.tax_rate_id, Unset):
            tax_rate_id = UNSET
        elif isinstance(self.tax_rate_id, UUID):
            tax_rate_id = str(self.tax_rate_id)
        else:
            tax_rate_id = self.tax_rate_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "is_active": is_active,
                "ledger_account_id": ledger_account_id,
                "name": name,
                "priority": priority,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if amount_max is not UNSET:
            field_dict["amount_max"] = amount_max
        if amount_min is not UNSET:
            field_dict["amount_min"] = amount_min
        if bank_account_id is not UNSET:
            field_dict["bank_account_id"] = bank_account_id
        if counterparty is not UNSET:
            field_dict["counterparty"] = counterparty
        if description_contains is not UNSET:
            field_dict["description_contains"] = description_contains
        if direction is not UNSET:
            field_dict["direction"] = direction
        if tax_rate_id is not UNSET:
            field_dict["tax_rate_id"] = tax_rate_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        is_active = d.pop("is_active")

        ledger_account_id = UUID(d.pop("ledger_account_id"))

        name = d.pop("name")

        priority = d.pop("priority")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_account_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                account_id_type_0 = UUID(data)

                return account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        def _parse_amount_max(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount_max = _parse_amount_max(d.pop("amount_max", UNSET))

        def _parse_amount_min(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount_min = _parse_amount_min(d.pop("amount_min", UNSET))

        def _parse_bank_account_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bank_account_id_type_0 = UUID(data)

                return bank_account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        bank_account_id = _parse_bank_account_id(d.pop("bank_account_id", UNSET))

        def _parse_counterparty(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        counterparty = _parse_counterparty(d.pop("counterparty", UNSET))

        def _parse_description_contains(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description_contains = _parse_description_contains(
            d.pop("description_contains", UNSET)
        )

        def _parse_direction(data: object) -> None | RuleDirection | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                direction_type_1 = RuleDirection(data)

                return direction_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RuleDirection | Unset, data)

        direction = _parse_direction(d.pop("direction", UNSET))

        def _parse_tax_rate_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tax_rate_id_type_0 = UUID(data)

                return tax_rate_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        tax_rate_id = _parse_tax_rate_id(d.pop("tax_rate_id", UNSET))

        bank_rule_view = cls(
            created_at=created_at,
            id=id,
            is_active=is_active,
            ledger_account_id=ledger_account_id,
            name=name,
            priority=priority,
            updated_at=updated_at,
            version=version,
            account_id=account_id,
            amount_max=amount_max,
            amount_min=amount_min,
            bank_account_id=bank_account_id,
            counterparty=counterparty,
            description_contains=description_contains,
            direction=direction,
            tax_rate_id=tax_rate_id,
        )

        bank_rule_view.additional_properties = d
        return bank_rule_view

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
