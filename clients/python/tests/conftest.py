"""Starts the real `accord` binary on a fresh SQLite database and a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[3]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    binary = os.environ.get("ACCORD_BIN", str(ROOT / "target" / "debug" / "accord"))
    with tempfile.TemporaryDirectory(prefix="accord-py-") as tmp:
        port = _free_port()
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite://{tmp}/accord.db",
            "ACCORD_ADDR": f"127.0.0.1:{port}",
            "ACCORD_RATE_LIMIT": "0",
            # The walk's webhook receiver listens on loopback.
            "ACCORD_WEBHOOK_ALLOW_PRIVATE": "true",
            "RUST_LOG": os.environ.get("RUST_LOG", "warn"),
        }
        server = subprocess.Popen([binary, "serve"], env=env)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                if server.poll() is not None:
                    raise RuntimeError(f"accord exited with {server.returncode}")
                try:
                    if httpx.get(f"{url}/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("accord did not become ready in 30 s")
                time.sleep(0.1)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)
