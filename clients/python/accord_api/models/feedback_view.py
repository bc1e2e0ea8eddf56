from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feedback_kind import FeedbackKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="FeedbackView")


@_attrs_define
class FeedbackView:
    """
    Attributes:
        account_id (UUID):
        created_at (datetime.datetime):
        created_by (UUID):
        id (UUID):
        kind (FeedbackKind):
        received_on (datetime.date):
        score (int):
        comment (None | str | Unset):
        contact_id (None | Unset | UUID):
    """

    account_id: UUID
    created_at: datetime.datetime
    created_by: UUID
    id: UUID
    kind: FeedbackKind
    received_on: datetime.date
    score: int
    comment: None | str | Unset = UNSET
    contact_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        created_at = self.created_at.isoformat()

        created_by = str(self.created_by)

        id = str(self.id)

        kind = self.kind.value

        received_on = self.received_on.isoformat()

        score = self.score

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        elif isinstance(self.contact_id, UUID):
            contact_id = str(self.contact_id)
        else:
            contact_id = self.contact_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "created_at": created_at,
                "created_by": created_by,
                "id": id,
                "kind": kind,
                "received_on": received_on,
                "score": score,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = UUID(d.pop("created_by"))

        id = UUID(d.pop("id"))

        kind = FeedbackKind(d.pop("kind"))

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        score = d.pop("score")

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_contact_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contact_id_type_0 = UUID(data)

                return contact_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        contact_id = _parse_contact_id(d.pop("contact_id", UNSET))

        feedback_view = cls(
            account_id=account_id,
            created_at=created_at,
            created_by=created_by,
            id=id,
            kind=kind,
            received_on=received_on,
            score=score,
            comment=comment,
            contact_id=contact_id,
        )

        feedback_view.additional_properties = d
        return feedback_view

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
