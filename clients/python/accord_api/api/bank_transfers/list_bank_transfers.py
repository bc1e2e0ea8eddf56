import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_bank_transfers_sort import ListBankTransfersSort
from ...models.page_bank_transfer_view import PageBankTransferView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    bank_account_id: UUID | Unset = UNSET,
    sort: ListBankTransfersSort | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_bank_account_id: str | Unset = UNSET
    if not isinstance(bank_account_id, Unset):
        json_bank_account_id = str(bank_account_id)
    params["bank_account_id"] = json_bank_account_id

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/bank-transfers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageBankTransferView | Problem | None:
    if response.status_code == 200:
        response_200 = PageBankTransferView.from_dict(response.json())

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
) -> Response[PageBankTransferView | Problem]:
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
    bank_account_id: UUID | Unset = UNSET,
    sort: ListBankTransfersSort | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> Response[PageBankTransferView | Problem]:
    """The transfers between your bank accounts.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        bank_account_id (UUID | Unset):
        sort (ListBankTransfersSort | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageBankTransferView | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        bank_account_id=bank_account_id,
        sort=sort,
        updated_since=updated_since,
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
    bank_account_id: UUID | Unset = UNSET,
    sort: ListBankTransfersSort | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> PageBankTransferView | Problem | None:
    """The transfers between your bank accounts.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        bank_account_id (UUID | Unset):
        sort (ListBankTransfersSort | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageBankTransferView | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        bank_account_id=bank_account_id,
        sort=sort,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    bank_account_id: UUID | Unset = UNSET,
    sort: ListBankTransfersSort | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> Response[PageBankTransferView | Problem]:
    """The transfers between your bank accounts.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        bank_account_id (UUID | Unset):
        sort (ListBankTransfersSort | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageBankTransferView | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        bank_account_id=bank_account_id,
        sort=sort,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    bank_account_id: UUID | Unset = UNSET,
    sort: ListBankTransfersSort | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> PageBankTransferView | Problem | None:
    """The transfers between your bank accounts.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        bank_account_id (UUID | Unset):
        sort (ListBankTransfersSort | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageBankTransferView | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            bank_account_id=bank_account_id,
            sort=sort,
            updated_since=updated_since,
        )
    ).parsed
