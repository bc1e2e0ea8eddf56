from enum import StrEnum


class DisputeOutcome(StrEnum):
    CREDITED = "credited"
    UPHELD = "upheld"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
