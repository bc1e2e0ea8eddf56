from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.objective_update import ObjectiveUpdate


T = TypeVar("T", bound="ReviewCreate")


@_attrs_define
class ReviewCreate:
    """
    Attributes:
        held_on (datetime.date):
        attendee_contact_ids (list[UUID] | Unset): Contacts of the plan's account.
        attendee_user_ids (list[UUID] | Unset):
        decisions (None | str | Unset):
        next_review_on (datetime.date | None | Unset): The plan's next review; default `held_on` plus the plan's
            `review_every_days`.
        objective_updates (list[ObjectiveUpdate] | Unset): Applied to the objectives with the review, all or none.
        summary (None | str | Unset):
    """

    held_on: datetime.date
    attendee_contact_ids: list[UUID] | Unset = UNSET
    attendee_user_ids: list[UUID] | Unset = UNSET
    decisions: None | str | Unset = UNSET
    next_review_on: datetime.date | None | Unset = UNSET
    objective_updates: list[ObjectiveUpdate] | Unset = UNSET
    summary: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        held_on = self.held_on.isoformat()

        attendee_contact_ids: list[str] | Unset = UNSET
        if not isinstance(self.attendee_contact_ids, Unset):
            attendee_contact_ids = []
            for attendee_contact_ids_item_data in self.attendee_contact_ids:
                attendee_contact_ids_item = str(attendee_contact_ids_item_data)
                attendee_contact_ids.append(attendee_contact_ids_item)

        attendee_user_ids: list[str] | Unset = UNSET
        if not isinstance(self.attendee_user_ids, Unset):
            attendee_user_ids = []
            for attendee_user_ids_item_data in self.attendee_user_ids:
                attendee_user_ids_item = str(attendee_user_ids_item_data)
                attendee_user_ids.append(attendee_user_ids_item)

        decisions: None | str | Unset
        if isinstance(self.decisions, Unset):
            decisions = UNSET
        else:
            decisions = self.decisions

        next_review_on: None | str | Unset
        if isinstance(self.next_review_on, Unset):
            next_review_on = UNSET
        elif isinstance(self.next_review_on, datetime.date):
            next_review_on = self.next_review_on.isoformat()
        else:
            next_review_on = self.next_review_on

        objective_updates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.objective_updates, Unset):
            objective_updates = []
            for objective_updates_item_data in self.objective_updates:
                objective_updates_item = objective_updates_item_data.to_dict()
                objective_updates.append(objective_updates_item)

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "held_on": held_on,
            }
        )
        if attendee_contact_ids is not UNSET:
            field_dict["attendee_contact_ids"] = attendee_contact_ids
        if attendee_user_ids is not UNSET:
            field_dict["attendee_user_ids"] = attendee_user_ids
        if decisions is not UNSET:
            field_dict["decisions"] = decisions
        if next_review_on is not UNSET:
            field_dict["next_review_on"] = next_review_on
        if objective_updates is not UNSET:
            field_dict["objective_updates"] = objective_updates
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.objective_update import ObjectiveUpdate

        d = dict(src_dict)
        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        _attendee_contact_ids = d.pop("attendee_contact_ids", UNSET)
        attendee_contact_ids: list[UUID] | Unset = UNSET
        if _attendee_contact_ids is not UNSET:
            attendee_contact_ids = []
            for attendee_contact_ids_item_data in _attendee_contact_ids:
                attendee_contact_ids_item = UUID(attendee_contact_ids_item_data)

                attendee_contact_ids.append(attendee_contact_ids_item)

        _attendee_user_ids = d.pop("attendee_user_ids", UNSET)
        attendee_user_ids: list[UUID] | Unset = UNSET
        if _attendee_user_ids is not UNSET:
            attendee_user_ids = []
            for attendee_user_ids_item_data in _attendee_user_ids:
                attendee_user_ids_item = UUID(attendee_user_ids_item_data)

                attendee_user_ids.append(attendee_user_ids_item)

        def _parse_decisions(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decisions = _parse_decisions(d.pop("decisions", UNSET))

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

        _objective_updates = d.pop("objective_updates", UNSET)
        objective_updates: list[ObjectiveUpdate] | Unset = UNSET
        if _objective_updates is not UNSET:
            objective_updates = []
            for objective_updates_item_data in _objective_updates:
                objective_updates_item = ObjectiveUpdate.from_dict(
                    objective_updates_item_data
                )

                objective_updates.append(objective_updates_item)

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        review_create = cls(
            held_on=held_on,
            attendee_contact_ids=attendee_contact_ids,
            attendee_user_ids=attendee_user_ids,
            decisions=decisions,
            next_review_on=next_review_on,
            objective_updates=objective_updates,
            summary=summary,
        )

        return review_create
