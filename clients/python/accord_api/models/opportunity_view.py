from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.opportunity_kind import OpportunityKind
from ..models.stage import Stage
from ..types import UNSET, Unset

T = TypeVar("T", bound="OpportunityView")


@_attrs_define
class OpportunityView:
    """
    Attributes:
        account_id (UUID):
        amount (str):  Example: 120000.00.
        created_at (datetime.datetime):
        currency (str):
        id (UUID):
        kind (OpportunityKind):
        name (str):
        probability (int):
        stage (Stage):
        updated_at (datetime.datetime):
        version (int):
        closed_on (datetime.date | None | Unset):
        expected_close_on (datetime.date | None | Unset):
        lost_reason (None | str | Unset):
        lost_to_competitor_id (None | Unset | UUID):
        owner_id (None | Unset | UUID):
    """

    account_id: UUID
    amount: str
    created_at: datetime.datetime
    currency: str
    id: UUID
    kind: OpportunityKind
    name: str
    probability: int
    stage: Stage
    updated_at: datetime.datetime
    version: int
    closed_on: datetime.date | None | Unset = UNSET
    expected_close_on: datetime.date | None | Unset = UNSET
    lost_reason: None | str | Unset = UNSET
    lost_to_competitor_id: None | Unset | UUID = UNSET
    owner_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        amount = self.amount

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = str(self.id)

        kind = self.kind.value

        name = self.name

        probability = self.probability

        stage = self.stage.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        closed_on: None | str | Unset
        if isinstance(self.closed_on, Unset):
            closed_on = UNSET
        elif isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

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
        elif isinstance(self.lost_to_competitor_id, UUID):
            lost_to_competitor_id = str(self.lost_to_competitor_id)
        else:
            lost_to_competitor_id = self.lost_to_competitor_id

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "amount": amount,
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "kind": kind,
                "name": name,
                "probability": probability,
                "stage": stage,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if closed_on is not UNSET:
            field_dict["closed_on"] = closed_on
        if expected_close_on is not UNSET:
            field_dict["expected_close_on"] = expected_close_on
        if lost_reason is not UNSET:
            field_dict["lost_reason"] = lost_reason
        if lost_to_competitor_id is not UNSET:
            field_dict["lost_to_competitor_id"] = lost_to_competitor_id
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        amount = d.pop("amount")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        kind = OpportunityKind(d.pop("kind"))

        name = d.pop("name")

        probability = d.pop("probability")

        stage = Stage(d.pop("stage"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

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

        def _parse_lost_to_competitor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lost_to_competitor_id_type_0 = UUID(data)

                return lost_to_competitor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

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

        opportunity_view = cls(
            account_id=account_id,
            amount=amount,
            created_at=created_at,
            currency=currency,
            id=id,
            kind=kind,
            name=name,
            probability=probability,
            stage=stage,
            updated_at=updated_at,
            version=version,
            closed_on=closed_on,
            expected_close_on=expected_close_on,
            lost_reason=lost_reason,
            lost_to_competitor_id=lost_to_competitor_id,
            owner_id=owner_id,
        )

        opportunity_view.additional_properties = d
        return opportunity_view

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
