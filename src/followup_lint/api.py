"""The library API: lint text or files and get a report object. The CLI is a thin layer over this."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .config import Config
from .engine.linter import Linter
from .model import Context
from .reading import DraftError, draft_from_text, read_path
from .reporting.results import FileReport, Report

#: The linters built in this process, most recently used last. A long-running process (the language server, whose
#: settings and workspace configs change while it runs) keeps at most ``MAX_LINTERS``.
_LINTERS: OrderedDict[str, Linter] = OrderedDict()
MAX_LINTERS = 8


def linter_for(config: Config) -> Linter:
    """A linter for ``config``, built once and reused while it is among the ``MAX_LINTERS`` last used."""
    key = repr(config)
    linter = _LINTERS.pop(key, None) or Linter(config, report=FileReport)
    _LINTERS[key] = linter
    while len(_LINTERS) > MAX_LINTERS:
        _LINTERS.popitem(last=False)
    return linter


def _context(context: Context | Mapping[str, Any] | None) -> Context | None:
    """A ``Context`` from a mapping with the config file's ``[context]`` keys (``_`` may stand for ``-``)."""
    if context is None or isinstance(context, Context):
        return context
    from .engine.loader import context_from_mapping

    return context_from_mapping("context", {key.replace("_", "-"): value for key, value in context.items()})


def lint_text(
    text: str,
    context: Context | Mapping[str, Any] | None = None,
    config: Config | None = None,
    *,
    path: str = "<text>",
    format: str | None = None,
) -> FileReport:
    """Lint a draft given as text. ``format`` is ``text``, ``markdown`` or ``email`` (default: from ``path``).

    >>> report = lint_text("Hi Dana,\\n\\nI enjoyed our talk.\\n\\nBest,\\nSam", {"company": "Acme"},
    ...                    Config(select=("gratitude",)))
    >>> [(f.rule, f.severity.label, f.offset) for f in report.findings]
    [('gratitude.missing', 'warning', 0)]
    """
    draft = draft_from_text(text, path, format)
    return linter_for(config or Config()).lint(draft, _context(context))


def lint_paths(
    paths: Iterable[str | Path],
    context: Context | Mapping[str, Any] | None = None,
    config: Config | None = None,
) -> Report:
    """Lint files; unreadable ones are listed in ``Report.errors`` and the rest are still linted."""
    report = Report()
    linter = linter_for(config or Config())
    for path in paths:
        try:
            draft = read_path(path)
        except DraftError as exc:
            report.errors.append(str(exc))
            continue
        report.files.append(linter.lint(draft, _context(context)))
    return report
