from enum import StrEnum


class ListAccountsTier(StrEnum):
    KEY = "key"
    STANDARD = "standard"
    STRATEGIC = "strategic"

    def __str__(self) -> str:
        return str(self.value)
