from enum import StrEnum


class ListTransactionsSort(StrEnum):
    BOOKED_ON = "booked_on"
    VALUE_1 = "-booked_on"

    def __str__(self) -> str:
        return str(self.value)
