"""Linting many drafts: expanding directories, running in worker processes, per-rule statistics, progress.

``expand_paths`` turns the command line's paths into draft files (directories are walked recursively, with
``--include``/``--exclude`` globs and ``.gitignore`` files respected). ``lint_many`` lints them with ``jobs``
worker processes; the report lists the files in input order whatever the number of jobs, and a file that
cannot be read becomes an error line while the run goes on. ``lint_input`` is what happens to one input, in
a worker or in this process: read it (a file, or standard input for ``-``), lint it, and with ``fix`` write
the fixed text back (or print it, or print the diff).
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from . import heap

if TYPE_CHECKING:
    from .engine.linter import Linter
    from .model import Context, Finding
    from .reading import Draft
    from .reporting.results import FileReport, Report
    from .settings import Config
    from .writing import Snapshot

#: File names linted when a directory is given and no ``--include`` is: the formats the readers know.
DRAFT_GLOBS = ("*.txt", "*.text", "*.md", "*.markdown", "*.mdown", "*.mkd", "*.eml", "*.mbox")

#: A progress callback: ``progress(done, total)`` after each draft, in input order.
Progress = Callable[[int, int], None]


# --- gitignore-style patterns -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled pattern line of a ``.gitignore`` (or an ``--include``/``--exclude`` glob)."""

    regex: re.Pattern[str]
    negated: bool = False
    directory_only: bool = False

    def matches(self, relative: str, is_dir: bool) -> bool:
        return (is_dir or not self.directory_only) and self.regex.match(relative) is not None


def _translate(glob: str) -> str:
    """A regular expression for a slash-separated glob: ``*``, ``?``, ``[...]``, ``**`` and ``\\`` escapes."""
    out: list[str] = []
    i, n = 0, len(glob)
    while i < n:
        c = glob[i]
        if c == "*":
            if glob.startswith("**", i) and (i == 0 or glob[i - 1] == "/"):
                if i + 2 == n:  # trailing "**": everything inside
                    out.append(".*")
                    i += 2
                    continue
                if glob[i + 2] == "/":  # "**/": zero or more directories
                    out.append("(?:.*/)?")
                    i += 3
                    continue
            while i < n and glob[i] == "*":
                i += 1
            out.append("[^/]*")
            continue
        if c == "?":
            out.append("[^/]")
        elif c == "[":
            end = glob.find("]", i + 2 if glob[i + 1 : i + 2] in ("!", "^", "]") else i + 1)
            if end < 0:
                out.append(re.escape(c))
            else:
                body = glob[i + 1 : end]
                negate = body[:1] in ("!", "^")
                body = body[1:] if negate else body
                body = body.replace("\\", "\\\\").replace("[", "\\[")
                out.append(f"[{'^/' if negate else ''}{body}]")
                i = end
        elif c == "\\" and i + 1 < n:
            i += 1
            out.append(re.escape(glob[i]))
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def compile_pattern(line: str) -> Pattern | None:
    """A ``.gitignore`` line compiled, or ``None`` for a blank line or a comment.

    Supported: ``#`` comments, ``!`` negation, ``\\#``/``\\!`` escapes, trailing spaces, a trailing ``/``
    (directories only), a leading or inner ``/`` (anchored to the file's directory, otherwise the pattern
    matches a name at any depth), ``*``, ``?``, ``[...]`` and ``**``.
    """
    line = line.rstrip("\n\r")
    while line.endswith(" ") and not line.endswith("\\ "):
        line = line[:-1]
    if not line or line.startswith("#"):
        return None
    negated = line.startswith("!")
    if negated or line.startswith(("\\#", "\\!")):
        line = line[1:]
    directory_only = line.endswith("/")
    line = line.rstrip("/")
    if not line:
        return None
    anchored = "/" in line
    line = line.lstrip("/")
    prefix = "" if anchored else "(?:.*/)?"
    return Pattern(re.compile(f"(?s:{prefix}{_translate(line)})\\Z"), negated, directory_only)


