"""``--format line``: ``PATH:LINE:COL: SEVERITY: MESSAGE [RULE]``, one finding a line, for editors."""

from __future__ import annotations

from typing import TextIO

from .results import Report


def one_line(text: str) -> str:
    return " ".join(text.split())


def write_lines(report: Report, stream: TextIO, *, color: bool | None = None) -> None:
    for file in report.files:
        for finding in file.findings:
            line, column = file.index.position(finding.offset)
            stream.write(
                f"{file.path}:{line}:{column}: {finding.severity.label}: {one_line(finding.message)} [{finding.rule}]\n"
            )
