"""What the web API does, without HTTP: parse a request body, lint or fix the draft, list the rules.

Everything goes through the library API, the same path as ``followup-lint --format json``, so the API's
report for a draft and a context equals the command line's for the same file and flags. Nothing here opens a
file: the ``filename`` a client sends only labels the report and picks the format (text, Markdown, e-mail).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..model import Context, Finding
from ..reading.decode import MAX_BYTES

if TYPE_CHECKING:
    from ..engine.linter import Linter
    from ..reading import Draft

#: The largest draft accepted: the command line's limit for a draft file.
TEXT_LIMIT = MAX_BYTES
#: The largest request body: twice the draft limit, room for JSON's escapes (``\n``, ``\"``, ``\uXXXX``).
BODY_LIMIT = 2 * MAX_BYTES
#: The report's path when the client names no file: what the command line calls standard input.
DEFAULT_NAME = "-"
_REQUEST_KEYS = ("text", "filename", "context")
_MAX_NAME = 255
_DATE_KEY = re.compile(r"-date\b")


class RequestError(Exception):
    """A request the API refuses: ``status`` is the HTTP status, ``str()`` a one-line reason."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class LintRequest:
    """A validated ``POST /api/lint`` or ``/api/fix`` body."""

    text: str
    filename: str = DEFAULT_NAME
    context: Context | None = None


def format_size(count: int) -> str:
    """``1 MB``, ``512 KB`` or ``524,289 bytes``: round units when exact."""
    for unit, size in (("MB", 1024 * 1024), ("KB", 1024)):
        if count % size == 0:
            return f"{count // size} {unit}"
    return f"{count:,} bytes"


def parse_request(body: bytes) -> LintRequest:
    """Validate a request body: ``{"text": ..., "filename": ..., "context": {...}}``; ``RequestError`` if bad."""
    if len(body) > BODY_LIMIT:
        raise RequestError(
            413, f"request body too large ({format_size(len(body))}; the limit is {format_size(BODY_LIMIT)})"
        )
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise RequestError(400, "the request body is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise RequestError(400, f"the request body is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict):
        raise RequestError(400, 'the request body must be a JSON object like {"text": "..."}')
    unknown = sorted(set(data) - set(_REQUEST_KEYS))
    if unknown:
        raise RequestError(400, f"unknown key {unknown[0]!r} (expected: {', '.join(_REQUEST_KEYS)})")
    text = data.get("text")
    if not isinstance(text, str):
        raise RequestError(400, '"text" is required and must be a string')
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:
        raise RequestError(400, '"text" holds an unpaired surrogate (not a character)') from None
    if size > TEXT_LIMIT:
        raise RequestError(413, f"the draft is too large ({format_size(size)}; the limit is {format_size(TEXT_LIMIT)})")
    filename = data.get("filename", DEFAULT_NAME)
    if not isinstance(filename, str) or not filename or len(filename) > _MAX_NAME:
        raise RequestError(400, f'"filename" must be a non-empty string of at most {_MAX_NAME} characters')
    if any(ord(c) < 32 or ord(c) == 127 for c in filename):
        raise RequestError(400, '"filename" must not hold control characters')
    return LintRequest(text, filename, parse_context(data.get("context")))


def parse_context(data: object) -> Context | None:
    """The ``context`` object: the command line's context flags, with ``_`` in the keys (``send_date``)."""
    if data is None:
        return None
    if not isinstance(data, dict):
        raise RequestError(400, '"context" must be a JSON object')
    from ..engine.errors import RuleError
    from ..engine.loader import context_from_mapping

    try:
        return context_from_mapping("context", {str(k).replace("_", "-"): v for k, v in data.items()}, "")
    except RuleError as exc:
        field = (exc.field or "").replace("-", "_")
        raise RequestError(400, f"context.{field}: {_DATE_KEY.sub('_date', exc.problem)}") from None


class Service:
    """Lints for the web API with one configuration (the server's flags and config file)."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()

    @property
    def linter(self) -> Linter:
        """The engine's linter for this configuration, built once per process."""
        from ..api import linter_for

        return linter_for(self.config)

    def warm_up(self) -> None:
        """Load the rules and the speller now (a misspelling loads its suggestions), so the first request is as quick
        as the others."""
        self.lint(LintRequest("Hi Dana,\n\nThank you for your tiem today.\n\nBest,\nSam\n"))

    def _draft(self, request: LintRequest) -> Draft:
        from ..reading import DraftError, draft_from_text

        try:
            return draft_from_text(request.text, request.filename)
        except DraftError as exc:
            raise RequestError(400, str(exc)) from None

    def lint(self, request: LintRequest) -> dict[str, Any]:
        """The versioned JSON report, as ``followup-lint --format json`` prints it."""
        from ..reporting import Report

        report = Report(files=[self.linter.lint(self._draft(request), request.context)])
        return report.to_dict()

    def fix(self, request: LintRequest, *, unsafe: bool = False) -> dict[str, Any]:
        """Apply the safe fixes, as ``--fix`` does: ``{"text", "applied", "report"}`` (the report of the result)."""
        from ..fixes import fix_text
        from ..reading import draft_from_text
        from ..reporting import Report

        draft = self._draft(request)
        if not draft.writable:
            raise RequestError(
                400, "this e-mail's body is stored encoded (quoted-printable, base64 or HTML only): fix it by hand"
            )
        reports = []

        def lint(text: str) -> list[Finding]:
            current = draft if text == draft.source else draft_from_text(text, draft.path, draft.format)
            reports.append(self.linter.lint(current, request.context))
            findings = reports[-1].findings
            return findings if current.writable else [replace(f, fixes=()) for f in findings]

        result = fix_text(draft.source, lint, unsafe=unsafe, newline=draft.newline)
        return {"text": result.text, "applied": result.applied, "report": Report(files=[reports[-1]]).to_dict()}

    def rules(self) -> list[dict[str, Any]]:
        """The rules this server runs, as ``followup-lint rules --format json`` lists them, with their documentation
        (why it matters, the suggestion), channels, options and, for length rules, the metric they measure."""
        from ..cli.docs import rule_summary

        out = []
        for rule in sorted(self.linter.rules, key=lambda r: r.id):
            entry = rule_summary(rule)
            entry.update(
                why=" ".join(rule.why.split()),
                suggestion=rule.suggestion,
                channels=list(rule.channels),
                options=rule.options,
            )
            if isinstance(rule.spec.get("metric"), str):
                entry["metric"] = rule.spec["metric"]
            out.append(entry)
        return out
