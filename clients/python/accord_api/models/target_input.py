from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.target_metric import TargetMetric
from ..types import UNSET, Unset

T = TypeVar("T", bound="TargetInput")


@_attrs_define
class TargetInput:
    """
    Attributes:
        amount (str): A money string in the base currency for money metrics; a whole number for counts. Example:
            500000.00.
        metric (TargetMetric):
        period_end (datetime.date):
        period_start (datetime.date):
        team_id (None | Unset | UUID):
        user_id (None | Unset | UUID):
    """

    amount: str
    metric: TargetMetric
    period_end: datetime.date
    period_start: datetime.date
    team_id: None | Unset | UUID = UNSET
    user_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        metric = self.metric.value

        period_end = self.period_end.isoformat()

        period_start = self.period_start.isoformat()

        team_id: None | str | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        elif isinstance(self.team_id, UUID):
            team_id = str(self.team_id)
        else:
            team_id = self.team_id

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        elif isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "metric": metric,
                "period_end": period_end,
                "period_start": period_start,
            }
        )
        if team_id is not UNSET:
            field_dict["team_id"] = team_id
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        metric = TargetMetric(d.pop("metric"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        def _parse_team_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                team_id_type_0 = UUID(data)

                return team_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        team_id = _parse_team_id(d.pop("team_id", UNSET))

        def _parse_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        target_input = cls(
            amount=amount,
            metric=metric,
            period_end=period_end,
            period_start=period_start,
            team_id=team_id,
            user_id=user_id,
        )

        return target_input
