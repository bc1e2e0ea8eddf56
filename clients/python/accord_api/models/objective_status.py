from enum import StrEnum


class ObjectiveStatus(StrEnum):
    ACHIEVED = "achieved"
    AT_RISK = "at_risk"
    DROPPED = "dropped"
    OFF_TRACK = "off_track"
    ON_TRACK = "on_track"

    def __str__(self) -> str:
        return str(self.value)
