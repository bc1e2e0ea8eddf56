from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.target_attainment import TargetAttainment


T = TypeVar("T", bound="PerformanceRow")


@_attrs_define
class PerformanceRow:
    """
    Attributes:
        accounts_managed (int):
        at_risk_accounts (int):
        interactions (int):
        name (str):
        open_risks (int):
        pipeline_weighted (str): Σ amount × probability of the open opportunities expected to close in the period, in
            the base currency (the same definition as the sales report's).
        revenue_collected (str): Payments allocated in the period (by allocation date) to invoices credited to this
            manager or team, without their tax share: each allocation's base amount (at the
            invoice's rate) × the invoice's base subtotal ÷ base total.
        revenue_invoiced (str): Subtotals (without tax, base currency) of invoices issued in the period and credited to
            this manager or team when issued, less the subtotals of credit notes issued in the
            period and credited likewise.
        targets (list[TargetAttainment]):
        won_amount (str): Amounts of opportunities closed won in the period.
        avg_csat (None | str | Unset): Mean CSAT (1-5) in the period, as a decimal string; null without CSAT.
        nps (int | None | Unset): Net promoter score (-100..100) in the period; null without NPS answers.
        team_id (None | Unset | UUID):
        title (None | str | Unset):
        user_id (None | Unset | UUID):
    """

    accounts_managed: int
    at_risk_accounts: int
    interactions: int
    name: str
    open_risks: int
    pipeline_weighted: str
    revenue_collected: str
    revenue_invoiced: str
    targets: list[TargetAttainment]
    won_amount: str
    avg_csat: None | str | Unset = UNSET
    nps: int | None | Unset = UNSET
    team_id: None | Unset | UUID = UNSET
    title: None | str | Unset = UNSET
    user_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts_managed = self.accounts_managed

        at_risk_accounts = self.at_risk_accounts

        interactions = self.interactions

        name = self.name

        open_risks = self.open_risks

        pipeline_weighted = self.pipeline_weighted

        revenue_collected = self.revenue_collected

        revenue_invoiced = self.revenue_invoiced

        targets = []
        for targets_item_data in self.targets:
            targets_item = targets_item_data.to_dict()
            targets.append(targets_item)

        won_amount = self.won_amount

        avg_csat: None | str | Unset
        if isinstance(self.avg_csat, Unset):
            avg_csat = UNSET
        else:
            avg_csat = self.avg_csat

        nps: int | None | Unset
        if isinstance(self.nps, Unset):
            nps = UNSET
        else:
            nps = self.nps

        team_id: None | str | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        elif isinstance(self.team_id, UUID):
            team_id = str(self.team_id)
        else:
            team_id = self.team_id

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        elif isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accounts_managed": accounts_managed,
                "at_risk_accounts": at_risk_accounts,
                "interactions": interactions,
                "name": name,
                "open_risks": open_risks,
                "pipeline_weighted": pipeline_weighted,
                "revenue_collected": revenue_collected,
                "revenue_invoiced": revenue_invoiced,
                "targets": targets,
                "won_amount": won_amount,
            }
        )
        if avg_csat is not UNSET:
            field_dict["avg_csat"] = avg_csat
        if nps is not UNSET:
            field_dict["nps"] = nps
        if team_id is not UNSET:
            field_dict["team_id"] = team_id
        if title is not UNSET:
            field_dict["title"] = title
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.target_attainment import TargetAttainment

        d = dict(src_dict)
        accounts_managed = d.pop("accounts_managed")

        at_risk_accounts = d.pop("at_risk_accounts")

        interactions = d.pop("interactions")

        name = d.pop("name")

        open_risks = d.pop("open_risks")

        pipeline_weighted = d.pop("pipeline_weighted")

        revenue_collected = d.pop("revenue_collected")

        revenue_invoiced = d.pop("revenue_invoiced")

        targets = []
        _targets = d.pop("targets")
        for targets_item_data in _targets:
            targets_item = TargetAttainment.from_dict(targets_item_data)

            targets.append(targets_item)

        won_amount = d.pop("won_amount")

        def _parse_avg_csat(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        avg_csat = _parse_avg_csat(d.pop("avg_csat", UNSET))

        def _parse_nps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        nps = _parse_nps(d.pop("nps", UNSET))

        def _parse_team_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                team_id_type_0 = UUID(data)

                return team_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        team_id = _parse_team_id(d.pop("team_id", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        performance_row = cls(
            accounts_managed=accounts_managed,
            at_risk_accounts=at_risk_accounts,
            interactions=interactions,
            name=name,
            open_risks=open_risks,
            pipeline_weighted=pipeline_weighted,
            revenue_collected=revenue_collected,
            revenue_invoiced=revenue_invoiced,
            targets=targets,
            won_amount=won_amount,
            avg_csat=avg_csat,
            nps=nps,
            team_id=team_id,
            title=title,
            user_id=user_id,
        )

        performance_row.additional_properties = d
        return performance_row

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
