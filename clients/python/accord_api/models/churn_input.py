from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChurnInput")


@_attrs_define
class ChurnInput:
    """
    Attributes:
        reason (str):
        churned_on (datetime.date | None | Unset):
        lost_to_competitor_id (None | str | Unset): A competitor's id or name.
    """

    reason: str
    churned_on: datetime.date | None | Unset = UNSET
    lost_to_competitor_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        churned_on: None | str | Unset
        if isinstance(self.churned_on, Unset):
            churned_on = UNSET
        elif isinstance(self.churned_on, datetime.date):
            churned_on = self.churned_on.isoformat()
        else:
            churned_on = self.churned_on

        lost_to_competitor_id: None | str | Unset
        if isinstance(self.lost_to_competitor_id, Unset):
            lost_to_competitor_id = UNSET
        else:
            lost_to_competitor_id = self.lost_to_competitor_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if churned_on is not UNSET:
            field_dict["churned_on"] = churned_on
        if lost_to_competitor_id is not UNSET:
            field_dict["lost_to_competitor_id"] = lost_to_competitor_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_churned_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                churned_on_type_0 = datetime.date.fromisoformat(data)

                return churned_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        churned_on = _parse_churned_on(d.pop("churned_on", UNSET))

        def _parse_lost_to_competitor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lost_to_competitor_id = _parse_lost_to_competitor_id(
            d.pop("lost_to_competitor_id", UNSET)
        )

        churn_input = cls(
            reason=reason,
            churned_on=churned_on,
            lost_to_competitor_id=lost_to_competitor_id,
        )

        return churn_input
