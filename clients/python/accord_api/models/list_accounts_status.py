from enum import StrEnum


class ListAccountsStatus(StrEnum):
    ACTIVE = "active"
    AT_RISK = "at_risk"
    CHURNED = "churned"
    PROSPECT = "prospect"

    def __str__(self) -> str:
        return str(self.value)
