"""Shared helpers for the test suite."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from followup_lint.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

# Tests must not depend on an installed trained model or the user's environment.
os.environ.setdefault("FOLLOWUP_LINT_MODEL", "none")
os.environ.pop("NO_COLOR", None)


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run the CLI in-process: returns (exit status, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        status = main(list(args))
        out, err = capsys.readouterr()
        return status, out, err

    return run
