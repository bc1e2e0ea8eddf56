from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AutoMatch")


@_attrs_define
class AutoMatch:
    """What a line was (or would be) reconciled with.

    Attributes:
        bank_transaction_id (UUID):
        id (UUID): The payment, journal line, document or rule.
        kind (str): `journal_line` (a payment's or an entry's line), `invoice`, `bill` (a payment is
            recorded from the line and allocated to it) or `rule` (categorized by a bank rule).
        reason (str): `only_candidate`, `reference`, `counterparty_account` or `rule`.
        reconciliation_id (None | Unset | UUID): The reconciliation made; `null` in a dry run.
    """

    bank_transaction_id: UUID
    id: UUID
    kind: str
    reason: str
    reconciliation_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_transaction_id = str(self.bank_transaction_id)

        id = str(self.id)

        kind = self.kind

        reason = self.reason

        reconciliation_id: None | str | Unset
        if isinstance(self.reconciliation_id, Unset):
            reconciliation_id = UNSET
        elif isinstance(self.reconciliation_id, UUID):
            reconciliation_id = str(self.reconciliation_id)
        else:
            reconciliation_id = self.reconciliation_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bank_transaction_id": bank_transaction_id,
                "id": id,
                "kind": kind,
                "reason": reason,
            }
        )
        if reconciliation_id is not UNSET:
            field_dict["reconciliation_id"] = reconciliation_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bank_transaction_id = UUID(d.pop("bank_transaction_id"))

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        reason = d.pop("reason")

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

        auto_match = cls(
            bank_transaction_id=bank_transaction_id,
            id=id,
            kind=kind,
            reason=reason,
            reconciliation_id=reconciliation_id,
        )

        auto_match.additional_properties = d
        return auto_match

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
