"""Hostile input (issue 20): no draft, path, config or rule file can hang the linter or exhaust memory.

Three kinds of tests. The pathological families are linted in this process under a generous CPU-time cap: each
took tens of seconds (quadratic or worse) before its fix and takes well under a second now. The matrix runs the
command line and checks what a user sees for each case: the exit status, a single error line naming the file,
the time, and the peak memory (each row's outcome is recorded as a property: ``pytest --junitxml`` or ``-rA``).
Its rows are the hostile paths, configs and rule files (a child process each), every family of
``bench/hostile.py`` at 16 KB, and the drafts issue 20 names at the sizes it names (``heavy``: a batch in one
child process each).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pytest

from followup_lint import Config
from followup_lint.api import linter_for
from followup_lint.reading import DraftError, read_bytes

from .conftest import ROOT

#: CPU seconds a family may take: a linear run takes a tenth of this, the code before the fix ten times it.
CAP = 4.0
SENTENCE = "Hi Dana,\n\nThank you for the interview on Monday. "
SIGN = "\n\nBest,\nSam\n"


def _fill(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit.encode("utf-8")))


def _html_mail(body: str) -> str:
    return f"From: a@b.c\nSubject: Thanks\nContent-Type: text/html; charset=utf-8\n\n{body}"


#: name -> (file name, text): each took over 10 s at this size before its fix (most far longer).
FAMILIES: dict[str, tuple[str, Callable[[], str]]] = {
    "a run of '['": ("d.txt", lambda: _fill("[", 32_768)),
    "a run of '{{'": ("d.txt", lambda: _fill("{{", 32_768)),
    "a run of full stops": ("d.txt", lambda: _fill(".", 32_768)),
    "'%' after a sentence": ("d.txt", lambda: SENTENCE + _fill("%", 32_768) + SIGN),
    "'!' after a sentence": ("d.txt", lambda: SENTENCE + _fill("!", 65_536) + SIGN),
    "a blank run before an emoji": ("d.txt", lambda: SENTENCE + _fill(" ", 65_536) + "\U0001f600" + SIGN),
    "long quoted lines": ("d.txt", lambda: SENTENCE + ("\n> " + _fill(" ", 30_000)) * 3 + SIGN),
    "'the the'": ("d.txt", lambda: _fill("the ", 131_072)),
    "a run of '_'": ("d.txt", lambda: SENTENCE + _fill("_", 131_072) + SIGN),
    'a run of "\'"': ("d.md", lambda: SENTENCE + _fill("'", 131_072) + SIGN),
    "one word of 128 KB": ("d.txt", lambda: SENTENCE + _fill("b", 131_072) + SIGN),
    "Markdown: unclosed '**'": ("d.md", lambda: SENTENCE + _fill("**a ", 65_536) + SIGN),
    "Markdown: backtick runs": ("d.md", lambda: SENTENCE + _fill("` `` ", 32_768) + SIGN),
    "Markdown: unclosed '<!--'": ("d.md", lambda: SENTENCE + _fill("<!-- a ", 65_536) + SIGN),
    "Markdown: unclosed links": ("d.md", lambda: SENTENCE + _fill("[a](", 65_536) + SIGN),
    "Markdown: unclosed '<div '": ("d.md", lambda: SENTENCE + _fill("<div ", 65_536) + SIGN),
    "Markdown: a run of '['": ("d.md", lambda: _fill("[", 32_768)),
    "HTML mail: unclosed '<a '": ("d.eml", lambda: _html_mail(_fill("<a ", 65_536))),
    "HTML mail: a run of '<'": ("d.eml", lambda: _html_mail(_fill("<", 131_072))),
}


@contextmanager
def wall_clock_guard(seconds: float) -> Iterator[None]:
    """Interrupt a hang (a regex that never ends) instead of stalling the suite; main thread only."""

    def stop(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"still running after {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def cpu_seconds_to_lint(filename: str, text: str) -> float:
    linter = linter_for(Config())
    linter.lint(read_bytes("warm-up.txt", (SENTENCE + "I enjoyed it." + SIGN).encode()))  # rules compiled first
    start = time.process_time()
    with wall_clock_guard(20 * CAP), suppress(DraftError):
        linter.lint(read_bytes(filename, text.encode("utf-8")))
    return time.process_time() - start


@pytest.mark.parametrize("family", list(FAMILIES))
def test_pathological_text_lints_in_linear_time(family: str) -> None:
    filename, make = FAMILIES[family]
    assert cpu_seconds_to_lint(filename, make()) < CAP


# --- the command line on hostile paths: a child process per case ---------------------------------------------


@dataclass
class Outcome:
    status: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float

    def refused(self, *names: str) -> None:
        """Exit 2 with one error line naming every one of ``names``; no traceback, no internal error."""
        lines = self.stderr.strip().splitlines()
        assert self.status == 2, self
        assert "Traceback" not in self.stderr and "internal error" not in self.stderr, self.stderr
        for name in names:
            assert any(name in line for line in lines), (name, self.stderr)


#: Runs the command line, then writes the process's peak memory (KB) to the file named first: the high-water
#: mark of its own address space (``VmHWM``; ``ru_maxrss`` would include the forking test process's).
LAUNCHER = (
    "import re, resource, sys\n"
    "from followup_lint.cli import main\n"
    "try:\n"
    "    status = main(sys.argv[2:])\n"
    "finally:\n"
    "    try:\n"
    "        peak = re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1)\n"
    "    except (OSError, AttributeError):\n"
    "        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "    open(sys.argv[1], 'w').write(str(peak))\n"
    "sys.exit(status)\n"
)


def run_cli(tmp_path: Path, *args: str, stdin: object = subprocess.DEVNULL, timeout: float = 60) -> Outcome:
    """Run ``followup-lint ARGS`` in a child; its exit status, output, wall time and peak memory."""
    peak_file = tmp_path / "peak.txt"
    start = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-c", LAUNCHER, str(peak_file), *args],
            stdin=stdin,
            capture_output=True,
            timeout=timeout,
            env={**os.environ, "FOLLOWUP_LINT_MODEL": "none", "FOLLOWUP_LINT_RULE_SECONDS": "2"},
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"followup-lint {' '.join(args)} still running after {timeout:.0f} s")
    peak = int(peak_file.read_text()) / 1024 if peak_file.exists() else float("nan")
    return Outcome(done.returncode, done.stdout.decode(errors="replace"), done.stderr.decode(errors="replace"),
                   time.monotonic() - start, peak)  # fmt: skip


# --- the matrix --------------------------------------------------------------------------------------------

GOOD = "Hi Dana,\n\nThank you for the interview on Monday for the analyst role at Acme.\n\nBest,\nSam\n"
RULE = """\
id: custom.{name}
category: grammar
severity: warning
check: existence
message: "{message}"
why: A test rule.
regexes:
  - regex: '{regex}'
{extra}examples:
  fire: ["xa"]
  pass: ["hello"]
