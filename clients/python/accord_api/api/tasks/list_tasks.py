import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_task_view import PageTaskView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    account_id: UUID | Unset = UNSET,
    owner_id: UUID | Unset = UNSET,
    assignee_id: UUID | Unset = UNSET,
    author_id: UUID | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    routed_to_team_id: UUID | Unset = UNSET,
    opportunity_id: UUID | Unset = UNSET,
    competitor_id: UUID | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    team_id: UUID | Unset = UNSET,
    status: str | Unset = UNSET,
    stage: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    priority: str | Unset = UNSET,
    influence: str | Unset = UNSET,
    metric: str | Unset = UNSET,
    q: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: str | Unset = UNSET,
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

    json_assignee_id: str | Unset = UNSET
    if not isinstance(assignee_id, Unset):
        json_assignee_id = str(assignee_id)
    params["assignee_id"] = json_assignee_id

    json_author_id: str | Unset = UNSET
    if not isinstance(author_id, Unset):
        json_author_id = str(author_id)
    params["author_id"] = json_author_id

    json_contact_id: str | Unset = UNSET
    if not isinstance(contact_id, Unset):
        json_contact_id = str(contact_id)
    params["contact_id"] = json_contact_id

    json_routed_to_team_id: str | Unset = UNSET
    if not isinstance(routed_to_team_id, Unset):
        json_routed_to_team_id = str(routed_to_team_id)
    params["routed_to_team_id"] = json_routed_to_team_id

    json_opportunity_id: str | Unset = UNSET
    if not isinstance(opportunity_id, Unset):
        json_opportunity_id = str(opportunity_id)
    params["opportunity_id"] = json_opportunity_id

    json_competitor_id: str | Unset = UNSET
    if not isinstance(competitor_id, Unset):
        json_competitor_id = str(competitor_id)
    params["competitor_id"] = json_competitor_id

    json_user_id: str | Unset = UNSET
    if not isinstance(user_id, Unset):
        json_user_id = str(user_id)
    params["user_id"] = json_user_id

    json_team_id: str | Unset = UNSET
    if not isinstance(team_id, Unset):
        json_team_id = str(team_id)
    params["team_id"] = json_team_id

    params["status"] = status

    params["stage"] = stage

    params["kind"] = kind

    params["priority"] = priority

    params["influence"] = influence

    params["metric"] = metric

    params["q"] = q

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params["sort"] = sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/tasks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageTaskView | Problem | None:
    if response.status_code == 200:
        response_200 = PageTaskView.from_dict(response.json())

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
) -> Response[PageTaskView | Problem]:
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
    assignee_id: UUID | Unset = UNSET,
    author_id: UUID | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    routed_to_team_id: UUID | Unset = UNSET,
    opportunity_id: UUID | Unset = UNSET,
    competitor_id: UUID | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    team_id: UUID | Unset = UNSET,
    status: str | Unset = UNSET,
    stage: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    priority: str | Unset = UNSET,
    influence: str | Unset = UNSET,
    metric: str | Unset = UNSET,
    q: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: str | Unset = UNSET,
) -> Response[PageTaskView | Problem]:
    """List tasks.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (UUID | Unset):
        owner_id (UUID | Unset):
        assignee_id (UUID | Unset):
        author_id (UUID | Unset):
        contact_id (UUID | Unset):
        routed_to_team_id (UUID | Unset):
        opportunity_id (UUID | Unset):
        competitor_id (UUID | Unset):
        user_id (UUID | Unset):
        team_id (UUID | Unset):
        status (str | Unset):
        stage (str | Unset):
        kind (str | Unset):
        priority (str | Unset):
        influence (str | Unset):
        metric (str | Unset):
        q (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        updated_since (datetime.datetime | Unset):
        sort (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTaskView | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        account_id=account_id,
        owner_id=owner_id,
        assignee_id=assignee_id,
        author_id=author_id,
        contact_id=contact_id,
        routed_to_team_id=routed_to_team_id,
        opportunity_id=opportunity_id,
        competitor_id=competitor_id,
        user_id=user_id,
        team_id=team_id,
        status=status,
        stage=stage,
        kind=kind,
        priority=priority,
        influence=influence,
        metric=metric,
        q=q,
        from_=from_,
        to=to,
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
    assignee_id: UUID | Unset = UNSET,
    author_id: UUID | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    routed_to_team_id: UUID | Unset = UNSET,
    opportunity_id: UUID | Unset = UNSET,
    competitor_id: UUID | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    team_id: UUID | Unset = UNSET,
    status: str | Unset = UNSET,
    stage: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    priority: str | Unset = UNSET,
    influence: str | Unset = UNSET,
    metric: str | Unset = UNSET,
    q: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: str | Unset = UNSET,
) -> PageTaskView | Problem | None:
    """List tasks.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (UUID | Unset):
        owner_id (UUID | Unset):
        assignee_id (UUID | Unset):
        author_id (UUID | Unset):
        contact_id (UUID | Unset):
        routed_to_team_id (UUID | Unset):
        opportunity_id (UUID | Unset):
        competitor_id (UUID | Unset):
        user_id (UUID | Unset):
        team_id (UUID | Unset):
        status (str | Unset):
        stage (str | Unset):
        kind (str | Unset):
        priority (str | Unset):
        influence (str | Unset):
        metric (str | Unset):
        q (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        updated_since (datetime.datetime | Unset):
        sort (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTaskView | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        account_id=account_id,
        owner_id=owner_id,
        assignee_id=assignee_id,
        author_id=author_id,
        contact_id=contact_id,
        routed_to_team_id=routed_to_team_id,
        opportunity_id=opportunity_id,
        competitor_id=competitor_id,
        user_id=user_id,
        team_id=team_id,
        status=status,
        stage=stage,
        kind=kind,
        priority=priority,
        influence=influence,
        metric=metric,
        q=q,
        from_=from_,
        to=to,
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
    assignee_id: UUID | Unset = UNSET,
    author_id: UUID | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    routed_to_team_id: UUID | Unset = UNSET,
    opportunity_id: UUID | Unset = UNSET,
    competitor_id: UUID | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    team_id: UUID | Unset = UNSET,
    status: str | Unset = UNSET,
    stage: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    priority: str | Unset = UNSET,
    influence: str | Unset = UNSET,
    metric: str | Unset = UNSET,
    q: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: str | Unset = UNSET,
) -> Response[PageTaskView | Problem]:
    """List tasks.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (UUID | Unset):
        owner_id (UUID | Unset):
        assignee_id (UUID | Unset):
        author_id (UUID | Unset):
        contact_id (UUID | Unset):
        routed_to_team_id (UUID | Unset):
        opportunity_id (UUID | Unset):
        competitor_id (UUID | Unset):
        user_id (UUID | Unset):
        team_id (UUID | Unset):
        status (str | Unset):
        stage (str | Unset):
        kind (str | Unset):
        priority (str | Unset):
        influence (str | Unset):
        metric (str | Unset):
        q (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        updated_since (datetime.datetime | Unset):
        sort (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTaskView | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        account_id=account_id,
        owner_id=owner_id,
        assignee_id=assignee_id,
        author_id=author_id,
        contact_id=contact_id,
        routed_to_team_id=routed_to_team_id,
        opportunity_id=opportunity_id,
        competitor_id=competitor_id,
        user_id=user_id,
        team_id=team_id,
        status=status,
        stage=stage,
        kind=kind,
        priority=priority,
        influence=influence,
        metric=metric,
        q=q,
        from_=from_,
        to=to,
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
    assignee_id: UUID | Unset = UNSET,
    author_id: UUID | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    routed_to_team_id: UUID | Unset = UNSET,
    opportunity_id: UUID | Unset = UNSET,
    competitor_id: UUID | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    team_id: UUID | Unset = UNSET,
    status: str | Unset = UNSET,
    stage: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    priority: str | Unset = UNSET,
    influence: str | Unset = UNSET,
    metric: str | Unset = UNSET,
    q: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    sort: str | Unset = UNSET,
) -> PageTaskView | Problem | None:
    """List tasks.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (UUID | Unset):
        owner_id (UUID | Unset):
        assignee_id (UUID | Unset):
        author_id (UUID | Unset):
        contact_id (UUID | Unset):
        routed_to_team_id (UUID | Unset):
        opportunity_id (UUID | Unset):
        competitor_id (UUID | Unset):
        user_id (UUID | Unset):
        team_id (UUID | Unset):
        status (str | Unset):
        stage (str | Unset):
        kind (str | Unset):
        priority (str | Unset):
        influence (str | Unset):
        metric (str | Unset):
        q (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        updated_since (datetime.datetime | Unset):
        sort (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTaskView | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            account_id=account_id,
            owner_id=owner_id,
            assignee_id=assignee_id,
            author_id=author_id,
            contact_id=contact_id,
            routed_to_team_id=routed_to_team_id,
            opportunity_id=opportunity_id,
            competitor_id=competitor_id,
            user_id=user_id,
            team_id=team_id,
            status=status,
            stage=stage,
            kind=kind,
            priority=priority,
            influence=influence,
            metric=metric,
            q=q,
            from_=from_,
            to=to,
            updated_since=updated_since,
            sort=sort,
        )
    ).parsed
