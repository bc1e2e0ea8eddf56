from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.direction import Direction
from ..models.interaction_kind import InteractionKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="BatchResultInteractionViewData")


@_attrs_define
class BatchResultInteractionViewData:
    """
    Attributes:
        account_id (UUID):
        author_id (UUID):
        contact_ids (list[UUID]):
        created_at (datetime.datetime):
        direction (Direction):
        editable_until (datetime.datetime): Until when the author may edit it.
        id (UUID):
        kind (InteractionKind):
        occurred_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int):
        follow_up_on (datetime.date | None | Unset):
        next_step (None | str | Unset):
        sentiment (int | None | Unset):
        subject (None | str | Unset):
        summary (None | str | Unset):
    """

    account_id: UUID
    author_id: UUID
    contact_ids: list[UUID]
    created_at: datetime.datetime
    direction: Direction
    editable_until: datetime.datetime
    id: UUID
    kind: InteractionKind
    occurred_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    follow_up_on: datetime.date | None | Unset = UNSET
    next_step: None | str | Unset = UNSET
    sentiment: int | None | Unset = UNSET
    subject: None | str | Unset = UNSET
    summary: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        author_id = str(self.author_id)

        contact_ids = []
        for contact_ids_item_data in self.contact_ids:
            contact_ids_item = str(contact_ids_item_data)
            contact_ids.append(contact_ids_item)

        created_at = self.created_at.isoformat()

        direction = self.direction.value

        editable_until = self.editable_until.isoformat()

        id = str(self.id)

        kind = self.kind.value

        occurred_at = self.occurred_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

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
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "author_id": author_id,
                "contact_ids": contact_ids,
                "created_at": created_at,
                "direction": direction,
                "editable_until": editable_until,
                "id": id,
                "kind": kind,
                "occurred_at": occurred_at,
                "updated_at": updated_at,
                "version": version,
            }
        )
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

        author_id = UUID(d.pop("author_id"))

        contact_ids = []
        _contact_ids = d.pop("contact_ids")
        for contact_ids_item_data in _contact_ids:
            contact_ids_item = UUID(contact_ids_item_data)

            contact_ids.append(contact_ids_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        direction = Direction(d.pop("direction"))

        editable_until = datetime.datetime.fromisoformat(d.pop("editable_until"))

        id = UUID(d.pop("id"))

        kind = InteractionKind(d.pop("kind"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

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

        batch_result_interaction_view_data = cls(
            account_id=account_id,
            author_id=author_id,
            contact_ids=contact_ids,
            created_at=created_at,
            direction=direction,
            editable_until=editable_until,
            id=id,
            kind=kind,
            occurred_at=occurred_at,
            updated_at=updated_at,
            version=version,
            follow_up_on=follow_up_on,
            next_step=next_step,
            sentiment=sentiment,
            subject=subject,
            summary=summary,
        )

        batch_result_interaction_view_data.additional_properties = d
        return batch_result_interaction_view_data

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
