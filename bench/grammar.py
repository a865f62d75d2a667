"""Grammar figures on public data: does the linter know which learner sentences have an error, and how often
does it raise a false grammar alarm on clean text? Prints numbers; asserts nothing.

    .venv/bin/python bench/grammar.py [--show N] [--harper]

- JFLEG dev (``jfleg-dev/``; CC BY-NC-SA, evaluation only): each learner sentence is put between a greeting
  and a sign-off and linted. A sentence *has an error* when its text (tokenisation undone) differs from a
  human correction (at least one of the four annotators changed it; the figures under "strict" count only
  sentences that all four changed, and leave the others out); it is *flagged* when a finding starts inside
  it. Precision, recall and F0.5 are given for the grammar rules alone and for grammar plus spelling.
- False alarms per 1,000 words: grammar findings on the JFLEG references (the corrected sentences, linted
  the same way; annotators left a few errors in them, so read this as an upper bound), on the AESLC sample of
  real Enron e-mails (body only) and on the same e-mails as the snapshot reads them (``Subject:`` line first).
- ``--harper``: the same measures for Harper (``harper-py``, when installed) on its own, for comparison.

Tune on the dev split only: the test split is kept aside as the bar.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("FOLLOWUP_LINT_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
os.environ.setdefault("FOLLOWUP_LINT_MODEL", "none")
sys.path.insert(0, str(ROOT / "src"))

HEAD = "Hi Dana,\n\n"
TAIL = "\n\nBest,\nSam"


def detok(line: str) -> str:
    """JFLEG's tokenised text as written: no space before punctuation or clitics, none inside quotes."""
    text = " ".join(line.split())
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    text = re.sub(r" ([.,;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    text = re.sub(r"\bca n't\b", "can't", text)
    text = re.sub(r'" ([^"]*?) "', r'"\1"', text)
    return text


def same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def jfleg(split: str = "dev") -> list[tuple[str, list[str]]]:
    folder = DATA / f"jfleg-{split}"
    src = (folder / f"{split}.src").read_text(encoding="utf-8").splitlines()
    refs = [(folder / f"{split}.ref{i}").read_text(encoding="utf-8").splitlines() for i in range(4)]
    return [(detok(line), [detok(r[n]) for r in refs]) for n, line in enumerate(src)]


class Ours:
    """followup-lint's grammar and spelling findings on a text, by category."""

    name = "followup-lint"

    def __init__(self) -> None:
        from followup_lint.config import Config
        from followup_lint.engine.linter import Linter

        self.linter = Linter(Config(select=("grammar", "typo")))

    def findings(self, text: str, filename: str = "draft.txt") -> list[tuple[int, int, str, str, str]]:
        """``(start, end, rule, category, severity)`` of each grammar or typo finding."""
        from followup_lint.reading import draft_from_text

        report = self.linter.lint(draft_from_text(text, filename), None)
        return [(f.offset, f.end, f.rule, f.category, f.severity.label) for f in report.findings]


class Harper:
    """Harper's lints, with spelling lints as category typo and the rest as grammar."""

    name = "harper"

    def __init__(self) -> None:
        import harper

        self.harper = harper
        self.linter = harper.Linter(harper.Dialect.AMERICAN)

    def findings(self, text: str, filename: str = "draft.txt") -> list[tuple[int, int, str, str, str]]:
        out = []
        for lint in self.linter.lint(text, language="plaintext"):
            kind = str(lint.lint_kind)
            category = "typo" if "Spell" in kind else "grammar"
            out.append((lint.span.start, lint.span.end, f"harper.{kind}", category, "warning"))
        return out


def score(tool, rows: list[tuple[str, list[str]]], show: int) -> dict[str, float]:
    """Sentence-level detection on JFLEG, and false alarms on its references."""
    tp = {"grammar": 0, "all": 0, "strict-grammar": 0, "strict-all": 0}
    fp = dict.fromkeys(tp, 0)
    erroneous = strict_erroneous = 0
    by_rule: Counter[str] = Counter()
    wrong_rule: Counter[str] = Counter()
    false_examples: list[str] = []
    for source, refs in rows:
        has_error = not all(same(source, r) for r in refs)
        strict = not any(same(source, r) for r in refs)
        erroneous += has_error
        strict_erroneous += strict
        found = _in_sentence(tool, source)
        grammar_hits = [f for f in found if f[3] == "grammar"]
        for label, hits in (("grammar", grammar_hits), ("all", found)):
            if hits:
                tp[label] += has_error
                fp[label] += not has_error
            if hits and (strict or not has_error):
                tp["strict-" + label] += strict
                fp["strict-" + label] += not has_error
        for f in found:
            if f[3] == "grammar":
                by_rule[f[2]] += 1
                if not has_error:
                    wrong_rule[f[2]] += 1
                    false_examples.append(f"{f[2]}: {source[f[0] : f[1]]!r} | {source[:100]}")
    result: dict[str, float] = {}
    print(
        f"\n{tool.name}: JFLEG dev, {len(rows)} sentences, {erroneous} with an error"
        f" ({strict_erroneous} changed by all four annotators)"
    )
    for label, title in (
        ("grammar", "grammar rules alone"),
        ("all", "grammar + spelling"),
        ("strict-grammar", "strict: grammar alone"),
        ("strict-all", "strict: with spelling"),
    ):
        total = strict_erroneous if label.startswith("strict") else erroneous
        p = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        r = tp[label] / total if total else 0.0
        f05 = 1.25 * p * r / (0.25 * p + r) if p + r else 0.0
        result[label] = f05
        flagged = tp[label] + fp[label]
        print(f"  {title:22} P {p:.3f}  R {r:.3f}  F0.5 {f05:.3f}   (flagged {flagged}, right {tp[label]})")
    print("  grammar findings by rule (on clean sentences):")
    for rule, count in by_rule.most_common():
        print(f"    {rule:40} {count:4}  ({wrong_rule[rule]})")
    for line in false_examples[:show]:
        print("    false:", line)
    words = grammar = typo = 0
    ref_examples: list[str] = []
    for _source, refs in rows:
        for ref in refs:
            words += len(ref.split())
            for f in _in_sentence(tool, ref):
                if f[3] == "grammar":
                    grammar += 1
                    ref_examples.append(f"{f[2]}: {ref[f[0] : f[1]]!r} | {ref[:100]}")
                else:
                    typo += 1
    print(
        f"  JFLEG references: {words} words, grammar findings per 1,000 words {1000 * grammar / words:.2f}"
        f" ({grammar}), spelling {1000 * typo / words:.2f} ({typo})"
    )
    for line in ref_examples[:show]:
        print("    on a reference:", line)
    return result


def _in_sentence(tool, sentence: str) -> list[tuple[int, int, str, str, str]]:
    """The tool's findings that start inside ``sentence``, linted between a greeting and a sign-off, with
    offsets relative to the sentence."""
    text = HEAD + sentence + TAIL
    start, end = len(HEAD), len(HEAD) + len(sentence)
    return [
        (s - start, e - start, rule, category, severity)
        for s, e, rule, category, severity in tool.findings(text)
        if start <= s < end
    ]


def enron(tool, show: int) -> None:
    path = DATA / "aeslc-enron-sample" / "aeslc_dev_every4th.jsonl"
    if not path.is_file():
        print("  AESLC sample: skipped (data not found)")
        return
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for label, texts, filename in (
        ("AESLC bodies", [r["body"] for r in records], "draft.txt"),
        ("AESLC as in the snapshot", [f"Subject: {r.get('subject', '')}\n\n{r['body']}" for r in records], "mail.txt"),
    ):
        words = grammar = 0
        rules: Counter[str] = Counter()
        examples: list[str] = []
        for text in texts:
            words += len(text.split())
            for s, e, rule, category, _severity in tool.findings(text, filename):
                if category == "grammar":
                    grammar += 1
                    rules[rule] += 1
                    line_start = text.rfind("\n", 0, s) + 1
                    examples.append(f"{rule}: {text[s:e]!r} | {text[line_start : line_start + 100]!r}")
        per = 1000 * grammar / words if words else 0.0
        listed = ", ".join(f"{r} {c}" for r, c in rules.most_common())
        print(f"  {label}: {len(texts)} e-mails, {words} words, grammar findings per 1,000 words {per:.2f} ({listed})")
        if label == "AESLC bodies":
            for line in examples[:show]:
                print("    ", line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print this many false alarms of each kind")
    parser.add_argument("--harper", action="store_true", help="also measure Harper (harper-py) alone")
    args = parser.parse_args()
    if not (DATA / "jfleg-dev").is_dir():
        print(f"skipped: data not found at {DATA}")
        return 0
    rows = jfleg("dev")
    tools = [Ours()]
    if args.harper:
        try:
            tools.append(Harper())
        except ImportError:
            print("harper-py is not installed: Harper skipped")
    for tool in tools:
        started = time.perf_counter()
        score(tool, rows, args.show)
        enron(tool, args.show)
        print(f"  ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
