"""The web page's JSON API (``followup-lint serve``): the CLI's report, and safe by default.

A real server (uvicorn, in a thread of this process) on a free loopback port; requests through
``http.client``, so headers such as ``Host`` and ``Origin`` are exactly what a test sends.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the web page needs the 'web' extra (pip install -e '.[web]')")
pytest.importorskip("uvicorn", reason="the web page needs the 'web' extra (pip install -e '.[web]')")

from followup_lint import Config
from followup_lint.reading.decode import MAX_BYTES
from followup_lint.web.app import STATIC, create_app
from followup_lint.web.server import BackgroundServer
from followup_lint.web.service import BODY_LIMIT, Service

from .conftest import FIXTURES, ROOT
from .test_fixtures import DRAFT_SUFFIXES, sidecar

DRAFT = (
    "Hi Dana,\n\nThank you for teh interview on Tuesday about the analyst role at Acme Corp. "
    "I enjoyed hearing about the the dbt migration.\n\nBest,\nSam\n"
)

Response = tuple[int, dict[str, str], Any]


@pytest.fixture(scope="module")
def server() -> Iterator[BackgroundServer]:
    service = Service(Config())
    service.warm_up()
    with BackgroundServer(service) as running:
        yield running


@pytest.fixture
def call(server: BackgroundServer) -> Callable[..., Response]:
    """``call(method, path, body=None, headers=None)``: status, headers and the JSON (or text) answer."""

    def call(method: str, path: str, body: Any = None, headers: dict[str, str] | None = None) -> Response:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        sent = dict(headers or {})
        data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode("utf-8")
        if data is not None:
            sent.setdefault("Content-Type", "application/json")
        try:
            connection.request(method, path, body=data, headers=sent)
            response = connection.getresponse()
            raw = response.read()
        finally:
            connection.close()
        answer: Any = raw.decode("utf-8")
        if response.getheader("content-type", "").startswith("application/json"):
            answer = json.loads(answer)
        return response.status, {k.lower(): v for k, v in response.getheaders()}, answer

    return call


def fixture_paths() -> list[Path]:
    return sorted(p for group in ("good", "bad") for p in (FIXTURES / group).iterdir() if p.suffix in DRAFT_SUFFIXES)


def context_flags(context: dict[str, Any]) -> list[str]:
    """The command-line flags for a sidecar's context."""
    flags: list[str] = []
    for key, value in context.items():
        for item in value if isinstance(value, list) else [value]:
            flags += [f"--{'interviewer' if key == 'interviewers' else key}", str(item)]
    return flags


# --- the report is the command line's ------------------------------------------------------------------


