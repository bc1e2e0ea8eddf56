from enum import StrEnum


class Seniority(StrEnum):
    C_LEVEL = "c_level"
    DIRECTOR = "director"
    MANAGER = "manager"
    STAFF = "staff"
    VP = "vp"

    def __str__(self) -> str:
        return str(self.value)
