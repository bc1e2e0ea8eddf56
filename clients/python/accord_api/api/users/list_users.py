import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_users_sort import ListUsersSort
from ...models.page_user_view import PageUserView
from ...models.problem import Problem
from ...models.role import Role
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    role: Role | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListUsersSort | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_role: str | Unset = UNSET
    if not isinstance(role, Unset):
        json_role = role.value

    params["role"] = json_role

    params["is_active"] = is_active

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
        "url": "/api/v1/users",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageUserView | Problem | None:
    if response.status_code == 200:
        response_200 = PageUserView.from_dict(response.json())

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
) -> Response[PageUserView | Problem]:
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
    role: Role | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListUsersSort | Unset = UNSET,
) -> Response[PageUserView | Problem]:
    """List the organization's users.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        role (Role | Unset): What a principal may do; see `auth::policy` for the permissions each
            role holds.
        is_active (bool | Unset):
        updated_since (datetime.datetime | Unset):
        sort (ListUsersSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageUserView | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        role=role,
        is_active=is_active,
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
    role: Role | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListUsersSort | Unset = UNSET,
) -> PageUserView | Problem | None:
    """List the organization's users.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        role (Role | Unset): What a principal may do; see `auth::policy` for the permissions each
            role holds.
        is_active (bool | Unset):
        updated_since (datetime.datetime | Unset):
        sort (ListUsersSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageUserView | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        role=role,
        is_active=is_active,
        updated_since=updated_since,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    role: Role | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListUsersSort | Unset = UNSET,
) -> Response[PageUserView | Problem]:
    """List the organization's users.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        role (Role | Unset): What a principal may do; see `auth::policy` for the permissions each
            role holds.
        is_active (bool | Unset):
        updated_since (datetime.datetime | Unset):
        sort (ListUsersSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageUserView | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        role=role,
        is_active=is_active,
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
    role: Role | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: ListUsersSort | Unset = UNSET,
) -> PageUserView | Problem | None:
    """List the organization's users.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        role (Role | Unset): What a principal may do; see `auth::policy` for the permissions each
            role holds.
        is_active (bool | Unset):
        updated_since (datetime.datetime | Unset):
        sort (ListUsersSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageUserView | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            role=role,
            is_active=is_active,
            updated_since=updated_since,
            sort=sort,
        )
    ).parsed
