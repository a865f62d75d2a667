"""The language server under abuse (issue 20): size limit told once, lints off the loop, strict framing.

These drive the server over raw pipes (``pytest-lsp`` would refuse to send a broken frame).
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

SERVER = [sys.executable, "-m", "followup_lint", "lsp"]


class RawClient:
    """A language client that writes bytes as given and collects the server's messages."""

    def __init__(self, cwd: Path) -> None:
        env = {**os.environ, "FOLLOWUP_LINT_MODEL": "none", "FOLLOWUP_LINT_RULE_SECONDS": "2"}
        self.process = subprocess.Popen(
            SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=env
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.root = cwd

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if not line.strip():
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            assert length is not None
            self.messages.put(json.loads(stream.read(length)))

    def raw(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, payload: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **payload}).encode()
        self.raw(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))

    def initialize(self) -> None:
        self.send({"id": 1, "method": "initialize", "params": {"processId": None, "rootUri": self.root.as_uri(),
                                                                "capabilities": {}}})  # fmt: skip
        assert self.wait(lambda m: m.get("id") == 1)["result"]["serverInfo"]["name"] == "followup-lint"
        self.send({"method": "initialized", "params": {}})

    def open(self, name: str, text: str) -> str:
        uri = (self.root / name).as_uri()
        item = {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}
        self.send({"method": "textDocument/didOpen", "params": {"textDocument": item}})
        return uri

    def wait(self, wanted: Any, timeout: float = 60) -> dict[str, Any]:
        """The next message for which ``wanted(message)`` is true (others are kept in ``seen``)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                message = self.messages.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                pytest.fail(f"no such message from the server within {timeout:.0f} s")
            self.seen.append(message)
            if wanted(message):
                return message

    seen: list[dict[str, Any]]

    def finish(self, timeout: float = 30) -> tuple[int, str]:
        """Wait for the server to exit; its status and standard error."""
        try:
            _out, err = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            pytest.fail(f"the server was still running {timeout:.0f} s after the input ended or broke")
        return self.process.returncode, err.decode(errors="replace")


@pytest.fixture
def server(tmp_path: Path):
    client = RawClient(tmp_path)
    client.seen = []
    yield client
    if client.process.poll() is None:
        client.process.kill()
        client.process.communicate()


def diagnostics_for(uri: str):
    return lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri


@pytest.mark.parametrize(
    "header",
    [b"Content-Length: abc\r\n\r\n{}", b"Content-Length: -5\r\n\r\n{}", b"Content-Type: x\r\n\r\n{}"],
    ids=["non-numeric", "negative", "missing"],
)
def test_bad_content_length_ends_the_session_cleanly(server: RawClient, header: bytes) -> None:
    server.initialize()
    server.raw(header)
    _status, err = server.finish()
    assert "bad message framing" in err and "Traceback" not in err, err
    assert len(err.strip().splitlines()) == 1, err


def test_malformed_json_gets_a_parse_error_and_the_session_goes_on(server: RawClient) -> None:
    server.initialize()
    server.raw(b"Content-Length: 9\r\n\r\n{not json")
    error = server.wait(lambda m: "error" in m)
    assert error["error"]["code"] == -32700 and error["id"] is None
    server.send({"id": 7, "method": "shutdown"})
    assert server.wait(lambda m: m.get("id") == 7)["result"] is None
    server.send({"method": "exit"})
    _status, err = server.finish()
    assert "Traceback" not in err, err


def test_a_buffer_over_the_size_limit_is_not_linted_and_the_user_is_told_once(server: RawClient) -> None:
    server.initialize()
    big = "Hi Dana,\n\n" + "Thank you for the interview. " * 25_000  # about 720 KB
    uri = server.open("big.txt", big)
    published = server.wait(diagnostics_for(uri))
    assert published["params"]["diagnostics"] == []
    change = {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": big + "More."}]}
    server.send({"method": "textDocument/didChange", "params": change})
    server.send({"method": "textDocument/didSave", "params": {"textDocument": {"uri": uri}}})
    server.wait(diagnostics_for(uri))
    small = server.open("small.txt", "Hi Dana,\n\nThank you for the interview on Monday.\n\nBest,\nSam\n")
    assert server.wait(diagnostics_for(small))["params"]["diagnostics"]
    told = [m for m in server.seen if m.get("method") == "window/showMessage"]
    assert len(told) == 1 and "larger than 512 KB" in told[0]["params"]["message"], told


def test_a_long_lint_does_not_hold_up_the_next_request(server: RawClient) -> None:
    server.initialize()
    slow = "Hi Dana,\n\n" + "I really enjoyed the the conversation about the roadmap. " * 8_000 + "\n\nBest,\nSam\n"
    uri = server.open("slow.txt", slow)  # a lint of a few seconds
    server.send({"id": 5, "method": "shutdown"})
    server.wait(lambda m: m.get("id") == 5)
    assert not any(diagnostics_for(uri)(m) for m in server.seen), "the request waited for the lint"


SLOW_RULE = """\
id: custom.slow
category: grammar
severity: warning
kind: existence
message: slow
why: A test rule that backtracks.
regexes:
  - regex: 'x(a|a)+$'
