"""Suggestion candidates from deletion indexes (of spellings and of sound keys), ranked by a weighted edit
distance and a word-frequency prior.

Candidates are every word within about two edits of the typed word (SymSpell-style: the index maps each word
and its one-letter deletions to the word), plus words that sound alike (their sound keys within two edits).
Ranking: ``score = cost * (6 / len) ** LENGTH_DISCOUNT * EDIT_WEIGHT - min(ln(count), PRIOR_CAP)``, lowest
first. Candidates are scored in order of a lower bound, and the distance computation stops early once a
candidate cannot make the list, so a suggestion costs a few milliseconds.
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

from ..cache import store
from .cache import cached
from .distance import distance
from .lexicon import Lexicon
from .phonetic import key as sound_key
from .phonetic import keys as sound_keys

_LETTERS = "abcdefghijklmnopqrstuvwxyz'"
#: How much one unit of edit distance weighs against one unit of ln(frequency).
EDIT_WEIGHT = 10.0
#: The first letter is rarely wrong; a candidate that changes it pays this much extra distance.
FIRST_LETTER = 0.6
#: Frequency for words the list lacks (ln count), a little below its smallest entry.
FLOOR = 8.5
#: Sound-alike candidates cost PHONE_BASE, plus PHONE_STEP per edit between the sound keys, plus
#: PHONE_SHARE of their letter distance (when that is less than the letter distance alone).
PHONE_BASE = 0.5
PHONE_STEP = 0.5
PHONE_SHARE = 0.5
MAX_COST = 3.5
#: Longer words tolerate more edits: the edit cost is scaled by (6 / length) ** LENGTH_DISCOUNT.
LENGTH_DISCOUNT = 1.0
#: Very common words ("as", "at", "the") should not win on frequency alone: ln(count) is capped here.
PRIOR_CAP = 18.0


@dataclass(frozen=True, slots=True)
class Suggestion:
    word: str
    distance: float
    score: float


def _deletes(word: str) -> Iterator[str]:
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


def _letters_bound(counts: dict[str, int], word: str) -> float:
    """A lower bound of the letter distance from the letters the two words do not share: each insertion or
    deletion (>= 0.45) changes one, each substitution (>= 0.55) two."""
    left = dict(counts)
    unmatched = 0
    for ch in word:
        if left.get(ch, 0) > 0:
            left[ch] -= 1
        else:
            unmatched += 1
    missing = sum(left.values())
    return max(0.45 * abs(unmatched - missing), 0.275 * (unmatched + missing))


class Table:
    """A read-only ``str -> str`` table over sorted keys, looked up by binary search in place.

    Cached as the newline-joined keys and values with the offset of each (``array("I")`` bytes): loading it is
    a copy, where unmarshalling a dict of the same 100,000 keys hashes every key (30 to 60 ms a shard, and a
    first suggestion reads five or six of them), and it takes a third of the memory. A lookup is a binary
    search in Python (a few microseconds); a suggestion, dominated by its edit distances, costs about the same
    as with dicts.
    """

    __slots__ = ("_key_at", "_keys", "_value_at", "_values")

    def __init__(self, table: dict[str, str] | None = None) -> None:
        keys = sorted(table or ())
        self._keys = "\n".join(keys)
        self._values = "\n".join(table[k] for k in keys) if table else ""
        self._key_at: Sequence[int] = memoryview(_offsets(keys)).cast("I")
        self._value_at: Sequence[int] = memoryview(_offsets([table[k] for k in keys] if table else [])).cast("I")

    @classmethod
    def from_stored(cls, stored: tuple[str, str, bytes, bytes]) -> Table:
        """The table ``stored`` returned; ``ValueError`` when ``stored`` is not one (a damaged cache entry)."""
        keys, values, key_at, value_at = stored
        if not (isinstance(keys, str) and isinstance(values, str)):
            raise ValueError("not a stored table")
        out = cls.__new__(cls)
        out._keys, out._values = keys, values
        out._key_at, out._value_at = memoryview(key_at).cast("I"), memoryview(value_at).cast("I")
        count = len(out._key_at) - 1
        ends = (out._key_at[-1], out._value_at[-1]) if count >= 0 and len(out._value_at) else (-1, -1)
        expected = (len(keys) + 1, len(values) + 1) if count else (0, 0)  # offsets end one past the text
        if len(out._value_at) != count + 1 or ends != expected or (not count and (keys or values)):
            raise ValueError("not a stored table")
        return out

    def stored(self) -> tuple[str, str, bytes, bytes]:
        """The marshal-able form: joined keys and values (neither holds a line break) and their start offsets
        (with one past the end), as ``array("I")`` bytes."""
        return self._keys, self._values, bytes(self._key_at), bytes(self._value_at)  # type: ignore[arg-type]

    def get(self, key: str) -> str | None:
        text, at = self._keys, self._key_at
        lo, hi = 0, len(at) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if text[at[mid] : at[mid + 1] - 1] < key:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(at) - 1 and text[at[lo] : at[lo + 1] - 1] == key:
            return self._values[self._value_at[lo] : self._value_at[lo + 1] - 1]
        return None


def _offsets(items: list[str]) -> bytes:
    """Where each of ``items`` starts in ``"\\n".join(items)``, then one past the end (+1), as array bytes."""
    return array("I", accumulate(map(len, items), lambda total, size: total + size + 1, initial=0)).tobytes()


class Index:
    """The deletion indexes over the suggestable words, loaded (from the cache) on first use.

    Each part is built and cached on its own the first time a lookup needs it, so that a new machine's first
    suggestion builds only the shards near the typed word's length (about a third of the work): the spelling
    shard of keys of length ``n`` holds the words of length ``n`` and the one-letter deletions of those of
    length ``n + 1``. The sound tables cover every word.
    """

    def __init__(self, lexicon: Lexicon, data_key: str) -> None:
        self.lexicon = lexicon
        self.key = data_key
        #: The spelling deletion table, in shards by key length, each loaded when a lookup first needs it.
        self._shards: dict[int, Table] = {}
        self._words: dict[str, str] | None = None
        try:
            display, lengths = cached("spellmeta", data_key, self._build_meta)
            if not isinstance(display, dict):
                raise TypeError("not a stored index")
        except (TypeError, ValueError):  # a damaged cache entry: build it again
            display, lengths = built = self._build_meta()
            store("spellmeta", data_key, built)
        #: Lowercase word -> its spelling when that has capitals ("susan" -> "Susan").
        self.display: dict[str, str] = display
        self._lengths = frozenset(lengths)
        self._sounds: tuple[Table, Table] | None = None

    def _suggestable(self) -> dict[str, str]:
        if self._words is None:
            self._words = _suggestable(self.lexicon)
        return self._words

    def _build_meta(self) -> tuple[dict[str, str], list[int]]:
        words = self._suggestable()
        display = {low: word for low, word in words.items() if word != low}
        lengths = {n for low in words if len(low) >= 2 for n in (len(low), len(low) - 1)}
        return display, sorted(lengths)

    @property
    def sounds(self) -> tuple[Table, Table]:
        """Sound key -> words, and sound key with one sound dropped -> words."""
        if self._sounds is None:
            try:
                exact, dropped = cached("spellsound", self.key, self._build_sounds)
                self._sounds = Table.from_stored(exact), Table.from_stored(dropped)
            except (TypeError, ValueError):  # a damaged cache entry: build it again
                exact, dropped = built = self._build_sounds()
                store("spellsound", self.key, built)
                self._sounds = Table.from_stored(exact), Table.from_stored(dropped)
        return self._sounds

    def _build_sounds(self) -> tuple[tuple[str, str, bytes, bytes], tuple[str, str, bytes, bytes]]:
        exact, dropped = _build_sounds(self._suggestable())
        return Table(exact).stored(), Table(dropped).stored()

    def _shard(self, length: int) -> Table:
        shard = self._shards.get(length)
        if shard is None:
            if length not in self._lengths:
                shard = Table()  # no word has a key of this length
            else:
                try:
                    shard = Table.from_stored(cached(f"spell{length}", self.key, lambda: self._build_shard(length)))
                except (TypeError, ValueError):  # a damaged cache entry: build it again
                    stored = self._build_shard(length)
                    store(f"spell{length}", self.key, stored)
                    shard = Table.from_stored(stored)
            self._shards[length] = shard
        return shard

    def _build_shard(self, length: int) -> tuple[str, str, bytes, bytes]:
        return Table(_build_shard(self._suggestable(), length)).stored()

    def _collect(self, table: Table | None, keys: Iterable[str]) -> set[str]:
        """The words under ``keys`` in ``table`` (None: the sharded spelling table)."""
        found: set[str] = set()
        for key in keys:
            hit = (self._shard(len(key)) if table is None else table).get(key)
            if hit:
                found.update(hit.split(" "))
        return found

    def candidates(self, typed: str) -> set[str]:
        """Words about two edits or less from ``typed``."""
        keys = {typed, *_deletes(typed)}
        if len(typed) >= 4:
            keys |= {d2 for d1 in list(keys) for d2 in _deletes(d1)}
        for i in range(len(typed) + 1):
            head, tail = typed[:i], typed[i:]
            for ch in _LETTERS:
                keys.add(head + ch + tail)
                if tail:
                    keys.add(head + ch + tail[1:])
        return self._collect(None, keys)

    def sound_alikes(self, typed: str) -> dict[str, int]:
        """Words whose sound key is within about two edits of the typed word's, with that number of edits."""
        code = sound_key(typed)
        if len(code) < 3:
            return {}
        exact, dropped = self.sounds
        out: dict[str, int] = {}
        ones = set(_deletes(code))
        twos = {d2 for d1 in ones for d2 in _deletes(d1)} if len(code) >= 4 else set()
        # Farther first, so that nearer matches overwrite them.
        for keys, table, edits in ((twos, exact, 2), (ones, dropped, 1), (ones, exact, 1), ({code}, dropped, 1)):
            for word in self._collect(table, keys):
                out[word] = edits
        for word in self._collect(exact, (code,)):
            out[word] = 0
        return out

    def rank(self, typed: str, exclude: Iterable[str] = (), limit: int = 5) -> list[Suggestion]:
        """The best corrections for the lowercase ``typed``, best first."""
        freq = self.lexicon.freq
        banned = set(exclude)
        sounds = self.sound_alikes(typed)
        found: list[Suggestion] = []
        queue = []
        counts: dict[str, int] = {}
        for ch in typed:
            counts[ch] = counts.get(ch, 0) + 1
        for word in self.candidates(typed) | sounds.keys():
            if word in banned or abs(len(word) - len(typed)) > 4:
                continue
            if word == typed:
                if word in self.display:  # only the capitals are wrong: "susan" -> "Susan"
                    found.append(Suggestion(self.display[word], 0.1, -100.0))
                continue
            prior = min(freq.get(word, 0) / 10 or FLOOR, PRIOR_CAP)
            weight = (6 / max(6, len(word))) ** LENGTH_DISCOUNT * EDIT_WEIGHT
            least = _letters_bound(counts, word)
            if word in sounds:
                least = min(least, PHONE_BASE + PHONE_STEP * sounds[word] + PHONE_SHARE * least)
            least += FIRST_LETTER if word[0] != typed[0] else 0.0
            queue.append((least * weight - prior, word, prior, weight))
        queue.sort()
        best: list[float] = []  # max-heap (negated) of the `limit` best scores so far
        for bound, word, prior, weight in queue:
            if len(best) >= limit and bound >= -best[0]:
                break  # no later candidate can make the list
            cutoff = MAX_COST if len(best) < limit else min(MAX_COST, (-best[0] + prior) / weight)
            penalty = FIRST_LETTER if word[0] != typed[0] else 0.0
            phone = PHONE_BASE + PHONE_STEP * sounds[word] if word in sounds else None
            letters_cap = cutoff - penalty
            if phone is not None:
                letters_cap = max(letters_cap, (cutoff - phone - penalty) / PHONE_SHARE)
            letters = distance(typed, word, letters_cap)
            cost = letters + penalty
            if phone is not None:
                cost = min(cost, phone + PHONE_SHARE * letters + penalty)
            if cost > cutoff:
                continue
            score = cost * weight - prior
            found.append(Suggestion(self.display.get(word, word), round(cost, 2), score))
            heapq.heappush(best, -score)
            if len(best) > limit:
                heapq.heappop(best)
        found.sort(key=lambda s: (s.score, s.word))
        return found[:limit]


