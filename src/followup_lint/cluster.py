"""Linting drafts on a Dask cluster (``pip install 'followup-lint[dask]'``): the library API over ``dask.bag``.

``lint_bag`` maps a bag of drafts (file paths, or ``(name, data)`` pairs) to a bag of ``DraftResult``; Dask
partitions the drafts and schedules them, on a ``distributed`` cluster or in local processes. Each worker
process builds its linter once (``api.linter_for``, the first time one of its partitions runs) and reuses it
for every draft after. ``DraftResult.json()`` is what ``followup-lint --format json`` prints for that draft
alone, and ``combine(results)`` is the report the command prints for all of them: docs/scaling.md.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from io import StringIO
from typing import TYPE_CHECKING, Any

from .model import Context
from .reporting import Report, write_report
from .settings import Config

if TYPE_CHECKING:
    from dask.bag import Bag

    from .engine.linter import Linter
    from .reporting.results import FileReport

#: A draft: a file path (read on the worker), or ``(name, data)`` with the file's bytes (or its text).
Draft = str | os.PathLike[str] | tuple[str, bytes | str]

_BUILD = threading.Lock()


@dataclass(frozen=True, slots=True)
class DraftResult:
    """One draft's outcome: its name, one-line errors (``name: reason``) and its report (None if unreadable)."""

    path: str
    errors: tuple[str, ...]
    report: FileReport | None

    def json(self) -> str:
        """Exactly what ``followup-lint --format json`` prints on standard output for this draft alone: the
        versioned report with one file, or ``""`` when the draft could not be read (the command then prints
        only the error, on standard error)."""
        return combine([self]) if self.report is not None else ""

    def json_line(self) -> str:
        """The draft's entry of the report's ``files`` list on one line (JSON Lines), or ``""`` if unreadable."""
        if self.report is None:
            return ""
        return json.dumps(self.report.to_dict(), ensure_ascii=False, separators=(",", ":"))


def combine(results: Iterable[DraftResult]) -> str:
    """The report ``followup-lint --format json`` prints for these drafts, in the order given (``""`` when
    none could be read: the command then prints only errors)."""
    report = _report(results)
    if not report.files and report.errors:
        return ""
    out = StringIO()
    write_report(report, "json", out)
    return out.getvalue()


def exit_status(results: Iterable[DraftResult], config: Config | None = None) -> int:
    """The command's exit status for these drafts: 2 if one was unreadable, else 1 for findings at or above
    ``config.fail_on``, else 0."""
    return _report(results).exit_status((config or Config()).fail_on)


def _report(results: Iterable[DraftResult]) -> Report:
    report = Report()
    for result in results:
        if result.report is not None:
            report.files.append(result.report)
        report.errors += result.errors
    return report


def lint_bag(drafts: Bag, config: Config | None = None, context: Context | Mapping[str, Any] | None = None) -> Bag:
    """A bag of ``DraftResult``, one per draft of ``drafts`` and in the same order (Dask keeps a bag's order).

    ``config`` (default: ``Config()``, the built-in rules, as ``followup-lint --isolated``) and ``context``
    are sent to the workers with the tasks; rule directories and paths must be readable there.
    """
    return drafts.map_partitions(_lint_partition, config or Config(), context)


def lint_drafts(
    drafts: Sequence[Draft],
    config: Config | None = None,
    context: Context | Mapping[str, Any] | None = None,
    *,
    partition_size: int | None = None,
    npartitions: int | None = None,
) -> Bag:
    """``lint_bag`` over a bag made from ``drafts`` (Dask's default partitioning unless one is given)."""
    import dask.bag as db

    if partition_size is None and npartitions is None:
        bag = db.from_sequence(drafts)
    else:
        bag = db.from_sequence(drafts, partition_size=partition_size, npartitions=npartitions)
    return lint_bag(bag, config, context)


def _lint_partition(
    drafts: Iterable[Draft], config: Config, context: Context | Mapping[str, Any] | None
) -> list[DraftResult]:
    """Lint one partition in a worker: the linter comes from this process's cache, built on first use."""
    from .api import _context, linter_for

    with _BUILD:  # a worker with several threads builds its linter once
        linter = linter_for(config)
    ctx = _context(context)
    return [_lint_one(draft, linter, ctx) for draft in drafts]


def _lint_one(draft: Draft, linter: Linter, context: Context | None) -> DraftResult:
    from .batch import failure_reason, lint_input
    from .reading import DraftError, format_for, read_bytes
    from .reading.decode import MAX_BYTES, MAX_EML_BYTES, check_size

    if isinstance(draft, tuple):
        name, data = draft
        try:
            data = data.encode("utf-8") if isinstance(data, str) else data
            check_size(name, len(data), MAX_EML_BYTES if format_for(name) == "email" else MAX_BYTES)  # as a file
            read = read_bytes(name, data)
            return DraftResult(name, (), linter.lint(read, context))
        except DraftError as exc:
            return DraftResult(name, (str(exc),), None)
        except Exception as exc:  # as the command: one draft that breaks a rule does not stop the run
            return DraftResult(name, (f"{name}: {failure_reason(exc)}",), None)
    name = os.fsdecode(draft)
    if name == "-":  # a worker has no standard input to read
        return DraftResult(name, ("-: standard input cannot be linted on a cluster; pass (name, data)",), None)
    errors, report = lint_input(name, linter, context)
    return DraftResult(name, tuple(errors), report)
