"""Auth, idempotency keys, typed errors and pagination over the generated `accord_api`."""

from __future__ import annotations

import threading
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import Any, Protocol, TypeVar

import httpx

from accord_api import Client
from accord_api.api.auth import signup as signup_op
from accord_api.api.auth import token as token_op
from accord_api.models import FieldError, Problem, SignupRequest, SignupResponse, TokenRequest
from accord_api.types import UNSET, Response, Unset

T = TypeVar("T")


def new_idempotency_key() -> str:
    """A new random idempotency key."""
    return str(uuid.uuid4())


class AccordError(Exception):
    """The API refused a request; `problem` is its RFC 9457 problem document."""

    def __init__(self, status: int, problem: Problem | None, body: bytes = b"") -> None:
        self.status = status
        self.problem = problem
        self.code = problem.code if problem else "http_error"
        detail = problem.detail if problem else body[:200].decode("utf-8", "replace")
        super().__init__(f"{status} {self.code}: {detail}")

    @property
    def errors(self) -> list[FieldError]:
        """Every offending field, as the API listed them."""
        return list(self.problem.errors) if self.problem else []

    def field(self, name: str) -> FieldError | None:
        """The error about one field (e.g. "email", "lines[1].debit"), if any."""
        return next((e for e in self.errors if e.field == name), None)


class BearerAuth(httpx.Auth):
    """httpx auth flow: bearer token (JWT or API key), an Idempotency-Key on POSTs that have
    none, and on a 401 one refresh through /api/v1/auth/refresh and one retry."""

    requires_response_body = True

    def __init__(
        self,
        token: str | None = None,
        refresh_token: str | None = None,
        on_tokens: Callable[[str, str], None] | None = None,
        idempotency_keys: bool = True,
    ) -> None:
        self.token = token
        self.refresh_token = refresh_token
        self.on_tokens = on_tokens
        self.idempotency_keys = idempotency_keys
        self._lock = threading.Lock()

    def auth_flow(self, request: httpx.Request) -> Any:
        is_auth = request.url.path.startswith("/api/v1/auth/")
        if self.token and "authorization" not in request.headers:
            request.headers["Authorization"] = f"Bearer {self.token}"
        if (
            request.method == "POST"
            and not is_auth
            and self.idempotency_keys
            and "idempotency-key" not in request.headers
        ):
            request.headers["Idempotency-Key"] = new_idempotency_key()
        response = yield request
        if response.status_code != 401 or is_auth or not self.refresh_token:
            return
        used = request.headers.get("authorization")
        with self._lock:
            # Another request may have refreshed meanwhile: only refresh a token still in use.
            if used == f"Bearer {self.token}":
                refreshed = yield httpx.Request(
                    "POST",
                    request.url.copy_with(path="/api/v1/auth/refresh", query=None),
                    json={"refresh_token": self.refresh_token},
                )
                if refreshed.status_code != 200:
                    return
                tokens = refreshed.json()
                self.token = tokens["access_token"]
                self.refresh_token = tokens["refresh_token"]
                if self.on_tokens:
                    self.on_tokens(self.token, self.refresh_token)
        # The retry keeps the idempotency key: a POST that did land is not repeated.
        request.headers["Authorization"] = f"Bearer {self.token}"
        yield request


class _Endpoint(Protocol):
    """A generated operation module (e.g. `accord_api.api.accounts.create_account`)."""

    def sync_detailed(self, *, client: Any, **kwargs: Any) -> Response[Any]: ...

    async def asyncio_detailed(self, *, client: Any, **kwargs: Any) -> Response[Any]: ...


def _check(response: Response[Any]) -> Any:
    if 200 <= int(response.status_code) < 300:
        return response.parsed
    problem = response.parsed if isinstance(response.parsed, Problem) else None
    raise AccordError(int(response.status_code), problem, response.content)


def _page_parts(page: Any) -> tuple[list[Any], str | None]:
    cursor = page.next_cursor
    return list(page.data), (cursor if isinstance(cursor, str) and cursor else None)


class Accord:
    """A client with credentials: `call` runs a generated operation and returns its parsed
    answer or raises `AccordError`; `paginate` walks a list."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        refresh_token: str | None = None,
        *,
        on_tokens: Callable[[str, str], None] | None = None,
        idempotency_keys: bool = True,
        timeout: float = 30.0,
        httpx_args: Mapping[str, Any] | None = None,
    ) -> None:
        self.auth = BearerAuth(token, refresh_token, on_tokens, idempotency_keys)
        self.client = Client(
            base_url=base_url.rstrip("/"),
            timeout=httpx.Timeout(timeout),
            httpx_args={**(httpx_args or {}), "auth": self.auth},
        )

    @classmethod
    def login(cls, base_url: str, email: str, password: str, **options: Any) -> Accord:
        """Logs in with email and password; the client refreshes its token by itself."""
        anonymous = cls(base_url, **options)
        tokens = anonymous.call(token_op, body=TokenRequest(email=email, password=password))
        return cls(base_url, tokens.access_token, tokens.refresh_token, **options)

    @classmethod
    def signup(
        cls, base_url: str, body: SignupRequest, **options: Any
    ) -> tuple[Accord, SignupResponse]:
        """Creates an organization and its owner; returns a logged-in client and the answer."""
        anonymous = cls(base_url, **options)
        answer: SignupResponse = anonymous.call(signup_op, body=body)
        return cls(base_url, answer.access_token, answer.refresh_token, **options), answer

    @property
    def token(self) -> str | None:
        return self.auth.token

    @property
    def refresh_token(self) -> str | None:
        return self.auth.refresh_token

    def call(self, endpoint: _Endpoint, **kwargs: Any) -> Any:
        """Runs `endpoint.sync_detailed(client=..., **kwargs)`; raises `AccordError` on 4xx/5xx."""
        return _check(endpoint.sync_detailed(client=self.client, **kwargs))

    def call_detailed(self, endpoint: _Endpoint, **kwargs: Any) -> Response[Any]:
        """Like `call`, but returns the whole response (status, headers, parsed body)."""
        response = endpoint.sync_detailed(client=self.client, **kwargs)
        _check(response)
        return response

    async def acall(self, endpoint: _Endpoint, **kwargs: Any) -> Any:
        """The async form of `call`."""
        return _check(await endpoint.asyncio_detailed(client=self.client, **kwargs))

    def paginate(self, endpoint: _Endpoint, **kwargs: Any) -> Iterator[Any]:
        """Every item of a list operation, page after page (`limit` sets the page size)."""
        cursor: str | Unset = UNSET
        while True:
            page = self.call(endpoint, cursor=cursor, **kwargs)
            items, next_cursor = _page_parts(page)
            yield from items
            if next_cursor is None:
                return
            cursor = next_cursor

    async def apaginate(self, endpoint: _Endpoint, **kwargs: Any) -> AsyncIterator[Any]:
        """The async form of `paginate`."""
        cursor: str | Unset = UNSET
        while True:
            page = await self.acall(endpoint, cursor=cursor, **kwargs)
            items, next_cursor = _page_parts(page)
            for item in items:
                yield item
            if next_cursor is None:
                return
            cursor = next_cursor

    def raw(self) -> httpx.Client:
        """The authenticated httpx client, for operations outside the generated ones (CSV import)."""
        return self.client.get_httpx_client()

    def close(self) -> None:
        self.raw().close()

    def __enter__(self) -> Accord:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
