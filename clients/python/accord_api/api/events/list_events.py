import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_page import EventPage
from ...models.list_events_order import ListEventsOrder
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    type_: str | Unset = UNSET,
    resource_type: str | Unset = UNSET,
    resource_id: UUID | Unset = UNSET,
    created_since: datetime.datetime | Unset = UNSET,
    order: ListEventsOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["type"] = type_

    params["resource_type"] = resource_type

    json_resource_id: str | Unset = UNSET
    if not isinstance(resource_id, Unset):
        json_resource_id = str(resource_id)
    params["resource_id"] = json_resource_id

    json_created_since: str | Unset = UNSET
    if not isinstance(created_since, Unset):
        json_created_since = created_since.isoformat()
    params["created_since"] = json_created_since

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EventPage | Problem | None:
    if response.status_code == 200:
        response_200 = EventPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 410:
        response_410 = Problem.from_dict(response.json())

        return response_410

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
) -> Response[EventPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    type_: str | Unset = UNSET,
    resource_type: str | Unset = UNSET,
    resource_id: UUID | Unset = UNSET,
    created_since: datetime.datetime | Unset = UNSET,
    order: ListEventsOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[EventPage | Problem]:
    """The organization's events, newest first; with `order=asc` the change feed: every event once,
    in commit order. Keep the last `next_cursor` and ask again to get what happened since.
    Admins and owners (and their API keys).

    Args:
        type_ (str | Unset):
        resource_type (str | Unset):
        resource_id (UUID | Unset):
        created_since (datetime.datetime | Unset):
        order (ListEventsOrder | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | Problem]
    """

    kwargs = _get_kwargs(
        type_=type_,
        resource_type=resource_type,
        resource_id=resource_id,
        created_since=created_since,
        order=order,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    type_: str | Unset = UNSET,
    resource_type: str | Unset = UNSET,
    resource_id: UUID | Unset = UNSET,
    created_since: datetime.datetime | Unset = UNSET,
    order: ListEventsOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> EventPage | Problem | None:
    """The organization's events, newest first; with `order=asc` the change feed: every event once,
    in commit order. Keep the last `next_cursor` and ask again to get what happened since.
    Admins and owners (and their API keys).

    Args:
        type_ (str | Unset):
        resource_type (str | Unset):
        resource_id (UUID | Unset):
        created_since (datetime.datetime | Unset):
        order (ListEventsOrder | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | Problem
    """

    return sync_detailed(
        client=client,
        type_=type_,
        resource_type=resource_type,
        resource_id=resource_id,
        created_since=created_since,
        order=order,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    type_: str | Unset = UNSET,
    resource_type: str | Unset = UNSET,
    resource_id: UUID | Unset = UNSET,
    created_since: datetime.datetime | Unset = UNSET,
    order: ListEventsOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[EventPage | Problem]:
    """The organization's events, newest first; with `order=asc` the change feed: every event once,
    in commit order. Keep the last `next_cursor` and ask again to get what happened since.
    Admins and owners (and their API keys).

    Args:
        type_ (str | Unset):
        resource_type (str | Unset):
        resource_id (UUID | Unset):
        created_since (datetime.datetime | Unset):
        order (ListEventsOrder | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | Problem]
    """

    kwargs = _get_kwargs(
        type_=type_,
        resource_type=resource_type,
        resource_id=resource_id,
        created_since=created_since,
        order=order,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    type_: str | Unset = UNSET,
    resource_type: str | Unset = UNSET,
    resource_id: UUID | Unset = UNSET,
    created_since: datetime.datetime | Unset = UNSET,
    order: ListEventsOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> EventPage | Problem | None:
    """The organization's events, newest first; with `order=asc` the change feed: every event once,
    in commit order. Keep the last `next_cursor` and ask again to get what happened since.
    Admins and owners (and their API keys).

    Args:
        type_ (str | Unset):
        resource_type (str | Unset):
        resource_id (UUID | Unset):
        created_since (datetime.datetime | Unset):
        order (ListEventsOrder | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            type_=type_,
            resource_type=resource_type,
            resource_id=resource_id,
            created_since=created_since,
            order=order,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
