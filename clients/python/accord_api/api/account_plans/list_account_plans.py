import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_account_plans_sort import ListAccountPlansSort
from ...models.list_account_plans_status import ListAccountPlansStatus
from ...models.page_plan_view import PagePlanView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    account_id: UUID | Unset = UNSET,
    owner_id: UUID | Unset = UNSET,
    status: ListAccountPlansStatus | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListAccountPlansSort | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_account_id: str | Unset = UNSET
    if not isinstance(account_id, Unset):
        json_account_id = str(account_id)
    params["account_id"] = json_account_id

    json_owner_id: str | Unset = UNSET
    if not isinstance(owner_id, Unset):
        json_owner_id = str(owner_id)
    params["owner_id"] = json_owner_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

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
        "url": "/api/v1/account-plans",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PagePlanView | Problem | None:
    if response.status_code == 200:
        response_200 = PagePlanView.from_dict(response.json())

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
) -> Response[PagePlanView | Problem]:
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
    owner_id: UUID | Unset = UNSET,
    status: ListAccountPlansStatus | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListAccountPlansSort | Unset = UNSET,
) -> Response[PagePlanView | Problem]:
    """List account plans.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (UUID | Unset):
        owner_id (UUID | Unset):
        status (ListAccountPlansStatus | Unset): An account plan's life: drafted, in force, or
            over.
        updated_since (datetime.datetime | Unset):
        sort (ListAccountPlansSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePlanView | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        account_id=account_id,
        owner_id=owner_id,
        status=status,
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
    owner_id: UUID | Unset = UNSET,
    status: ListAccountPlansStatus | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListAccountPlansSort | Unset = UNSET,
) -> PagePlanView | Problem | None:
    """List account plans.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (UUID | Unset):
        owner_id (UUID | Unset):
        status (ListAccountPlansStatus | Unset): An account plan's life: drafted, in force, or
            over.
        updated_since (datetime.datetime | Unset):
        sort (ListAccountPlansSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePlanView | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        account_id=account_id,
        owner_id=owner_id,
        status=status,
        updated_since=updated_since,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    account_id: UUID | Unset = UNSET,
    owner_id: UUID | Unset = UNSET,
    status: ListAccountPlansStatus | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListAccountPlansSort | Unset = UNSET,
) -> Response[PagePlanView | Problem]:
    """List account plans.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (UUID | Unset):
        owner_id (UUID | Unset):
        status (ListAccountPlansStatus | Unset): An account plan's life: drafted, in force, or
            over.
        updated_since (datetime.datetime | Unset):
        sort (ListAccountPlansSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePlanView | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        account_id=account_id,
        owner_id=owner_id,
        status=status,
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
    owner_id: UUID | Unset = UNSET,
    status: ListAccountPlansStatus | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListAccountPlansSort | Unset = UNSET,
) -> PagePlanView | Problem | None:
    """List account plans.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (UUID | Unset):
        owner_id (UUID | Unset):
        status (ListAccountPlansStatus | Unset): An account plan's life: drafted, in force, or
            over.
        updated_since (datetime.datetime | Unset):
        sort (ListAccountPlansSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePlanView | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            account_id=account_id,
            owner_id=owner_id,
            status=status,
            updated_since=updated_since,
            sort=sort,
        )
    ).parsed
