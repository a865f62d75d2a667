"""Dates for timing rules: strict ISO parsing, business days, dates in prose, and dates of an e-mail thread.

Everything here is pure standard library and deterministic: "today" is always passed in by the caller.
Numeric dates such as ``3/4/2026`` are deliberately not read from prose: they mean different days in the US
and the UK, and a wrong date is worse than none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import email.message

# The ``email`` package (about 30 ms to import) is imported by the functions that read messages or headers: a
# plain draft's timing checks never need it.

__all__ = [
    "DateError",
    "ThreadMessage",
    "add_business_days",
    "business_days_between",
    "dates_in_text",
    "mail_date",
    "named_date",
    "parse_date",
    "quoted_messages",
    "read_thread",
    "thread_timing",
]


class DateError(ValueError):
    """A date that is not a valid calendar date written as YYYY-MM-DD."""


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(value: str, what: str = "date") -> dt.date:
    """A strict ISO date (``YYYY-MM-DD``, a real calendar day); ``DateError`` otherwise."""
    if not isinstance(value, str) or not _ISO.match(value):
        raise DateError(f"{what} {value!r} is not a date in the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DateError(f"{what} {value!r} is not a valid calendar date") from None


def business_days_between(start: dt.date, end: dt.date) -> int:
    """Weekdays (Monday to Friday) after ``start`` up to and including ``end``; negative when ``end`` is earlier.

    An interview on a Monday and a message the next Monday are 5 business days apart.
    """
    if end < start:
        return -business_days_between(end, start)
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for offset in range(1, rest + 1):
        if (start + dt.timedelta(days=offset)).weekday() < 5:
            count += 1
    return count


def add_business_days(day: dt.date, count: int) -> dt.date:
    """The date ``count`` business days after ``day`` (``count`` ≥ 0; weekends are skipped)."""
    current = day
    while count > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            count -= 1
    return current


def mail_date(value: str | None) -> dt.date | None:
    """The calendar day of an RFC 5322 ``Date:`` value, in the sender's own time zone; None if unreadable."""
    if not value:
        return None
    import email.utils

    try:
        parsed = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return parsed.date() if parsed is not None else None


# --- dates written in prose -------------------------------------------------------------------------------

