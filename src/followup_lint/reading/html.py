"""A small HTML-to-text converter for HTML-only e-mail: one linear pass, no parser of the standard library."""

from __future__ import annotations

import html
import re

_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "hr",
}
_SKIP = {"script", "style", "head", "title"}


#: A start or end tag: its name, then anything but another ``<`` up to its ``>``. Stopping at ``<`` keeps the
#: scan linear on unclosed tags (``<a <a <a ...``), where the standard library's parser is quadratic (before the
#: CVE-2025-6069 fix, as in Python 3.11 and 3.12 of many systems).
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*>")
_OPENING = re.compile(r"<(?=[!?/A-Za-z])")  # where a tag, comment or declaration can start
_WHITE = re.compile(r"\s+")


class _TextExtractor:
    """Collects the text of an HTML document in one left-to-right pass (each character looked at once)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.quote = 0
        self.line_start = True  # nothing written on the current line yet

    def feed(self, markup: str) -> None:
        lowered = markup.lower()
        pos, end = 0, len(markup)
        text = 0  # where the text not yet handed to ``data`` starts: a ``<`` that starts no tag stays in it
        while pos < end:
            opening = _OPENING.search(markup, pos)
            if opening is None:
                break
            tag = opening.start()
            if markup.startswith("<!--", tag):
                self.data(markup[text:tag])
                close = markup.find("-->", tag + 4)
                pos = text = end if close < 0 else close + 3  # an unclosed comment runs to the end
                continue
            if markup.startswith(("<!", "<?"), tag):
                self.data(markup[text:tag])
                close = markup.find(">", tag)
                pos = text = end if close < 0 else close + 1
                continue
            match = _TAG.match(markup, tag)
            if match is None:
                pos = tag + 1
                continue
            self.data(markup[text:tag])
            pos = text = match.end()
            name = match.group(2).lower()
            if match.group(1):
                self.end_tag(name)
                continue
            self.start_tag(name)
            if name in _SKIP:  # its content is not text: skip to its end tag
                close = lowered.find(f"</{name}", pos)
                pos = text = end if close < 0 else close
        self.data(markup[text:])

    def start_tag(self, tag: str) -> None:
        if tag == "blockquote":
            self.quote += 1
        if tag in _BLOCK:
            self.parts.append("\n\n" if tag in {"p", "div", "blockquote"} else "\n")
            self.line_start = True

    def end_tag(self, tag: str) -> None:
        if tag == "blockquote":
            self.quote = max(0, self.quote - 1)
        if tag in _BLOCK and tag != "br":
            self.parts.append("\n")
            self.line_start = True

    def data(self, data: str) -> None:
        if not data:
            return
        text = _WHITE.sub(" ", html.unescape(data))  # no line breaks left: only block tags make lines
        if self.quote and self.line_start:  # a quoted earlier message: mark it the way plain-text mail does
            text = "> " + text
        self.line_start = False
        self.parts.append(text)


def html_to_text(markup: str) -> str:
    """Readable plain text from HTML: block elements become line breaks, quotes become ``>`` lines."""
    parser = _TextExtractor()
    parser.feed(markup)
    text = "".join(parser.parts)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"  # unescaped once, in ``data``
