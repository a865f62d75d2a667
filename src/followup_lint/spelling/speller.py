"""The speller: is a word known, and what should it have been."""

from __future__ import annotations

from functools import lru_cache

from . import data
from .cache import fingerprint
from .lexicon import Lexicon, load
from .morphology import Affixes, Morphology
from .suggest import Index, Suggestion

DIALECTS = ("en-US", "en-GB")
#: A word built from parts ("sharding") is taken for a slip when its first correction is this close (weighted
#: edit distance) and this common (ln of its count): "begining" -> "beginning".
SLIP_DISTANCE = 2.0
SLIP_COMMON = 6.0


class Speller:
    """Word lookups against the lexicon; the suggestion index loads on the first ``suggest``."""

    def __init__(self, lexicon: Lexicon, key: str = "") -> None:
        self.lexicon = lexicon
        self.key = key
        self._index: Index | None = None
        #: Suggestions already computed (an editor re-lints the same words on every keystroke).
        self._memo: dict[tuple[str, str | None, int], list[Suggestion]] = {}
        self._known: dict[tuple[str, str | None], bool] = {}
        self._morphology: dict[str | None, Morphology] = {}
        self._affixes: Affixes | None = None

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
        if self._listed(word, dialect):
            return True
        low = word.lower()
        if not low.isalpha() or (low != word and word[1:] != low[1:]):
            return False  # only lowercase or capitalised words are built from parts
        built = self._morphology.get(dialect)
        if built is None:
            affixes = self.affixes.for_dialect(dialect)
            built = self._morphology[dialect] = Morphology(
                lambda w: self._listed(w, dialect), affixes, lambda w: self._slip(w, dialect), self.frequency
            )
        return built(low)

    def _slip(self, word: str, dialect: str | None) -> str | None:
        """The common word ``word`` is close to, if any: "begining" and "occured" are slips, not formations."""
        found = self.suggest(word, dialect, 1)
        if found and found[0].distance <= SLIP_DISTANCE and self.frequency(found[0].word) >= SLIP_COMMON:
            return found[0].word.lower()
        return None

    @property
    def affixes(self) -> Affixes:
        """Word-building pieces and the misspellings they must not accept (loaded on first use)."""
        if self._affixes is None:
            self._affixes = Affixes.load()
        return self._affixes

    def _listed(self, word: str, dialect: str | None) -> bool:
        """Whether ``word`` is in a word list (core, specialist, vocabulary) in ``dialect``."""
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
        if low in self.affixes.not_words:
            return False
        wide, british = lex.wide
        return low in wide and not (dialect == "en-US" and low in british)

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
