from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.opportunity_kind import OpportunityKind
from ..models.stage import Stage
from ..types import UNSET, Unset

T = TypeVar("T", bound="OpportunityCreate")


@_attrs_define
class OpportunityCreate:
    """
    Attributes:
        account_id (UUID):
        amount (str): A decimal string in `currency`. Example: 120000.00.
        kind (OpportunityKind):
        name (str):
        closed_on (datetime.date | None | Unset): Defaults to today when the stage becomes won or lost.
        currency (None | str | Unset):
        expected_close_on (datetime.date | None | Unset):
        lost_reason (None | str | Unset):
        lost_to_competitor_id (None | str | Unset): A competitor's id or name.
        owner_id (None | Unset | UUID):
        probability (int | None | Unset): 0-100.
        stage (None | Stage | Unset):
    """

    account_id: UUID
    amount: str
    kind: OpportunityKind
    name: str
    closed_on: datetime.date | None | Unset = UNSET
    currency: None | str | Unset = UNSET
    expected_close_on: datetime.date | None | Unset = UNSET
    lost_reason: None | str | Unset = UNSET
    lost_to_competitor_id: None | str | Unset = UNSET
    owner_id: None | Unset | UUID = UNSET
    probability: int | None | Unset = UNSET
    stage: None | Stage | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        amount = self.amount

        kind = self.kind.value

        name = self.name

        closed_on: None | str | Unset
        if isinstance(self.closed_on, Unset):
            closed_on = UNSET
        elif isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        expected_close_on: None | str | Unset
        if isinstance(self.expected_close_on, Unset):
            expected_close_on = UNSET
        elif isinstance(self.expected_close_on, datetime.date):
            expected_close_on = self.expected_close_on.isoformat()
        else:
            expected_close_on = self.expected_close_on

        lost_reason: None | str | Unset
        if isinstance(self.lost_reason, Unset):
            lost_reason = UNSET
        else:
            lost_reason = self.lost_reason

        lost_to_competitor_id: None | str | Unset
        if isinstance(self.lost_to_competitor_id, Unset):
            lost_to_competitor_id = UNSET
        else:
            lost_to_competitor_id = self.lost_to_competitor_id

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        probability: int | None | Unset
        if isinstance(self.probability, Unset):
            probability = UNSET
        else:
            probability = self.probability

        stage: None | str | Unset
        if isinstance(self.stage, Unset):
            stage = UNSET
        elif isinstance(self.stage, Stage):
            stage = self.stage.value
        else:
            stage = self.stage

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account_id": account_id,
                "amount": amount,
                "kind": kind,
                "name": name,
            }
        )
        if closed_on is not UNSET:
            field_dict["closed_on"] = closed_on
        if currency is not UNSET:
            field_dict["currency"] = currency
        if expected_close_on is not UNSET:
            field_dict["expected_close_on"] = expected_close_on
        if lost_reason is not UNSET:
            field_dict["lost_reason"] = lost_reason
        if lost_to_competitor_id is not UNSET:
            field_dict["lost_to_competitor_id"] = lost_to_competitor_id
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if probability is not UNSET:
            field_dict["probability"] = probability
        if stage is not UNSET:
            field_dict["stage"] = stage

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        amount = d.pop("amount")

        kind = OpportunityKind(d.pop("kind"))

        name = d.pop("name")

        def _parse_closed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        closed_on = _parse_closed_on(d.pop("closed_on", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_expected_close_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_close_on_type_0 = datetime.date.fromisoformat(data)

                return expected_close_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expected_close_on = _parse_expected_close_on(d.pop("expected_close_on", UNSET))

        def _parse_lost_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lost_reason = _parse_lost_reason(d.pop("lost_reason", UNSET))

        def _parse_lost_to_competitor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lost_to_competitor_id = _parse_lost_to_competitor_id(
            d.pop("lost_to_competitor_id", UNSET)
        )

        def _parse_owner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_id_type_0 = UUID(data)

                return owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        def _parse_probability(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        probability = _parse_probability(d.pop("probability", UNSET))

        def _parse_stage(data: object) -> None | Stage | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stage_type_1 = Stage(data)

                return stage_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Stage | Unset, data)

        stage = _parse_stage(d.pop("stage", UNSET))

        opportunity_create = cls(
            account_id=account_id,
            amount=amount,
            kind=kind,
            name=name,
            closed_on=closed_on,
            currency=currency,
            expected_close_on=expected_close_on,
            lost_reason=lost_reason,
            lost_to_competitor_id=lost_to_competitor_id,
            owner_id=owner_id,
            probability=probability,
            stage=stage,
        )

        return opportunity_create
