"""Regular derivations and compounds of known words: specialist vocabulary is built, not listed.

"geotechnical" is geo + technical, "deduplication" de + duplication, "sharding" shard + ing, "runbook"
run + book. A word that splits into a known prefix and a known word, a known stem and a regular suffix, or two
known content words is accepted. The pieces are data (``rules/_data/typo-affixes.txt``). Guards keep common
misspellings out: stems and words of at least four letters after a prefix or before a suffix, compounds of
content words only ("eachother", "infact" and "thankyou" stay misspellings), and a list of misspellings
these rules would otherwise accept (``typo-not-words.txt``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import data

#: The shortest known word after a prefix or before a suffix, and the shortest part of a compound.
MIN_STEM = 4
MIN_PART = 3
#: How common (ln of its count) each part of a compound must be: "wens" + "day" is no compound.
COMMON_PART = 12.0


@dataclass(frozen=True, slots=True)
class Affixes:
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    function_words: frozenset[str]
    not_words: frozenset[str]

    @classmethod
    def load(cls) -> Affixes:
        entries: dict[str, list[str]] = {"prefix": [], "suffix": [], "function": []}
        path = data.data_dir() / "typo-affixes.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            kind, _, word = line.partition(" ")
            if kind in entries and word.strip():
                entries[kind].append(word.strip().lower())
        return cls(
            tuple(sorted(entries["prefix"], key=len, reverse=True)),
            tuple(sorted(entries["suffix"], key=len, reverse=True)),
            frozenset(entries["function"]),
            frozenset(data.read_list("typo-not-words.txt")),
        )

    def for_dialect(self, dialect: str | None) -> Affixes:
        """The pieces for ``dialect``: American English builds no -ise/-isation forms."""
        if dialect != "en-US":
            return self
        kept = tuple(s for s in self.suffixes if not _british(s))
        return Affixes(self.prefixes, kept, self.function_words, self.not_words)


def _british(suffix: str) -> bool:
    return suffix.startswith(("is", "isation")) and suffix not in ("ism", "ist", "ists")


def stems(word: str, suffix: str) -> list[str]:
    """The stems ``word`` may be built from with ``suffix``, under English spelling changes."""
    stem = word[: -len(suffix)]
    out = [stem]
    if suffix[0] in "aeiouy":
        out.append(stem + "e")  # compute + ing, genome + ic
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
            out.append(stem[:-1])  # ship + ing -> shipping
    if stem.endswith("i") and len(stem) > 2 and stem[-2] not in "aeiou":
        out.append(stem[:-1] + "y")  # copy + es -> copies (but employ + s -> employs)
    return out


class Morphology:
    """Decides whether an unknown lowercase word is a regular formation of words ``known`` accepts."""

    def __init__(
        self,
        known: Callable[[str], bool],
        affixes: Affixes | None = None,
        slip: Callable[[str], str | None] | None = None,
        common: Callable[[str], float] | None = None,
    ) -> None:
        self.known = known
        self.affixes = affixes or Affixes.load()
        self.slip = slip
        self.common = common

    def __call__(self, word: str) -> bool:
        word = word.lower()
        if not word.isalpha() or word in self.affixes.not_words:
            return False
        if not (self._built(word, depth=2) or self._compound(word)):
            return False
        near = self.slip(word) if self.slip else None
        # A close common word is a slip ("begining" -> "beginning"), unless it is the prefixed base itself
        # ("deduplication" -> "duplication": a typing slip does not add a whole prefix).
        return near is None or any(word == p + near for p in self.affixes.prefixes)

    def _base(self, word: str, depth: int) -> bool:
        """A known word, or (while depth remains) one built from known words."""
        return self.known(word) or (depth > 0 and self._built(word, depth))

    def _built(self, word: str, depth: int) -> bool:
        a = self.affixes
        for prefix in a.prefixes:
            rest = word[len(prefix) :].lstrip("-")
            if word.startswith(prefix) and len(rest) >= MIN_STEM and self._base(rest, depth - 1):
                return True
        for suffix in a.suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM - 1:
                for stem in stems(word, suffix):
                    if len(stem) >= MIN_STEM and self._base(stem, depth - 1):
                        return True
        return False

    def _compound(self, word: str) -> bool:
        """Two common content words written as one ("runbook", "failover", "worksite")."""
        function = self.affixes.function_words
        for i in range(MIN_PART, len(word) - MIN_STEM + 1):
            head, tail = word[:i], word[i:]
            if head in function or (tail in function and tail not in _PARTICLES):
                continue
            if self._common_word(head) and self._common_word(tail):
                return True
        return False

    def _common_word(self, part: str) -> bool:
        return self.known(part) and (self.common is None or self.common(part) >= COMMON_PART)


#: Adverb particles that end compound nouns ("failover", "rollout", "signup", "callback").
_PARTICLES = frozenset({"over", "out", "off", "down", "back"})