examples:
  fire: ["xa"]
  pass: ["hello"]
"""


def test_a_backtracking_user_rule_is_stopped_and_named(server: RawClient) -> None:
    (server.root / "rules").mkdir()
    (server.root / "rules" / "slow.yaml").write_text(SLOW_RULE)
    (server.root / ".followup-lint.toml").write_text('rule-dirs = ["rules"]\n')
    server.initialize()
    uri = server.open("draft.txt", "Hi Dana,\n\nThank you x" + "a" * 40 + "b\n\nBest,\nSam\n")
    assert server.wait(diagnostics_for(uri))["params"]["diagnostics"] == []
    [told] = [m for m in server.seen if m.get("method") == "window/showMessage"]
    assert "custom.slow" in told["params"]["message"] and "stopped" in told["params"]["message"]
    server.send({"id": 3, "method": "shutdown"})
    assert server.wait(lambda m: m.get("id") == 3)["result"] is None


def test_a_stale_lint_is_never_published_over_a_newer_one(server: RawClient) -> None:
    """A slow lint, then an edit: other requests answer meanwhile, and only the newer version's diagnostics
    are published (the stale run's, finished later, are dropped)."""
    server.initialize()
    slow = "Hi Dana,\n\n" + "I really enjoyed the the conversation about the roadmap. " * 8_000 + "\n\nBest,\nSam\n"
    uri = server.open("slow.txt", slow)  # a lint of a few seconds
    edited = "Hi Dana,\n\nThank you for the the interview on Monday.\n\nBest,\nSam\n"
    change = {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": edited}]}
    server.send({"method": "textDocument/didChange", "params": change})
    position = {"line": 0, "character": 0}
    hover = {"textDocument": {"uri": uri}, "position": position}
    server.send({"id": 8, "method": "textDocument/hover", "params": hover})
    server.wait(lambda m: m.get("id") == 8)  # answered (method not found, or a result) while the lint runs
    assert not any(diagnostics_for(uri)(m) for m in server.seen), "the request waited for the lint"
    first = server.wait(diagnostics_for(uri))
    assert first["params"]["version"] == 2
    assert any("the the" in d["message"] or "doubled" in str(d.get("code", "")) for d in first["params"]["diagnostics"])
    span = {"start": position, "end": {"line": 2, "character": 0}}
    context = {"diagnostics": []}
    server.send({"id": 9, "method": "textDocument/codeAction",
                 "params": {"textDocument": {"uri": uri}, "range": span, "context": context}})  # fmt: skip
    server.wait(lambda m: m.get("id") == 9)  # queued behind every run: the stale one has ended by now
    published = [m["params"].get("version") for m in server.seen if diagnostics_for(uri)(m)]
    assert published == [2], published
    server.send({"id": 10, "method": "shutdown"})
    assert server.wait(lambda m: m.get("id") == 10)["result"] is None
