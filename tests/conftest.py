"""Shared helpers for the test suite."""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from followup_lint.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

# Tests must not depend on an installed trained model or the user's environment, nor fill the user's cache
# (tests create many rule directories, each with its own cache entry): one cache directory per test run.
os.environ.setdefault("FOLLOWUP_LINT_MODEL", "none")
os.environ["FOLLOWUP_LINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="followup-lint-test-cache-")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="followup-lint-test-config-")  # no user-level config
os.environ.pop("FOLLOWUP_LINT_LANGUAGETOOL", None)
os.environ.pop("NO_COLOR", None)
# No test may leave a resident process behind: the console script runs in its own process unless a test
# (tests/test_daemon.py) turns the resident process on with its own runtime directory and stops it.
os.environ["FOLLOWUP_LINT_DAEMON"] = "0"


LOOPBACK = ("127.", "::1", "localhost")


class NetworkBlockedError(OSError):
    """Raised when code under test tries to reach the network."""


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Block every connection except to loopback, for the whole suite: the linter must work offline."""
    attempts: list[object] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def allowed(address: object) -> bool:
        if isinstance(address, (str, bytes)):  # a Unix socket path
            return True
        host = address[0] if isinstance(address, tuple) else None
        return isinstance(host, str) and (host.startswith(LOOPBACK) or host == "")

    def connect(self: socket.socket, address: object) -> None:
        attempts.append(address)
        if not allowed(address):
            raise NetworkBlockedError(f"network access blocked in tests: {address!r}")
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: object) -> int:
        attempts.append(address)
        if not allowed(address):
            raise NetworkBlockedError(f"network access blocked in tests: {address!r}")
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", _guarded(socket.getaddrinfo))
    yield attempts


def _guarded(getaddrinfo: Callable[..., object]) -> Callable[..., object]:
    def lookup(host: object, *args: object, **kwargs: object) -> object:
        if isinstance(host, str) and not host.startswith(LOOPBACK) and host not in ("", "0.0.0.0"):
            raise NetworkBlockedError(f"DNS lookup blocked in tests: {host!r}")
        return getaddrinfo(host, *args, **kwargs)

    return lookup


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run the CLI in-process: returns (exit status, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        status = main(list(args))
        out, err = capsys.readouterr()
        return status, out, err

    return run
