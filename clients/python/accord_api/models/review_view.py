from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.objective_update import ObjectiveUpdate


T = TypeVar("T", bound="ReviewView")


@_attrs_define
class ReviewView:
    """
    Attributes:
        attendee_contact_ids (list[UUID]):
        attendee_user_ids (list[UUID]):
        created_at (datetime.datetime):
        held_on (datetime.date):
        id (UUID):
        objective_updates (list[ObjectiveUpdate]): As applied.
        plan_id (UUID):
        updated_at (datetime.datetime):
        version (int):
        decisions (None | str | Unset):
        next_review_on (datetime.date | None | Unset):
        summary (None | str | Unset):
    """

    attendee_contact_ids: list[UUID]
    attendee_user_ids: list[UUID]
    created_at: datetime.datetime
    held_on: datetime.date
    id: UUID
    objective_updates: list[ObjectiveUpdate]
    plan_id: UUID
    updated_at: datetime.datetime
    version: int
    decisions: None | str | Unset = UNSET
    next_review_on: datetime.date | None | Unset = UNSET
    summary: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attendee_contact_ids = []
        for attendee_contact_ids_item_data in self.attendee_contact_ids:
            attendee_contact_ids_item = str(attendee_contact_ids_item_data)
            attendee_contact_ids.append(attendee_contact_ids_item)

        attendee_user_ids = []
        for attendee_user_ids_item_data in self.attendee_user_ids:
            attendee_user_ids_item = str(attendee_user_ids_item_data)
            attendee_user_ids.append(attendee_user_ids_item)

        created_at = self.created_at.isoformat()

        held_on = self.held_on.isoformat()

        id = str(self.id)

        objective_updates = []
        for objective_updates_item_data in self.objective_updates:
            objective_updates_item = objective_updates_item_data.to_dict()
            objective_updates.append(objective_updates_item)

        plan_id = str(self.plan_id)

        updated_at = self.updated_at.isoformat()

        version = self.version

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

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attendee_contact_ids": attendee_contact_ids,
                "attendee_user_ids": attendee_user_ids,
                "created_at": created_at,
                "held_on": held_on,
                "id": id,
                "objective_updates": objective_updates,
                "plan_id": plan_id,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if decisions is not UNSET:
            field_dict["decisions"] = decisions
        if next_review_on is not UNSET:
            field_dict["next_review_on"] = next_review_on
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.objective_update import ObjectiveUpdate

        d = dict(src_dict)
        attendee_contact_ids = []
        _attendee_contact_ids = d.pop("attendee_contact_ids")
        for attendee_contact_ids_item_data in _attendee_contact_ids:
            attendee_contact_ids_item = UUID(attendee_contact_ids_item_data)

            attendee_contact_ids.append(attendee_contact_ids_item)

        attendee_user_ids = []
        _attendee_user_ids = d.pop("attendee_user_ids")
        for attendee_user_ids_item_data in _attendee_user_ids:
            attendee_user_ids_item = UUID(attendee_user_ids_item_data)

            attendee_user_ids.append(attendee_user_ids_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        id = UUID(d.pop("id"))

        objective_updates = []
        _objective_updates = d.pop("objective_updates")
        for objective_updates_item_data in _objective_updates:
            objective_updates_item = ObjectiveUpdate.from_dict(
                objective_updates_item_data
            )

            objective_updates.append(objective_updates_item)

        plan_id = UUID(d.pop("plan_id"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

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

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        review_view = cls(
            attendee_contact_ids=attendee_contact_ids,
            attendee_user_ids=attendee_user_ids,
            created_at=created_at,
            held_on=held_on,
            id=id,
            objective_updates=objective_updates,
            plan_id=plan_id,
            updated_at=updated_at,
            version=version,
            decisions=decisions,
            next_review_on=next_review_on,
            summary=summary,
        )

        review_view.additional_properties = d
        return review_view

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
