from enum import StrEnum


class SystemRole(StrEnum):
    ACCOUNTS_PAYABLE = "accounts_payable"
    ACCOUNTS_RECEIVABLE = "accounts_receivable"
    BANK = "bank"
    FX_GAIN_LOSS = "fx_gain_loss"
    OPENING_BALANCE_EQUITY = "opening_balance_equity"
    RETAINED_EARNINGS = "retained_earnings"
    ROUNDING = "rounding"
    SALES_TAX = "sales_tax"
    TAX_RECOVERABLE = "tax_recoverable"

    def __str__(self) -> str:
        return str(self.value)