@dataclass(frozen=True, slots=True)
class IgnoreFile:
    """The patterns of one ``.gitignore``, relative to the directory holding it."""

    base: Path
    patterns: tuple[Pattern, ...]

    def decide(self, path: Path, is_dir: bool) -> bool | None:
        """True (ignored), False (re-included by ``!``) or None (no pattern matches)."""
        try:
            relative = path.relative_to(self.base).as_posix()
        except ValueError:
            return None
        for pattern in reversed(self.patterns):  # the last matching line wins
            if pattern.matches(relative, is_dir):
                return not pattern.negated
        return None


@lru_cache(maxsize=256)
def _read_ignore_file(directory: Path) -> IgnoreFile | None:
    try:
        text = (directory / ".gitignore").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    patterns = tuple(p for line in text.splitlines() if (p := compile_pattern(line)) is not None)
    return IgnoreFile(directory, patterns) if patterns else None


def _ancestor_ignore_files(directory: Path) -> list[IgnoreFile]:
    """The ``.gitignore`` files above ``directory`` up to its repository's root (none outside a repository)."""
    found: list[IgnoreFile] = []
    for parent in directory.parents:
        ignore = _read_ignore_file(parent)
        if ignore is not None:
            found.append(ignore)
        if (parent / ".git").exists():
            return found[::-1]
    return []


def _ignored(path: Path, is_dir: bool, ignores: Sequence[IgnoreFile]) -> bool:
    for ignore in reversed(ignores):  # the deepest .gitignore decides first
        decision = ignore.decide(path, is_dir)
        if decision is not None:
            return decision
    return False


def _globs(globs: Iterable[str]) -> tuple[Pattern, ...]:
    return tuple(p for glob in globs if glob.strip() and (p := compile_pattern(glob.strip())) is not None)


def expand_paths(
    paths: Iterable[str],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    *,
    gitignore: bool = True,
) -> list[str]:
    """The draft files named by ``paths``, in order: files (and ``-``) as given, directories walked.

    In a directory, files matching ``include`` globs (default: ``DRAFT_GLOBS``) are linted unless they match
    an ``exclude`` glob or a ``.gitignore`` (of that directory tree or of its repository). Hidden files and
    directories are skipped. Globs without a ``/`` match a name at any depth; others match the path relative
    to the directory given. A directory's files are listed in sorted order. Duplicates are dropped.
    """
    includes = _globs(include or DRAFT_GLOBS)
    excludes = _globs(exclude)
    out: list[str] = []
    seen: set[str] = set()
    for name in paths:
        if name == "-" or not os.path.isdir(name):
            files: Iterable[str] = [name]
        else:
            files = _walk(Path(name), includes, excludes, gitignore)
        for file in files:
            if file not in seen:
                seen.add(file)
                out.append(file)
    return out


def _walk(root: Path, includes: Sequence[Pattern], excludes: Sequence[Pattern], gitignore: bool) -> Iterator[str]:
    ignores = _ancestor_ignore_files(root.resolve()) if gitignore else []
    resolved_root = root.resolve()

    def visit(directory: Path, real: Path, ignores: list[IgnoreFile]) -> Iterator[str]:
        if gitignore and (own := _read_ignore_file(real)) is not None:
            ignores = [*ignores, own]
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            relative = (real / entry.name).relative_to(resolved_root).as_posix()
            if any(p.matches(relative, is_dir) for p in excludes):
                continue
            if gitignore and _ignored(real / entry.name, is_dir, ignores):
                continue
            if is_dir:
                if entry.is_symlink():  # do not follow links into other trees (or loops)
                    continue
                yield from visit(Path(entry.path), real / entry.name, ignores)
            elif any(p.matches(relative, False) for p in includes):
                yield entry.path

    yield from visit(root, resolved_root, ignores)


# --- linting in worker processes ----------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(configs: Sequence[Config], context: Context | None) -> None:
    """Build the linters once per worker process (works with both fork and spawn)."""
    try:
        _WORKER["linters"] = [_linter(c) for c in configs]
        _WORKER["context"] = context
    except BaseException as exc:
        _WORKER["failure"] = exc


