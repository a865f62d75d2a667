"""A client for a LanguageTool server the user runs, through ``language-tool-python`` with ``remote_server``.

Only the URL the user configured is ever contacted; the library's own download of LanguageTool is never
triggered (it happens only without ``remote_server``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Seconds to wait for the server (the library's default is 300).
TIMEOUT = 15


class UnavailableError(Exception):
    """The server cannot be used: not reachable, not LanguageTool, or the client library is missing."""


@dataclass(frozen=True, slots=True)
class LTMatch:
    """One LanguageTool match, with offsets in characters of the text sent."""

    offset: int
    length: int
    message: str
    replacements: tuple[str, ...]
    rule_id: str
    category: str
    issue_type: str


class Client:
    """A connection to one server; the language-tool-python object is created on the first check."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._tools: dict[str, Any] = {}

    def _tool(self, language: str) -> Any:
        if language not in self._tools:
            try:
                import language_tool_python
            except ImportError:
                raise UnavailableError(
                    "the LanguageTool backend needs the optional extra: pip install 'followup-lint[languagetool]'"
                ) from None
            try:
                tool = language_tool_python.LanguageTool(language, remote_server=self.url)
            except Exception as exc:  # connection refused, bad JSON, unknown language: all mean "not usable"
                raise UnavailableError(_reason(exc)) from None
            tool._TIMEOUT = TIMEOUT  # the library has no public setting for it
            self._tools[language] = tool
        return self._tools[language]

    def check(self, text: str, language: str) -> list[LTMatch]:
        """LanguageTool's matches for ``text``; raises ``UnavailableError`` when the server cannot answer."""
        tool = self._tool(language)
        try:
            matches = tool.check(text)
        except Exception as exc:
            raise UnavailableError(_reason(exc)) from None
        out = []
        for m in matches:
            out.append(
                LTMatch(
                    offset=int(m.offset),
                    length=int(m.error_length),
                    message=str(m.message),
                    replacements=tuple(str(r) for r in (m.replacements or ())),
                    rule_id=str(m.rule_id),
                    category=str(m.category),
                    issue_type=str(getattr(m, "rule_issue_type", "") or ""),
                )
            )
        return out


def _reason(exc: BaseException) -> str:
    """A short reason for a failure, from the exception and its causes."""
    chain: list[BaseException] = []
    while exc is not None and len(chain) < 5:
        chain.append(exc)
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    names = " ".join(type(e).__name__ for e in chain)
    if "Timeout" in names:
        return f"no answer within {TIMEOUT} s"
    if "ConnectionError" in names or "NewConnectionError" in names or "ConnectionRefused" in names:
        return "could not connect"
    if "JSONDecodeError" in names or "LanguageToolError" in names:
        return "the server did not answer like LanguageTool's /v2 API"
    text = " ".join(str(chain[0]).split())
    return text[:120] if text else type(chain[0]).__name__


_CLIENTS: dict[str, Client] = {}


def client(url: str) -> Client:
    """The process-wide client for ``url``."""
    if url not in _CLIENTS:
        _CLIENTS[url] = Client(url)
    return _CLIENTS[url]
