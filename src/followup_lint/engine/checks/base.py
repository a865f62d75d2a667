"""The base of every check type (``pipeline.CHECKS`` maps a rule file's check type to its class)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from ...model import Finding, Fix, Severity
from ..schema import Field
from ..templates import fill_partial

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule


class Check:
    """A check type. Rule files choose one by its name in ``pipeline.CHECKS`` and give it the keys in ``fields``.

    Subclasses implement ``run``; ``validate`` checks a rule's spec at load time, ``prepare`` compiles what
    the check needs once per process before the first draft.
    """

    fields: ClassVar[dict[str, Field]] = {}

    def __init__(self, rule: Rule) -> None:
        self.rule = rule

    @classmethod
    def validate(cls, rule: Rule) -> None:
        """Raise ``RuleError`` for a spec the check cannot use."""

    def prepare(self) -> None:
        """Compile patterns and load resources (called once, before linting)."""

    def run(self, doc: Document) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        *,
        message: str | None = None,
        suggestion: str | None = None,
        fixes: tuple[Fix, ...] = (),
        severity: Severity | None = None,
        values: dict[str, Any] | None = None,
    ) -> Finding:
        """A finding for ``[start, end)`` with the rule's texts, their ``{fields}`` filled. The quoted ``{match}``
        has its white space folded, so a match over a line break reads as one line in every format."""
        variables = {**doc.context.values(), **self.rule.options, **(values or {})}
        if isinstance(variables.get("match"), str) and any(c in variables["match"] for c in "\n\t\r"):
            variables["match"] = " ".join(variables["match"].split())
        text = message or self.rule.message
        advice = suggestion if suggestion is not None else self.rule.suggestion
        return Finding(
            rule=self.rule.id,
            category=self.rule.category,
            severity=severity or self.rule.severity,
            message=fill_partial(text, variables),
            offset=start,
            length=end - start,
            fixes=fixes,
            suggestion=fill_partial(advice, variables) if advice else None,
        )
