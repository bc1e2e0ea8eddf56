from enum import StrEnum


class ListTargetsMetric(StrEnum):
    NEW_ACCOUNTS = "new_accounts"
    RETAINED_ACCOUNTS = "retained_accounts"
    REVENUE_COLLECTED = "revenue_collected"
    REVENUE_INVOICED = "revenue_invoiced"
    WON_AMOUNT = "won_amount"

    def __str__(self) -> str:
        return str(self.value)
