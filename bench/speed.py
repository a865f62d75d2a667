"""Speed and scale of followup-lint, with proselint and codespell on the same drafts where they can be installed.

Usage: ``.venv/bin/python bench/speed.py [--runs 7] [--drafts 1000] [--jobs 2] [--throughput-runs 5] [--no-peers]
[--out FILE]``

Prints, and writes as JSON (default ``bench/results/speed.json``, git-ignored):

- cold start: wall time of ``followup-lint --no-daemon`` on one 150-word draft, median of ``--runs`` fresh
  processes (the first run, which fills the user cache, is reported separately), with CPU time and peak RSS;
  the same draft as an ``.eml`` message;
- resident: the same, with the resident process warm (``cli/resident.py``): each run a fresh launcher process,
  as a pre-send hook runs it; ``.txt`` and ``.eml``;
- warm: per-draft latency inside one process (median and p95) on the 150-word draft and on mixed drafts;
- throughput: ``--drafts`` drafts of mixed length with ``--jobs`` workers, drafts per second (the median of
  ``--throughput-runs`` runs, each listed in the JSON), peak RSS;
- the language server's re-lint of a changed 150-word buffer (median, p95), when ``followup_lint.lsp`` exists;
- proselint and codespell on the same draft and drafts (installed into a scratch venv under /tmp), with the ratio;
- size growth: one draft of 1, 10, 100 and 512 KB (the size limit), each linted in a fresh process (wall, CPU,
  peak RSS) and inside a warm process, with each step's ratios to the one before; and memory: the peak RSS of one
  lint and of each ``--jobs`` worker over the ``--drafts`` drafts (``--growth-only``: just these, written to
  ``growth.json`` beside ``--out``).

The drafts are generated deterministically from the fixtures' sentences. Timings on a shared machine are
noisy: compare CPU times as well as wall times, and compare runs through the JSON files. The package is
byte-compiled first (``compileall``), as an installed package is, even where PYTHONDONTWRITEBYTECODE is set.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
PEERS_VENV = Path(tempfile.gettempdir()) / "followup-lint-bench-peers"

GREETINGS = ("Hi Dana,", "Dear Ms. Lee,", "Hello Mr. Ortiz,", "Hi Priya,", "Dear Hiring Team,")
SIGN_OFFS = ("Best regards,\nSam Patel", "Thank you again,\nLena Hoffmann", "Best,\nJordan", "Kind regards,\nAlex Kim")
EXTRA = (
    "Thank you for taking the time to meet with me about the role.",
    "I enjoyed learning how your team plans its quarterly roadmap.",
    "Our conversation about the migration project was especially interesting.",
    "I would welcome the chance to contribute to the analytics work you described.",
    "Please let me know if there is anything else I can send.",
    "I look forward to hearing about the next steps.",
    "The way your team shares dashboards across departments stood out to me.",
    "I am excited about the opportunity to support the customer success group.",
)
LENGTHS = (40, 80, 120, 150, 200, 300, 450)


# --- drafts -------------------------------------------------------------------------------------------------


def fixture_sentences() -> list[str]:
    """Body sentences of the fixtures (greetings and sign-offs dropped), plus a few stock ones."""
    sentences: list[str] = list(EXTRA)
    for path in sorted((ROOT / "fixtures").rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
        for paragraph in paragraphs[1:-1]:  # not the greeting, not the sign-off
            flat = " ".join(paragraph.split())
            sentences += [s for s in re.split(r"(?<=[.!?])\s+", flat) if 4 <= len(s.split()) <= 40]
    seen: set[str] = set()
    return [s for s in sentences if not (s in seen or seen.add(s))]


def make_draft(rng: random.Random, sentences: list[str], words: int) -> str:
    """A follow-up e-mail of about ``words`` words: greeting, paragraphs of sentences, sign-off."""
    body: list[str] = []
    count = 0
    while count < words:
        sentence = rng.choice(sentences)
        body.append(sentence)
        count += len(sentence.split())
    paragraphs = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
    return f"{rng.choice(GREETINGS)}\n\n" + "\n\n".join(paragraphs) + f"\n\n{rng.choice(SIGN_OFFS)}\n"


def write_drafts(directory: Path, count: int, seed: int = 7) -> tuple[Path, list[Path]]:
    """The 150-word draft and ``count`` drafts of mixed length, written under ``directory``."""
    sentences = fixture_sentences()
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    single = directory / "draft-150.txt"
    single.write_text(make_draft(rng, sentences, 150), encoding="utf-8")
    header = "From: Sam Patel <sam@example.com>\nTo: Dana Lee <dana@example.com>\nSubject: Thank you\n"
    header += "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
    (directory / "draft-150.eml").write_text(header + single.read_text(encoding="utf-8"), encoding="utf-8")
    many_dir = directory / "drafts"
    many_dir.mkdir(exist_ok=True)
    paths = []
    for index in range(count):
        path = many_dir / f"d{index:04}.txt"
        path.write_text(make_draft(rng, sentences, LENGTHS[index % len(LENGTHS)]), encoding="utf-8")
        paths.append(path)
    return single, paths


# --- measuring processes ------------------------------------------------------------------------------------


def run(
    command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None, *, findings_status: int = 1
) -> dict[str, float]:
    """Run ``command`` once: wall and CPU seconds, peak RSS (MB, the largest process of its tree), status.

    ``findings_status``: the exit status that means "found problems" (codespell uses 65).
    """
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd, start_new_session=True
    )
    assert process.stderr is not None
    err = process.stderr.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1, findings_status):
        raise RuntimeError(f"{' '.join(command[:3])}... exited {process.returncode}: {err.decode()[-500:]}")
    return {
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "rss_mb": usage.ru_maxrss / 1024,
        "status": process.returncode,
    }


def repeat(command: list[str], runs: int, env: dict[str, str] | None = None, status: int = 1) -> dict[str, Any]:
    results = [run(command, env, findings_status=status) for _ in range(runs)]
    return {
        "runs": runs,
        "median_s": statistics.median(r["wall_s"] for r in results),
        "min_s": min(r["wall_s"] for r in results),
        "cpu_median_s": statistics.median(r["cpu_s"] for r in results),
        "peak_rss_mb": max(r["rss_mb"] for r in results),
    }


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# --- followup-lint ------------------------------------------------------------------------------------------

WARM_CODE = r"""
import json, statistics, sys, time, resource
from pathlib import Path
from followup_lint.config import Config
from followup_lint.engine.linter import Linter
from followup_lint.reading import read_path
single, *mixed = sys.argv[1:]
linter = Linter(Config())
linter.lint(read_path(single))
def timed(paths, rounds):
    out = []
    for _ in range(rounds):
        for path in paths:
            start = time.perf_counter()
            linter.lint(read_path(path))
            out.append(time.perf_counter() - start)
    return out
