from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_status import PlanStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_health import PlanHealth


T = TypeVar("T", bound="PlanView")


@_attrs_define
class PlanView:
    """
    Attributes:
        account_id (UUID):
        created_at (datetime.datetime):
        health (PlanHealth): A plan's own health, computed on read.
        id (UUID):
        period_end (datetime.date):
        period_start (datetime.date):
        review_every_days (int):
        status (PlanStatus): An account plan's life: drafted, in force, or over.
        title (str):
        updated_at (datetime.datetime):
        version (int):
        next_review_on (datetime.date | None | Unset):
        owner_id (None | Unset | UUID):
        summary (None | str | Unset):
        value_for_client (None | str | Unset):
        value_for_us (None | str | Unset):
    """

    account_id: UUID
    created_at: datetime.datetime
    health: PlanHealth
    id: UUID
    period_end: datetime.date
    period_start: datetime.date
    review_every_days: int
    status: PlanStatus
    title: str
    updated_at: datetime.datetime
    version: int
    next_review_on: datetime.date | None | Unset = UNSET
    owner_id: None | Unset | UUID = UNSET
    summary: None | str | Unset = UNSET
    value_for_client: None | str | Unset = UNSET
    value_for_us: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        created_at = self.created_at.isoformat()

        health = self.health.to_dict()

        id = str(self.id)

        period_end = self.period_end.isoformat()

        period_start = self.period_start.isoformat()

        review_every_days = self.review_every_days

        status = self.status.value

        title = self.title

        updated_at = self.updated_at.isoformat()

        version = self.version

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
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "created_at": created_at,
                "health": health,
                "id": id,
                "period_end": period_end,
                "period_start": period_start,
                "review_every_days": review_every_days,
                "status": status,
                "title": title,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if next_review_on is not UNSET:
            field_dict["next_review_on"] = next_review_on
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if summary is not UNSET:
            field_dict["summary"] = summary
        if value_for_client is not UNSET:
            field_dict["value_for_client"] = value_for_client
        if value_for_us is not UNSET:
            field_dict["value_for_us"] = value_for_us

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.plan_health import PlanHealth

        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        health = PlanHealth.from_dict(d.pop("health"))

        id = UUID(d.pop("id"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        review_every_days = d.pop("review_every_days")

        status = PlanStatus(d.pop("status"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

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

        plan_view = cls(
            account_id=account_id,
            created_at=created_at,
            health=health,
            id=id,
            period_end=period_end,
            period_start=period_start,
            review_every_days=review_every_days,
            status=status,
            title=title,
            updated_at=updated_at,
            version=version,
            next_review_on=next_review_on,
            owner_id=owner_id,
            summary=summary,
            value_for_client=value_for_client,
            value_for_us=value_for_us,
        )

        plan_view.additional_properties = d
        return plan_view

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
