"""Kind-detection accuracy on the fixtures: each sidecar's ``kind:`` against the auto-detected kind.

Run: ``.venv/bin/python bench/kinds.py``. Prints the accuracy, a confusion table and the misses. The detector
never sees the sidecar's context (a ``kind`` given there would short-circuit detection).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from followup_lint.engine.document import Document  # noqa: E402
from followup_lint.engine.kinds import KINDS, detect_kind  # noqa: E402
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
