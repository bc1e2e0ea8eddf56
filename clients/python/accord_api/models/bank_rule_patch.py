from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.rule_direction import RuleDirection
from ..types import UNSET, Unset

T = TypeVar("T", bound="BankRulePatch")


@_attrs_define
class BankRulePatch:
    """The fields of a bank rule to change (absent = unchanged, `null` clears); a create is
    [`BankRuleCreate`].

        Attributes:
            account_id (None | Unset | UUID):
            amount_max (None | str | Unset): A decimal string: the greatest absolute amount. Example: 50.00.
            amount_min (None | str | Unset): A decimal string: the least absolute amount. Example: 0.01.
            bank_account_id (None | Unset | UUID):
            counterparty (None | str | Unset):
            description_contains (None | str | Unset):  Example: monthly fee.
            direction (None | RuleDirection | Unset):
            is_active (bool | None | Unset):
            ledger_account_id (None | Unset | UUID): Where a matched line is posted: an active account, not receivables,
                payables or the
                bank's own.
            name (None | str | Unset):  Example: Bank fees.
            priority (int | None | Unset): Lower is tried first: 0 to 10000 (default 100). Example: 100.
            tax_rate_id (None | Unset | UUID):
    """

    account_id: None | Unset | UUID = UNSET
    amount_max: None | str | Unset = UNSET
    amount_min: None | str | Unset = UNSET
    bank_account_id: None | Unset | UUID = UNSET
    counterparty: None | str | Unset = UNSET
    description_contains: None | str | Unset = UNSET
    direction: None | RuleDirection | Unset = UNSET
    is_active: bool | None | Unset = UNSET
    ledger_account_id: None | Unset | UUID = UNSET
    name: None | str | Unset = UNSET
    priority: int | None | Unset = UNSET
    tax_rate_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        is_active: bool | None | Unset
        if isinstance(self.is_active, Unset):
            is_active = UNSET
        else:
            is_active = self.is_active

        ledger_account_id: None | str | Unset
        if isinstance(self.ledger_account_id, Unset):
            ledger_account_id = UNSET
        elif isinstance(self.ledger_account_id, UUID):
            ledger_account_id = str(self.ledger_account_id)
        else:
            ledger_account_id = self.ledger_account_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        priority: int | None | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        else:
            priority = self.priority

        tax_rate_id: None | str | Unset
        if isinstance(self.tax_rate_id, Unset):
            tax_rate_id = UNSET
        elif isinstance(self.tax_rate_id, UUID):
            tax_rate_id = str(self.tax_rate_id)
        else:
            tax_rate_id = self.tax_rate_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
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
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if ledger_account_id is not UNSET:
            field_dict["ledger_account_id"] = ledger_account_id
        if name is not UNSET:
            field_dict["name"] = name
        if priority is not UNSET:
            field_dict["priority"] = priority
        if tax_rate_id is not UNSET:
            field_dict["tax_rate_id"] = tax_rate_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

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

        def _parse_is_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_active = _parse_is_active(d.pop("is_active", UNSET))

        def _parse_ledger_account_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ledger_account_id_type_0 = UUID(data)

                return ledger_account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        ledger_account_id = _parse_ledger_account_id(d.pop("ledger_account_id", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_priority(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))

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

        bank_rule_patch = cls(
            account_id=account_id,
            amount_max=amount_max,
            amount_min=amount_min,
            bank_account_id=bank_account_id,
            counterparty=counterparty,
            description_contains=description_contains,
            direction=direction,
            is_active=is_active,
            ledger_account_id=ledger_account_id,
            name=name,
            priority=priority,
            tax_rate_id=tax_rate_id,
        )

        return bank_rule_patch
