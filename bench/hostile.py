"""Hostile inputs: time and peak memory of reading and linting each pathological family, slowest first.

    .venv/bin/python bench/hostile.py                  # every family at 512 KB (the size limit), 30 s cap each
    .venv/bin/python bench/hostile.py --size 65536     # smaller inputs, to compare growth (ratios, not seconds)
    .venv/bin/python bench/hostile.py --only md-       # families whose name starts with md-

Each case runs in its own process (``--case NAME``), so a blow-up is killed at ``--timeout`` (wall time) and
its peak memory is that process's alone. Times are CPU seconds of reading and linting (rules loaded first).
The families: those of issue 20 (runs of ``[``, ``{{``, full stops, hyphens, "the the"; Markdown with
unclosed ``**``, backtick runs, ``<!--``, links, ``<div``; HTML mail of ``<`` or unclosed ``<a``; a
punctuation run after a sentence; long quoted lines) and generated ones: a run of every ASCII punctuation
character, every Markdown and HTML opener left unclosed, and repeated words. The goal (issue 20): every input
of at most 512 KB lints in at most 3 s and 300 MB.
"""

from __future__ import annotations

import argparse
import os
import string
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_SECONDS, GOAL_MB = 3.0, 300

SENTENCE = "Hi Dana,\n\nThank you for the interview on Monday. "
SIGN = "\n\nBest,\nSam\n"


