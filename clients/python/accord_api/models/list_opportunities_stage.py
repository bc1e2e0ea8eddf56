from enum import StrEnum


class ListOpportunitiesStage(StrEnum):
    LOST = "lost"
    NEGOTIATION = "negotiation"
    PROPOSAL = "proposal"
    QUALIFICATION = "qualification"
    WON = "won"

    def __str__(self) -> str:
        return str(self.value)
