"""Markdown drafts: code, link targets, HTML tags and markup are blanked so only the prose is linted."""

from __future__ import annotations

import re

from .draft import Draft, Masker, detect_newline
from .plain import mask_links

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?\n(?:---|\.\.\.)[ \t]*\r?$", re.DOTALL | re.MULTILINE)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?=[ \t]|\r?$)|[ \t]+#+[ \t]*(?=\r?$)")
_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*\r?$")
_RULE = re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*\r?$")
_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?(?=[ \t])")
_QUOTE_MARKER = re.compile(r"^(?:[ \t]{0,3}>[ \t]?)+")
_REFERENCE_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$")
_TABLE_DELIMITER_ROW = re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)+\|?[ \t]*\r?$")

_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"(\[)(?=[^\]\n]*\]\()[^\]\n]*(\]\([^)\n]*\))")
_REFERENCE_LINK = re.compile(r"(\[)[^\]\n]+(\]\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<(?:[a-z][a-z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:a|abbr|b|blockquote|br|code|del|details|div|em|font|h[1-6]|hr|i|img|ins|kbd|li|mark|ol|p|pre|s|"
    r"small|span|strike|strong|sub|summary|sup|table|tbody|td|th|thead|tr|u|ul)\b[^>\n]*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
_EMPHASIS = re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])(\*|_)(?=[^\s*_])(.+?)(?<=[^\s*_])\3(?![\w*])")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


def read_markdown(path: str, text: str) -> Draft:
    masker = Masker(text)
    front = _FRONT_MATTER.match(text)
    start = front.end() if front else 0
    masker.hide(0, start)
    _mask_blocks(masker, start)
    return Draft(path=path, format="markdown", source=text, prose=masker.render(), newline=detect_newline(text))


def _mask_blocks(masker: Masker, start: int) -> None:
    text = masker.text
    fence: str | None = None
    previous_blank = True
    offset = start
    for line in text[start:].split("\n"):
        end = offset + len(line)
        blank = not line.strip()
        if fence is not None:
            masker.hide(offset, end)
            if line.strip().startswith(fence):
                fence = None
        elif (opening := _FENCE.match(line)) is not None:
            fence = opening.group(1)
            masker.hide(offset, end)
        elif previous_blank and not blank and (line.startswith("    ") or line.startswith("\t")):
            masker.hide(offset, end)  # indented code block
            blank = True  # a following indented line continues the block
        elif _REFERENCE_DEF.match(line) or _RULE.match(line) or _SETEXT.match(line) or _TABLE_DELIMITER_ROW.match(line):
            masker.hide(offset, end)
        else:
            _mask_line(masker, offset, line)
        previous_blank = blank
        offset = end + 1


def _mask_line(masker: Masker, offset: int, line: str) -> None:
    for pattern in (_QUOTE_MARKER, _HEADING, _LIST_MARKER):
        for match in pattern.finditer(line):
            masker.hide(offset + match.start(), offset + match.end())
    for pattern in (_INLINE_CODE, _IMAGE, _AUTOLINK, _HTML_TAG):
        for match in pattern.finditer(line):
            masker.hide(offset + match.start(), offset + match.end())
    for pattern in (_LINK, _REFERENCE_LINK):
        for match in pattern.finditer(line):
            masker.hide(offset + match.start(1), offset + match.end(1))
            masker.hide(offset + match.start(2), offset + match.end(2))
    for match in _EMPHASIS.finditer(line):
        marker = 1 if match.group(1) else 3
        masker.hide(offset + match.start(marker), offset + match.end(marker))
        masker.hide(offset + match.end(marker + 1), offset + match.end())
    for match in _ESCAPE.finditer(line):
        masker.hide(offset + match.start(), offset + match.end())
    if line.lstrip().startswith("|") or line.count("|") >= 2:
        for index, char in enumerate(line):
            if char == "|":
                masker.hide(offset + index, offset + index + 1)
    mask_links(masker, offset, offset + len(line))
