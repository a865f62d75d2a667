"""Build ``rules/_data/typo-en-80.txt``: specialist words the speller accepts but never suggests.

Source: SCOWL size 80 ("huge") as Debian ships it in ``wamerican-huge`` and ``wbritish-huge`` 2020.12.07-2
(``apt-get install wamerican-huge wbritish-huge``; files ``/usr/share/dict/{american,british}-english-huge``).
SCOWL's licence is in ``rules/_data/typo-sources.md``.

Kept: lowercase ASCII words the core lexicon (hunspell en_US, SCOWL 70, the vocabulary lists) lacks, except
near-misses of a common word: a word one insertion, deletion, substitution or swap away from a word of the
frequency list is left out ("develope", "dependance", "belive" are in SCOWL 80 as variants, and a checker that
accepted them would miss the slip). Words only in the British list are tagged ``gb`` (rejected with en-US).

    .venv/bin/python bench/build_vocab.py [--check]

``--check`` rebuilds in memory and fails if the shipped file differs (the file is reproducible).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from followup_lint.spelling import data  # noqa: E402
from followup_lint.spelling.lexicon import _build  # noqa: E402

DICT = Path("/usr/share/dict")
OUT = ROOT / "rules" / "_data" / "typo-en-80.txt"
HEADER = """\
# Specialist words: accepted by the speller, never suggested. Built by bench/build_vocab.py from SCOWL size 80
# (Debian wamerican-huge and wbritish-huge 2020.12.07-2; licence in typo-sources.md), less the words the core
# lexicon has and less near-misses of common words. "gb": British-only (rejected with en-US).
"""


def deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def read(name: str) -> set[str]:
    text = (DICT / name).read_text(encoding="utf-8", errors="replace")
    return {w for w in text.split() if w.isascii() and w.isalpha() and w == w.lower()}


def build() -> str:
    core = _build()
    known = set(core[0].split("\n")) | set(core[5].split("\n")) | set(core[7])
    american, british = read("american-english-huge"), read("british-english-huge")
    common = data.read_frequencies()
    index: dict[str, set[str]] = defaultdict(set)
    for word in common:
        index[word].add(word)
        for d in deletes(word):
            index[d].add(word)

    def near_miss(word: str) -> bool:
        return any(c != word for k in deletes(word) | {word} for c in index.get(k, ()))

    lines = []
    for word in sorted((american | british) - known):
        if len(word) > 2 and not near_miss(word):
            lines.append(word if word in american else f"{word} gb")
    return HEADER + "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped file differs from a rebuild")
    args = parser.parse_args()
    if not (DICT / "american-english-huge").exists():
        print(f"skipped: {DICT}/american-english-huge not found (apt-get install wamerican-huge wbritish-huge)")
        return 0
    text = build()
    if args.check:
        same = OUT.read_text(encoding="utf-8") == text
        print("typo-en-80.txt is " + ("reproduced exactly" if same else "DIFFERENT from a rebuild"))
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {text.count(chr(10)) - HEADER.count(chr(10))} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
