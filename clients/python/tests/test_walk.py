"""An account manager's and an accountant's day through accord_client, against the real server."""

from __future__ import annotations

import base64
import datetime
import http.server
import threading
import time
import uuid
from decimal import Decimal

import attrs
import httpx
import pytest
from accord_api.api.account_plans import (
    create_account_plan,
    create_plan_objective,
    create_plan_review,
)
from accord_api.api.agenda import my_agenda
from accord_api.api.accounts import create_account, get_account, list_accounts
from accord_api.api.api_keys import create_api_key
from accord_api.api.bank_accounts import create_bank_account
from accord_api.api.bank_transactions import (
    auto_reconcile,
    categorize_transaction,
    list_transactions,
    pay_from_transaction,
)
from accord_api.api.contacts import create_contact
from accord_api.api.identity import me
from accord_api.api.interactions import create_interaction
from accord_api.api.invoices import create_invoice, get_invoice, issue_invoice
from accord_api.api.ledger import (
    create_journal_entry,
    create_ledger_account,
    list_ledger_accounts,
)
from accord_api.api.reports import cash_position, trial_balance
from accord_api.api.risks import create_risk
from accord_api.api.users import create_user
from accord_api.api.webhooks import create_webhook, test_webhook
from accord_api.models import (
    AccountCreate,
    AccountStatus,
    AccountType,
    AllocationRequest,
    AutoReconcileRequest,
    BankAccountCreate,
    CategorizeCreate,
    ContactCreate,
    CreateApiKeyRequest,
    CreateJournalEntryRequest,
    CreateLedgerAccountRequest,
    CreateUserRequest,
    CreateWebhookRequest,
    DocumentCreate,
    DocumentLineRequest,
    DocumentPatch,
    EmptyRequest,
    InteractionCreate,
    JournalLineRequest,
    ObjectiveCreate,
    PlanCreate,
    ReviewCreate,
    ListAccountsSort,
    ListTransactionsStatus,
    PaymentFromLineCreate,
    RiskCreate,
    SignupRequest,
    Tier,
)
from accord_client import Accord, AccordError, WebhookVerificationError, verify_webhook
from standardwebhooks.webhooks import Webhook

STAMP = uuid.uuid4().hex[:8]


@pytest.fixture(scope="module")
def org(base_url: str) -> dict:
    owner, answer = Accord.signup(
        base_url,
        SignupRequest(
            organization_name="Acme Ltd",
            name="Olivia Owner",
            email=f"olivia+{STAMP}@acme.example",
            password="correct horse battery staple",
            base_currency="USD",
        ),
    )
    assert answer.user.role == "owner"
    owner.call(
        create_user,
        body=CreateUserRequest.from_dict(
            {
                "name": "Kim Kam",
                "email": f"kim+{STAMP}@acme.example",
                "password": "a long password 1",
                "role": "account_manager",
                "title": "key_account_manager",
            }
        ),
    )
    owner.call(
        create_user,
        body=CreateUserRequest.from_dict(
            {
                "name": "Ada Books",
                "email": f"ada+{STAMP}@acme.example",
                "password": "a long password 2",
                "role": "accountant",
            }
        ),
    )
    manager = Accord.login(base_url, f"kim+{STAMP}@acme.example", "a long password 1")
    accountant = Accord.login(
        base_url, f"ada+{STAMP}@acme.example", "a long password 2"
    )
    return {
        "base_url": base_url,
        "owner": owner,
        "manager": manager,
        "accountant": accountant,
    }


def test_create_types_mark_required_fields() -> None:
    # The spec lists what a create needs, so the generated model requires it.
    assert attrs.fields(AccountCreate).name.default is attrs.NOTHING
    assert attrs.fields(AccountCreate).tier.default is not attrs.NOTHING
    with pytest.raises(TypeError):
        AccountCreate()  # type: ignore[call-arg]
    # An invoice (any document) needs its account and lines; the issue date defaults.
    assert attrs.fields(DocumentCreate).account_id.default is attrs.NOTHING
    assert attrs.fields(DocumentCreate).lines.default is attrs.NOTHING
    assert attrs.fields(DocumentCreate).issue_date.default is not attrs.NOTHING
    assert attrs.fields(DocumentLineRequest).unit_price.default is attrs.NOTHING
    with pytest.raises(TypeError):
        DocumentCreate(account_id=uuid.uuid4())  # type: ignore[call-arg]
    assert all(f.default is not attrs.NOTHING for f in attrs.fields(DocumentPatch))


