from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditVerification")


@_attrs_define
class AuditVerification:
    """What `GET /audit-events/verify` found.

    Attributes:
        checked (int): Sealed rows checked.
        ok (bool): Whether the whole chain holds: every row's hash recomputes, the sequence has no gap, and
            the newest row is the checkpointed head.
        unsealed (int): Rows recorded but not chained yet (normally chained within a second).
        first_broken_id (None | Unset | UUID): The first row whose hash or position does not hold; null when none (or
            when rows were
            removed from the end, which `reason` then says).
        reason (None | str | Unset): Why the chain does not hold; null when it does.
    """

    checked: int
    ok: bool
    unsealed: int
    first_broken_id: None | Unset | UUID = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checked = self.checked

        ok = self.ok

        unsealed = self.unsealed

        first_broken_id: None | str | Unset
        if isinstance(self.first_broken_id, Unset):
            first_broken_id = UNSET
        elif isinstance(self.first_broken_id, UUID):
            first_broken_id = str(self.first_broken_id)
        else:
            first_broken_id = self.first_broken_id

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checked": checked,
                "ok": ok,
                "unsealed": unsealed,
            }
        )
        if first_broken_id is not UNSET:
            field_dict["first_broken_id"] = first_broken_id
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        checked = d.pop("checked")

        ok = d.pop("ok")

        unsealed = d.pop("unsealed")

        def _parse_first_broken_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_broken_id_type_0 = UUID(data)

                return first_broken_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        first_broken_id = _parse_first_broken_id(d.pop("first_broken_id", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        audit_verification = cls(
            checked=checked,
            ok=ok,
            unsealed=unsealed,
            first_broken_id=first_broken_id,
            reason=reason,
        )

        audit_verification.additional_properties = d
        return audit_verification

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
