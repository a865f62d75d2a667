"""Reporting findings: results objects and the text, JSON and one-line formats."""

from __future__ import annotations

from typing import TextIO

from .. import pipeline
from .results import FileReport, Report

__all__ = ["FORMATS", "FileReport", "Report", "write_report"]

FORMATS = tuple(pipeline.FORMATS)


def write_report(report: Report, fmt: str, stream: TextIO, *, color: bool | None = None) -> None:
    """Write ``report`` to ``stream`` in format ``fmt`` (``pipeline.FORMATS``: text, json or line; else text)."""
    writer = pipeline.resolve(pipeline.FORMATS.get(fmt, pipeline.FORMATS["text"]))
    writer(report, stream, color=color)
