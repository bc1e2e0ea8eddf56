from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.objective_kind import ObjectiveKind
from ..models.objective_status import ObjectiveStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanObjectivePatch")


@_attrs_define
class PlanObjectivePatch:
    """
    Attributes:
        baseline (None | str | Unset): A decimal string. Example: 100000.
        co_created_with_contact_ids (list[UUID] | None | Unset): Contacts of the plan's account the objective was agreed
            with.
        current (None | str | Unset): A decimal string. Example: 140000.
        due_on (datetime.date | None | Unset):
        kind (None | ObjectiveKind | Unset):
        measure (None | str | Unset): What is measured (`EU revenue`).
        opportunity_ids (list[UUID] | None | Unset): Opportunities of the plan's account that serve it.
        status (None | ObjectiveStatus | Unset):
        target (None | str | Unset): A decimal string. Example: 250000.
        task_ids (list[UUID] | None | Unset): Tasks of the plan's account that serve it.
        title (None | str | Unset):
        unit (None | str | Unset): The unit of the figures (`USD`, `CSAT`, `users`).
    """

    baseline: None | str | Unset = UNSET
    co_created_with_contact_ids: list[UUID] | None | Unset = UNSET
    current: None | str | Unset = UNSET
    due_on: datetime.date | None | Unset = UNSET
    kind: None | ObjectiveKind | Unset = UNSET
    measure: None | str | Unset = UNSET
    opportunity_ids: list[UUID] | None | Unset = UNSET
    status: None | ObjectiveStatus | Unset = UNSET
    target: None | str | Unset = UNSET
    task_ids: list[UUID] | None | Unset = UNSET
    title: None | str | Unset = UNSET
    unit: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        baseline: None | str | Unset
        if isinstance(self.baseline, Unset):
            baseline = UNSET
        else:
            baseline = self.baseline

        co_created_with_contact_ids: list[str] | None | Unset
        if isinstance(self.co_created_with_contact_ids, Unset):
            co_created_with_contact_ids = UNSET
        elif isinstance(self.co_created_with_contact_ids, list):
            co_created_with_contact_ids = []
            for (
                co_created_with_contact_ids_type_0_item_data
            ) in self.co_created_with_contact_ids:
                co_created_with_contact_ids_type_0_item = str(
                    co_created_with_contact_ids_type_0_item_data
                )
                co_created_with_contact_ids.append(
                    co_created_with_contact_ids_type_0_item
                )

        else:
            co_created_with_contact_ids = self.co_created_with_contact_ids

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

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, ObjectiveKind):
            kind = self.kind.value
        else:
            kind = self.kind

        measure: None | str | Unset
        if isinstance(self.measure, Unset):
            measure = UNSET
        else:
            measure = self.measure

        opportunity_ids: list[str] | None | Unset
        if isinstance(self.opportunity_ids, Unset):
            opportunity_ids = UNSET
        elif isinstance(self.opportunity_ids, list):
            opportunity_ids = []
            for opportunity_ids_type_0_item_data in self.opportunity_ids:
                opportunity_ids_type_0_item = str(opportunity_ids_type_0_item_data)
                opportunity_ids.append(opportunity_ids_type_0_item)

        else:
            opportunity_ids = self.opportunity_ids

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, ObjectiveStatus):
            status = self.status.value
        else:
            status = self.status

        target: None | str | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        else:
            target = self.target

        task_ids: list[str] | None | Unset
        if isinstance(self.task_ids, Unset):
            task_ids = UNSET
        elif isinstance(self.task_ids, list):
            task_ids = []
            for task_ids_type_0_item_data in self.task_ids:
                task_ids_type_0_item = str(task_ids_type_0_item_data)
                task_ids.append(task_ids_type_0_item)

        else:
            task_ids = self.task_ids

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        else:
            unit = self.unit

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if baseline is not UNSET:
            field_dict["baseline"] = baseline
        if co_created_with_contact_ids is not UNSET:
            field_dict["co_created_with_contact_ids"] = co_created_with_contact_ids
        if current is not UNSET:
            field_dict["current"] = current
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if kind is not UNSET:
            field_dict["kind"] = kind
        if measure is not UNSET:
            field_dict["measure"] = measure
        if opportunity_ids is not UNSET:
            field_dict["opportunity_ids"] = opportunity_ids
        if status is not UNSET:
            field_dict["status"] = status
        if target is not UNSET:
            field_dict["target"] = target
        if task_ids is not UNSET:
            field_dict["task_ids"] = task_ids
        if title is not UNSET:
            field_dict["title"] = title
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_baseline(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        baseline = _parse_baseline(d.pop("baseline", UNSET))

        def _parse_co_created_with_contact_ids(
            data: object,
        ) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                co_created_with_contact_ids_type_0 = []
                _co_created_with_contact_ids_type_0 = data
                for (
                    co_created_with_contact_ids_type_0_item_data
                ) in _co_created_with_contact_ids_type_0:
                    co_created_with_contact_ids_type_0_item = UUID(
                        co_created_with_contact_ids_type_0_item_data
                    )

                    co_created_with_contact_ids_type_0.append(
                        co_created_with_contact_ids_type_0_item
                    )

                return co_created_with_contact_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        co_created_with_contact_ids = _parse_co_created_with_contact_ids(
            d.pop("co_created_with_contact_ids", UNSET)
        )

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

        def _parse_kind(data: object) -> None | ObjectiveKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_1 = ObjectiveKind(data)

                return kind_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ObjectiveKind | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_measure(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        measure = _parse_measure(d.pop("measure", UNSET))

        def _parse_opportunity_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                opportunity_ids_type_0 = []
                _opportunity_ids_type_0 = data
                for opportunity_ids_type_0_item_data in _opportunity_ids_type_0:
                    opportunity_ids_type_0_item = UUID(opportunity_ids_type_0_item_data)

                    opportunity_ids_type_0.append(opportunity_ids_type_0_item)

                return opportunity_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        opportunity_ids = _parse_opportunity_ids(d.pop("opportunity_ids", UNSET))

        def _parse_status(data: object) -> None | ObjectiveStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = ObjectiveStatus(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ObjectiveStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_target(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target = _parse_target(d.pop("target", UNSET))

        def _parse_task_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                task_ids_type_0 = []
                _task_ids_type_0 = data
                for task_ids_type_0_item_data in _task_ids_type_0:
                    task_ids_type_0_item = UUID(task_ids_type_0_item_data)

                    task_ids_type_0.append(task_ids_type_0_item)

                return task_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        task_ids = _parse_task_ids(d.pop("task_ids", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        plan_objective_patch = cls(
            baseline=baseline,
            co_created_with_contact_ids=co_created_with_contact_ids,
            current=current,
            due_on=due_on,
            kind=kind,
            measure=measure,
            opportunity_ids=opportunity_ids,
            status=status,
            target=target,
            task_ids=task_ids,
            title=title,
            unit=unit,
        )

        return plan_objective_patch
