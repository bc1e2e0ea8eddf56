from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.account_status import AccountStatus
from ..models.tier import Tier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_request_account_create_records_item_custom_fields_type_0 import (
        BatchRequestAccountCreateRecordsItemCustomFieldsType0,
    )


T = TypeVar("T", bound="BatchRequestAccountCreateRecordsItem")


@_attrs_define
class BatchRequestAccountCreateRecordsItem:
    """
    Attributes:
        name (str):  Example: Globex Corporation.
        bank_accounts (list[str] | None | Unset): The bank accounts the client pays from, for matching bank lines: IBANs
            or account
            numbers (spaces and case aside), at most 20. Example: ['DE89370400440532013000'].
        check_in_every_days (int | None | Unset): Days between check-ins; `null` returns to the tier's default.
        competitor_ids (list[str] | None | Unset): Competitor ids or names (a new name creates the competitor), at most
            50.
        currency (None | str | Unset): ISO 4217; defaults to the organization's base currency.
        custom_fields (BatchRequestAccountCreateRecordsItemCustomFieldsType0 | None | Unset):
        goals (None | str | Unset):
        industry (None | str | Unset):
        is_customer (bool | None | Unset):
        is_vendor (bool | None | Unset):
        legal_name (None | str | Unset):
        owner_id (None | Unset | UUID):
        status (AccountStatus | None | Unset):
        tags (list[str] | None | Unset): At most 50 tags, each 1 to 50 characters.
        team_id (None | Unset | UUID):
        tier (None | Tier | Unset):
        website (None | str | Unset): A web address such as `https://globex.example` (the scheme may be left out).
    """

    name: str
    bank_accounts: list[str] | None | Unset = UNSET
    check_in_every_days: int | None | Unset = UNSET
    competitor_ids: list[str] | None | Unset = UNSET
    currency: None | str | Unset = UNSET
    custom_fields: (
        BatchRequestAccountCreateRecordsItemCustomFieldsType0 | None | Unset
    ) = UNSET
    goals: None | str | Unset = UNSET
    industry: None | str | Unset = UNSET
    is_customer: bool | None | Unset = UNSET
    is_vendor: bool | None | Unset = UNSET
    legal_name: None | str | Unset = UNSET
    owner_id: None | Unset | UUID = UNSET
    status: AccountStatus | None | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    team_id: None | Unset | UUID = UNSET
    tier: None | Tier | Unset = UNSET
    website: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_request_account_create_records_item_custom_fields_type_0 import (
            BatchRequestAccountCreateRecordsItemCustomFieldsType0,
        )

        name = self.name

        bank_accounts: list[str] | None | Unset
        if isinstance(self.bank_accounts, Unset):
            bank_accounts = UNSET
        elif isinstance(self.bank_accounts, list):
            bank_accounts = self.bank_accounts

        else:
            bank_accounts = self.bank_accounts

        check_in_every_days: int | None | Unset
        if isinstance(self.check_in_every_days, Unset):
            check_in_every_days = UNSET
        else:
            check_in_every_days = self.check_in_every_days

        competitor_ids: list[str] | None | Unset
        if isinstance(self.competitor_ids, Unset):
            competitor_ids = UNSET
        elif isinstance(self.competitor_ids, list):
            competitor_ids = self.competitor_ids

        else:
            competitor_ids = self.competitor_ids

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        custom_fields: dict[str, Any] | None | Unset
        if isinstance(self.custom_fields, Unset):
            custom_fields = UNSET
        elif isinstance(
            self.custom_fields, BatchRequestAccountCreateRecordsItemCustomFieldsType0
        ):
            custom_fields = self.custom_fields.to_dict()
        else:
            custom_fields = self.custom_fields

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

        is_customer: bool | None | Unset
        if isinstance(self.is_customer, Unset):
            is_customer = UNSET
        else:
            is_customer = self.is_customer

        is_vendor: bool | None | Unset
        if isinstance(self.is_vendor, Unset):
            is_vendor = UNSET
        else:
            is_vendor = self.is_vendor

        legal_name: None | str | Unset
        if isinstance(self.legal_name, Unset):
            legal_name = UNSET
        else:
            legal_name = self.legal_name

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, AccountStatus):
            status = self.status.value
        else:
            status = self.status

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        team_id: None | str | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        elif isinstance(self.team_id, UUID):
            team_id = str(self.team_id)
        else:
            team_id = self.team_id

        tier: None | str | Unset
        if isinstance(self.tier, Unset):
            tier = UNSET
        elif isinstance(self.tier, Tier):
            tier = self.tier.value
        else:
            tier = self.tier

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if bank_accounts is not UNSET:
            field_dict["bank_accounts"] = bank_accounts
        if check_in_every_days is not UNSET:
            field_dict["check_in_every_days"] = check_in_every_days
        if competitor_ids is not UNSET:
            field_dict["competitor_ids"] = competitor_ids
        if currency is not UNSET:
            field_dict["currency"] = currency
        if custom_fields is not UNSET:
            field_dict["custom_fields"] = custom_fields
        if goals is not UNSET:
            field_dict["goals"] = goals
        if industry is not UNSET:
            field_dict["industry"] = industry
        if is_customer is not UNSET:
            field_dict["is_customer"] = is_customer
        if is_vendor is not UNSET:
            field_dict["is_vendor"] = is_vendor
        if legal_name is not UNSET:
            field_dict["legal_name"] = legal_name
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if status is not UNSET:
            field_dict["status"] = status
        if tags is not UNSET:
            field_dict["tags"] = tags
        if team_id is not UNSET:
            field_dict["team_id"] = team_id
        if tier is not UNSET:
            field_dict["tier"] = tier
        if website is not UNSET:
            field_dict["website"] = website

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.batch_request_account_create_records_item_custom_fields_type_0 import (
            BatchRequestAccountCreateRecordsItemCustomFieldsType0,
        )

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_bank_accounts(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                bank_accounts_type_0 = cast(list[str], data)

                return bank_accounts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        bank_accounts = _parse_bank_accounts(d.pop("bank_accounts", UNSET))

        def _parse_check_in_every_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        check_in_every_days = _parse_check_in_every_days(
            d.pop("check_in_every_days", UNSET)
        )

        def _parse_competitor_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                competitor_ids_type_0 = cast(list[str], data)

                return competitor_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        competitor_ids = _parse_competitor_ids(d.pop("competitor_ids", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_custom_fields(
            data: object,
        ) -> BatchRequestAccountCreateRecordsItemCustomFieldsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_fields_type_0 = (
                    BatchRequestAccountCreateRecordsItemCustomFieldsType0.from_dict(
                        data
                    )
                )

                return custom_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                BatchRequestAccountCreateRecordsItemCustomFieldsType0 | None | Unset,
                data,
            )

        custom_fields = _parse_custom_fields(d.pop("custom_fields", UNSET))

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

        def _parse_is_customer(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_customer = _parse_is_customer(d.pop("is_customer", UNSET))

        def _parse_is_vendor(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_vendor = _parse_is_vendor(d.pop("is_vendor", UNSET))

        def _parse_legal_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_name = _parse_legal_name(d.pop("legal_name", UNSET))

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

        def _parse_status(data: object) -> AccountStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = AccountStatus(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

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

        def _parse_tier(data: object) -> None | Tier | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tier_type_1 = Tier(data)

                return tier_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Tier | Unset, data)

        tier = _parse_tier(d.pop("tier", UNSET))

        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))

        batch_request_account_create_records_item = cls(
            name=name,
            bank_accounts=bank_accounts,
            check_in_every_days=check_in_every_days,
            competitor_ids=competitor_ids,
            currency=currency,
            custom_fields=custom_fields,
            goals=goals,
            industry=industry,
            is_customer=is_customer,
            is_vendor=is_vendor,
            legal_name=legal_name,
            owner_id=owner_id,
            status=status,
            tags=tags,
            team_id=team_id,
            tier=tier,
            website=website,
        )

        return batch_request_account_create_records_item
