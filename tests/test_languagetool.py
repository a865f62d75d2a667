"""The optional LanguageTool backend, against a local stand-in server answering LanguageTool's documented
``/v2/languages`` and ``/v2/check`` API on 127.0.0.1."""

from __future__ import annotations

import json
import re
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs

import pytest

from followup_lint import Config, lint_text

pytest.importorskip("language_tool_python")

DRAFT = (
    "Hi Siobhan,\n\nThank you for the the chance to meet the team. You suggested me to stay longer, and I learned "
    "a lot about Zyntrex and the colour of its brand.\n\nBest,\nSam"
)
CONTEXT = {"company": "Zyntrex", "interviewers": ["Siobhan Kelly"]}

# What the stand-in server reports: (text to find, rule id, category id, issue type, message, replacements).
RULES = [
    # a slip the built-in grammar rules do not report ("I has" and "more bigger" are theirs since issue 18)
    (
        "suggested me to",
        "SUGGEST_TO",
        "GRAMMAR",
        "grammatical",
        "Did you mean \u201csuggested that I\u201d?",
        ["suggested that I"],
    ),
    ("the the", "ENGLISH_WORD_REPEAT_RULE", "MISC", "duplication", "Possible typo: you repeated a word.", ["the"]),
    ("Zyntrex", "MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "Possible spelling mistake found.", ["Syntax"]),
    ("colour", "MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "Possible spelling mistake found.", ["color"]),
    ("a lot", "A_LOT_STYLE", "STYLE", "style", "Consider a more formal word.", ["much"]),
]


class _Handler(BaseHTTPRequestHandler):
    requests: ClassVar[list[tuple[str, dict[str, list[str]]]]] = []

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def _send(self, payload: object) -> None:
        body = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.requests.append((self.path, {}))
        if self.path.startswith("/v2/languages"):
            self._send(
                [
                    {"name": "English (US)", "code": "en", "longCode": "en-US"},
                    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
                ]
            )
        else:
            self.send_error(404)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        form = parse_qs(self.rfile.read(length).decode())
        self.requests.append((self.path, form))
        if not self.path.startswith("/v2/check"):
            self.send_error(404)
            return
        text = form["text"][0]
        matches = []
        for needle, rule, category, issue, message, replacements in RULES:
            for found in re.finditer(re.escape(needle), text):
                matches.append(
                    {
                        "message": message,
                        "shortMessage": "",
                        "replacements": [{"value": r} for r in replacements],
                        "offset": found.start(),
                        "length": len(needle),
                        "context": {"text": text[:40], "offset": 0, "length": len(needle)},
                        "sentence": text[:40],
                        "type": {"typeName": "Other"},
                        "rule": {
                            "id": rule,
                            "description": message,
                            "issueType": issue,
                            "category": {"id": category, "name": category.title()},
                        },
                        "ignoreForIncompleteSentence": False,
                        "contextForSureMatch": 0,
                    }
                )
        self._send(
            {
                "software": {"name": "LanguageTool", "version": "6.4", "apiVersion": 1},
                "language": {"name": "English (US)", "code": form.get("language", ["en-US"])[0]},
                "matches": matches,
            }
        )


@pytest.fixture
def server() -> Iterator[tuple[str, list]]:
    """A stand-in LanguageTool server on a free loopback port: (url, requests it received)."""
    handler = type("Handler", (_Handler,), {"requests": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", handler.requests
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(autouse=True)
def never_download(monkeypatch: pytest.MonkeyPatch) -> None:
    """language-tool-python must never fetch or start LanguageTool itself."""
    import language_tool_python.download_lt as download
    import language_tool_python.server as lt_server

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("language-tool-python tried to download or start LanguageTool")

    monkeypatch.setattr(download.LocalLanguageTool, "download", forbidden)
    monkeypatch.setattr(lt_server.LanguageTool, "_start_local_server", forbidden)


def _lint(url: str | None, text: str = DRAFT, **config: object):
    return lint_text(text, CONTEXT, Config(languagetool=url, **config))


def _by_rule(report) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in report.findings:
        out.setdefault(f.rule, []).append(report.source[f.offset : f.end])
    return out


def test_matches_become_findings_in_the_contract_categories(server) -> None:
    url, requests = server
    report = _lint(url)
    found = {(f.rule, f.category, report.source[f.offset : f.end]) for f in report.findings}
    assert ("grammar.languagetool", "grammar", "suggested me to") in found
    assert ("readability.languagetool", "readability", "a lot") in found
    grammar = next(f for f in report.findings if f.rule == "grammar.languagetool")
    assert [fix.replacement for fix in grammar.fixes] == ["suggested that I"]
    assert not grammar.fixes[0].safe  # someone else's suggestion: applied only after review
    assert grammar.message == "Did you mean \u201csuggested that I\u201d?"
    checks = [form for path, form in requests if path.startswith("/v2/check")]
    assert len(checks) == 1 and checks[0]["language"] == ["en-US"]


def test_duplicates_of_built_in_findings_are_merged(server) -> None:
    url, _ = server
    rules = _by_rule(_lint(url))
    assert rules.get("grammar.doubled-word") == ["the the"]
    assert "the the" not in rules.get("grammar.languagetool", [])


def test_typo_matches_respect_the_context_names_and_british_spellings(server) -> None:
    url, _ = server
    typos = _by_rule(_lint(url)).get("typo.languagetool", [])
    assert "Zyntrex" not in typos  # the company from the context
    assert "colour" not in typos  # British spelling, no dialect chosen


def test_dialect_is_sent_and_narrows_spelling(server) -> None:
    url, requests = server
    report = lint_text(DRAFT, CONTEXT | {}, Config(languagetool=url, context=_gb_context()))
    checks = [form for path, form in requests if path.startswith("/v2/check")]
    assert checks[-1]["language"] == ["en-GB"]
    assert not any(f.category == "typo" and report.source[f.offset : f.end] == "colour" for f in report.findings)


def _gb_context():
    from followup_lint.model import Context

    return Context(dialect="en-GB")


def test_selection_applies_to_backend_findings(server) -> None:
    url, _ = server
    rules = _by_rule(_lint(url, ignore=("readability",)))
    assert "readability.languagetool" not in rules
    assert "grammar.languagetool" in rules


def test_nothing_is_sent_without_a_configured_server(server, no_network) -> None:
    _, requests = server
    report = _lint(None)
    assert requests == []
    assert not any(f.rule.endswith(".languagetool") for f in report.findings)
    assert no_network == []


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_server_one_warning_and_the_lint_completes(run_cli, tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(DRAFT, encoding="utf-8")
    second.write_text("Hi Dana,\n\nThank you for the the tour.\n\nBest,\nSam\n", encoding="utf-8")
    status, out, err = run_cli(str(first), str(second), "--languagetool", url, "--format", "json", "--isolated")
    assert status in (0, 1)
    report = json.loads(out)
    assert [len(f["findings"]) > 0 for f in report["files"]] == [True, True]
    assert any(f["rule"] == "grammar.doubled-word" for f in report["files"][1]["findings"])
    warnings = [line for line in err.splitlines() if "LanguageTool" in line]
    assert len(warnings) == 1 and url in warnings[0] and "warning" in warnings[0]
    assert "Traceback" not in err
