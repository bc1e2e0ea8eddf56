from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.objectives_by_status import ObjectivesByStatus


T = TypeVar("T", bound="OwnerPlanning")


@_attrs_define
class OwnerPlanning:
    """The counts of one owner's accounts (`owner_id` null: accounts without an owner).

    Attributes:
        accounts (int):
        objectives_by_status (ObjectivesByStatus): How many of a plan's objectives are in each status.
        reviews_overdue (int):
        with_plan (int):
        without_plan (int):
        owner_id (None | Unset | UUID):
    """

    accounts: int
    objectives_by_status: ObjectivesByStatus
    reviews_overdue: int
    with_plan: int
    without_plan: int
    owner_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts = self.accounts

        objectives_by_status = self.objectives_by_status.to_dict()

        reviews_overdue = self.reviews_overdue

        with_plan = self.with_plan

        without_plan = self.without_plan

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accounts": accounts,
                "objectives_by_status": objectives_by_status,
                "reviews_overdue": reviews_overdue,
                "with_plan": with_plan,
                "without_plan": without_plan,
            }
        )
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.objectives_by_status import ObjectivesByStatus

        d = dict(src_dict)
        accounts = d.pop("accounts")

        objectives_by_status = ObjectivesByStatus.from_dict(
            d.pop("objectives_by_status")
        )

        reviews_overdue = d.pop("reviews_overdue")

        with_plan = d.pop("with_plan")

        without_plan = d.pop("without_plan")

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

        owner_planning = cls(
            accounts=accounts,
            objectives_by_status=objectives_by_status,
            reviews_overdue=reviews_overdue,
            with_plan=with_plan,
            without_plan=without_plan,
            owner_id=owner_id,
        )

        owner_planning.additional_properties = d
        return owner_planning

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
