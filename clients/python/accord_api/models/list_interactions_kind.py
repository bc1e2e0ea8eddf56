from enum import StrEnum


class ListInteractionsKind(StrEnum):
    CALL = "call"
    CHECK_IN = "check_in"
    EMAIL = "email"
    FEEDBACK = "feedback"
    MEETING = "meeting"
    NOTE = "note"
    SUPPORT = "support"
    VISIT = "visit"

    def __str__(self) -> str:
        return str(self.value)