one = timed([single], 200)
many = timed(mixed, 1)
def summary(values):
    ordered = sorted(values)
    return {"median_ms": statistics.median(values) * 1000, "p95_ms": ordered[int(0.95 * (len(ordered) - 1))] * 1000,
            "count": len(values)}
print(json.dumps({"draft_150": summary(one), "mixed": summary(many),
                  "rules": len(linter.rules), "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

LSP_CODE = r"""
import json, statistics, sys, time
from pathlib import Path
from lsprotocol import types
from followup_lint.lsp.server import create_server
from followup_lint.lsp.convert import diagnostic
path = Path(sys.argv[1]).resolve()
text = path.read_text(encoding="utf-8")
server = create_server()
# The initialize request as the protocol runs it (a generator that calls the server's own handler).
steps = server.protocol.lsp_initialize(types.InitializeParams(
    process_id=None, root_uri=path.parent.as_uri(), capabilities=types.ClientCapabilities()))
try:
    handler, args, _ = next(steps)
    while True:
        handler, args, _ = steps.send(handler(*args))
except StopIteration:
    pass
uri = path.as_uri()
server.workspace.put_text_document(types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text))
server.lint(uri)
times = []
words = ["really", "truly", "very", "so", "quite"]
for version in range(2, 202):
    # A keystroke-sized edit: change one word near the middle, as an editor's incremental change.
    middle = text.index(" ", len(text) // 2)
    word = words[version % len(words)]
    text = text[:middle] + " " + word + text[middle:]
    server.workspace.update_text_document(
        types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        types.TextDocumentContentChangeWholeDocument(text=text))
    start = time.perf_counter()
    linted = server.lint(uri)
    at = server.position_at(linted.source)
    rules = linted.rules
    [diagnostic(f, at, rules.get(f.rule)) for f in linted.findings]
    times.append(time.perf_counter() - start)
    text = text[:middle] + text[middle + len(word) + 1:]
ordered = sorted(times)
p95 = ordered[int(0.95 * (len(ordered) - 1))]
print(json.dumps({"median_ms": statistics.median(times) * 1000, "p95_ms": p95 * 1000, "count": len(times)}))
"""

THROUGHPUT_CODE = r"""
import sys
from pathlib import Path
from followup_lint.batch import expand_paths, lint_many
from followup_lint.config import Config
from followup_lint.reporting import write_report
jobs, directory = int(sys.argv[1]), sys.argv[2]
config = Config()
report = lint_many(expand_paths([directory]), lambda _d: config, jobs=jobs)
write_report(report, "json", sys.stdout)
"""


def python_json(code: str, *args: str, env: dict[str, str]) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=False, cwd=ROOT
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed")
    return json.loads(out.stdout.strip().splitlines()[-1])


def cli_supports_jobs(env: dict[str, str]) -> bool:
    out = subprocess.run([str(VENV_BIN / "followup-lint"), "--help"], capture_output=True, text=True, env=env)
    return "--jobs" in out.stdout


def compile_package(env: dict[str, str]) -> None:
    """Byte-compile the package as an install does (PYTHONDONTWRITEBYTECODE may be set here, never for users)."""
    code = "import followup_lint, os; print(os.path.dirname(followup_lint.__file__))"
    package = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    subprocess.run([sys.executable, "-m", "compileall", "-q", package.stdout.strip()], env=env, check=True)


def resident_env(work: Path, env: dict[str, str]) -> dict[str, str] | None:
    """An environment whose ``followup-lint`` has a warm resident process (private runtime directory), or None
    when this version has none."""
    exe = str(VENV_BIN / "followup-lint")
    runtime = work / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    resident = {**env, "XDG_RUNTIME_DIR": str(runtime), "FOLLOWUP_LINT_DAEMON": "1"}
    resident.pop("TMPDIR", None)
    if subprocess.run([exe, "daemon", "status"], capture_output=True, env=resident).returncode != 0:
        return None  # a version without one lints the paths "daemon" and "status"
    subprocess.run([exe, "--version"], capture_output=True, env=resident)  # starts one
    deadline = time.monotonic() + 600
    while "served" not in daemon_status(exe, resident) and time.monotonic() < deadline:
        time.sleep(0.5)
    return resident if "served" in daemon_status(exe, resident) else None


def daemon_status(exe: str, env: dict[str, str]) -> str:
    out = subprocess.run([exe, "daemon", "status"], capture_output=True, text=True, env=env)
    return out.stdout.strip() if out.returncode == 0 else ""


def bench_followup(
    single: Path, paths: list[Path], args: argparse.Namespace, env: dict[str, str], work: Path
) -> dict[str, Any]:
    exe = str(VENV_BIN / "followup-lint")
    email = single.with_suffix(".eml")
    figures: dict[str, Any] = {}
    direct_env = env
    print("followup-lint: cold start ...", flush=True)
    figures["cold_start_first_run"] = run([exe, str(single)], direct_env)  # fills the user cache
    figures["cold_start"] = repeat([exe, str(single)], args.runs, direct_env)
    figures["cold_start_eml"] = repeat([exe, str(email)], args.runs, direct_env)
    figures["version"] = run([exe, "--version"], direct_env)
    print("followup-lint: resident process (warming up) ...", flush=True)
    resident = resident_env(work, env)
    if resident is None:
        figures["resident"] = {"skipped": "no resident process in this version"}
    else:
        try:
            figures["resident"] = repeat([exe, str(single)], args.runs, resident)
            figures["resident_eml"] = repeat([exe, str(email)], args.runs, resident)
            figures["resident"]["served"] = daemon_status(exe, resident)
        finally:
            subprocess.run([exe, "daemon", "stop"], capture_output=True, env=resident)
    print("followup-lint: warm ...", flush=True)
    mixed = [str(p) for p in paths[:: max(1, len(paths) // 200)]]
    figures["warm"] = python_json(WARM_CODE, str(single), *mixed, env=env)
    directory = str(paths[0].parent)
    print(f"followup-lint: throughput on {len(paths)} drafts with {args.jobs} jobs ...", flush=True)
    if cli_supports_jobs(env):
        command = [exe, "--jobs", str(args.jobs), "--format", "json", directory]
        how = "followup-lint --jobs"
    else:
        command = [sys.executable, "-c", THROUGHPUT_CODE, str(args.jobs), directory]
        how = "batch.lint_many (the CLI has no --jobs yet)"
    # The median of several runs: on a shared machine one run's wall time swings by a fifth either way.
    results = sorted((run(command, env) for _ in range(args.throughput_runs)), key=lambda r: r["wall_s"])
    result = results[len(results) // 2]
    figures["throughput"] = {
        "how": how,
        "drafts": len(paths),
        "jobs": args.jobs,
        "runs": len(results),
        "wall_s": result["wall_s"],
        "wall_runs_s": [round(r["wall_s"], 3) for r in results],
        "cpu_s": result["cpu_s"],
        "drafts_per_s": len(paths) / result["wall_s"],
        "peak_rss_mb": max(r["rss_mb"] for r in results),
    }
    one = run([sys.executable, "-c", THROUGHPUT_CODE, "1", directory], env)
    figures["throughput_1_job"] = {"wall_s": one["wall_s"], "drafts_per_s": len(paths) / one["wall_s"]}
    if (ROOT / "src" / "followup_lint" / "lsp").is_dir():
        print("followup-lint: language server re-lint ...", flush=True)
        try:
            figures["lsp_relint"] = python_json(LSP_CODE, str(single), env=env)
        except (RuntimeError, json.JSONDecodeError, IndexError) as exc:
            figures["lsp_relint"] = {"error": str(exc)}
    figures["peak_rss_mb"] = max(
        figures["cold_start"]["peak_rss_mb"], figures["throughput"]["peak_rss_mb"], figures["warm"]["rss_mb"]
    )
    return figures


# --- peers --------------------------------------------------------------------------------------------------


def peers_venv() -> Path | None:
    """A scratch venv with proselint and codespell (created once under /tmp); None when pip cannot install."""
    bin_dir = PEERS_VENV / "bin"
    if (bin_dir / "proselint").exists() and (bin_dir / "codespell").exists():
        return bin_dir
    try:
        subprocess.run([sys.executable, "-m", "venv", str(PEERS_VENV)], check=True, capture_output=True)
        subprocess.run(
            [str(bin_dir / "pip"), "install", "-q", "proselint", "codespell"],
            check=True,
            capture_output=True,
            timeout=300,
        )
    except (subprocess.SubprocessError, OSError):
        return None
    return bin_dir if (bin_dir / "proselint").exists() else None


def peer_version(bin_dir: Path, name: str) -> str:
    code = f"import importlib.metadata as m; print(m.version({name!r}))"
    out = subprocess.run([str(bin_dir / "python"), "-c", code], capture_output=True, text=True)
    return out.stdout.strip() or "?"


def bench_peers(single: Path, paths: list[Path], runs: int) -> dict[str, Any]:
    bin_dir = peers_venv()
    if bin_dir is None:
        return {"skipped": "proselint/codespell could not be installed into a scratch venv"}
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    figures: dict[str, Any] = {}
    for name in ("proselint", "codespell"):
        exe = bin_dir / name
        print(f"{name}: cold start and {len(paths)} drafts ...", flush=True)
        check = [str(exe), "check"] if name == "proselint" and _proselint_has_check(exe) else [str(exe)]
        status = 65 if name == "codespell" else 1
        cold = repeat([*check, str(single)], runs, env, status)
        many = run([*check, *map(str, paths)], env, findings_status=status)
        figures[name] = {
            "version": peer_version(bin_dir, name),
            "cold_start": cold,
            "many": {
                "drafts": len(paths),
                "wall_s": many["wall_s"],
                "drafts_per_s": len(paths) / many["wall_s"],
                "peak_rss_mb": many["rss_mb"],
            },
        }
    return figures


def _proselint_has_check(exe: Path) -> bool:
    out = subprocess.run([str(exe), "--help"], capture_output=True, text=True)
    return bool(re.search(r"^\s+check\b", out.stdout, re.MULTILINE))


# --- size growth --------------------------------------------------------------------------------------------

GROWTH_KB = (1, 10, 100, 512)  # 512 KB is the size limit of a draft

GROWTH_CODE = r"""
import json, statistics, sys, time
from followup_lint.config import Config
from followup_lint.engine.linter import Linter
from followup_lint.reading import read_path
linter = Linter(Config())
linter.lint(read_path(sys.argv[1]))  # resources loaded before timing
out = {}
for path in sys.argv[1:]:
    draft = read_path(path)
    times, cpu = [], []
    for _ in range(3 if len(draft.source) < 200_000 else 1):
        start, start_cpu = time.perf_counter(), time.process_time()
        report = linter.lint(draft)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    out[path] = {"lint_s": min(times), "lint_cpu_s": min(cpu), "findings": len(report.findings),
                 "notices": report.notices}
print(json.dumps(out))
"""


def growth_draft(rng: random.Random, sentences: list[str], size: int) -> str:
    """A follow-up e-mail of at most ``size`` bytes (UTF-8) and close to it: the fixtures' sentences repeated in
    paragraphs of three, between a greeting and a sign-off."""
    head, tail = f"{rng.choice(GREETINGS)}\n\n", f"\n\n{rng.choice(SIGN_OFFS)}\n"
    room = size - len((head + tail).encode("utf-8"))
    paragraphs: list[str] = []
    used = 0
    while True:
        paragraph = " ".join(rng.choice(sentences) for _ in range(3))
        cost = len(paragraph.encode("utf-8")) + (2 if paragraphs else 0)
        if used + cost > room:
            break
        paragraphs.append(paragraph)
        used += cost
    return head + "\n\n".join(paragraphs) + tail


def bench_growth(work: Path, env: dict[str, str]) -> dict[str, Any]:
    """Time and memory against draft size (``GROWTH_KB``): each draft linted by ``followup-lint`` in a fresh
    process (wall, CPU, peak RSS), and the lint alone inside one warm process (best of 3 runs; 1 run at 512 KB)."""
    rng = random.Random(11)
    sentences = fixture_sentences()
    directory = work / "growth"
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for kb in GROWTH_KB:
        path = directory / f"draft-{kb}kb.txt"
        path.write_text(growth_draft(rng, sentences, kb * 1024), encoding="utf-8")
        paths.append(path)
    exe = str(VENV_BIN / "followup-lint")
    run([exe, str(paths[0])], env)  # fills the user cache
    warm = python_json(GROWTH_CODE, *map(str, paths), env=env)
    steps = []
    for kb, path in zip(GROWTH_KB, paths, strict=True):
        fresh = run([exe, str(path)], env)
        steps.append(
            {
                "kb": kb,
                "bytes": path.stat().st_size,
                "words": len(path.read_text(encoding="utf-8").split()),
                "lint_s": warm[str(path)]["lint_s"],
                "lint_cpu_s": warm[str(path)]["lint_cpu_s"],
                "findings": warm[str(path)]["findings"],
                "notices": warm[str(path)]["notices"],
                "process_wall_s": fresh["wall_s"],
                "process_cpu_s": fresh["cpu_s"],
                "peak_rss_mb": fresh["rss_mb"],
            }
        )
    return {"steps": steps}


MEMORY_CODE = r"""
import json, resource, sys
from followup_lint.batch import expand_paths, lint_many
from followup_lint.config import Config
jobs, directory = int(sys.argv[1]), sys.argv[2]
config = Config()
report = lint_many(expand_paths([directory]), lambda _d: config, jobs=jobs)
peak = lambda who: resource.getrusage(who).ru_maxrss / 1024
# The workers have exited and been waited for: RUSAGE_CHILDREN's peak is the largest worker's.
print(json.dumps({"drafts": len(report.files), "jobs": jobs, "parent_rss_mb": peak(resource.RUSAGE_SELF),
                  "worker_rss_mb": peak(resource.RUSAGE_CHILDREN)}))
"""


def bench_memory(single: Path, paths: list[Path], env: dict[str, str], jobs: int) -> dict[str, Any]:
    """Peak RSS of one lint (``followup-lint`` on the 150-word draft, a fresh process with a warm cache) and of
    each worker of ``batch.lint_many`` with ``jobs`` processes over the drafts (the largest worker, and the parent
    that gathers the report)."""
    one = run([str(VENV_BIN / "followup-lint"), str(single)], env)
    workers = python_json(MEMORY_CODE, str(max(2, jobs)), str(paths[0].parent), env=env)
    return {"one_lint_rss_mb": one["rss_mb"], **workers}


def summarise_growth(growth: dict[str, Any]) -> list[str]:
    """The growth table: each step's lint CPU time against the step before (a step that grows more than its size
    ratio, with a quarter for noise, is super-linear), and each fresh process's time and peak RSS."""
    lines = [
        "size growth (one draft; lint: CPU s in a warm process; process: followup-lint FILE, fresh)",
        "     size   words  lint cpu s  ms/KB  x prev (size x)     process wall / cpu s   peak RSS MB",
    ]
    previous = None
    for step in growth["steps"]:
        per_kb = 1000 * step["lint_cpu_s"] / (step["bytes"] / 1024)
        ratio = verdict = ""
        if previous is not None:
            size_ratio = step["bytes"] / previous["bytes"]
            time_ratio = step["lint_cpu_s"] / previous["lint_cpu_s"]
            ratio = f"x{time_ratio:5.1f} (x{size_ratio:5.1f})"
            verdict = "  ok" if time_ratio <= 1.25 * size_ratio else "  SUPER-LINEAR"
        lines.append(
            f"  {step['kb']:>4} KB {step['words']:>7} {step['lint_cpu_s']:11.3f} {per_kb:6.2f}  {ratio:>16}"
            f"   {step['process_wall_s']:8.2f} / {step['process_cpu_s']:6.2f}   {step['peak_rss_mb']:8.1f}{verdict}"
        )
        previous = step
    memory = growth.get("memory")
    if memory:
        lines.append(
            f"  peak RSS: one lint (150 words) {memory['one_lint_rss_mb']:.0f} MB   target <= 100 MB:"
            f" {'ok' if memory['one_lint_rss_mb'] <= 100 else 'MISSED'};  per worker ({memory['drafts']} drafts,"
            f" {memory['jobs']} jobs) {memory['worker_rss_mb']:.0f} MB (parent {memory['parent_rss_mb']:.0f} MB)"
            f"   target <= 150 MB: {'ok' if memory['worker_rss_mb'] <= 150 else 'MISSED'}"
        )
    largest = growth["steps"][-1]
    lines.append(
        f"  {largest['kb']} KB: followup-lint FILE {largest['process_cpu_s']:.2f} s CPU"
        f" ({largest['process_wall_s']:.2f} s wall, which depends on the machine's load)   target < 2 s: "
        f"{'ok' if largest['process_cpu_s'] < 2.0 else 'MISSED'}"
    )
    return lines


# --- report -------------------------------------------------------------------------------------------------

TARGETS = {"cold_start_s": 1.0, "warm_ms": 10.0, "drafts_per_s": 250.0, "peak_rss_mb": 250.0, "lsp_ms": 20.0}


def summarise(figures: dict[str, Any]) -> list[str]:
    ours = figures["followup_lint"]
    lines = [f"followup-lint {figures['machine']['cpus']} CPUs, {ours['warm']['rules']} rules enabled"]

    def verdict(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    cold = ours["cold_start"]
    lines.append(
        f"  cold start      median {cold['median_s']:.3f} s (min {cold['min_s']:.3f}, cpu {cold['cpu_median_s']:.3f} s,"
        f" first run {ours['cold_start_first_run']['wall_s']:.3f} s)   target <= {TARGETS['cold_start_s']} s:"
        f" {verdict(cold['median_s'] <= TARGETS['cold_start_s'])}"
    )
    eml = ours.get("cold_start_eml")
    if eml:
        difference = eml["median_s"] - cold["median_s"]
        lines.append(f"  cold .eml       median {eml['median_s']:.3f} s (.eml - .txt {difference:+.3f} s)")
    resident = ours.get("resident", {})
    if "median_s" in resident:
        lines.append(
            f"  resident        median {resident['median_s']:.3f} s (min {resident['min_s']:.3f}, launcher cpu"
            f" {resident['cpu_median_s']:.3f} s; .eml {ours['resident_eml']['median_s']:.3f} s,"
            f" {ours['resident_eml']['median_s'] - resident['median_s']:+.3f} s)   [{resident.get('served', '')}]"
        )
    elif resident:
        lines.append(f"  resident        {resident.get('skipped')}")
    lines.append(f"  --version       {ours['version']['wall_s']:.3f} s")
    warm = ours["warm"]["draft_150"]
    lines.append(
        f"  warm 150 words  median {warm['median_ms']:.2f} ms, p95 {warm['p95_ms']:.2f} ms   target <= "
        f"{TARGETS['warm_ms']} ms: {verdict(warm['median_ms'] <= TARGETS['warm_ms'])}"
    )
    mixed = ours["warm"]["mixed"]
    lines.append(f"  warm mixed      median {mixed['median_ms']:.2f} ms, p95 {mixed['p95_ms']:.2f} ms")
    through = ours["throughput"]
    lines.append(
        f"  throughput      {through['drafts_per_s']:.0f} drafts/s ({through['drafts']} drafts, {through['jobs']} jobs,"
        f" median of {through.get('runs', 1)} runs {through['wall_s']:.2f} s, cpu {through['cpu_s']:.1f} s ="
        f" {1000 * through['cpu_s'] / through['drafts']:.0f} ms"
        f" a draft; 1 job: {ours['throughput_1_job']['drafts_per_s']:.0f}/s)   target >= "
        f"{TARGETS['drafts_per_s']:.0f}: {verdict(through['drafts_per_s'] >= TARGETS['drafts_per_s'])}"
    )
    lines.append(
        f"  peak RSS        {ours['peak_rss_mb']:.0f} MB   target <= {TARGETS['peak_rss_mb']:.0f} MB:"
        f" {verdict(ours['peak_rss_mb'] <= TARGETS['peak_rss_mb'])}"
    )
    lsp = ours.get("lsp_relint")
    if lsp and "median_ms" in lsp:
        lines.append(
            f"  LSP re-lint     median {lsp['median_ms']:.2f} ms, p95 {lsp['p95_ms']:.2f} ms   target <= "
            f"{TARGETS['lsp_ms']} ms: {verdict(lsp['median_ms'] <= TARGETS['lsp_ms'])}"
        )
    elif lsp:
        lines.append(f"  LSP re-lint     not measured: {lsp['error']}")
    peers = figures.get("peers", {})
    if "skipped" in peers:
        lines.append(f"peers: {peers['skipped']}")
    for name, peer in peers.items():
        if not isinstance(peer, dict) or "cold_start" not in peer:
            continue
        ratio_cold = cold["median_s"] / peer["cold_start"]["median_s"]
        ratio_many = through["wall_s"] / peer["many"]["wall_s"]
        if "median_s" in resident:
            ratio_resident = resident["median_s"] / peer["cold_start"]["median_s"]
            lines.append(
                f"{name}: ours / {name} cold start: resident x{ratio_resident:.2f}, direct x{ratio_cold:.2f}"
                f"   target resident <= 1.0: {verdict(ratio_resident <= 1.0)}"
            )
        lines.append(
            f"{name} {peer['version']}: cold start {peer['cold_start']['median_s']:.3f} s (ours x{ratio_cold:.1f}),"
            f" {peer['many']['drafts']} drafts {peer['many']['wall_s']:.2f} s = {peer['many']['drafts_per_s']:.0f}/s"
            f" (ours x{ratio_many:.1f} the time), peak RSS {peer['many']['peak_rss_mb']:.0f} MB"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh processes for cold start (median; at least 5)")
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--throughput-runs", type=int, default=5, help="runs of the throughput test (median)")
    parser.add_argument("--no-peers", action="store_true", help="skip proselint and codespell")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "speed.json")
    parser.add_argument("--growth-only", action="store_true", help="only time and memory against draft size")
    args = parser.parse_args(argv)
    args.runs = max(5, args.runs)
    if not (VENV_BIN / "followup-lint").exists():
        print(f"skipped: followup-lint is not installed next to {sys.executable}")
        return 0
    work = Path(tempfile.mkdtemp(prefix="followup-bench-"))
    try:
        single, paths = write_drafts(work, args.drafts)
        env = {**os.environ, "FOLLOWUP_LINT_CACHE_DIR": str(work / "cache"), "FOLLOWUP_LINT_MODEL": "none"}
        env["FOLLOWUP_LINT_DAEMON"] = "0"  # every figure but "resident" is of a direct run (resident_env turns it on)
        compile_package(env)
        figures: dict[str, Any] = {
            "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "platform": platform.platform(),
                "load_average": os.getloadavg(),
            },
            "draft_150_words": len(single.read_text(encoding="utf-8").split()),
        }
        if not args.growth_only:
            figures["followup_lint"] = bench_followup(single, paths, args, env, work)
        print("followup-lint: size growth ...", flush=True)
        figures["growth"] = bench_growth(work, env)
        figures["growth"]["memory"] = bench_memory(single, paths, env, args.jobs)
        if not args.no_peers and not args.growth_only:
            figures["peers"] = bench_peers(single, paths, args.runs)
        figures["machine"]["load_average_after"] = os.getloadavg()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.growth_only:
        args.out = args.out.with_name("growth.json")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if "followup_lint" in figures:
        print("\n".join(summarise(figures)))
    print("\n".join(summarise_growth(figures["growth"])))
    print(f"(figures written to {args.out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
