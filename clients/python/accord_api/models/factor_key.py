from enum import StrEnum


class FactorKey(StrEnum):
    ACCOUNT_PLAN = "account_plan"
    CHAMPION_PRESENCE = "champion_presence"
    CHECK_IN_RECENCY = "check_in_recency"
    CLIENT_FEEDBACK = "client_feedback"
    DAYS_SALES_OUTSTANDING = "days_sales_outstanding"
    MANAGER_SENTIMENT = "manager_sentiment"
    OPEN_RISKS = "open_risks"
    OPPORTUNITY_MOMENTUM = "opportunity_momentum"
    OVERDUE_RECEIVABLES = "overdue_receivables"

    def __str__(self) -> str:
        return str(self.value)
