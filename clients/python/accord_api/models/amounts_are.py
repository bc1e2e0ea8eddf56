from enum import StrEnum


class AmountsAre(StrEnum):
    EXCLUSIVE = "exclusive"
    INCLUSIVE = "inclusive"

    def __str__(self) -> str:
        return str(self.value)
