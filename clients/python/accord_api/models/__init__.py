"""Contains all the data models used in inputs/outputs"""

from .account_create import AccountCreate
from .account_create_custom_fields_type_0 import AccountCreateCustomFieldsType0
from .account_ledger_view import AccountLedgerView
from .account_patch import AccountPatch
from .account_patch_custom_fields_type_0 import AccountPatchCustomFieldsType0
from .account_plan_patch import AccountPlanPatch
from .account_planning_report import AccountPlanningReport
from .account_status import AccountStatus
from .account_type import AccountType
from .account_view import AccountView
from .account_view_custom_fields import AccountViewCustomFields
from .action_step import ActionStep
from .activity_view import ActivityView
from .agenda import Agenda
from .agenda_item import AgendaItem
from .agenda_kind import AgendaKind
from .agenda_resource import AgendaResource
from .aging_buckets import AgingBuckets
from .aging_item import AgingItem
from .aging_report import AgingReport
from .aging_row import AgingRow
from .allocate_request import AllocateRequest
from .allocation_request import AllocationRequest
from .allocation_view import AllocationView
from .ambiguous import Ambiguous
from .amounts_are import AmountsAre
from .api_key_view import ApiKeyView
from .attempt_view import AttemptView
from .audit_event_view import AuditEventView
from .audit_event_view_after_type_0 import AuditEventViewAfterType0
from .audit_event_view_before_type_0 import AuditEventViewBeforeType0
from .audit_page import AuditPage
from .audit_verification import AuditVerification
from .auto_match import AutoMatch
from .auto_reconcile_answer import AutoReconcileAnswer
from .auto_reconcile_request import AutoReconcileRequest
from .balance_anchor import BalanceAnchor
from .balance_sheet_totals import BalanceSheetTotals
from .balance_sheet_view import BalanceSheetView
from .balance_view import BalanceView
from .bank_account_create import BankAccountCreate
from .bank_account_kind import BankAccountKind
from .bank_account_patch import BankAccountPatch
from .bank_account_view import BankAccountView
from .bank_reconciliation_statement import BankReconciliationStatement
from .bank_rule_create import BankRuleCreate
from .bank_rule_patch import BankRulePatch
from .bank_rule_view import BankRuleView
from .bank_transfer_create import BankTransferCreate
from .bank_transfer_view import BankTransferView
from .batch_request_account_create import BatchRequestAccountCreate
from .batch_request_account_create_records_item import (
    BatchRequestAccountCreateRecordsItem,
)
from .batch_request_account_create_records_item_custom_fields_type_0 import (
    BatchRequestAccountCreateRecordsItemCustomFieldsType0,
)
from .batch_request_contact_create import BatchRequestContactCreate
from .batch_request_contact_create_records_item import (
    BatchRequestContactCreateRecordsItem,
)
from .batch_request_contact_create_records_item_custom_fields_type_0 import (
    BatchRequestContactCreateRecordsItemCustomFieldsType0,
)
from .batch_request_interaction_create import BatchRequestInteractionCreate
from .batch_request_interaction_create_records_item import (
    BatchRequestInteractionCreateRecordsItem,
)
from .batch_result_account_view import BatchResultAccountView
from .batch_result_account_view_data import BatchResultAccountViewData
from .batch_result_account_view_data_custom_fields import (
    BatchResultAccountViewDataCustomFields,
)
from .batch_result_contact_view import BatchResultContactView
from .batch_result_contact_view_data import BatchResultContactViewData
from .batch_result_contact_view_data_custom_fields import (
    BatchResultContactViewDataCustomFields,
)
from .batch_result_interaction_view import BatchResultInteractionView
from .batch_result_interaction_view_data import BatchResultInteractionViewData
from .batch_result_journal_entry_view import BatchResultJournalEntryView
from .batch_result_journal_entry_view_data import BatchResultJournalEntryViewData
from .batch_result_journal_entry_view_data_metadata import (
    BatchResultJournalEntryViewDataMetadata,
)
from .batch_results_account_view import BatchResultsAccountView
from .batch_results_contact_view import BatchResultsContactView
from .batch_results_interaction_view import BatchResultsInteractionView
from .batch_results_journal_entry_view import BatchResultsJournalEntryView
from .bulk_journal_entries import BulkJournalEntries
from .bulk_journal_entries_request import BulkJournalEntriesRequest
from .candidate import Candidate
from .cash_position import CashPosition
from .cash_position_row import CashPositionRow
from .categorize_create import CategorizeCreate
from .churn_input import ChurnInput
from .competitor_create import CompetitorCreate
from .competitor_figures import CompetitorFigures
from .competitor_patch import CompetitorPatch
from .competitor_report import CompetitorReport
from .competitor_view import CompetitorView
from .contact_create import ContactCreate
from .contact_create_custom_fields_type_0 import ContactCreateCustomFieldsType0
from .contact_import_result import ContactImportResult
from .contact_import_row import ContactImportRow
from .contact_patch import ContactPatch
from .contact_patch_custom_fields_type_0 import ContactPatchCustomFieldsType0
from .contact_status import ContactStatus
from .contact_view import ContactView
from .contact_view_custom_fields import ContactViewCustomFields
from .create_api_key_request import CreateApiKeyRequest
from .create_exchange_rate_request import CreateExchangeRateRequest
from .create_journal_entry_request import CreateJournalEntryRequest
from .create_journal_entry_request_metadata_type_0 import (
    CreateJournalEntryRequestMetadataType0,
)
from .create_ledger_account_request import CreateLedgerAccountRequest
from .create_team_request import CreateTeamRequest
from .create_user_request import CreateUserRequest
from .create_webhook_request import CreateWebhookRequest
from .created_api_key import CreatedApiKey
from .crm_settings import CrmSettings
from .crm_settings_check_in_days_by_tier import CrmSettingsCheckInDaysByTier
from .crm_settings_health_weights import CrmSettingsHealthWeights
from .crm_settings_plan_review_days_by_tier import CrmSettingsPlanReviewDaysByTier
from .csv_mapping import CsvMapping
from .debit_credit import DebitCredit
from .decision_role import DecisionRole
from .delivery_status import DeliveryStatus
from .delivery_view import DeliveryView
from .direction import Direction
from .dispute_outcome import DisputeOutcome
from .disputed_invoice_input import DisputedInvoiceInput
from .disputed_invoice_view import DisputedInvoiceView
from .document_create import DocumentCreate
from .document_kind import DocumentKind
from .document_line_request import DocumentLineRequest
from .document_line_view import DocumentLineView
from .document_patch import DocumentPatch
from .document_view import DocumentView
from .empty_request import EmptyRequest
from .event_actor import EventActor
from .event_page import EventPage
from .event_resource import EventResource
from .event_view import EventView
from .event_view_object import EventViewObject
from .event_view_previous import EventViewPrevious
from .exchange_rate_view import ExchangeRateView
from .factor import Factor
from .factor_key import FactorKey
from .factor_status import FactorStatus
from .feedback_create import FeedbackCreate
from .feedback_kind import FeedbackKind
from .feedback_view import FeedbackView
from .field_error import FieldError
from .general_ledger_view import GeneralLedgerView
from .grade import Grade
from .health_view import HealthView
from .import_accounts_unknown_columns import ImportAccountsUnknownColumns
from .import_answer import ImportAnswer
from .import_contacts_unknown_columns import ImportContactsUnknownColumns
from .import_error import ImportError_
from .import_job import ImportJob
from .import_job_state import ImportJobState
from .import_kind import ImportKind
from .import_result import ImportResult
from .import_row import ImportRow
from .income_statement_totals import IncomeStatementTotals
from .income_statement_view import IncomeStatementView
from .influence import Influence
from .interaction_create import InteractionCreate
from .interaction_kind import InteractionKind
from .interaction_patch import InteractionPatch
from .interaction_view import InteractionView
from .journal_entry_view import JournalEntryView
from .journal_entry_view_metadata import JournalEntryViewMetadata
from .journal_line_request import JournalLineRequest
from .journal_line_view import JournalLineView
from .ledger import Ledger
from .ledger_account_view import LedgerAccountView
from .ledger_line_view import LedgerLineView
from .list_account_plans_sort import ListAccountPlansSort
from .list_account_plans_status import ListAccountPlansStatus
from .list_accounts_health_grade import ListAccountsHealthGrade
from .list_accounts_sort import ListAccountsSort
from .list_accounts_status import ListAccountsStatus
from .list_accounts_tier import ListAccountsTier
from .list_bank_accounts_sort import ListBankAccountsSort
from .list_bank_transfers_sort import ListBankTransfersSort
from .list_bills_sort import ListBillsSort
from .list_competitors_sort import ListCompetitorsSort
from .list_contacts_influence import ListContactsInfluence
from .list_contacts_sort import ListContactsSort
from .list_contacts_status import ListContactsStatus
from .list_credit_notes_sort import ListCreditNotesSort
from .list_events_order import ListEventsOrder
from .list_feedback_kind import ListFeedbackKind
from .list_feedback_sort import ListFeedbackSort
from .list_interactions_kind import ListInteractionsKind
from .list_interactions_sort import ListInteractionsSort
from .list_invoices_sort import ListInvoicesSort
from .list_journal_entries_sort import ListJournalEntriesSort
from .list_opportunities_kind import ListOpportunitiesKind
from .list_opportunities_sort import ListOpportunitiesSort
from .list_opportunities_stage import ListOpportunitiesStage
from .list_payments_sort import ListPaymentsSort
from .list_plan_objectives_sort import ListPlanObjectivesSort
from .list_plan_reviews_sort import ListPlanReviewsSort
from .list_plan_stakeholders_sort import ListPlanStakeholdersSort
from .list_proposals_sort import ListProposalsSort
from .list_proposals_status import ListProposalsStatus
from .list_requests_kind import ListRequestsKind
from .list_requests_sort import ListRequestsSort
from .list_requests_status import ListRequestsStatus
from .list_risks_kind import ListRisksKind
from .list_risks_sort import ListRisksSort
from .list_risks_status import ListRisksStatus
from .list_targets_metric import ListTargetsMetric
from .list_targets_sort import ListTargetsSort
from .list_tasks_priority import ListTasksPriority
from .list_tasks_sort import ListTasksSort
from .list_tasks_status import ListTasksStatus
from .list_tax_rates_sort import ListTaxRatesSort
from .list_teams_sort import ListTeamsSort
from .list_transactions_sort import ListTransactionsSort
from .list_transactions_status import ListTransactionsStatus
from .list_users_sort import ListUsersSort
from .list_vendor_credits_sort import ListVendorCreditsSort
from .list_webhooks_sort import ListWebhooksSort
from .lock_date import LockDate
from .manual_source import ManualSource
from .match_request import MatchRequest
from .matched_by import MatchedBy
from .me_view import MeView
from .merge_input import MergeInput
from .objective_create import ObjectiveCreate
from .objective_kind import ObjectiveKind
from .objective_status import ObjectiveStatus
from .objective_update import ObjectiveUpdate
from .objective_view import ObjectiveView
from .objectives_by_status import ObjectivesByStatus
from .openapi_json_response_200 import OpenapiJsonResponse200
from .opportunity_create import OpportunityCreate
from .opportunity_kind import OpportunityKind
from .opportunity_patch import OpportunityPatch
from .opportunity_view import OpportunityView
from .organization_patch import OrganizationPatch
from .organization_settings import OrganizationSettings
from .organization_view import OrganizationView
from .outstanding_ledger_line import OutstandingLedgerLine
from .owner_change_view import OwnerChangeView
from .owner_planning import OwnerPlanning
from .page_account_view import PageAccountView
from .page_api_key_view import PageApiKeyView
from .page_bank_account_view import PageBankAccountView
from .page_bank_rule_view import PageBankRuleView
from .page_bank_transfer_view import PageBankTransferView
from .page_competitor_view import PageCompetitorView
from .page_contact_view import PageContactView
from .page_delivery_view import PageDeliveryView
from .page_document_view import PageDocumentView
from .page_exchange_rate_view import PageExchangeRateView
from .page_feedback_view import PageFeedbackView
from .page_interaction_view import PageInteractionView
from .page_journal_entry_view import PageJournalEntryView
from .page_ledger_account_view import PageLedgerAccountView
from .page_objective_view import PageObjectiveView
from .page_opportunity_view import PageOpportunityView
from .page_owner_change_view import PageOwnerChangeView
from .page_payment_view import PagePaymentView
from .page_plan_view import PagePlanView
from .page_proposal_view import PageProposalView
from .page_request_view import PageRequestView
from .page_review_view import PageReviewView
from .page_risk_view import PageRiskView
from .page_stakeholder_view import PageStakeholderView
from .page_statement_view import PageStatementView
from .page_target_view import PageTargetView
from .page_task_view import PageTaskView
from .page_tax_rate_view import PageTaxRateView
from .page_team_view import PageTeamView
from .page_timeline_entry import PageTimelineEntry
from .page_transaction_view import PageTransactionView
from .page_user_view import PageUserView
from .page_webhook_view import PageWebhookView
from .payment_create import PaymentCreate
from .payment_direction import PaymentDirection
from .payment_from_line_create import PaymentFromLineCreate
from .payment_view import PaymentView
from .performance_report import PerformanceReport
from .performance_row import PerformanceRow
from .plan_create import PlanCreate
from .plan_health import PlanHealth
from .plan_objective_patch import PlanObjectivePatch
from .plan_stakeholder_patch import PlanStakeholderPatch
from .plan_status import PlanStatus
from .plan_view import PlanView
from .planning_row import PlanningRow
from .planning_totals import PlanningTotals
from .principal_kind import PrincipalKind
from .priority import Priority
from .probe_status import ProbeStatus
from .problem import Problem
from .profitability import Profitability
from .proposal_create import ProposalCreate
from .proposal_patch import ProposalPatch
from .proposal_status import ProposalStatus
from .proposal_view import ProposalView
from .rate_used import RateUsed
from .readiness import Readiness
from .reassign_input import ReassignInput
from .reconciled_line import ReconciledLine
from .reconciliation_request import ReconciliationRequest
from .reconciliation_view import ReconciliationView
from .refresh_request import RefreshRequest
from .request_create import RequestCreate
from .request_kind import RequestKind
from .request_patch import RequestPatch
from .request_status import RequestStatus
from .request_view import RequestView
from .retention_figures import RetentionFigures
from .retention_group import RetentionGroup
from .retention_report import RetentionReport
from .retention_report_group_by import RetentionReportGroupBy
from .reverse_request import ReverseRequest
from .review_create import ReviewCreate
from .review_view import ReviewView
from .risk_create import RiskCreate
from .risk_kind import RiskKind
from .risk_patch import RiskPatch
from .risk_status import RiskStatus
from .risk_view import RiskView
from .role import Role
from .rounding_mode import RoundingMode
from .row_outcome import RowOutcome
from .rule_direction import RuleDirection
from .sales_report import SalesReport
from .sales_row import SalesRow
from .seniority import Seniority
from .severity import Severity
from .signup_request import SignupRequest
from .signup_response import SignupResponse
from .skipped_statement import SkippedStatement
from .stage import Stage
from .stakeholder_create import StakeholderCreate
from .stakeholder_view import StakeholderView
from .stance import Stance
from .statement import Statement
from .statement_line import StatementLine
from .statement_row_view import StatementRowView
from .statement_view import StatementView
from .system_role import SystemRole
from .target_attainment import TargetAttainment
from .target_input import TargetInput
from .target_metric import TargetMetric
from .target_patch import TargetPatch
from .target_view import TargetView
from .task_create import TaskCreate
from .task_patch import TaskPatch
from .task_status import TaskStatus
from .task_view import TaskView
from .tax_kind import TaxKind
from .tax_rate_create import TaxRateCreate
from .tax_rate_patch import TaxRatePatch
from .tax_rate_view import TaxRateView
from .tax_summary import TaxSummary
from .tax_summary_row import TaxSummaryRow
from .tax_summary_totals import TaxSummaryTotals
from .team_planning import TeamPlanning
from .team_view import TeamView
from .tier import Tier
from .timeline_entry import TimelineEntry
from .title import Title
from .token_request import TokenRequest
from .token_response import TokenResponse
from .transaction_view import TransactionView
from .transaction_view_details_type_0_item import TransactionViewDetailsType0Item
from .trial_balance_row import TrialBalanceRow
from .trial_balance_view import TrialBalanceView
from .unconverted import Unconverted
from .update_ledger_account_request import UpdateLedgerAccountRequest
from .update_team_request import UpdateTeamRequest
from .update_user_request import UpdateUserRequest
from .update_webhook_request import UpdateWebhookRequest
from .user_view import UserView
from .webhook_state import WebhookState
from .webhook_status import WebhookStatus
from .webhook_view import WebhookView
from .webhook_with_secret import WebhookWithSecret

