from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.ambiguous import Ambiguous
    from ..models.auto_match import AutoMatch


T = TypeVar("T", bound="AutoReconcileAnswer")


@_attrs_define
class AutoReconcileAnswer:
    """
    Attributes:
        ambiguous (list[Ambiguous]):
        dry_run (bool):
        matched (list[AutoMatch]):
        unmatched (int): Lines left unreconciled with no candidate and no rule.
    """

    ambiguous: list[Ambiguous]
    dry_run: bool
    matched: list[AutoMatch]
    unmatched: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ambiguous = []
        for ambiguous_item_data in self.ambiguous:
            ambiguous_item = ambiguous_item_data.to_dict()
            ambiguous.append(ambiguous_item)

        dry_run = self.dry_run

        matched = []
        for matched_item_data in self.matched:
            matched_item = matched_item_data.to_dict()
            matched.append(matched_item)

        unmatched = self.unmatched

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ambiguous": ambiguous,
                "dry_run": dry_run,
                "matched": matched,
                "unmatched": unmatched,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.ambiguous import Ambiguous
        from ..models.auto_match import AutoMatch

        d = dict(src_dict)
        ambiguous = []
        _ambiguous = d.pop("ambiguous")
        for ambiguous_item_data in _ambiguous:
            ambiguous_item = Ambiguous.from_dict(ambiguous_item_data)

            ambiguous.append(ambiguous_item)

        dry_run = d.pop("dry_run")

        matched = []
        _matched = d.pop("matched")
        for matched_item_data in _matched:
            matched_item = AutoMatch.from_dict(matched_item_data)

            matched.append(matched_item)

        unmatched = d.pop("unmatched")

        auto_reconcile_answer = cls(
            ambiguous=ambiguous,
            dry_run=dry_run,
            matched=matched,
            unmatched=unmatched,
        )

        auto_reconcile_answer.additional_properties = d
        return auto_reconcile_answer

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
