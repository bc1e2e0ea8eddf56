from enum import StrEnum


class ListUsersSort(StrEnum):
    CREATED_AT = "created_at"
    EMAIL = "email"
    NAME = "name"
    VALUE_1 = "-created_at"
    VALUE_3 = "-name"
    VALUE_5 = "-email"

    def __str__(self) -> str:
        return str(self.value)
