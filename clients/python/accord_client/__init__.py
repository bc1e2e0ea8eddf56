"""Accord's Python SDK.

`accord_api` is generated from the OpenAPI spec (one module per operation under
`accord_api.api.<tag>`, attrs models under `accord_api.models`); this package adds what a
generator does not: authentication with refresh on 401, an Idempotency-Key on every POST,
typed errors, cursor pagination, and `verify_webhook` (the published `standardwebhooks`
library checking a delivery's signature).

    from accord_client import Accord
    from accord_api.api.accounts import list_accounts

    accord = Accord.login("http://127.0.0.1:8080", "olivia@acme.example", "correct horse battery staple")
    for account in accord.paginate(list_accounts, limit=100):
        print(account.name)
"""

from .sdk import Accord, AccordError, BearerAuth, new_idempotency_key
from .webhooks import WebhookVerificationError, verify_webhook

__all__ = [
    "Accord",
    "AccordError",
    "BearerAuth",
    "WebhookVerificationError",
    "new_idempotency_key",
    "verify_webhook",
]
