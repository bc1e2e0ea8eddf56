from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.factor_key import FactorKey
from ..models.factor_status import FactorStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Factor")


@_attrs_define
class Factor:
    """
    Attributes:
        contribution (float): Points this factor adds to the total (weight re-summed over factors with data).
        key (FactorKey):
        status (FactorStatus):
        weight (int): The configured weight.
        raw_value (float | None | Unset): The measured value the score came from (days, average score, count); null
            without data.
        score (int | None | Unset): 0-100; null without data.
    """

    contribution: float
    key: FactorKey
    status: FactorStatus
    weight: int
    raw_value: float | None | Unset = UNSET
    score: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contribution = self.contribution

        key = self.key.value

        status = self.status.value

        weight = self.weight

        raw_value: float | None | Unset
        if isinstance(self.raw_value, Unset):
            raw_value = UNSET
        else:
            raw_value = self.raw_value

        score: int | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contribution": contribution,
                "key": key,
                "status": status,
                "weight": weight,
            }
        )
        if raw_value is not UNSET:
            field_dict["raw_value"] = raw_value
        if score is not UNSET:
            field_dict["score"] = score

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contribution = d.pop("contribution")

        key = FactorKey(d.pop("key"))

        status = FactorStatus(d.pop("status"))

        weight = d.pop("weight")

        def _parse_raw_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        raw_value = _parse_raw_value(d.pop("raw_value", UNSET))

        def _parse_score(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        factor = cls(
            contribution=contribution,
            key=key,
            status=status,
            weight=weight,
            raw_value=raw_value,
            score=score,
        )

        factor.additional_properties = d
        return factor

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
