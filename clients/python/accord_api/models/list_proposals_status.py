from enum import StrEnum


class ListProposalsStatus(StrEnum):
    ACCEPTED = "accepted"
    DRAFT = "draft"
    REJECTED = "rejected"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
