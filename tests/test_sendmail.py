"""``followup-lint sendmail``: a pre-send hook in front of a real downstream command that records what it gets."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DEMO_RULE = """\
id: tone.demo-touch-base
category: tone
severity: warning
check: substitution
message: '"{match}" is jargon.'
why: A test rule.
phrases:
  - {phrase: touch base, replacement: check in}
examples:
  fire: ["I wanted to touch base about the role."]
  pass: ["I wanted to check in about the role."]
"""

#: The downstream "sendmail": stores its standard input and arguments, exits with $DOWNSTREAM_STATUS.
DOWNSTREAM = """\
import json, os, sys
from pathlib import Path
here = Path(__file__).parent
(here / "received.bin").write_bytes(sys.stdin.buffer.read())
(here / "argv.json").write_text(json.dumps(sys.argv[1:]))
sys.exit(int(os.environ.get("DOWNSTREAM_STATUS", "0")))
"""

# CRLF line ends, UTF-8 beyond ASCII, trailing spaces and no final line break must all arrive unchanged.
CLEAN = (
    "From: Sam Patel <sam@example.com>\r\nTo: Dana Lee <dana@acme.com>\r\nSubject: Thank you, Dana\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n\r\n"
    "Hi Dana,\r\n\r\nThank you for the tour of the café kitchen on Tuesday.  \r\n\r\nBest,\r\nSam"
).encode()
JARGON = b"Subject: Checking in\n\nHi Dana,\n\nThank you again. Could we touch base next week?\n\nSam\n"


@pytest.fixture
def outbox(tmp_path: Path) -> Path:
    """A directory with a config selecting the demo rule and the downstream command."""
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "demo.yaml").write_text(DEMO_RULE, encoding="utf-8")
    (tmp_path / ".followup-lint.toml").write_text('rule-dirs = ["rules"]\nselect = ["tone.demo-touch-base"]\n')
    (tmp_path / "downstream.py").write_text(DOWNSTREAM, encoding="utf-8")
    return tmp_path


def sendmail(
    outbox: Path, message: bytes, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """``followup-lint sendmail ARGS...`` as a mail client runs it: the message on standard input."""
    return subprocess.run(
        [sys.executable, "-m", "followup_lint", "sendmail", *args],
        input=message,
        capture_output=True,
        cwd=outbox,
        env={**os.environ, "FOLLOWUP_LINT_MODEL": "none", **(env or {})},
        check=False,
    )


def downstream(outbox: Path, *args: str) -> list[str]:
    return [sys.executable, str(outbox / "downstream.py"), *args]


def test_clean_message_is_passed_on_byte_for_byte_with_the_clients_arguments(outbox: Path) -> None:
    # mutt appends "-- recipients" to its sendmail command.
    done = sendmail(outbox, CLEAN, "--", *downstream(outbox, "-oem", "-oi"), "--", "dana@acme.com")
    assert done.returncode == 0, done.stderr
    assert (outbox / "received.bin").read_bytes() == CLEAN
    assert json.loads((outbox / "argv.json").read_text()) == ["-oem", "-oi", "--", "dana@acme.com"]
    assert done.stderr == b""


def test_options_end_where_the_command_begins(outbox: Path) -> None:
    done = sendmail(outbox, CLEAN, "--fail-on", "error", *downstream(outbox, "-oi", "--format", "x"))
    assert done.returncode == 0, done.stderr
    assert json.loads((outbox / "argv.json").read_text()) == ["-oi", "--format", "x"]


def test_findings_stop_the_message_and_are_printed_to_stderr(outbox: Path) -> None:
    done = sendmail(outbox, JARGON, "--", *downstream(outbox))
    assert done.returncode == 1
    assert not (outbox / "received.bin").exists()  # the downstream command never ran
    err = done.stderr.decode()
    assert "message.eml:5:27" in err and "tone.demo-touch-base" in err
    assert "not sent" in err and "FOLLOWUP_LINT_SEND_ANYWAY=1" in err
    assert done.stdout == b""


def test_findings_below_fail_on_do_not_stop_the_message(outbox: Path) -> None:
    done = sendmail(outbox, JARGON, "--fail-on", "error", "--", *downstream(outbox))
    assert done.returncode == 0, done.stderr
    assert (outbox / "received.bin").read_bytes() == JARGON


@pytest.mark.parametrize(("how", "env"), [("flag", {}), ("env", {"FOLLOWUP_LINT_SEND_ANYWAY": "1"})])
def test_send_anyway(outbox: Path, how: str, env: dict[str, str]) -> None:
    args = ["--send-anyway"] if how == "flag" else []
    done = sendmail(outbox, JARGON, *args, "--", *downstream(outbox), env=env)
    assert done.returncode == 0, done.stderr
    assert (outbox / "received.bin").read_bytes() == JARGON


def test_the_downstream_exit_status_is_returned(outbox: Path) -> None:
    done = sendmail(outbox, CLEAN, "--", *downstream(outbox), env={"DOWNSTREAM_STATUS": "75"})
    assert done.returncode == 75
    assert (outbox / "received.bin").read_bytes() == CLEAN


def test_output_format_line_for_the_findings(outbox: Path) -> None:
    done = sendmail(outbox, JARGON, "--format", "line", "--", *downstream(outbox))
    assert done.returncode == 1
    first = done.stderr.decode().splitlines()[0]
    assert first == 'message.eml:5:27: warning: "touch base" is jargon. [tone.demo-touch-base]'


def test_an_unreadable_message_is_not_sent(outbox: Path) -> None:
    done = sendmail(outbox, b"\x00\x01binary", "--", *downstream(outbox))
    assert done.returncode == 2
    assert not (outbox / "received.bin").exists()
    err = done.stderr.decode()
    assert err.count("\n") == 1 and "not sent" in err and "Traceback" not in err


def test_a_missing_command_is_reported_in_one_line(outbox: Path) -> None:
    done = sendmail(outbox, CLEAN, "--", str(outbox / "no-such-sendmail"))
    assert done.returncode == 127
    assert done.stderr.decode().startswith("followup-lint: error: command not found:")


def test_a_command_is_required(outbox: Path) -> None:
    done = sendmail(outbox, CLEAN)
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr
