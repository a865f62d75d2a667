"""Judgement on messages the project did not write: the two independent evaluation sets.

The sets live outside the repository (``$FOLLOWUP_LINT_EVAL``, default ``../eval`` beside the checkout); only
this script and the label format (``bench/eval-labels.md``) are committed. Each set is a folder with one
``<id>.txt`` per message and a ``manifest.jsonl``:

- ``real-*``: follow-ups published on the web (career centres, advice columns, forums, recruiters' bad
  examples), each with its source address;
- ``drafts-*``: drafts written by helpers who never saw the code or the rules, each with a persona.

Every message is given to one half, ``tune`` or ``test``, by a hash of its source address (real) or its
writer (drafts), so one page or one writer never straddles the halves. Tune on ``tune``; report ``test``
untouched. Details (which finding fired on which good message) are printed for the tune half only unless
``--details test`` is given on purpose.

    .venv/bin/python bench/evalsets.py [--eval DIR] [--details tune|test|none] [--json OUT] [--halves tune|all]

While tuning, only the tune half is printed; ``--halves all`` prints the untouched test half too (once, at the
end of a round of changes).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("FOLLOWUP_LINT_EVAL", ROOT.parent / "eval"))
os.environ.setdefault("FOLLOWUP_LINT_MODEL", "none")
sys.path.insert(0, str(ROOT / "src"))

from followup_lint import Config  # noqa: E402
from followup_lint.api import linter_for  # noqa: E402
from followup_lint.engine.loader import context_from_mapping  # noqa: E402
from followup_lint.model import Severity  # noqa: E402
from followup_lint.reading import read_path  # noqa: E402

#: Which categories (or rule ids) count as finding a labelled flaw.
FLAW_FINDERS: dict[str, tuple[str, ...]] = {
    "placeholder": ("placeholder",),
    "wrong-name": ("wrong-name",),
    "misspelled-name": ("wrong-name", "typo"),
    "typo": ("typo",),
    "grammar": ("grammar",),
    "generic": (
        "personalization.thank-you-detail",
        "personalization.follow-up-detail",
        "personalization.rejection-reply-detail",
        "personalization.no-specifics",
        "personalization.cliche",
    ),
    "no-thanks": ("gratitude",),
    "no-interest": ("structure",),
    "no-next-step": ("structure",),
    "too-long": ("length",),
    "formality": ("formality",),
    "timing": ("timing",),
}
TONE_FINDERS = ("tone",)


def finders(flaw: str) -> tuple[str, ...]:
    return TONE_FINDERS if flaw.startswith("tone") else FLAW_FINDERS.get(flaw, ())


@dataclass
class Message:
    id: str
    set: str
    half: str
    path: Path
    meta: dict[str, Any]
    findings: list[Any] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    source: str = ""

    @property
    def good(self) -> bool:
        return self.meta.get("label") == "good"

    def fired(self, selectors: Iterable[str], least: Severity = Severity.WARNING) -> bool:
        return any(
            f.severity >= least and any(f.category == s or f.rule == s or f.rule.startswith(s + ".") for s in selectors)
            for f in self.findings
        )


def half_of(meta: dict[str, Any]) -> str:
    persona = meta.get("persona") or {}
    key = meta.get("source_url") or persona.get("writer_id") or meta["id"]
    return "tune" if blake2b(str(key).encode(), digest_size=4).digest()[0] % 2 == 0 else "test"


def load(root: Path) -> list[Message]:
    messages = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and (p / "manifest.jsonl").exists()):
        family = folder.name.split("-")[0]
        for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            meta = json.loads(line)
            path = folder / meta.get("file", meta["id"] + ".txt")
            if path.exists():
                messages.append(Message(meta["id"], family, half_of(meta), path, meta))
    return messages


def lint(message: Message) -> None:
    ctx = message.meta.get("context") or {}
    mapping = {k: v for k, v in ctx.items() if k in ("company", "role", "interviewers") and v}
    if message.meta.get("channel") in ("email", "linkedin", "message"):
        mapping["channel"] = message.meta["channel"]
    context = context_from_mapping(message.id, mapping)
    report = linter_for(Config()).lint(read_path(message.path), context)
    message.findings = report.findings
    message.metrics = report.metrics
    message.source = report.source


def share(hits: int, total: int) -> str:
    return f"{hits}/{total} = {hits / total:.2f}" if total else "-"


def auc(positive: list[float], negative: list[float]) -> float | None:
    """The probability that a positive scores above a negative (ties count half)."""
    if not positive or not negative:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in positive for n in negative)
    return wins / (len(positive) * len(negative))


def summary(messages: list[Message]) -> dict[str, Any]:
    good = [m for m in messages if m.good]
    flawed = [m for m in messages if not m.good]
    out: dict[str, Any] = {"messages": len(messages), "good": len(good), "flawed": len(flawed)}
    out["good_any_warning"] = sum(_any(m, Severity.WARNING) for m in good)
    out["good_any_error"] = sum(_any(m, Severity.ERROR) for m in good)
    out["good_by_category"] = dict(
        Counter(c for m in good for c in {f.category for f in m.findings if f.severity >= Severity.WARNING})
    )
    out["flawed_any_warning"] = sum(_any(m, Severity.WARNING) for m in flawed)
    caught: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for m in flawed:
        for flaw in m.meta.get("flaws") or []:
            total[flaw] += 1
            caught[flaw] += m.fired(finders(flaw), Severity.SUGGESTION)
    out["flaw_recall"] = {f: [caught[f], total[f]] for f in sorted(total)}
    scored = [f for f in total if finders(f)]
    out["flaws_found"] = [sum(caught[f] for f in scored), sum(total[f] for f in scored)]
    toned = [m for m in flawed if any(f.startswith("tone") for f in m.meta.get("flaws") or [])]
    out["tone_recall"] = [sum(m.fired(TONE_FINDERS, Severity.SUGGESTION) for m in toned), len(toned)]
    out["tone_false_alarms"] = [sum(m.fired(TONE_FINDERS, Severity.SUGGESTION) for m in good), len(good)]
    generic = [m for m in messages if m.meta.get("generic")]
    specific = [m for m in good if not m.meta.get("generic")]
    out["generic_recall"] = [sum(m.fired(finders("generic"), Severity.SUGGESTION) for m in generic), len(generic)]
    out["generic_false_alarms"] = [
        sum(m.fired(finders("generic"), Severity.SUGGESTION) for m in specific),
        len(specific),
    ]
    kinded = [m for m in messages if m.meta.get("kind") in ("thank-you", "check-in", "post-rejection", "networking")]
    out["kind_right"] = [sum(_kind(m) == m.meta["kind"] for m in kinded), len(kinded)]
    rejections = [m for m in kinded if m.meta["kind"] == "post-rejection"]
    out["post_rejection_right"] = [sum(_kind(m) == "post-rejection" for m in rejections), len(rejections)]
    polite = [m.metrics.get("politeness") for m in good if isinstance(m.metrics.get("politeness"), (int, float))]
    rude = [m.metrics.get("politeness") for m in toned if isinstance(m.metrics.get("politeness"), (int, float))]
    out["politeness_auc_good_vs_tone"] = auc(polite, rude)
    return out


def _any(m: Message, least: Severity) -> bool:
    return any(f.severity >= least for f in m.findings)


def _kind(m: Message) -> str | None:
    kind = m.metrics.get("kind")
    return kind.get("name") if isinstance(kind, dict) else kind


def render(name: str, s: dict[str, Any]) -> None:
    print(f"\n== {name}: {s['messages']} messages ({s['good']} good, {s['flawed']} flawed)")
    print(f"  good with any warning or error: {share(s['good_any_warning'], s['good'])}")
    print(f"  good with any error:            {share(s['good_any_error'], s['good'])}")
    for category, n in sorted(s["good_by_category"].items(), key=lambda kv: -kv[1]):
        print(f"    {category:16} {share(n, s['good'])}")
    print(f"  flawed with any warning or error: {share(s['flawed_any_warning'], s['flawed'])}")
    print(f"  labelled flaws found (any severity, by category): {share(*s['flaws_found'])}")
    for flaw, (hit, n) in s["flaw_recall"].items():
        print(f"    {flaw:24} {share(hit, n)}")
    print(f"  tone recall (flawed):       {share(*s['tone_recall'])}")
    print(f"  tone false alarms (good):   {share(*s['tone_false_alarms'])}")
    print(f"  generic recall:             {share(*s['generic_recall'])}")
    print(f"  generic false alarms:       {share(*s['generic_false_alarms'])}")
    print(f"  kind right:                 {share(*s['kind_right'])}")
    print(f"  post-rejection right:       {share(*s['post_rejection_right'])}")
    value = s["politeness_auc_good_vs_tone"]
    print(f"  politeness AUC good vs tone-flawed: {'-' if value is None else f'{value:.3f}'}")


def details(messages: list[Message]) -> None:
    for m in messages:
        shown = [f for f in m.findings if f.severity >= Severity.WARNING] if m.good else []
        flaws = [] if m.good else m.meta.get("flaws") or []
        missed = [f for f in flaws if not m.fired(finders(f), Severity.SUGGESTION)]
        kind = _kind(m)
        wrong_kind = m.meta.get("kind") not in (None, "other") and kind != m.meta.get("kind")
        if not (shown or missed or wrong_kind):
            continue
        print(f"-- {m.id} [{m.half}] {m.meta.get('label')} {m.meta.get('kind')} (read as {kind})")
        for f in shown:
            quoted = f" <{m.source[f.offset : f.end]}>" if f.length else ""
            print(f"   {f.severity.label:10} {f.rule:34} {f.message[:100]}{quoted}")
        for flaw in missed:
            print(f"   MISSED {flaw}: {str(m.meta.get('notes', ''))[:140]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=EVAL, help="folder holding the evaluation sets")
    parser.add_argument("--details", choices=("tune", "test", "none"), default="tune")
    parser.add_argument("--json", type=Path, help="write the figures to this file as well")
    parser.add_argument(
        "--halves", choices=("tune", "all"), default="tune", help="print the tune half only (default), or all"
    )
    args = parser.parse_args()
    if not args.eval.is_dir():
        print(f"independent sets: skipped: not found ({args.eval})")
        return 0
    messages = load(args.eval)
    for m in messages:
        lint(m)
    figures: dict[str, Any] = {}
    for family in sorted({m.set for m in messages}):
        for half in ("tune",) if args.halves == "tune" else ("tune", "test", "all"):
            chosen = [m for m in messages if m.set == family and (half == "all" or m.half == half)]
            label = f"{family} / {half}" + (" (development figure)" if half == "tune" else "")
            figures[f"{family}/{half}"] = summary(chosen)
            render(label, figures[f"{family}/{half}"])
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    if args.details != "none":
        print(f"\n== details ({args.details} half)")
        details([m for m in messages if m.half == args.details])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
