"""``--format line``: ``PATH:LINE:COL: SEVERITY: MESSAGE [RULE]``, one finding a line, for editors.

``COL`` is the screen column, as the GNU Coding Standards ask of compilers and as Vim (``%v`` in
``errorformat``) and Emacs's compilation mode (by default) read it: tab stops every 8 columns, wide
characters (CJK, most emoji) 2 columns, combining marks none. The JSON report counts characters instead.
"""

from __future__ import annotations

from typing import TextIO

from rich.cells import cell_len

from .results import Report

TAB_STOP = 8


def one_line(text: str) -> str:
    return " ".join(text.split())


def screen_column(before: str) -> int:
    """The 1-based screen column that follows ``before``, the text of a line up to a position."""
    column = 0
    for number, chunk in enumerate(before.split("\t")):
        if number:
            column += TAB_STOP - column % TAB_STOP
        column += cell_len(chunk)
    return column + 1


def write_lines(report: Report, stream: TextIO, *, color: bool | None = None) -> None:
    for file in report.files:
        for finding in file.findings:
            line, column = file.index.position(finding.offset)
            column = screen_column(file.source[finding.offset - column + 1 : finding.offset])
            stream.write(
                f"{file.path}:{line}:{column}: {finding.severity.label}: {one_line(finding.message)} [{finding.rule}]\n"
            )
