from enum import StrEnum


class ListJournalEntriesSort(StrEnum):
    DATE = "date"
    VALUE_1 = "-date"

    def __str__(self) -> str:
        return str(self.value)
