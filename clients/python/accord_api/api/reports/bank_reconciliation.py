import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bank_reconciliation_statement import BankReconciliationStatement
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    bank_account_id: UUID,
    as_of: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_bank_account_id = str(bank_account_id)
    params["bank_account_id"] = json_bank_account_id

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/bank-reconciliation",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BankReconciliationStatement | Problem | None:
    if response.status_code == 200:
        response_200 = BankReconciliationStatement.from_dict(response.json())

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
) -> Response[BankReconciliationStatement | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    bank_account_id: UUID,
    as_of: datetime.date | Unset = UNSET,
) -> Response[BankReconciliationStatement | Problem]:
    """One bank account's reconciliation statement: the cash position with the bank lines and
    ledger lines behind its totals.

    Args:
        bank_account_id (UUID):
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BankReconciliationStatement | Problem]
    """

    kwargs = _get_kwargs(
        bank_account_id=bank_account_id,
        as_of=as_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    bank_account_id: UUID,
    as_of: datetime.date | Unset = UNSET,
) -> BankReconciliationStatement | Problem | None:
    """One bank account's reconciliation statement: the cash position with the bank lines and
    ledger lines behind its totals.

    Args:
        bank_account_id (UUID):
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BankReconciliationStatement | Problem
    """

    return sync_detailed(
        client=client,
        bank_account_id=bank_account_id,
        as_of=as_of,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    bank_account_id: UUID,
    as_of: datetime.date | Unset = UNSET,
) -> Response[BankReconciliationStatement | Problem]:
    """One bank account's reconciliation statement: the cash position with the bank lines and
    ledger lines behind its totals.

    Args:
        bank_account_id (UUID):
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BankReconciliationStatement | Problem]
    """

    kwargs = _get_kwargs(
        bank_account_id=bank_account_id,
        as_of=as_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    bank_account_id: UUID,
    as_of: datetime.date | Unset = UNSET,
) -> BankReconciliationStatement | Problem | None:
    """One bank account's reconciliation statement: the cash position with the bank lines and
    ledger lines behind its totals.

    Args:
        bank_account_id (UUID):
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BankReconciliationStatement | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            bank_account_id=bank_account_id,
            as_of=as_of,
        )
    ).parsed
