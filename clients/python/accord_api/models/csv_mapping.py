from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CsvMapping")


@_attrs_define
class CsvMapping:
    """How to read a bank account's CSV export (`PUT /bank-accounts/{id}/csv-mapping`).
    Columns are named by their header text, or by a 1-based position (`"3"`) for files
    without a header row.

        Attributes:
            date_column (str):  Example: Booking date.
            date_format (str): chrono `strftime` form, such as `%Y-%m-%d` or `%d.%m.%Y`. Example: %d.%m.%Y.
            amount_column (None | str | Unset): One signed amount column (positive is money in) …
            counterparty_column (None | str | Unset):
            credit_column (None | str | Unset):
            debit_column (None | str | Unset): … or a debit (money out) and a credit (money in) column.
            decimal_separator (None | str | Unset): `.` (default) or `,`. Example: ,.
            delimiter (None | str | Unset): `,` (default), `;` or a tab.
            description_columns (list[str] | Unset):
            has_header (bool | None | Unset): Whether the first row after `skip_rows` is a header (default true).
            reference_column (None | str | Unset):
            skip_rows (int | Unset): Rows before the header row (bank preambles).
    """

    date_column: str
    date_format: str
    amount_column: None | str | Unset = UNSET
    counterparty_column: None | str | Unset = UNSET
    credit_column: None | str | Unset = UNSET
    debit_column: None | str | Unset = UNSET
    decimal_separator: None | str | Unset = UNSET
    delimiter: None | str | Unset = UNSET
    description_columns: list[str] | Unset = UNSET
    has_header: bool | None | Unset = UNSET
    reference_column: None | str | Unset = UNSET
    skip_rows: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        date_column = self.date_column

        date_format = self.date_format

        amount_column: None | str | Unset
        if isinstance(self.amount_column, Unset):
            amount_column = UNSET
        else:
            amount_column = self.amount_column

        counterparty_column: None | str | Unset
        if isinstance(self.counterparty_column, Unset):
            counterparty_column = UNSET
        else:
            counterparty_column = self.counterparty_column

        credit_column: None | str | Unset
        if isinstance(self.credit_column, Unset):
            credit_column = UNSET
        else:
            credit_column = self.credit_column

        debit_column: None | str | Unset
        if isinstance(self.debit_column, Unset):
            debit_column = UNSET
        else:
            debit_column = self.debit_column

        decimal_separator: None | str | Unset
        if isinstance(self.decimal_separator, Unset):
            decimal_separator = UNSET
        else:
            decimal_separator = self.decimal_separator

        delimiter: None | str | Unset
        if isinstance(self.delimiter, Unset):
            delimiter = UNSET
        else:
            delimiter = self.delimiter

        description_columns: list[str] | Unset = UNSET
        if not isinstance(self.description_columns, Unset):
            description_columns = self.description_columns

        has_header: bool | None | Unset
        if isinstance(self.has_header, Unset):
            has_header = UNSET
        else:
            has_header = self.has_header

        reference_column: None | str | Unset
        if isinstance(self.reference_column, Unset):
            reference_column = UNSET
        else:
            reference_column = self.reference_column

        skip_rows = self.skip_rows

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "date_column": date_column,
                "date_format": date_format,
            }
        )
        if amount_column is not UNSET:
            field_dict["amount_column"] = amount_column
        if counterparty_column is not UNSET:
            field_dict["counterparty_column"] = counterparty_column
        if credit_column is not UNSET:
            field_dict["credit_column"] = credit_column
        if debit_column is not UNSET:
            field_dict["debit_column"] = debit_column
        if decimal_separator is not UNSET:
            field_dict["decimal_separator"] = decimal_separator
        if delimiter is not UNSET:
            field_dict["delimiter"] = delimiter
        if description_columns is not UNSET:
            field_dict["description_columns"] = description_columns
        if has_header is not UNSET:
            field_dict["has_header"] = has_header
        if reference_column is not UNSET:
            field_dict["reference_column"] = reference_column
        if skip_rows is not UNSET:
            field_dict["skip_rows"] = skip_rows

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        date_column = d.pop("date_column")

        date_format = d.pop("date_format")

        def _parse_amount_column(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount_column = _parse_amount_column(d.pop("amount_column", UNSET))

        def _parse_counterparty_column(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        counterparty_column = _parse_counterparty_column(
            d.pop("counterparty_column", UNSET)
        )

        def _parse_credit_column(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        credit_column = _parse_credit_column(d.pop("credit_column", UNSET))

        def _parse_debit_column(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        debit_column = _parse_debit_column(d.pop("debit_column", UNSET))

        def _parse_decimal_separator(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decimal_separator = _parse_decimal_separator(d.pop("decimal_separator", UNSET))

        def _parse_delimiter(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        delimiter = _parse_delimiter(d.pop("delimiter", UNSET))

        description_columns = cast(list[str], d.pop("description_columns", UNSET))

        def _parse_has_header(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        has_header = _parse_has_header(d.pop("has_header", UNSET))

        def _parse_reference_column(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference_column = _parse_reference_column(d.pop("reference_column", UNSET))

        skip_rows = d.pop("skip_rows", UNSET)

        csv_mapping = cls(
            date_column=date_column,
            date_format=date_format,
            amount_column=amount_column,
            counterparty_column=counterparty_column,
            credit_column=credit_column,
            debit_column=debit_column,
            decimal_separator=decimal_separator,
            delimiter=delimiter,
            description_columns=description_columns,
            has_header=has_header,
            reference_column=reference_column,
            skip_rows=skip_rows,
        )

        return csv_mapping
