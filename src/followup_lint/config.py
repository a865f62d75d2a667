"""Configuration: ``.followup-lint.toml`` or ``[tool.followup-lint]`` in ``pyproject.toml``, found upward.

Keys (all optional)::

    select = ["ALL"]            # rule ids, id prefixes or categories to run (default: the enabled rules)
    ignore = ["length"]         # ... to skip
    fail-on = "warning"         # lowest severity that makes the exit status 1
    rule-dirs = ["my-rules"]    # more rule files (relative to this file); a same-id rule replaces the built-in
    languagetool = "http://localhost:8081"  # optional LanguageTool server you run
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
"""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .engine.errors import RuleError
from .engine.loader import context_from_mapping
from .engine.schema import Field, check_fields, string_list
from .model import Context, Severity

CONFIG_NAMES = (".followup-lint.toml", "followup-lint.toml")


class ConfigError(RuleError):
    """A configuration file (or command-line setting) is invalid."""


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


@dataclass(frozen=True)
class Config:
    """Settings for a lint run. Build one with ``Config()``, ``load_config`` or ``find_config``."""

    path: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    rule_dirs: tuple[Path, ...] = ()
    words: frozenset[str] = frozenset()
    context: Context = field(default_factory=Context)
    #: URL of a LanguageTool server the user runs (optional backend; never contacted unless set).
    languagetool: str | None = None
    #: ``(selector, settings)`` pairs from ``[rules.*]`` tables: severity and option values.
    overrides: tuple[tuple[str, dict[str, Any]], ...] = ()

    def with_cli(
        self,
        *,
        select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        fail_on: Severity | None = None,
        rule_dirs: tuple[Path, ...] = (),
        context: Context | None = None,
        languagetool: str | None = None,
    ) -> Config:
        """This config with command-line settings on top (CLI flags override the file)."""
        return replace(
            self,
            select=select or self.select,
            ignore=self.ignore + ignore,
            fail_on=fail_on or self.fail_on,
            rule_dirs=self.rule_dirs + rule_dirs,
            context=self.context.merged(context) if context else self.context,
            languagetool=languagetool or self.languagetool,
        )


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
    return parse_config(name, data, path.parent, prefix)


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
