"""The light token layer against spaCy on real text: differences (must be 0) and time per draft.

    .venv/bin/python bench/tokens.py [--runs 3]

Texts: the AESLC Enron sample ("body" of each e-mail) and the Stanford Politeness Corpus ("Request" column).
For each text, the light pipeline (``nlp.parse``, ``nlp.make_doc``) and spaCy's (``nlp.pipeline()``) must give the
same tokens (text, offset, trailing space, norm, lower case, flags, sentence starts) and the same sentences.
Then the time per text of each (after a warm-up pass, best of ``--runs`` passes), and the cold cost of a first
``parse`` in a fresh process once the cache is filled (light) or with spaCy (``FOLLOWUP_LINT_MODEL`` set to a
module that does not exist is not used; spaCy is forced with ``require_spacy``).

The data is found at $FOLLOWUP_LINT_DATA (default ../shared/data); the script exits 0 with "skipped" when absent.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ["FOLLOWUP_LINT_MODEL"] = "none"

DATA = Path(os.environ.get("FOLLOWUP_LINT_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
ENRON = DATA / "aeslc-enron-sample" / "aeslc_dev_every4th.jsonl"
POLITENESS = DATA / "stanford-politeness" / "wikipedia.annotated.csv"
ATTRIBUTES = (
    *("text", "idx", "whitespace_", "norm_", "lower_", "is_space", "is_punct", "is_alpha", "is_digit", "is_ascii"),
    *("is_lower", "is_upper", "is_title", "like_num", "like_url", "like_email", "is_sent_start"),
)


def load() -> dict[str, list[str]]:
    with ENRON.open(encoding="utf-8") as handle:
        enron = [json.loads(line)["body"] for line in handle if line.strip()]
    with POLITENESS.open(encoding="utf-8", newline="") as handle:
        politeness = [row["Request"] for row in csv.DictReader(handle)]
    return {"enron": enron, "politeness": politeness}


def rows(doc: Any) -> list[tuple[Any, ...]]:
    return [tuple(getattr(token, name) for name in ATTRIBUTES) for token in doc]


def sentences(doc: Any) -> list[tuple[int, int, int, int]]:
    return [(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]


def differs(text: str, nlp: Any) -> str | None:
    light, spacy_doc = nlp.parse(text), nlp.pipeline()(text)
    ours, theirs = rows(light), rows(spacy_doc)
    if ours != theirs:
        first = next(
            (i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b), min(len(ours), len(theirs))
        )
        return f"token {first}: light {ours[first : first + 1]} spaCy {theirs[first : first + 1]}"
    if sentences(light) != sentences(spacy_doc):
        return f"sentences: light {sentences(light)} spaCy {sentences(spacy_doc)}"
    if rows(nlp.make_doc(text)) != rows(nlp.pipeline().make_doc(text)):
        return "make_doc tokens"
    return None


def per_text(function: Any, texts: list[str], runs: int) -> float:
    for text in texts:  # warm-up: both tokenizers cache what they split
        function(text)
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for text in texts:
            function(text)
        best = min(best, time.perf_counter() - start)
    return best / len(texts)


COLD = """
import sys, time
start = time.perf_counter()
from followup_lint.engine import nlp
if sys.argv[1] == "spacy":
    nlp.require_spacy()
nlp.parse("Hi Dana,\\n\\nThank you for your time today. I'M glad we met.")
print(time.perf_counter() - start, "spacy" in sys.modules)
"""


def cold(which: str, cache_dir: str, runs: int) -> tuple[float, bool]:
    env = {**os.environ, "FOLLOWUP_LINT_CACHE_DIR": cache_dir}
    times = []
    imported = False
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", COLD, which], capture_output=True, text=True, env=env, check=True
        ).stdout.split()
        times.append(float(out[0]))
        imported = out[1] == "True"
    return statistics.median(times), imported


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not (ENRON.is_file() and POLITENESS.is_file()):
        print(f"skipped: data not found under {DATA}")
        return 0
    from followup_lint.engine import nlp

    if nlp.using_spacy():
        print("the light pipeline does not apply here (a model or spacy-lookups-data is installed)")
        return 1
    total_differ = 0
    for name, texts in load().items():
        problems = [(text, problem) for text in texts if (problem := differs(text, nlp)) is not None]
        total_differ += len(problems)
        words = sum(len(text.split()) for text in texts) / len(texts)
        light = per_text(nlp.parse, texts, args.runs)
        spacy_time = per_text(nlp.pipeline(), texts, args.runs)
        print(
            f"{name:<11} {len(texts):>5} texts ({words:.0f} words on average): {len(problems)} differ;"
            f" per text light {light * 1000:.3f} ms, spaCy {spacy_time * 1000:.3f} ms (x{spacy_time / light:.1f})"
        )
        for text, problem in problems[:5]:
            print(f"    {text[:60]!r}: {problem}")
    enron = [text for text in load()["enron"] if 130 <= len(text.split()) <= 170]
    if enron:
        light = per_text(nlp.parse, enron, args.runs)
        spacy_time = per_text(nlp.pipeline(), enron, args.runs)
        print(
            f"150-word e-mails ({len(enron)}, 130 to 170 words): light {light * 1000:.3f} ms,"
            f" spaCy {spacy_time * 1000:.3f} ms"
        )
    with tempfile.TemporaryDirectory() as cache_dir:
        first, _ = cold("light", cache_dir, 1)
        light_cold, light_imports = cold("light", cache_dir, max(args.runs, 3))
        spacy_cold, _ = cold("spacy", cache_dir, max(args.runs, 3))
    print(
        f"cold first parse in a fresh process: light {light_cold:.3f} s (spaCy imported: {light_imports};"
        f" the run that fills the cache {first:.3f} s), spaCy {spacy_cold:.3f} s"
    )
    print(f"texts that differ: {total_differ} (must be 0)")
    return 1 if total_differ else 0


if __name__ == "__main__":
    sys.exit(main())