"""
BOMB = (
    "options:\n  a: &a ["
    + ",".join(["lol"] * 9)
    + "]\n"
    + "".join(f"  {b}: &{b} [{','.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True))
)


def nested_multipart(depth: int) -> str:
    opening = "".join(f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(depth))
    closing = "".join(f"--b{i}--\n" for i in reversed(range(depth)))
    return f"From: a@b.c\nSubject: x\nMIME-Version: 1.0\n{opening}Content-Type: text/plain\n\nHello\n{closing}"


def rule_dir(tmp_path: Path, name: str, regex: str = "xa", message: str = "m", extra: str = "") -> Path:
    folder = tmp_path / f"rules-{name}"
    folder.mkdir()
    (folder / f"{name}.yaml").write_text(RULE.format(name=name, regex=regex, message=message, extra=extra))
    return folder


def draft(tmp_path: Path, name: str = "good.txt", text: str = GOOD) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def fifo(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    os.mkfifo(path)
    return path


#: case -> set-up(tmp_path) giving (arguments, standard input or None, the names the error line must hold).
Case = Callable[[Path], tuple[list[str], object, tuple[str, ...]]]
MATRIX: dict[str, Case] = {
    "/dev/zero as a path": lambda t: (["/dev/zero"], None, ("/dev/zero", "character device")),
    "/dev/urandom as a path": lambda t: (["/dev/urandom"], None, ("/dev/urandom", "character device")),
    "/dev/zero on standard input": lambda t: (["-"], "/dev/zero", ("-:", "too large")),
    "/dev/zero as --thread": lambda t: (["--thread", "/dev/zero", str(draft(t))], None, ("/dev/zero",)),
    "a FIFO without a writer": lambda t: ([str(fifo(t, "pipe.txt"))], None, ("pipe.txt", "named pipe")),
    "multipart nested 1,000 deep": lambda t: (
        [str(draft(t, "deep.eml", nested_multipart(1000)))], None, ("deep.eml", "deep")),
    "a Subject of 50,000 encoded-words": lambda t: (
        [str(draft(t, "subject.eml", "Subject: " + " ".join(["=?utf-8?b?SGk=?="] * 50_000) + "\n\n" + GOOD))],
        None, ("subject.eml", "headers over 64 KB")),
    "a NUL byte in a text draft": lambda t: ([str(draft(t, "nul.txt", GOOD + "\0" * 9000))], None, ("nul.txt",)),
    "a NUL byte after 8 KB in an .eml": lambda t: (
        [str(draft(t, "nul.eml", "From: a@b.c\nSubject: Thanks\n\n" + GOOD + "x" * 9000 + "\0\n"))],
        None, ("nul.eml", "NUL")),
    "a file over the size limit": lambda t: ([str(draft(t, "big.txt", "word " * 110_000))], None, ("big.txt", "limit")),
    "a TOML config nested 5,000 deep": lambda t: (
        ["--config", str(draft(t, "deep.toml", "a = " + "[" * 5000 + "]" * 5000 + "\n")), str(draft(t))],
        None, ("deep.toml", "too deeply")),
    "a FIFO as the config": lambda t: (["--config", str(fifo(t, "c.toml")), str(draft(t))], None, ("c.toml",)),
    "max = nan in a config": lambda t: (
        ["--config", str(draft(t, "nan.toml", '[rules."readability.grade"]\nmax = nan\n')), str(draft(t))],
        None, ("nan.toml", "finite")),
    "the whole file system as a rule directory": lambda t: (["--rules", "/", str(draft(t))], None, ("/:",)),
    "a rule regex x(a|a)+$": lambda t: (
        ["--rules", str(rule_dir(t, "alt", "x(a|a)+$")), str(draft(t, text=GOOD + "x" + "a" * 40 + "b\n"))],
        None, ("good.txt", "custom.alt", "stopped")),
    "a rule regex x(a{1,1000}){1,1000}$": lambda t: (
        ["--rules", str(rule_dir(t, "rep", "x(a{1,1000}){1,1000}$")),
         str(draft(t, text=GOOD + "x" + "a" * 3000 + "b\n"))],
        None, ("good.txt", "custom.rep", "stopped")),
    "a rule regex (.*?,){15}x": lambda t: (
        ["--rules", str(rule_dir(t, "lazy", "(.*?,){15}x")), str(draft(t, text=GOOD + "," * 400 + "\n"))],
        None, ("good.txt", "custom.lazy", "stopped")),
    "a YAML alias bomb in options": lambda t: (
        ["--rules", str(rule_dir(t, "bomb", extra=BOMB)), str(draft(t))], None, ("bomb.yaml", "aliases")),
    "a message width of 2,000,000,000": lambda t: (
        ["--rules", str(rule_dir(t, "wide", message="{match:>2000000000}")), str(draft(t))],
        None, ("wide.yaml", "width")),
    "a rule option of .nan": lambda t: (
        ["--rules", str(rule_dir(t, "nan", extra="options:\n  max: .nan\n")), str(draft(t))],
        None, ("nan.yaml", "finite")),
}  # fmt: skip


@pytest.mark.parametrize("case", list(MATRIX))
def test_hostile_input_matrix(case: str, tmp_path: Path, record_property: Callable[[str, object], None]) -> None:
    """Exit 2, one error line naming the culprit, no traceback, in bounded time and memory."""
    args, stdin, names = MATRIX[case](tmp_path)
    handle = open(stdin, "rb") if isinstance(stdin, str) else subprocess.DEVNULL  # noqa: SIM115
    try:
        outcome = run_cli(tmp_path, *args, stdin=handle)
    finally:
        if handle is not subprocess.DEVNULL:
            handle.close()
    record_property("outcome", f"exit {outcome.status}, {outcome.seconds:.1f} s, {outcome.peak_mb:.0f} MB")
    outcome.refused(*names)
    assert len(outcome.stderr.strip().splitlines()) == 1, outcome.stderr
    assert outcome.peak_mb < 300, outcome


# --- every pathological draft through the command line: one child process runs a batch of drafts ------------

#: Lints each draft named in a JSON list with the command line, in this one process, and writes a JSON line per
#: draft: its name, exit status, standard error, CPU seconds, and peak memory in MB (the high-water mark is
#: reset before each draft, so each row's peak is the rules loaded plus that draft's own work).
BATCH = """\
import contextlib, gc, io, json, re, sys, time
from followup_lint.cli import main

