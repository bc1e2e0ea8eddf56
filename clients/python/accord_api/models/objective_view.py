from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.objective_kind import ObjectiveKind
from ..models.objective_status import ObjectiveStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ObjectiveView")


@_attrs_define
class ObjectiveView:
    """
    Attributes:
        co_created_with_contact_ids (list[UUID]):
        created_at (datetime.datetime):
        id (UUID):
        kind (ObjectiveKind):
        opportunity_ids (list[UUID]):
        plan_id (UUID):
        status (ObjectiveStatus):
        task_ids (list[UUID]):
        title (str):
        updated_at (datetime.datetime):
        version (int):
        baseline (None | str | Unset):
        current (None | str | Unset):
        due_on (datetime.date | None | Unset):
        measure (None | str | Unset):
        target (None | str | Unset):
        unit (None | str | Unset):
    """

    co_created_with_contact_ids: list[UUID]
    created_at: datetime.datetime
    id: UUID
    kind: ObjectiveKind
    opportunity_ids: list[UUID]
    plan_id: UUID
    status: ObjectiveStatus
    task_ids: list[UUID]
    title: str
    updated_at: datetime.datetime
    version: int
    baseline: None | str | Unset = UNSET
    current: None | str | Unset = UNSET
    due_on: datetime.date | None | Unset = UNSET
    measure: None | str | Unset = UNSET
    target: None | str | Unset = UNSET
    unit: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        co_created_with_contact_ids = []
        for co_created_with_contact_ids_item_data in self.co_created_with_contact_ids:
            co_created_with_contact_ids_item = str(
                co_created_with_contact_ids_item_data
            )
            co_created_with_contact_ids.append(co_created_with_contact_ids_item)

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        opportunity_ids = []
        for opportunity_ids_item_data in self.opportunity_ids:
            opportunity_ids_item = str(opportunity_ids_item_data)
            opportunity_ids.append(opportunity_ids_item)

        plan_id = str(self.plan_id)

        status = self.status.value

        task_ids = []
        for task_ids_item_data in self.task_ids:
            task_ids_item = str(task_ids_item_data)
            task_ids.append(task_ids_item)

        title = self.title

        updated_at = self.updated_at.isoformat()

        version = self.version

        baseline: None | str | Unset
        if isinstance(self.baseline, Unset):
            baseline = UNSET
        else:
            baseline = self.baseline

        current: None | str | Unset
        if isinstance(self.current, Unset):
            current = UNSET
        else:
            current = self.current

        due_on: None | str | Unset
        if isinstance(self.due_on, Unset):
            due_on = UNSET
        elif isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        measure: None | str | Unset
        if isinstance(self.measure, Unset):
            measure = UNSET
        else:
            measure = self.measure

        target: None | str | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        else:
            target = self.target

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        else:
            unit = self.unit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "co_created_with_contact_ids": co_created_with_contact_ids,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "opportunity_ids": opportunity_ids,
                "plan_id": plan_id,
                "status": status,
                "task_ids": task_ids,
                "title": title,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if baseline is not UNSET:
            field_dict["baseline"] = baseline
        if current is not UNSET:
            field_dict["current"] = current
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if measure is not UNSET:
            field_dict["measure"] = measure
        if target is not UNSET:
            field_dict["target"] = target
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        co_created_with_contact_ids = []
        _co_created_with_contact_ids = d.pop("co_created_with_contact_ids")
        for co_created_with_contact_ids_item_data in _co_created_with_contact_ids:
            co_created_with_contact_ids_item = UUID(
                co_created_with_contact_ids_item_data
            )

            co_created_with_contact_ids.append(co_created_with_contact_ids_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = ObjectiveKind(d.pop("kind"))

        opportunity_ids = []
        _opportunity_ids = d.pop("opportunity_ids")
        for opportunity_ids_item_data in _opportunity_ids:
            opportunity_ids_item = UUID(opportunity_ids_item_data)

            opportunity_ids.append(opportunity_ids_item)

        plan_id = UUID(d.pop("plan_id"))

        status = ObjectiveStatus(d.pop("status"))

        task_ids = []
        _task_ids = d.pop("task_ids")
        for task_ids_item_data in _task_ids:
            task_ids_item = UUID(task_ids_item_data)

            task_ids.append(task_ids_item)

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_baseline(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        baseline = _parse_baseline(d.pop("baseline", UNSET))

        def _parse_current(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current = _parse_current(d.pop("current", UNSET))

        def _parse_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_on = _parse_due_on(d.pop("due_on", UNSET))

        def _parse_measure(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        measure = _parse_measure(d.pop("measure", UNSET))

        def _parse_target(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target = _parse_target(d.pop("target", UNSET))

        def _parse_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        objective_view = cls(
            co_created_with_contact_ids=co_created_with_contact_ids,
            created_at=created_at,
            id=id,
            kind=kind,
            opportunity_ids=opportunity_ids,
            plan_id=plan_id,
            status=status,
            task_ids=task_ids,
            title=title,
            updated_at=updated_at,
            version=version,
            baseline=baseline,
            current=current,
            due_on=due_on,
            measure=measure,
            target=target,
            unit=unit,
        )

        objective_view.additional_properties = d
        return objective_view

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
