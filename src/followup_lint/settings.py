"""The settings of a lint run (``Config``), as every layer sees them; ``config.py`` reads them from files."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .engine.errors import RuleError
from .model import Context, Severity


class ConfigError(RuleError):
    """A configuration file (or command-line setting) is invalid."""


#: Environment variable naming a LanguageTool server; trusted like ``--languagetool``.
LANGUAGETOOL_ENV = "FOLLOWUP_LINT_LANGUAGETOOL"


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
            languagetool=languagetool or os.environ.get(LANGUAGETOOL_ENV, "").strip() or self.languagetool,
        )
