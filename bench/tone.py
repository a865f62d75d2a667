"""Tone recall and false alarms on a set of drafts kept outside the project.

    .venv/bin/python bench/tone.py [DIR]        # default /work/tone-eval/dev

DIR holds ``bad/`` (drafts with one tone problem each), ``good/`` (clean drafts) and ``manifest.json`` (for each
bad draft its sub-category, e.g. ``demanding``, and the exact offending phrase). Each draft is linted with the
``tone`` category only. A bad draft is caught when any tone finding fires; the script also reports whether a
finding overlaps the manifest phrase. Prints recall overall and per sub-category, false alarms per 20 clean
drafts, and the misses and false alarms. Exits 0 with "skipped" when DIR is absent.
"""

from __future__ import annotations

import json
import os
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

os.environ.setdefault("FOLLOWUP_LINT_MODEL", "none")

DEFAULT = Path("/work/tone-eval/dev")
SUFFIXES = {".txt", ".md", ".eml"}


def load_manifest(root: Path) -> dict[str, dict[str, Any]]:
    """Manifest entries by file name, whatever the manifest's shape (a mapping or a list of entries)."""
    path = root / "manifest.json"
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        for key in ("drafts", "items", "bad", "entries", "files"):
            if isinstance(data.get(key), list | dict):
                data = data[key]
                break
    entries: dict[str, dict[str, Any]] = {}
    if isinstance(data, dict):
        for name, entry in data.items():
            entries[Path(name).name] = entry if isinstance(entry, dict) else {"category": entry}
    else:
        for entry in data:
            name = entry.get("file") or entry.get("path") or entry.get("name") or entry.get("id") or ""
            entries[Path(str(name)).name] = entry
    return entries


def phrase_of(entry: dict[str, Any]) -> str | None:
    for key in ("phrase", "offending_phrase", "span", "offending", "text"):
        if isinstance(entry.get(key), str):
            return entry[key]
    return None


def category_of(entry: dict[str, Any]) -> str:
    value = entry.get("category") or entry.get("categories") or entry.get("subcategory") or entry.get("rule") or "?"
    if isinstance(value, list):
        value = "+".join(str(v) for v in value) or "?"
    return str(value).removeprefix("tone.")


def drafts(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES | {""})


def lint(paths: list[Path]) -> dict[Path, tuple[str, list[Any]]]:
    from followup_lint import Config
    from followup_lint.api import linter_for
    from followup_lint.reading import draft_from_text

    linter = linter_for(Config(select=("tone",)))
    out = {}
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        report = linter.lint(draft_from_text(text, path.name))
        out[path] = (report.source, [f for f in report.findings if f.category == "tone"])
    return out


def overlaps(source: str, findings: list[Any], phrase: str | None) -> bool | None:
    if not phrase:
        return None
    start = source.find(phrase)
    if start < 0:
        start = source.lower().find(phrase.lower())
    if start < 0:
        return None
    end = start + len(phrase)
    return any(f.offset < end and start < f.offset + max(f.length, 1) for f in findings)


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else DEFAULT
    if not (root / "bad").is_dir() or not (root / "good").is_dir():
        print(f"skipped: {root} has no bad/ and good/ folders")
        return 0
    manifest = load_manifest(root)
    bad, good = drafts(root / "bad"), drafts(root / "good")
    results = lint(bad + good)

    per_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # caught, total, overlapping the phrase
    misses: list[str] = []
    off_target: list[str] = []
    for path in bad:
        entry = manifest.get(path.name) or manifest.get(path.stem) or {}
        category = category_of(entry)
        source, findings = results[path]
        counts = per_cat[category]
        counts[1] += 1
        phrase = phrase_of(entry)
        if findings:
            counts[0] += 1
            hit = overlaps(source, findings, phrase)
            counts[2] += bool(hit)
            if hit is False:
                found = "; ".join(f"{f.rule}: {source[f.offset : f.offset + f.length]!r}" for f in findings)
                off_target.append(f"  {path.name} [{category}] phrase {phrase!r}; found {found}")
        else:
            misses.append(f"  {path.name} [{category}] {phrase!r}")
    alarms = []
    for path in good:
        source, findings = results[path]
        for f in findings:
            alarms.append(f"  {path.name}: {f.rule}: {source[f.offset : f.offset + f.length]!r}")
    flagged_good = sum(1 for path in good if results[path][1])

    caught = sum(c[0] for c in per_cat.values())
    total = sum(c[1] for c in per_cat.values())
    on_phrase = sum(c[2] for c in per_cat.values())
    print(f"{root}: {total} bad drafts, {len(good)} clean drafts")
    if total:
        print(f"recall: {caught / total:.1%} ({caught}/{total}); a finding on the manifest phrase: {on_phrase}/{total}")
    for category in sorted(per_cat):
        c = per_cat[category]
        print(f"  {category:20} {c[0] / c[1]:6.1%} ({c[0]}/{c[1]}), on the phrase {c[2]}")
    if good:
        rate = 20 * flagged_good / len(good)
        print(f"false alarms: {flagged_good} of {len(good)} clean drafts = {rate:.2f} per 20 (bar: <= 1)")
    if misses:
        print(f"misses ({len(misses)}):", *misses, sep="\n")
    if off_target:
        print(f"caught, but not on the manifest phrase ({len(off_target)}):", *off_target, sep="\n")
    if alarms:
        print(f"false alarms ({len(alarms)}):", *alarms, sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
