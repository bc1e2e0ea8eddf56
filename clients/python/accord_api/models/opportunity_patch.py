from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.opportunity_kind import OpportunityKind
from ..models.stage import Stage
from ..types import UNSET, Unset

T = TypeVar("T", bound="OpportunityPatch")


@_attrs_define
class OpportunityPatch:
    """
    Attributes:
        account_id (None | Unset | UUID):
        amount (None | str | Unset): A decimal string in `currency`. Example: 120000.00.
        closed_on (datetime.date | None | Unset): Defaults to today when the stage becomes won or lost.
        currency (None | str | Unset):
        expected_close_on (datetime.date | None | Unset):
        kind (None | OpportunityKind | Unset):
        lost_reason (None | str | Unset):
        lost_to_competitor_id (None | str | Unset): A competitor's id or name.
        name (None | str | Unset):
        owner_id (None | Unset | UUID):
        probability (int | None | Unset): 0-100.
        stage (None | Stage | Unset):
    """

    account_id: None | Unset | UUID = UNSET
    amount: None | str | Unset = UNSET
    closed_on: datetime.date | None | Unset = UNSET
    currency: None | str | Unset = UNSET
    expected_close_on: datetime.date | None | Unset = UNSET
    kind: None | OpportunityKind | Unset = UNSET
    lost_reason: None | str | Unset = UNSET
    lost_to_competitor_id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    owner_id: None | Unset | UUID = UNSET
    probability: int | None | Unset = UNSET
    stage: None | Stage | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        elif isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

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

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, OpportunityKind):
            kind = self.kind.value
        else:
            kind = self.kind

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

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

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

        field_dict.update({})
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if amount is not UNSET:
            field_dict["amount"] = amount
        if closed_on is not UNSET:
            field_dict["closed_on"] = closed_on
        if currency is not UNSET:
            field_dict["currency"] = currency
        if expected_close_on is not UNSET:
            field_dict["expected_close_on"] = expected_close_on
        if kind is not UNSET:
            field_dict["kind"] = kind
        if lost_reason is not UNSET:
            field_dict["lost_reason"] = lost_reason
        if lost_to_competitor_id is not UNSET:
            field_dict["lost_to_competitor_id"] = lost_to_competitor_id
        if name is not UNSET:
            field_dict["name"] = name
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

        def _parse_account_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                account_id_type_0 = UUID(data)

                return account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

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

        def _parse_kind(data: object) -> None | OpportunityKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_1 = OpportunityKind(data)

                return kind_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OpportunityKind | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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

        opportunity_patch = cls(
            account_id=account_id,
            amount=amount,
            closed_on=closed_on,
            currency=currency,
            expected_close_on=expected_close_on,
            kind=kind,
            lost_reason=lost_reason,
            lost_to_competitor_id=lost_to_competitor_id,
            name=name,
            owner_id=owner_id,
            probability=probability,
            stage=stage,
        )

        return opportunity_patch
