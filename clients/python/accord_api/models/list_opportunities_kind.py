from enum import StrEnum


class ListOpportunitiesKind(StrEnum):
    CROSS_SELL = "cross_sell"
    NEW_BUSINESS = "new_business"
    RENEWAL = "renewal"
    UPSELL = "upsell"

    def __str__(self) -> str:
        return str(self.value)
