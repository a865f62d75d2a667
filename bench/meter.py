"""The politeness meter's spread: its distribution on the good and bad fixtures (and the bad ones that expect a
tone finding) and, when present, on the tune half of the independent sets (good messages against those
labelled with a tone flaw), with the AUC of each split. The test half is the held-out bar: bench/evalsets.py
``--halves all`` reports its AUC once, at the end of a round.

    .venv/bin/python bench/meter.py [--eval DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("FOLLOWUP_LINT_MODEL", "none")
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

import evalsets  # noqa: E402
from quality import drafts, lint_fixture  # noqa: E402


def spread(name: str, values: list[float]) -> None:
    if not values:
        print(f"{name:34} -")
        return
    q = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
    print(
        f"{name:34} n={len(values):3}  min {min(values):+.2f}  q1 {q[0]:+.2f}  median {q[1]:+.2f}  "
        f"q3 {q[2]:+.2f}  max {max(values):+.2f}  below 0: {sum(v < 0 for v in values)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=evalsets.EVAL)
    args = parser.parse_args()
    good = [lint_fixture(p)[0].metrics["politeness"] for p in drafts("good")]
    bad, toned = [], []
    for path in drafts("bad"):
        report, meta = lint_fixture(path)
        bad.append(report.metrics["politeness"])
        expected = [f if isinstance(f, str) else f.get("rule", "") for f in meta.get("findings") or []]
        if any(rule.startswith("tone.") for rule in expected):
            toned.append(report.metrics["politeness"])
    print("politeness meter on the fixtures")
    spread("good fixtures", good)
    spread("bad fixtures", bad)
    spread("bad fixtures with a tone flaw", toned)
    print(f"AUC good vs bad fixtures: {evalsets.auc(good, bad):.3f}")
    print(f"AUC good vs tone-flawed fixtures: {evalsets.auc(good, toned):.3f}")
    if not args.eval.is_dir():
        print(f"independent sets: skipped: not found ({args.eval})")
        return 0
    messages = [m for m in evalsets.load(args.eval) if m.half == "tune"]
    for m in messages:
        evalsets.lint(m)
    for family in sorted({m.set for m in messages}):
        chosen = [m for m in messages if m.set == family]
        polite = [m.metrics["politeness"] for m in chosen if m.good]
        toned = [
            m.metrics["politeness"] for m in chosen if any(f.startswith("tone") for f in m.meta.get("flaws") or [])
        ]
        print(f"\nindependent set {family} (tune half)")
        spread("good", polite)
        spread("with a tone flaw", toned)
        value = evalsets.auc(polite, toned)
        print(f"AUC good vs tone-flawed: {'-' if value is None else f'{value:.3f}'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
