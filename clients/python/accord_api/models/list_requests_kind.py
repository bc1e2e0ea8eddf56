from enum import StrEnum


class ListRequestsKind(StrEnum):
    FEATURE_REQUEST = "feature_request"
    INQUIRY = "inquiry"
    ISSUE = "issue"

    def __str__(self) -> str:
        return str(self.value)
