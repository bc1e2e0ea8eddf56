from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contact_status import ContactStatus
from ..models.decision_role import DecisionRole
from ..models.stance import Stance
from ..types import UNSET, Unset

T = TypeVar("T", bound="StakeholderView")


@_attrs_define
class StakeholderView:
    """
    Attributes:
        contact_id (UUID):
        created_at (datetime.datetime):
        decision_role (DecisionRole):
        gap (bool): The contact has left the client (or is gone): a gap in the map.
        id (UUID):
        plan_id (UUID):
        stance (Stance):
        updated_at (datetime.datetime):
        version (int):
        contact_name (None | str | Unset): The contact's name; null when the contact was deleted.
        contact_status (ContactStatus | None | Unset):
        notes (None | str | Unset):
        relationship_owner_id (None | Unset | UUID):
        relationship_strength (int | None | Unset):
    """

    contact_id: UUID
    created_at: datetime.datetime
    decision_role: DecisionRole
    gap: bool
    id: UUID
    plan_id: UUID
    stance: Stance
    updated_at: datetime.datetime
    version: int
    contact_name: None | str | Unset = UNSET
    contact_status: ContactStatus | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    relationship_owner_id: None | Unset | UUID = UNSET
    relationship_strength: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contact_id = str(self.contact_id)

        created_at = self.created_at.isoformat()

        decision_role = self.decision_role.value

        gap = self.gap

        id = str(self.id)

        plan_id = str(self.plan_id)

        stance = self.stance.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        contact_name: None | str | Unset
        if isinstance(self.contact_name, Unset):
            contact_name = UNSET
        else:
            contact_name = self.contact_name

        contact_status: None | str | Unset
        if isinstance(self.contact_status, Unset):
            contact_status = UNSET
        elif isinstance(self.contact_status, ContactStatus):
            contact_status = self.contact_status.value
        else:
            contact_status = self.contact_status

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        relationship_owner_id: None | str | Unset
        if isinstance(self.relationship_owner_id, Unset):
            relationship_owner_id = UNSET
        elif isinstance(self.relationship_owner_id, UUID):
            relationship_owner_id = str(self.relationship_owner_id)
        else:
            relationship_owner_id = self.relationship_owner_id

        relationship_strength: int | None | Unset
        if isinstance(self.relationship_strength, Unset):
            relationship_strength = UNSET
        else:
            relationship_strength = self.relationship_strength

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contact_id": contact_id,
                "created_at": created_at,
                "decision_role": decision_role,
                "gap": gap,
                "id": id,
                "plan_id": plan_id,
                "stance": stance,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if contact_name is not UNSET:
            field_dict["contact_name"] = contact_name
        if contact_status is not UNSET:
            field_dict["contact_status"] = contact_status
        if notes is not UNSET:
            field_dict["notes"] = notes
        if relationship_owner_id is not UNSET:
            field_dict["relationship_owner_id"] = relationship_owner_id
        if relationship_strength is not UNSET:
            field_dict["relationship_strength"] = relationship_strength

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contact_id = UUID(d.pop("contact_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        decision_role = DecisionRole(d.pop("decision_role"))

        gap = d.pop("gap")

        id = UUID(d.pop("id"))

        plan_id = UUID(d.pop("plan_id"))

        stance = Stance(d.pop("stance"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_contact_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_name = _parse_contact_name(d.pop("contact_name", UNSET))

        def _parse_contact_status(data: object) -> ContactStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contact_status_type_1 = ContactStatus(data)

                return contact_status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactStatus | None | Unset, data)

        contact_status = _parse_contact_status(d.pop("contact_status", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_relationship_owner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                relationship_owner_id_type_0 = UUID(data)

                return relationship_owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        relationship_owner_id = _parse_relationship_owner_id(
            d.pop("relationship_owner_id", UNSET)
        )

        def _parse_relationship_strength(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        relationship_strength = _parse_relationship_strength(
            d.pop("relationship_strength", UNSET)
        )

        stakeholder_view = cls(
            contact_id=contact_id,
            created_at=created_at,
            decision_role=decision_role,
            gap=gap,
            id=id,
            plan_id=plan_id,
            stance=stance,
            updated_at=updated_at,
            version=version,
            contact_name=contact_name,
            contact_status=contact_status,
            notes=notes,
            relationship_owner_id=relationship_owner_id,
            relationship_strength=relationship_strength,
        )

        stakeholder_view.additional_properties = d
        return stakeholder_view

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
