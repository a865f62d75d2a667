"""Token patterns and phrases: spaCy's matchers against ``engine/patterns.py``, per draft.

Run: ``.venv/bin/python bench/patterns.py [--repeat 5]``. For every phrase/pattern group of every built-in rule
(its own, ``unless``, constructions' cues and hedges), both matchers run on the same spaCy ``Doc`` of each draft
(150-word drafts made like ``bench/speed.py``'s, the fixtures, and when present the AESLC Enron e-mails and the
Stanford politeness requests under ``$FOLLOWUP_LINT_DATA`` or ``../shared/data``).
Prints the time per draft (all such rules, and the tone rules alone), the time to compile the rules, and how
many drafts' matches differ (0 expected). Parsing is not timed; our side's time includes reading the token
attributes it needs from the ``Doc``. When the engine's light pipeline is in use, ours also runs on its ``Doc``
(what a lint does).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import random
import statistics
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from followup_lint.engine import nlp as nlp_module  # noqa: E402
from followup_lint.engine.checks.matching import Item, Matcher, match_specs, parse_items  # noqa: E402
from followup_lint.engine.errors import RuleError  # noqa: E402
from followup_lint.engine.loader import builtin_rules_dir, load_rule_file  # noqa: E402
from followup_lint.engine.nlp import pipeline  # noqa: E402
from followup_lint.engine.patterns import TokenView  # noqa: E402
from followup_lint.reading import DraftError, read_path  # noqa: E402

DATA = Path(os.environ.get("FOLLOWUP_LINT_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


def rule_groups() -> list[tuple[str, list[Item], str]]:
    """(rule id, items, path) for every phrase/pattern group of every built-in rule: its own, ``unless``,
    constructions' cues and hedges."""
    groups = []
    for path in sorted(builtin_rules_dir().rglob("*.yaml")):
        if any(part.startswith(("_", ".")) for part in path.relative_to(builtin_rules_dir()).parts):
            continue
        try:
            rule = load_rule_file(path)
        except RuleError as exc:
            print(f"skipped: {exc}")
            continue
        for prefix, spec in match_specs(rule.spec):
            groups.append((rule.id, parse_items(rule.path, spec, prefix), rule.path))
    return groups


def spacy_matchers(items: list[Item]) -> tuple[Any, Any]:
    from spacy.matcher import Matcher as SpacyMatcher
    from spacy.matcher import PhraseMatcher

    nlp = pipeline()
    phrases = PhraseMatcher(nlp.vocab, attr="NORM")
    tokens = SpacyMatcher(nlp.vocab, validate=True)
    for index, item in enumerate(items):
        if item.phrase is not None:
            phrases.add(str(index), [nlp.make_doc(item.phrase.lower())])
        elif item.pattern is not None:
            tokens.add(str(index), [list(item.pattern)])
    return phrases, tokens


def drafts() -> dict[str, list[str]]:
    from speed import fixture_sentences, make_draft  # bench/speed.py's 150-word drafts

    rng = random.Random(7)
    sentences = fixture_sentences()
    sets: dict[str, list[str]] = {"150-word": [make_draft(rng, sentences, 150) for _ in range(100)], "fixtures": []}
    for path in sorted((ROOT / "fixtures").rglob("*")):
        if path.suffix in (".txt", ".md", ".eml") and path.name != "README.md":
            with contextlib.suppress(DraftError):
                sets["fixtures"].append(read_path(path).prose)
    enron = DATA / "aeslc-enron-sample" / "aeslc_dev_every4th.jsonl"
    if enron.exists():
        with enron.open(encoding="utf-8") as lines:
            sets["enron"] = [json.loads(line)["body"] for line in lines if line.strip()]
    else:
        print(f"skipped: {enron} (absent)")
    politeness = DATA / "stanford-politeness" / "wikipedia.annotated.csv"
    if politeness.exists():
        with politeness.open(encoding="utf-8", newline="") as rows:
            sets["politeness"] = [row["Request"] for row in csv.DictReader(rows)][:1000]
    else:
        print(f"skipped: {politeness} (absent)")
    return sets


