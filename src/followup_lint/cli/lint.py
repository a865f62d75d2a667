"""``followup-lint [OPTIONS] PATH...``: lint drafts and report the findings."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .. import __version__

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..config import Config
    from ..engine.linter import Linter
    from ..model import Context, Finding, Severity
    from ..reading import Draft
    from ..reporting import FileReport, Report
    from ..writing import Snapshot

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
    channel: Annotated[Channel | None, typer.Option(help="Where the message is sent [default: email].")] = None,
    kind: Annotated[Kind, typer.Option(help="The kind of message (auto: detect it).")] = Kind.auto,
    interview_date: Annotated[
        str | None, typer.Option(callback=_date, help="Date of the interview (YYYY-MM-DD), for timing rules.")
    ] = None,
    send_date: Annotated[
        str | None, typer.Option(callback=_date, help="Date the message will be sent (YYYY-MM-DD) [default: today].")
    ] = None,
    previous: Annotated[
        list[str] | None, typer.Option(callback=_dates, help="Date of an earlier follow-up (YYYY-MM-DD, repeatable).")
    ] = None,
    thread: Annotated[
        list[Path] | None,
        typer.Option(help="An .eml or mbox file of the earlier messages, for timing rules (repeatable)."),
    ] = None,
    dialect: Annotated[Dialect | None, typer.Option(help="Accept only this spelling dialect [default: both].")] = None,
    languagetool: Annotated[
        str | None, typer.Option(help="URL of a LanguageTool server you run (optional extra checks).")
    ] = None,
    config: Annotated[
        Path | None, typer.Option(help="Config file (default: .followup-lint.toml or pyproject.toml, searched upward).")
    ] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore config files.")] = False,
    select: Annotated[
        list[str] | None, typer.Option(help="Rules to run: ids, id prefixes or categories (comma-separated).")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Rules to skip: ids, id prefixes or categories.")] = None,
    rules: Annotated[
        list[Path] | None, typer.Option("--rules", help="A directory of extra rule files (repeatable).")
    ] = None,
    fail_on: Annotated[
        FailOn | None, typer.Option(help="Lowest severity that makes the exit status 1 [default: warning].")
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
        typer.Option(help="In directories, lint files matching this glob (repeatable) [default: draft formats]."),
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option(help="In directories, skip files and folders matching this glob (repeatable).")
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Print how many findings each rule reported, instead of them.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> int:
    from ..api import linter_for
    from ..config import Config, find_config, load_config
    from ..model import Context, Severity
    from ..reading import DraftError, read_bytes, read_path, read_stream
    from ..reporting import Report, write_report

    cli_context = Context(
        company=company,
        role=role,
        interviewers=tuple(interviewer or ()),
        channel=channel.value if channel else None,
        kind=None if kind is Kind.auto else kind.value,
        interview_date=interview_date,
        send_date=send_date,
        previous=tuple(previous or ()),
        dialect=dialect.value if dialect else None,
    )
    if thread:
        cli_context = _with_thread(cli_context, thread)
    cli = {
        "select": _split(select),
        "ignore": _split(ignore),
        "fail_on": Severity.parse(fail_on.value) if fail_on else None,
        "rule_dirs": tuple(rules or ()),
        "context": cli_context,
        "languagetool": languagetool,
    }
    explicit = load_config(config) if config else None
    configs: dict[Path | None, Config] = {}

    def config_for(directory: Path) -> Config:
        found = None if (explicit or isolated) else find_config(directory)
        if found not in configs:
            base = explicit or (load_config(found) if found else Config())
            configs[found] = base.with_cli(**cli)
        return configs[found]

    if unsafe_fixes and not (fix or diff):
        raise typer.BadParameter("--unsafe-fixes works with --fix or --diff")
    fixing = fix or diff
    # The fixed text (standard input with --fix) or the diff takes standard output; the report goes to stderr.
    report_stream = sys.stderr if diff or (fix and "-" in paths) else sys.stdout

    report = Report()
    paths = _expand(paths, _split(include), _split(exclude), report)
    fail_level = None
    if not fixing and "-" not in paths:
        return _lint_many(paths, config_for, report, jobs=jobs, statistics=statistics, fmt=output_format.value,
                          default_fail=cli["fail_on"] or Severity.WARNING)  # fmt: skip
    for name in paths:
        data = b""
        snapshot = None
        try:
            if name == "-":
                shown = stdin_filename or "-"
                data = read_stream(shown, sys.stdin.buffer)
                draft = read_bytes(shown, data)
                directory = Path(stdin_filename).parent if stdin_filename else Path.cwd()
            elif fixing:
                from ..writing import read_snapshot

                snapshot = read_snapshot(name)
                data = snapshot.data
                draft = read_bytes(name, data)
                directory = Path(name).parent
            else:
                draft = read_path(name)
                directory = Path(name).parent
        except DraftError as exc:
            report.errors.append(str(exc))
            sys.stderr.write(f"followup-lint: error: {exc}\n")
            continue
        settings = config_for(directory)
        fail_level = fail_level or settings.fail_on
        linter = linter_for(settings)
        if not fixing:
            report.files.append(linter.lint(draft))
            continue
        try:
            report.files.append(_fix_draft(draft, data, snapshot, linter, unsafe=unsafe_fixes, write=not diff))
        except DraftError as exc:
            report.errors.append(str(exc))
            sys.stderr.write(f"followup-lint: error: {exc}\n")
            report.files.append(linter.lint(draft))
            if name == "-" and not diff:  # a filter passes on what it cannot fix, unchanged
                sys.stdout.flush()
                sys.stdout.buffer.write(data)
                sys.stdout.buffer.flush()
    if statistics:
        from ..batch import format_statistics, rule_statistics

        report_stream.write(format_statistics(rule_statistics(report)))
    elif report.files or not report.errors:
        write_report(report, output_format.value, report_stream)
    return report.exit_status(fail_level or cli["fail_on"] or Severity.WARNING)


def _with_thread(context: Context, files: list[Path]) -> Context:
    """Add the dates of the candidate's earlier messages, and a decision date the employer named, from threads."""
    from dataclasses import replace

    from ..dates import read_thread, thread_timing
    from ..reading import read_file
    from ..reading.decode import MAX_EML_BYTES

    messages = []
    for path in files:
        messages += read_thread(read_file(path, MAX_EML_BYTES)[0])
    days, named = thread_timing(messages)
    previous = tuple(sorted({*context.previous, *(day.isoformat() for day in days)}))
    extra = {**context.extra, **({"named-date": named.isoformat()} if named else {})}
    return replace(context, previous=previous, extra=extra)


