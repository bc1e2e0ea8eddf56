from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.proposal_status import ProposalStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProposalCreate")


@_attrs_define
class ProposalCreate:
    """
    Attributes:
        opportunity_id (UUID):
        client_input (None | str | Unset): What the client asked for or answered.
        sent_on (datetime.date | None | Unset):
        source_interaction_ids (list[UUID] | None | Unset): Interactions the proposal was built from.
        status (None | ProposalStatus | Unset):
        summary (None | str | Unset):
        version (int | None | Unset): The proposal's own version number (1, 2, ...); defaults to the next one.
    """

    opportunity_id: UUID
    client_input: None | str | Unset = UNSET
    sent_on: datetime.date | None | Unset = UNSET
    source_interaction_ids: list[UUID] | None | Unset = UNSET
    status: None | ProposalStatus | Unset = UNSET
    summary: None | str | Unset = UNSET
    version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        opportunity_id = str(self.opportunity_id)

        client_input: None | str | Unset
        if isinstance(self.client_input, Unset):
            client_input = UNSET
        else:
            client_input = self.client_input

        sent_on: None | str | Unset
        if isinstance(self.sent_on, Unset):
            sent_on = UNSET
        elif isinstance(self.sent_on, datetime.date):
            sent_on = self.sent_on.isoformat()
        else:
            sent_on = self.sent_on

        source_interaction_ids: list[str] | None | Unset
        if isinstance(self.source_interaction_ids, Unset):
            source_interaction_ids = UNSET
        elif isinstance(self.source_interaction_ids, list):
            source_interaction_ids = []
            for source_interaction_ids_type_0_item_data in self.source_interaction_ids:
                source_interaction_ids_type_0_item = str(
                    source_interaction_ids_type_0_item_data
                )
                source_interaction_ids.append(source_interaction_ids_type_0_item)

        else:
            source_interaction_ids = self.source_interaction_ids

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, ProposalStatus):
            status = self.status.value
        else:
            status = self.status

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "opportunity_id": opportunity_id,
            }
        )
        if client_input is not UNSET:
            field_dict["client_input"] = client_input
        if sent_on is not UNSET:
            field_dict["sent_on"] = sent_on
        if source_interaction_ids is not UNSET:
            field_dict["source_interaction_ids"] = source_interaction_ids
        if status is not UNSET:
            field_dict["status"] = status
        if summary is not UNSET:
            field_dict["summary"] = summary
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        opportunity_id = UUID(d.pop("opportunity_id"))

        def _parse_client_input(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_input = _parse_client_input(d.pop("client_input", UNSET))

        def _parse_sent_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_on_type_0 = datetime.date.fromisoformat(data)

                return sent_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        sent_on = _parse_sent_on(d.pop("sent_on", UNSET))

        def _parse_source_interaction_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                source_interaction_ids_type_0 = []
                _source_interaction_ids_type_0 = data
                for (
                    source_interaction_ids_type_0_item_data
                ) in _source_interaction_ids_type_0:
                    source_interaction_ids_type_0_item = UUID(
                        source_interaction_ids_type_0_item_data
                    )

                    source_interaction_ids_type_0.append(
                        source_interaction_ids_type_0_item
                    )

                return source_interaction_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        source_interaction_ids = _parse_source_interaction_ids(
            d.pop("source_interaction_ids", UNSET)
        )

        def _parse_status(data: object) -> None | ProposalStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = ProposalStatus(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProposalStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        proposal_create = cls(
            opportunity_id=opportunity_id,
            client_input=client_input,
            sent_on=sent_on,
            source_interaction_ids=source_interaction_ids,
            status=status,
            summary=summary,
            version=version,
        )

        return proposal_create
