"""Plain-text drafts, and the reply conventions shared with e-mail: quoted lines, attributions, signatures."""

from __future__ import annotations

import re

from .draft import Draft, Masker, detect_newline

_QUOTED = re.compile(r"^[ \t]*>")
_SIGNATURE = re.compile(r"^-- ?\r?$")
# "On Tue, 3 Mar 2026 at 10:02, Dana Lee <dana@acme.com> wrote:" (may wrap onto a second line).
_ATTRIBUTION = re.compile(r"^[ \t]*On\b.{0,300}?\bwrote:[ \t]*\r?$", re.DOTALL)
# Outlook-style forwarded or quoted originals: everything after them is someone else's text.
_ORIGINAL = re.compile(r"^[ \t]*(-{2,}\s*(Original Message|Forwarded message)\s*-{2,}|_{10,})[ \t]*\r?$", re.IGNORECASE)
_OUTLOOK_HEADER = re.compile(r"^[ \t]*From:[ \t].+\r?\n[ \t]*(Sent|Date):[ \t]", re.MULTILINE)


def _lines(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """``(offset, line)`` for each line of ``text[start:end]``, line breaks excluded."""
    out = []
    pos = start
    for line in text[start:end].split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def mask_reply_parts(masker: Masker, start: int, end: int) -> None:
    """Hide quoted lines, reply attributions, quoted originals and the signature in ``[start, end)``."""
    text = masker.text
    lines = _lines(text, start, end)
    for index, (offset, line) in enumerate(lines):
        if _SIGNATURE.match(line) or _ORIGINAL.match(line):
            masker.hide(offset, end)
            return
        if _QUOTED.match(line):
            masker.hide(offset, offset + len(line))
            continue
        span = _attribution_lines(lines, index)
        if span:
            after = [ln for _, ln in lines[index + span :] if ln.strip()]
            if after and _QUOTED.match(after[0]):
                last_offset, last_line = lines[index + span - 1]
                masker.hide(offset, last_offset + len(last_line))
            else:  # top-posted reply: everything below the attribution is the quoted original
                masker.hide(offset, end)
                return
    match = _OUTLOOK_HEADER.search(text, start, end)
    if match:
        masker.hide(match.start(), end)


def _attribution_lines(lines: list[tuple[int, str]], index: int) -> int:
    """How many lines (1 or 2) an ``On ... wrote:`` attribution starting at ``index`` spans, or 0."""
    line = lines[index][1]
    if not line.lstrip().startswith("On "):
        return 0
    if _ATTRIBUTION.match(line):
        return 1
    if index + 1 < len(lines) and _ATTRIBUTION.match(line + "\n" + lines[index + 1][1]):
        return 2
    return 0


def read_text(path: str, text: str) -> Draft:
    masker = Masker(text)
    mask_reply_parts(masker, 0, len(text))
    mask_links(masker, 0, len(text))
    return Draft(path=path, format="text", source=text, prose=masker.render(), newline=detect_newline(text))


URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]", re.IGNORECASE)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")


def mask_links(masker: Masker, start: int, end: int) -> None:
    """Hide URLs and e-mail addresses: they are addresses, not prose."""
    for pattern in (URL, EMAIL):
        for match in pattern.finditer(masker.text, start, end):
            masker.hide(match.start(), match.end())
