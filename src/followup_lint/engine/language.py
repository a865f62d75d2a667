"""Is the draft English? Only English is supported; other languages get one notice instead of a flood."""

from __future__ import annotations

from functools import lru_cache

from .loader import builtin_rules_dir
from .metrics import WORD

MIN_WORDS = 20
MIN_SHARE = 1 / 8
#: Characters judged: a draft's first 20,000 say what language it is in as well as all 512 KB would.
SAMPLE = 20_000


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    path = builtin_rules_dir() / "_data" / "language-english.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def looks_english(text: str) -> bool:
    """True unless the text is mostly in a non-Latin script, or has enough words and too few English
    function words among them (judged on the first ``SAMPLE`` characters)."""
    text = text[:SAMPLE]
    ascii_text = text.isascii()
    if not ascii_text:  # (an ASCII text is all Latin letters)
        letters = [c for c in text if c.isalpha()]
        if len(letters) >= 20 and sum(1 for c in letters if c < "\u0250") / len(letters) < 0.5:
            return False
    words = WORD.findall(text.lower()) if ascii_text else [m.group().lower() for m in WORD.finditer(text)]
    if len(words) < MIN_WORDS:
        return True
    return sum(map(function_words().__contains__, words)) / len(words) >= MIN_SHARE