def peak():
    return int(re.search(r"VmHWM:\\s*(\\d+)", open("/proc/self/status").read()).group(1)) / 1024

with open(sys.argv[2], "w") as out:
    for name, path in json.load(open(sys.argv[1])):
        gc.collect()
        with contextlib.suppress(OSError), open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
        err = io.StringIO()
        start = time.process_time()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            status = main([path])
        out.write(json.dumps([name, status, err.getvalue(), time.process_time() - start, peak()]) + "\\n")
        out.flush()
"""


@dataclass
class Row:
    """One row of the matrix: what a user sees for one draft."""

    name: str
    path: str
    status: int
    error: str
    seconds: float
    peak_mb: float

    def __str__(self) -> str:
        error = self.error.strip() or "no error"
        return f"{self.name}: exit {self.status}, {error}, {self.seconds:.2f} s, {self.peak_mb:.0f} MB"


def run_batch(folder: Path, drafts: dict[str, tuple[str, Callable[[], str]]], timeout: float) -> dict[str, Row]:
    """Write each draft to its own folder, lint them all in one child, and return a row per draft."""
    cases, paths = [["warm-up", str(draft(folder, "warm-up.txt"))]], {}
    for index, (name, (filename, make)) in enumerate(drafts.items()):
        (folder / str(index)).mkdir()
        paths[name] = str(draft(folder / str(index), filename, make()))
        cases.append([name, paths[name]])
    (folder / "cases.json").write_text(json.dumps(cases))
    rows = folder / "rows.jsonl"
    env = {**os.environ, "FOLLOWUP_LINT_MODEL": "none"}
    command = [sys.executable, "-c", BATCH, str(folder / "cases.json"), str(rows)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, env=env, check=False)
    except subprocess.TimeoutExpired:
        done = None
    found = [json.loads(line) for line in rows.read_text().splitlines()] if rows.exists() else []
    out = {name: Row(name, paths[name], status, err, seconds, peak) for name, status, err, seconds, peak in found[1:]}
    if len(out) < len(drafts):  # name the draft it stopped on
        stuck = next(name for name in drafts if name not in out)
        why = f"still running after {timeout:.0f} s" if done is None else done.stderr.decode(errors="replace")[-800:]
        pytest.fail(f"the batch stopped at {stuck!r}: {why}")
    return out


def check_row(row: Row, cap_seconds: float, record_property: Callable[[str, object], None]) -> None:
    """Linted (exit 0 or 1, nothing on standard error) or refused in one line naming the file (exit 2); within
    the time cap and under 300 MB."""
    record_property("outcome", str(row))
    lines = row.error.strip().splitlines()
    if row.status == 2:
        assert len(lines) == 1 and row.path in lines[0], row
        assert "Traceback" not in row.error and "internal error" not in row.error, row
    else:
        assert row.status in (0, 1) and not lines, row
    assert row.seconds < cap_seconds, row
    assert row.peak_mb < 300, row


def _bench_families(size: int) -> dict[str, tuple[str, Callable[[], str]]]:
    """The families of ``bench/hostile.py`` (runs of every punctuation character, unclosed openers, ...)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_hostile", ROOT / "bench" / "hostile.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.families(size)


