from enum import StrEnum


class ListRisksStatus(StrEnum):
    LOST = "lost"
    MITIGATING = "mitigating"
    OPEN = "open"
    RESOLVED = "resolved"

    def __str__(self) -> str:
        return str(self.value)
