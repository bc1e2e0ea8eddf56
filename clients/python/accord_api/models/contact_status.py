from enum import StrEnum


class ContactStatus(StrEnum):
    ACTIVE = "active"
    LEFT = "left"

    def __str__(self) -> str:
        return str(self.value)
