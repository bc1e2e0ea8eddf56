from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.skipped_statement import SkippedStatement
    from ..models.statement_view import StatementView


T = TypeVar("T", bound="ImportAnswer")


@_attrs_define
class ImportAnswer:
    """What an import did.

    Attributes:
        duplicates_skipped (int): Lines already held, over all statements.
        imported (int): Lines added, over all statements.
        skipped_statements (list[SkippedStatement]):
        statements (list[StatementView]):
    """

    duplicates_skipped: int
    imported: int
    skipped_statements: list[SkippedStatement]
    statements: list[StatementView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        duplicates_skipped = self.duplicates_skipped

        imported = self.imported

        skipped_statements = []
        for skipped_statements_item_data in self.skipped_statements:
            skipped_statements_item = skipped_statements_item_data.to_dict()
            skipped_statements.append(skipped_statements_item)

        statements = []
        for statements_item_data in self.statements:
            statements_item = statements_item_data.to_dict()
            statements.append(statements_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "duplicates_skipped": duplicates_skipped,
                "imported": imported,
                "skipped_statements": skipped_statements,
                "statements": statements,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.skipped_statement import SkippedStatement
        from ..models.statement_view import StatementView

        d = dict(src_dict)
        duplicates_skipped = d.pop("duplicates_skipped")

        imported = d.pop("imported")

        skipped_statements = []
        _skipped_statements = d.pop("skipped_statements")
        for skipped_statements_item_data in _skipped_statements:
            skipped_statements_item = SkippedStatement.from_dict(
                skipped_statements_item_data
            )

            skipped_statements.append(skipped_statements_item)

        statements = []
        _statements = d.pop("statements")
        for statements_item_data in _statements:
            statements_item = StatementView.from_dict(statements_item_data)

            statements.append(statements_item)

        import_answer = cls(
            duplicates_skipped=duplicates_skipped,
            imported=imported,
            skipped_statements=skipped_statements,
            statements=statements,
        )

        import_answer.additional_properties = d
        return import_answer

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
