"""Markdown drafts: code, link targets, HTML tags and markup are blanked so only the prose is linted."""

from __future__ import annotations

import bisect
import functools
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
#: The first character (after blanks) of a line that can be a reference definition, a rule, a setext underline
#: or a table's delimiter row, and of a list item: other lines skip those patterns. ("" is a blank line.)
_BLOCK_MARKS, _LIST_MARKS = "[-*_=|:", "-*+0123456789"
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
_HTML_TAG = re.compile(  # the lookahead turns away a ``<`` that starts no tag before trying 40 names
    r"<(?=[/!a-z])(?:/?(?:a|abbr|b|blockquote|br|code|del|details|div|em|font|h[1-6]|hr|i|img|ins|kbd|li|mark|ol|p|"
    r"pre|s|small|span|strike|strong|sub|summary|sup|table|tbody|td|th|thead|tr|u|ul)\b[^<>\n]*>|!--(?:(?!<!--|-->).)*+-->)",
    re.IGNORECASE | re.DOTALL,
)
#: Emphasis: ``**``, ``__`` or ``~~`` (double) or ``*`` or ``_`` (single) around 1 to 200 characters, as the
#: regex ``(\*\*|__|~~)(?=\S)(.{1,200}?)(?<=\S)\1|(?<![\w*])(\*|_)(?=[^\s*_])(.{1,200}?)(?<=[^\s*_])\3(?![\w*])``
#: finds it. That regex tried up to 200 characters after every opener (500 KB of unclosed ``**`` took 1.3 s);
#: ``_emphasis`` finds the same spans from the places where an opener and a closer can be, with a bisection.
_WINDOW = 200
_DOUBLES, _SINGLES = ("**", "__", "~~"), ("*", "_")
_CLOSERS = {
    **{double: re.compile(r"(?<=\S)" + re.escape(double)) for double in _DOUBLES},
    **{single: re.compile(r"(?<=[^\s*_])" + re.escape(single) + r"(?![\w*])") for single in _SINGLES},
}
_ESCAPES = re.compile(r"(?:\\(?=[!-/:-@\[-`{-~]))+")  # a run of them is one range to hide
_PIPES = re.compile(r"\|+")


def read_markdown(path: str, text: str) -> Draft:
    masker = Masker(text)
    front = _FRONT_MATTER.match(text)
    start = front.end() if front else 0
    masker.hide(0, start)
    _mask_blocks(masker, start)
    mask_links(masker, start, len(text))  # a URL or address never spans lines: one scan serves every line
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
        elif line.lstrip(" \t")[:1] in "`~" and (opening := _FENCE.match(line)) is not None:
            fence = opening.group(1)
            masker.hide(offset, end)
        elif previous_blank and not blank and (line.startswith("    ") or line.startswith("\t")):
            masker.hide(offset, end)  # indented code block
            blank = True  # a following indented line continues the block
        elif line.lstrip(" \t")[:1] in _BLOCK_MARKS and (
            _REFERENCE_DEF.match(line) or _RULE.match(line) or _SETEXT.match(line) or _TABLE_DELIMITER_ROW.match(line)
        ):
            masker.hide(offset, end)
        else:
            _mask_line(masker, offset, line)
        previous_blank = blank
        offset = end + 1


def _mask_line(masker: Masker, offset: int, line: str) -> None:
    """Hide the markup of one line of ordinary text. Each pattern runs only when the character it starts with is
    on the line: a draft of many short lines pays a few membership tests a line, not a dozen regex scans."""
    hide = masker.hide
    for pattern, needle in ((_QUOTE_MARKER, ">"), (_HEADING, "#")):
        if needle in line:
            for match in pattern.finditer(line):
                hide(offset + match.start(), offset + match.end())
    if line.lstrip(" \t")[:1] in _LIST_MARKS and (match := _LIST_MARKER.match(line)) is not None:
        hide(offset + match.start(), offset + match.end())
    if "`" in line:
        for start, end in _code_spans(line):
            hide(offset + start, offset + end)
    for pattern, needle in ((_IMAGE, "!["), (_AUTOLINK, "<"), (_HTML_TAG, "<")):
        if needle in line:
            for match in pattern.finditer(line):
                hide(offset + match.start(), offset + match.end())
    for pattern, needle in ((_LINK, "]("), (_REFERENCE_LINK, "][")):
        if needle in line:
            for match in pattern.finditer(line):
                hide(offset + match.start(1), offset + match.end(1))
                hide(offset + match.start(2), offset + match.end(2))
    for start, end, width in _emphasis(line):
        hide(offset + start, offset + start + width)
        hide(offset + end - width, offset + end)
    if "\\" in line:
        for match in _ESCAPES.finditer(line):
            hide(offset + match.start(), offset + match.end())
    if "|" in line and (line.lstrip().startswith("|") or line.count("|") >= 2):
        for match in _PIPES.finditer(line):
            hide(offset + match.start(), offset + match.end())


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


@functools.cache
def _openers(markers: frozenset[str]) -> re.Pattern[str]:
    """Where an emphasis of one of ``markers`` can open: a double marker (group ``d``) before a single (``s``)."""
    doubles = "|".join(re.escape(m) for m in _DOUBLES if m in markers)
    singles = "".join(re.escape(m) for m in _SINGLES if m in markers)
    double = rf"(?=(?P<d>{doubles})\S)" if doubles else "(?!)"
    single = rf"(?<![\w*])(?=(?P<s>[{singles}])[^\s*_])" if singles else "(?!)"
    return re.compile(f"{double}|{single}")


def _emphasis(line: str) -> list[tuple[int, int, int]]:
    """Emphasis spans as ``(start, end, marker width)``, left to right and not overlapping: at each opener the
    nearest closer of the same marker within the window, a double marker tried before a single one.

    Openers are visited left to right, so the closers asked for move right too: each marker's next closer is
    searched for once and kept until an opener is past it, so the line is scanned about once for each marker;
    a marker with no closer left is no longer looked for."""
    if "*" not in line and "_" not in line and "~" not in line:
        return []
    live = frozenset(m for m in (*_DOUBLES, *_SINGLES) if m in line)
    spans: list[tuple[int, int, int]] = []
    next_closer: dict[str, int] = {}  # marker -> where its first closer at or after ``wanted`` starts
    pos = 0
    while live and (opening := _openers(live).search(line, pos)) is not None:
        start = opening.start()
        pos = start + 1
        # One marker opens here: a single one cannot where a double does (it must not be followed by ``*``/``_``).
        marker = opening.group(opening.lastindex or 0)
        width = len(marker)
        wanted = start + width + 1  # the content is 1 to 200 characters
        closer = next_closer.get(marker, -1)
        if closer < wanted:
            after = _CLOSERS[marker].search(line, wanted)
            if after is None:
                live -= {marker}
                continue
            closer = next_closer[marker] = after.start()
        if closer <= start + width + _WINDOW:
            pos = closer + width
            spans.append((start, pos, width))
    return spans
