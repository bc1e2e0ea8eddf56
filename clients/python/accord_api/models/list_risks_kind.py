from enum import StrEnum


class ListRisksKind(StrEnum):
    CHURN_RISK = "churn_risk"
    COMPETITOR_THREAT = "competitor_threat"
    COMPLAINT = "complaint"
    DISPUTE = "dispute"

    def __str__(self) -> str:
        return str(self.value)
