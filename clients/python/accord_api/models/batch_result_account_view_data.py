from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_status import AccountStatus
from ..models.tier import Tier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_result_account_view_data_custom_fields import (
        BatchResultAccountViewDataCustomFields,
    )
    from ..models.health_view import HealthView


T = TypeVar("T", bound="BatchResultAccountViewData")


@_attrs_define
class BatchResultAccountViewData:
    """
    Attributes:
        bank_accounts (list[str]): IBANs or account numbers the client pays from, in capitals without spaces.
        check_in_every_days (int): The cadence in force: the account's own, else its tier's default.
        check_in_overdue (bool):
        competitor_ids (list[UUID]):
        created_at (datetime.datetime):
        currency (str):
        custom_fields (BatchResultAccountViewDataCustomFields):
        health (HealthView):
        id (UUID):
        is_customer (bool):
        is_vendor (bool):
        name (str):
        next_check_in_due_at (datetime.datetime):
        status (AccountStatus): `at_risk` is derived from open high and critical risks, never set by hand.
        tags (list[str]):
        tier (Tier): How much the account matters; sets the default check-in cadence.
        updated_at (datetime.datetime):
        version (int):
        archived_at (datetime.datetime | None | Unset):
        churn_reason (None | str | Unset):
        churned_on (datetime.date | None | Unset):
        days_since_last_interaction (int | None | Unset): Days since the last interaction that counts as a check-in;
            null if none yet.
        goals (None | str | Unset):
        industry (None | str | Unset):
        last_check_in_at (datetime.datetime | None | Unset):
        legal_name (None | str | Unset):
        lost_to_competitor_id (None | Unset | UUID):
        merged_into_id (None | Unset | UUID):
        owner_id (None | Unset | UUID):
        team_id (None | Unset | UUID):
        website (None | str | Unset):
    """

    bank_accounts: list[str]
    check_in_every_days: int
    check_in_overdue: bool
    competitor_ids: list[UUID]
    created_at: datetime.datetime
    currency: str
    custom_fields: BatchResultAccountViewDataCustomFields
    health: HealthView
    id: UUID
    is_customer: bool
    is_vendor: bool
    name: str
    next_check_in_due_at: datetime.datetime
    status: AccountStatus
    tags: list[str]
    tier: Tier
    updated_at: datetime.datetime
    version: int
    archived_at: datetime.datetime | None | Unset = UNSET
    churn_reason: None | str | Unset = UNSET
    churned_on: datetime.date | None | Unset = UNSET
    days_since_last_interaction: int | None | Unset = UNSET
    goals: None | str | Unset = UNSET
    industry: None | str | Unset = UNSET
    last_check_in_at: datetime.datetime | None | Unset = UNSET
    legal_name: None | str | Unset = UNSET
    lost_to_competitor_id: None | Unset | UUID = UNSET
    merged_into_id: None | Unset | UUID = UNSET
    owner_id: None | Unset | UUID = UNSET
    team_id: None | Unset | UUID = UNSET
    website: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_accounts = self.bank_accounts

        check_in_every_days = self.check_in_every_days

        check_in_overdue = self.check_in_overdue

        competitor_ids = []
        for competitor_ids_item_data in self.competitor_ids:
            competitor_ids_item = str(competitor_ids_item_data)
            competitor_ids.append(competitor_ids_item)

        created_at = self.created_at.isoformat()

        currency = self.currency

        custom_fields = self.custom_fields.to_dict()

        health = self.health.to_dict()

        id = str(self.id)

        is_customer = self.is_customer

        is_vendor = self.is_vendor

        name = self.name

        next_check_in_due_at = self.next_check_in_due_at.isoformat()

        status = self.status.value

        tags = self.tags

        tier = self.tier.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        archived_at: None | str | Unset
        if isinstance(self.archived_at, Unset):
            archived_at = UNSET
        elif isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        churn_reason: None | str | Unset
        if isinstance(self.churn_reason, Unset):
            churn_reason = UNSET
        else:
            churn_reason = self.churn_reason

        churned_on: None | str | Unset
        if isinstance(self.churned_on, Unset):
            churned_on = UNSET
        elif isinstance(self.churned_on, datetime.date):
            churned_on = self.churned_on.isoformat()
        else:
            churned_on = self.churned_on

        days_since_last_interaction: int | None | Unset
        if isinstance(self.days_since_last_interaction, Unset):
            days_since_last_interaction = UNSET
        else:
            days_since_last_interaction = self.days_since_last_interaction

        goals: None | str | Unset
        if isinstance(self.goals, Unset):
            goals = UNSET
        else:
            goals = self.goals

        industry: None | str | Unset
        if isinstance(self.industry, Unset):
            industry = UNSET
        else:
            industry = self.industry

        last_check_in_at: None | str | Unset
        if isinstance(self.last_check_in_at, Unset):
            last_check_in_at = UNSET
        elif isinstance(self.last_check_in_at, datetime.datetime):
            last_check_in_at = self.last_check_in_at.isoformat()
        else:
            last_check_in_at = self.last_check_in_at

        legal_name: None | str | Unset
        if isinstance(self.legal_name, Unset):
            legal_name = UNSET
        else:
            legal_name = self.legal_name

        lost_to_competitor_id: None | str | Unset
        if isinstance(self.lost_to_competitor_id, Unset):
            lost_to_competitor_id = UNSET
        elif isinstance(self.lost_to_competitor_id, UUID):
            lost_to_competitor_id = str(self.lost_to_competitor_id)
        else:
            lost_to_competitor_id = self.lost_to_competitor_id

        merged_into_id: None | str | Unset
        if isinstance(self.merged_into_id, Unset):
            merged_into_id = UNSET
        elif isinstance(self.merged_into_id, UUID):
            merged_into_id = str(self.merged_into_id)
        else:
            merged_into_id = self.merged_into_id

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        team_id: None | str | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        elif isinstance(self.team_id, UUID):
            team_id = str(self.team_id)
        else:
            team_id = self.team_id

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bank_accounts": bank_accounts,
                "check_in_every_days": check_in_every_days,
                "check_in_overdue": check_in_overdue,
                "competitor_ids": competitor_ids,
                "created_at": created_at,
                "currency": currency,
                "custom_fields": custom_fields,
                "health": health,
                "id": id,
                "is_customer": is_customer,
                "is_vendor": is_vendor,
                "name": name,
                "next_check_in_due_at": next_check_in_due_at,
                "status": status,
                "tags": tags,
                "tier": tier,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if archived_at is not UNSET:
            field_dict["archived_at"] = archived_at
        if churn_reason is not UNSET:
            field_dict["churn_reason"] = churn_reason
        if churned_on is not UNSET:
            field_dict["churned_on"] = churned_on
        if days_since_last_interaction is not UNSET:
            field_dict["days_since_last_interaction"] = days_since_last_interaction
        if goals is not UNSET:
            field_dict["goals"] = goals
        if industry is not UNSET:
            field_dict["industry"] = industry
        if last_check_in_at is not UNSET:
            field_dict["last_check_in_at"] = last_check_in_at
        if legal_name is not UNSET:
            field_dict["legal_name"] = legal_name
        if lost_to_competitor_id is not UNSET:
            field_dict["lost_to_competitor_id"] = lost_to_competitor_id
        if merged_into_id is not UNSET:
            field_dict["merged_into_id"] = merged_into_id
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if team_id is not UNSET:
            field_dict["team_id"] = team_id
        if website is not UNSET:
            field_dict["website"] = website

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.batch_result_account_view_data_custom_fields import (
            BatchResultAccountViewDataCustomFields,
        )
        from ..models.health_view import HealthView

        d = dict(src_dict)
        bank_accounts = cast(list[str], d.pop("bank_accounts"))

        check_in_every_days = d.pop("check_in_every_days")

        check_in_overdue = d.pop("check_in_overdue")

        competitor_ids = []
        _competitor_ids = d.pop("competitor_ids")
        for competitor_ids_item_data in _competitor_ids:
            competitor_ids_item = UUID(competitor_ids_item_data)

            competitor_ids.append(competitor_ids_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        custom_fields = BatchResultAccountViewDataCustomFields.from_dict(
            d.pop("custom_fields")
        )

        health = HealthView.from_dict(d.pop("health"))

        id = UUID(d.pop("id"))

        is_customer = d.pop("is_customer")

        is_vendor = d.pop("is_vendor")

        name = d.pop("name")

        next_check_in_due_at = datetime.datetime.fromisoformat(
            d.pop("next_check_in_due_at")
        )

        status = AccountStatus(d.pop("status"))

        tags = cast(list[str], d.pop("tags"))

        tier = Tier(d.pop("tier"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_archived_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                archived_at_type_0 = datetime.datetime.fromisoformat(data)

                return archived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        archived_at = _parse_archived_at(d.pop("archived_at", UNSET))

        def _parse_churn_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        churn_reason = _parse_churn_reason(d.pop("churn_reason", UNSET))

        def _parse_churned_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                churned_on_type_0 = datetime.date.fromisoformat(data)

                return churned_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        churned_on = _parse_churned_on(d.pop("churned_on", UNSET))

        def _parse_days_since_last_interaction(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        days_since_last_interaction = _parse_days_since_last_interaction(
            d.pop("days_since_last_interaction", UNSET)
        )

        def _parse_goals(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        goals = _parse_goals(d.pop("goals", UNSET))

        def _parse_industry(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        industry = _parse_industry(d.pop("industry", UNSET))

        def _parse_last_check_in_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_check_in_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_check_in_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_check_in_at = _parse_last_check_in_at(d.pop("last_check_in_at", UNSET))

        def _parse_legal_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_name = _parse_legal_name(d.pop("legal_name", UNSET))

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

        def _parse_merged_into_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                merged_into_id_type_0 = UUID(data)

                return merged_into_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        merged_into_id = _parse_merged_into_id(d.pop("merged_into_id", UNSET))

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

        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))

        batch_result_account_view_data = cls(
            bank_accounts=bank_accounts,
            check_in_every_days=check_in_every_days,
            check_in_overdue=check_in_overdue,
            competitor_ids=competitor_ids,
            created_at=created_at,
            currency=currency,
            custom_fields=custom_fields,
            health=health,
            id=id,
            is_customer=is_customer,
            is_vendor=is_vendor,
            name=name,
            next_check_in_due_at=next_check_in_due_at,
            status=status,
            tags=tags,
            tier=tier,
            updated_at=updated_at,
            version=version,
            archived_at=archived_at,
            churn_reason=churn_reason,
            churned_on=churned_on,
            days_since_last_interaction=days_since_last_interaction,
            goals=goals,
            industry=industry,
            last_check_in_at=last_check_in_at,
            legal_name=legal_name,
            lost_to_competitor_id=lost_to_competitor_id,
            merged_into_id=merged_into_id,
            owner_id=owner_id,
            team_id=team_id,
            website=website,
        )

        batch_result_account_view_data.additional_properties = d
        return batch_result_account_view_data

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
