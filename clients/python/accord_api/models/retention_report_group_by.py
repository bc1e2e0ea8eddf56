from enum import StrEnum


class RetentionReportGroupBy(StrEnum):
    OWNER = "owner"
    TEAM = "team"
    TIER = "tier"

    def __str__(self) -> str:
        return str(self.value)
