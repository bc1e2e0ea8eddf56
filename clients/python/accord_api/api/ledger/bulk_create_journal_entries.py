from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.batch_results_journal_entry_view import BatchResultsJournalEntryView
from ...models.bulk_journal_entries import BulkJournalEntries
from ...models.bulk_journal_entries_request import BulkJournalEntriesRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BulkJournalEntriesRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/ledger/journal-entries/bulk",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BatchResultsJournalEntryView | BulkJournalEntries | Problem | None:
    if response.status_code == 200:
        response_200 = BatchResultsJournalEntryView.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = BulkJournalEntries.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if response.status_code == 507:
        response_507 = Problem.from_dict(response.json())

        return response_507

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BatchResultsJournalEntryView | BulkJournalEntries | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BulkJournalEntriesRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[BatchResultsJournalEntryView | BulkJournalEntries | Problem]:
    """Post up to 1,000 journal entries at once: all or nothing (`atomic`, the default: 201 with
    every entry, or 422 naming every error by index as `entries[3].lines[0].debit`), or each on
    its own (`atomic: false`: 200 with a result per entry). One `Idempotency-Key` covers the
    whole batch.

    Args:
        idempotency_key (str | Unset):
        body (BulkJournalEntriesRequest): `POST /ledger/journal-entries/bulk`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResultsJournalEntryView | BulkJournalEntries | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BulkJournalEntriesRequest,
    idempotency_key: str | Unset = UNSET,
) -> BatchResultsJournalEntryView | BulkJournalEntries | Problem | None:
    """Post up to 1,000 journal entries at once: all or nothing (`atomic`, the default: 201 with
    every entry, or 422 naming every error by index as `entries[3].lines[0].debit`), or each on
    its own (`atomic: false`: 200 with a result per entry). One `Idempotency-Key` covers the
    whole batch.

    Args:
        idempotency_key (str | Unset):
        body (BulkJournalEntriesRequest): `POST /ledger/journal-entries/bulk`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchResultsJournalEntryView | BulkJournalEntries | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BulkJournalEntriesRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[BatchResultsJournalEntryView | BulkJournalEntries | Problem]:
    """Post up to 1,000 journal entries at once: all or nothing (`atomic`, the default: 201 with
    every entry, or 422 naming every error by index as `entries[3].lines[0].debit`), or each on
    its own (`atomic: false`: 200 with a result per entry). One `Idempotency-Key` covers the
    whole batch.

    Args:
        idempotency_key (str | Unset):
        body (BulkJournalEntriesRequest): `POST /ledger/journal-entries/bulk`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResultsJournalEntryView | BulkJournalEntries | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BulkJournalEntriesRequest,
    idempotency_key: str | Unset = UNSET,
) -> BatchResultsJournalEntryView | BulkJournalEntries | Problem | None:
    """Post up to 1,000 journal entries at once: all or nothing (`atomic`, the default: 201 with
    every entry, or 422 naming every error by index as `entries[3].lines[0].debit`), or each on
    its own (`atomic: false`: 200 with a result per entry). One `Idempotency-Key` covers the
    whole batch.

    Args:
        idempotency_key (str | Unset):
        body (BulkJournalEntriesRequest): `POST /ledger/journal-entries/bulk`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchResultsJournalEntryView | BulkJournalEntries | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
