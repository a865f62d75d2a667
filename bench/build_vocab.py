"""Build ``rules/_data/typo-en-80.txt``: specialist words the speller accepts but never suggests (and, with
``--frequent``, ``typo-frequent.txt``).

Source: SCOWL size 80 ("huge") as Debian ships it in ``wamerican-huge`` and ``wbritish-huge`` 2020.12.07-2
(``apt-get install wamerican-huge wbritish-huge``; files ``/usr/share/dict/{american,british}-english-huge``).
SCOWL's licence is in ``rules/_data/typo-sources.md``.

Kept: lowercase ASCII words the core lexicon (hunspell en_US, SCOWL 70, the vocabulary lists) lacks, except
near-misses of a common word: a word one insertion, deletion, substitution or swap away from a word of the
frequency list is left out ("develope", "dependance", "belive" are in SCOWL 80 as variants, and a checker that
accepted them would miss the slip). Words only in the British list are tagged ``gb`` (rejected with en-US).

    .venv/bin/python bench/build_vocab.py [--check]

``--check`` rebuilds in memory and fails if the shipped file differs (the file is reproducible).

``--frequent`` builds ``rules/_data/typo-frequent.txt`` instead: words frequent in real English text (Zipf
frequency at least 2.3, about once in 5 million words, in ``wordfreq`` 3.1.1's English list, built from
Wikipedia, subtitles, news, books, web text, Reddit and Twitter) that no word list here has, each with its Zipf
frequency times ten. Such a word is probably a word (a term of a trade, a loanword, a name), but a misspelling
can be frequent too: the speller accepts it only when no correction is close and far more frequent
(``spelling/speller.py``). Needs ``pip install wordfreq==3.1.1`` (not a dependency of the linter); licence in
``rules/_data/typo-sources.md``.
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
from shipped import write_or_check  # noqa: E402

DICT = Path("/usr/share/dict")
OUT = ROOT / "rules" / "_data" / "typo-en-80.txt"
FREQUENT = ROOT / "rules" / "_data" / "typo-frequent.txt"
#: The least Zipf frequency (log10 of occurrences per billion words) of a word kept by ``--frequent``.
LEAST_ZIPF = 2.3
FREQUENT_HEADER = """\
# Words frequent in real English text that the other word lists lack, with their Zipf frequency times ten
# (log10 of occurrences per billion words). Built by bench/build_vocab.py --frequent from wordfreq 3.1.1's
# English list (data CC BY-SA 4.0; see typo-sources.md). The speller accepts one only when no correction is close
# and far more frequent: a frequent misspelling ("definately") stays a misspelling.
"""
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


def build_frequent() -> str:
    import re

    from wordfreq import top_n_list, zipf_frequency

    core = _build()
    known = set(core[0].split("\n")) | set(core[5].split("\n")) | set(core[7]) | core[3] | core[4]
    known |= {w.lower() for i in (1, 6) for w in core[i].split("\n")}
    wide = {line.split()[0] for line in OUT.read_text(encoding="utf-8").splitlines() if not line.startswith("#")}
    not_words = set(data.read_list("typo-not-words.txt"))
    lines = []
    for word in top_n_list("en", 200_000):
        if not re.fullmatch(r"[a-z]{2,}", word) or word in known or word in wide or word in not_words:
            continue
        zipf = zipf_frequency(word, "en")
        if zipf >= LEAST_ZIPF:
            lines.append(f"{word} {round(zipf * 10)}")
    return FREQUENT_HEADER + "\n".join(sorted(lines)) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped file differs from a rebuild")
    parser.add_argument("--frequent", action="store_true", help="build typo-frequent.txt (needs wordfreq)")
    args = parser.parse_args()
    if args.frequent:
        try:
            text = build_frequent()
        except ImportError:
            print("skipped: wordfreq is not installed (pip install wordfreq==3.1.1)")
            return 0
        return write_or_check(FREQUENT, text, check=args.check, root=ROOT)
    if not (DICT / "american-english-huge").exists():
        print(f"skipped: {DICT}/american-english-huge not found (apt-get install wamerican-huge wbritish-huge)")
        return 0
    return write_or_check(OUT, build(), check=args.check, root=ROOT)


if __name__ == "__main__":
    raise SystemExit(main())
