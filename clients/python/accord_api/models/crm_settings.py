from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.crm_settings_check_in_days_by_tier import CrmSettingsCheckInDaysByTier
    from ..models.crm_settings_health_weights import CrmSettingsHealthWeights
    from ..models.crm_settings_plan_review_days_by_tier import (
        CrmSettingsPlanReviewDaysByTier,
    )


T = TypeVar("T", bound="CrmSettings")


@_attrs_define
class CrmSettings:
    """The organization's CRM settings; missing keys take the defaults.

    Attributes:
        check_in_days_by_tier (CrmSettingsCheckInDaysByTier | Unset): Default check-in cadence in days (1-3650) per
            tier; a tier left out keeps its default.
        health_weights (CrmSettingsHealthWeights | Unset): Weight of each health factor (0-100), by factor key; a factor
            left out keeps its default.
        healthy_from (int | Unset): Scores at or above this are `healthy`. Default: 70.
        plan_review_days_by_tier (CrmSettingsPlanReviewDaysByTier | Unset): Default account-plan review cadence in days
            (1-3650) per tier; a tier left out keeps its default.
        version (int | Unset):  Default: 0.
        watch_from (int | Unset): Scores at or above this (below `healthy_from`) are `watch`; below, `poor`. Default:
            40.
    """

    check_in_days_by_tier: CrmSettingsCheckInDaysByTier | Unset = UNSET
    health_weights: CrmSettingsHealthWeights | Unset = UNSET
    healthy_from: int | Unset = 70
    plan_review_days_by_tier: CrmSettingsPlanReviewDaysByTier | Unset = UNSET
    version: int | Unset = 0
    watch_from: int | Unset = 40

    def to_dict(self) -> dict[str, Any]:
        check_in_days_by_tier: dict[str, Any] | Unset = UNSET
        if not isinstance(self.check_in_days_by_tier, Unset):
            check_in_days_by_tier = self.check_in_days_by_tier.to_dict()

        health_weights: dict[str, Any] | Unset = UNSET
        if not isinstance(self.health_weights, Unset):
            health_weights = self.health_weights.to_dict()

        healthy_from = self.healthy_from

        plan_review_days_by_tier: dict[str, Any] | Unset = UNSET
        if not isinstance(self.plan_review_days_by_tier, Unset):
            plan_review_days_by_tier = self.plan_review_days_by_tier.to_dict()

        version = self.version

        watch_from = self.watch_from

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if check_in_days_by_tier is not UNSET:
            field_dict["check_in_days_by_tier"] = check_in_days_by_tier
        if health_weights is not UNSET:
            field_dict["health_weights"] = health_weights
        if healthy_from is not UNSET:
            field_dict["healthy_from"] = healthy_from
        if plan_review_days_by_tier is not UNSET:
            field_dict["plan_review_days_by_tier"] = plan_review_days_by_tier
        if version is not UNSET:
            field_dict["version"] = version
        if watch_from is not UNSET:
            field_dict["watch_from"] = watch_from

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.crm_settings_check_in_days_by_tier import (
            CrmSettingsCheckInDaysByTier,
        )
        from ..models.crm_settings_health_weights import CrmSettingsHealthWeights
        from ..models.crm_settings_plan_review_days_by_tier import (
            CrmSettingsPlanReviewDaysByTier,
        )

        d = dict(src_dict)
        _check_in_days_by_tier = d.pop("check_in_days_by_tier", UNSET)
        check_in_days_by_tier: CrmSettingsCheckInDaysByTier | Unset
        if isinstance(_check_in_days_by_tier, Unset):
            check_in_days_by_tier = UNSET
        else:
            check_in_days_by_tier = CrmSettingsCheckInDaysByTier.from_dict(
                _check_in_days_by_tier
            )

        _health_weights = d.pop("health_weights", UNSET)
        health_weights: CrmSettingsHealthWeights | Unset
        if isinstance(_health_weights, Unset):
            health_weights = UNSET
        else:
            health_weights = CrmSettingsHealthWeights.from_dict(_health_weights)

        healthy_from = d.pop("healthy_from", UNSET)

        _plan_review_days_by_tier = d.pop("plan_review_days_by_tier", UNSET)
        plan_review_days_by_tier: CrmSettingsPlanReviewDaysByTier | Unset
        if isinstance(_plan_review_days_by_tier, Unset):
            plan_review_days_by_tier = UNSET
        else:
            plan_review_days_by_tier = CrmSettingsPlanReviewDaysByTier.from_dict(
                _plan_review_days_by_tier
            )

        version = d.pop("version", UNSET)

        watch_from = d.pop("watch_from", UNSET)

        crm_settings = cls(
            check_in_days_by_tier=check_in_days_by_tier,
            health_weights=health_weights,
            healthy_from=healthy_from,
            plan_review_days_by_tier=plan_review_days_by_tier,
            version=version,
            watch_from=watch_from,
        )

        return crm_settings
