from enum import StrEnum


class RiskStatus(StrEnum):
    LOST = "lost"
    MITIGATING = "mitigating"
    OPEN = "open"
    RESOLVED = "resolved"

    def __str__(self) -> str:
        return str(self.value)
