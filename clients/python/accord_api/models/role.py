from enum import StrEnum


class Role(StrEnum):
    ACCOUNTANT = "accountant"
    ACCOUNT_MANAGER = "account_manager"
    ADMIN = "admin"
    OWNER = "owner"
    VIEWER = "viewer"

    def __str__(self) -> str:
        return str(self.value)
