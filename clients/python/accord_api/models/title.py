from enum import StrEnum


class Title(StrEnum):
    ACCOUNT_EXECUTIVE = "account_executive"
    ACCOUNT_MANAGER = "account_manager"
    JUNIOR_ACCOUNT_EXECUTIVE = "junior_account_executive"
    KEY_ACCOUNT_MANAGER = "key_account_manager"
    SENIOR_ACCOUNT_EXECUTIVE = "senior_account_executive"

    def __str__(self) -> str:
        return str(self.value)
