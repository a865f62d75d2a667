"""A snapshot of every finding and metric on many drafts, to check that an optimisation changes no result.

Usage: ``.venv/bin/python bench/snapshot.py OUT.jsonl`` before a change, again after it, then
``.venv/bin/python bench/snapshot.py --compare BEFORE.jsonl AFTER.jsonl``.

The drafts: every fixture, the speed bench's 1,000 generated drafts, and, when ``../shared/data`` (or
``$FOLLOWUP_LINT_DATA``) is present, the Enron sample's e-mails and the Wikipedia politeness requests. Each line
of the output is one draft: its name, its findings (rule, offset, length, message, suggestion, fixes) and its
metrics. Timing figures are not recorded, so two runs of unchanged code give identical files.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("FOLLOWUP_LINT_DATA", ROOT.parent / "shared" / "data"))


def drafts() -> Iterator[tuple[str, str, str]]:
    """``(name, file name for the reader, text)`` of every draft in the snapshot."""
    for path in sorted((ROOT / "fixtures").rglob("*")):
        if path.is_file() and not path.name.endswith(".yaml"):
            yield str(path.relative_to(ROOT)), path.name, path.read_text(encoding="utf-8", errors="replace")
    sys.path.insert(0, str(ROOT / "bench"))
    import speed

    with tempfile.TemporaryDirectory() as scratch:
        _single, paths = speed.write_drafts(Path(scratch), 1000)
        for path in paths:
            yield f"speed/{path.name}", "draft.txt", path.read_text(encoding="utf-8")
    enron = DATA / "aeslc-enron-sample" / "aeslc_dev_every4th.jsonl"
    if enron.is_file():
        for number, line in enumerate(enron.read_text(encoding="utf-8").splitlines()):
            record = json.loads(line)
            yield f"enron/{number}", "mail.txt", f"Subject: {record.get('subject', '')}\n\n{record['body']}"
    politeness = DATA / "stanford-politeness" / "wikipedia.annotated.csv"
    if politeness.is_file():
        with politeness.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                yield f"politeness/{row['Id']}", "request.txt", row["Request"]


def snapshot(out: Path) -> int:
    from followup_lint.config import Config
    from followup_lint.engine.linter import Linter
    from followup_lint.reading import read_bytes

    linter = Linter(Config())
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for name, filename, text in drafts():
            try:
                draft = read_bytes(filename, text.encode("utf-8"))
            except Exception as exc:  # a draft the reader refuses is part of the snapshot too
                handle.write(json.dumps({"draft": name, "error": type(exc).__name__}) + "\n")
                continue
            report = linter.lint(draft)
            findings = [
                [f.rule, f.offset, f.length, f.message, f.suggestion, [fix.to_dict() for fix in f.fixes]]
                for f in report.findings
            ]
            handle.write(json.dumps({"draft": name, "findings": findings, "metrics": report.metrics}) + "\n")
            count += 1
    return count


def compare(before: Path, after: Path) -> int:
    old = before.read_text(encoding="utf-8").splitlines()
    new = after.read_text(encoding="utf-8").splitlines()
    differ = [(a, b) for a, b in zip(old, new, strict=False) if a != b]
    print(f"{len(old)} drafts before, {len(new)} after, {len(differ)} differ")
    for a, b in differ[:10]:
        print("-", a[:600])
        print("+", b[:600])
    return 1 if differ or len(old) != len(new) else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    if not args.out:
        parser.error("give OUT.jsonl, or --compare BEFORE AFTER")
    print(f"{snapshot(args.out)} drafts linted into {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
