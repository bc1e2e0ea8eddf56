from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agenda_kind import AgendaKind

if TYPE_CHECKING:
    from ..models.agenda_resource import AgendaResource


T = TypeVar("T", bound="AgendaItem")


@_attrs_define
class AgendaItem:
    """
    Attributes:
        account_id (UUID):
        account_name (str):
        due_on (datetime.date):
        kind (AgendaKind): What an agenda item is.
        overdue (bool): Due before the agenda's date.
        resource (AgendaResource): The record an item is about.
        title (str):
    """

    account_id: UUID
    account_name: str
    due_on: datetime.date
    kind: AgendaKind
    overdue: bool
    resource: AgendaResource
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        account_name = self.account_name

        due_on = self.due_on.isoformat()

        kind = self.kind.value

        overdue = self.overdue

        resource = self.resource.to_dict()

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "account_name": account_name,
                "due_on": due_on,
                "kind": kind,
                "overdue": overdue,
                "resource": resource,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agenda_resource import AgendaResource

        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        account_name = d.pop("account_name")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        kind = AgendaKind(d.pop("kind"))

        overdue = d.pop("overdue")

        resource = AgendaResource.from_dict(d.pop("resource"))

        title = d.pop("title")

        agenda_item = cls(
            account_id=account_id,
            account_name=account_name,
            due_on=due_on,
            kind=kind,
            overdue=overdue,
            resource=resource,
            title=title,
        )

        agenda_item.additional_properties = d
        return agenda_item

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
