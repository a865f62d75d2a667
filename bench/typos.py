"""Typo check figures: accuracy on misspelling corpora, false findings on real e-mails and the good
fixtures, and speed. Prints numbers; asserts nothing.

    .venv/bin/python bench/typos.py [--quick]

Accuracy is word-level: each misspelling is judged by the speller (flagged = not a known word) and the first
suggestion compared with the target, ignoring case. Pairs whose target is several words (``a_lot``) are left
out. "first right" counts every pair (an unflagged misspelling counts as wrong).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("FOLLOWUP_LINT_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
sys.path.insert(0, str(ROOT / "src"))


def mitton(path: Path) -> list[tuple[str, str]]:
    pairs, target = [], ""
    for line in path.read_text(encoding="latin-1").splitlines():
        line = line.strip()
        if line.startswith("$"):
            target = line[1:]
        elif line and target:
            pairs.append((line.split()[0], target))
    return pairs


def norvig(path: Path) -> list[tuple[str, str]]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        target, _, wrongs = line.partition(":")
        pairs += [(w, target.strip()) for w in wrongs.split()]
    return pairs


def accuracy(name: str, pairs: list[tuple[str, str]]) -> None:
    from followup_lint.spelling import speller

    sp = speller()
    pairs = [(w, t) for w, t in pairs if "_" not in t and " " not in t and "_" not in w and w != t]
    flagged = right = top3 = 0
    for wrong, target in pairs:
        if sp.known(wrong):
            continue
        flagged += 1
        found = [s.word.lower() for s in sp.suggest(wrong, limit=3)]
        right += bool(found) and found[0] == target.lower()
        top3 += target.lower() in found
    n = len(pairs)
    print(f"{name:34} pairs {n:5}  flagged {flagged / n:.3f}  first right {right / n:.3f}  in top 3 {top3 / n:.3f}")


def typo_check():
    from followup_lint.engine.checks.spelling import Spelling
    from followup_lint.engine.loader import load_rule_file

    check = Spelling(load_rule_file(ROOT / "rules" / "typo" / "spelling.yaml"))
    check.prepare()
    return check


def false_findings(name: str, drafts: list[tuple[str, dict]], show: int = 0) -> None:
    from followup_lint.api import _context
    from followup_lint.engine.document import Document
    from followup_lint.model import Context
    from followup_lint.reading import draft_from_text

    check = typo_check()
    words = findings = 0
    examples: list[str] = []
    for text, context in drafts:
        ctx = _context(context) or Context()
        if context.get("dialect"):
            ctx = Context(company=ctx.company, role=ctx.role, interviewers=ctx.interviewers, dialect=context["dialect"])
        doc = Document(draft_from_text(text, "draft.txt"), ctx)
        words += int(doc.metric("words"))
        for f in check.run(doc):
            findings += 1
            line = doc.line_text(f.offset).strip()
            fix = f.fixes[0].replacement if f.fixes else "-"
            examples.append(f"{doc.source[f.offset : f.end]!r} -> {fix}   | {line[:90]}")
    rate = 1000 * findings / words if words else 0.0
    print(f"{name:34} drafts {len(drafts):4}  words {words:6}  typo findings {findings:4}  per 1,000 words {rate:.2f}")
    for line in examples[:show]:
        print("    ", line)


def good_fixtures() -> list[tuple[str, dict]]:
    import yaml

    out = []
    for path in sorted((ROOT / "fixtures" / "good").iterdir()):
        if path.name.endswith(".expect.yaml") or path.name.startswith("."):
            continue
        sidecar = path.with_name(path.name + ".expect.yaml")
        meta = yaml.safe_load(sidecar.read_text()) if sidecar.exists() else {}
        out.append((path.read_text(encoding="utf-8"), (meta or {}).get("context") or {}))
    return out


def speed() -> None:
    from followup_lint.spelling import cache, data, lexicon

    start = time.perf_counter()
    lex = lexicon.load()
    load = time.perf_counter() - start
    key = cache.fingerprint(data.input_files())
    from followup_lint.spelling.speller import Speller

    sp = Speller(lex, key)
    start = time.perf_counter()
    sp.suggest("recieve")
    index = time.perf_counter() - start
    words = ["oppurtunity", "definately", "intrested", "sincerly", "collegue", "acheive", "tommorrow", "wierd"]
    start = time.perf_counter()
    for word in words:
        sp.suggest(word, limit=3)
    each = (time.perf_counter() - start) / len(words)
    print(f"load spelling resources (cached)   {load * 1000:.0f} ms")
    print(f"suggestion index, on the first typo  {index * 1000:.0f} ms")
    print(f"suggestions for a new misspelling  {each * 1000:.1f} ms each (then remembered)")

    from followup_lint.engine.document import Document
    from followup_lint.model import Context
    from followup_lint.reading import draft_from_text

    check = typo_check()
    for label, text in (("no typo", DRAFT), ("two typos", TYPO_DRAFT)):
        draft = draft_from_text(text, "d.txt")
        list(check.run(Document(draft, Context())))  # suggestions for these words are then cached per draft
        runs = 200
        start = time.perf_counter()
        for _ in range(runs):
            list(check.run(Document(draft, Context())))
        per = (time.perf_counter() - start) / runs
        print(f"check a {len(text.split())}-word draft, {label} (typo.spelling, loaded)   {per * 1000:.2f} ms")


DRAFT = (
    "Hi Dana,\n\nThank you for taking the time to speak with me yesterday about the Data Analyst position at "
    "Acme Corp. I enjoyed learning how your team is moving its reporting from spreadsheets to a shared data "
    "warehouse, and how the analysts work with the product managers on each release.\n\n"
    "In my current role at Northwind I rebuilt our weekly sales reports in SQL and Tableau, which cut the time "
    "the finance team spent on them from two days to a few hours. I would be glad to bring that experience to "
    "the migration you described, and I would enjoy helping the wider business "
    "learn the new tools.\n\nThank you again for your time and for the thoughtful questions. I look "
    "forward to hearing about the next steps, and please let me know if I can share anything else that would "
    "help.\n\nBest regards,\nSam Patel"
)
TYPO_DRAFT = DRAFT.replace("enjoyed learning", "enjoyed lerning").replace("thoughtful", "thoughtfull")


def main() -> int:
    if not DATA.is_dir():
        print(f"skipped: data not found at {DATA}")
        return 0
    quick = "--quick" in sys.argv
    speed()
    accuracy("mitton wikipedia.dat", mitton(DATA / "mitton-misspellings" / "wikipedia.dat"))
    accuracy("norvig spell-testset2", norvig(DATA / "norvig-spell-testsets" / "spell-testset2.txt"))
    accuracy("mitton aspell.dat", mitton(DATA / "mitton-misspellings" / "aspell.dat"))
    if not quick:
        accuracy("norvig spell-testset1 (tuning)", norvig(DATA / "norvig-spell-testsets" / "spell-testset1.txt"))
    enron = [
        (json.loads(line)["body"], {})
        for line in (DATA / "aeslc-enron-sample" / "aeslc_dev_every4th.jsonl").read_text().splitlines()
    ]
    false_findings("aeslc-enron-sample (all typo findings)", enron, show=0 if quick else 60)
    false_findings("fixtures/good", good_fixtures(), show=20)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
