from enum import StrEnum


class RowOutcome(StrEnum):
    CONFLICT = "conflict"
    CREATED = "created"
    ERROR = "error"
    UNCHANGED = "unchanged"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
