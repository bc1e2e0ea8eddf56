from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.decision_role import DecisionRole
from ..models.stance import Stance
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanStakeholderPatch")


@_attrs_define
class PlanStakeholderPatch:
    """
    Attributes:
        contact_id (None | Unset | UUID): A contact of the plan's account; once per plan.
        decision_role (DecisionRole | None | Unset):
        notes (None | str | Unset):
        relationship_owner_id (None | Unset | UUID): The user who holds the relationship.
        relationship_strength (int | None | Unset): 1 (weak) to 5 (strong).
        stance (None | Stance | Unset):
    """

    contact_id: None | Unset | UUID = UNSET
    decision_role: DecisionRole | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    relationship_owner_id: None | Unset | UUID = UNSET
    relationship_strength: int | None | Unset = UNSET
    stance: None | Stance | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        elif isinstance(self.contact_id, UUID):
            contact_id = str(self.contact_id)
        else:
            contact_id = self.contact_id

        decision_role: None | str | Unset
        if isinstance(self.decision_role, Unset):
            decision_role = UNSET
        elif isinstance(self.decision_role, DecisionRole):
            decision_role = self.decision_role.value
        else:
            decision_role = self.decision_role

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

        field_dict.update({})
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if decision_role is not UNSET:
            field_dict["decision_role"] = decision_role
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

        def _parse_decision_role(data: object) -> DecisionRole | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decision_role_type_1 = DecisionRole(data)

                return decision_role_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DecisionRole | None | Unset, data)

        decision_role = _parse_decision_role(d.pop("decision_role", UNSET))

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

        plan_stakeholder_patch = cls(
            contact_id=contact_id,
            decision_role=decision_role,
            notes=notes,
            relationship_owner_id=relationship_owner_id,
            relationship_strength=relationship_strength,
            stance=stance,
        )

        return plan_stakeholder_patch
