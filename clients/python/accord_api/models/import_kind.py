from enum import StrEnum


class ImportKind(StrEnum):
    ACCOUNTS = "accounts"
    CONTACTS = "contacts"

    def __str__(self) -> str:
        return str(self.value)
