from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dispute_outcome import DisputeOutcome
from ..models.risk_kind import RiskKind
from ..models.risk_status import RiskStatus
from ..models.severity import Severity
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.action_step import ActionStep
    from ..models.disputed_invoice_view import DisputedInvoiceView


T = TypeVar("T", bound="RiskView")


@_attrs_define
class RiskView:
    """
    Attributes:
        account_id (UUID):
        action_plan (list[ActionStep]):
        created_at (datetime.datetime):
        credit_note_ids (list[UUID]):
        description (str):
        disputed_invoices (list[DisputedInvoiceView]):
        id (UUID):
        invoice_ids (list[UUID]): The disputed invoices' ids.
        kind (RiskKind):
        opened_on (datetime.date):
        severity (Severity):
        status (RiskStatus):
        updated_at (datetime.datetime):
        version (int):
        competitor_id (None | Unset | UUID):
        currency (None | str | Unset): The currency of `disputed_amount`.
        disputed_amount (None | str | Unset): The sum of `disputed_invoices` when all are in one currency (or the older
            amount that
            names no invoice); null otherwise.
        outcome (DisputeOutcome | None | Unset):
        resolution (None | str | Unset):
        resolved_on (datetime.date | None | Unset):
    """

    account_id: UUID
    action_plan: list[ActionStep]
    created_at: datetime.datetime
    credit_note_ids: list[UUID]
    description: str
    disputed_invoices: list[DisputedInvoiceView]
    id: UUID
    invoice_ids: list[UUID]
    kind: RiskKind
    opened_on: datetime.date
    severity: Severity
    status: RiskStatus
    updated_at: datetime.datetime
    version: int
    competitor_id: None | Unset | UUID = UNSET
    currency: None | str | Unset = UNSET
    disputed_amount: None | str | Unset = UNSET
    outcome: DisputeOutcome | None | Unset = UNSET
    resolution: None | str | Unset = UNSET
    resolved_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        action_plan = []
        for action_plan_item_data in self.action_plan:
            action_plan_item = action_plan_item_data.to_dict()
            action_plan.append(action_plan_item)

        created_at = self.created_at.isoformat()

        credit_note_ids = []
        for credit_note_ids_item_data in self.credit_note_ids:
            credit_note_ids_item = str(credit_note_ids_item_data)
            credit_note_ids.append(credit_note_ids_item)

        description = self.description

        disputed_invoices = []
        for disputed_invoices_item_data in self.disputed_invoices:
            disputed_invoices_item = disputed_invoices_item_data.to_dict()
            disputed_invoices.append(disputed_invoices_item)

        id = str(self.id)

        invoice_ids = []
        for invoice_ids_item_data in self.invoice_ids:
            invoice_ids_item = str(invoice_ids_item_data)
            invoice_ids.append(invoice_ids_item)

        kind = self.kind.value

        opened_on = self.opened_on.isoformat()

        severity = self.severity.value

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        competitor_id: None | str | Unset
        if isinstance(self.competitor_id, Unset):
            competitor_id = UNSET
        elif isinstance(self.competitor_id, UUID):
            competitor_id = str(self.competitor_id)
        else:
            competitor_id = self.competitor_id

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        disputed_amount: None | str | Unset
        if isinstance(self.disputed_amount, Unset):
            disputed_amount = UNSET
        else:
            disputed_amount = self.disputed_amount

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        elif isinstance(self.outcome, DisputeOutcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        resolution: None | str | Unset
        if isinstance(self.resolution, Unset):
            resolution = UNSET
        else:
            resolution = self.resolution

        resolved_on: None | str | Unset
        if isinstance(self.resolved_on, Unset):
            resolved_on = UNSET
        elif isinstance(self.resolved_on, datetime.date):
            resolved_on = self.resolved_on.isoformat()
        else:
            resolved_on = self.resolved_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "action_plan": action_plan,
                "created_at": created_at,
                "credit_note_ids": credit_note_ids,
                "description": description,
                "disputed_invoices": disputed_invoices,
                "id": id,
                "invoice_ids": invoice_ids,
                "kind": kind,
                "opened_on": opened_on,
                "severity": severity,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if competitor_id is not UNSET:
            field_dict["competitor_id"] = competitor_id
        if currency is not UNSET:
            field_dict["currency"] = currency
        if disputed_amount is not UNSET:
            field_dict["disputed_amount"] = disputed_amount
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if resolved_on is not UNSET:
            field_dict["resolved_on"] = resolved_on

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.action_step import ActionStep
        from ..models.disputed_invoice_view import DisputedInvoiceView

        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        action_plan = []
        _action_plan = d.pop("action_plan")
        for action_plan_item_data in _action_plan:
            action_plan_item = ActionStep.from_dict(action_plan_item_data)

            action_plan.append(action_plan_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        credit_note_ids = []
        _credit_note_ids = d.pop("credit_note_ids")
        for credit_note_ids_item_data in _credit_note_ids:
            credit_note_ids_item = UUID(credit_note_ids_item_data)

            credit_note_ids.append(credit_note_ids_item)

        description = d.pop("description")

        disputed_invoices = []
        _disputed_invoices = d.pop("disputed_invoices")
        for disputed_invoices_item_data in _disputed_invoices:
            disputed_invoices_item = DisputedInvoiceView.from_dict(
                disputed_invoices_item_data
            )

            disputed_invoices.append(disputed_invoices_item)

        id = UUID(d.pop("id"))

        invoice_ids = []
        _invoice_ids = d.pop("invoice_ids")
        for invoice_ids_item_data in _invoice_ids:
            invoice_ids_item = UUID(invoice_ids_item_data)

            invoice_ids.append(invoice_ids_item)

        kind = RiskKind(d.pop("kind"))

        opened_on = datetime.date.fromisoformat(d.pop("opened_on"))

        severity = Severity(d.pop("severity"))

        status = RiskStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_competitor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                competitor_id_type_0 = UUID(data)

                return competitor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        competitor_id = _parse_competitor_id(d.pop("competitor_id", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_disputed_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        disputed_amount = _parse_disputed_amount(d.pop("disputed_amount", UNSET))

        def _parse_outcome(data: object) -> DisputeOutcome | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_1 = DisputeOutcome(data)

                return outcome_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DisputeOutcome | None | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_resolution(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolution = _parse_resolution(d.pop("resolution", UNSET))

        def _parse_resolved_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_on_type_0 = datetime.date.fromisoformat(data)

                return resolved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        resolved_on = _parse_resolved_on(d.pop("resolved_on", UNSET))

        risk_view = cls(
            account_id=account_id,
            action_plan=action_plan,
            created_at=created_at,
            credit_note_ids=credit_note_ids,
            description=description,
            disputed_invoices=disputed_invoices,
            id=id,
            invoice_ids=invoice_ids,
            kind=kind,
            opened_on=opened_on,
            severity=severity,
            status=status,
            updated_at=updated_at,
            version=version,
            competitor_id=competitor_id,
            currency=currency,
            disputed_amount=disputed_amount,
            outcome=outcome,
            resolution=resolution,
            resolved_on=resolved_on,
        )

        risk_view.additional_properties = d
        return risk_view

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
