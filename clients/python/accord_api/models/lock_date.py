from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LockDate")


@_attrs_define
class LockDate:
    """
    Attributes:
        lock_date (datetime.date | None | Unset): Nothing may be dated on or before it; `null` unlocks.
    """

    lock_date: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        lock_date: None | str | Unset
        if isinstance(self.lock_date, Unset):
            lock_date = UNSET
        elif isinstance(self.lock_date, datetime.date):
            lock_date = self.lock_date.isoformat()
        else:
            lock_date = self.lock_date

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if lock_date is not UNSET:
            field_dict["lock_date"] = lock_date

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_lock_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lock_date_type_0 = datetime.date.fromisoformat(data)

                return lock_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        lock_date = _parse_lock_date(d.pop("lock_date", UNSET))

        lock_date = cls(
            lock_date=lock_date,
        )

        return lock_date
