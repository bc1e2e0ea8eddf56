from enum import StrEnum


class ListTransactionsStatus(StrEnum):
    RECONCILED = "reconciled"
    UNRECONCILED = "unreconciled"

    def __str__(self) -> str:
        return str(self.value)