def _expand(paths: list[str], include: tuple[str, ...], exclude: tuple[str, ...], report: Report) -> list[str]:
    """Files to lint: files as given, directories walked; an empty directory is an error naming it."""
    import os

    from ..batch import expand_paths

    out: list[str] = []
    for name in paths:
        found = expand_paths([name], include, exclude)
        if not found and name != "-" and os.path.isdir(name):
            message = f"{name}: no drafts found in this directory (see --include and --exclude)"
            report.errors.append(message)
            sys.stderr.write(f"followup-lint: error: {message}\n")
        out.extend(f for f in found if f not in out)
    return out


def _lint_many(
    paths: list[str],
    config_for: Callable[[Path], Config],
    report: Report,
    *,
    jobs: int,
    statistics: bool,
    fmt: str,
    default_fail: Severity,
) -> int:
    """Lint files (not standard input), in parallel with ``jobs`` > 1, and report them in the order given."""
    from ..batch import format_statistics, lint_many, progress_bar, rule_statistics
    from ..reporting import write_report

    bar = progress_bar(sys.stderr, len(paths))
    try:
        result = lint_many(paths, config_for, jobs=jobs, progress=bar)
    finally:
        if bar is not None:
            bar.close()
    result.errors[:0] = report.errors
    for message in result.errors[len(report.errors) :]:
        sys.stderr.write(f"followup-lint: error: {message}\n")
    fail_level = config_for(Path(paths[0]).parent).fail_on if paths else None
    if statistics:
        sys.stdout.write(format_statistics(rule_statistics(result)))
    elif result.files or not result.errors:
        write_report(result, fmt, sys.stdout)
    return result.exit_status(fail_level or default_fail)


def _fix_draft(
    draft: Draft, data: bytes, snapshot: Snapshot | None, linter: Linter, *, unsafe: bool, write: bool
) -> FileReport:
    """Fix ``draft`` (read from ``data``) and report what is left.

    ``write``: write a file back (``snapshot``) or standard input's text to standard output; otherwise print
    a unified diff. Raises ``DraftError`` when the draft cannot be fixed in place.
    """
    from dataclasses import replace

    from ..fixes import fix_text, unified_diff
    from ..reading import draft_from_text
    from ..reading.errors import DraftError
    from ..writing import encoding_for, write_back

    if not draft.writable:
        raise DraftError(
            draft.path,
            "its body is stored encoded (quoted-printable, base64 or HTML only), so fixes cannot be written back",
        )
    encoding = encoding_for(draft.path, data, draft.source)
    reports: list[FileReport] = []

    def lint_source(text: str) -> list[Finding]:
        current = draft if text == draft.source else draft_from_text(text, draft.path, draft.format)
        result = linter.lint(current)
        reports.append(result)
        if not current.writable:  # positions no longer refer to the text: offer no fixes
            return [replace(f, fixes=()) for f in result.findings]
        return result.findings

    result = fix_text(draft.source, lint_source, unsafe=unsafe, newline=draft.newline)
    if not write:
        sys.stdout.write(unified_diff(draft.path, draft.source, result.text))
    elif snapshot is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(encoding.encode(result.text))
        sys.stdout.buffer.flush()
    elif result.changed:
        write_back(snapshot, result.text, encoding)
    if write and result.changed:
        noun = "problem" if result.applied == 1 else "problems"
        sys.stderr.write(f"followup-lint: {draft.path}: fixed {result.applied} {noun}\n")
    return reports[-1]  # the report of the fixed text
