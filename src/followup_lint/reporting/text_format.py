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


#: A line of output as (text, style) segments; the style is a rich style, used only when colouring.
Line = list[tuple[str, str]]


def write_text(report: Report, stream: TextIO, *, color: bool | None = None) -> None:
    from .meters import describe

    lines: list[Line] = []
    for file in report.files:
        for finding in file.findings:
            lines.extend(_finding_lines(file, finding))
            lines.append([])
        for notice in file.notices:
            lines.append([(f"{file.path}: ", "bold"), (f"note: {notice}", "yellow")])
        line = describe(file.metrics)
        if line:
            lines.append([(f"{file.path}: ", "bold"), (line, "dim")])
    lines.append([(summary_line(report), "bold")])
    if use_color(stream, color):
        _write_rich(lines, stream)
    else:  # plain text needs no rich console (whose import costs more than a whole lint's output)
        stream.write("".join("".join(text for text, _style in line) + "\n" for line in lines))


def _write_rich(lines: list[Line], stream: TextIO) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(
        file=stream, force_terminal=True, highlight=False, soft_wrap=True, emoji=False, markup=False, width=None
    )
    for line in lines:
        text = Text()
        for segment, style in line:
            text.append(segment, style=style or None)
        console.print(text)


def _finding_lines(file: FileReport, finding: Finding) -> list[Line]:
    line, column = file.index.position(finding.offset)
    style = _STYLE[finding.severity]
    out: list[Line] = [
        [
            (f"{file.path}:{line}:{column}: ", "bold"),
            (finding.severity.label, style),
            (f" [{finding.rule}] ", "dim"),
            (one_line(finding.message), ""),
        ]
    ]
    gutter = f"{line:>4} | "
    out += _underlined(file, finding, line, style)
    pad = " " * (len(gutter) - 2)
    if finding.suggestion:
        out.append([(f"{pad}= suggestion: ", "bold"), (one_line(finding.suggestion), "")])
    if finding.fixes:
        fix = finding.fixes[0]
        action = "insert" if fix.length == 0 else "replace with"
        note = "" if fix.safe else " (unsafe: review before applying)"
        out.append([(f"{pad}= fix: ", "bold"), (f"{action} {one_line(fix.replacement)!r}{note}", "")])
    return out


#: A finding over several lines (a phrase in a hard-wrapped paragraph) shows at most this many of them.
MAX_SNIPPET_LINES = 3


def _underlined(file: FileReport, finding: Finding, line: int, style: str) -> list[Line]:
    """The source lines ``finding`` covers from ``line`` (where it starts), each with its part underlined."""
    from rich.cells import cell_len

    out: list[Line] = []
    offset = finding.offset
    starts = file.index.starts
    for number in range(line, min(line + MAX_SNIPPET_LINES, len(starts) + 1)):
        start = starts[number - 1]
        end = file.source.find("\n", start)
        end = len(file.source) if end < 0 else end
        source_line = file.source[start:end].rstrip("\r")
        shown = source_line.replace("\t", " ")
        if number > line:  # a continuation line is underlined from its first word
            offset = start + len(source_line) - len(source_line.lstrip())
            if offset >= finding.end:
                break
        gutter = f"{number:>4} | "
        column = offset - start
        shown, column, stop = _clip(shown, column, min(finding.end, start + len(source_line)) - start)
        width = max(1, cell_len(shown[column:stop]))
        out.append([(gutter, "dim"), (shown, "")])
        out.append([(" " * len(gutter[:-2]) + "| ", "dim"), (" " * cell_len(shown[:column]) + "^" * width, style)])
        if finding.end <= end:
            break
    return out


#: A longer source line is shown as a window of about this many characters around the finding, so that a long
#: line with many findings (500 KB of "the the") prints each finding's neighbourhood, not the whole line again.
MAX_SNIPPET_WIDTH = 200


def _clip(line: str, column: int, stop: int) -> tuple[str, int, int]:
    """``line`` cut to a window around ``[column, stop)`` (each cut shown by an ellipsis), with the two columns
    moved to match; a line of at most ``MAX_SNIPPET_WIDTH`` characters is unchanged."""
    if len(line) <= MAX_SNIPPET_WIDTH:
        return line, column, stop
    stop = min(stop, column + MAX_SNIPPET_WIDTH // 2)  # a very long finding is underlined in part
    left = max(0, min(column - MAX_SNIPPET_WIDTH // 4, len(line) - MAX_SNIPPET_WIDTH))
    right = min(len(line), max(stop + MAX_SNIPPET_WIDTH // 4, left + MAX_SNIPPET_WIDTH))
    head = "\u2026" if left > 0 else ""
    tail = "\u2026" if right < len(line) else ""
    shift = len(head) - left
    return head + line[left:right] + tail, column + shift, stop + shift


def summary_line(report: Report) -> str:
    files = _plural(len(report.files), "file")
    total = sum(len(f.findings) for f in report.files)
    if not total:
        return f"No problems found in {files}."
    parts = ", ".join(
        _plural(report.count(s), s.label) for s in (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)
    )
    return f"Found {_plural(total, 'problem')} ({parts}) in {files}."
