import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.retention_report import RetentionReport
from ...models.retention_report_group_by import RetentionReportGroupBy
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    group_by: RetentionReportGroupBy | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    json_group_by: str | Unset = UNSET
    if not isinstance(group_by, Unset):
        json_group_by = group_by.value

    params["group_by"] = json_group_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/retention",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RetentionReport | None:
    if response.status_code == 200:
        response_200 = RetentionReport.from_dict(response.json())

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
) -> Response[Problem | RetentionReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    group_by: RetentionReportGroupBy | Unset = UNSET,
) -> Response[Problem | RetentionReport]:
    """Logo and revenue retention over a period, in total and by owner, team or tier as of `from`.
    An account is active at a date when it is a customer, not churned, and was invoiced in the
    365 days ending on that date; revenue is invoiced revenue (subtotals without tax, base
    currency) net of credit notes over those 365 days.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        group_by (RetentionReportGroupBy | Unset): What a retention report groups its accounts by.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RetentionReport]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        group_by=group_by,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    group_by: RetentionReportGroupBy | Unset = UNSET,
) -> Problem | RetentionReport | None:
    """Logo and revenue retention over a period, in total and by owner, team or tier as of `from`.
    An account is active at a date when it is a customer, not churned, and was invoiced in the
    365 days ending on that date; revenue is invoiced revenue (subtotals without tax, base
    currency) net of credit notes over those 365 days.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        group_by (RetentionReportGroupBy | Unset): What a retention report groups its accounts by.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RetentionReport
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        group_by=group_by,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    group_by: RetentionReportGroupBy | Unset = UNSET,
) -> Response[Problem | RetentionReport]:
    """Logo and revenue retention over a period, in total and by owner, team or tier as of `from`.
    An account is active at a date when it is a customer, not churned, and was invoiced in the
    365 days ending on that date; revenue is invoiced revenue (subtotals without tax, base
    currency) net of credit notes over those 365 days.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        group_by (RetentionReportGroupBy | Unset): What a retention report groups its accounts by.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RetentionReport]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        group_by=group_by,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    group_by: RetentionReportGroupBy | Unset = UNSET,
) -> Problem | RetentionReport | None:
    """Logo and revenue retention over a period, in total and by owner, team or tier as of `from`.
    An account is active at a date when it is a customer, not churned, and was invoiced in the
    365 days ending on that date; revenue is invoiced revenue (subtotals without tax, base
    currency) net of credit notes over those 365 days.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        group_by (RetentionReportGroupBy | Unset): What a retention report groups its accounts by.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RetentionReport
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            group_by=group_by,
        )
    ).parsed
