"""The word set: hunspell's en_US expanded with its affixes, plus the shipped lists; cached in marshal form.

The large word sets are cached as one sorted, newline-joined string each and kept as sorted lists
(``WordList``, looked up by binary search): loading them takes a quarter of the time of building frozensets
(about 15 ms instead of 55 on a first lint). The word frequencies, needed only to rank suggestions, are a
separate cache entry loaded on first use.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from . import data
from .cache import cached, fingerprint


class WordList:
    """A sorted list of distinct words with set-like ``in`` (binary search)."""

    __slots__ = ("words",)

    def __init__(self, words: Iterable[str] = ()) -> None:
        self.words: list[str] = sorted(set(words))

    @classmethod
    def from_joined(cls, text: str) -> WordList:
        """The list stored by ``joined`` (already sorted and distinct)."""
        out = cls()
        out.words = text.split("\n") if text else []
        return out

    def joined(self) -> str:
        return "\n".join(self.words)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        words = self.words
        i = bisect_left(words, word)
        return i < len(words) and words[i] == word

    def __iter__(self) -> Iterator[str]:
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.words)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WordList) and self.words == other.words

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Known words. ``lower`` holds lowercase dictionary words, ``cased`` words that need their capitals."""

    lower: WordList
    cased: WordList
    #: Valid but never suggested (hunspell's NOSUGGEST: slurs and the like).
    nosuggest: frozenset[str]
    #: British spellings American English lacks (rejected with en-US), and the reverse (rejected with en-GB).
    british: frozenset[str]
    american: frozenset[str]
    #: Less common words: accepted, never suggested.
    rare: WordList
    rare_cased: WordList
    #: Technical vocabulary and extra words, lowercase -> preferred spelling.
    vocab: dict[str, str]
    #: The cache key of the inputs (the word frequencies are cached under it too).
    key: str = field(default="", compare=False)
    _freq: list[dict[str, int]] = field(default_factory=list, compare=False, repr=False)
    _wide: list[tuple[WordList, WordList]] = field(default_factory=list, compare=False, repr=False)
    _frequent: list[dict[str, int]] = field(default_factory=list, compare=False, repr=False)

    @property
    def freq(self) -> dict[str, int]:
        """Word -> round(10 * ln(count)), loaded (from the cache) the first time a suggestion needs it."""
        if not self._freq:
            self._freq.append(
                cached("wordfreq", self.key, data.read_frequencies) if self.key else data.read_frequencies()
            )
        return self._freq[0]

    @property
    def wide(self) -> tuple[WordList, WordList]:
        """Specialist words (SCOWL size 80 less near-misses of common words), and the British-only ones among
        them: accepted, never suggested; loaded (from the cache) the first time an unknown word is judged."""
        if not self._wide:
            raw = cached("wide-lexicon", self.key, _build_wide) if self.key else _build_wide()
            self._wide.append((WordList.from_joined(raw[0]), WordList.from_joined(raw[1])))
        return self._wide[0]

    @property
    def frequent(self) -> dict[str, int]:
        """Words frequent in real English text that the lists lack -> Zipf frequency times ten; loaded (from the
        cache) the first time an unknown word is judged."""
        if not self._frequent:
            self._frequent.append(
                cached("frequent-words", self.key, data.read_frequent) if self.key else data.read_frequent()
            )
        return self._frequent[0]


def load(entry_key: str | None = None) -> Lexicon:
    """The lexicon, from the cache when it is current, else built (about a second) and cached.

    ``entry_key``: the inputs' fingerprint when the caller computed it already.
    """
    key = entry_key or fingerprint(data.input_files())
    raw = cached("lexicon", key, _build)
    sets = [WordList.from_joined(raw[i]) for i in (0, 1, 5, 6)]
    return Lexicon(sets[0], sets[1], raw[2], raw[3], raw[4], sets[2], sets[3], raw[7], key)


def _build() -> tuple[Any, ...]:
    from spylls.hunspell import Dictionary

    dic_path, _ = data.hunspell_files()
    dictionary = Dictionary.from_files(str(dic_path.with_suffix("")))
    aff = dictionary.aff
    forms: set[str] = set()
    nosuggest: set[str] = set()
    for word in dictionary.dic.words:
        if aff.ONLYINCOMPOUND and aff.ONLYINCOMPOUND in word.flags:
            continue
        expanded = _expand(word.stem, word.flags, aff)
        forms |= expanded
        if aff.NOSUGGEST and aff.NOSUGGEST in word.flags:
            nosuggest |= expanded
    british = set(data.read_list("typo-en-gb.txt"))
    forms |= british
    lower = {w for w in forms if w == w.lower()}
    cased = {w for w in forms if w != w.lower()}
    rare = data.read_list("typo-en-70.txt")
    vocab = {w.lower(): w for name in ("vocab-tech.txt", "vocab-extra.txt") for w in data.read_list(name)}
    return (
        WordList(lower).joined(),
        WordList(cased).joined(),
        frozenset(w.lower() for w in nosuggest),
        frozenset(w.lower() for w in british),
        frozenset(w.lower() for w in data.read_list("typo-en-us.txt")),
        WordList({w for w in rare if w == w.lower()} - lower).joined(),
        WordList({w for w in rare if w != w.lower()} - cased).joined(),
        vocab,
    )


def _build_wide() -> tuple[str, str]:
    words, british = [], []
    for line in (data.data_dir() / "typo-en-80.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, tag = line.partition(" ")
            words.append(word)
            if tag == "gb":
                british.append(word)
    return WordList(words).joined(), WordList(british).joined()


def _expand(stem: str, flags: set[str], aff: Any) -> set[str]:
    """Every form of ``stem``: suffixes, prefixes, and cross-product prefix+suffix combinations."""
    out = {stem}
    suffixed: list[tuple[str, bool]] = []
    for flag in flags:
        for sfx in aff.SFX.get(flag, ()):
            if sfx.cond_regexp.search(stem):
                form = (stem[: len(stem) - len(sfx.strip)] if sfx.strip else stem) + sfx.add
                out.add(form)
                suffixed.append((form, sfx.crossproduct))
    for flag in flags:
        for pfx in aff.PFX.get(flag, ()):
            if not pfx.cond_regexp.search(stem):
                continue
            out.add(pfx.add + stem[len(pfx.strip) :])
            if pfx.crossproduct:
                for form, cross in suffixed:
                    if cross:
                        out.add(pfx.add + form[len(pfx.strip) :])
    return out