def _suggestable(lexicon: Lexicon) -> dict[str, str]:
    """The words suggestions are drawn from: lowercase form -> the spelling to show."""
    words: dict[str, str] = {}
    for word in lexicon.lower:
        if not word.endswith("'s") and word not in lexicon.nosuggest:
            words[word] = word
    for word in sorted(lexicon.cased):  # sorted: "APR" before "Apr", whatever the set's (hash) order
        low = word.lower()
        if low not in words and not low.endswith("'s") and low not in lexicon.nosuggest:
            words[low] = word
    for low, word in lexicon.vocab.items():
        words.setdefault(low, word)
    return words


def _build_shard(words: dict[str, str], length: int) -> dict[str, str]:
    """The spelling deletion table's keys of ``length``: the words of that length, and the one-letter deletions
    of the words one letter longer, each key -> the words it comes from (space-joined, in ``words``' order)."""
    table: dict[str, list[str]] = {}
    for low in words:
        size = len(low)
        if size == length and size >= 2:
            table.setdefault(low, []).append(low)
        elif size == length + 1 and size >= 2:
            for key in {low[:i] + low[i + 1 :] for i in range(size)}:
                table.setdefault(key, []).append(low)
    return {k: " ".join(v) for k, v in table.items()}


def _build_sounds(words: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Sound key -> words, and each sound key with one sound dropped -> words."""
    exact: dict[str, list[str]] = {}
    dropped: dict[str, list[str]] = {}
    chosen = [low for low in words if len(low) >= 3 and "'" not in low and "\n" not in low]
    for low, code in zip(chosen, sound_keys(chosen), strict=True):
        exact.setdefault(code, []).append(low)
        for key in set(_deletes(code)):
            dropped.setdefault(key, []).append(low)
    return {k: " ".join(v) for k, v in exact.items()}, {k: " ".join(v) for k, v in dropped.items()}
