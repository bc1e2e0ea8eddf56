from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.proposal_status import ProposalStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProposalView")


@_attrs_define
class ProposalView:
    """
    Attributes:
        account_id (UUID):
        created_at (datetime.datetime):
        id (UUID):
        opportunity_id (UUID):
        revision (int): Row revision, for If-Match.
        source_interaction_ids (list[UUID]):
        status (ProposalStatus):
        updated_at (datetime.datetime):
        version (int): The proposal's version number (not a concurrency token; see `revision`).
        client_input (None | str | Unset):
        sent_on (datetime.date | None | Unset):
        summary (None | str | Unset):
    """

    account_id: UUID
    created_at: datetime.datetime
    id: UUID
    opportunity_id: UUID
    revision: int
    source_interaction_ids: list[UUID]
    status: ProposalStatus
    updated_at: datetime.datetime
    version: int
    client_input: None | str | Unset = UNSET
    sent_on: datetime.date | None | Unset = UNSET
    summary: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        created_at = self.created_at.isoformat()

        id = str(self.id)

        opportunity_id = str(self.opportunity_id)

        revision = self.revision

        source_interaction_ids = []
        for source_interaction_ids_item_data in self.source_interaction_ids:
            source_interaction_ids_item = str(source_interaction_ids_item_data)
            source_interaction_ids.append(source_interaction_ids_item)

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        version = self.version

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
                "created_at": created_at,
                "id": id,
                "opportunity_id": opportunity_id,
                "revision": revision,
                "source_interaction_ids": source_interaction_ids,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if client_input is not UNSET:
            field_dict["client_input"] = client_input
        if sent_on is not UNSET:
            field_dict["sent_on"] = sent_on
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        opportunity_id = UUID(d.pop("opportunity_id"))

        revision = d.pop("revision")

        source_interaction_ids = []
        _source_interaction_ids = d.pop("source_interaction_ids")
        for source_interaction_ids_item_data in _source_interaction_ids:
            source_interaction_ids_item = UUID(source_interaction_ids_item_data)

            source_interaction_ids.append(source_interaction_ids_item)

        status = ProposalStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

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

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        proposal_view = cls(
            account_id=account_id,
            created_at=created_at,
            id=id,
            opportunity_id=opportunity_id,
            revision=revision,
            source_interaction_ids=source_interaction_ids,
            status=status,
            updated_at=updated_at,
            version=version,
            client_input=client_input,
            sent_on=sent_on,
            summary=summary,
        )

        proposal_view.additional_properties = d
        return proposal_view

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