def test_signup_and_me(org: dict) -> None:
    who = org["owner"].call(me)
    assert who.principal == "user"
    assert who.organization.name == "Acme Ltd"
    assert org["manager"].call(me).role == "account_manager"


def test_account_managers_day(org: dict) -> None:
    manager: Accord = org["manager"]
    account = manager.call(
        create_account,
        body=AccountCreate(
            name="Globex Corporation",
            tier=Tier.KEY,
            status=AccountStatus.ACTIVE,
            is_customer=True,
            currency="USD",
        ),
    )
    assert account.is_customer is True
    contact = manager.call(
        create_contact,
        body=ContactCreate.from_dict(
            {
                "account_id": str(account.id),
                "name": "Hank Scorpio",
                "title": "CEO",
                "seniority": "c_level",
                "is_decision_maker": True,
                "influence": "economic_buyer",
            }
        ),
    )
    interaction = manager.call(
        create_interaction,
        body=InteractionCreate.from_dict(
            {
                "account_id": str(account.id),
                "contact_ids": [str(contact.id)],
                "kind": "check_in",
                "direction": "outbound",
                "occurred_at": "2026-11-20T10:00:00Z",
                "subject": "Quarterly check-in",
                "sentiment": 2,
                "follow_up_on": "2026-11-27",
            }
        ),
    )
    assert interaction.contact_ids == [contact.id]
    risk = manager.call(
        create_risk,
        body=RiskCreate.from_dict(
            {
                "account_id": str(account.id),
                "kind": "churn_risk",
                "severity": "high",
                "description": "Budget cuts",
            }
        ),
    )
    assert risk.status == "open"
    assert manager.call(get_account, id=account.id).status == "at_risk"

    # The account plan, co-created with the client, reviewed, and on the manager's agenda.
    today = datetime.date.today()
    plan = manager.call(
        create_account_plan,
        body=PlanCreate.from_dict(
            {
                "account_id": str(account.id),
                "title": "Globex FY plan",
                "period_start": today.isoformat(),
                "period_end": (today + datetime.timedelta(days=364)).isoformat(),
                "status": "active",
                "value_for_client": "fewer plant stoppages",
                "value_for_us": "EU expansion revenue",
            }
        ),
    )
    objective = manager.call(
        create_plan_objective,
        id=plan.id,
        body=ObjectiveCreate.from_dict(
            {
                "title": "Grow EU revenue",
                "kind": "revenue",
                "baseline": "100000",
                "target": "250000",
                "current": "100000",
                "unit": "USD",
                "status": "on_track",
                "co_created_with_contact_ids": [str(contact.id)],
            }
        ),
    )
    review_on = today + datetime.timedelta(days=3)
    manager.call(
        create_plan_review,
        id=plan.id,
        body=ReviewCreate.from_dict(
            {
                "held_on": today.isoformat(),
                "attendee_contact_ids": [str(contact.id)],
                "summary": "First review",
                "objective_updates": [
                    {"objective_id": str(objective.id), "current": "140000", "status": "at_risk"}
                ],
                "next_review_on": review_on.isoformat(),
            }
        ),
    )
    agenda = manager.call(my_agenda, date=review_on)
    assert any(
        i.kind == "plan_review" and i.resource.id == plan.id for i in agenda.items
    ), agenda


