from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.retention_figures import RetentionFigures
    from ..models.retention_group import RetentionGroup


T = TypeVar("T", bound="RetentionReport")


@_attrs_define
class RetentionReport:
    """
    Attributes:
        currency (str): The base currency of the revenue figures.
        from_ (datetime.date):
        groups (list[RetentionGroup]):
        to (datetime.date):
        totals (RetentionFigures): Retention figures of a set of accounts over the period.
        group_by (None | str | Unset):
    """

    currency: str
    from_: datetime.date
    groups: list[RetentionGroup]
    to: datetime.date
    totals: RetentionFigures
    group_by: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        from_ = self.from_.isoformat()

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        to = self.to.isoformat()

        totals = self.totals.to_dict()

        group_by: None | str | Unset
        if isinstance(self.group_by, Unset):
            group_by = UNSET
        else:
            group_by = self.group_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "from": from_,
                "groups": groups,
                "to": to,
                "totals": totals,
            }
        )
        if group_by is not UNSET:
            field_dict["group_by"] = group_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.retention_figures import RetentionFigures
        from ..models.retention_group import RetentionGroup

        d = dict(src_dict)
        currency = d.pop("currency")

        from_ = datetime.date.fromisoformat(d.pop("from"))

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = RetentionGroup.from_dict(groups_item_data)

            groups.append(groups_item)

        to = datetime.date.fromisoformat(d.pop("to"))

        totals = RetentionFigures.from_dict(d.pop("totals"))

        def _parse_group_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        group_by = _parse_group_by(d.pop("group_by", UNSET))

        retention_report = cls(
            currency=currency,
            from_=from_,
            groups=groups,
            to=to,
            totals=totals,
            group_by=group_by,
        )

        retention_report.additional_properties = d
        return retention_report

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
