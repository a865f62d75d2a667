"""Generic-template recall and false alarms of ``personalization.thank-you-detail``.

Recall is measured on thank-you templates published by career sites, with the names swapped in as a candidate
would: their texts stay outside the repository (``$FOLLOWUP_LINT_GENERIC``, default ``../eval-generic`` beside
the checkout), one ``<id>.txt`` per template and a ``manifest.jsonl`` giving each one's source address, kind and
context; the script skips that part cleanly when the folder is absent. None of the addresses is a source of
the independent evaluation sets (``bench/eval-manifests``) or of the template list the rule matches against.

False alarms are counted on notes that carry a real detail: the good thank-you fixtures and the notes in
``bench/data/generic/specific-notes.yaml``, and given per 20 notes.

    .venv/bin/python bench/generic.py [--dir DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("FOLLOWUP_LINT_MODEL", "none")
sys.path.insert(0, str(ROOT / "src"))

from followup_lint import Config  # noqa: E402
from followup_lint.api import linter_for  # noqa: E402
from followup_lint.engine.loader import context_from_mapping  # noqa: E402
from followup_lint.model import Severity  # noqa: E402
from followup_lint.reading import draft_from_text, read_path  # noqa: E402

RULE = "personalization.thank-you-detail"
TEMPLATES = Path(os.environ.get("FOLLOWUP_LINT_GENERIC", ROOT.parent / "eval-generic"))
NOTES = ROOT / "bench" / "data" / "generic" / "specific-notes.yaml"
SUFFIXES = {".txt", ".md", ".eml"}


def _context(name: str, mapping: dict, kind: str | None):
    fields = {k: v for k, v in (mapping or {}).items() if k in ("company", "role", "interviewers", "channel") and v}
    if kind:
        fields["kind"] = kind
    return context_from_mapping(name, fields)


def templates(folder: Path) -> list[tuple[str, dict, str]]:
    """(id, manifest line, text) of every template in the folder."""
    out = []
    for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            meta = json.loads(line)
            path = folder / meta.get("file", meta["id"] + ".txt")
            if path.exists():
                out.append((meta["id"], meta, path.read_text(encoding="utf-8")))
    return out


def specific_notes() -> list[tuple[str, dict, str]]:
    """(name, context, text) of the good thank-you fixtures and the specific notes."""
    out = []
    for path in sorted((ROOT / "fixtures" / "good").iterdir()):
        sidecar = path.with_name(path.name + ".expect.yaml")
        if path.suffix not in SUFFIXES or not sidecar.exists():
            continue
        meta = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
        if meta.get("kind") == "thank-you":
            out.append((f"fixtures/good/{path.name}", meta.get("context") or {}, str(path)))
    data = yaml.safe_load(NOTES.read_text(encoding="utf-8"))
    for index, note in enumerate(data["notes"]):
        out.append((f"specific-notes[{index}]", note.get("context") or {}, note["text"]))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=TEMPLATES, help="folder of name-swapped templates")
    args = parser.parse_args()
    linter = linter_for(Config())

    def run(name: str, mapping: dict, text: str, kind: str | None, path: str | None = None):
        draft = read_path(Path(path)) if path else draft_from_text(text, name + ".txt")
        report = linter.lint(draft, _context(name, mapping, kind))
        mine = [f for f in report.findings if f.rule == RULE]
        return mine, report.metrics

    if (args.dir / "manifest.jsonl").exists():
        thanks = [t for t in templates(args.dir) if t[1].get("kind") == "thank-you"]
        print(f"== name-swapped published thank-you templates ({len(thanks)}, {args.dir})")
        for label, kind in (("kind detected", None), ("kind given", "thank-you")):
            hits = warnings = ready = 0
            missed = []
            for ident, meta, text in thanks:
                mine, metrics = run(ident, meta.get("context") or {}, text, kind)
                hits += bool(mine)
                warnings += any(f.severity >= Severity.WARNING for f in mine)
                ready += str(metrics.get("verdict", "")).startswith("ready to send")
                if not mine:
                    missed.append(ident)
            n = len(thanks)
            print(
                f"  {label:14} recall {hits}/{n} = {hits / n:.2f} (as warnings {warnings}/{n}); "
                f"'ready to send' {ready}/{n}" + (f"; missed: {', '.join(missed)}" if missed else "")
            )
    else:
        print(f"name-swapped templates: skipped: not found ({args.dir})")

    notes = specific_notes()
    alarms = []
    for name, mapping, source in notes:
        path = source if name.startswith("fixtures/") else None
        mine, _ = run(name, mapping, "" if path else source, "thank-you", path)
        if mine:
            alarms.append(f"{name} ({mine[0].severity.label})")
    n = len(notes)
    print(f"== specific thank-you notes ({n}: good fixtures and bench/data/generic/specific-notes.yaml, kind given)")
    print(f"  false alarms {len(alarms)}/{n} = {20 * len(alarms) / n:.2f} per 20 notes")
    for alarm in alarms:
        print(f"    {alarm}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