#: A short draft that reaches the resources most drafts need (the lexicon and a suggestion, the tone model, the
#: word frequencies, the kind cues), linted once before workers are forked.
WARM_UP = (
    "Hi Dana,\n\nThank you for taking the time to meet with me on Tuesday about the analyst role. I enjoyed "
    "hearing about the forecasting projcet and I am excited about the chance to help.\n\nBest regards,\nSam\n"
)


def _warm_up() -> None:
    from .reading import draft_from_text

    for linter in _WORKER.get("linters", ()):
        with contextlib.suppress(Exception):  # a warm-up that fails only costs the workers the loading time
            linter.lint(draft_from_text(WARM_UP, "<warm-up>"), _WORKER.get("context"))


def _linter(config: Config) -> Linter:
    from .api import linter_for

    return linter_for(config)


@dataclass(frozen=True, slots=True)
class Fixing:
    """What to do with fixes: ``write`` them back (a file, or standard input's text to standard output) or print
    a unified diff; ``unsafe``: apply the fixes that need review too."""

    write: bool = True
    unsafe: bool = False


def _lint_task(task: tuple[str, int]) -> tuple[list[str], FileReport | None]:
    """Lint one input in a worker (or this process): ``(errors, report)``; see ``lint_input``."""
    if "failure" in _WORKER:
        raise _WORKER["failure"]
    path, which = task
    return lint_input(path, _WORKER["linters"][which], _WORKER["context"], **_WORKER.get("input", {}))


def lint_input(
    name: str,
    linter: Linter,
    context: Context | None = None,
    *,
    fixing: Fixing | None = None,
    stdin_name: str | None = None,
) -> tuple[list[str], FileReport | None]:
    """Read, lint and (with ``fixing``) fix one input: a file, or standard input for ``-`` (reported as
    ``stdin_name``). Returns one-line errors (``path: reason``) and the report, None when it could not be read.

    A draft that cannot be fixed in place is an error and is still reported; standard input then passes
    through unchanged (a filter passes on what it cannot fix). A draft that breaks the linter (nested too
    deeply, out of memory, a rule's bug) is one error line naming it, never the end of the run.
    """
    from .reading import DraftError

    try:
        return _lint_input(name, linter, context, fixing=fixing, stdin_name=stdin_name)
    except DraftError as exc:  # a rule stopped by its time budget names the draft and the rule
        return [str(exc)], None
    except Exception as exc:  # one draft that breaks a rule or exhausts memory must not stop the run
        return [f"{stdin_name or name if name == '-' else name}: {failure_reason(exc)}"], None


def failure_reason(exc: BaseException) -> str:
    """A one-line reason for an unexpected failure on one draft."""
    if isinstance(exc, RecursionError):
        return "nests too deeply to be linted"
    if isinstance(exc, MemoryError):
        return "needs too much memory to be linted"
    detail = " ".join(str(exc).split())[:200]
    return f"could not be linted ({type(exc).__name__}{': ' + detail if detail else ''})"


def _lint_input(
    name: str,
    linter: Linter,
    context: Context | None,
    *,
    fixing: Fixing | None,
    stdin_name: str | None,
) -> tuple[list[str], FileReport | None]:
    from .reading import DraftError, read_bytes, read_path, read_stream

    data = b""
    snapshot = None
    try:
        if name == "-":
            data = read_stream(stdin_name or "-", sys.stdin.buffer)
            draft = read_bytes(stdin_name or "-", data)
        elif fixing is not None:
            from .writing import read_snapshot

            snapshot = read_snapshot(name)
            data = snapshot.data
            draft = read_bytes(name, data)
        else:
            draft = read_path(name)
    except DraftError as exc:
        return [str(exc)], None
    if fixing is None:
        return [], linter.lint(draft, context)
    try:
        return [], _fix_draft(draft, data, snapshot, linter, context, fixing)
    except DraftError as exc:
        if name == "-" and fixing.write:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        return [str(exc)], linter.lint(draft, context)


