import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_interactions_kind import ListInteractionsKind
from ...models.list_interactions_sort import ListInteractionsSort
from ...models.page_interaction_view import PageInteractionView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    account_id: UUID | Unset = UNSET,
    author_id: UUID | Unset = UNSET,
    kind: ListInteractionsKind | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    follow_up_from: datetime.date | Unset = UNSET,
    follow_up_to: datetime.date | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListInteractionsSort | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_account_id: str | Unset = UNSET
    if not isinstance(account_id, Unset):
        json_account_id = str(account_id)
    params["account_id"] = json_account_id

    json_author_id: str | Unset = UNSET
    if not isinstance(author_id, Unset):
        json_author_id = str(author_id)
    params["author_id"] = json_author_id

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    json_follow_up_from: str | Unset = UNSET
    if not isinstance(follow_up_from, Unset):
        json_follow_up_from = follow_up_from.isoformat()
    params["follow_up_from"] = json_follow_up_from

    json_follow_up_to: str | Unset = UNSET
    if not isinstance(follow_up_to, Unset):
        json_follow_up_to = follow_up_to.isoformat()
    params["follow_up_to"] = json_follow_up_to

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
        "url": "/api/v1/interactions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageInteractionView | Problem | None:
    if response.status_code == 200:
        response_200 = PageInteractionView.from_dict(response.json())

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
) -> Response[PageInteractionView | Problem]:
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
    account_id: UUID | Unset = UNSET,
    author_id: UUID | Unset = UNSET,
    kind: ListInteractionsKind | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    follow_up_from: datetime.date | Unset = UNSET,
    follow_up_to: datetime.date | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListInteractionsSort | Unset = UNSET,
) -> Response[PageInteractionView | Problem]:
    """List interactions.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (UUID | Unset):
        author_id (UUID | Unset):
        kind (ListInteractionsKind | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        follow_up_from (datetime.date | Unset):
        follow_up_to (datetime.date | Unset):
        updated_since (datetime.datetime | Unset):
        sort (ListInteractionsSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageInteractionView | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        account_id=account_id,
        author_id=author_id,
        kind=kind,
        from_=from_,
        to=to,
        follow_up_from=follow_up_from,
        follow_up_to=follow_up_to,
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
    account_id: UUID | Unset = UNSET,
    author_id: UUID | Unset = UNSET,
    kind: ListInteractionsKind | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    follow_up_from: datetime.date | Unset = UNSET,
    follow_up_to: datetime.date | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListInteractionsSort | Unset = UNSET,
) -> PageInteractionView | Problem | None:
    """List interactions.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (UUID | Unset):
        author_id (UUID | Unset):
        kind (ListInteractionsKind | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        follow_up_from (datetime.date | Unset):
        follow_up_to (datetime.date | Unset):
        updated_since (datetime.datetime | Unset):
        sort (ListInteractionsSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageInteractionView | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        account_id=account_id,
        author_id=author_id,
        kind=kind,
        from_=from_,
        to=to,
        follow_up_from=follow_up_from,
        follow_up_to=follow_up_to,
        updated_since=updated_since,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    account_id: UUID | Unset = UNSET,
    author_id: UUID | Unset = UNSET,
    kind: ListInteractionsKind | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    follow_up_from: datetime.date | Unset = UNSET,
    follow_up_to: datetime.date | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListInteractionsSort | Unset = UNSET,
) -> Response[PageInteractionView | Problem]:
    """List interactions.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (UUID | Unset):
        author_id (UUID | Unset):
        kind (ListInteractionsKind | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        follow_up_from (datetime.date | Unset):
        follow_up_to (datetime.date | Unset):
        updated_since (datetime.datetime | Unset):
        sort (ListInteractionsSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageInteractionView | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        account_id=account_id,
        author_id=author_id,
        kind=kind,
        from_=from_,
        to=to,
        follow_up_from=follow_up_from,
        follow_up_to=follow_up_to,
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
    account_id: UUID | Unset = UNSET,
    author_id: UUID | Unset = UNSET,
    kind: ListInteractionsKind | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    follow_up_from: datetime.date | Unset = UNSET,
    follow_up_to: datetime.date | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListInteractionsSort | Unset = UNSET,
) -> PageInteractionView | Problem | None:
    """List interactions.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (UUID | Unset):
        author_id (UUID | Unset):
        kind (ListInteractionsKind | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        follow_up_from (datetime.date | Unset):
        follow_up_to (datetime.date | Unset):
        updated_since (datetime.datetime | Unset):
        sort (ListInteractionsSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageInteractionView | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            account_id=account_id,
            author_id=author_id,
            kind=kind,
            from_=from_,
            to=to,
            follow_up_from=follow_up_from,
            follow_up_to=follow_up_to,
            updated_since=updated_since,
            sort=sort,
        )
    ).parsed
