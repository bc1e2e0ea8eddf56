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
        currency (str):
        id (UUID):
        number (int): The proposal's number within its opportunity (1, 2, ...).
        opportunity_id (UUID):
        source_interaction_ids (list[UUID]):
        status (ProposalStatus):
        updated_at (datetime.datetime):
        version (int): The concurrency token (the ETag's version, for If-Match).
        amount (None | str | Unset): In `currency`, with its decimals. Example: 48000.00.
        client_input (None | str | Unset):
        discount_percent (None | str | Unset): With two decimals. Example: 12.50.
        sent_on (datetime.date | None | Unset):
        summary (None | str | Unset):
        term_months (int | None | Unset):
        valid_until (datetime.date | None | Unset):
    """

    account_id: UUID
    created_at: datetime.datetime
    currency: str
    id: UUID
    number: int
    opportunity_id: UUID
    source_interaction_ids: list[UUID]
    status: ProposalStatus
    updated_at: datetime.datetime
    version: int
    amount: None | str | Unset = UNSET
    client_input: None | str | Unset = UNSET
    discount_percent: None | str | Unset = UNSET
    sent_on: datetime.date | None | Unset = UNSET
    summary: None | str | Unset = UNSET
    term_months: int | None | Unset = UNSET
    valid_until: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = str(self.id)

        number = self.number

        opportunity_id = str(self.opportunity_id)

        source_interaction_ids = []
        for source_interaction_ids_item_data in self.source_interaction_ids:
            source_interaction_ids_item = str(source_interaction_ids_item_data)
            source_interaction_ids.append(source_interaction_ids_item)

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        client_input: None | str | Unset
        if isinstance(self.client_input, Unset):
            client_input = UNSET
        else:
            client_input = self.client_input

        discount_percent: None | str | Unset
        if isinstance(self.discount_percent, Unset):
            discount_percent = UNSET
        else:
            discount_percent = self.discount_percent

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

        term_months: int | None | Unset
        if isinstance(self.term_months, Unset):
            term_months = UNSET
        else:
            term_months = self.term_months

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "number": number,
                "opportunity_id": opportunity_id,
                "source_interaction_ids": source_interaction_ids,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if client_input is not UNSET:
            field_dict["client_input"] = client_input
        if discount_percent is not UNSET:
            field_dict["discount_percent"] = discount_percent
        if sent_on is not UNSET:
            field_dict["sent_on"] = sent_on
        if summary is not UNSET:
            field_dict["summary"] = summary
        if term_months is not UNSET:
            field_dict["term_months"] = term_months
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        number = d.pop("number")

        opportunity_id = UUID(d.pop("opportunity_id"))

        source_interaction_ids = []
        _source_interaction_ids = d.pop("source_interaction_ids")
        for source_interaction_ids_item_data in _source_interaction_ids:
            source_interaction_ids_item = UUID(source_interaction_ids_item_data)

            source_interaction_ids.append(source_interaction_ids_item)

        status = ProposalStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_client_input(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_input = _parse_client_input(d.pop("client_input", UNSET))

        def _parse_discount_percent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        discount_percent = _parse_discount_percent(d.pop("discount_percent", UNSET))

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

        def _parse_term_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        term_months = _parse_term_months(d.pop("term_months", UNSET))

        def _parse_valid_until(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.date.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_until = _parse_valid_until(d.pop("valid_until", UNSET))

        proposal_view = cls(
            account_id=account_id,
            created_at=created_at,
            currency=currency,
            id=id,
            number=number,
            opportunity_id=opportunity_id,
            source_interaction_ids=source_interaction_ids,
            status=status,
            updated_at=updated_at,
            version=version,
            amount=amount,
            client_input=client_input,
            discount_percent=discount_percent,
            sent_on=sent_on,
            summary=summary,
            term_months=term_months,
            valid_until=valid_until,
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
