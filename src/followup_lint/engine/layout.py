"""Where the parts of a message are: greeting, first paragraph, sign-off. Found from the prose lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

GREETING = re.compile(
    r"^\s*(?:dear|hi|hello|hey|hiya|greetings|good\s+(?:morning|afternoon|evening|day)|to\s+whom\s+it\s+may\s+concern"
    r"|hola|bonjour|aloha|hallo|ciao|salut|namaste|kia\s+ora|salaam|merhaba|hej|ol[áa]|buongiorno|ch[àa]o|shalom)"
    r"\b[^\n]{0,60}?[,:!.\u2014-]?\s*$",
    re.IGNORECASE,
)
_NAME_LINE = re.compile(r"^\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}\s*[,:]\s*$")
SIGN_OFF = re.compile(
    r"^\s*(?:best(?:\s+(?:regards|wishes))?|kind(?:est)?\s+regards|warm(?:est)?\s+regards|regards|sincerely"
    r"(?:\s+yours)?|yours(?:\s+(?:sincerely|truly|faithfully))?|respectfully|cheers|thanks(?:\s+again)?"
    r"|thank\s+you(?:\s+again)?|many\s+thanks|all\s+the\s+best|with\s+(?:gratitude|thanks|appreciation)"
    r"|warmly|take\s+care|talk\s+soon|gratefully)\b[^\n]{0,20}?[,.!]?\s*$",
    re.IGNORECASE,
)


#: Lowercase particles inside a name ("Johan van der Merwe", "Ana de la Cruz", "Aisha binti Yusof").
PARTICLE = r"(?:van|von|der|den|de|del|della|di|da|das|dos|du|la|le|ter|ten|bin|binti|bint|ibn|al|el|af|zu|a/[lp])"
#: Particles after a capitalised word and before another (group 1), or joined by a hyphen to the capitalised
#: part of a name ("al-Masri", "bin-Hamad", "de-Souza": group 2): part of a name, not words to check.
NAME_PARTICLE = re.compile(
    rf"\b[A-Z][\w'\u2019.-]*((?: +{PARTICLE})+)(?= +[A-Z])|(?<![\w'\u2019-])({PARTICLE})(?=[-\u2010\u2011][A-Z])"
)


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int  # excluding the line break
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def content_start(self) -> int:
        return self.start + len(self.text) - len(self.text.lstrip())

    @property
    def content_end(self) -> int:
        return self.start + len(self.text.rstrip())


@dataclass(frozen=True, slots=True)
class Layout:
    """The greeting line, the sign-off line and the body's lines (all in prose coordinates)."""

    lines: tuple[Line, ...]
    greeting: Line | None
    sign_off: Line | None

    @property
    def first_paragraph(self) -> Line | None:
        """The first non-blank line after the greeting (or the first one, without a greeting)."""
        after = self.greeting.end if self.greeting else -1
        for line in self.lines:
            if line.start > after and not line.blank and line is not self.sign_off:
                return line
        return None


#: A line of a letter's heading block: an address, a date, a reference ("Re: ..."), a name or a title.
_BLOCK_LINE = re.compile(r"^[^\n]{1,70}$")
#: A line of the body: six words or more ending in a full stop, a question or an exclamation mark.
_SENTENCE = re.compile(r"^\s*(?:\S+\s+){5,}\S*[a-z]{2,}[.!?]\s*$")
#: How many heading lines a business letter may put before its greeting.
LETTER_BLOCK = 14


def _letter_greeting(content: list[Line]) -> Line | None:
    """The greeting of a business letter: "Dear ..." after the sender's block, a date and the recipient's block.
    Every line before it is short and none reads as a sentence of the body."""
    for i, line in enumerate(content[1:LETTER_BLOCK], start=1):
        if GREETING.match(line.text):
            before = content[:i]
            if all(_BLOCK_LINE.match(b.text.strip()) and not _SENTENCE.search(b.text) for b in before):
                return line
            return None
    return None


def analyse(prose: str, body_start: int) -> Layout:
    lines: list[Line] = []
    pos = body_start
    for raw in prose[body_start:].split("\n"):
        text = raw.rstrip("\r")
        lines.append(Line(pos, pos + len(text), text))
        pos += len(raw) + 1
    content = [line for line in lines if not line.blank]
    greeting = None
    if content and (GREETING.match(content[0].text) or _NAME_LINE.match(content[0].text)):
        greeting = content[0]
    else:
        greeting = _letter_greeting(content)
    sign_off = None
    for line in reversed(content[-4:]):
        if line is greeting:
            break
        if SIGN_OFF.match(line.text):
            sign_off = line
            break
    return Layout(tuple(lines), greeting, sign_off)
