from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.decision_role import DecisionRole
from ..models.stance import Stance
from ..types import UNSET, Unset

T = TypeVar("T", bound="StakeholderCreate")


@_attrs_define
class StakeholderCreate:
    """
    Attributes:
        contact_id (UUID): A contact of the plan's account; once per plan.
        decision_role (DecisionRole):
        notes (None | str | Unset):
        relationship_owner_id (None | Unset | UUID): The user who holds the relationship.
        relationship_strength (int | None | Unset): 1 (weak) to 5 (strong).
        stance (None | Stance | Unset):
    """

    contact_id: UUID
    decision_role: DecisionRole
    notes: None | str | Unset = UNSET
    relationship_owner_id: None | Unset | UUID = UNSET
    relationship_strength: int | None | Unset = UNSET
    stance: None | Stance | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        contact_id = str(self.contact_id)

        decision_role = self.decision_role.value

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

        stance: None | str | Unset
        if isinstance(self.stance, Unset):
            stance = UNSET
        elif isinstance(self.stance, Stance):
            stance = self.stance.value
        else:
            stance = self.stance

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contact_id": contact_id,
                "decision_role": decision_role,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes
        if relationship_owner_id is not UNSET:
            field_dict["relationship_owner_id"] = relationship_owner_id
        if relationship_strength is not UNSET:
            field_dict["relationship_strength"] = relationship_strength
        if stance is not UNSET:
            field_dict["stance"] = stance

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contact_id = UUID(d.pop("contact_id"))

        decision_role = DecisionRole(d.pop("decision_role"))

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

        def _parse_stance(data: object) -> None | Stance | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stance_type_1 = Stance(data)

                return stance_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Stance | Unset, data)

        stance = _parse_stance(d.pop("stance", UNSET))

        stakeholder_create = cls(
            contact_id=contact_id,
            decision_role=decision_role,
            notes=notes,
            relationship_owner_id=relationship_owner_id,
            relationship_strength=relationship_strength,
            stance=stance,
        )

        return stakeholder_create