def _fix_draft(
    draft: Draft, data: bytes, snapshot: Snapshot | None, linter: Linter, context: Context | None, fixing: Fixing
) -> FileReport:
    """Fix ``draft`` (read from ``data``) and report what is left.

    ``fixing.write``: write a file back (``snapshot``) or standard input's text to standard output; otherwise
    print a unified diff. Raises ``DraftError`` when the draft cannot be fixed in place.
    """
    from dataclasses import replace

    from .fixes import fix_text, unified_diff
    from .reading import draft_from_text
    from .reading.errors import DraftError
    from .writing import encoding_for, write_back

    if not draft.writable:
        raise DraftError(
            draft.path,
            "its body is stored encoded (quoted-printable, base64 or HTML only), so fixes cannot be written back",
        )
    encoding = encoding_for(draft.path, data, draft.source)
    reports: list[FileReport] = []

    def lint_source(text: str) -> list[Finding]:
        current = draft if text == draft.source else draft_from_text(text, draft.path, draft.format)
        result = linter.lint(current, context)
        reports.append(result)
        if not current.writable:  # positions no longer refer to the text: offer no fixes
            return [replace(f, fixes=()) for f in result.findings]
        return result.findings

    result = fix_text(draft.source, lint_source, unsafe=fixing.unsafe, newline=draft.newline)
    if not fixing.write:
        sys.stdout.write(unified_diff(draft.path, draft.source, result.text))
    elif snapshot is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(encoding.encode(result.text))
        sys.stdout.buffer.flush()
    elif result.changed:
        write_back(snapshot, result.text, encoding)
    if fixing.write and result.changed:
        noun = "problem" if result.applied == 1 else "problems"
        sys.stderr.write(f"followup-lint: {draft.path}: fixed {result.applied} {noun}\n")
    return reports[-1]  # the report of the fixed text


def lint_many(
    paths: Sequence[str],
    config_for: Callable[[Path], Config],
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    context: Context | None = None,
    start_method: str | None = None,
    fixing: Fixing | None = None,
    stdin_name: str | None = None,
    on_error: Callable[[str], None] | None = None,
) -> Report:
    """Lint drafts with ``jobs`` processes (0: one per CPU); files stay in input order.

    ``config_for(directory)`` gives the settings for the drafts in a directory; it runs in this process, so
    it may be a closure. A file that cannot be read is listed in ``Report.errors`` (and passed to ``on_error``
    as it happens) and the others are still linted. Rule and config errors are raised here, before any worker
    starts. ``progress(done, total)`` is called after each draft. Standard input (``-``, reported as
    ``stdin_name``, its config found from that name's directory) and ``fixing`` (see ``lint_input``) run in this
    process, one input after the other.
    """
    from .reporting.results import Report

    configs: list[Config] = []
    index_of: dict[int, int] = {}  # id(config) -> its index in ``configs`` (which keeps it alive)
    by_directory: dict[Path, int] = {}
    tasks: list[tuple[str, int]] = []
    for path in paths:
        directory = input_directory(path, stdin_name)
        if directory not in by_directory:
            config = config_for(directory)
            if id(config) not in index_of:
                index_of[id(config)] = len(configs)
                configs.append(config)
            by_directory[directory] = index_of[id(config)]
        tasks.append((str(path), by_directory[directory]))
    # Build (and so validate) every linter here: errors surface once, and forked workers inherit the linters.
    _WORKER.clear()
    _init_worker(configs, context)
    if "failure" in _WORKER:
        raise _WORKER.pop("failure")
    heap.settle_if_paused()
    if fixing is not None or "-" in paths:
        _WORKER["input"] = {"fixing": fixing, "stdin_name": stdin_name}
        jobs = 1  # standard input and writes stay in this process, in order

    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    report = Report()
    total = len(tasks)
    for done, (errors, value) in enumerate(_run(tasks, configs, context, jobs, start_method), 1):
        if value is not None:
            report.files.append(value)
        report.errors += errors
        if on_error is not None:
            for message in errors:
                on_error(message)
        if progress is not None:
            progress(done, total)
    return report


