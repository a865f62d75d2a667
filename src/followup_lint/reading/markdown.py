"""Markdown drafts: code, link targets, HTML tags and markup are blanked so only the prose is linted."""

from __future__ import annotations

import bisect
import re

from .draft import Draft, Masker, detect_newline
from .plain import mask_links

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?\n(?:---|\.\.\.)[ \t]*\r?$", re.DOTALL | re.MULTILINE)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?=[ \t]|\r?$)|(?<![ \t])[ \t]+#+[ \t]*+(?=\r?$)")
_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*\r?$")
_RULE = re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*\r?$")
_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?(?=[ \t])")
_QUOTE_MARKER = re.compile(r"^(?:[ \t]{0,3}>[ \t]?)+")
_REFERENCE_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$")
_TABLE_DELIMITER_ROW = re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)+\|?[ \t]*\r?$")

_BACKTICKS = re.compile(r"`+")
# A link's text stops at a bracket and its target at a parenthesis (one nested pair allowed, as in Wikipedia
# links): an unclosed opener is then given up at the next opener, not at the end of the line, so a line full of
# them costs time in proportion to its length, not to its square. Emphasis is looked for within 200 characters.
_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*+\)"
_IMAGE = re.compile(r"!\[[^\[\]\n]*+\]" + _TARGET)
_LINK = re.compile(r"(\[)(?=[^\[\]\n]*+\]\()[^\[\]\n]*+(\]" + _TARGET + ")")
_REFERENCE_LINK = re.compile(r"(\[)[^\[\]\n]++(\]\[[^\[\]\n]*+\])")
_AUTOLINK = re.compile(r"<(?:[a-z][a-z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:a|abbr|b|blockquote|br|code|del|details|div|em|font|h[1-6]|hr|i|img|ins|kbd|li|mark|ol|p|pre|s|"
    r"small|span|strike|strong|sub|summary|sup|table|tbody|td|th|thead|tr|u|ul)\b[^<>\n]*>|<!--(?:(?!<!--|-->).)*+-->",
    re.IGNORECASE | re.DOTALL,
)
_EMPHASIS = re.compile(
    r"(\*\*|__|~~)(?=\S)(.{1,200}?)(?<=\S)\1|(?<![\w*])(\*|_)(?=[^\s*_])(.{1,200}?)(?<=[^\s*_])\3(?![\w*])"
)
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
    for start, end in _code_spans(line):
        masker.hide(offset + start, offset + end)
    for pattern in (_IMAGE, _AUTOLINK, _HTML_TAG):
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


def _code_spans(line: str) -> list[tuple[int, int]]:
    """Inline code: backticks up to the next run of exactly as many, as the regex ``(`+)(?!`).+?(?<!`)\\1(?!`)``
    finds them (an opener may be the tail of a longer run), in time linear in the backticks.

    That regex tried every opener against the rest of the line: quadratic on unclosed runs.
    """
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
    by_length: dict[int, list[int]] = {}  # run length -> indexes of the runs of that length, in order
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        closer = None
        for opening in range(start, end):  # the whole run first, then each shorter tail of it
            later = by_length.get(end - opening)
            if later:
                found = bisect.bisect_right(later, index)
                if found < len(later):
                    closer = later[found]
                    spans.append((opening, runs[closer][1]))
                    break
        index = index + 1 if closer is None else closer + 1
    return spans
