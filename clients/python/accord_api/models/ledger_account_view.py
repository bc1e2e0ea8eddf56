from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_type import AccountType
from ..models.system_role import SystemRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="LedgerAccountView")


@_attrs_define
class LedgerAccountView:
    """
    Attributes:
        code (str):  Example: 1000.
        created_at (datetime.datetime):
        currency (str):  Example: USD.
        id (UUID):
        is_active (bool):
        name (str):
        type_ (AccountType):
        updated_at (datetime.datetime):
        version (int):
        description (None | str | Unset):
        parent_id (None | Unset | UUID):
        system_role (None | SystemRole | Unset):
    """

    code: str
    created_at: datetime.datetime
    currency: str
    id: UUID
    is_active: bool
    name: str
    type_: AccountType
    updated_at: datetime.datetime
    version: int
    description: None | str | Unset = UNSET
    parent_id: None | Unset | UUID = UNSET
    system_role: None | SystemRole | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = str(self.id)

        is_active = self.is_active

        name = self.name

        type_ = self.type_.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        system_role: None | str | Unset
        if isinstance(self.system_role, Unset):
            system_role = UNSET
        elif isinstance(self.system_role, SystemRole):
            system_role = self.system_role.value
        else:
            system_role = self.system_role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "is_active": is_active,
                "name": name,
                "type": type_,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if system_role is not UNSET:
            field_dict["system_role"] = system_role

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        is_active = d.pop("is_active")

        name = d.pop("name")

        type_ = AccountType(d.pop("type"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

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

        def _parse_system_role(data: object) -> None | SystemRole | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                system_role_type_1 = SystemRole(data)

                return system_role_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SystemRole | Unset, data)

        system_role = _parse_system_role(d.pop("system_role", UNSET))

        ledger_account_view = cls(
            code=code,
            created_at=created_at,
            currency=currency,
            id=id,
            is_active=is_active,
            name=name,
            type_=type_,
            updated_at=updated_at,
            version=version,
            description=description,
            parent_id=parent_id,
            system_role=system_role,
        )

        ledger_account_view.additional_properties = d
        return ledger_account_view

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
