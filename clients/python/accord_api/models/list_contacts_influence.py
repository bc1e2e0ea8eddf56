from enum import StrEnum


class ListContactsInfluence(StrEnum):
    BLOCKER = "blocker"
    CHAMPION = "champion"
    ECONOMIC_BUYER = "economic_buyer"
    NEUTRAL = "neutral"
    TECHNICAL_BUYER = "technical_buyer"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
