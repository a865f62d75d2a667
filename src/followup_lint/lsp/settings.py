"""Server settings: ``initializationOptions`` (or ``workspace/didChangeConfiguration``) and config files.

Options (all optional), flat or with the context fields under ``"context"``::

    {"company": "Acme Corp", "role": "Data Analyst", "interviewers": ["Dana Lee"], "channel": "email",
     "select": ["ALL"], "ignore": ["length"], "config": ".followup-lint.toml", "isolated": false,
     "debounce": 400}

A config file (``.followup-lint.toml`` or ``[tool.followup-lint]`` in ``pyproject.toml``) is found upward from
each document, else from the workspace root; the options above override it, like command-line flags.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Config, ConfigError, find_config, load_config, user_config
from ..model import Context

#: Milliseconds to wait after the last change before linting again.
DEFAULT_DEBOUNCE_MS = 400

_CONTEXT_KEYS = ("company", "role", "interviewers", "interviewer", "channel")


def _strings(name: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    raise ConfigError("initializationOptions", name, "must be a string or a list of strings")


def _string(name: str, value: Any) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise ConfigError("initializationOptions", name, "must be a string")
    return value.strip()


@dataclass(frozen=True)
class Settings:
    """What the client asked for; ``config_for`` turns it into a ``Config`` per document."""

    context: Context = field(default_factory=Context)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config: str | None = None
    isolated: bool = False
    debounce_ms: int = DEFAULT_DEBOUNCE_MS

    @classmethod
    def parse(cls, options: Any) -> Settings:
        """Settings from the client's options; raises ``ConfigError`` naming a bad field."""
        if options is None:
            return cls()
        if not isinstance(options, dict):
            raise ConfigError("initializationOptions", None, "must be an object")
        if isinstance(options.get("followup-lint"), dict):  # {"followup-lint": {...}} as some clients nest it
            options = options["followup-lint"]
        nested = options.get("context") or {}
        if not isinstance(nested, dict):
            raise ConfigError("initializationOptions", "context", "must be an object")
        values = {**{k: options[k] for k in _CONTEXT_KEYS if k in options}, **nested}
        people = _strings("interviewers", values.get("interviewers", values.get("interviewer")))
        context = Context(
            company=_string("company", values.get("company")),
            role=_string("role", values.get("role")),
            interviewers=people,
            channel=_string("channel", values.get("channel")),
        )
        debounce = options.get("debounce", DEFAULT_DEBOUNCE_MS)
        if isinstance(debounce, bool) or not isinstance(debounce, int) or not 0 <= debounce <= 10_000:
            raise ConfigError("initializationOptions", "debounce", "must be milliseconds between 0 and 10000")
        return cls(
            context=context,
            select=_strings("select", options.get("select")),
            ignore=_strings("ignore", options.get("ignore")),
            config=_string("config", options.get("config")),
            isolated=bool(options.get("isolated", False)),
            debounce_ms=debounce,
        )


class ConfigCache:
    """Configs by config file, loaded once until ``clear``."""

    def __init__(self) -> None:
        self._configs: dict[Path | None, Config] = {}

    def clear(self) -> None:
        self._configs.clear()

    def config_for(self, settings: Settings, directory: Path | None, root: Path | None) -> Config:
        """The config for a document in ``directory`` (None: not a file) of a workspace rooted at ``root``."""
        found: Path | None = None
        if settings.config:
            found = Path(settings.config).expanduser()
            if not found.is_absolute() and root is not None:
                found = root / found
        elif not settings.isolated:
            for start in (directory, root):
                if start is not None and start.is_dir() and (found := find_config(start)) is not None:
                    break
        if found not in self._configs:
            base = load_config(found) if found else Config() if settings.isolated else user_config()
            self._configs[found] = base.with_cli(
                select=settings.select, ignore=settings.ignore, context=settings.context
            )
        return self._configs[found]
