from enum import StrEnum


class Ledger(StrEnum):
    PAYABLE = "payable"
    RECEIVABLE = "receivable"

    def __str__(self) -> str:
        return str(self.value)
