from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_job_state import ImportJobState
from ..models.import_kind import ImportKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_import_result import ContactImportResult
    from ..models.import_result import ImportResult


T = TypeVar("T", bound="ImportJob")


@_attrs_define
class ImportJob:
    """An import running in the background.

    Attributes:
        created_at (datetime.datetime):
        dry_run (bool): True when nothing is committed (`dry_run=true`).
        id (UUID):
        kind (ImportKind): What a job imports.
        result (ContactImportResult | ImportResult): The answer of the rows done so far: the synchronous import's
            answer, of an account or a
            contact import.
        rows_done (int): Rows imported and answered in `result` so far.
        rows_total (int): Data rows in the file.
        status (ImportJobState): Where a job is.
        updated_at (datetime.datetime):
        failure (None | str | Unset): Why the job stopped, when `status` is `failed`.
        finished_at (datetime.datetime | None | Unset):
    """

    created_at: datetime.datetime
    dry_run: bool
    id: UUID
    kind: ImportKind
    result: ContactImportResult | ImportResult
    rows_done: int
    rows_total: int
    status: ImportJobState
    updated_at: datetime.datetime
    failure: None | str | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.import_result import ImportResult

        created_at = self.created_at.isoformat()

        dry_run = self.dry_run

        id = str(self.id)

        kind = self.kind.value

        result: dict[str, Any]
        if isinstance(self.result, ImportResult):
            result = self.result.to_dict()
        else:
            result = self.result.to_dict()

        rows_done = self.rows_done

        rows_total = self.rows_total

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        failure: None | str | Unset
        if isinstance(self.failure, Unset):
            failure = UNSET
        else:
            failure = self.failure

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "dry_run": dry_run,
                "id": id,
                "kind": kind,
                "result": result,
                "rows_done": rows_done,
                "rows_total": rows_total,
                "status": status,
                "updated_at": updated_at,
            }
        )
        if failure is not UNSET:
            field_dict["failure"] = failure
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact_import_result import ContactImportResult
        from ..models.import_result import ImportResult

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        dry_run = d.pop("dry_run")

        id = UUID(d.pop("id"))

        kind = ImportKind(d.pop("kind"))

        def _parse_result(data: object) -> ContactImportResult | ImportResult:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_import_job_result_type_0 = ImportResult.from_dict(
                    data
                )

                return componentsschemas_import_job_result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_import_job_result_type_1 = ContactImportResult.from_dict(
                data
            )

            return componentsschemas_import_job_result_type_1

        result = _parse_result(d.pop("result"))

        rows_done = d.pop("rows_done")

        rows_total = d.pop("rows_total")

        status = ImportJobState(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_failure(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failure = _parse_failure(d.pop("failure", UNSET))

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        import_job = cls(
            created_at=created_at,
            dry_run=dry_run,
            id=id,
            kind=kind,
            result=result,
            rows_done=rows_done,
            rows_total=rows_total,
            status=status,
            updated_at=updated_at,
            failure=failure,
            finished_at=finished_at,
        )

        import_job.additional_properties = d
        return import_job

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
