from enum import StrEnum


class MatchedBy(StrEnum):
    DOMAIN = "domain"
    EMAIL = "email"
    ID = "id"
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
