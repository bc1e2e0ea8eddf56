from enum import StrEnum


class ListContactsStatus(StrEnum):
    ACTIVE = "active"
    LEFT = "left"

    def __str__(self) -> str:
        return str(self.value)