def test_accountants_day(org: dict) -> None:
    accountant: Accord = org["accountant"]
    chart = {a.code: a for a in accountant.paginate(list_ledger_accounts, limit=200)}
    entry = accountant.call(
        create_journal_entry,
        body=CreateJournalEntryRequest(
            date=datetime.date(2026, 3, 1),
            description="Cash sale",
            lines=[
                JournalLineRequest(ledger_account_id=chart["1000"].id, debit="1250.00"),
                JournalLineRequest(
                    ledger_account_id=chart["4000"].id, credit="1250.00"
                ),
            ],
        ),
    )
    assert len(entry.lines) == 2
    tb = accountant.call(trial_balance, as_of=datetime.date(2026, 3, 31))
    assert tb.totals.debit == tb.totals.credit
    assert next(r for r in tb.rows if r.code == "1000").debit == "1250.00"


def test_paginate_walks_every_page(org: dict) -> None:
    manager: Accord = org["manager"]
    for name in ["Initech", "Umbrella", "Hooli"]:
        manager.call(create_account, body=AccountCreate(name=name, is_customer=True))
    requests: list[httpx.Request] = []
    counting = Accord(
        org["base_url"],
        manager.token,
        httpx_args={"event_hooks": {"request": [requests.append]}},
    )
    names = [
        a.name
        for a in counting.paginate(list_accounts, limit=1, sort=ListAccountsSort.NAME)
    ]
    assert names == ["Globex Corporation", "Hooli", "Initech", "Umbrella"]
    assert len(requests) >= 4


def test_validation_error_is_typed_and_names_the_field(org: dict) -> None:
    with pytest.raises(AccordError) as caught:
        org["owner"].call(
            create_user,
            body=CreateUserRequest.from_dict(
                {
                    "name": "X",
                    "email": "not-an-email",
                    "password": "a long password 3",
                    "role": "viewer",
                }
            ),
        )
    err = caught.value
    assert err.status == 422
    assert err.code == "validation_failed"
    field = err.field("email")
    assert field is not None and field.code == "email"


def test_replayed_post_answers_the_first_response(org: dict) -> None:
    manager: Accord = org["manager"]
    key = f"replay-{STAMP}"
    body = AccountCreate(name="Soylent Corp", is_customer=True)
    first = manager.call_detailed(create_account, body=body, idempotency_key=key)
    second = manager.call_detailed(create_account, body=body, idempotency_key=key)
    assert first.status_code == 201 and second.status_code == 201
    assert second.headers.get("idempotent-replayed") == "true"
    assert second.parsed.id == first.parsed.id


def test_posts_get_an_idempotency_key(org: dict) -> None:
    seen: list[str | None] = []
    spying = Accord(
        org["base_url"],
        org["manager"].token,
        httpx_args={
            "event_hooks": {
                "request": [lambda r: seen.append(r.headers.get("idempotency-key"))]
            }
        },
    )
    spying.call(create_account, body=AccountCreate(name="Wayne Enterprises"))
    assert seen and seen[0] is not None and len(seen[0]) == 36


def test_bad_access_token_is_refreshed_once(org: dict) -> None:
    fresh = Accord.login(
        org["base_url"], f"kim+{STAMP}@acme.example", "a long password 1"
    )
    rotated: list[str] = []
    client = Accord(
        org["base_url"],
        "not-a-valid-token",
        fresh.refresh_token,
        on_tokens=lambda access, refresh: rotated.append(access),
    )
    assert client.call(me).role == "account_manager"
    assert rotated


def test_api_key_authenticates(org: dict) -> None:
    created = org["owner"].call(
        create_api_key,
        body=CreateApiKeyRequest.from_dict({"name": "CRM sync", "role": "viewer"}),
    )
    by_key = Accord(org["base_url"], created.key)
    who = by_key.call(me)
    assert who.principal == "api_key"
    assert who.role == "viewer"


async def _collect(accord: Accord) -> list[str]:
    return [a.name async for a in accord.apaginate(list_accounts, limit=2)]


def test_async_pagination(org: dict) -> None:
    import asyncio

    names = asyncio.run(_collect(org["manager"]))
    assert len(names) >= 4


