from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.aging_item import AgingItem


T = TypeVar("T", bound="AgingRow")


@_attrs_define
class AgingRow:
    """
    Attributes:
        current (str): Not yet due. Example: 50.00.
        days_1_30 (str):  Example: 0.00.
        days_31_60 (str):  Example: 0.00.
        days_61_90 (str):  Example: 0.00.
        days_over_90 (str):  Example: 999.99.
        disputed (str): The part of `total` that open disputes contest (receivables; "0.00" on payables): on
            each invoice, what disputes open on `as_of` name, at most what is open of it, at the
            invoice's rate. Already inside the age buckets, not beside them. Example: 200.00.
        total (str):  Example: 1049.99.
        account_id (UUID):
        name (str):
        items (list[AgingItem] | None | Unset): The open items making up the row, oldest first (with
            `include_items=true`).
        owner_id (None | Unset | UUID): The account's owner and team today.
        team_id (None | Unset | UUID):
    """

    current: str
    days_1_30: str
    days_31_60: str
    days_61_90: str
    days_over_90: str
    disputed: str
    total: str
    account_id: UUID
    name: str
    items: list[AgingItem] | None | Unset = UNSET
    owner_id: None | Unset | UUID = UNSET
    team_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        current = self.current

        days_1_30 = self.days_1_30

        days_31_60 = self.days_31_60

        days_61_90 = self.days_61_90

        days_over_90 = self.days_over_90

        disputed = self.disputed

        total = self.total

        account_id = str(self.account_id)

        name = self.name

        items: list[dict[str, Any]] | None | Unset
        if isinstance(self.items, Unset):
            items = UNSET
        elif isinstance(self.items, list):
            items = []
            for items_type_0_item_data in self.items:
                items_type_0_item = items_type_0_item_data.to_dict()
                items.append(items_type_0_item)

        else:
            items = self.items

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "current": current,
                "days_1_30": days_1_30,
                "days_31_60": days_31_60,
                "days_61_90": days_61_90,
                "days_over_90": days_over_90,
                "disputed": disputed,
                "total": total,
                "account_id": account_id,
                "name": name,
            }
        )
        if items is not UNSET:
            field_dict["items"] = items
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if team_id is not UNSET:
            field_dict["team_id"] = team_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.aging_item import AgingItem

        d = dict(src_dict)
        current = d.pop("current")

        days_1_30 = d.pop("days_1_30")

        days_31_60 = d.pop("days_31_60")

        days_61_90 = d.pop("days_61_90")

        days_over_90 = d.pop("days_over_90")

        disputed = d.pop("disputed")

        total = d.pop("total")

        account_id = UUID(d.pop("account_id"))

        name = d.pop("name")

        def _parse_items(data: object) -> list[AgingItem] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                items_type_0 = []
                _items_type_0 = data
                for items_type_0_item_data in _items_type_0:
                    items_type_0_item = AgingItem.from_dict(items_type_0_item_data)

                    items_type_0.append(items_type_0_item)

                return items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AgingItem] | None | Unset, data)

        items = _parse_items(d.pop("items", UNSET))

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

        aging_row = cls(
            current=current,
            days_1_30=days_1_30,
            days_31_60=days_31_60,
            days_61_90=days_61_90,
            days_over_90=days_over_90,
            disputed=disputed,
            total=total,
            account_id=account_id,
            name=name,
            items=items,
            owner_id=owner_id,
            team_id=team_id,
        )

        aging_row.additional_properties = d
        return aging_row

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