@pytest.mark.parametrize("path", fixture_paths(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_api_report_is_the_cli_report_for_every_fixture(
    path: Path, call: Callable[..., Response], run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    context = sidecar(path).get("context") or {}
    status, out, _ = run_cli("--format", "json", "--isolated", *context_flags(context), str(path))
    assert status in (0, 1)
    cli_report = json.loads(out)
    body = {
        "text": path.read_bytes().decode("utf-8"),
        "filename": str(path),
        "context": {key.replace("-", "_"): value for key, value in context.items()},
    }
    code, _, api_report = call("POST", "/api/lint", body)
    assert code == 200, api_report
    assert api_report == cli_report
    assert api_report["schema_version"] == 1


def test_a_request_without_context_or_filename_is_standard_input(
    call: Callable[..., Response], run_cli: Callable[..., tuple[int, str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DRAFT.encode("utf-8"))))
    _, out, _ = run_cli("--format", "json", "--isolated", "-")
    code, _, report = call("POST", "/api/lint", {"text": DRAFT})
    assert code == 200
    assert report == json.loads(out)
    assert report["files"][0]["path"] == "-"


def test_the_kind_and_channel_flags_change_the_report_as_on_the_command_line(
    call: Callable[..., Response], run_cli: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    draft = tmp_path / "note.txt"
    draft.write_text(DRAFT * 3, encoding="utf-8")
    flags = ["--channel", "linkedin", "--kind", "check-in", "--send-date", "2024-05-02"]
    _, out, _ = run_cli("--format", "json", "--isolated", *flags, str(draft))
    context = {"channel": "linkedin", "kind": "check-in", "send_date": "2024-05-02"}
    code, _, report = call("POST", "/api/lint", {"text": DRAFT * 3, "filename": str(draft), "context": context})
    assert code == 200
    assert report == json.loads(out)
    assert "length.linkedin" in {f["rule"] for f in report["files"][0]["findings"]}


def test_fix_applies_the_safe_fixes_like_the_fix_flag(
    call: Callable[..., Response], run_cli: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    run_cli("--fix", "--isolated", "--company", "Acme Corp", str(draft))
    code, _, answer = call("POST", "/api/fix", {"text": DRAFT, "context": {"company": "Acme Corp"}})
    assert code == 200
    assert answer["text"] == draft.read_text(encoding="utf-8")
    assert "about the dbt migration" in answer["text"] and answer["applied"] == 1
    left = answer["report"]["files"][0]
    assert "grammar.doubled-word" not in {f["rule"] for f in left["findings"]}
    assert left["metrics"]["readiness"] > 0


def test_rules_lists_every_rule_with_why_it_matters(
    call: Callable[..., Response], run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    code, _, rules = call("GET", "/api/rules")
    assert code == 200
    _, out, _ = run_cli("rules", "--format", "json")
    enabled = {rule["id"] for rule in json.loads(out) if rule["enabled"]}
    assert {rule["id"] for rule in rules} == enabled
    by_id = {rule["id"]: rule for rule in rules}
    assert "LinkedIn" in by_id["length.linkedin"]["why"]
    assert by_id["length.linkedin"]["channels"] == ["linkedin"]
    assert by_id["length.linkedin"]["metric"] == "characters"
    assert by_id["length.linkedin"]["options"]["max"] == 300


def test_a_server_with_flags_reports_what_the_cli_with_those_flags_does(
    run_cli: Callable[..., tuple[int, str, str]],
) -> None:
    from followup_lint.cli.serve import server_config
    from followup_lint.web.service import parse_request

    path = FIXTURES / "bad" / "tone-desperate-need-this-job.txt"
    flags = ["--ignore", "tone", "--dialect", "en-GB"]
    _, out, _ = run_cli("--format", "json", "--isolated", *flags, str(path))
    service = Service(server_config(None, True, None, ["tone"], None, "en-GB"))
    body = json.dumps({"text": path.read_text(encoding="utf-8"), "filename": str(path)}).encode()
    report = service.lint(parse_request(body))
    assert report == json.loads(out)
    assert report["files"][0]["findings"]
    assert "tone" not in {f["category"] for f in report["files"][0]["findings"]}


# --- safe by default -------------------------------------------------------------------------------------


def asgi_request(client: tuple[str, int], headers: list[tuple[bytes, bytes]], port: int = 8421) -> int:
    """The status a request from ``client`` gets from the app, called directly (no socket needed)."""
    app = create_app(Service(Config()), port)
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "GET",
        "path": "/api/rules",
        "raw_path": b"/api/rules",
        "query_string": b"",
        "headers": headers,
        "client": client,
        "server": ("127.0.0.1", port),
        "scheme": "http",
        "http_version": "1.1",
        "root_path": "",
        "asgi": {"version": "3.0"},
    }
    asyncio.run(app(scope, receive, send))
    return sent[0]["status"]


def test_only_loopback_clients_are_served() -> None:
    host = [(b"host", b"127.0.0.1:8421")]
    assert asgi_request(("192.0.2.7", 50000), host) == 403
    assert asgi_request(("10.1.2.3", 50000), host) == 403
    assert asgi_request(("127.0.0.1", 50000), host) == 200
    assert asgi_request(("::1", 50000), [(b"host", b"[::1]:8421")]) == 200


def test_serve_refuses_to_listen_beyond_this_machine(run_cli: Callable[..., tuple[int, str, str]]) -> None:
    for host in ("0.0.0.0", "192.0.2.7", "example.com"):
        status, _, err = run_cli("serve", "--host", host, "--port", "0")
        assert status == 2
        assert "only listens on this machine" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:{port}", "127.0.0.1:1", "localhost", "127.0.0.1.nip.io:{port}"]
)
def test_a_host_that_is_not_the_servers_is_refused(
    host: str, call: Callable[..., Response], server: BackgroundServer
) -> None:
    code, _, answer = call("GET", "/api/rules", headers={"Host": host.format(port=server.port)})
    assert code == 403
    assert "Host" in answer["error"]


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost"])
def test_the_servers_own_names_are_served(name: str, call: Callable[..., Response], server: BackgroundServer) -> None:
    code, _, _ = call("GET", "/", headers={"Host": f"{name}:{server.port}"})
    assert code == 200


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://127.0.0.1:1", "https://127.0.0.1:{port}"])
def test_a_request_from_another_page_is_refused(
    origin: str, call: Callable[..., Response], server: BackgroundServer
) -> None:
    code, _, answer = call("POST", "/api/lint", {"text": DRAFT}, headers={"Origin": origin.format(port=server.port)})
    assert code == 403
    assert "other pages" in answer["error"]


def test_a_request_from_the_page_itself_is_served(call: Callable[..., Response], server: BackgroundServer) -> None:
    code, _, _ = call("POST", "/api/lint", {"text": DRAFT}, headers={"Origin": f"http://127.0.0.1:{server.port}"})
    assert code == 200


def test_a_body_over_the_limit_gets_413_before_it_is_read(server: BackgroundServer) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    connection.putrequest("POST", "/api/lint")
    connection.putheader("Content-Type", "application/json")
    connection.putheader("Content-Length", str(BODY_LIMIT + 1))
    connection.endheaders()  # the body is never sent: the answer must not wait for it
    response = connection.getresponse()
    assert response.status == 413
    assert "too large" in json.loads(response.read())["error"]
    connection.close()


def test_a_chunked_body_over_the_limit_gets_413(server: BackgroundServer) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    chunks = (b"x" * 65536 for _ in range(BODY_LIMIT // 65536 + 2))
    connection.request("POST", "/api/lint", body=chunks, headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    assert response.status == 413
    assert "the limit is 1 MB" in json.loads(response.read())["error"]
    connection.close()


def test_a_draft_over_the_draft_limit_gets_413(call: Callable[..., Response]) -> None:
    code, _, answer = call("POST", "/api/lint", {"text": "a" * (MAX_BYTES + 1)})
    assert code == 413
    assert answer["error"] == "the draft is too large (524,289 bytes; the limit is 512 KB)"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{", "not valid JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[1, 2]", "must be a JSON object"),
        (b"{}", '"text" is required'),
        (b'{"text": 42}', '"text" is required and must be a string'),
        (b'{"text": "hi", "path": "/etc/passwd"}', "unknown key 'path'"),
        (b'{"text": "hi", "filename": ""}', '"filename" must be a non-empty string'),
        (b'{"text": "hi", "filename": "a\\nb.txt"}', "control characters"),
        (b'{"text": "\\ud800"}', "unpaired surrogate"),
        (b'{"text": "hi", "context": []}', '"context" must be a JSON object'),
        (b'{"text": "hi", "context": {"send_date": "2024-13-01"}}', "context.send_date: '2024-13-01' is not a date"),
        (b'{"text": "hi", "context": {"channel": "fax"}}', "context.channel: unknown channel 'fax'"),
        (b'{"text": "hi", "context": {"interviewers": [1]}}', "context.interviewers: must be a list of names"),
        (b'{"text": "hi", "context": {"company": true}}', "context.company: must be"),
        (b'{"text": "hi", "context": {"salary": 1}}', "context.salary: unknown key"),
    ],
)
def test_malformed_input_gets_400_with_a_json_error(body: bytes, message: str, call: Callable[..., Response]) -> None:
    code, headers, answer = call("POST", "/api/lint", body)
    assert code == 400
    assert headers["content-type"] == "application/json"
    assert message in answer["error"]
    assert "Traceback" not in answer["error"] and "\n" not in answer["error"]
    assert call("POST", "/api/lint", {"text": DRAFT})[0] == 200  # and the server goes on


def test_other_mistakes_get_json_errors_too(call: Callable[..., Response]) -> None:
    assert call("POST", "/api/lint", b'{"text": "hi"}', {"Content-Type": "text/plain"})[0] == 415
    code, _, answer = call("GET", "/api/lint")
    assert code == 405 and answer["error"]
    code, _, answer = call("GET", "/api/nothing")
    assert code == 404 and answer["error"]


def test_no_endpoint_reads_or_writes_the_file_a_client_names(call: Callable[..., Response], tmp_path: Path) -> None:
    named = tmp_path / "secret.txt"
    named.write_text("Dear [Hiring Manager],\n\nI need this job.\n", encoding="utf-8")
    before = (named.read_bytes(), named.stat().st_mtime_ns)
    for endpoint in ("/api/lint", "/api/fix"):
        code, _, answer = call("POST", endpoint, {"text": DRAFT, "filename": str(named)})
        assert code == 200
        report = answer if endpoint == "/api/lint" else answer["report"]
        # The report is of the text sent, only labelled with the name: the file was not read ...
        assert report["files"][0]["path"] == str(named)
        assert not {"placeholder", "tone"} & {f["category"] for f in report["files"][0]["findings"]}
    # ... nor written, though /api/fix fixed the text.
    assert (named.read_bytes(), named.stat().st_mtime_ns) == before


@pytest.mark.parametrize(
    "path", ["/../pyproject.toml", "/static/../../README.md", "/app.js/../../LICENSE", "/%2e%2e/pyproject.toml"]
)
def test_no_route_serves_a_file_by_the_clients_path(path: str, call: Callable[..., Response]) -> None:
    code, _, answer = call("GET", path)
    assert code == 404
    assert "MIT" not in str(answer) and "followup-lint" not in str(answer)


def test_the_page_loads_nothing_from_elsewhere(call: Callable[..., Response]) -> None:
    for path in STATIC:
        code, headers, text = call("GET", path)
        assert code == 200
        policy = headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy and "connect-src 'self'" in policy
        assert not re.search(r"(https?:)?//[a-z0-9]", text.replace("http://127.0.0.1", "")), path
        assert "@import" not in text and "@font-face" not in text


# --- the command -----------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.skipif(os.name != "posix", reason="stops the server with SIGINT")
def test_serve_prints_its_address_listens_on_the_port_and_opens_the_browser(tmp_path: Path) -> None:
    port = free_port()
    opened = tmp_path / "opened.txt"
    # webbrowser runs $BROWSER with the address: a stand-in browser that writes it down.
    browser = f"{sys.executable} -c \"import sys; open({str(opened)!r}, 'w').write(sys.argv[1])\" %s"
    command = [sys.executable, "-m", "followup_lint", "serve", "--port", str(port), "--open", "--isolated"]
    env = {**os.environ, "BROWSER": browser}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        line = process.stdout.readline() if process.stdout else ""
        assert f"http://127.0.0.1:{port}/" in line
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", "/")
        assert connection.getresponse().status == 200
        connection.close()
        deadline = time.monotonic() + 20
        while not (opened.exists() and opened.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert opened.read_text() == f"http://127.0.0.1:{port}/"
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 130, err  # stopped by Ctrl+C, as the other commands report it
    assert "Traceback" not in err


def test_the_servers_socket_says_it_is_tcp_so_asyncio_turns_nagle_off() -> None:
    # With proto 0, asyncio leaves Nagle's algorithm on for accepted connections and every response on a
    # kept-alive connection waits about 40 ms for its body (bench/web.py: 48 ms instead of 3 ms for a tiny draft).
    from followup_lint.web.server import bind

    with bind("127.0.0.1", 0) as sock:
        assert sock.proto == socket.IPPROTO_TCP


def test_serve_says_which_extra_it_needs(
    run_cli: Callable[..., tuple[int, str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    status, _, err = run_cli("serve", "--port", "0")
    assert status == 2
    assert "pip install 'followup-lint[web]'" in err


def test_a_port_in_use_is_one_line(run_cli: Callable[..., tuple[int, str, str]]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        status, _, err = run_cli("serve", "--port", str(taken.getsockname()[1]), "--isolated")
    assert status == 2
    assert err.startswith("followup-lint: error: serve: cannot listen on 127.0.0.1 port") and err.count("\n") == 1
