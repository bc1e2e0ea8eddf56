from enum import StrEnum


class ListAccountsSort(StrEnum):
    CREATED_AT = "created_at"
    HEALTH_SCORE = "health_score"
    NAME = "name"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-created_at"
    VALUE_3 = "-name"
    VALUE_5 = "-updated_at"
    VALUE_7 = "-health_score"

    def __str__(self) -> str:
        return str(self.value)