def input_directory(name: str, stdin_name: str | None = None) -> Path:
    """Where an input's config is looked for: its directory; for standard input, ``stdin_name``'s, else here."""
    if name == "-":
        return Path(stdin_name).parent if stdin_name else Path.cwd()
    return Path(name).parent


def _run(
    tasks: list[tuple[str, int]], configs: list[Config], context: Context | None, jobs: int, method: str | None
) -> Iterator[tuple[list[str], FileReport | None]]:
    if jobs <= 1 or len(tasks) <= 1:
        yield from map(_lint_task, tasks)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if method is None:
        method = "fork" if sys.platform.startswith("linux") else "spawn"
    jobs = min(jobs, len(tasks))
    if method == "fork":
        _warm_up()  # forked workers inherit what it loaded, instead of each loading it on its first draft
        heap.settle(collect=True)  # and their collections skip it, instead of copying its pages on the first
    chunk = max(1, min(16, len(tasks) // (jobs * 8)))
    done = 0
    try:
        with ProcessPoolExecutor(
            jobs, mp_context=multiprocessing.get_context(method), initializer=_init_worker, initargs=(configs, context)
        ) as pool:
            for result in pool.map(_lint_task, tasks, chunksize=chunk):
                yield result
                done += 1
    except BrokenProcessPool:
        # A worker died (killed, out of memory): finish the run in this process rather than fail or hang.
        yield from map(_lint_task, tasks[done:])


# --- statistics and progress --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RuleStatistic:
    """How often one rule fired in a run."""

    rule: str
    category: str
    severity: str
    findings: int
    files: int


def rule_statistics(report: Report) -> list[RuleStatistic]:
    """Findings per rule (most frequent first, then by id), with the number of files each rule fired in."""
    counts: dict[str, list[Any]] = {}
    for file in report.files:
        for rule in {f.rule for f in file.findings}:
            counts.setdefault(rule, [None, None, 0, 0])[3] += 1
        for finding in file.findings:
            entry = counts[finding.rule]
            entry[0], entry[1] = finding.category, finding.severity.label
            entry[2] += 1
    stats = [RuleStatistic(rule, c[0], c[1], c[2], c[3]) for rule, c in counts.items()]
    return sorted(stats, key=lambda s: (-s.findings, s.rule))


def format_statistics(stats: Sequence[RuleStatistic]) -> str:
    """The statistics as aligned text lines: count, rule id, severity, files."""
    if not stats:
        return "No findings.\n"
    width = max(len(s.rule) for s in stats)
    digits = max(len(str(s.findings)) for s in stats)
    lines = []
    for s in stats:
        noun = "file" if s.files == 1 else "files"
        lines.append(f"{s.findings:>{digits}}  {s.rule:<{width}}  {s.severity:<10}  in {s.files} {noun}")
    return "\n".join(lines) + "\n"


class ProgressBar:
    """A one-line progress bar on a terminal stream, drawn only once a run has lasted ``delay`` seconds.

    Use ``progress_bar`` to get one only when the stream is a terminal and the run is long.
    """

    def __init__(self, stream: TextIO, *, delay: float = 0.5, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.clock = clock
        self.started = clock()
        self.delay = delay
        self.last = 0.0
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if now - self.started < self.delay or (done < total and now - self.last < 0.1):
            return
        self.last = now
        width = 30
        filled = width * done // max(total, 1)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} drafts")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        """Erase the bar (if it was drawn) so the report starts on a clean line."""
        if self.drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.drawn = False


def progress_bar(stream: TextIO, total: int, *, minimum: int = 20) -> ProgressBar | None:
    """A progress bar for ``total`` drafts when ``stream`` is a terminal and the run is long, else ``None``."""
    try:
        interactive = stream.isatty()
    except (AttributeError, ValueError):
        interactive = False
    return ProgressBar(stream) if interactive and total >= minimum else None
