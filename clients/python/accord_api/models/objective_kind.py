from enum import StrEnum


class ObjectiveKind(StrEnum):
    ADOPTION = "adoption"
    CUSTOM = "custom"
    RELATIONSHIP = "relationship"
    REVENUE = "revenue"
    SATISFACTION = "satisfaction"

    def __str__(self) -> str:
        return str(self.value)
