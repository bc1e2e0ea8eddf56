from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grade import Grade
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.factor import Factor


T = TypeVar("T", bound="HealthView")


@_attrs_define
class HealthView:
    """
    Attributes:
        as_of (datetime.date):
        computed_at (datetime.datetime):
        factors (list[Factor]):
        grade (Grade | None | Unset):
        score (int | None | Unset):
    """

    as_of: datetime.date
    computed_at: datetime.datetime
    factors: list[Factor]
    grade: Grade | None | Unset = UNSET
    score: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        computed_at = self.computed_at.isoformat()

        factors = []
        for factors_item_data in self.factors:
            factors_item = factors_item_data.to_dict()
            factors.append(factors_item)

        grade: None | str | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        elif isinstance(self.grade, Grade):
            grade = self.grade.value
        else:
            grade = self.grade

        score: int | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "computed_at": computed_at,
                "factors": factors,
            }
        )
        if grade is not UNSET:
            field_dict["grade"] = grade
        if score is not UNSET:
            field_dict["score"] = score

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.factor import Factor

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        computed_at = datetime.datetime.fromisoformat(d.pop("computed_at"))

        factors = []
        _factors = d.pop("factors")
        for factors_item_data in _factors:
            factors_item = Factor.from_dict(factors_item_data)

            factors.append(factors_item)

        def _parse_grade(data: object) -> Grade | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                grade_type_1 = Grade(data)

                return grade_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Grade | None | Unset, data)

        grade = _parse_grade(d.pop("grade", UNSET))

        def _parse_score(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        health_view = cls(
            as_of=as_of,
            computed_at=computed_at,
            factors=factors,
            grade=grade,
            score=score,
        )

        health_view.additional_properties = d
        return health_view

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
