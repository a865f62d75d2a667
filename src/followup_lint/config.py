"""Configuration: ``.followup-lint.toml`` or ``[tool.followup-lint]`` in ``pyproject.toml``, found upward.

Keys (all optional)::

    select = ["ALL"]            # rule ids, id prefixes or categories to run (default: the enabled rules)
    ignore = ["length"]         # ... to skip
    fail-on = "warning"         # lowest severity that makes the exit status 1
    rule-dirs = ["my-rules"]    # more rule files (relative to this file); a same-id rule replaces the built-in
    languagetool = "http://localhost:8081"  # optional LanguageTool server you run (see below)
    words = ["Kubernetes"]      # your personal word list
    word-list = "words.txt"     # ... or a file of it, one word a line

    [context]                   # the application the drafts belong to
    company = "Acme Corp"
    role = "Data Analyst"
    interviewers = ["Dana Lee"]
    channel = "email"

    [rules."length.words"]      # per rule (id, prefix or category): severity and options
    severity = "error"
    max = 250

A user-level config, ``$XDG_CONFIG_HOME/followup-lint/config.toml`` (else ``~/.config/followup-lint/config.toml``),
has the same keys and applies where no config is found upward from the draft.

Drafts leave the machine only when the user says so: a LanguageTool URL is honoured from ``--languagetool``,
from ``FOLLOWUP_LINT_LANGUAGETOOL``, or from the user-level config (which also applies under a project's
config). Any other config file (found in the draft's directory tree, which may come with a cloned
repository, or given with ``--config``) may only name a server on this machine (``localhost``,
``127.0.0.1``, ``::1``); another URL there is ignored with a one-line warning saying how to allow it.
"""

from __future__ import annotations

import ipaddress
import os
import stat
import sys
import tomllib
import urllib.parse
from dataclasses import replace
from pathlib import Path
from typing import Any

from .engine.errors import RuleError
from .engine.loader import context_from_mapping
from .engine.schema import Field, check_fields, string_list
from .model import Severity
from .settings import LANGUAGETOOL_ENV, Config, ConfigError

__all__ = ["CONFIG_NAMES", "Config", "ConfigError", "find_config", "load_config", "parse_config"]

CONFIG_NAMES = (".followup-lint.toml", "followup-lint.toml")


_FIELDS = {
    "select": Field((list, str)),
    "ignore": Field((list, str)),
    "fail-on": Field(str),
    "rule-dirs": Field((list, str)),
    "words": Field((list, str)),
    "word-list": Field(str),
    "context": Field(dict),
    "rules": Field(dict),
    "languagetool": Field(str),
}


def user_config_path() -> Path:
    """Where the user-level config lives (it need not exist)."""
    base = os.environ.get("XDG_CONFIG_HOME") or ""
    if not base.strip() or not os.path.isabs(base):  # the XDG spec says to ignore a relative path
        base = os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "followup-lint" / "config.toml"


def user_config() -> Config:
    """The user-level config, or the defaults when there is none; for drafts with no config of their own."""
    path = user_config_path()
    return load_config(path) if path.is_file() else Config()


def is_loopback(url: str) -> bool:
    """Whether ``url`` names a server on this machine (``localhost`` or a loopback address) over HTTP(S)."""
    url = url.strip()
    if "http" not in url:  # language-tool-python reads "localhost:8081" as http://localhost:8081
        url = "http://" + url
    try:
        parts = urllib.parse.urlsplit(url)
        host, _port = parts.hostname, parts.port
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


_WARNED: set[tuple[str, str]] = set()


