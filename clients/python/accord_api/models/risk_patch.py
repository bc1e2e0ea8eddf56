from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.dispute_outcome import DisputeOutcome
from ..models.risk_kind import RiskKind
from ..models.risk_status import RiskStatus
from ..models.severity import Severity
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.action_step import ActionStep
    from ..models.disputed_invoice_input import DisputedInvoiceInput


T = TypeVar("T", bound="RiskPatch")


@_attrs_define
class RiskPatch:
    """
    Attributes:
        account_id (None | Unset | UUID):
        action_plan (list[ActionStep] | None | Unset):
        competitor_id (None | str | Unset): A competitor's id or name.
        credit_note_ids (list[UUID] | None | Unset): Disputes: the issued credit notes of the account that settled it,
            each allocated to
            one of the disputed invoices; required to resolve with outcome `credited`.
        description (None | str | Unset):
        disputed_amount (None | str | Unset): Older form: with one invoice in `invoice_ids`, the amount of it disputed
            (in its
            currency); with none, an amount kept on the risk that covers no invoice. Example: 1500.00.
        disputed_invoices (list[DisputedInvoiceInput] | None | Unset): Disputes: what each contested invoice is disputed
            for (replaces them all). While the
            dispute is open or mitigating these amounts show on the invoices, in the receivables
            aging's `disputed` column, and do not count as overdue in the account's health.
        invoice_ids (list[UUID] | None | Unset): Older form of `disputed_invoices` (not with it): invoices of the risk's
            account, each
            disputed whole (its amount due) unless `disputed_amount` is given for a single one.
        kind (None | RiskKind | Unset):
        opened_on (datetime.date | None | Unset): Default: the organization's today. Example: 2026-11-30.
        outcome (DisputeOutcome | None | Unset):
        resolution (None | str | Unset):
        resolved_on (datetime.date | None | Unset): Only with status resolved or lost; default the day the status became
            one of them.
            Reopening a risk clears it. Example: 2026-12-15.
        severity (None | Severity | Unset):
        status (None | RiskStatus | Unset):
    """

    account_id: None | Unset | UUID = UNSET
    action_plan: list[ActionStep] | None | Unset = UNSET
    competitor_id: None | str | Unset = UNSET
    credit_note_ids: list[UUID] | None | Unset = UNSET
    description: None | str | Unset = UNSET
    disputed_amount: None | str | Unset = UNSET
    disputed_invoices: list[DisputedInvoiceInput] | None | Unset = UNSET
    invoice_ids: list[UUID] | None | Unset = UNSET
    kind: None | RiskKind | Unset = UNSET
    opened_on: datetime.date | None | Unset = UNSET
    outcome: DisputeOutcome | None | Unset = UNSET
    resolution: None | str | Unset = UNSET
    resolved_on: datetime.date | None | Unset = UNSET
    severity: None | Severity | Unset = UNSET
    status: None | RiskStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        elif isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

        action_plan: list[dict[str, Any]] | None | Unset
        if isinstance(self.action_plan, Unset):
            action_plan = UNSET
        elif isinstance(self.action_plan, list):
            action_plan = []
            for action_plan_type_0_item_data in self.action_plan:
                action_plan_type_0_item = action_plan_type_0_item_data.to_dict()
                action_plan.append(action_plan_type_0_item)

        else:
            action_plan = self.action_plan

        competitor_id: None | str | Unset
        if isinstance(self.competitor_id, Unset):
            competitor_id = UNSET
        else:
            competitor_id = self.competitor_id

        credit_note_ids: list[str] | None | Unset
        if isinstance(self.credit_note_ids, Unset):
            credit_note_ids = UNSET
        elif isinstance(self.credit_note_ids, list):
            credit_note_ids = []
            for credit_note_ids_type_0_item_data in self.credit_note_ids:
                credit_note_ids_type_0_item = str(credit_note_ids_type_0_item_data)
                credit_note_ids.append(credit_note_ids_type_0_item)

        else:
            credit_note_ids = self.credit_note_ids

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        disputed_amount: None | str | Unset
        if isinstance(self.disputed_amount, Unset):
            disputed_amount = UNSET
        else:
            disputed_amount = self.disputed_amount

        disputed_invoices: list[dict[str, Any]] | None | Unset
        if isinstance(self.disputed_invoices, Unset):
            disputed_invoices = UNSET
        elif isinstance(self.disputed_invoices, list):
            disputed_invoices = []
            for disputed_invoices_type_0_item_data in self.disputed_invoices:
                disputed_invoices_type_0_item = (
                    disputed_invoices_type_0_item_data.to_dict()
                )
                disputed_invoices.append(disputed_invoices_type_0_item)

        else:
            disputed_invoices = self.disputed_invoices

        invoice_ids: list[str] | None | Unset
        if isinstance(self.invoice_ids, Unset):
            invoice_ids = UNSET
        elif isinstance(self.invoice_ids, list):
            invoice_ids = []
            for invoice_ids_type_0_item_data in self.invoice_ids:
                invoice_ids_type_0_item = str(invoice_ids_type_0_item_data)
                invoice_ids.append(invoice_ids_type_0_item)

        else:
            invoice_ids = self.invoice_ids

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, RiskKind):
            kind = self.kind.value
        else:
            kind = self.kind

        opened_on: None | str | Unset
        if isinstance(self.opened_on, Unset):
            opened_on = UNSET
        elif isinstance(self.opened_on, datetime.date):
            opened_on = self.opened_on.isoformat()
        else:
            opened_on = self.opened_on

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

        severity: None | str | Unset
        if isinstance(self.severity, Unset):
            severity = UNSET
        elif isinstance(self.severity, Severity):
            severity = self.severity.value
        else:
            severity = self.severity

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, RiskStatus):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if action_plan is not UNSET:
            field_dict["action_plan"] = action_plan
        if competitor_id is not UNSET:
            field_dict["competitor_id"] = competitor_id
        if credit_note_ids is not UNSET:
            field_dict["credit_note_ids"] = credit_note_ids
        if description is not UNSET:
            field_dict["description"] = description
        if disputed_amount is not UNSET:
            field_dict["disputed_amount"] = disputed_amount
        if disputed_invoices is not UNSET:
            field_dict["disputed_invoices"] = disputed_invoices
        if invoice_ids is not UNSET:
            field_dict["invoice_ids"] = invoice_ids
        if kind is not UNSET:
            field_dict["kind"] = kind
        if opened_on is not UNSET:
            field_dict["opened_on"] = opened_on
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if resolved_on is not UNSET:
            field_dict["resolved_on"] = resolved_on
        if severity is not UNSET:
            field_dict["severity"] = severity
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.action_step import ActionStep
        from ..models.disputed_invoice_input import DisputedInvoiceInput

        d = dict(src_dict)

        def _parse_account_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                account_id_type_0 = UUID(data)

                return account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        def _parse_action_plan(data: object) -> list[ActionStep] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                action_plan_type_0 = []
                _action_plan_type_0 = data
                for action_plan_type_0_item_data in _action_plan_type_0:
                    action_plan_type_0_item = ActionStep.from_dict(
                        action_plan_type_0_item_data
                    )

                    action_plan_type_0.append(action_plan_type_0_item)

                return action_plan_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ActionStep] | None | Unset, data)

        action_plan = _parse_action_plan(d.pop("action_plan", UNSET))

        def _parse_competitor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        competitor_id = _parse_competitor_id(d.pop("competitor_id", UNSET))

        def _parse_credit_note_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                credit_note_ids_type_0 = []
                _credit_note_ids_type_0 = data
                for credit_note_ids_type_0_item_data in _credit_note_ids_type_0:
                    credit_note_ids_type_0_item = UUID(credit_note_ids_type_0_item_data)

                    credit_note_ids_type_0.append(credit_note_ids_type_0_item)

                return credit_note_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        credit_note_ids = _parse_credit_note_ids(d.pop("credit_note_ids", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_disputed_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        disputed_amount = _parse_disputed_amount(d.pop("disputed_amount", UNSET))

        def _parse_disputed_invoices(
            data: object,
        ) -> list[DisputedInvoiceInput] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                disputed_invoices_type_0 = []
                _disputed_invoices_type_0 = data
                for disputed_invoices_type_0_item_data in _disputed_invoices_type_0:
                    disputed_invoices_type_0_item = DisputedInvoiceInput.from_dict(
                        disputed_invoices_type_0_item_data
                    )

                    disputed_invoices_type_0.append(disputed_invoices_type_0_item)

                return disputed_invoices_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[DisputedInvoiceInput] | None | Unset, data)

        disputed_invoices = _parse_disputed_invoices(d.pop("disputed_invoices", UNSET))

        def _parse_invoice_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                invoice_ids_type_0 = []
                _invoice_ids_type_0 = data
                for invoice_ids_type_0_item_data in _invoice_ids_type_0:
                    invoice_ids_type_0_item = UUID(invoice_ids_type_0_item_data)

                    invoice_ids_type_0.append(invoice_ids_type_0_item)

                return invoice_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        invoice_ids = _parse_invoice_ids(d.pop("invoice_ids", UNSET))

        def _parse_kind(data: object) -> None | RiskKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_1 = RiskKind(data)

                return kind_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskKind | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_opened_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opened_on_type_0 = datetime.date.fromisoformat(data)

                return opened_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        opened_on = _parse_opened_on(d.pop("opened_on", UNSET))

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

        def _parse_severity(data: object) -> None | Severity | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                severity_type_1 = Severity(data)

                return severity_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Severity | Unset, data)

        severity = _parse_severity(d.pop("severity", UNSET))

        def _parse_status(data: object) -> None | RiskStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = RiskStatus(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        risk_patch = cls(
            account_id=account_id,
            action_plan=action_plan,
            competitor_id=competitor_id,
            credit_note_ids=credit_note_ids,
            description=description,
            disputed_amount=disputed_amount,
            disputed_invoices=disputed_invoices,
            invoice_ids=invoice_ids,
            kind=kind,
            opened_on=opened_on,
            outcome=outcome,
            resolution=resolution,
            resolved_on=resolved_on,
            severity=severity,
            status=status,
        )

        return risk_patch
