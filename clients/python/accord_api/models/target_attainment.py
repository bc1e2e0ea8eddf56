from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TargetAttainment")


@_attrs_define
class TargetAttainment:
    """
    Attributes:
        actual (str):
        amount (str):
        metric (str):
        attainment (None | str | Unset): actual / amount, as a decimal string (1.0 = met); null for a zero target.
    """

    actual: str
    amount: str
    metric: str
    attainment: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actual = self.actual

        amount = self.amount

        metric = self.metric

        attainment: None | str | Unset
        if isinstance(self.attainment, Unset):
            attainment = UNSET
        else:
            attainment = self.attainment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actual": actual,
                "amount": amount,
                "metric": metric,
            }
        )
        if attainment is not UNSET:
            field_dict["attainment"] = attainment

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        actual = d.pop("actual")

        amount = d.pop("amount")

        metric = d.pop("metric")

        def _parse_attainment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        attainment = _parse_attainment(d.pop("attainment", UNSET))

        target_attainment = cls(
            actual=actual,
            amount=amount,
            metric=metric,
            attainment=attainment,
        )

        target_attainment.additional_properties = d
        return target_attainment

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
