"""The speller: is a word known, and what should it have been."""

from __future__ import annotations

from functools import lru_cache

from . import data
from .cache import fingerprint
from .lexicon import Lexicon, load
from .suggest import Index, Suggestion

DIALECTS = ("en-US", "en-GB")


class Speller:
    """Word lookups against the lexicon; the suggestion index loads on the first ``suggest``."""

    def __init__(self, lexicon: Lexicon, key: str = "") -> None:
        self.lexicon = lexicon
        self.key = key
        self._index: Index | None = None
        #: Suggestions already computed (an editor re-lints the same words on every keystroke).
        self._memo: dict[tuple[str, str | None, int], list[Suggestion]] = {}
        self._known: dict[tuple[str, str | None], bool] = {}

    def known(self, word: str, dialect: str | None = None) -> bool:
        """Whether ``word`` (as written, any apostrophe) is a correct spelling in ``dialect`` (None: either)."""
        memo_key = (word, dialect)
        found = self._known.get(memo_key)
        if found is None:
            if len(self._known) > 50_000:
                self._known.clear()
            found = self._known[memo_key] = self._known_now(word, dialect)
        return found

    def _known_now(self, word: str, dialect: str | None) -> bool:
        word = word.replace("\u2019", "'")
        low = word.lower()
        lex = self.lexicon
        if low in lex.vocab:
            return True
        if dialect == "en-US" and low in lex.british:
            return False
        if dialect == "en-GB" and low in lex.american:
            return False
        if low in lex.lower or low in lex.rare or word in lex.cased:
            return True
        if word.isupper() and (word.capitalize() in lex.cased or word.capitalize() in lex.rare_cased):
            return True
        if word in lex.rare_cased:
            return True
        if low.endswith("'s"):
            return self.known(word[:-2], dialect)
        if low.endswith("s'"):
            return self.known(word[:-1], dialect)
        return False

    def frequency(self, word: str) -> float:
        """ln(count) of the word in the frequency list (0 when absent)."""
        return self.lexicon.freq.get(word.lower(), 0) / 10

    def suggest(self, word: str, dialect: str | None = None, limit: int = 5) -> list[Suggestion]:
        """Corrections for ``word``, best first, in its capitalisation."""
        memo_key = (word, dialect, limit)
        if memo_key in self._memo:
            return self._memo[memo_key]
        if len(self._memo) > 4096:
            self._memo.clear()
        self._memo[memo_key] = found = self._suggest(word, dialect, limit)
        return found

    def _suggest(self, word: str, dialect: str | None, limit: int) -> list[Suggestion]:
        if self._index is None:
            self._index = Index(self.lexicon, fingerprint((), "index", self.key))
        typed = word.replace("\u2019", "'").lower()
        exclude: frozenset[str] = frozenset()
        if dialect == "en-US":
            exclude = self.lexicon.british
        elif dialect == "en-GB":
            exclude = self.lexicon.american
        found = self._index.rank(typed, exclude, limit)
        return [Suggestion(_recase(word, s.word), s.distance, s.score) for s in found]


def _recase(typed: str, word: str) -> str:
    if word != word.lower():
        return word  # a name or a term: keep its own capitals
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


@lru_cache(maxsize=1)
def speller() -> Speller:
    """The process-wide speller (loaded once)."""
    key = fingerprint(data.input_files())
    return Speller(load(key), key)