def _fill(unit: str, size: int) -> str:
    return unit * max(1, size // max(1, len(unit.encode("utf-8"))))


def _eml_html(body: str) -> str:
    return f"From: a@b.c\nSubject: Thanks\nContent-Type: text/html; charset=utf-8\n\n{body}"


def families(size: int) -> dict[str, tuple[str, Callable[[], str]]]:
    """``name -> (file name, make text)``; each text is about ``size`` bytes."""
    room = size - len(SENTENCE) - len(SIGN) - 64
    out: dict[str, tuple[str, Callable[[], str]]] = {
        "txt-brackets": ("d.txt", lambda: _fill("[", size)),
        "txt-braces": ("d.txt", lambda: _fill("{{", size)),
        "txt-stops": ("d.txt", lambda: _fill(".", size)),
        "txt-hyphens": ("d.txt", lambda: _fill("-", size)),
        "txt-the-the": ("d.txt", lambda: _fill("the ", size)),
        "txt-doubled-words": ("d.txt", lambda: SENTENCE + _fill("very very ", room) + SIGN),
        "txt-percent-after-sentence": ("d.txt", lambda: SENTENCE + _fill("%", room) + SIGN),
        "txt-quoted-lines": ("d.txt", lambda: SENTENCE + ("\n> " + _fill(" ", room // 3)) * 3 + SIGN),
        "txt-blank-run": ("d.txt", lambda: SENTENCE + _fill(" ", room) + "😀" + SIGN),
        "txt-emoji-run": ("d.txt", lambda: SENTENCE + _fill("😀", room) + SIGN),
        "txt-words": ("d.txt", lambda: SENTENCE + _fill("interview ", room) + SIGN),
        "txt-one-long-word": ("d.txt", lambda: SENTENCE + _fill("a", room) + SIGN),
        "txt-placeholders": ("d.txt", lambda: SENTENCE + _fill("[Company Name] ", room) + SIGN),
        "txt-on-wrote": ("d.txt", lambda: _fill("On Monday\n", size)),
        "md-unclosed-strong": ("d.md", lambda: SENTENCE + _fill("**a ", room) + SIGN),
        "md-backtick-runs": ("d.md", lambda: SENTENCE + _fill("` `` ", room) + SIGN),
        "md-unclosed-comment": ("d.md", lambda: SENTENCE + _fill("<!-- a ", room) + SIGN),
        "md-unclosed-links": ("d.md", lambda: SENTENCE + _fill("[a](", room) + SIGN),
        "md-unclosed-div": ("d.md", lambda: SENTENCE + _fill("<div ", room) + SIGN),
        "md-unclosed-emphasis": ("d.md", lambda: SENTENCE + _fill("*a _b ~~c ", room) + SIGN),
        "md-brackets": ("d.md", lambda: _fill("[", size)),
        "md-front-matter": ("d.md", lambda: "---\n" + _fill("a\n", size - 4)),
        "eml-html-lt": ("d.eml", lambda: _eml_html(_fill("<", size - 80))),
        "eml-html-unclosed-a": ("d.eml", lambda: _eml_html(_fill("<a ", size - 80))),
        "eml-html-comment": ("d.eml", lambda: _eml_html(_fill("<!--", size - 80))),
    }
    for char in string.punctuation:
        name = f"run-{ord(char):02x}"
        out[name] = ("d.txt", lambda char=char: SENTENCE + _fill(char, room) + SIGN)
        out[f"md-{name}"] = ("d.md", lambda char=char: SENTENCE + _fill(char, room) + SIGN)
    for opener in ("(", "[", "{", "<", '"', "'", "`", "```", "<!--", "<a href=", "](", "**", "__", "~~", "{{"):
        name = "open-" + "".join(f"{ord(c):02x}" for c in opener)
        out[name] = ("d.md", lambda opener=opener: SENTENCE + _fill(opener + "word ", room) + SIGN)
    for word in ("and", "I", "Thank you", "please", "ASAP!"):
        out["repeat-" + word.replace(" ", "_")] = ("d.txt", lambda word=word: SENTENCE + _fill(word + " ", room) + SIGN)
    return out


def run_case(name: str, size: int) -> None:
    """Read and lint one case in this process; print ``seconds peak_kb findings``."""
    import resource

    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("FOLLOWUP_LINT_MODEL", "none")
    from followup_lint import Config
    from followup_lint.api import linter_for
    from followup_lint.reading import DraftError, read_bytes

    filename, make = families(size)[name]
    data = make().encode("utf-8")
    linter = linter_for(Config())
    start = time.process_time()  # CPU time: on a shared machine wall time measures the neighbours
    try:
        findings: int | str = len(linter.lint(read_bytes(filename, data)).findings)
    except DraftError as exc:
        findings = f"refused: {exc.reason}"
    seconds = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{seconds:.3f} {peak} {findings}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=512 * 1024, help="bytes per input (default: 512 KB)")
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--only", default="", help="run the families whose name starts with this")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        run_case(args.case, args.size)
        return 0
    rows = []
    names = [n for n in families(args.size) if n.startswith(args.only)]
    for name in names:
        command = [sys.executable, __file__, "--case", name, "--size", str(args.size)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout, check=False)
        except subprocess.TimeoutExpired:
            rows.append((float("inf"), 0, name, f"killed after {args.timeout:.0f} s"))
            print(f"{name:28} killed after {args.timeout:.0f} s", flush=True)
            continue
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["?"])[-1]
            rows.append((float("inf"), 0, name, f"crashed: {last}"))
            print(f"{name:28} crashed: {last}", flush=True)
            continue
        seconds, peak, findings = done.stdout.split(" ", 2)
        rows.append((float(seconds), int(peak) // 1024, name, findings.strip()))
        print(f"{name:28} {float(seconds):7.2f} s {int(peak) // 1024:5d} MB  {findings.strip()}", flush=True)
    rows.sort(reverse=True)
    print(f"\n{len(rows)} families of {args.size // 1024} KB; slowest:")
    for seconds, mb, name, note in rows[:5]:
        print(f"  {name:28} {seconds:7.2f} s {mb:5d} MB  {note}")
    worst_mb = max((r[1] for r in rows), default=0)
    over = [r for r in rows if r[0] > GOAL_SECONDS or r[1] > GOAL_MB]
    print(f"peak memory {worst_mb} MB; {len(over)} over the goal ({GOAL_SECONDS:.0f} s, {GOAL_MB} MB)")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
