from enum import StrEnum


class ListRequestsStatus(StrEnum):
    ANSWERED = "answered"
    CLOSED = "closed"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
