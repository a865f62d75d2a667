"""``structure``: the parts a follow-up needs: a greeting, a sign-off with a name, a subject line (e-mail).

``part: greeting`` fires when the body does not open with a salutation ("Hi Dana,", "Dear Ms. Lee,", "Dana
--", or "Hi Dana, thanks ..." on one line). ``part: sign-off`` fires when the body ends without a closing line
("Best regards,") or when the closing has no name after it. ``part: subject`` fires on an ``.eml`` draft
whose Subject header is missing or empty. Each finding points at the start of the body (length 0) or at the
closing line; fixes insert the missing part and are marked unsafe.

The greeting and closing detection extends ``engine.layout`` (which needs the salutation alone on its line).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from ...model import Finding, Fix, Severity
from ..errors import RuleError
from ..layout import GREETING, PARTICLE, SIGN_OFF
from ..schema import Field, compile_regex
from ..templates import first_filled
from .base import Check

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule

PARTS = ("greeting", "sign-off", "subject", "subject-generic")
_OPENING = re.compile(
    r"^\s*(?:dear|hi|hello|hey|hiya|greetings|good\s+(?:morning|afternoon|evening|day)|to\s+whom"
    # greetings in other languages that writers open English notes with
    r"|hola|bonjour|bonsoir|aloha|hallo|ciao|salut|namaste|kia\s+ora|konnichiwa|salaam|salam|assalamu|merhaba|hej|"
    r"ol[áa]|guten\s+tag|buongiorno|buenos\s+d[ií]as|ch[àa]o|xin\s+ch[àa]o|sawasdee|jambo|habari|shalom|annyeong)\b",
    re.IGNORECASE,
)
#: "Dana," / "Dana Lee --" / "Ms. Lee:" opening the first line.
_NAME_OPENING = re.compile(
    r"^\s*(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+)?[A-Z][a-z\u00e0-\u024f][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2}"
    r"\s*(?:[,:!]|\s[\u2014\u2013-])"
)
#: A closing phrase followed by a name on the same line: "... Best, Sam" / "Thanks again! -- Sam".
_INLINE_CLOSING = re.compile(
    r"(?:\b(?:best(?:\s+(?:regards|wishes))?|(?:kind|warm)(?:est)?\s+regards|regards|sincerely|cheers|thanks(?:\s+again)?"
    r"|thank\s+you(?:\s+again)?|many\s+thanks|all\s+the\s+best|warmly|gratefully|respectfully)[,.!]?|[\u2014\u2013-]{1,2})"
    r"\s+(?-i:[A-Z][a-z\u00e0-\u024f][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2})\s*$",
    re.IGNORECASE,
)
#: Closing lines beyond ``engine.layout.SIGN_OFF``: "With best regards,", "Yours truly,", "Talk soon,".
_CLOSING = re.compile(
    r"^\s*(?:with\s+)?(?:(?:very|my|all\s+the|many|best|kind|kindest|warm|warmest|warmer|sincere|heartfelt)\s+){0,3}"
    r"(?:regards|wishes|thanks|best|cheers|sincerely|respectfully|gratefully|appreciatively|cordially|faithfully"
    r"|gratitude|appreciation|thank\s+you|take\s+care|talk\s+soon|speak\s+soon|until\s+then|warmly|yours"
    r"|looking\s+forward|best\s+of\s+luck)\b[^\n]{0,30}?[,.!]?\s*$",
    re.IGNORECASE,
)
_SHORT_CLOSING = re.compile(r"^\s*[A-Za-z][\w'\u2019]*(?:\s+[\w'\u2019]+){0,4}\s*[,!\u2014]\s*$")
#: A Markdown heading, or a short line without end punctuation, above the greeting.
_TITLE_LINE = re.compile(r"^\s*(?:#{1,6}\s.*|[^.!?,:;\n]{1,40})$")
_DASH_NAME = re.compile(r"^\s*(?:[\u2014\u2013~]|-{1,2})\s*[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2}\s*$")
#: A postscript's first line: "P.S. ...", "PS: ...", "P.P.S. ...".
_POSTSCRIPT = re.compile(r"^\s*(?:P\.?\s?)+S\.?(?![\w])", re.IGNORECASE)
_SUBJECT_LINE = re.compile(r"^\s*subject:", re.IGNORECASE)
_NAME_ONLY = re.compile(
    rf"^\s*[A-Z][\w'\u2019.-]*(?:\s+(?:{PARTICLE}\s+){{0,2}}[A-Z][\w'\u2019.-]*){{0,4}}(?:\s+[A-Z][\w.]*)?\s*$"
)


def has_greeting(doc: Document) -> bool:
    """Whether the body opens with a salutation."""
    if doc.layout.greeting is not None:
        return True
    content = [line for line in doc.layout.lines if not line.blank][:3]
    if content and _SUBJECT_LINE.match(content[0].text):
        content = content[1:]  # a plain-text draft's "Subject: ..." line is not a salutation
    content = content[:2]
    if not content:
        return True
    if _OPENING.match(content[0].text):
        return True
    if len(content) == 2 and _TITLE_LINE.match(doc.source[content[0].start : content[0].end]):
        content = content[1:]  # a heading or title line above the greeting
    first = content[0]
    return bool(_OPENING.match(first.text) or _NAME_OPENING.match(first.text))


def closing(doc: Document) -> tuple[int, int, bool] | None:
    """The closing line's range in the prose and whether a name follows it; None when there is no closing.
    Found once per draft for all the checks that ask (the ``closing`` analysis)."""
    return doc.closing


#: A line of a signature block: a name, a title, a phone number, an address, a link (no sentence).
_SIGNATURE_LINE = re.compile(r"^\s*[^\n]{1,80}$")
_BODY_SENTENCE = re.compile(r"[a-z]{2,}[.!?](?:\s|$)")


_CONTACT = re.compile(r"@|https?://|www\.|\d{3}|^\s*[^\s@]+\.[a-z]{2,}\s*$", re.IGNORECASE)


def _signature_block(content: list) -> object | None:
    """A name line followed only by contact lines (an e-mail address, a phone number, a link) at the end:
    "Josh Doody / josh@example.com / 555-555-1234". The name line stands for the closing."""
    tail = content[-5:]
    for i in range(len(tail) - 2, -1, -1):
        rest = tail[i + 1 :]
        if all(_CONTACT.search(r.text) for r in rest) and _NAME_ONLY.match(_strip_aside(tail[i].text)):
            return tail[i] if tail[i] is not content[0] else None
    return None


def _strip_aside(text: str) -> str:
    """A name line without a trailing aside in brackets: "Yuki Sato (佐藤 由紀)" -> "Yuki Sato"."""
    return re.sub(r"\s*\([^()\n]{1,40}\)\s*$", "", text.split(",")[0])


def _closing_by_shape(content: list) -> object | None:
    """A closing in any language or wording, found by its place: a short line ending in a comma (at most six
    words: "Met vriendelijke groet,", "Au plaisir,", or one with an English closing beside it, "Vriendelike
    groete / Kind regards") followed by a name and
    perhaps a signature block or a postscript, within the last lines of the message."""
    tail = content[-8:]
    for i in range(len(tail) - 2, -1, -1):
        line = tail[i]
        if line is content[0]:
            return None
        words = line.text.split()
        bilingual = any(SIGN_OFF.match(part) or _CLOSING.match(part) for part in re.split(r"\s*/\s*", line.text))
        if not (1 <= len(words) <= 6 and (line.text.rstrip().endswith((",", "!")) or bilingual)):
            continue
        rest = tail[i + 1 :]
        ps = next((j for j, r in enumerate(rest) if _POSTSCRIPT.match(r.text)), len(rest))
        block = rest[:ps]
        if (
            block
            and _NAME_ONLY.match(_strip_aside(block[0].text))
            and all(_SIGNATURE_LINE.match(r.text) and not _BODY_SENTENCE.search(r.text) for r in block[1:])
        ):
            return line
    return None


def find_closing(doc: Document) -> tuple[int, int, bool] | None:
    """The ``closing`` analysis (``pipeline.ANALYSES``)."""
    content = [line for line in doc.layout.lines if not line.blank]
    if not content:
        return None
    end = len(doc.source)
    for index, line in enumerate(content[1:], 1):  # a postscript follows the signature: look above it
        if _POSTSCRIPT.match(line.text):
            content, end = content[:index], line.start
            break
    last = content[-1]
    if _DASH_NAME.match(last.text):
        return last.start, last.end, True
    inline = _INLINE_CLOSING.search(last.text)
    if inline is not None:
        return last.start + inline.start(), last.end, True  # "... today. Best, Sam" on one line
    sign_off = doc.layout.sign_off
    if sign_off is None:
        for line in reversed(content[-8:]):  # a signature block may follow the closing
            if (SIGN_OFF.match(line.text) or _CLOSING.match(line.text)) and line is not content[0]:
                sign_off = line
                break
    if sign_off is None:
        sign_off = _closing_by_shape(content) or _signature_block(content)
    short_closing = len(content) >= 3 and _SHORT_CLOSING.match(content[-2].text)
    if sign_off is None and short_closing and _NAME_ONLY.match(_strip_aside(content[-1].text)):
        return content[-2].start, content[-2].end, True
    if sign_off is None:
        if len(content) >= 2 and _NAME_ONLY.match(_strip_aside(last.text)) and not GREETING.match(last.text):
            return last.start, last.end, True  # a name alone on the last line
        return None
    after = doc.source[sign_off.end : end].strip()
    inline_name = bool(re.search(r"[,.!\u2014-]\s*[A-Z][\w'\u2019.-]+\s*$", sign_off.text.strip()))
    return sign_off.start, sign_off.end, bool(after) or inline_name


#: A reply's subject: "Re: ...", "RE: ...", "AW: ...", "SV: ...", "Fwd: ..." (a plain-text draft may keep it as
#: its first line, "Subject: Re: ...").
_REPLY_SUBJECT = re.compile(r"^\s*(?:subject:\s*)?(?:re|aw|sv|vs|fw|fwd|antw|odp|r)\s*(?:\[\d+\])?\s*:", re.IGNORECASE)
#: Quoted earlier mail in the source: "> ..." lines or an "On ... wrote:" attribution.
_QUOTED_MAIL = re.compile(r"^[ \t]*>|\bwrote:[ \t]*\r?$", re.MULTILINE)


def in_thread(doc: Document) -> bool:
    """Whether the draft replies in a thread: a reply subject, or quoted earlier mail below or above it."""
    subject = doc.draft.subject
    if subject is None:
        first = next((line.text for line in doc.layout.lines if not line.blank), "")
        subject = first if _SUBJECT_LINE.match(first) else ""
    return bool(_REPLY_SUBJECT.match(subject)) or bool(_QUOTED_MAIL.search(doc.source))


def chat_shaped(doc: Document) -> bool:
    """Whether the draft reads as a chat message rather than a letter: sent on a chat-style channel (``message``,
    ``linkedin``), or one paragraph whose greeting, if any, shares its line with the text ("Hi Jane, I wanted
    to ..."), as a note typed in a message box is."""
    if doc.context.channel in ("message", "linkedin"):
        return True
    content = [line for line in doc.layout.lines if not line.blank]
    if content and _SUBJECT_LINE.match(content[0].text):
        content = content[1:]
    if not content or doc.layout.greeting is not None:
        return False
    first, last = content[0], content[-1]
    return not any(line.blank for line in doc.layout.lines if first.start < line.start < last.start)


def letter_shaped(doc: Document) -> bool:
    """Whether the draft is laid out as a letter: a greeting on a line of its own and more than one paragraph
    (a note typed in a one-box form, such as a LinkedIn connection request, is one paragraph)."""
    if doc.layout.greeting is None:
        return False
    content = [line for line in doc.layout.lines if not line.blank and line.start > doc.layout.greeting.end]
    if len(content) < 2:
        return False
    first, last = content[0], content[-1]
    return any(line.blank for line in doc.layout.lines if first.start < line.start < last.start)


class Structure(Check):
    """A missing greeting, closing, name or subject line (see the module docstring)."""

    fields: ClassVar[dict[str, Field]] = {
        "part": Field(str, True, "greeting, sign-off or subject"),
        "insert": Field(list, False, "templates for the inserted text, first whose {fields} are known"),
        "no-name": Field(dict, False, "sign-off only: message, suggestion and severity when the closing has no name"),
        "generic": Field(list, False, "subject-generic only: regexes a whole generic subject matches"),
        "frameless": Field(
            dict,
            False,
            "greeting and sign-off: `severity`, `message` and `suggestion` when the text has neither a greeting nor a "
            "closing and is not an e-mail file that starts a thread (an excerpt, a chat message or a reply, maybe); "
            "`quiet: true` on the sign-off leaves that one problem to the greeting rule's finding",
        ),
        "casual": Field(
            dict,
            False,
            "greeting and sign-off: `severity`, `message` and `suggestion` when the draft is a reply in a thread (a "
            "`Re:` subject, quoted earlier mail), is sent on a chat-style channel, or is one paragraph with the "
            "greeting on the same line (a chat message)",
        ),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        if rule.spec["part"] not in PARTS:
            raise RuleError(rule.path, "part", f"must be one of {', '.join(PARTS)}")
        if not all(isinstance(t, str) for t in rule.spec.get("insert", [])):
            raise RuleError(rule.path, "insert", "must be a list of strings")
        cls._generic(rule)
        for key in ("frameless", "casual"):
            spec = rule.spec.get(key) or {}
            unknown = sorted(set(spec) - {"severity", "message", "suggestion", "quiet"})
            if unknown:
                raise RuleError(rule.path, key, f"unknown keys: {', '.join(unknown)}")
            if "severity" in spec:
                try:
                    Severity.parse(spec["severity"])
                except ValueError as exc:
                    raise RuleError(rule.path, f"{key}.severity", str(exc)) from None

    @staticmethod
    def _generic(rule: Rule) -> list[re.Pattern[str]]:
        out = []
        for index, pattern in enumerate(rule.spec.get("generic", [])):
            if not isinstance(pattern, str):
                raise RuleError(rule.path, f"generic[{index}]", "must be a regular expression (a string)")
            out.append(compile_regex(rule.path, f"generic[{index}]", pattern, re.IGNORECASE))
        return out

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self._generic_patterns: list[re.Pattern[str]] | None = None

    @property
    def generic(self) -> list[re.Pattern[str]]:
        """The ``generic`` subject regexes, compiled when a draft with a subject line first needs them."""
        if self._generic_patterns is None:
            self._generic_patterns = self._generic(self.rule)
        return self._generic_patterns

    def run(self, doc: Document) -> Iterator[Finding]:
        body = doc.prose[doc.draft.body_start :]
        if not body.strip():
            return
        anchor = doc.draft.body_start + len(body) - len(body.lstrip())
        part = self.rule.spec["part"]
        values = doc.context.values()
        text = first_filled(self.rule.spec.get("insert", []), values)
        nl = doc.draft.newline
        if part == "greeting":
            if not has_greeting(doc):
                fixes = (Fix(anchor, 0, text + nl + nl, False),) if text else ()
                yield self.finding(doc, anchor, anchor, fixes=fixes, **self._certainty(doc, part))
        elif part == "sign-off":
            found = closing(doc)
            if found is None and self._leaves_frameless(doc):
                return  # neither part: one problem, which the greeting rule's finding reports for both
            if found is None:
                end = len(doc.prose.rstrip())
                fixes = (Fix(end, 0, nl + nl + text, False),) if text else ()
                yield self.finding(doc, end, end, fixes=fixes, **self._certainty(doc, part))
            elif not found[2]:
                start, end, _ = found
                end = start + len(doc.prose[start:end].rstrip())
                start = end - len(doc.prose[start:end].strip())
                yield self.finding(doc, start, end, values={"match": doc.source[start:end]}, **self._texts("no-name"))
        elif part == "subject":
            if doc.draft.format == "email" and not (doc.draft.subject or "").strip():
                yield self.finding(doc, anchor, anchor)
        else:
            yield from self._generic_subject(doc, text)

    def _certainty(self, doc: Document, part: str) -> dict[str, Any]:
        """The texts and severity for a missing ``part``: the rule's own when the draft is surely a letter or the
        first e-mail of a thread, else its ``frameless`` or ``casual`` ones (a guess, reported as one)."""
        thread = in_thread(doc)
        if doc.draft.format == "email" and not thread:
            return {}  # an e-mail file that starts a thread: surely a letter
        if self._frameless(doc, part):
            return self._texts("frameless")  # an excerpt, a chat message or a reply, maybe
        if thread or chat_shaped(doc):
            return self._texts("casual")
        return {}

    def _leaves_frameless(self, doc: Document) -> bool:
        """Whether this sign-off rule leaves a frameless draft to a greeting rule that runs (``quiet: true``)."""
        if not (self.rule.spec.get("frameless") or {}).get("quiet") or not self._frameless(doc, "sign-off"):
            return False
        greeting = self.rule.id.rsplit(".", 1)[0] + ".greeting"
        return greeting in doc.rule_ids

    def _frameless(self, doc: Document, part: str) -> bool:
        """Whether the draft has neither a greeting nor a closing and is not an e-mail file starting a thread."""
        if doc.draft.format == "email" and not in_thread(doc):
            return False
        return not self._has_other_part(doc, part)

    @staticmethod
    def _has_other_part(doc: Document, part: str) -> bool:
        return (closing(doc) is not None) if part == "greeting" else has_greeting(doc)

    def _texts(self, key: str) -> dict[str, Any]:
        spec = self.rule.spec.get(key)
        if not spec:
            return {}
        severity = None if self.rule.severity_configured else spec.get("severity")
        return {
            "message": spec.get("message"),
            "suggestion": spec.get("suggestion"),
            "severity": Severity.parse(severity) if severity else None,
        }

    def _generic_subject(self, doc: Document, replacement: str | None) -> Iterator[Finding]:
        span = doc.draft.subject_span
        if span is None:
            return
        raw = doc.prose[span[0] : span[1]]
        start = span[0] + len(raw) - len(raw.lstrip())
        end = span[0] + len(raw.rstrip())
        subject = doc.prose[start:end]
        if subject and any(rx.fullmatch(subject) for rx in self.generic):
            fixes = (Fix(start, end - start, replacement, False),) if replacement else ()
            yield self.finding(doc, start, end, fixes=fixes, values={"match": subject})
