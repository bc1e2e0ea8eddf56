from enum import StrEnum


class AgendaKind(StrEnum):
    CHECK_IN = "check_in"
    FOLLOW_UP = "follow_up"
    OVERDUE_INVOICE = "overdue_invoice"
    PLAN_REVIEW = "plan_review"
    RISK_STEP = "risk_step"
    TASK = "task"

    def __str__(self) -> str:
        return str(self.value)
