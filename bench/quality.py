"""Measured quality of the rules, per category.

Prints, for each category: recall on the bad fixtures (the share of the findings their sidecars expect that
are reported) and false positives on the good fixtures (good drafts with at least one finding of that
category). With the shared evaluation data present, it also prints how often each category fires on the
AESLC sample of real business e-mails (not follow-ups, and not all clean, so read it as an upper bound).

    .venv/bin/python bench/quality.py [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("FOLLOWUP_LINT_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
SUFFIXES = {".txt", ".md", ".eml"}

os.environ.setdefault("FOLLOWUP_LINT_MODEL", "none")
sys.path.insert(0, str(ROOT / "src"))

import yaml  # noqa: E402

from followup_lint import Config, lint_text  # noqa: E402
from followup_lint.api import linter_for  # noqa: E402
from followup_lint.engine.loader import context_from_mapping, load_rules  # noqa: E402
from followup_lint.model import CATEGORIES  # noqa: E402
from followup_lint.reading import read_path  # noqa: E402


def drafts(group: str) -> list[Path]:
    return sorted(p for p in (ROOT / "fixtures" / group).rglob("*") if p.suffix in SUFFIXES)


def lint_fixture(path: Path) -> tuple[Any, dict[str, Any]]:
    meta_path = path.with_name(path.name + ".expect.yaml")
    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8")) or {} if meta_path.exists() else {}
    context = context_from_mapping(str(path), meta.get("context") or {})
    return linter_for(Config()).lint(read_path(path), context), meta


def category_of(selector: str, categories: dict[str, str]) -> str:
    if selector in CATEGORIES:
        return selector
    if selector in categories:
        return categories[selector]
    return next((c for rule, c in categories.items() if rule.startswith(selector + ".")), "?")


def matches(finding: Any, want: dict[str, Any], report: Any) -> bool:
    selector = want["rule"]
    if not (finding.rule == selector or finding.category == selector or finding.rule.startswith(selector + ".")):
        return False
    if "line" in want and report.index.position(finding.offset)[0] != want["line"]:
        return False
    return "text" not in want or report.source[finding.offset : finding.end] == want["text"]


def fixture_quality() -> None:
    categories = {rule.id: rule.category for rule in load_rules().values()}
    expected: Counter[str] = Counter()
    found: Counter[str] = Counter()
    misses: dict[str, list[str]] = defaultdict(list)
    for path in drafts("bad"):
        report, meta = lint_fixture(path)
        for item in meta.get("findings") or []:
            want = {"rule": item} if isinstance(item, str) else item
            category = category_of(want["rule"], categories)
            expected[category] += 1
            if any(matches(f, want, report) for f in report.findings):
                found[category] += 1
            else:
                misses[category].append(f"{path.name}: {want['rule']}")
    good = drafts("good")
    false_alarms: Counter[str] = Counter()
    noisy: dict[str, list[str]] = defaultdict(list)
    for path in good:
        report, _ = lint_fixture(path)
        for category in sorted({f.category for f in report.findings}):
            false_alarms[category] += 1
            noisy[category].append(path.name)
    print(f"fixtures: {len(drafts('bad'))} bad drafts, {len(good)} good drafts")
    print(f"{'category':16} {'recall (bad)':>16} {'false pos. (good)':>20}")
    for category in CATEGORIES:
        if not expected[category] and not false_alarms[category]:
            continue
        recall = (
            f"{found[category]}/{expected[category]} = {found[category] / expected[category]:.2f}"
            if expected[category]
            else "-"
        )
        fp = f"{false_alarms[category]}/{len(good)} = {false_alarms[category] / len(good):.2f}"
        print(f"{category:16} {recall:>16} {fp:>20}")
    for category, items in sorted(misses.items()):
        print(f"  missed {category}: {', '.join(items)}")
    for category, items in sorted(noisy.items()):
        print(f"  false positives {category}: {', '.join(items)}")


def _edit(word: str, rng: random.Random) -> str:
    """One typing slip inside a name: a swap, a dropped, doubled or replaced letter (never the first)."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["swap", "drop", "double", "replace"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiourstnl") + word[i + 1 :]


OTHER_COMPANIES = [
    "Globex Industries",
    "Initech",
    "Umbrella Corporation",
    "Hooli",
    "Stark Industries",
    "Dunder Mifflin",
]


def name_mutations(seed: int = 7) -> None:
    """wrong-name recall on the good fixtures with a misspelled name or another company's name put in."""
    rng = random.Random(seed)
    config = Config(select=("wrong-name",))
    spelled = spelled_hits = swapped = swapped_hits = 0
    for path in drafts("good"):
        meta_path = path.with_name(path.name + ".expect.yaml")
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8")) or {} if meta_path.exists() else {}
        context = context_from_mapping(str(path), meta.get("context") or {})
        text = path.read_text(encoding="utf-8")
        words = [w for p in context.interviewers for w in re.findall(r"[A-Z][a-z]{3,}", p)]
        words += re.findall(r"[A-Z][a-z]{3,}", context.company or "")
        for word in sorted({w for w in words if re.search(rf"\b{w}\b", text)}):
            slip = _edit(word, rng)
            if slip.lower() == word.lower():
                continue
            report = lint_text(re.sub(rf"\b{word}\b", slip, text), context, config, path=path.name)
            spelled += 1
            spelled_hits += any(f.rule in ("wrong-name.spelling", "wrong-name.addressee") for f in report.findings)
        if context.company and context.company in text:
            other = rng.choice(OTHER_COMPANIES)
            report = lint_text(text.replace(context.company, other, 1), context, config, path=path.name)
            swapped += 1
            swapped_hits += any(f.rule == "wrong-name.company" for f in report.findings)
    print("\nname mutations of the good fixtures (wrong-name recall):")
    if spelled:
        print(f"  one-letter slip in a person or company name: {spelled_hits}/{spelled} = {spelled_hits / spelled:.2f}")
    if swapped:
        print(f"  company replaced by another company:  {swapped_hits}/{swapped} = {swapped_hits / swapped:.2f}")


def enron_rates(data: Path) -> None:
    sample = data / "aeslc-enron-sample" / "aeslc_dev_every4th.jsonl"
    if not sample.exists():
        print(f"AESLC sample: skipped: data not found ({sample})")
        return
    rows = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines() if line.strip()]
    fired: Counter[str] = Counter()
    for row in rows:
        report = lint_text(row["body"], None, Config(), path="message.txt")
        for category in {f.category for f in report.findings}:
            fired[category] += 1
    print(f"\nAESLC sample ({len(rows)} real business e-mails, no context): share of e-mails each category fires on")
    for category in ("placeholder", "formality", "readability", "wrong-name", "length"):
        print(f"{category:16} {fired[category]:>4}/{len(rows)} = {fired[category] / len(rows):.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared evaluation data directory")
    args = parser.parse_args()
    fixture_quality()
    name_mutations()
    if args.data.is_dir():
        enron_rates(args.data)
    else:
        print(f"\nAESLC sample: skipped: data not found ({args.data})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
