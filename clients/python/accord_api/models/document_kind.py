from enum import StrEnum


class DocumentKind(StrEnum):
    BILL = "bill"
    CREDIT_NOTE = "credit_note"
    INVOICE = "invoice"
    VENDOR_CREDIT = "vendor_credit"

    def __str__(self) -> str:
        return str(self.value)
