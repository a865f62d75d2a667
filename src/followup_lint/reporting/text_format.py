"""``--format text``: each finding with its place, the source line underlined, the suggestion and the fix."""

from __future__ import annotations

import os
from typing import TextIO

from ..model import Finding, Severity
from .line_format import one_line
from .results import FileReport, Report

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def use_color(stream: TextIO, color: bool | None) -> bool:
    """Colour only on a terminal, never when ``NO_COLOR`` is set (unless forced with ``color=True``)."""
    if color is not None:
        return color
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def write_text(report: Report, stream: TextIO, *, color: bool | None = None) -> None:
    from rich.console import Console
    from rich.text import Text

    colored = use_color(stream, color)
    console = Console(
        file=stream,
        force_terminal=colored,
        no_color=not colored,
        highlight=False,
        soft_wrap=True,
        emoji=False,
        markup=False,
        width=10_000 if not colored else None,
    )
    from .meters import describe

    for file in report.files:
        for finding in file.findings:
            for text in _finding_lines(file, finding, Text):
                console.print(text)
            console.print()
        for notice in file.notices:
            console.print(Text(f"{file.path}: ", style="bold") + Text(f"note: {notice}", style="yellow"))
        line = describe(file.metrics)
        if line:
            console.print(Text(f"{file.path}: ", style="bold") + Text(line, style="dim"))
    console.print(Text(summary_line(report), style="bold" if colored else ""))


def _finding_lines(file: FileReport, finding: Finding, Text: type) -> list:  # noqa: N803 - the rich class
    from rich.cells import cell_len

    line, column = file.index.position(finding.offset)
    head = Text()
    head.append(f"{file.path}:{line}:{column}: ", style="bold")
    head.append(finding.severity.label, style=_STYLE[finding.severity])
    head.append(f" [{finding.rule}] ", style="dim")
    head.append(one_line(finding.message))
    out = [head]
    start = file.index.starts[line - 1]
    end = file.source.find("\n", start)
    source_line = file.source[start : end if end >= 0 else len(file.source)].rstrip("\r")
    gutter = f"{line:>4} | "
    shown = source_line.replace("\t", " ")
    out.append(Text(gutter, style="dim") + Text(shown))
    span_end = min(finding.end, start + len(source_line))
    width = max(1, cell_len(shown[column - 1 : span_end - start]))
    marker = Text(" " * len(gutter[:-2]) + "| ", style="dim")
    marker.append(" " * cell_len(shown[: column - 1]) + "^" * width, style=_STYLE[finding.severity])
    out.append(marker)
    pad = " " * (len(gutter) - 2)
    if finding.suggestion:
        out.append(Text(f"{pad}= suggestion: ", style="bold") + Text(one_line(finding.suggestion)))
    if finding.fixes:
        fix = finding.fixes[0]
        action = "insert" if fix.length == 0 else "replace with"
        note = "" if fix.safe else " (unsafe: review before applying)"
        out.append(Text(f"{pad}= fix: ", style="bold") + Text(f"{action} {one_line(fix.replacement)!r}{note}"))
    return out


def summary_line(report: Report) -> str:
    files = _plural(len(report.files), "file")
    total = sum(len(f.findings) for f in report.files)
    if not total:
        return f"No problems found in {files}."
    parts = ", ".join(
        _plural(report.count(s), s.label) for s in (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)
    )
    return f"Found {_plural(total, 'problem')} ({parts}) in {files}."
