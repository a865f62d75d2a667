"""The values every layer shares: severities, categories, fixes, findings and the lint context."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

#: The contract's fixed vocabulary of finding categories.
CATEGORIES: tuple[str, ...] = (
    "typo",
    "grammar",
    "gratitude",
    "personalization",
    "placeholder",
    "wrong-name",
    "length",
    "tone",
    "formality",
    "structure",
    "readability",
    "timing",
)


class Severity(IntEnum):
    """How serious a finding is; ordered so that ``ERROR > WARNING > SUGGESTION``."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Parse ``error``/``warning``/``suggestion`` (case-insensitive); raise ``ValueError`` otherwise."""
        try:
            return cls[value.strip().upper()]
        except (KeyError, AttributeError):
            raise ValueError(f"invalid severity {value!r} (expected error, warning or suggestion)") from None


@dataclass(frozen=True, slots=True)
class Fix:
    """A machine-applicable edit: replace ``length`` characters at ``offset`` with ``replacement``.

    ``safe`` fixes may be applied without review (``--fix``); unsafe ones need ``--unsafe-fixes``.
    """

    offset: int
    length: int
    replacement: str
    safe: bool = True

    def to_dict(self) -> dict[str, object]:
        return {
            "offset": self.offset,
            "length": self.length,
            "replacement": self.replacement,
            "safe": self.safe,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a draft, located by character offset into the draft's source."""

    rule: str
    category: str
    severity: Severity
    message: str
    offset: int
    length: int
    fixes: tuple[Fix, ...] = ()
    suggestion: str | None = None

    @property
    def end(self) -> int:
        return self.offset + self.length


@dataclass(frozen=True, slots=True)
class Context:
    """What the user told us about the application the draft belongs to."""

    company: str | None = None
    role: str | None = None
    interviewers: tuple[str, ...] = ()
    channel: str | None = None
    #: The kind of message: thank-you, check-in, post-rejection, networking (None: detect it).
    kind: str | None = None
    #: ISO dates (YYYY-MM-DD) for timing rules: the interview, the send date, earlier follow-ups.
    interview_date: str | None = None
    send_date: str | None = None
    previous: tuple[str, ...] = ()
    #: Spelling dialect: en-US, en-GB, or None for both.
    dialect: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def merged(self, other: Context) -> Context:
        """Return a context where the set fields of ``other`` override this one's."""
        return Context(
            company=other.company or self.company,
            role=other.role or self.role,
            interviewers=other.interviewers or self.interviewers,
            channel=other.channel or self.channel,
            kind=other.kind or self.kind,
            interview_date=other.interview_date or self.interview_date,
            send_date=other.send_date or self.send_date,
            previous=other.previous or self.previous,
            dialect=other.dialect or self.dialect,
            extra={**self.extra, **other.extra},
        )

    def values(self) -> dict[str, str]:
        """The fields that are set, as template variables (``{company}``, ``{interviewer_first}``, ...)."""
        out = {k: v for k, v in self.extra.items() if v}
        for key in ("company", "role"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.interviewer:
            out["interviewer"] = self.interviewer
            out["interviewer_first"] = self.interviewer.split()[0]
        return out

    @property
    def interviewer(self) -> str | None:
        """The first interviewer, the person the draft most likely addresses."""
        return self.interviewers[0] if self.interviewers else None
