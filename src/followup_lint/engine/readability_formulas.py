"""The Flesch-Kincaid grade exactly as textstat 0.7.4 computes it, without importing textstat.

textstat imports ``pkg_resources`` and parses pyphen's hyphenation dictionary on first use (about 0.2 s). Here
the same counts and formulas run on pyphen's ``en_US`` patterns, parsed by pyphen once and then kept in the user
cache (``followup_lint.cache``) as marshal data, so a later process neither imports pyphen nor parses the file.
``tests/test_readability.py`` checks the figures against textstat itself.

textstat's definitions (``textstat/textstat.py`` 0.7.4, with its defaults: ``en_US``, rounding on, apostrophes
removed): punctuation is ``[^\\w\\s]`` and is deleted; a word is a white-space separated part of what is left;
a sentence is a match of ``\\b[^.!?]+[.!?]*``, and sentences of two words or fewer are not counted (at least
one sentence is); a word has ``1 + len(Pyphen(lang="en_US").positions(word))`` syllables, the word lowercased.
"""

from __future__ import annotations

import importlib.util
import itertools
import math
import re
from functools import lru_cache
from pathlib import Path

_PUNCTUATION = re.compile(r"[^\w\s]")
#: The ASCII characters ``_PUNCTUATION`` matches, deleted by ``str.translate`` from an ASCII text in one pass (the
#: regex's substitution costs a call per character removed: 0.2 s on 500 KB of "**a ").
_ASCII_PUNCTUATION = {code: None for code in range(128) if _PUNCTUATION.match(chr(code))}
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
#: Pyphen's defaults: no break within the first two or the last two letters of a word.
_LEFT = 2
_RIGHT = 2
#: Bump when the cached form of the patterns changes.
_FORMAT = 1


def _round(number: float, points: int = 0) -> float:
    """textstat's ``_legacy_round``: half away from zero."""
    p = 10**points
    return float(math.floor((number * p) + math.copysign(0.5, number))) / p


def remove_punctuation(text: str) -> str:
    """``text`` without its punctuation and symbols (whatever is neither a word character nor white space)."""
    return text.translate(_ASCII_PUNCTUATION) if text.isascii() else _PUNCTUATION.sub("", text)


def lexicon_count(text: str) -> int:
    """Words, punctuation removed (textstat's ``lexicon_count``)."""
    return len(remove_punctuation(text).split())


def sentence_count(text: str) -> int:
    """Sentences of more than two words, at least one (textstat's ``sentence_count``)."""
    found = _SENTENCE.findall(text)
    ignored = sum(1 for sentence in found if lexicon_count(sentence) <= 2)
    return max(1, len(found) - ignored)


def syllable_count(text: str) -> int:
    """Syllables of the words of ``text`` by pyphen's ``en_US`` hyphenation points (textstat's ``syllable_count``)."""
    text = remove_punctuation(text.lower())
    return sum(word_syllables(word) for word in text.split())


def flesch_kincaid_grade(text: str) -> float:
    """``0.39 * words per sentence + 11.8 * syllables per word - 15.59``, each term rounded as textstat does."""
    words = lexicon_count(text)
    sentence_length = _round(float(words / sentence_count(text)), 1)
    syllables_per_word = _round(float(syllable_count(text)) / float(words), 1) if words else 0.0
    return _round(float(0.39 * sentence_length) + float(11.8 * syllables_per_word) - 15.59, 1)


_SYLLABLES: dict[str, int] = {}


def word_syllables(word: str) -> int:
    """``1 +`` the hyphenation points of ``word`` that are at least two letters from either end (memoised)."""
    count = _SYLLABLES.get(word)
    if count is None:
        right = len(word) - _RIGHT
        count = 1 + sum(1 for i in _positions(word.lower()) if _LEFT <= i <= right)
        if len(_SYLLABLES) > 50_000:
            _SYLLABLES.clear()
        _SYLLABLES[word] = count
    return count


def _positions(word: str) -> list[int]:
    """pyphen's ``HyphDict.positions``: where Liang's patterns allow a break (odd values win)."""
    patterns, maxlen = hyphenation()
    long_word = len(word) > _LONG_WORD
    if long_word:
        patterns = _steps()  # the same patterns, and every prefix of one: a search stops when none can follow
    pointed = f".{word}."
    references = [0] * (len(pointed) + 1)
    last = len(pointed) - 1
    # A pattern holds only the patterns' own characters, so only runs of them are searched: a word of 500,000
    # underscores or digits costs one regex scan, not millions of dictionary look-ups (the result is the same).
    for run in _pattern_runs().finditer(pointed):
        end = run.end()
        for i in range(run.start(), min(end, last)):
            stop = min(i + maxlen, end) + 1
            for j in range(i + 1, stop):
                pattern = patterns.get(pointed[i:j])
                if not pattern:
                    if pattern is None and long_word:
                        break  # no pattern starts with these letters
                    continue
                offset, values = pattern[0], pattern[1:]
                window = slice(i + offset, i + offset + len(values))
                references[window] = map(max, values, references[window])
    return [i - 1 for i, reference in enumerate(references) if reference % 2]


#: Words longer than this (no English word is) are searched with ``_steps``.
_LONG_WORD = 64


@lru_cache(maxsize=1)
def _steps() -> dict[str, bytes]:
    """The patterns, and each proper prefix of a pattern that is not one itself mapped to ``b""``."""
    patterns, _maxlen = hyphenation()
    steps = {key[:end]: b"" for key in patterns for end in range(1, len(key))}
    steps.update(patterns)
    return steps


@lru_cache(maxsize=1)
def _pattern_runs() -> re.Pattern[str]:
    """Runs of the characters that occur in the patterns (letters and the word-edge mark ``.``)."""
    patterns, _maxlen = hyphenation()
    return re.compile("[" + "".join(re.escape(c) for c in sorted(set("".join(patterns)))) + "]+")


def dictionary_path() -> Path | None:
    """pyphen's ``hyph_en_US.dic`` (located without importing pyphen), or None when pyphen is not installed."""
    spec = importlib.util.find_spec("pyphen")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "dictionaries" / "hyph_en_US.dic"


@lru_cache(maxsize=1)
def hyphenation() -> tuple[dict[str, bytes], int]:
    """pyphen's ``en_US`` patterns as ``{letters: bytes([start offset, *values])}`` and the longest key's length.

    Read from the user cache when the dictionary file is unchanged; else parsed by pyphen (0.14 s) and stored.
    """
    from .. import cache

    path = dictionary_path()
    entry_key = cache.key(f"hyphenation-{_FORMAT}", cache.stat_stamp([path])) if path is not None else ""
    stored = cache.load("hyphenation", entry_key) if entry_key else None
    if _well_formed(stored):
        return stored  # type: ignore[return-value]
    built = _parse()
    if entry_key:
        cache.store("hyphenation", entry_key, built)
    return built


def _well_formed(stored: object) -> bool:
    """Whether a cache entry has the shape ``hyphenation`` returns (checked on a sample of its patterns)."""
    if not (isinstance(stored, tuple) and len(stored) == 2):
        return False
    patterns, maxlen = stored
    sample = itertools.islice(patterns.values(), 50) if isinstance(patterns, dict) else [None]
    return isinstance(maxlen, int) and all(isinstance(v, bytes) and v for v in sample)


def _parse() -> tuple[dict[str, bytes], int]:
    import pyphen

    hyph = pyphen.Pyphen(lang="en_US").hd
    patterns = {letters: bytes([start, *values]) for letters, (start, values) in hyph.patterns.items()}
    return patterns, hyph.maxlen
