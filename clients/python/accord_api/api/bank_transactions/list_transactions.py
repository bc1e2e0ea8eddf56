import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_transactions_sort import ListTransactionsSort
from ...models.list_transactions_status import ListTransactionsStatus
from ...models.page_transaction_view import PageTransactionView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    status: ListTransactionsStatus | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    amount: str | Unset = UNSET,
    q: str | Unset = UNSET,
    statement_id: UUID | Unset = UNSET,
    sort: ListTransactionsSort | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["amount"] = amount

    params["q"] = q

    json_statement_id: str | Unset = UNSET
    if not isinstance(statement_id, Unset):
        json_statement_id = str(statement_id)
    params["statement_id"] = json_statement_id

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/bank-accounts/{id}/transactions".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageTransactionView | Problem | None:
    if response.status_code == 200:
        response_200 = PageTransactionView.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[PageTransactionView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    status: ListTransactionsStatus | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    amount: str | Unset = UNSET,
    q: str | Unset = UNSET,
    statement_id: UUID | Unset = UNSET,
    sort: ListTransactionsSort | Unset = UNSET,
) -> Response[PageTransactionView | Problem]:
    """A bank account's lines, in booking order, by reconciliation status, date, amount and text.

    Args:
        id (UUID):
        limit (int | Unset):
        cursor (str | Unset):
        status (ListTransactionsStatus | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        amount (str | Unset):
        q (str | Unset):
        statement_id (UUID | Unset):
        sort (ListTransactionsSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTransactionView | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        limit=limit,
        cursor=cursor,
        status=status,
        from_=from_,
        to=to,
        amount=amount,
        q=q,
        statement_id=statement_id,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    status: ListTransactionsStatus | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    amount: str | Unset = UNSET,
    q: str | Unset = UNSET,
    statement_id: UUID | Unset = UNSET,
    sort: ListTransactionsSort | Unset = UNSET,
) -> PageTransactionView | Problem | None:
    """A bank account's lines, in booking order, by reconciliation status, date, amount and text.

    Args:
        id (UUID):
        limit (int | Unset):
        cursor (str | Unset):
        status (ListTransactionsStatus | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        amount (str | Unset):
        q (str | Unset):
        statement_id (UUID | Unset):
        sort (ListTransactionsSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTransactionView | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        limit=limit,
        cursor=cursor,
        status=status,
        from_=from_,
        to=to,
        amount=amount,
        q=q,
        statement_id=statement_id,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    status: ListTransactionsStatus | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    amount: str | Unset = UNSET,
    q: str | Unset = UNSET,
    statement_id: UUID | Unset = UNSET,
    sort: ListTransactionsSort | Unset = UNSET,
) -> Response[PageTransactionView | Problem]:
    """A bank account's lines, in booking order, by reconciliation status, date, amount and text.

    Args:
        id (UUID):
        limit (int | Unset):
        cursor (str | Unset):
        status (ListTransactionsStatus | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        amount (str | Unset):
        q (str | Unset):
        statement_id (UUID | Unset):
        sort (ListTransactionsSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTransactionView | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        limit=limit,
        cursor=cursor,
        status=status,
        from_=from_,
        to=to,
        amount=amount,
        q=q,
        statement_id=statement_id,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    status: ListTransactionsStatus | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    amount: str | Unset = UNSET,
    q: str | Unset = UNSET,
    statement_id: UUID | Unset = UNSET,
    sort: ListTransactionsSort | Unset = UNSET,
) -> PageTransactionView | Problem | None:
    """A bank account's lines, in booking order, by reconciliation status, date, amount and text.

    Args:
        id (UUID):
        limit (int | Unset):
        cursor (str | Unset):
        status (ListTransactionsStatus | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        amount (str | Unset):
        q (str | Unset):
        statement_id (UUID | Unset):
        sort (ListTransactionsSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTransactionView | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            limit=limit,
            cursor=cursor,
            status=status,
            from_=from_,
            to=to,
            amount=amount,
            q=q,
            statement_id=statement_id,
            sort=sort,
        )
    ).parsed