def _backend_url(name: str, path: Path, url: str | None) -> str | None:
    """The LanguageTool URL a config file may name: any in the user-level config, only loopback elsewhere.

    A config that names none, or names a server elsewhere (ignored with a one-line warning), inherits the
    user-level config's URL.
    """
    user_path = user_config_path()
    if _same_file(path, user_path):
        return url
    if url and is_loopback(url):
        return url
    if url and (name, url) not in _WARNED:
        _WARNED.add((name, url))
        sys.stderr.write(
            f"followup-lint: warning: {name}: ignored languagetool = {url!r}: drafts are sent only to a server on "
            f"this machine unless you say otherwise; to use it, pass --languagetool {url}, set {LANGUAGETOOL_ENV}, "
            f"or put it in {user_path}\n"
        )
    if user_path.is_file():
        return load_config(user_path).languagetool
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def find_config(start: Path) -> Path | None:
    """The nearest config file in ``start`` or a parent directory."""
    start = start.resolve()
    for directory in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "followup-lint" in _read_toml(path).get("tool", {})
    except (OSError, ValueError, RecursionError):
        return False


#: A config file is a few settings: a larger one is refused before it is read.
MAX_CONFIG_BYTES = 1024 * 1024


def _read_toml(path: Path) -> dict[str, Any]:
    """A TOML file's data, read only if it is a regular file of at most ``MAX_CONFIG_BYTES`` (no FIFO can hang us).

    Raises ``OSError`` (with a reason in ``strerror``), ``tomllib.TOMLDecodeError`` or ``RecursionError``.
    """
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise OSError(0, "not a regular file")
    with path.open("rb") as handle:
        data = handle.read(MAX_CONFIG_BYTES + 1)
    if len(data) > MAX_CONFIG_BYTES:
        raise OSError(0, f"larger than {MAX_CONFIG_BYTES // 1024} KB")
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise tomllib.TOMLDecodeError(f"not UTF-8 ({exc.reason} at byte {exc.start})") from None


def load_config(path: Path) -> Config:
    """Parse and validate a config file; raise ``ConfigError`` naming the file and field."""
    name = str(path)
    try:
        data = _read_toml(path)
    except RecursionError:
        raise ConfigError(name, None, "nests tables or arrays too deeply") from None
    except FileNotFoundError:
        raise ConfigError(name, None, "config file not found") from None
    except OSError as exc:
        raise ConfigError(name, None, f"cannot read config file ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(name, None, f"invalid TOML: {exc}") from None
    prefix = ""
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("followup-lint", {})
        prefix = "tool.followup-lint."
    config = parse_config(name, data, path.parent, prefix)
    return replace(config, languagetool=_backend_url(name, path, config.languagetool))


def parse_config(name: str, data: dict[str, Any], base: Path, prefix: str = "") -> Config:
    try:
        check_fields(name, data, _FIELDS, prefix)
    except RuleError as exc:
        raise ConfigError(exc.path, exc.field, exc.problem) from None
    words = {w.lower() for w in string_list(name, prefix + "words", data.get("words", []))}
    if "word-list" in data:
        word_file = base / data["word-list"]
        try:
            words |= {
                line.strip().lower()
                for line in word_file.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")
            }
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(name, prefix + "word-list", f"cannot read {word_file} ({exc})") from None
    fail_on = Severity.WARNING
    if "fail-on" in data:
        try:
            fail_on = Severity.parse(data["fail-on"])
        except ValueError as exc:
            raise ConfigError(name, prefix + "fail-on", str(exc)) from None
    overrides = []
    for selector, settings in (data.get("rules") or {}).items():
        if not isinstance(settings, dict):
            raise ConfigError(name, f"{prefix}rules.{selector}", "must be a table of settings")
        overrides.append((selector, dict(settings)))
    try:
        context = context_from_mapping(name, data.get("context") or {}, prefix + "context.")
    except RuleError as exc:
        raise ConfigError(exc.path, exc.field, exc.problem) from None
    return Config(
        path=name,
        select=string_list(name, prefix + "select", data.get("select", [])),
        ignore=string_list(name, prefix + "ignore", data.get("ignore", [])),
        fail_on=fail_on,
        rule_dirs=tuple(base / d for d in string_list(name, prefix + "rule-dirs", data.get("rule-dirs", []))),
        words=frozenset(words),
        context=context,
        overrides=tuple(overrides),
        languagetool=data.get("languagetool"),
    )
