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
#: A word frequent in real English text that the lists lack (``typo-frequent.txt``: "cron", "masa", "merci") is a
#: word unless a correction is far more frequent than it: its Zipf frequency must exceed the word's by
#: FREQUENT_MARGIN plus FREQUENT_EDIT per unit of the correction's edit distance, scaled by 6 / length (at most
#: FREQUENT_SHORT): an edit changes more of a short word. "definately" (Zipf 2.9) is a slip for "definitely" (4.4
#: here, one vowel away); "cron" (2.5) is no slip for "corn" (4.2, two letters swapped in four), nor "sed" for
#: "sea". Chosen with ``bench/typos.py --specialist`` against detection on the misspelling lists.
FREQUENT_MARGIN = 0.0
FREQUENT_EDIT = 1.5
FREQUENT_SHORT = 2.0
#: A frequent word whose slip evidence is under FREQUENT_MARGIN + FREQUENT_DOUBT is reported as a question
#: (severity suggestion): "merci" beside "mercy", "cron" beside "corn".
FREQUENT_DOUBT = 0.5
#: How many corrections of a frequent word are weighed as rivals: a slip is judged against each of its close
#: corrections, not only the first ("dieing" is nearer "dyeing", but "dining" is the far more frequent rival).
RIVALS = 3
#: The corrections after the first count only for a word this long, and only when this close: a short word has
#: many frequent neighbours by chance ("lua", "ini" beside "la", "in"), and a far one is no slip ("corman").
RIVAL_LENGTH = 6
RIVAL_DISTANCE = 1.0
#: The edit distance of two words run together ("alot" for "a lot").
SPLIT = 0.2
#: Zipf frequency (log10 per billion words) from ln(count) of the frequency list: the two agree on common words.
ZIPF_SLOPE = 1 / 2.302585
ZIPF_OFFSET = -2.79


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
        return self._built(dialect)(low) or self._frequent(low, dialect)

    def _built(self, dialect: str | None) -> Morphology:
        built = self._morphology.get(dialect)
        if built is None:
            affixes = self.affixes.for_dialect(dialect)
            built = self._morphology[dialect] = Morphology(
                lambda w: self._listed(w, dialect), affixes, lambda w: self._slip(w, dialect), self.frequency
            )
        return built

    def _frequent(self, low: str, dialect: str | None) -> bool:
        """Whether ``low``, absent from the lists, is frequent in real English text and no slip: no correction
        (nor two words run together, "alot") is close and far more frequent than it."""
        zipf = self.lexicon.frequent.get(low)
        if zipf is None:
            return False
        return self._slip_evidence(low, zipf / 10, dialect) < FREQUENT_MARGIN

    def doubtful(self, word: str, dialect: str | None = None) -> bool:
        """Whether an unknown ``word`` is frequent in real English text and only a little less likely a word than a
        slip (within FREQUENT_DOUBT): reported as a question, not as a sure misspelling."""
        low = word.replace("\u2019", "'").lower()
        zipf = self.lexicon.frequent.get(low)
        return zipf is not None and self._slip_evidence(low, zipf / 10, dialect) < FREQUENT_MARGIN + FREQUENT_DOUBT

    def _slip_evidence(self, low: str, own: float, dialect: str | None) -> float:
        """How much more frequent than ``low`` (Zipf ``own``) its likeliest correction is, less what the edit
        costs; at least 9 for a contraction without its apostrophe ("dont", "im", "youre")."""
        for i in range(1, len(low)):
            contraction = f"{low[:i]}'{low[i:]}"
            if self._listed(contraction, dialect) or self._listed(contraction.capitalize(), dialect):
                return 9.0
        scale = min(FREQUENT_SHORT, 6 / len(low))
        evidence = (rival - own - FREQUENT_EDIT * cost * scale for cost, rival in self.rivals(low, dialect))
        return max(evidence, default=-9.0)

    def rivals(self, low: str, dialect: str | None) -> list[tuple[float, float]]:
        """(Edit distance, Zipf frequency) of the first RIVALS corrections of ``low`` and of each split of it into two
        known words, one of them a function word or short ("alot", "infact": a missing space costs SPLIT; "config" and
        "barcode" are compounds, not slips)."""
        found = self.suggest(low, dialect, RIVALS)
        rivals = [(s.distance, self.zipf(s.word)) for s in found[:1]]
        if len(low) >= RIVAL_LENGTH:
            rivals += [(s.distance, self.zipf(s.word)) for s in found[1:] if s.distance <= RIVAL_DISTANCE]
        function = self.affixes.function_words
        for i in range(1, len(low) - 1):
            head, tail = low[:i], low[i:]
            short = min(len(head), len(tail)) <= 2
            joined = short or head in function or tail in function
            if joined and self._listed(head, dialect) and self._listed(tail, dialect):
                rivals.append((SPLIT, min(self.zipf(head), self.zipf(tail))))
        return rivals

    def zipf(self, word: str) -> float:
        """The word's Zipf frequency estimated from the frequency list (0 when absent)."""
        ln = self.frequency(word)
        return ln * ZIPF_SLOPE + ZIPF_OFFSET if ln else 0.0

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
