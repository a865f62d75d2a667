"""The ``Draft``: a message as read from disk, with the parts that are the user's own prose marked."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NOT_LINE_BREAK = re.compile(r"[^\r\n]")


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
            self._ranges.append((max(start, 0), min(end, len(self.text))))

    def render(self) -> str:
        if not self._ranges:
            return self.text
        out: list[str] = []
        pos = 0
        for start, end in sorted(self._ranges):
            if end <= pos:
                continue
            start = max(start, pos)
            out.append(self.text[pos:start])
            out.append(_NOT_LINE_BREAK.sub(" ", self.text[start:end]))
            pos = end
        out.append(self.text[pos:])
        return "".join(out)


def detect_newline(text: str) -> str:
    """The file's line ending: ``\\r\\n`` when it has any CRLF, else ``\\n``."""
    return "\r\n" if "\r\n" in text else "\n"
