"""One lint run as the command line asks for it: ``LintOptions`` in, exit status out.

The CLI only turns flags into ``LintOptions``. ``run`` finds the configs, expands directories, then lints every
input through ``batch.lint_many``, whether the inputs are files (in worker processes with ``jobs``), standard
input (``-``) or drafts to fix (``--fix``, ``--diff``), and writes the report.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .model import Context, Severity
from .reporting import Report, write_report
from .settings import Config


@dataclass(frozen=True)
class LintOptions:
    """Everything a lint run needs from the command line (``followup-lint --help`` documents each flag)."""

    paths: tuple[str, ...]
    format: str = "text"
    #: Context flags (``--company``, ``--kind``, ``--interview-date``, ...); ``thread`` adds dates to it.
    context: Context = field(default_factory=Context)
    thread: tuple[Path, ...] = ()
    config: Path | None = None
    isolated: bool = False
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rule_dirs: tuple[Path, ...] = ()
    fail_on: Severity | None = None
    languagetool: str | None = None
    stdin_filename: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    jobs: int = 1
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    statistics: bool = False


def run(options: LintOptions) -> int:
    """Lint, report and return the exit status (0 clean, 1 findings at or above fail-on, 2 an input error).

    Raises ``ConfigError`` or ``RuleError`` for a broken config or rule file, ``DraftError`` for an unreadable
    ``--thread`` file.
    """
    from .batch import Fixing, format_statistics, input_directory, lint_many, progress_bar, rule_statistics

    config_for = _configs(options)
    report = Report()
    paths = _expand(options, report)
    fixing = Fixing(write=not options.diff, unsafe=options.unsafe_fixes) if options.fix or options.diff else None
    in_order = fixing is not None or "-" in paths
    # The fixed text (standard input with --fix) or the diff takes standard output; the report goes to stderr.
    stream = sys.stderr if options.diff or (options.fix and "-" in paths) else sys.stdout
    bar = None if in_order else progress_bar(sys.stderr, len(paths))
    try:
        result = lint_many(
            paths,
            config_for,
            jobs=options.jobs,
            progress=bar,
            fixing=fixing,
            stdin_name=options.stdin_filename,
            on_error=_echo_error if in_order else None,
        )
    finally:
        if bar is not None:
            bar.close()
    if not in_order:  # printed after the progress bar
        for message in result.errors:
            _echo_error(message)
    result.errors[:0] = report.errors
    fail_level = config_for(input_directory(paths[0], options.stdin_filename)).fail_on if paths else None
    if options.statistics:
        stream.write(format_statistics(rule_statistics(result)))
    elif result.files or not result.errors:
        write_report(result, options.format, stream)
    return result.exit_status(fail_level or options.fail_on or Severity.WARNING)


def _echo_error(message: str) -> None:
    sys.stderr.write(f"followup-lint: error: {message}\n")


def _configs(options: LintOptions) -> Callable[[Path], Config]:
    """``config_for(directory)``: the config file found for a directory (or given, or none), with the command
    line's settings on top; each file is read once."""
    from .config import find_config, load_config, user_config

    context = _with_thread(options.context, options.thread) if options.thread else options.context
    explicit = load_config(options.config) if options.config else None
    configs: dict[Path | None, Config] = {}

    def config_for(directory: Path) -> Config:
        found = None if (explicit or options.isolated) else find_config(directory)
        if found not in configs:
            base = explicit or (load_config(found) if found else Config() if options.isolated else user_config())
            configs[found] = base.with_cli(
                select=options.select,
                ignore=options.ignore,
                fail_on=options.fail_on,
                rule_dirs=options.rule_dirs,
                context=context,
                languagetool=options.languagetool,
            )
        return configs[found]

    return config_for


def _with_thread(context: Context, files: tuple[Path, ...]) -> Context:
    """Add the dates of the candidate's earlier messages, and a decision date the employer named, from threads."""
    from .dates import read_thread, thread_timing
    from .reading import read_file
    from .reading.decode import MAX_EML_BYTES

    messages = []
    for path in files:  # read bounded, like a draft: a FIFO or /dev/zero is refused naming the file
        messages += read_thread(read_file(path, MAX_EML_BYTES)[0])
    days, named = thread_timing(messages)
    previous = tuple(sorted({*context.previous, *(day.isoformat() for day in days)}))
    extra = {**context.extra, **({"named-date": named.isoformat()} if named else {})}
    return replace(context, previous=previous, extra=extra)


def _expand(options: LintOptions, report: Report) -> list[str]:
    """Inputs to lint: files as given, directories walked; an empty directory is an error naming it."""
    import os

    from .batch import expand_paths

    out: list[str] = []
    for name in options.paths:
        found = expand_paths([name], options.include, options.exclude)
        if not found and name != "-" and os.path.isdir(name):
            message = f"{name}: no drafts found in this directory (see --include and --exclude)"
            report.errors.append(message)
            _echo_error(message)
        out.extend(f for f in found if f not in out)
    return out
