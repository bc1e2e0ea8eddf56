import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_journal_entries_sort import ListJournalEntriesSort
from ...models.page_journal_entry_view import PageJournalEntryView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    ledger_account_id: UUID | Unset = UNSET,
    source: str | Unset = UNSET,
    reference: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListJournalEntriesSort | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    json_ledger_account_id: str | Unset = UNSET
    if not isinstance(ledger_account_id, Unset):
        json_ledger_account_id = str(ledger_account_id)
    params["ledger_account_id"] = json_ledger_account_id

    params["source"] = source

    params["reference"] = reference

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/ledger/journal-entries",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageJournalEntryView | Problem | None:
    if response.status_code == 200:
        response_200 = PageJournalEntryView.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageJournalEntryView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    ledger_account_id: UUID | Unset = UNSET,
    source: str | Unset = UNSET,
    reference: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListJournalEntriesSort | Unset = UNSET,
) -> Response[PageJournalEntryView | Problem]:
    """List journal entries by date. Ids are time-ordered, so an entry committed late can sort
    before a cursor already handed out; filter by `from` to catch up on a date range.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        ledger_account_id (UUID | Unset):
        source (str | Unset):
        reference (str | Unset):
        updated_since (datetime.datetime | Unset):
        sort (ListJournalEntriesSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageJournalEntryView | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        from_=from_,
        to=to,
        ledger_account_id=ledger_account_id,
        source=source,
        reference=reference,
        updated_since=updated_since,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    ledger_account_id: UUID | Unset = UNSET,
    source: str | Unset = UNSET,
    reference: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListJournalEntriesSort | Unset = UNSET,
) -> PageJournalEntryView | Problem | None:
    """List journal entries by date. Ids are time-ordered, so an entry committed late can sort
    before a cursor already handed out; filter by `from` to catch up on a date range.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        ledger_account_id (UUID | Unset):
        source (str | Unset):
        reference (str | Unset):
        updated_since (datetime.datetime | Unset):
        sort (ListJournalEntriesSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageJournalEntryView | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        from_=from_,
        to=to,
        ledger_account_id=ledger_account_id,
        source=source,
        reference=reference,
        updated_since=updated_since,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    ledger_account_id: UUID | Unset = UNSET,
    source: str | Unset = UNSET,
    reference: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListJournalEntriesSort | Unset = UNSET,
) -> Response[PageJournalEntryView | Problem]:
    """List journal entries by date. Ids are time-ordered, so an entry committed late can sort
    before a cursor already handed out; filter by `from` to catch up on a date range.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        ledger_account_id (UUID | Unset):
        source (str | Unset):
        reference (str | Unset):
        updated_since (datetime.datetime | Unset):
        sort (ListJournalEntriesSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageJournalEntryView | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        from_=from_,
        to=to,
        ledger_account_id=ledger_account_id,
        source=source,
        reference=reference,
        updated_since=updated_since,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    ledger_account_id: UUID | Unset = UNSET,
    source: str | Unset = UNSET,
    reference: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListJournalEntriesSort | Unset = UNSET,
) -> PageJournalEntryView | Problem | None:
    """List journal entries by date. Ids are time-ordered, so an entry committed late can sort
    before a cursor already handed out; filter by `from` to catch up on a date range.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        ledger_account_id (UUID | Unset):
        source (str | Unset):
        reference (str | Unset):
        updated_since (datetime.datetime | Unset):
        sort (ListJournalEntriesSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageJournalEntryView | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            from_=from_,
            to=to,
            ledger_account_id=ledger_account_id,
            source=source,
            reference=reference,
            updated_since=updated_since,
            sort=sort,
        )
    ).parsed
