from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.feedback_kind import FeedbackKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="FeedbackCreate")


@_attrs_define
class FeedbackCreate:
    """
    Attributes:
        account_id (UUID):
        kind (FeedbackKind):
        score (int): CSAT 1-5, NPS 0-10.
        comment (None | str | Unset):
        contact_id (None | Unset | UUID):
        received_on (datetime.date | None | Unset): Defaults to today.
    """

    account_id: UUID
    kind: FeedbackKind
    score: int
    comment: None | str | Unset = UNSET
    contact_id: None | Unset | UUID = UNSET
    received_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        kind = self.kind.value

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

        received_on: None | str | Unset
        if isinstance(self.received_on, Unset):
            received_on = UNSET
        elif isinstance(self.received_on, datetime.date):
            received_on = self.received_on.isoformat()
        else:
            received_on = self.received_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account_id": account_id,
                "kind": kind,
                "score": score,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if received_on is not UNSET:
            field_dict["received_on"] = received_on

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        kind = FeedbackKind(d.pop("kind"))

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

        def _parse_received_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_on_type_0 = datetime.date.fromisoformat(data)

                return received_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        received_on = _parse_received_on(d.pop("received_on", UNSET))

        feedback_create = cls(
            account_id=account_id,
            kind=kind,
            score=score,
            comment=comment,
            contact_id=contact_id,
            received_on=received_on,
        )

        return feedback_create
