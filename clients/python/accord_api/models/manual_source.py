from enum import StrEnum


class ManualSource(StrEnum):
    MANUAL = "manual"
    OPENING = "opening"

    def __str__(self) -> str:
        return str(self.value)
