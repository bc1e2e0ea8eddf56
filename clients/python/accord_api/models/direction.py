from enum import StrEnum


class Direction(StrEnum):
    INBOUND = "inbound"
    INTERNAL = "internal"
    OUTBOUND = "outbound"

    def __str__(self) -> str:
        return str(self.value)
