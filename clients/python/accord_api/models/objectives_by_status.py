from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ObjectivesByStatus")


@_attrs_define
class ObjectivesByStatus:
    """How many of a plan's objectives are in each status.

    Attributes:
        achieved (int):
        at_risk (int):
        dropped (int):
        off_track (int):
        on_track (int):
    """

    achieved: int
    at_risk: int
    dropped: int
    off_track: int
    on_track: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        achieved = self.achieved

        at_risk = self.at_risk

        dropped = self.dropped

        off_track = self.off_track

        on_track = self.on_track

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "achieved": achieved,
                "at_risk": at_risk,
                "dropped": dropped,
                "off_track": off_track,
                "on_track": on_track,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        achieved = d.pop("achieved")

        at_risk = d.pop("at_risk")

        dropped = d.pop("dropped")

        off_track = d.pop("off_track")

        on_track = d.pop("on_track")

        objectives_by_status = cls(
            achieved=achieved,
            at_risk=at_risk,
            dropped=dropped,
            off_track=off_track,
            on_track=on_track,
        )

        objectives_by_status.additional_properties = d
        return objectives_by_status

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
