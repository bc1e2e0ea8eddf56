from enum import StrEnum


class ImportContactsUnknownColumns(StrEnum):
    CUSTOM_FIELDS = "custom_fields"
    IGNORE = "ignore"
    REFUSE = "refuse"

    def __str__(self) -> str:
        return str(self.value)
