"""Lint results: a report per file and for the whole run, and their JSON form (the public contract)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Finding, Severity
from .positions import LineIndex

SCHEMA_VERSION = 1


@dataclass
class FileReport:
    """The findings and metrics of one draft."""

    path: str
    source: str
    findings: list[Finding]
    metrics: dict[str, Any] = field(default_factory=dict)
    #: Notes about the whole draft that are not findings (e.g. "not English, not checked").
    notices: list[str] = field(default_factory=list)
    _index: LineIndex | None = field(default=None, repr=False)

    @property
    def index(self) -> LineIndex:
        if self._index is None:
            self._index = LineIndex(self.source)
        return self._index

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    def finding_dict(self, finding: Finding) -> dict[str, Any]:
        line, column = self.index.position(finding.offset)
        end_line, end_column = self.index.position(finding.end)
        return {
            "rule": finding.rule,
            "category": finding.category,
            "severity": finding.severity.label,
            "message": finding.message,
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "offset": finding.offset,
            "length": finding.length,
            "text": self.source[finding.offset : finding.end],
            "fixes": [fix.to_dict() for fix in finding.fixes],
            "suggestion": finding.suggestion,
        }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path,
            "findings": [self.finding_dict(f) for f in self.findings],
            "metrics": self.metrics,
        }
        if self.notices:
            out["notices"] = list(self.notices)
        return out


@dataclass
class Report:
    """The result of linting one or more drafts."""

    files: list[FileReport] = field(default_factory=list)
    #: One-line errors for inputs that could not be read (``path: reason``).
    errors: list[str] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(f.count(severity) for f in self.files)

    def worst(self) -> Severity | None:
        return max((s for f in self.files if (s := f.worst()) is not None), default=None)

    def exit_status(self, fail_on: Severity) -> int:
        """0 clean, 1 findings at or above ``fail_on``, 2 when an input could not be read."""
        if self.errors:
            return 2
        worst = self.worst()
        return 1 if worst is not None and worst >= fail_on else 0

    def to_dict(self) -> dict[str, Any]:
        from .. import __version__

        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "followup-lint", "version": __version__},
            "files": [f.to_dict() for f in self.files],
            "summary": {
                "files": len(self.files),
                "errors": self.count(Severity.ERROR),
                "warnings": self.count(Severity.WARNING),
                "suggestions": self.count(Severity.SUGGESTION),
            },
        }
