"""``timing``: too late, too early, too often. Compares the interview date, the send date, earlier follow-ups
and the date the employer named (``--interview-date``, ``--send-date``, ``--previous``, and an ``.eml``'s own
Date header and quoted thread) with the thresholds in the rule's options.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from ... import dates
from ...model import Finding
from ..errors import RuleError
from ..kinds import kind_is_sure
from ..schema import Field, check_fields
from .base import Check

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule

TESTS = {
    "thank-you-late": ("max-hours",),
    "check-in-early": ("min-business-days", "business-days-after-named-date"),
    "too-many": ("max-follow-ups",),
    "too-soon": ("min-days-apart",),
}
_VARIANT_FIELDS = {
    "message": Field(str, True, "the message for this case"),
    "suggestion": Field(str, False, "the suggestion for this case"),
}
_FROM = re.compile(r"^From:[ \t]*([^\r\n]*)", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Timeline:
    """The dates a draft's timing is judged by."""

    send: dt.date
    interview: dt.date | None
    #: Earlier follow-ups (after the interview when it is known), oldest first: ``(day, kind)``.
    previous: tuple[tuple[dt.date, str | None], ...]
    #: The day the employer said they would decide or reply by, if the draft or its thread names one.
    named: dt.date | None


def _context_date(doc: Document, value: str, key: str) -> dt.date:
    try:
        return dates.parse_date(value, key)
    except dates.DateError as exc:
        from ...settings import ConfigError

        raise ConfigError(doc.config.path or "context", f"context.{key}", str(exc)) from None


_LINE = re.compile(r"[^\r\n]+")


def _own_address(doc: Document) -> str | None:
    if doc.draft.format != "email":
        return None
    match = _FROM.search(doc.source, 0, doc.draft.body_start)
    if not match:
        return None
    import email.utils

    name, address = email.utils.parseaddr(match.group(1))
    return (address or name).lower() or None


def _hidden_body(doc: Document) -> str:
    """The body's text that is not the user's prose (quoted replies, earlier messages), positions kept."""
    start = doc.draft.body_start
    source, prose = doc.source[start:], doc.prose[start:]
    if source == prose:  # nothing hidden: only the line breaks are kept
        return _LINE.sub(lambda line: " " * (line.end() - line.start()), source)
    return "".join(s if s in "\r\n" or (p == " " and s != " ") else " " for s, p in zip(source, prose, strict=True))


def timeline(doc: Document, today: dt.date | None = None) -> Timeline:
    """The send date (``--send-date``, else the e-mail's Date header, else today), the interview date, the
    earlier follow-ups (``--previous`` and the user's own messages quoted in the draft) and the named date (from
    quoted messages, the draft's own "you mentioned ... by <date>", or ``Context.extra["named-date"]``).
    """
    ctx = doc.context
    interview = _context_date(doc, ctx.interview_date, "interview-date") if ctx.interview_date else None
    if ctx.send_date:
        send = _context_date(doc, ctx.send_date, "send-date")
    else:
        send = dates.mail_date(doc.draft.date) or today or dt.date.today()
    earlier: dict[dt.date, str | None] = {_context_date(doc, d, "previous"): None for d in ctx.previous}
    me = _own_address(doc)
    named: dt.date | None = None
    hidden = _hidden_body(doc)
    quoted = dates.quoted_messages(hidden)
    if not quoted and hidden.strip():
        # Quoted lines without an "On ... wrote:" line: one earlier message of unknown date and sender.
        quoted = [dates.ThreadMessage(None, None, re.sub(r"(?m)^[ \t]*(?:>[ \t]?)+", "", hidden))]
    for message in quoted:
        if me and message.sender == me:
            if message.date is not None:
                from ..kinds import classify

                earlier.setdefault(message.date, classify(message.text)[0])
            continue
        found = dates.named_date(message.text, message.date or interview)
        if found and (named is None or found > named):
            named = found
    if ctx.extra.get("named-date"):  # from a thread file read by the caller (see dates.thread_timing)
        given = _context_date(doc, ctx.extra["named-date"], "named-date")
        named = given if named is None or given > named else named
    own = dates.named_date(doc.prose[doc.draft.body_start :], interview, need_you=True)
    if own and (named is None or own > named):
        named = own
    previous = tuple(
        (day, kind) for day, kind in sorted(earlier.items()) if day <= send and (interview is None or day >= interview)
    )
    return Timeline(send, interview, previous, named)