#: Each family at 16 KB: exit status, error line and memory do not depend on the size, and a super-linear cost
#: already shows (the families took 10 s or more at this size before issue 20; a linear lint takes 0.1 s).
SMALL = 16 * 1024
BENCH_FAMILIES = _bench_families(SMALL)

#: The cases issue 20 names, at the sizes it names (its goal: 3 s and 300 MB up to the 512 KB limit).
ISSUE_CASES: dict[str, tuple[str, Callable[[], str]]] = {
    "Markdown: 200 KB of unclosed '**'": ("d.md", lambda: SENTENCE + _fill("**a ", 200 * 1024) + SIGN),
    "Markdown: 200 KB of alternating backtick runs": ("d.md", lambda: SENTENCE + _fill("` `` ", 200 * 1024) + SIGN),
    "Markdown: 200 KB of unclosed '<!--'": ("d.md", lambda: SENTENCE + _fill("<!-- a ", 200 * 1024) + SIGN),
    "Markdown: 200 KB of unclosed links": ("d.md", lambda: SENTENCE + _fill("[a](", 200 * 1024) + SIGN),
    "Markdown: 200 KB of unclosed '<div '": ("d.md", lambda: SENTENCE + _fill("<div ", 200 * 1024) + SIGN),
    "HTML mail: 400 KB of '<'": ("d.eml", lambda: _html_mail(_fill("<", 400 * 1024))),
    "HTML mail: 400 KB of unclosed '<a '": ("d.eml", lambda: _html_mail(_fill("<a ", 400 * 1024))),
    "500 KB of '['": ("d.txt", lambda: _fill("[", 500 * 1024)),
    "500 KB of '{{'": ("d.txt", lambda: _fill("{{", 500 * 1024)),
    "500 KB of full stops": ("d.txt", lambda: _fill(".", 500 * 1024)),
    "500 KB of hyphens": ("d.txt", lambda: _fill("-", 500 * 1024)),
    "500 KB of 'the the'": ("d.txt", lambda: _fill("the ", 500 * 1024)),
}