_MONTHS = {
    name: index
    for index, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = {
    name: index
    for index, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
_NUMBERS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "a couple of": 2, "a few": 3}
#: Every way a month is written (names and abbreviations), longest first: for a pattern's alternation.
MONTH_NAMES = tuple(sorted(_MONTHS, key=len, reverse=True))
_MONTH = r"(?P<month>" + "|".join(MONTH_NAMES) + r")\.?"
_WEEKDAY = r"(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
_COUNT = r"(?P<count>\d{1,2}|one|two|three|four|a couple of|a few|a)"

_DATE_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("iso", r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("month-day", r"\b" + _MONTH + r"\s+" + _DAY + r"\b" + _YEAR),
        ("day-month", r"\b" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r"\b" + _YEAR),
        ("end-of-week", r"\b(?:the\s+)?end\s+of\s+(?P<which>this|the|next)\s+week\b"),
        ("end-of-month", r"\b(?:the\s+)?end\s+of\s+(?P<which>this|the|next)\s+month\b"),
        ("next-week", r"\b(?P<which>next|this)\s+week\b"),
        (
            "within",
            r"\b(?:within|in)\s+(?:the\s+next\s+)?" + _COUNT + r"\s+(?:(?P<biz>business|working)\s+)?"
            r"(?P<unit>days?|weeks?)(?:\s+or\s+(?:two|so|three))?\b",
        ),
        ("weekday", r"\b(?:by|until|before|next|this|no\s+later\s+than)\s+(?:next\s+)?" + _WEEKDAY + r"\b"),
        ("tomorrow", r"\btomorrow\b"),
    )
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date written in a text: where it is and the day it means."""

    start: int
    end: int
    date: dt.date
    relative: bool


def dates_in_text(text: str, reference: dt.date | None) -> list[FoundDate]:
    """The dates written in ``text``. Relative ones ("next Friday", "within two weeks") need ``reference``,
    the day the text was written; without it only full dates are read. A date without a year takes the year
    that puts it nearest after ``reference`` (within about two months before it).
    """
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _DATE_FORMS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            try:
                day = _resolve(name, match, reference)
            except (OverflowError, ValueError):  # beyond the calendar's range (year 1 or 9999)
                day = None
            if day is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(FoundDate(match.start(), match.end(), day, name not in ("iso", "month-day", "day-month")))
    return sorted(found, key=lambda f: f.start)


def _resolve(name: str, match: re.Match[str], reference: dt.date | None) -> dt.date | None:
    groups = match.groupdict()
    if name in ("iso", "month-day", "day-month"):
        month = int(groups["month"]) if name == "iso" else _MONTHS[groups["month"].lower()]
        day = int(groups["day"])
        year = groups.get("year")
        if year:
            return _safe_date(int(year), month, day)
        if reference is None:
            return None
        candidate = _safe_date(reference.year, month, day)
        if candidate is not None and (reference - candidate).days > 60:
            candidate = _safe_date(reference.year + 1, month, day)
        return candidate
    if reference is None:
        return None
    if name == "tomorrow":
        return reference + dt.timedelta(days=1)
    if name == "weekday":
        target = _WEEKDAYS[groups["weekday"].lower()]
        # "(next) Friday" is read as the nearest Friday after the reference: "next Friday" said on a Monday
        # may mean the later one, but the nearer reading never makes a check-in look early by mistake.
        return reference + dt.timedelta(days=(target - reference.weekday()) % 7 or 7)
    if name == "end-of-week":
        friday = reference + dt.timedelta(days=(4 - reference.weekday()) % 7)
        return friday + dt.timedelta(days=7) if groups["which"].lower() == "next" else friday
    if name == "end-of-month":
        month = reference.month + (1 if groups["which"].lower() == "next" else 0)
        year = reference.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        following = dt.date(year + (month // 12), month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    if name == "next-week":
        monday = reference - dt.timedelta(days=reference.weekday())
        # "next week": by the end of the following working week; "this week": by this Friday.
        return monday + dt.timedelta(days=(11 if groups["which"].lower() == "next" else 4))
    if name == "within":
        raw = groups["count"].lower()
        count = int(raw) if raw.isdigit() else _NUMBERS[raw]
        if match.group(0).lower().rstrip().endswith(("or two", "or three")):
            count += 1  # "in a week or two": the later end of the range
        unit = groups["unit"].lower()
        if unit.startswith("week"):
            return reference + dt.timedelta(days=7 * count)
        if groups.get("biz"):
            return add_business_days(reference, count)
        return reference + dt.timedelta(days=count)
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


#: Words that make a sentence about when the employer will decide or get back to the candidate.
_DECISION_CUE = re.compile(
    r"\b(?:decision|decide|deciding|decided|hear(?:ing)?\s+back|get\s+back\s+to\s+you|be\s+in\s+touch|"
    r"(?:let|update|inform|notify)\s+(?:you|all\s+candidates)|reach\s+out|next\s+steps?|timeline|"
    r"final(?:ise|ize)|wrap(?:ping)?\s+up|conclude|make\s+(?:an?\s+)?(?:offer|choice)|hiring\s+manager\s+will|"
    r"follow\s+up\s+with\s+you|contact\s+you|news|response|respond)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:\n(?![ \t]*\n)[^.!?\n]+)*[.!?]?")


def named_date(text: str, reference: dt.date | None, *, need_you: bool = False) -> dt.date | None:
    """The latest date the text names for a decision or a reply ("we expect to decide by March 14").

    ``need_you``: only sentences that speak of the reader ("you mentioned ...", "your team"), for the
    candidate's own prose restating what the employer said; there only this employer's dates count, not
    another employer's or the candidate's own ("I need to answer the other offer by March 20",
    ``date_owners``).
    """
    best: dt.date | None = None
    others: list[tuple[int, int]] | None = None
    for sentence in _SENTENCE.finditer(text):
        chunk = sentence.group(0)
        if not _DECISION_CUE.search(chunk):
            continue
        if need_you and not re.search(r"\byou(?:r)?\b", chunk, re.IGNORECASE):
            continue
        for found in dates_in_text(chunk, reference):
            if need_you:
                if others is None:
                    from .date_owners import not_employers

                    others = not_employers(text)
                at, to = sentence.start() + found.start, sentence.start() + found.end
                if any(s < to and at < e for s, e in others):
                    continue  # another employer's deadline, or the candidate's own date
            if best is None or found.date > best:
                best = found.date
    return best


# --- e-mail threads ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ThreadMessage:
    """One message of a thread: when it was sent, by whom (address, lowercased) and its text."""

    date: dt.date | None
    sender: str | None
    text: str


_ATTRIBUTION = re.compile(
    r"^[ \t>]*On[ \t]+(?P<head>[^\n]{6,300}?(?:\n[ \t>]*[^\n]{1,200}?)?)[ \t]*wrote:[ \t]*$", re.MULTILINE
)
_OUTLOOK_BLOCK = re.compile(
    r"^[ \t>]*From:[ \t]*(?P<who>[^\n]+)\n[ \t>]*(?:Sent|Date):[ \t]*(?P<when>[^\n]+)$",
    re.MULTILINE | re.IGNORECASE,
)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_FULL_DATE = re.compile(
    r"(?:(?P<iso>(?:19|20)\d{2}-[01]\d-[0-3]\d)|"
    + _MONTH.replace("month", "m1")
    + r"\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d{2})|"
    r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+" + _MONTH.replace("month", "m2") + r",?\s+(?P<y2>(?:19|20)\d{2}))",
    re.IGNORECASE,
)


def _loose_date(text: str) -> dt.date | None:
    """A full date (with its year) written in an attribution line or header, in any common order."""
    parsed = mail_date(text)
    if parsed is not None:
        return parsed
    match = _FULL_DATE.search(text)
    if not match:
        return None
    if match.group("iso"):
        try:
            return dt.date.fromisoformat(match.group("iso"))
        except ValueError:
            return None
    if match.group("m1"):
        return _safe_date(int(match.group("y1")), _MONTHS[match.group("m1").lower()], int(match.group("d1")))
    return _safe_date(int(match.group("y2")), _MONTHS[match.group("m2").lower()], int(match.group("d2")))


def _address(text: str | None) -> str | None:
    if not text:
        return None
    found = _ADDRESS.search(text)
    if found:
        return found.group(0).lower()
    import email.utils

    name = email.utils.parseaddr(text)[0] or text
    return " ".join(name.split()).lower() or None


def quoted_messages(body: str) -> list[ThreadMessage]:
    """The earlier messages quoted in a reply's body, found from ``On <date>, <who> wrote:`` attributions and
    Outlook ``From:``/``Sent:`` blocks. Each one's text runs to the next attribution.
    """
    heads: list[tuple[int, int, dt.date | None, str | None]] = []
    for match in _ATTRIBUTION.finditer(body):
        head = re.sub(r"\s*\n[ \t>]*", " ", match.group("head"))
        found = _ADDRESS.search(head)
        who = found.group(0).lower() if found else _address(head.rsplit(",", 1)[-1])
        heads.append((match.start(), match.end(), _loose_date(head), who))
    for match in _OUTLOOK_BLOCK.finditer(body):
        heads.append((match.start(), match.end(), _loose_date(match.group("when")), _address(match.group("who"))))
    heads.sort()
    out = []
    for index, (_, end, day, who) in enumerate(heads):
        stop = heads[index + 1][0] if index + 1 < len(heads) else len(body)
        text = re.sub(r"(?m)^[ \t]*(?:>[ \t]?)+", "", body[end:stop])
        out.append(ThreadMessage(day, who, text))
    return out


_MBOX_SEPARATOR = re.compile(rb"^From [^\r\n]*\r?\n", re.MULTILINE)


def read_thread(data: bytes) -> list[ThreadMessage]:
    """The messages of an ``.eml`` file (the message itself and those quoted in it) or of an mbox file.

    Each has the day it was sent (None when unknown), its sender and its text. Unreadable parts are skipped.
    """
    if data.startswith(b"From "):
        chunks = [c for c in _MBOX_SEPARATOR.split(data) if c.strip()]
        chunks = [re.sub(rb"(?m)^>(>*From )", rb"\1", c) for c in chunks]  # undo mboxrd "From " quoting
    else:
        chunks = [data]
    import email
    import email.errors
    from email import policy

    from .reading.decode import MAX_BYTES
    from .reading.errors import DraftError
    from .reading.mime import prune

    out: list[ThreadMessage] = []
    for chunk in chunks:
        try:  # attachments are left out unread: only the text and the headers matter here
            message = email.message_from_bytes(prune("thread", chunk, 4 * MAX_BYTES).data, policy=policy.default)
            if not message.keys():
                continue
            text = _plain_text(message)
        except (email.errors.MessageError, ValueError, LookupError, DraftError, RecursionError):
            continue  # nested too deeply for the standard library's parser counts as unreadable
        out.append(ThreadMessage(mail_date(_header(message, "date")), _address(_header(message, "from")), text))
        out.extend(quoted_messages(text))
    return out


def _header(message: email.message.Message, name: str) -> str | None:
    import email.errors

    try:
        value = message.get(name)
    except (email.errors.HeaderParseError, ValueError, LookupError):
        return None
    return str(value) if value is not None else None


def _plain_text(message: email.message.Message) -> str:
    import email.errors

    try:
        part = message.get_body(preferencelist=("plain",))  # type: ignore[attr-defined]
        content = part.get_content() if part is not None else ""
    except (KeyError, ValueError, LookupError, AttributeError, email.errors.MessageError):
        content = ""
    return content if isinstance(content, str) else ""


def thread_timing(messages: list[ThreadMessage], me: str | None = None) -> tuple[tuple[dt.date, ...], dt.date | None]:
    """Earlier follow-ups and the employer's named date, from a thread's messages.

    ``me`` is the candidate's address (or name); without it, the sender of the most dated messages is taken
    to be the candidate. Returns the days the candidate wrote (sorted, without repeats) and the latest
    decision date named in anyone else's messages (read relative to each message's own date).
    """
    senders = [m.sender for m in messages if m.sender and m.date]
    if me is None and senders:
        me = max(dict.fromkeys(senders), key=senders.count)
    me = me.lower() if me else None
    own = sorted({m.date for m in messages if m.date and me and m.sender == me})
    named: dt.date | None = None
    for message in messages:
        if me and message.sender == me:
            continue
        found = named_date(message.text, message.date)
        if found and (named is None or found > named):
            named = found
    return tuple(own), named
