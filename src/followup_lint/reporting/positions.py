"""Convert character offsets to 1-based line and column numbers."""

from __future__ import annotations

from bisect import bisect_right


class LineIndex:
    """Line starts of a text, for offset → (line, column) lookups. Columns count characters."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        self.starts.extend(i + 1 for i, char in enumerate(text) if char == "\n")

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based ``(line, column)`` of ``offset``."""
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1