@pytest.fixture(scope="module")
def bench_rows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Row]:
    return run_batch(tmp_path_factory.mktemp("bench-families"), BENCH_FAMILIES, timeout=600)


@pytest.fixture(scope="module")
def issue_rows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Row]:
    return run_batch(tmp_path_factory.mktemp("issue-cases"), ISSUE_CASES, timeout=600)


@pytest.mark.parametrize("family", list(BENCH_FAMILIES))
def test_every_bench_family_through_the_command_line(
    family: str, bench_rows: dict[str, Row], record_property: Callable[[str, object], None]
) -> None:
    check_row(bench_rows[family], 5.0, record_property)


@pytest.mark.heavy
@pytest.mark.parametrize("case", list(ISSUE_CASES))
def test_every_case_of_the_issue_at_its_size(
    case: str, issue_rows: dict[str, Row], record_property: Callable[[str, object], None]
) -> None:
    """At these sizes a linear lint takes seconds and a quadratic one many minutes: the cap is generous."""
    row = issue_rows[case]
    assert row.status in (0, 1), row  # under the size limit: linted, not refused
    check_row(row, 30.0, record_property)


def test_one_bad_draft_in_a_directory_spoils_nothing_else(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    draft(folder, "a-good.txt")
    draft(folder, "b-deep.eml", nested_multipart(1000))
    fifo(folder, "c-pipe.txt")
    draft(folder, "d-good.md")
    outcome = run_cli(tmp_path, str(folder), "--format", "json")
    outcome.refused("b-deep.eml", "c-pipe.txt")
    reported = [Path(f["path"]).name for f in json.loads(outcome.stdout)["files"]]
    assert reported == ["a-good.txt", "d-good.md"]
    assert outcome.peak_mb < 300, outcome


def test_a_fifo_named_like_a_rule_file_is_skipped(tmp_path: Path) -> None:
    folder = rule_dir(tmp_path, "fine")
    fifo(folder, "stuck.yaml")
    outcome = run_cli(tmp_path, "--rules", str(folder), str(draft(tmp_path)))
    assert outcome.status in (0, 1), outcome


def test_a_thread_nested_too_deeply_is_skipped_like_any_unreadable_message(tmp_path: Path) -> None:
    thread = draft(tmp_path, "thread.eml", nested_multipart(1000))
    outcome = run_cli(tmp_path, "--thread", str(thread), str(draft(tmp_path)))
    assert outcome.status in (0, 1) and "internal error" not in outcome.stderr, outcome


def test_the_budget_stops_only_the_rule_that_overruns(tmp_path: Path) -> None:
    """One repeating timer serves a whole lint: rules that finish in time never trip it, however many run before
    and after the slow one, and the error names the slow rule."""
    from followup_lint.engine.budget import budget, timer
    from followup_lint.reading import DraftError

    def spin(seconds: float) -> None:
        end = time.process_time() + seconds
        while time.process_time() < end:
            pass

    with timer():
        for index in range(50):
            with budget("d.txt", f"quick.{index}", "q.yaml", seconds=0.2):
                spin(0.01)
        stopped = r"rule slow\.one \(s\.yaml\) ran for more than 0\.2 s"
        with pytest.raises(DraftError, match=stopped), budget("d.txt", "slow.one", "s.yaml", seconds=0.2):
            spin(5)
        with budget("d.txt", "after.slow", "a.yaml", seconds=0.2):
            spin(0.1)
    spin(0.5)  # the timer is off after the lint: nothing fires


def test_a_check_per_sentence_does_not_rescan_every_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The thank-you detail check looked at every line of the draft again for each sentence, copying each line:
    quadratic on a long line of many sentences (a Markdown line of 500 KB of ``<!-- a`` spent seconds there)."""
    from followup_lint.engine import layout

    looks = 0
    blank = layout.Line.blank

    def counted(line: layout.Line) -> bool:
        nonlocal looks
        looks += 1
        return blank.fget(line)  # type: ignore[attr-defined]

    monkeypatch.setattr(layout.Line, "blank", property(counted))
    linter = linter_for(Config(select=["personalization.thank-you-detail"]))
    text = SENTENCE + "<!-- a " * 4_000 + SIGN
    report = linter.lint(read_bytes("d.md", text.encode("utf-8")))
    assert [f.rule for f in report.findings] == ["personalization.thank-you-detail"]  # it ran over every sentence
    assert looks < 200, looks  # the draft has 7 lines and 4,000 sentences