class Timing(Check):
    """One timing test per rule (``test:``), with its thresholds in the rule's options."""

    fields: ClassVar[dict[str, Field]] = {
        "test": Field(str, True, "thank-you-late, check-in-early, too-many or too-soon"),
        "named": Field(dict, False, "check-in-early: message and suggestion when the employer named a date"),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        test = rule.spec["test"]
        if test not in TESTS:
            raise RuleError(rule.path, "test", f"unknown timing test {test!r} (known: {', '.join(TESTS)})")
        for option in TESTS[test]:
            value = rule.options.get(option)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise RuleError(rule.path, f"options.{option}", "is required and must be a whole number ≥ 0")
        if "named" in rule.spec:
            check_fields(rule.path, rule.spec["named"], _VARIANT_FIELDS, "named.")

    def run(self, doc: Document) -> Iterator[Finding]:
        if not doc.prose[doc.draft.body_start :].strip() or (self.rule.kinds and not kind_is_sure(doc)):
            return  # nothing to judge, or a per-kind test on a draft whose kind is only assumed
        try:
            yield from self._run(doc)
        except OverflowError:  # dates at the very end of the calendar: nothing sensible to say
            return

    def _run(self, doc: Document) -> Iterator[Finding]:
        when: Timeline = doc.timeline  # one timeline per draft for all timing rules
        test = self.rule.spec["test"]
        opts = self.rule.options
        at = (
            doc.draft.body_start
            + len(doc.prose[doc.draft.body_start :])
            - len(doc.prose[doc.draft.body_start :].lstrip())
        )
        if test == "thank-you-late" and when.interview is not None:
            days = (when.send - when.interview).days
            if days * 24 > opts["max-hours"]:
                yield self.finding(doc, at, at, values={"value": days, "limit": opts["max-hours"]})
        elif test == "check-in-early":
            yield from self._check_in_early(doc, when, at)
        elif test == "too-many":
            count = sum(1 for _, kind in when.previous if kind != "thank-you")
            if count >= opts["max-follow-ups"]:
                yield self.finding(doc, at, at, values={"value": count + 1, "limit": opts["max-follow-ups"]})
        elif test == "too-soon" and when.previous:
            last = when.previous[-1][0]
            days = (when.send - last).days
            if days < opts["min-days-apart"]:
                values = {"value": days, "limit": opts["min-days-apart"], "last": last.isoformat()}
                values["earliest"] = (last + dt.timedelta(days=opts["min-days-apart"])).isoformat()
                yield self.finding(doc, at, at, values=values)

    def _check_in_early(self, doc: Document, when: Timeline, at: int) -> Iterator[Finding]:
        opts = self.rule.options
        if when.named is not None:
            earliest = dates.add_business_days(when.named, opts["business-days-after-named-date"])
            if when.send < earliest:
                variant = self.rule.spec.get("named") or {}
                values = {"named": when.named.isoformat(), "earliest": earliest.isoformat()}
                yield self.finding(
                    doc, at, at, message=variant.get("message"), suggestion=variant.get("suggestion"), values=values
                )
        elif when.interview is not None and when.send >= when.interview:
            earliest = dates.add_business_days(when.interview, opts["min-business-days"])
            if when.send < earliest:
                days = dates.business_days_between(when.interview, when.send)
                values = {"value": days, "limit": opts["min-business-days"], "earliest": earliest.isoformat()}
                yield self.finding(doc, at, at, values=values)
