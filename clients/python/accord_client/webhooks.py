"""Verifying Accord's webhook deliveries.

Accord signs every delivery per the Standard Webhooks specification, so the published
`standardwebhooks` library verifies it unchanged; `verify_webhook` calls that library and
returns the payload `{type, timestamp, data}` (`data` is the event as `GET /events` shows it,
without `type`).

    from accord_client import verify_webhook, WebhookVerificationError

    def receive(request):
        try:
            payload = verify_webhook(SECRET, request.body, request.headers)
        except WebhookVerificationError:
            return 400
        handle(payload["type"], payload["data"])
        return 204
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

__all__ = ["WebhookVerificationError", "verify_webhook"]


def verify_webhook(
    secret: str | list[str], body: bytes | str, headers: Mapping[str, str]
) -> dict[str, Any]:
    """The verified payload of one delivery, or `WebhookVerificationError`.

    `secret` is the endpoint's `whsec_...` secret; during a rotation pass both the new and the
    old one (a list): the delivery verifies when either signed it. The body must be the bytes
    as received, before any JSON parsing. Deliveries older or newer than five minutes are
    refused by the library, so a replayed request does not verify.
    """
    secrets = [secret] if isinstance(secret, str) else list(secret)
    if not secrets:
        raise ValueError("verify_webhook needs at least one secret")
    plain = {k: v for k, v in headers.items()}
    error: WebhookVerificationError | None = None
    for s in secrets:
        try:
            payload = Webhook(s).verify(body, plain)
        except WebhookVerificationError as e:
            error = e
            continue
        if not isinstance(payload, dict):
            raise WebhookVerificationError("payload is not a JSON object")
        return payload
    assert error is not None
    raise error
