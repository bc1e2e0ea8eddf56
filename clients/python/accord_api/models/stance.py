from enum import StrEnum


class Stance(StrEnum):
    DETRACTOR = "detractor"
    NEUTRAL = "neutral"
    SUPPORTER = "supporter"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
