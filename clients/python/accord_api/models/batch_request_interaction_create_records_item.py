from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.direction import Direction
from ..models.interaction_kind import InteractionKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="BatchRequestInteractionCreateRecordsItem")


@_attrs_define
class BatchRequestInteractionCreateRecordsItem:
    """
    Attributes:
        account_id (UUID):
        direction (Direction):
        kind (InteractionKind):
        occurred_at (datetime.datetime):
        contact_ids (list[UUID] | None | Unset):
        follow_up_on (datetime.date | None | Unset):
        next_step (None | str | Unset):
        sentiment (int | None | Unset): The manager's reading, 1 (bad) to 5 (good).
        subject (None | str | Unset):
        summary (None | str | Unset):
    """

    account_id: UUID
    direction: Direction
    kind: InteractionKind
    occurred_at: datetime.datetime
    contact_ids: list[UUID] | None | Unset = UNSET
    follow_up_on: datetime.date | None | Unset = UNSET
    next_step: None | str | Unset = UNSET
    sentiment: int | None | Unset = UNSET
    subject: None | str | Unset = UNSET
    summary: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        direction = self.direction.value

        kind = self.kind.value

        occurred_at = self.occurred_at.isoformat()

        contact_ids: list[str] | None | Unset
        if isinstance(self.contact_ids, Unset):
            contact_ids = UNSET
        elif isinstance(self.contact_ids, list):
            contact_ids = []
            for contact_ids_type_0_item_data in self.contact_ids:
                contact_ids_type_0_item = str(contact_ids_type_0_item_data)
                contact_ids.append(contact_ids_type_0_item)

        else:
            contact_ids = self.contact_ids

        follow_up_on: None | str | Unset
        if isinstance(self.follow_up_on, Unset):
            follow_up_on = UNSET
        elif isinstance(self.follow_up_on, datetime.date):
            follow_up_on = self.follow_up_on.isoformat()
        else:
            follow_up_on = self.follow_up_on

        next_step: None | str | Unset
        if isinstance(self.next_step, Unset):
            next_step = UNSET
        else:
            next_step = self.next_step

        sentiment: int | None | Unset
        if isinstance(self.sentiment, Unset):
            sentiment = UNSET
        else:
            sentiment = self.sentiment

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account_id": account_id,
                "direction": direction,
                "kind": kind,
                "occurred_at": occurred_at,
            }
        )
        if contact_ids is not UNSET:
            field_dict["contact_ids"] = contact_ids
        if follow_up_on is not UNSET:
            field_dict["follow_up_on"] = follow_up_on
        if next_step is not UNSET:
            field_dict["next_step"] = next_step
        if sentiment is not UNSET:
            field_dict["sentiment"] = sentiment
        if subject is not UNSET:
            field_dict["subject"] = subject
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        direction = Direction(d.pop("direction"))

        kind = InteractionKind(d.pop("kind"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        def _parse_contact_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                contact_ids_type_0 = []
                _contact_ids_type_0 = data
                for contact_ids_type_0_item_data in _contact_ids_type_0:
                    contact_ids_type_0_item = UUID(contact_ids_type_0_item_data)

                    contact_ids_type_0.append(contact_ids_type_0_item)

                return contact_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        contact_ids = _parse_contact_ids(d.pop("contact_ids", UNSET))

        def _parse_follow_up_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                follow_up_on_type_0 = datetime.date.fromisoformat(data)

                return follow_up_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        follow_up_on = _parse_follow_up_on(d.pop("follow_up_on", UNSET))

        def _parse_next_step(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_step = _parse_next_step(d.pop("next_step", UNSET))

        def _parse_sentiment(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sentiment = _parse_sentiment(d.pop("sentiment", UNSET))

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        batch_request_interaction_create_records_item = cls(
            account_id=account_id,
            direction=direction,
            kind=kind,
            occurred_at=occurred_at,
            contact_ids=contact_ids,
            follow_up_on=follow_up_on,
            next_step=next_step,
            sentiment=sentiment,
            subject=subject,
            summary=summary,
        )

        return batch_request_interaction_create_records_item
