from enum import StrEnum


class ListAccountsHealthGrade(StrEnum):
    HEALTHY = "healthy"
    POOR = "poor"
    WATCH = "watch"

    def __str__(self) -> str:
        return str(self.value)
