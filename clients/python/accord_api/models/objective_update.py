from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.objective_status import ObjectiveStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ObjectiveUpdate")


@_attrs_define
class ObjectiveUpdate:
    """One objective's new reading, as a review records it.

    Attributes:
        objective_id (UUID): An objective of the plan.
        current (None | str | Unset): A decimal string; absent leaves the objective's current value as it is. Example:
            140000.
        status (None | ObjectiveStatus | Unset):
    """

    objective_id: UUID
    current: None | str | Unset = UNSET
    status: None | ObjectiveStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        objective_id = str(self.objective_id)

        current: None | str | Unset
        if isinstance(self.current, Unset):
            current = UNSET
        else:
            current = self.current

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, ObjectiveStatus):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "objective_id": objective_id,
            }
        )
        if current is not UNSET:
            field_dict["current"] = current
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        objective_id = UUID(d.pop("objective_id"))

        def _parse_current(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current = _parse_current(d.pop("current", UNSET))

        def _parse_status(data: object) -> None | ObjectiveStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = ObjectiveStatus(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ObjectiveStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        objective_update = cls(
            objective_id=objective_id,
            current=current,
            status=status,
        )

        return objective_update
