from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AutoReconcileRequest")


@_attrs_define
class AutoReconcileRequest:
    """
    Attributes:
        date_window_days (int | None | Unset): How many days a candidate's date may lie from the line's booking date
            (default 7).
        dry_run (bool | Unset): Say what would be matched, change nothing.
    """

    date_window_days: int | None | Unset = UNSET
    dry_run: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        date_window_days: int | None | Unset
        if isinstance(self.date_window_days, Unset):
            date_window_days = UNSET
        else:
            date_window_days = self.date_window_days

        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if date_window_days is not UNSET:
            field_dict["date_window_days"] = date_window_days
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_date_window_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        date_window_days = _parse_date_window_days(d.pop("date_window_days", UNSET))

        dry_run = d.pop("dry_run", UNSET)

        auto_reconcile_request = cls(
            date_window_days=date_window_days,
            dry_run=dry_run,
        )

        return auto_reconcile_request
