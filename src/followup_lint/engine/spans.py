"""Overlap tests on sets of text spans in logarithmic time.

A rule that compares each match with every earlier match or every ``unless`` match is quadratic in its number of
matches: 500 KB of "the the" never finished. These keep the spans in order instead.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable


class SpanIndex:
    """A fixed set of spans (``unless`` matches), asked whether any overlaps a span in logarithmic time."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))  # the furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self.starts, end)  # the spans that start before ``end``
        return before > 0 and self.reach[before - 1] > start


class DisjointSpans:
    """The spans already reported (never overlapping each other), kept in order for a logarithmic overlap test."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        # Spans that do not overlap, in order, also have their ends in order: among those that start before
        # ``end`` (all before ``index``), the last reaches furthest.
        index = bisect.bisect_left(self.spans, (end, end))
        return index > 0 and self.spans[index - 1][1] > start

    def add(self, start: int, end: int) -> None:
        bisect.insort(self.spans, (start, end))