def our_matches(ours: list[tuple[str, Matcher]], doc: Any, selection: set[int] | None) -> list[set[Any]]:
    view = TokenView(doc)  # fresh: reading the tokens is part of our cost
    return [
        set(m.matches(view))
        for i, (_, matcher) in enumerate(ours)
        if selection is None or i in selection
        for m in (matcher._phrase_set, matcher._pattern_set)
        if m
    ]


def spacy_matches(theirs: list[tuple[str, Any]], doc: Any, selection: set[int] | None) -> list[set[Any]]:
    return [
        {(int(doc.vocab.strings[k]), s, e) for k, s, e in m(doc)}
        for i, (_, pair) in enumerate(theirs)
        if selection is None or i in selection
        for m in pair
        if len(m)
    ]


def best_of(repeat: int, run: Any) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs in milliseconds, and the result."""
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - began)
    return best * 1000, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per draft (the minimum is kept)")
    parser.add_argument("--sets", default="", help="comma-separated draft sets to run (default: all)")
    args = parser.parse_args()
    groups = rule_groups()
    nlp = pipeline()  # import spaCy and build the pipeline before timing
    light = not nlp_module.using_spacy()
    nlp_module.make_doc("warm up")  # the tokenizer phrases are split with: load it before timing
    started = time.perf_counter()
    ours = []
    for rule_id, items, path in groups:
        matcher = Matcher(path, "phrases", items)
        matcher.prepare()
        ours.append((rule_id, matcher))
    compile_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    theirs = [(rule_id, spacy_matchers(items)) for rule_id, items, _ in groups]
    spacy_compile_ms = (time.perf_counter() - started) * 1000
    tone = {i for i, (rule_id, _) in enumerate(ours) if rule_id.startswith("tone.")}
    n_patterns = sum(1 for _, items, _ in groups for item in items if item.pattern is not None)
    n_phrases = sum(1 for _, items, _ in groups for item in items if item.phrase is not None)
    print(
        f"{len(groups)} phrase/pattern groups ({n_patterns} token patterns, {n_phrases} phrases), "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    print(f"compile + prepare: ours {compile_ms:.1f} ms, spaCy {spacy_compile_ms:.1f} ms (spaCy already imported)")
    for name, texts in drafts().items():
        if not texts or (args.sets and name not in args.sets.split(",")):
            continue
        per_draft: dict[str, list[float]] = {}
        differ = light_differ = words = 0
        for text in texts:
            doc = nlp(text)
            words += sum(1 for token in doc if token.is_alpha)
            sides = [
                ("ours", partial(our_matches, ours, doc, None)),
                ("spaCy", partial(spacy_matches, theirs, doc, None)),
                ("ours, tone", partial(our_matches, ours, doc, tone)),
                ("spaCy, tone", partial(spacy_matches, theirs, doc, tone)),
            ]
            if light:
                light_doc = nlp_module.parse(text)
                sides.append(("ours, light Doc", partial(our_matches, ours, light_doc, None)))
            results = {}
            for side, run in sides:
                elapsed, results[side] = best_of(args.repeat, run)
                per_draft.setdefault(side, []).append(elapsed)
            differ += results["ours"] != results["spaCy"]
            light_differ += light and results["ours, light Doc"] != results["spaCy"]
        print(
            f"{name}: {len(texts)} drafts, {words / len(texts):.0f} words on average; matches differ on {differ}"
            + (f" (on the light Doc: {light_differ}, tokenizer differences)" if light else "")
        )
        for side, times in per_draft.items():
            print(
                f"  {side:<16} mean {statistics.mean(times):.3f} ms, median {statistics.median(times):.3f} ms, "
                f"max {max(times):.3f} ms a draft"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
