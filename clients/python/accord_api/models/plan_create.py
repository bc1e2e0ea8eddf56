from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.plan_status import PlanStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanCreate")


@_attrs_define
class PlanCreate:
    """
    Attributes:
        account_id (UUID):
        period_end (datetime.date): On or after `period_start`.
        period_start (datetime.date):
        title (str):
        next_review_on (datetime.date | None | Unset): Default `period_start` (or today, when the period started
            already) plus the cadence.
        owner_id (None | Unset | UUID): Default the account's owner, or the caller.
        review_every_days (int | None | Unset): Days between reviews (1-3650); default the organization's cadence for
            the account's
            tier (`plan_review_days_by_tier` in the CRM settings).
        status (None | PlanStatus | Unset):
        summary (None | str | Unset):
        value_for_client (None | str | Unset): What the client gains.
        value_for_us (None | str | Unset): What we gain.
    """

    account_id: UUID
    period_end: datetime.date
    period_start: datetime.date
    title: str
    next_review_on: datetime.date | None | Unset = UNSET
    owner_id: None | Unset | UUID = UNSET
    review_every_days: int | None | Unset = UNSET
    status: None | PlanStatus | Unset = UNSET
    summary: None | str | Unset = UNSET
    value_for_client: None | str | Unset = UNSET
    value_for_us: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        period_end = self.period_end.isoformat()

        period_start = self.period_start.isoformat()

        title = self.title

        next_review_on: None | str | Unset
        if isinstance(self.next_review_on, Unset):
            next_review_on = UNSET
        elif isinstance(self.next_review_on, datetime.date):
            next_review_on = self.next_review_on.isoformat()
        else:
            next_review_on = self.next_review_on

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        review_every_days: int | None | Unset
        if isinstance(self.review_every_days, Unset):
            review_every_days = UNSET
        else:
            review_every_days = self.review_every_days

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, PlanStatus):
            status = self.status.value
        else:
            status = self.status

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        value_for_client: None | str | Unset
        if isinstance(self.value_for_client, Unset):
            value_for_client = UNSET
        else:
            value_for_client = self.value_for_client

        value_for_us: None | str | Unset
        if isinstance(self.value_for_us, Unset):
            value_for_us = UNSET
        else:
            value_for_us = self.value_for_us

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account_id": account_id,
                "period_end": period_end,
                "period_start": period_start,
                "title": title,
            }
        )
        if next_review_on is not UNSET:
            field_dict["next_review_on"] = next_review_on
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if review_every_days is not UNSET:
            field_dict["review_every_days"] = review_every_days
        if status is not UNSET:
            field_dict["status"] = status
        if summary is not UNSET:
            field_dict["summary"] = summary
        if value_for_client is not UNSET:
            field_dict["value_for_client"] = value_for_client
        if value_for_us is not UNSET:
            field_dict["value_for_us"] = value_for_us

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        title = d.pop("title")

        def _parse_next_review_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_review_on_type_0 = datetime.date.fromisoformat(data)

                return next_review_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        next_review_on = _parse_next_review_on(d.pop("next_review_on", UNSET))

        def _parse_owner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_id_type_0 = UUID(data)

                return owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        def _parse_review_every_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        review_every_days = _parse_review_every_days(d.pop("review_every_days", UNSET))

        def _parse_status(data: object) -> None | PlanStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = PlanStatus(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlanStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_value_for_client(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        value_for_client = _parse_value_for_client(d.pop("value_for_client", UNSET))

        def _parse_value_for_us(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        value_for_us = _parse_value_for_us(d.pop("value_for_us", UNSET))

        plan_create = cls(
            account_id=account_id,
            period_end=period_end,
            period_start=period_start,
            title=title,
            next_review_on=next_review_on,
            owner_id=owner_id,
            review_every_days=review_every_days,
            status=status,
            summary=summary,
            value_for_client=value_for_client,
            value_for_us=value_for_us,
        )

        return plan_create
