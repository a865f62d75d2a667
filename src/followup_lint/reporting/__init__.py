"""Reporting findings: results objects and the text, JSON and one-line formats."""

from __future__ import annotations

from typing import TextIO

from .results import FileReport, Report

__all__ = ["FORMATS", "FileReport", "Report", "write_report"]

FORMATS = ("text", "json", "line")


def write_report(report: Report, fmt: str, stream: TextIO, *, color: bool | None = None) -> None:
    """Write ``report`` to ``stream`` in format ``fmt`` (``text``, ``json`` or ``line``)."""
    if fmt == "json":
        from .json_format import write_json

        write_json(report, stream)
    elif fmt == "line":
        from .line_format import write_lines

        write_lines(report, stream)
    else:
        from .text_format import write_text

        write_text(report, stream, color=color)
