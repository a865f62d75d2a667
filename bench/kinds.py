"""Kind-detection accuracy on the fixtures: each sidecar's ``kind:`` against the auto-detected kind.

Run: ``.venv/bin/python bench/kinds.py``. Prints the accuracy, a confusion table and the misses. The detector
never sees the sidecar's context (a ``kind`` given there would short-circuit detection). Then the speed: loading
the cue table in a fresh process (parsing the cue file, then from the user cache) and the median time to
detect the kind of one draft (``--no-speed`` skips it).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from followup_lint.engine.document import Document  # noqa: E402
from followup_lint.engine.kinds import KINDS, classify, detect_kind  # noqa: E402
from followup_lint.model import Context  # noqa: E402
from followup_lint.reading import DraftError, read_path  # noqa: E402

SUFFIXES = {".txt", ".md", ".eml"}


def labelled(root: Path) -> list[tuple[Path, str]]:
    """Fixture drafts whose sidecar gives a ``kind:``."""
    out = []
    for path in sorted(root.rglob("*")):
        meta = path.with_name(path.name + ".expect.yaml")
        if path.suffix not in SUFFIXES or not meta.exists():
            continue
        data = yaml.safe_load(meta.read_text(encoding="utf-8")) or {}
        if data.get("kind") in KINDS:
            out.append((path, data["kind"]))
    return out


def main() -> int:
    cases = labelled(ROOT / "fixtures")
    if not cases:
        print("skipped: no fixtures with a kind: label")
        return 0
    confusion: Counter[tuple[str, str]] = Counter()
    misses = []
    confidences = []
    for path, want in cases:
        try:
            draft = read_path(path)
        except DraftError as exc:
            print(f"unreadable: {exc}")
            continue
        got, confidence = detect_kind(Document(draft, Context()))
        confusion[(want, got)] += 1
        confidences.append((got == want, confidence))
        if got != want:
            misses.append(f"  {path.relative_to(ROOT)}: labelled {want}, detected {got} ({confidence:.2f})")
    total = sum(confusion.values())
    right = sum(n for (want, got), n in confusion.items() if want == got)
    print(f"kind detection on fixtures: {right}/{total} correct, accuracy {right / total:.3f}")
    print("confusion (rows: label, columns: detected):")
    print(" " * 16 + "".join(f"{k:>16}" for k in KINDS))
    for want in KINDS:
        print(f"{want:>16}" + "".join(f"{confusion[(want, got)]:>16}" for got in KINDS))
    for ok in (True, False):
        values = [c for hit, c in confidences if hit is ok]
        if values:
            print(f"mean confidence when {'right' if ok else 'wrong'}: {sum(values) / len(values):.2f} ({len(values)})")
    if misses:
        print("misses:")
        print("\n".join(misses))
    if "--no-speed" not in sys.argv:
        speed([read_path(path).prose for path, _ in cases])
    return 0


LOAD = (
    "import time; from followup_lint.engine import kinds, loader; from followup_lint import cache; "
    "t = time.perf_counter(); kinds.cues(); print(time.perf_counter() - t)"
)


def speed(texts: list[str]) -> None:
    """Print the cue table's load time in fresh processes (after the imports) and the per-draft detection time."""
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "FOLLOWUP_LINT_CACHE_DIR": cache, "PYTHONPATH": str(ROOT / "src")}
        run = [sys.executable, "-c", LOAD]
        loads = [
            float(subprocess.run(run, capture_output=True, text=True, env=env, check=True).stdout) for _ in range(6)
        ]
    parsed, stored = loads[0] * 1000, statistics.median(loads[1:]) * 1000
    print(f"cue table load: {parsed:.1f} ms parsing the file, {stored:.1f} ms from the cache")
    for text in texts:
        classify(text)  # compile the cues each draft needs
    times = []
    for _ in range(5):
        for text in texts:
            start = time.perf_counter()
            classify(text)
            times.append(time.perf_counter() - start)
    print(f"detection: median {statistics.median(times) * 1000:.3f} ms a draft ({len(texts)} drafts x 5)")


if __name__ == "__main__":
    raise SystemExit(main())
