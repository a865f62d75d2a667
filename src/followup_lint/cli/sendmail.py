"""``followup-lint sendmail [OPTIONS] [--] COMMAND...``: a pre-send hook standing in for a mail client's sendmail.

The message (RFC 5322) arrives on standard input. When it has findings at or above ``--fail-on`` they are
printed to standard error and COMMAND is never run (exit status 1). Otherwise the message is passed to COMMAND
byte for byte unchanged, with the arguments the mail client added, and COMMAND's exit status is returned.
``--send-anyway`` or ``FOLLOWUP_LINT_SEND_ANYWAY=1`` skips linting.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from .lint import Channel, FailOn, OutputFormat, _split

#: Set to 1 (or yes/true) to send without linting, e.g. ``FOLLOWUP_LINT_SEND_ANYWAY=1 mutt``.
SEND_ANYWAY = "FOLLOWUP_LINT_SEND_ANYWAY"
#: Name under which the message is read and reported.
MESSAGE_NAME = "message.eml"

app = typer.Typer(
    add_completion=False,
    context_settings={
        "help_option_names": ["-h", "--help"],
        # Options end at COMMAND: everything from it on (e.g. "-oem -oi -- dana@acme.com") is COMMAND's.
        "allow_interspersed_args": False,
        "ignore_unknown_options": True,
    },
)


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "yes", "true", "on"}


@app.command(
    help="Lint the e-mail on standard input, then pass it unchanged to COMMAND (your real sendmail), or, when "
    "it has findings at or above --fail-on, print them and do not send. "
    f"Send anyway with --send-anyway or {SEND_ANYWAY}=1."
)
def sendmail(
    command: Annotated[
        list[str], typer.Argument(metavar="COMMAND", help="The real sendmail command and its arguments.")
    ],
    fail_on: Annotated[
        FailOn | None, typer.Option(help="Lowest severity that stops the message (default: warning).")
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="Format of the findings printed to stderr.")
    ] = OutputFormat.text,
    company: Annotated[str | None, typer.Option(help="The employer the message is written to.")] = None,
    role: Annotated[str | None, typer.Option(help="The position interviewed for.")] = None,
    interviewer: Annotated[list[str] | None, typer.Option(help="Someone the message may address (repeatable).")] = None,
    channel: Annotated[Channel | None, typer.Option(help="Where the message is sent (default: email).")] = None,
    config: Annotated[
        Path | None, typer.Option(help="Config file (default: .followup-lint.toml, searched upward from here).")
    ] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore config files.")] = False,
    select: Annotated[list[str] | None, typer.Option(help="Rules to run: ids, id prefixes or categories.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Rules to skip: ids, id prefixes or categories.")] = None,
    send_anyway: Annotated[
        bool, typer.Option("--send-anyway", help=f"Send without linting (also {SEND_ANYWAY}=1).")
    ] = False,
) -> int:
    data = sys.stdin.buffer.read()
    if not (send_anyway or _truthy(os.environ.get(SEND_ANYWAY))):
        status = _lint(
            data,
            fail_on=fail_on,
            output_format=output_format,
            company=company,
            role=role,
            interviewer=interviewer,
            channel=channel,
            config=config,
            isolated=isolated,
            select=select,
            ignore=ignore,
        )
        if status is not None:
            return status
    return _run(command, data)


def _lint(
    data: bytes,
    *,
    fail_on: FailOn | None,
    output_format: OutputFormat,
    company: str | None,
    role: str | None,
    interviewer: list[str] | None,
    channel: Channel | None,
    config: Path | None,
    isolated: bool,
    select: list[str] | None,
    ignore: list[str] | None,
) -> int | None:
    """Lint the message; an exit status when it must not be sent, None when it may go."""
    from ..api import linter_for
    from ..config import Config, find_config, load_config, user_config
    from ..engine.errors import RuleError
    from ..model import Context, Severity
    from ..reading import DraftError, read_bytes
    from ..reporting import Report, write_report

    hint = f"not sent (send anyway with {SEND_ANYWAY}=1)"
    try:
        found = config or (None if isolated else find_config(Path.cwd()))
        base = load_config(found) if found else Config() if isolated else user_config()
        settings = base.with_cli(
            select=_split(select),
            ignore=_split(ignore),
            fail_on=Severity.parse(fail_on.value) if fail_on else None,
            context=Context(
                company=company,
                role=role,
                interviewers=tuple(interviewer or ()),
                channel=channel.value if channel else None,
            ),
        )
        draft = read_bytes(MESSAGE_NAME, data, "email")
        report = Report(files=[linter_for(settings).lint(draft)])
    except (RuleError, DraftError) as exc:
        sys.stderr.write(f"followup-lint: error: {' '.join(str(exc).split())}; {hint}\n")
        return 2
    if report.exit_status(settings.fail_on) == 0:
        return None
    write_report(report, output_format.value, sys.stderr)
    sys.stderr.write(f"followup-lint: {hint}\n")
    return 1


def _run(command: list[str], data: bytes) -> int:
    """Run COMMAND with ``data`` on its standard input; its exit status (128+N when killed by signal N)."""
    import subprocess

    try:
        completed = subprocess.run(command, input=data, check=False)
    except FileNotFoundError:
        sys.stderr.write(f"followup-lint: error: command not found: {command[0]}\n")
        return 127
    except PermissionError:
        sys.stderr.write(f"followup-lint: error: command cannot be run (permission denied): {command[0]}\n")
        return 126
    except OSError as exc:
        sys.stderr.write(f"followup-lint: error: cannot run {command[0]}: {exc.strerror or exc}\n")
        return 126
    code = completed.returncode
    return 128 - code if code < 0 else code
