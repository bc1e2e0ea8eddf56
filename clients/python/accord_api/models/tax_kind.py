from enum import StrEnum


class TaxKind(StrEnum):
    EXEMPT = "exempt"
    STANDARD = "standard"
    ZERO_RATED = "zero_rated"

    def __str__(self) -> str:
        return str(self.value)
