"""``followup-lint [OPTIONS] PATH...``: the flags become ``runner.LintOptions``; ``runner.run`` does the rest."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__

app = typer.Typer(add_completion=False, context_settings={"help_option_names": ["-h", "--help"]})


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    line = "line"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    suggestion = "suggestion"


class Kind(StrEnum):
    auto = "auto"
    thank_you = "thank-you"
    check_in = "check-in"
    post_rejection = "post-rejection"
    networking = "networking"


class Dialect(StrEnum):
    en_us = "en-US"
    en_gb = "en-GB"


#: Options the lint command shares with ``serve`` (and, some, with ``sendmail``).
ConfigOption = Annotated[
    Path | None, typer.Option(help="Config file (default: .followup-lint.toml or pyproject.toml, searched upward).")
]
IsolatedOption = Annotated[bool, typer.Option("--isolated", help="Ignore config files.")]
SelectOption = Annotated[
    list[str] | None, typer.Option(help="Rules to run: ids, id prefixes or categories (comma-separated).")
]
IgnoreOption = Annotated[list[str] | None, typer.Option(help="Rules to skip: ids, id prefixes or categories.")]
RulesOption = Annotated[
    list[Path] | None, typer.Option("--rules", help="A directory of extra rule files (repeatable).")
]
DialectOption = Annotated[Dialect | None, typer.Option(help="Accept only this spelling dialect \\[default: both].")]


def _date(value: str | None) -> str | None:
    """Validate a strict ISO date (YYYY-MM-DD)."""
    if value is None:
        return None
    import datetime as dt

    try:
        if len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _dates(values: list[str] | None) -> list[str] | None:
    return [d for v in values or () if (d := _date(v))] or None


class Channel(StrEnum):
    email = "email"
    linkedin = "linkedin"
    message = "message"


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(part.strip() for value in values or () for part in value.split(",") if part.strip())


def _version(value: bool) -> None:
    if value:
        typer.echo(f"followup-lint {__version__}")
        raise typer.Exit(0)


@app.command(
    help="Lint interview follow-up drafts (.txt, .md, .eml, or - for standard input).\n\n"
    "Other commands: 'followup-lint rules' lists the rules, 'followup-lint rule ID' documents one, "
    "'followup-lint lsp' runs the language server, 'followup-lint sendmail -- COMMAND...' is a pre-send hook "
    "for mail clients (see docs/editors.md).",
    no_args_is_help=True,
)
def lint(
    paths: Annotated[list[str], typer.Argument(help="Draft files; '-' reads standard input.", show_default=False)],
    output_format: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = OutputFormat.text,
    company: Annotated[str | None, typer.Option(help="The employer the draft is written to.")] = None,
    role: Annotated[str | None, typer.Option(help="The position interviewed for.")] = None,
    interviewer: Annotated[list[str] | None, typer.Option(help="Someone the draft may address (repeatable).")] = None,
    channel: Annotated[Channel | None, typer.Option(help="Where the message is sent \\[default: email].")] = None,
    kind: Annotated[Kind, typer.Option(help="The kind of message (auto: detect it).")] = Kind.auto,
    interview_date: Annotated[
        str | None, typer.Option(callback=_date, help="Date of the interview (YYYY-MM-DD), for timing rules.")
    ] = None,
    send_date: Annotated[
        str | None, typer.Option(callback=_date, help="Date the message will be sent (YYYY-MM-DD) \\[default: today].")
    ] = None,
    previous: Annotated[
        list[str] | None, typer.Option(callback=_dates, help="Date of an earlier follow-up (YYYY-MM-DD, repeatable).")
    ] = None,
    thread: Annotated[
        list[Path] | None,
        typer.Option(help="An .eml or mbox file of the earlier messages, for timing rules (repeatable)."),
    ] = None,
    dialect: DialectOption = None,
    languagetool: Annotated[
        str | None, typer.Option(help="URL of a LanguageTool server you run (optional extra checks).")
    ] = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    rules: RulesOption = None,
    fail_on: Annotated[
        FailOn | None, typer.Option(help="Lowest severity that makes the exit status 1 \\[default: warning].")
    ] = None,
    stdin_filename: Annotated[
        str | None, typer.Option(help="Name to report for standard input (its extension picks the format).")
    ] = None,
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply the safe fixes in place (to standard output for '-').")
    ] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="With --fix or --diff, apply the fixes that need review too.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print the fixes as a unified diff and write nothing (report on stderr).")
    ] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Lint in N worker processes (0: one per CPU).")] = 1,
    include: Annotated[
        list[str] | None,
        typer.Option(help="In directories, lint files matching this glob (repeatable) \\[default: draft formats]."),
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option(help="In directories, skip files and folders matching this glob (repeatable).")
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Print how many findings each rule reported, instead of them.")
    ] = False,
    no_daemon: Annotated[
        bool,
        typer.Option("--no-daemon", help="Run in this process, not the resident one (also FOLLOWUP_LINT_DAEMON=0)."),
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> int:
    from ..model import Context, Severity
    from ..runner import LintOptions, run

    if unsafe_fixes and not (fix or diff):
        raise typer.BadParameter("--unsafe-fixes works with --fix or --diff")
    options = LintOptions(
        paths=tuple(paths),
        format=output_format.value,
        context=Context(
            company=company,
            role=role,
            interviewers=tuple(interviewer or ()),
            channel=channel.value if channel else None,
            kind=None if kind is Kind.auto else kind.value,
            interview_date=interview_date,
            send_date=send_date,
            previous=tuple(previous or ()),
            dialect=dialect.value if dialect else None,
        ),
        thread=tuple(thread or ()),
        config=config,
        isolated=isolated,
        select=_split(select),
        ignore=_split(ignore),
        rule_dirs=tuple(rules or ()),
        fail_on=Severity.parse(fail_on.value) if fail_on else None,
        languagetool=languagetool,
        stdin_filename=stdin_filename,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        jobs=jobs,
        include=_split(include),
        exclude=_split(exclude),
        statistics=statistics,
    )
    return run(options)
