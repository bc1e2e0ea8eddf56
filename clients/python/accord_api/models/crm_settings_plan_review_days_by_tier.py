from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CrmSettingsPlanReviewDaysByTier")


@_attrs_define
class CrmSettingsPlanReviewDaysByTier:
    """Default account-plan review cadence in days (1-3650) per tier; a tier left out keeps its default.

    Attributes:
        key (int | Unset):
        standard (int | Unset):
        strategic (int | Unset):
    """

    key: int | Unset = UNSET
    standard: int | Unset = UNSET
    strategic: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        standard = self.standard

        strategic = self.strategic

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if key is not UNSET:
            field_dict["key"] = key
        if standard is not UNSET:
            field_dict["standard"] = standard
        if strategic is not UNSET:
            field_dict["strategic"] = strategic

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        key = d.pop("key", UNSET)

        standard = d.pop("standard", UNSET)

        strategic = d.pop("strategic", UNSET)

        crm_settings_plan_review_days_by_tier = cls(
            key=key,
            standard=standard,
            strategic=strategic,
        )

        return crm_settings_plan_review_days_by_tier
