"""A rule as defined in a rule file: identity, category, severity, messages, options and examples."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..model import Context, Severity


@dataclass(frozen=True, slots=True)
class Example:
    """A draft a rule must (``fire``) or must not (``pass``) report, with optional context."""

    text: str
    context: Context = field(default_factory=Context)
    format: str = "text"
    #: For must-fire examples: text that one finding must cover exactly, if given.
    flags: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """One check, loaded from a rule file. ``spec`` holds the keys specific to its ``check`` type."""

    id: str
    category: str
    severity: Severity
    #: The check type (``pipeline.CHECKS``); the message kinds it applies to are ``kinds``.
    check: str
    message: str
    why: str
    summary: str
    path: str
    suggestion: str | None = None
    sources: tuple[str, ...] = ()
    enabled: bool = True
    channels: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    options: dict[str, Any] = field(default_factory=dict)
    spec: dict[str, Any] = field(default_factory=dict)
    fire: tuple[Example, ...] = ()
    passes: tuple[Example, ...] = ()
    #: Whether the config set the severity: then it holds for every draft (no check lowers or raises it).
    severity_configured: bool = False

    def with_overrides(self, severity: Severity | None, options: dict[str, Any]) -> Rule:
        """A copy with a new severity and/or option values (already validated)."""
        return replace(
            self,
            severity=severity or self.severity,
            options={**self.options, **options},
            severity_configured=self.severity_configured or severity is not None,
        )

    def applies_to(self, channel: str | None) -> bool:
        """Whether the rule runs for a draft sent on ``channel`` (default ``email``)."""
        return not self.channels or (channel or "email") in self.channels

    def matches(self, selector: str) -> bool:
        """Whether ``selector`` (``ALL``, a category, a rule id or an id prefix) names this rule."""
        selector = selector.strip()
        return (
            selector.upper() == "ALL"
            or selector == self.category
            or selector == self.id
            or self.id.startswith(selector + ".")
        )
