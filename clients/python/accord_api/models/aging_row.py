from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

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
        total (str):  Example: 1049.99.
        account_id (UUID):
        name (str):
    """

    current: str
    days_1_30: str
    days_31_60: str
    days_61_90: str
    days_over_90: str
    total: str
    account_id: UUID
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        current = self.current

        days_1_30 = self.days_1_30

        days_31_60 = self.days_31_60

        days_61_90 = self.days_61_90

        days_over_90 = self.days_over_90

        total = self.total

        account_id = str(self.account_id)

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "current": current,
                "days_1_30": days_1_30,
                "days_31_60": days_31_60,
                "days_61_90": days_61_90,
                "days_over_90": days_over_90,
                "total": total,
                "account_id": account_id,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        current = d.pop("current")

        days_1_30 = d.pop("days_1_30")

        days_31_60 = d.pop("days_31_60")

        days_61_90 = d.pop("days_61_90")

        days_over_90 = d.pop("days_over_90")

        total = d.pop("total")

        account_id = UUID(d.pop("account_id"))

        name = d.pop("name")

        aging_row = cls(
            current=current,
            days_1_30=days_1_30,
            days_31_60=days_31_60,
            days_61_90=days_61_90,
            days_over_90=days_over_90,
            total=total,
            account_id=account_id,
            name=name,
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
