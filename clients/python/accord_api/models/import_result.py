from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_error import ImportError_
    from ..models.import_row import ImportRow


T = TypeVar("T", bound="ImportResult")


@_attrs_define
class ImportResult:
    """The answer of an account import: a summary and every row's outcome.

    Attributes:
        conflicts (int): Rows that clashed with an existing account and changed nothing.
        created (int): Rows that created an account.
        dry_run (bool): True when nothing was committed (`dry_run=true`).
        errors (list[ImportError_]): Every problem of every `error` and `conflict` row, with its line.
        rows (list[ImportRow]): Every data row, in file order.
        unchanged (int): Rows that matched an existing account and changed nothing (a subset of `updated`).
        updated (int): Rows that matched an existing account and were applied; `unchanged` of them changed
            nothing.
    """

    conflicts: int
    created: int
    dry_run: bool
    errors: list[ImportError_]
    rows: list[ImportRow]
    unchanged: int
    updated: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        conflicts = self.conflicts

        created = self.created

        dry_run = self.dry_run

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        unchanged = self.unchanged

        updated = self.updated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "conflicts": conflicts,
                "created": created,
                "dry_run": dry_run,
                "errors": errors,
                "rows": rows,
                "unchanged": unchanged,
                "updated": updated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.import_error import ImportError_
        from ..models.import_row import ImportRow

        d = dict(src_dict)
        conflicts = d.pop("conflicts")

        created = d.pop("created")

        dry_run = d.pop("dry_run")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = ImportError_.from_dict(errors_item_data)

            errors.append(errors_item)

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ImportRow.from_dict(rows_item_data)

            rows.append(rows_item)

        unchanged = d.pop("unchanged")

        updated = d.pop("updated")

        import_result = cls(
            conflicts=conflicts,
            created=created,
            dry_run=dry_run,
            errors=errors,
            rows=rows,
            unchanged=unchanged,
            updated=updated,
        )

        import_result.additional_properties = d
        return import_result

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
