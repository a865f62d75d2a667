"""Suggestion candidates from a deletion index, ranked by weighted edit distance and word frequency."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .cache import cached, fingerprint
from .distance import distance
from .lexicon import Lexicon
from .phonetic import key as sound_key

_LETTERS = "abcdefghijklmnopqrstuvwxyz'"
_SOUNDS = "Abdfghjklmnprstwx0X"
#: Sound-alike candidates: their cost is PHONE_BASE (+ PHONE_NEAR when the keys differ by one) plus this
#: share of the letter distance.
PHONE_BASE = 0.5
PHONE_NEAR = 0.5
PHONE_SHARE = 0.5
MAX_COST = 3.5
#: How much one unit of edit distance weighs against one unit of ln(frequency).
EDIT_WEIGHT = 8.0
#: The first letter is rarely wrong; a candidate that changes it pays this much extra distance.
FIRST_LETTER = 1.0
#: Frequency for words the list lacks (ln count), a little below its smallest entry.
FLOOR = 8.5


@dataclass(frozen=True, slots=True)
class Suggestion:
    word: str
    distance: float
    score: float


def _deletes(word: str) -> Iterator[str]:
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


class Index:
    """Maps every suggestable word and each of its one-letter deletions to the words (SymSpell, depth 1)."""

    def __init__(self, lexicon: Lexicon, data_key: str) -> None:
        self.lexicon = lexicon
        self.table, self.display, self.sounds = cached("index", data_key, lambda: _build(lexicon))

    def candidates(self, typed: str) -> set[str]:
        keys = {typed, *_deletes(typed)}
        if len(typed) >= 4:
            keys |= {d2 for d1 in list(keys) for d2 in _deletes(d1)}
        for i in range(len(typed) + 1):
            head, tail = typed[:i], typed[i:]
            for ch in _LETTERS:
                keys.add(head + ch + tail)
                if tail:
                    keys.add(head + ch + tail[1:])
        table = self.table
        found: set[str] = set()
        for key in keys:
            hit = table.get(key)
            if hit:
                found.update(hit.split(" "))
        return found

    def sound_alikes(self, typed: str) -> tuple[set[str], set[str]]:
        """Words whose sound key equals the typed word's, and words whose key is one edit away."""
        code = sound_key(typed)
        if len(code) < 3:
            return set(), set()
        same = set(self.sounds.get(code, "").split())
        near_keys = set(_deletes(code))
        for i in range(len(code) + 1):
            head, tail = code[:i], code[i:]
            for ch in _SOUNDS:
                near_keys.add(head + ch + tail)
                if tail:
                    near_keys.add(head + ch + tail[1:])
        near_keys.discard(code)
        near: set[str] = set()
        for k in near_keys:
            hit = self.sounds.get(k)
            if hit:
                near.update(hit.split())
        return same - {""}, near - same - {""}

    def rank(self, typed: str, exclude: Iterable[str] = (), limit: int = 5) -> list[Suggestion]:
        """The best corrections for the lowercase ``typed``, best first."""
        freq = self.lexicon.freq
        banned = set(exclude)
        scored = []
        same, near = self.sound_alikes(typed)
        close = self.candidates(typed)
        for word in close | same | near:
            if word in banned or word == typed or abs(len(word) - len(typed)) > 4:
                continue
            cost = distance(typed, word) + (FIRST_LETTER if word[0] != typed[0] else 0.0)
            if word in same:
                cost = min(cost, PHONE_BASE + PHONE_SHARE * cost)
            elif word in near:
                cost = min(cost, PHONE_BASE + PHONE_NEAR + PHONE_SHARE * cost)
            if cost > MAX_COST:
                continue
            prior = freq.get(word, 0) / 10 or FLOOR
            scored.append(Suggestion(self.display.get(word, word), round(cost, 2), cost * EDIT_WEIGHT - prior))
        scored.sort(key=lambda s: (s.score, s.word))
        return scored[:limit]


def _build(lexicon: Lexicon) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    words: dict[str, str] = {}
    for word in lexicon.lower:
        if not word.endswith("'s") and word not in lexicon.nosuggest:
            words[word] = word
    for word in lexicon.cased:
        low = word.lower()
        if low not in words and not low.endswith("'s") and low not in lexicon.nosuggest and not word.isupper():
            words[low] = word
    for low, word in lexicon.vocab.items():
        words.setdefault(low, word)
    table: dict[str, list[str]] = {}
    for low in words:
        if len(low) < 2:
            continue
        for key in {low, *_deletes(low)}:
            table.setdefault(key, []).append(low)
    sounds: dict[str, list[str]] = {}
    for low in words:
        if len(low) >= 3 and "'" not in low:
            sounds.setdefault(sound_key(low), []).append(low)
    display = {low: word for low, word in words.items() if word != low}
    return {k: " ".join(v) for k, v in table.items()}, display, {k: " ".join(v) for k, v in sounds.items()}


def index_key(lexicon_key: str) -> str:
    return fingerprint((), "index", lexicon_key)
