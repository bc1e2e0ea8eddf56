import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_accounts_health_grade import ListAccountsHealthGrade
from ...models.list_accounts_sort import ListAccountsSort
from ...models.list_accounts_status import ListAccountsStatus
from ...models.list_accounts_tier import ListAccountsTier
from ...models.page_account_view import PageAccountView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    q: str | Unset = UNSET,
    owner_id: UUID | Unset = UNSET,
    team_id: UUID | Unset = UNSET,
    status: ListAccountsStatus | Unset = UNSET,
    tier: ListAccountsTier | Unset = UNSET,
    is_customer: bool | Unset = UNSET,
    is_vendor: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    check_in_overdue: bool | Unset = UNSET,
    include_archived: bool | Unset = UNSET,
    health_grade: ListAccountsHealthGrade | Unset = UNSET,
    health_score_min: int | Unset = UNSET,
    health_score_max: int | Unset = UNSET,
    sort: ListAccountsSort | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["q"] = q

    json_owner_id: str | Unset = UNSET
    if not isinstance(owner_id, Unset):
        json_owner_id = str(owner_id)
    params["owner_id"] = json_owner_id

    json_team_id: str | Unset = UNSET
    if not isinstance(team_id, Unset):
        json_team_id = str(team_id)
    params["team_id"] = json_team_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_tier: str | Unset = UNSET
    if not isinstance(tier, Unset):
        json_tier = tier.value

    params["tier"] = json_tier

    params["is_customer"] = is_customer

    params["is_vendor"] = is_vendor

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params["check_in_overdue"] = check_in_overdue

    params["include_archived"] = include_archived

    json_health_grade: str | Unset = UNSET
    if not isinstance(health_grade, Unset):
        json_health_grade = health_grade.value

    params["health_grade"] = json_health_grade

    params["health_score_min"] = health_score_min

    params["health_score_max"] = health_score_max

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/accounts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageAccountView | Problem | None:
    if response.status_code == 200:
        response_200 = PageAccountView.from_dict(response.json())

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
) -> Response[PageAccountView | Problem]:
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
    q: str | Unset = UNSET,
    owner_id: UUID | Unset = UNSET,
    team_id: UUID | Unset = UNSET,
    status: ListAccountsStatus | Unset = UNSET,
    tier: ListAccountsTier | Unset = UNSET,
    is_customer: bool | Unset = UNSET,
    is_vendor: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    check_in_overdue: bool | Unset = UNSET,
    include_archived: bool | Unset = UNSET,
    health_grade: ListAccountsHealthGrade | Unset = UNSET,
    health_score_min: int | Unset = UNSET,
    health_score_max: int | Unset = UNSET,
    sort: ListAccountsSort | Unset = UNSET,
) -> Response[PageAccountView | Problem]:
    """List accounts.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        q (str | Unset):
        owner_id (UUID | Unset):
        team_id (UUID | Unset):
        status (ListAccountsStatus | Unset): `at_risk` is derived from open high and critical
            risks, never set by hand.
        tier (ListAccountsTier | Unset): How much the account matters; sets the default check-in
            cadence.
        is_customer (bool | Unset):
        is_vendor (bool | Unset):
        updated_since (datetime.datetime | Unset):
        check_in_overdue (bool | Unset):
        include_archived (bool | Unset):
        health_grade (ListAccountsHealthGrade | Unset):
        health_score_min (int | Unset):
        health_score_max (int | Unset):
        sort (ListAccountsSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAccountView | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        q=q,
        owner_id=owner_id,
        team_id=team_id,
        status=status,
        tier=tier,
        is_customer=is_customer,
        is_vendor=is_vendor,
        updated_since=updated_since,
        check_in_overdue=check_in_overdue,
        include_archived=include_archived,
        health_grade=health_grade,
        health_score_min=health_score_min,
        health_score_max=health_score_max,
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
    q: str | Unset = UNSET,
    owner_id: UUID | Unset = UNSET,
    team_id: UUID | Unset = UNSET,
    status: ListAccountsStatus | Unset = UNSET,
    tier: ListAccountsTier | Unset = UNSET,
    is_customer: bool | Unset = UNSET,
    is_vendor: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    check_in_overdue: bool | Unset = UNSET,
    include_archived: bool | Unset = UNSET,
    health_grade: ListAccountsHealthGrade | Unset = UNSET,
    health_score_min: int | Unset = UNSET,
    health_score_max: int | Unset = UNSET,
    sort: ListAccountsSort | Unset = UNSET,
) -> PageAccountView | Problem | None:
    """List accounts.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        q (str | Unset):
        owner_id (UUID | Unset):
        team_id (UUID | Unset):
        status (ListAccountsStatus | Unset): `at_risk` is derived from open high and critical
            risks, never set by hand.
        tier (ListAccountsTier | Unset): How much the account matters; sets the default check-in
            cadence.
        is_customer (bool | Unset):
        is_vendor (bool | Unset):
        updated_since (datetime.datetime | Unset):
        check_in_overdue (bool | Unset):
        include_archived (bool | Unset):
        health_grade (ListAccountsHealthGrade | Unset):
        health_score_min (int | Unset):
        health_score_max (int | Unset):
        sort (ListAccountsSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAccountView | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        q=q,
        owner_id=owner_id,
        team_id=team_id,
        status=status,
        tier=tier,
        is_customer=is_customer,
        is_vendor=is_vendor,
        updated_since=updated_since,
        check_in_overdue=check_in_overdue,
        include_archived=include_archived,
        health_grade=health_grade,
        health_score_min=health_score_min,
        health_score_max=health_score_max,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    q: str | Unset = UNSET,
    owner_id: UUID | Unset = UNSET,
    team_id: UUID | Unset = UNSET,
    status: ListAccountsStatus | Unset = UNSET,
    tier: ListAccountsTier | Unset = UNSET,
    is_customer: bool | Unset = UNSET,
    is_vendor: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    check_in_overdue: bool | Unset = UNSET,
    include_archived: bool | Unset = UNSET,
    health_grade: ListAccountsHealthGrade | Unset = UNSET,
    health_score_min: int | Unset = UNSET,
    health_score_max: int | Unset = UNSET,
    sort: ListAccountsSort | Unset = UNSET,
) -> Response[PageAccountView | Problem]:
    """List accounts.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        q (str | Unset):
        owner_id (UUID | Unset):
        team_id (UUID | Unset):
        status (ListAccountsStatus | Unset): `at_risk` is derived from open high and critical
            risks, never set by hand.
        tier (ListAccountsTier | Unset): How much the account matters; sets the default check-in
            cadence.
        is_customer (bool | Unset):
        is_vendor (bool | Unset):
        updated_since (datetime.datetime | Unset):
        check_in_overdue (bool | Unset):
        include_archived (bool | Unset):
        health_grade (ListAccountsHealthGrade | Unset):
        health_score_min (int | Unset):
        health_score_max (int | Unset):
        sort (ListAccountsSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAccountView | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        q=q,
        owner_id=owner_id,
        team_id=team_id,
        status=status,
        tier=tier,
        is_customer=is_customer,
        is_vendor=is_vendor,
        updated_since=updated_since,
        check_in_overdue=check_in_overdue,
        include_archived=include_archived,
        health_grade=health_grade,
        health_score_min=health_score_min,
        health_score_max=health_score_max,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    q: str | Unset = UNSET,
    owner_id: UUID | Unset = UNSET,
    team_id: UUID | Unset = UNSET,
    status: ListAccountsStatus | Unset = UNSET,
    tier: ListAccountsTier | Unset = UNSET,
    is_customer: bool | Unset = UNSET,
    is_vendor: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    check_in_overdue: bool | Unset = UNSET,
    include_archived: bool | Unset = UNSET,
    health_grade: ListAccountsHealthGrade | Unset = UNSET,
    health_score_min: int | Unset = UNSET,
    health_score_max: int | Unset = UNSET,
    sort: ListAccountsSort | Unset = UNSET,
) -> PageAccountView | Problem | None:
    """List accounts.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        q (str | Unset):
        owner_id (UUID | Unset):
        team_id (UUID | Unset):
        status (ListAccountsStatus | Unset): `at_risk` is derived from open high and critical
            risks, never set by hand.
        tier (ListAccountsTier | Unset): How much the account matters; sets the default check-in
            cadence.
        is_customer (bool | Unset):
        is_vendor (bool | Unset):
        updated_since (datetime.datetime | Unset):
        check_in_overdue (bool | Unset):
        include_archived (bool | Unset):
        health_grade (ListAccountsHealthGrade | Unset):
        health_score_min (int | Unset):
        health_score_max (int | Unset):
        sort (ListAccountsSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAccountView | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            q=q,
            owner_id=owner_id,
            team_id=team_id,
            status=status,
            tier=tier,
            is_customer=is_customer,
            is_vendor=is_vendor,
            updated_since=updated_since,
            check_in_overdue=check_in_overdue,
            include_archived=include_archived,
            health_grade=health_grade,
            health_score_min=health_score_min,
            health_score_max=health_score_max,
            sort=sort,
        )
    ).parsed
