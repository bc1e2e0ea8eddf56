from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.direction import Direction
from ..models.interaction_kind import InteractionKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="InteractionPatch")


@_attrs_define
class InteractionPatch:
    """
    Attributes:
        account_id (None | Unset | UUID):
        contact_ids (list[UUID] | None | Unset):
        direction (Direction | None | Unset):
        follow_up_on (datetime.date | None | Unset):
        kind (InteractionKind | None | Unset):
        next_step (None | str | Unset):
        occurred_at (datetime.datetime | None | Unset):
        sentiment (int | None | Unset): The manager's reading, 1 (bad) to 5 (good).
        subject (None | str | Unset):
        summary (None | str | Unset):
    """

    account_id: None | Unset | UUID = UNSET
    contact_ids: list[UUID] | None | Unset = UNSET
    direction: Direction | None | Unset = UNSET
    follow_up_on: datetime.date | None | Unset = UNSET
    kind: InteractionKind | None | Unset = UNSET
    next_step: None | str | Unset = UNSET
    occurred_at: datetime.datetime | None | Unset = UNSET
    sentiment: int | None | Unset = UNSET
    subject: None | str | Unset = UNSET
    summary: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        elif isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

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

        direction: None | str | Unset
        if isinstance(self.direction, Unset):
            direction = UNSET
        elif isinstance(self.direction, Direction):
            direction = self.direction.value
        else:
            direction = self.direction

        follow_up_on: None | str | Unset
        if isinstance(self.follow_up_on, Unset):
            follow_up_on = UNSET
        elif isinstance(self.follow_up_on, datetime.date):
            follow_up_on = self.follow_up_on.isoformat()
        else:
            follow_up_on = self.follow_up_on

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, InteractionKind):
            kind = self.kind.value
        else:
            kind = self.kind

        next_step: None | str | Unset
        if isinstance(self.next_step, Unset):
            next_step = UNSET
        else:
            next_step = self.next_step

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        elif isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

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

        field_dict.update({})
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if contact_ids is not UNSET:
            field_dict["contact_ids"] = contact_ids
        if direction is not UNSET:
            field_dict["direction"] = direction
        if follow_up_on is not UNSET:
            field_dict["follow_up_on"] = follow_up_on
        if kind is not UNSET:
            field_dict["kind"] = kind
        if next_step is not UNSET:
            field_dict["next_step"] = next_step
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
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

        def _parse_account_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                account_id_type_0 = UUID(data)

                return account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

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

        def _parse_direction(data: object) -> Direction | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                direction_type_1 = Direction(data)

                return direction_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Direction | None | Unset, data)

        direction = _parse_direction(d.pop("direction", UNSET))

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

        def _parse_kind(data: object) -> InteractionKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_1 = InteractionKind(data)

                return kind_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InteractionKind | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_next_step(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_step = _parse_next_step(d.pop("next_step", UNSET))

        def _parse_occurred_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_at_type_0 = datetime.datetime.fromisoformat(data)

                return occurred_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        occurred_at = _parse_occurred_at(d.pop("occurred_at", UNSET))

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

        interaction_patch = cls(
            account_id=account_id,
            contact_ids=contact_ids,
            direction=direction,
            follow_up_on=follow_up_on,
            kind=kind,
            next_step=next_step,
            occurred_at=occurred_at,
            sentiment=sentiment,
            subject=subject,
            summary=summary,
        )

        return interaction_patch
