"""Drafts stay on the machine unless the user says otherwise.

A LanguageTool URL counts when it comes from ``--languagetool``, ``FOLLOWUP_LINT_LANGUAGETOOL`` or the
user-level config. A config found in the draft's directory tree (it may come with a cloned repository) may
only name a server on this machine; any other URL there is ignored with a one-line warning. The socket layer
is stubbed (``no_network`` in conftest records every connection attempt, and ``lookups`` here records and
refuses every address lookup, which comes first), so a test fails if a connection is even attempted; the
tests where the user names a server show that the stub sees the attempt.
"""

from __future__ import annotations

import io
import json
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from followup_lint.config import LANGUAGETOOL_ENV, is_loopback, load_config, user_config_path
from followup_lint.lsp.settings import ConfigCache, Settings

from .test_languagetool import DRAFT, never_download, server  # noqa: F401 - fixtures

#: A documentation address (TEST-NET-3): it must never be contacted.
REMOTE = "http://203.0.113.9:8081"
REMOTE_NAME = "https://lt.example.com/"


@pytest.fixture
def lookups(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Every host name looked up, refused."""
    seen: list[object] = []

    def lookup(host: object, *args: object, **kwargs: object) -> object:
        seen.append(host)
        raise OSError(f"lookup of {host!r} refused in this test")

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    yield seen


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cloned repository of drafts, its own user-level config directory (empty), no URL in the environment."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv(LANGUAGETOOL_ENV, raising=False)
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "thanks.txt").write_text(DRAFT, encoding="utf-8")
    return repo


def _user_config(text: str) -> Path:
    path = user_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://localhost:8081", True),
        ("localhost:8081", True),
        ("http://127.0.0.1:8081/", True),
        ("http://127.8.9.10", True),
        ("https://[::1]:8010", True),
        (REMOTE, False),
        (REMOTE_NAME, False),
        ("http://localhost.example.com", False),
        ("http://localhost@lt.example.com", False),
        ("http://0.0.0.0:8081", False),
        ("ftp://localhost", False),
        ("http://localhost:99999", False),
    ],
)
def test_which_urls_are_on_this_machine(url: str, local: bool) -> None:
    assert is_loopback(url) is local


@pytest.mark.parametrize("url", [REMOTE, REMOTE_NAME])
def test_a_remote_url_in_a_discovered_config_is_ignored_and_nothing_connects(
    run_cli, drafts: Path, no_network: list[object], lookups: list[object], url: str
) -> None:
    (drafts / ".followup-lint.toml").write_text(f'languagetool = "{url}"\n', encoding="utf-8")
    status, out, err = run_cli(str(drafts / "thanks.txt"), "--format", "json")
    assert status == 1, err
    assert json.loads(out)["files"][0]["findings"]  # linted with the built-in checks
    warnings = err.splitlines()
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"followup-lint: warning: {drafts / '.followup-lint.toml'}: ignored languagetool")
    assert f"--languagetool {url}" in warnings[0] and LANGUAGETOOL_ENV in warnings[0]
    assert str(user_config_path()) in warnings[0]
    assert no_network == [] and lookups == []


def test_a_remote_url_in_pyproject_is_ignored_too(run_cli, drafts: Path, no_network: list[object]) -> None:
    (drafts / "pyproject.toml").write_text(f'[tool.followup-lint]\nlanguagetool = "{REMOTE}"\n', encoding="utf-8")
    status, _, err = run_cli(str(drafts / "thanks.txt"))
    assert status in (0, 1) and "ignored languagetool" in err
    assert no_network == []


def test_the_pre_send_hook_ignores_it_too(
    capsys, monkeypatch: pytest.MonkeyPatch, drafts: Path, no_network: list[object]
) -> None:
    from followup_lint.cli import main

    (drafts / ".followup-lint.toml").write_text(f'languagetool = "{REMOTE}"\n', encoding="utf-8")
    monkeypatch.chdir(drafts)
    message = b"Subject: Thank you\n\n" + DRAFT.encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(message)))
    status = main(["sendmail", "--fail-on", "error", "--", "true"])
    err = capsys.readouterr().err
    assert status == 0, err
    assert "ignored languagetool" in err
    assert no_network == []


def test_the_language_server_ignores_it_too(drafts: Path, capsys) -> None:
    (drafts / ".followup-lint.toml").write_text(f'languagetool = "{REMOTE}"\n', encoding="utf-8")
    config = ConfigCache().config_for(Settings(), drafts, drafts)
    assert config.languagetool is None
    assert "ignored languagetool" in capsys.readouterr().err


def test_a_loopback_url_in_a_discovered_config_is_used(run_cli, drafts: Path, server) -> None:  # noqa: F811
    url, requests = server
    (drafts / ".followup-lint.toml").write_text(f'languagetool = "{url}"\n', encoding="utf-8")
    status, _, err = run_cli(str(drafts / "thanks.txt"))
    assert status in (0, 1) and "warning" not in err
    assert [path for path, _ in requests][-1] == "/v2/check"  # the draft went to that server


@pytest.mark.parametrize("how", ["user-config", "environment", "command-line"])
def test_the_user_can_name_a_remote_server(
    run_cli, drafts: Path, monkeypatch: pytest.MonkeyPatch, lookups: list[object], how: str
) -> None:
    """Each way the user says so is honoured: the stub sees the connection attempt (and refuses it)."""
    url = {"user-config": "http://203.0.113.21:8081", "environment": "http://203.0.113.22:8081"}.get(
        how, "http://203.0.113.23:8081"
    )
    args = [str(drafts / "thanks.txt")]
    if how == "user-config":
        _user_config(f'languagetool = "{url}"\n')
        # ... also under a project config that names no server, or one elsewhere (which is ignored)
        (drafts / ".followup-lint.toml").write_text(f'languagetool = "{REMOTE}"\n', encoding="utf-8")
    elif how == "environment":
        monkeypatch.setenv(LANGUAGETOOL_ENV, url)
    else:
        args += ["--languagetool", url]
    status, _, err = run_cli(*args)
    assert status in (0, 1), err
    host = url.split("//")[1].split(":")[0]
    assert set(lookups) == {host}
    assert "ignored languagetool" not in err or how == "user-config"
    assert f"LanguageTool server {url}: could not connect" in err


def test_the_user_config_applies_where_no_project_config_is_found(run_cli, drafts: Path) -> None:
    _user_config('select = ["structure.greeting"]\n')
    # A letter without a greeting: a warning (a one-line note would be a chat message, and only a suggestion).
    letter = "Thank you for the tour.\n\nI enjoyed meeting the team.\n\nBest,\nSam\n"
    (drafts / "thanks.txt").write_text(letter, encoding="utf-8")
    status, out, _ = run_cli(str(drafts / "thanks.txt"), "--format", "line")
    assert status == 1
    assert {line.rsplit("[", 1)[1] for line in out.splitlines()} == {"structure.greeting]"}
    status, out, _ = run_cli(str(drafts / "thanks.txt"), "--format", "line", "--isolated")
    assert {line.rsplit("[", 1)[1] for line in out.splitlines()} != {"structure.greeting]"}


def test_load_config_keeps_the_user_configs_url(drafts: Path) -> None:
    path = _user_config(f'languagetool = "{REMOTE}"\n')
    assert load_config(path).languagetool == REMOTE


def test_a_remote_url_in_a_config_given_with_config_is_ignored_too(
    run_cli, drafts: Path, lookups: list[object], no_network: list[object]
) -> None:
    (drafts / "shared.toml").write_text(f'languagetool = "{REMOTE_NAME}"\n', encoding="utf-8")
    status, _, err = run_cli(str(drafts / "thanks.txt"), "--config", str(drafts / "shared.toml"))
    assert status == 1 and "shared.toml: ignored languagetool" in err
    assert lookups == [] and no_network == []
