from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.matched_by import MatchedBy
from ..models.row_outcome import RowOutcome
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_error import FieldError


T = TypeVar("T", bound="ContactImportRow")


@_attrs_define
class ContactImportRow:
    """What became of one row of a contact import.

    Attributes:
        changed_fields (list[str]): The fields the row changed (on `updated`).
        errors (list[FieldError]): Why the row changed nothing (on `conflict` and `error`).
        outcome (RowOutcome): What became of one row.
        row (int): Line number in the file; the header is line 1.
        account_id (None | Unset | UUID): The contact's account; for a conflict, the account the row names.
        contact_id (None | Unset | UUID): The contact created, updated or left unchanged; for a conflict, the contact
            the row
            clashes with (if the clash is with a contact).
        matched_by (MatchedBy | None | Unset):
    """

    changed_fields: list[str]
    errors: list[FieldError]
    outcome: RowOutcome
    row: int
    account_id: None | Unset | UUID = UNSET
    contact_id: None | Unset | UUID = UNSET
    matched_by: MatchedBy | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changed_fields = self.changed_fields

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        outcome = self.outcome.value

        row = self.row

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        elif isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        elif isinstance(self.contact_id, UUID):
            contact_id = str(self.contact_id)
        else:
            contact_id = self.contact_id

        matched_by: None | str | Unset
        if isinstance(self.matched_by, Unset):
            matched_by = UNSET
        elif isinstance(self.matched_by, MatchedBy):
            matched_by = self.matched_by.value
        else:
            matched_by = self.matched_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changed_fields": changed_fields,
                "errors": errors,
                "outcome": outcome,
                "row": row,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if matched_by is not UNSET:
            field_dict["matched_by"] = matched_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.field_error import FieldError

        d = dict(src_dict)
        changed_fields = cast(list[str], d.pop("changed_fields"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = FieldError.from_dict(errors_item_data)

            errors.append(errors_item)

        outcome = RowOutcome(d.pop("outcome"))

        row = d.pop("row")

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

        def _parse_contact_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contact_id_type_0 = UUID(data)

                return contact_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        contact_id = _parse_contact_id(d.pop("contact_id", UNSET))

        def _parse_matched_by(data: object) -> MatchedBy | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                matched_by_type_1 = MatchedBy(data)

                return matched_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MatchedBy | None | Unset, data)

        matched_by = _parse_matched_by(d.pop("matched_by", UNSET))

        contact_import_row = cls(
            changed_fields=changed_fields,
            errors=errors,
            outcome=outcome,
            row=row,
            account_id=account_id,
            contact_id=contact_id,
            matched_by=matched_by,
        )

        contact_import_row.additional_properties = d
        return contact_import_row

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
