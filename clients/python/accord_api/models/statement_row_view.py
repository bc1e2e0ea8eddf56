from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StatementRowView")


@_attrs_define
class StatementRowView:
    """
    Attributes:
        balance (str): The account's own balance, in the section's normal direction. Example: 1250.00.
        name (str):
        total (str): With its sub-accounts rolled up. Example: 1250.00.
        code (None | str | Unset):
        key (None | str | Unset): `retained_earnings` or `current_year_earnings` for computed rows.
        ledger_account_id (None | Unset | UUID): `null` for computed rows (current-year earnings).
        parent_id (None | Unset | UUID):
    """

    balance: str
    name: str
    total: str
    code: None | str | Unset = UNSET
    key: None | str | Unset = UNSET
    ledger_account_id: None | Unset | UUID = UNSET
    parent_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        name = self.name

        total = self.total

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        key: None | str | Unset
        if isinstance(self.key, Unset):
            key = UNSET
        else:
            key = self.key

        ledger_account_id: None | str | Unset
        if isinstance(self.ledger_account_id, Unset):
            ledger_account_id = UNSET
        elif isinstance(self.ledger_account_id, UUID):
            ledger_account_id = str(self.ledger_account_id)
        else:
            ledger_account_id = self.ledger_account_id

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "balance": balance,
                "name": name,
                "total": total,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if key is not UNSET:
            field_dict["key"] = key
        if ledger_account_id is not UNSET:
            field_dict["ledger_account_id"] = ledger_account_id
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        balance = d.pop("balance")

        name = d.pop("name")

        total = d.pop("total")

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        key = _parse_key(d.pop("key", UNSET))

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

        def _parse_parent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        statement_row_view = cls(
            balance=balance,
            name=name,
            total=total,
            code=code,
            key=key,
            ledger_account_id=ledger_account_id,
            parent_id=parent_id,
        )

        statement_row_view.additional_properties = d
        return statement_row_view

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
