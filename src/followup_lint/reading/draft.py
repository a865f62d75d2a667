"""The ``Draft``: a message as read from disk, with the parts that are the user's own prose marked."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NOT_LINE_BREAK = re.compile(r"[^\r\n]")
_MARKED = re.compile(rb"\x01+")


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft ready for linting.

    ``source`` is the text every position refers to. ``prose`` has the same length and line structure, with
    everything that is not the user's prose (headers, quoted replies, signatures, code, link targets, markup)
    blanked to spaces, so rules can run on ``prose`` and report offsets into ``source`` unchanged.
    """

    path: str
    format: str  # "text" | "markdown" | "email"
    source: str
    prose: str
    body_start: int = 0
    subject: str | None = None
    subject_span: tuple[int, int] | None = None
    #: True when ``source`` is the file's own text, so fixes can be written back to it.
    writable: bool = True
    #: Line ending used by the file, for inserted text.
    newline: str = "\n"
    #: The message's Date header (e-mail only), as written.
    date: str | None = None


class Masker:
    """Collects ranges of a text to blank out, then renders the masked text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ranges: list[tuple[int, int]] = []

    def hide(self, start: int, end: int) -> None:
        if end > start:
            self._ranges.append((max(start, 0), end))

    def render(self) -> str:
        """The text with every hidden character but a line break turned into a space.

        The ranges are marked in a byte per character, then each run of marked bytes is blanked at once: no sort,
        and touching or overlapping ranges (a run of hidden escapes or pipes, 500,000 of them) cost one blanking.
        """
        if not self._ranges:
            return self.text
        text = self.text
        marked = bytearray(len(text))
        for start, end in self._ranges:
            marked[start:end] = b"\x01" * (min(end, len(text)) - start)
        out: list[str] = []
        pos = 0
        for run in _MARKED.finditer(marked):
            start, end = run.span()
            out.append(text[pos:start])
            hidden = text[start:end]
            out.append(_NOT_LINE_BREAK.sub(" ", hidden) if "\n" in hidden or "\r" in hidden else " " * (end - start))
            pos = end
        out.append(text[pos:])
        return "".join(out)


def detect_newline(text: str) -> str:
    """The file's line ending: ``\\r\\n`` when it has any CRLF, else ``\\n``."""
    return "\r\n" if "\r\n" in text else "\n"