__all__ = (
    "AccountCreate",
    "AccountCreateCustomFieldsType0",
    "AccountLedgerView",
    "AccountPatch",
    "AccountPatchCustomFieldsType0",
    "AccountPlanPatch",
    "AccountPlanningReport",
    "AccountStatus",
    "AccountType",
    "AccountView",
    "AccountViewCustomFields",
    "ActionStep",
    "ActivityView",
    "Agenda",
    "AgendaItem",
    "AgendaKind",
    "AgendaResource",
    "AgingBuckets",
    "AgingItem",
    "AgingReport",
    "AgingRow",
    "AllocateRequest",
    "AllocationRequest",
    "AllocationView",
    "Ambiguous",
    "AmountsAre",
    "ApiKeyView",
    "AttemptView",
    "AuditEventView",
    "AuditEventViewAfterType0",
    "AuditEventViewBeforeType0",
    "AuditPage",
    "AuditVerification",
    "AutoMatch",
    "AutoReconcileAnswer",
    "AutoReconcileRequest",
    "BalanceAnchor",
    "BalanceSheetTotals",
    "BalanceSheetView",
    "BalanceView",
    "BankAccountCreate",
    "BankAccountKind",
    "BankAccountPatch",
    "BankAccountView",
    "BankReconciliationStatement",
    "BankRuleCreate",
    "BankRulePatch",
    "BankRuleView",
    "BankTransferCreate",
    "BankTransferView",
    "BatchRequestAccountCreate",
    "BatchRequestAccountCreateRecordsItem",
    "BatchRequestAccountCreateRecordsItemCustomFieldsType0",
    "BatchRequestContactCreate",
    "BatchRequestContactCreateRecordsItem",
    "BatchRequestContactCreateRecordsItemCustomFieldsType0",
    "BatchRequestInteractionCreate",
    "BatchRequestInteractionCreateRecordsItem",
    "BatchResultAccountView",
    "BatchResultAccountViewData",
    "BatchResultAccountViewDataCustomFields",
    "BatchResultContactView",
    "BatchResultContactViewData",
    "BatchResultContactViewDataCustomFields",
    "BatchResultInteractionView",
    "BatchResultInteractionViewData",
    "BatchResultJournalEntryView",
    "BatchResultJournalEntryViewData",
    "BatchResultJournalEntryViewDataMetadata",
    "BatchResultsAccountView",
    "BatchResultsContactView",
    "BatchResultsInteractionView",
    "BatchResultsJournalEntryView",
    "BulkJournalEntries",
    "BulkJournalEntriesRequest",
    "Candidate",
    "CashPosition",
    "CashPositionRow",
    "CategorizeCreate",
    "ChurnInput",
    "CompetitorCreate",
    "CompetitorFigures",
    "CompetitorPatch",
    "CompetitorReport",
    "CompetitorView",
    "ContactCreate",
    "ContactCreateCustomFieldsType0",
    "ContactImportResult",
    "ContactImportRow",
    "ContactPatch",
    "ContactPatchCustomFieldsType0",
    "ContactStatus",
    "ContactView",
    "ContactViewCustomFields",
    "CreateApiKeyRequest",
    "CreateExchangeRateRequest",
    "CreateJournalEntryRequest",
    "CreateJournalEntryRequestMetadataType0",
    "CreateLedgerAccountRequest",
    "CreateTeamRequest",
    "CreateUserRequest",
    "CreateWebhookRequest",
    "CreatedApiKey",
    "CrmSettings",
    "CrmSettingsCheckInDaysByTier",
    "CrmSettingsHealthWeights",
    "CrmSettingsPlanReviewDaysByTier",
    "CsvMapping",
    "DebitCredit",
    "DecisionRole",
    "DeliveryStatus",
    "DeliveryView",
    "Direction",
    "DisputeOutcome",
    "DisputedInvoiceInput",
    "DisputedInvoiceView",
    "DocumentCreate",
    "DocumentKind",
    "DocumentLineRequest",
    "DocumentLineView",
    "DocumentPatch",
    "DocumentView",
    "EmptyRequest",
    "EventActor",
    "EventPage",
    "EventResource",
    "EventView",
    "EventViewObject",
    "EventViewPrevious",
    "ExchangeRateView",
    "Factor",
    "FactorKey",
    "FactorStatus",
    "FeedbackCreate",
    "FeedbackKind",
    "FeedbackView",
    "FieldError",
    "GeneralLedgerView",
    "Grade",
    "HealthView",
    "ImportAccountsUnknownColumns",
    "ImportAnswer",
    "ImportContactsUnknownColumns",
    "ImportError_",
    "ImportJob",
    "ImportJobState",
    "ImportKind",
    "ImportResult",
    "ImportRow",
    "IncomeStatementTotals",
    "IncomeStatementView",
    "Influence",
    "InteractionCreate",
    "InteractionKind",
    "InteractionPatch",
    "InteractionView",
    "JournalEntryView",
    "JournalEntryViewMetadata",
    "JournalLineRequest",
    "JournalLineView",
    "Ledger",
    "LedgerAccountView",
    "LedgerLineView",
    "ListAccountPlansSort",
    "ListAccountPlansStatus",
    "ListAccountsHealthGrade",
    "ListAccountsSort",
    "ListAccountsStatus",
    "ListAccountsTier",
    "ListBankAccountsSort",
    "ListBankTransfersSort",
    "ListBillsSort",
    "ListCompetitorsSort",
    "ListContactsInfluence",
    "ListContactsSort",
    "ListContactsStatus",
    "ListCreditNotesSort",
    "ListEventsOrder",
    "ListFeedbackKind",
    "ListFeedbackSort",
    "ListInteractionsKind",
    "ListInteractionsSort",
    "ListInvoicesSort",
    "ListJournalEntriesSort",
    "ListOpportunitiesKind",
    "ListOpportunitiesSort",
    "ListOpportunitiesStage",
    "ListPaymentsSort",
    "ListPlanObjectivesSort",
    "ListPlanReviewsSort",
    "ListPlanStakeholdersSort",
    "ListProposalsSort",
    "ListProposalsStatus",
    "ListRequestsKind",
    "ListRequestsSort",
    "ListRequestsStatus",
    "ListRisksKind",
    "ListRisksSort",
    "ListRisksStatus",
    "ListTargetsMetric",
    "ListTargetsSort",
    "ListTasksPriority",
    "ListTasksSort",
    "ListTasksStatus",
    "ListTaxRatesSort",
    "ListTeamsSort",
    "ListTransactionsSort",
    "ListTransactionsStatus",
    "ListUsersSort",
    "ListVendorCreditsSort",
    "ListWebhooksSort",
    "LockDate",
    "ManualSource",
    "MatchRequest",
    "MatchedBy",
    "MeView",
    "MergeInput",
    "ObjectiveCreate",
    "ObjectiveKind",
    "ObjectiveStatus",
    "ObjectiveUpdate",
    "ObjectiveView",
    "ObjectivesByStatus",
    "OpenapiJsonResponse200",
    "OpportunityCreate",
    "OpportunityKind",
    "OpportunityPatch",
    "OpportunityView",
    "OrganizationPatch",
    "OrganizationSettings",
    "OrganizationView",
    "OutstandingLedgerLine",
    "OwnerChangeView",
    "OwnerPlanning",
    "PageAccountView",
    "PageApiKeyView",
    "PageBankAccountView",
    "PageBankRuleView",
    "PageBankTransferView",
    "PageCompetitorView",
    "PageContactView",
    "PageDeliveryView",
    "PageDocumentView",
    "PageExchangeRateView",
    "PageFeedbackView",
    "PageInteractionView",
    "PageJournalEntryView",
    "PageLedgerAccountView",
    "PageObjectiveView",
    "PageOpportunityView",
    "PageOwnerChangeView",
    "PagePaymentView",
    "PagePlanView",
    "PageProposalView",
    "PageRequestView",
    "PageReviewView",
    "PageRiskView",
    "PageStakeholderView",
    "PageStatementView",
    "PageTargetView",
    "PageTaskView",
    "PageTaxRateView",
    "PageTeamView",
    "PageTimelineEntry",
    "PageTransactionView",
    "PageUserView",
    "PageWebhookView",
    "PaymentCreate",
    "PaymentDirection",
    "PaymentFromLineCreate",
    "PaymentView",
    "PerformanceReport",
    "PerformanceRow",
    "PlanCreate",
    "PlanHealth",
    "PlanObjectivePatch",
    "PlanStakeholderPatch",
    "PlanStatus",
    "PlanView",
    "PlanningRow",
    "PlanningTotals",
    "PrincipalKind",
    "Priority",
    "ProbeStatus",
    "Problem",
    "Profitability",
    "ProposalCreate",
    "ProposalPatch",
    "ProposalStatus",
    "ProposalView",
    "RateUsed",
    "Readiness",
    "ReassignInput",
    "ReconciledLine",
    "ReconciliationRequest",
    "ReconciliationView",
    "RefreshRequest",
    "RequestCreate",
    "RequestKind",
    "RequestPatch",
    "RequestStatus",
    "RequestView",
    "RetentionFigures",
    "RetentionGroup",
    "RetentionReport",
    "RetentionReportGroupBy",
    "ReverseRequest",
    "ReviewCreate",
    "ReviewView",
    "RiskCreate",
    "RiskKind",
    "RiskPatch",
    "RiskStatus",
    "RiskView",
    "Role",
    "RoundingMode",
    "RowOutcome",
    "RuleDirection",
    "SalesReport",
    "SalesRow",
    "Seniority",
    "Severity",
    "SignupRequest",
    "SignupResponse",
    "SkippedStatement",
    "Stage",
    "StakeholderCreate",
    "StakeholderView",
    "Stance",
    "Statement",
    "StatementLine",
    "StatementRowView",
    "StatementView",
    "SystemRole",
    "TargetAttainment",
    "TargetInput",
    "TargetMetric",
    "TargetPatch",
    "TargetView",
    "TaskCreate",
    "TaskPatch",
    "TaskStatus",
    "TaskView",
    "TaxKind",
    "TaxRateCreate",
    "TaxRatePatch",
    "TaxRateView",
    "TaxSummary",
    "TaxSummaryRow",
    "TaxSummaryTotals",
    "TeamPlanning",
    "TeamView",
    "Tier",
    "TimelineEntry",
    "Title",
    "TokenRequest",
    "TokenResponse",
    "TransactionView",
    "TransactionViewDetailsType0Item",
    "TrialBalanceRow",
    "TrialBalanceView",
    "Unconverted",
    "UpdateLedgerAccountRequest",
    "UpdateTeamRequest",
    "UpdateUserRequest",
    "UpdateWebhookRequest",
    "UserView",
    "WebhookState",
    "WebhookStatus",
    "WebhookView",
    "WebhookWithSecret",
)