class _Receiver:
    """An HTTP endpoint on loopback that keeps every request it gets."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                with receiver.lock:
                    receiver.received.append((dict(self.headers.items()), body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/accord"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait_for(
        self, event_types: set[str], secret: str, resource_id: str | None = None
    ) -> list[dict]:
        """The verified payloads, once every type in `event_types` has arrived, and an event
        about `resource_id` when one is named (20 s at most). Events committed just before the
        webhook was saved may reach it too."""
        deadline = time.monotonic() + 20
        while True:
            with self.lock:
                got = list(self.received)
            payloads = [verify_webhook(secret, body, headers) for headers, body in got]
            ours = resource_id is None or any(
                p["data"].get("resource", {}).get("id") == resource_id for p in payloads
            )
            if event_types <= {p["type"] for p in payloads} and ours:
                return payloads
            if time.monotonic() > deadline:
                raise AssertionError(f"waited for {event_types}, got {payloads}")
            time.sleep(0.1)


def test_webhook_deliveries_verify_with_standardwebhooks(org: dict) -> None:
    owner: Accord = org["owner"]
    receiver = _Receiver()
    try:
        hook = owner.call(
            create_webhook,
            body=CreateWebhookRequest(url=receiver.url, events=["account.*"]),
        )
        secret = hook.secret
        assert secret.startswith("whsec_")
        owner.call(test_webhook, id=hook.id, body=EmptyRequest())
        account = owner.call(create_account, body=AccountCreate(name=f"Hooked {STAMP}"))

        payloads = receiver.wait_for(
            {"webhook.test", "account.created"}, secret, str(account.id)
        )

        created = next(
            p
            for p in payloads
            if p["type"] == "account.created"
            and p["data"]["resource"]["id"] == str(account.id)
        )
        assert created["data"]["resource"] == {"type": "account", "id": str(account.id)}
        assert created["data"]["object"]["name"] == f"Hooked {STAMP}"
        # The published library alone verifies the same delivery; a changed body does not.
        headers, body = receiver.received[0]
        assert Webhook(secret).verify(body, headers)["type"] in {
            "webhook.test",
            "account.created",
        }
        with pytest.raises(WebhookVerificationError):
            verify_webhook(secret, body.replace(b'"type"', b'"tipe"'), headers)
        with pytest.raises(WebhookVerificationError):
            verify_webhook(
                "whsec_" + base64.b64encode(b"x" * 32).decode(), body, headers
            )
    finally:
        receiver.server.shutdown()


def test_invoice_drafted_and_issued_without_a_body(org: dict) -> None:
    # Last: its customer would otherwise show in the account lists the tests above count.
    owner: Accord = org["owner"]
    customer = owner.call(
        create_account, body=AccountCreate(name=f"Invoiced {STAMP}", is_customer=True)
    )
    draft = owner.call(
        create_invoice,
        body=DocumentCreate(
            account_id=customer.id,
            lines=[DocumentLineRequest(unit_price="100.00", description="Consulting")],
        ),
    )
    assert draft.status == "draft"
    # The action's body is optional: no argument for it.
    issued = owner.call(issue_invoice, id=draft.id)
    assert issued.status == "open"
    assert issued.number


def _camt(iban: str, entries: list[tuple[str, str, str, str]]) -> str:
    """A camt.053.001.02 statement for March 2026, opening at 0.00: one `Ntry` per
    (signed amount, booking date, bank reference, remittance information)."""
    closing = sum((Decimal(amount) for amount, _, _, _ in entries), Decimal("0.00"))

    def bal(code: str, amount: Decimal, day: str) -> str:
        ind = "DBIT" if amount < 0 else "CRDT"
        return (
            f"<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp>"
            f'<Amt Ccy="USD">{abs(amount)}</Amt><CdtDbtInd>{ind}</CdtDbtInd>'
            f"<Dt><Dt>{day}</Dt></Dt></Bal>"
        )

    ntry = "".join(
        f'<Ntry><Amt Ccy="USD">{amount.lstrip("-")}</Amt>'
        f"<CdtDbtInd>{'DBIT' if amount.startswith('-') else 'CRDT'}</CdtDbtInd>"
        f"<Sts>BOOK</Sts><BookgDt><Dt>{day}</Dt></BookgDt><ValDt><Dt>{day}</Dt></ValDt>"
        f"<AcctSvcrRef>{reference}</AcctSvcrRef>"
        f"<NtryDtls><TxDtls><RmtInf><Ustrd>{info}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>"
        for amount, day, reference, info in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>'
        f"<GrpHdr><MsgId>MSG-{STAMP}</MsgId><CreDtTm>2026-04-01T08:00:00+00:00</CreDtTm></GrpHdr>"
        f"<Stmt><Id>STMT-{STAMP}</Id><CreDtTm>2026-04-01T08:00:00+00:00</CreDtTm>"
        f"<Acct><Id><IBAN>{iban}</IBAN></Id><Ccy>USD</Ccy></Acct>"
        f"{bal('OPBD', Decimal('0.00'), '2026-03-01')}{bal('CLBD', closing, '2026-03-31')}"
        f"{ntry}</Stmt></BkToCstmrStmt></Document>"
    )


def test_accountants_month_end(org: dict) -> None:
    # After the tests that count accounts: its customer would show in their lists.
    accountant: Accord = org["accountant"]
    customer = org["manager"].call(
        create_account,
        body=AccountCreate(name=f"Month-end customer {STAMP}", is_customer=True),
    )
    bank = accountant.call(
        create_bank_account,
        body=BankAccountCreate(
            name=f"Operating {STAMP}", currency="USD", iban="GB33BUKB20201555555555"
        ),
    )
    fees = accountant.call(
        create_ledger_account,
        body=CreateLedgerAccountRequest(
            code="6973", name=f"Bank fees {STAMP}", type_=AccountType.EXPENSE
        ),
    )
    draft = accountant.call(
        create_invoice,
        body=DocumentCreate(
            account_id=customer.id,
            issue_date=datetime.date(2026, 3, 2),
            lines=[DocumentLineRequest(unit_price="100.00", description="Consulting")],
        ),
    )
    invoice = accountant.call(issue_invoice, id=draft.id)
    assert invoice.status == "open" and invoice.number

    # The statement import takes the file itself as the body: not a generated operation.
    statement = _camt(
        "GB33BUKB20201555555555",
        [
            (
                "100.00",
                "2026-03-10",
                f"IN-{STAMP}",
                f"Payment of invoice {invoice.number}",
            ),
            ("-2.50", "2026-03-31", f"FEE-{STAMP}", "Account maintenance fee"),
        ],
    )
    imported = accountant.raw().post(
        f"/api/v1/bank-accounts/{bank.id}/statements",
        content=statement.encode(),
        headers={"content-type": "application/xml"},
    )
    assert imported.status_code == 201, imported.text
    assert imported.json()["imported"] == 2

    dry = accountant.call(
        auto_reconcile,
        id=bank.id,
        body=AutoReconcileRequest(dry_run=True, date_window_days=7),
    )
    assert dry.dry_run is True
    assert isinstance(dry.matched, list)
    assert isinstance(dry.unmatched, int)

    listed = list(
        accountant.paginate(
            list_transactions, id=bank.id, status=ListTransactionsStatus.UNRECONCILED
        )
    )
    lines = {t.amount: t.id for t in listed}
    assert set(lines) == {"100.00", "-2.50"}
    # The file's transaction details come typed: one remittance each.
    assert all(len(t.details) == 1 for t in listed)
    paid = accountant.call(
        pay_from_transaction,
        id=lines["100.00"],
        body=PaymentFromLineCreate(
            account_id=customer.id,
            allocations=[AllocationRequest(invoice_id=invoice.id, amount="100.00")],
        ),
    )
    assert paid.kind == "payment" and paid.payment_id
    assert accountant.call(get_invoice, id=invoice.id).status == "paid"
    fee = accountant.call(
        categorize_transaction,
        id=lines["-2.50"],
        body=CategorizeCreate(ledger_account_id=fees.id, description="Bank fee"),
    )
    assert fee.kind == "categorize" and fee.journal_entry_id

    position = accountant.call(cash_position, as_of=datetime.date(2026, 3, 31))
    row = next(r for r in position.accounts if r.bank_account_id == bank.id)
    assert Decimal(row.statement_balance) == Decimal("97.50")
    assert row.unexplained_difference == "0.00"
    assert Decimal(row.unreconciled_bank_total) == 0
