from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CrmSettingsHealthWeights")


@_attrs_define
class CrmSettingsHealthWeights:
    """Weight of each health factor (0-100), by factor key; a factor left out keeps its default.

    Attributes:
        account_plan (int | Unset):
        champion_presence (int | Unset):
        check_in_recency (int | Unset):
        client_feedback (int | Unset):
        days_sales_outstanding (int | Unset):
        manager_sentiment (int | Unset):
        open_risks (int | Unset):
        opportunity_momentum (int | Unset):
        overdue_receivables (int | Unset):
    """

    account_plan: int | Unset = UNSET
    champion_presence: int | Unset = UNSET
    check_in_recency: int | Unset = UNSET
    client_feedback: int | Unset = UNSET
    days_sales_outstanding: int | Unset = UNSET
    manager_sentiment: int | Unset = UNSET
    open_risks: int | Unset = UNSET
    opportunity_momentum: int | Unset = UNSET
    overdue_receivables: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_plan = self.account_plan

        champion_presence = self.champion_presence

        check_in_recency = self.check_in_recency

        client_feedback = self.client_feedback

        days_sales_outstanding = self.days_sales_outstanding

        manager_sentiment = self.manager_sentiment

        open_risks = self.open_risks

        opportunity_momentum = self.opportunity_momentum

        overdue_receivables = self.overdue_receivables

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if account_plan is not UNSET:
            field_dict["account_plan"] = account_plan
        if champion_presence is not UNSET:
            field_dict["champion_presence"] = champion_presence
        if check_in_recency is not UNSET:
            field_dict["check_in_recency"] = check_in_recency
        if client_feedback is not UNSET:
            field_dict["client_feedback"] = client_feedback
        if days_sales_outstanding is not UNSET:
            field_dict["days_sales_outstanding"] = days_sales_outstanding
        if manager_sentiment is not UNSET:
            field_dict["manager_sentiment"] = manager_sentiment
        if open_risks is not UNSET:
            field_dict["open_risks"] = open_risks
        if opportunity_momentum is not UNSET:
            field_dict["opportunity_momentum"] = opportunity_momentum
        if overdue_receivables is not UNSET:
            field_dict["overdue_receivables"] = overdue_receivables

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_plan = d.pop("account_plan", UNSET)

        champion_presence = d.pop("champion_presence", UNSET)

        check_in_recency = d.pop("check_in_recency", UNSET)

        client_feedback = d.pop("client_feedback", UNSET)

        days_sales_outstanding = d.pop("days_sales_outstanding", UNSET)

        manager_sentiment = d.pop("manager_sentiment", UNSET)

        open_risks = d.pop("open_risks", UNSET)

        opportunity_momentum = d.pop("opportunity_momentum", UNSET)

        overdue_receivables = d.pop("overdue_receivables", UNSET)

        crm_settings_health_weights = cls(
            account_plan=account_plan,
            champion_presence=champion_presence,
            check_in_recency=check_in_recency,
            client_feedback=client_feedback,
            days_sales_outstanding=days_sales_outstanding,
            manager_sentiment=manager_sentiment,
            open_risks=open_risks,
            opportunity_momentum=opportunity_momentum,
            overdue_receivables=overdue_receivables,
        )

        return crm_settings_health_weights
