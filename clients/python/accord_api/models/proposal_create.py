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
    """A new proposal: the fields of a change, with `number` defaulting to the next one of the
    opportunity, and `version` still read as the deprecated name of `number` (an answer's
    `version` is the concurrency token).

        Attributes:
            opportunity_id (UUID):
            amount (None | str | Unset): A non-negative decimal string with at most the currency's decimals (USD 2, JPY 0).
                Example: 48000.00.
            client_input (None | str | Unset): What the client asked for or answered.
            currency (None | str | Unset): ISO 4217 code of `amount`; defaults to the opportunity's currency. Example: USD.
            discount_percent (None | str | Unset): A percentage from 0 to 100 with at most 2 decimals, as a string. Example:
                12.50.
            number (int | None | Unset): The proposal's number within its opportunity (1, 2, ...); defaults to the next one.
            sent_on (datetime.date | None | Unset): Defaults to today when the status is past draft.
            source_interaction_ids (list[UUID] | None | Unset): Interactions the proposal was built from.
            status (None | ProposalStatus | Unset):
            summary (None | str | Unset):
            term_months (int | None | Unset): The term offered, in months (1 to 600).
            valid_until (datetime.date | None | Unset): Not before `sent_on` (422 `date_order`).
            version (int | None | Unset): Deprecated: the earlier name of `number`, still read on create. When both are
                given
                they must agree (422 `number_conflict`). In answers `version` is the concurrency token.
    """

    opportunity_id: UUID
    amount: None | str | Unset = UNSET
    client_input: None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    discount_percent: None | str | Unset = UNSET
    number: int | None | Unset = UNSET
    sent_on: datetime.date | None | Unset = UNSET
    source_interaction_ids: list[UUID] | None | Unset = UNSET
    status: None | ProposalStatus | Unset = UNSET
    summary: None | str | Unset = UNSET
    term_months: int | None | Unset = UNSET
    valid_until: datetime.date | None | Unset = UNSET
    version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        opportunity_id = str(self.opportunity_id)

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

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        discount_percent: None | str | Unset
        if isinstance(self.discount_percent, Unset):
            discount_percent = UNSET
        else:
            discount_percent = self.discount_percent

        number: int | None | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

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
        if amount is not UNSET:
            field_dict["amount"] = amount
        if client_input is not UNSET:
            field_dict["client_input"] = client_input
        if currency is not UNSET:
            field_dict["currency"] = currency
        if discount_percent is not UNSET:
            field_dict["discount_percent"] = discount_percent
        if number is not UNSET:
            field_dict["number"] = number
        if sent_on is not UNSET:
            field_dict["sent_on"] = sent_on
        if source_interaction_ids is not UNSET:
            field_dict["source_interaction_ids"] = source_interaction_ids
        if status is not UNSET:
            field_dict["status"] = status
        if summary is not UNSET:
            field_dict["summary"] = summary
        if term_months is not UNSET:
            field_dict["term_months"] = term_months
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        opportunity_id = UUID(d.pop("opportunity_id"))

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

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_discount_percent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        discount_percent = _parse_discount_percent(d.pop("discount_percent", UNSET))

        def _parse_number(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

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

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        proposal_create = cls(
            opportunity_id=opportunity_id,
            amount=amount,
            client_input=client_input,
            currency=currency,
            discount_percent=discount_percent,
            number=number,
            sent_on=sent_on,
            source_interaction_ids=source_interaction_ids,
            status=status,
            summary=summary,
            term_months=term_months,
            valid_until=valid_until,
            version=version,
        )

        return proposal_create
