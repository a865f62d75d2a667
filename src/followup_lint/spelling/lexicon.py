"""The word set: hunspell's en_US expanded with its affixes, plus the shipped lists; cached in marshal form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import data
from .cache import cached, fingerprint


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Known words. ``lower`` holds lowercase dictionary words, ``cased`` words that need their capitals."""

    lower: frozenset[str]
    cased: frozenset[str]
    #: Valid but never suggested (hunspell's NOSUGGEST: slurs and the like).
    nosuggest: frozenset[str]
    #: British spellings American English lacks (rejected with en-US), and the reverse (rejected with en-GB).
    british: frozenset[str]
    american: frozenset[str]
    #: Less common words: accepted, never suggested.
    rare: frozenset[str]
    rare_cased: frozenset[str]
    #: Technical vocabulary and extra words, lowercase -> preferred spelling.
    vocab: dict[str, str]
    freq: dict[str, int]


def load() -> Lexicon:
    """The lexicon, from the cache when it is current, else built (about a second) and cached."""
    raw = cached("lexicon", fingerprint(data.input_files()), _build)
    return Lexicon(*raw)


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
        frozenset(lower),
        frozenset(cased),
        frozenset(w.lower() for w in nosuggest),
        frozenset(w.lower() for w in british),
        frozenset(w.lower() for w in data.read_list("typo-en-us.txt")),
        frozenset(w for w in rare if w == w.lower()) - lower,
        frozenset(w for w in rare if w != w.lower()) - cased,
        vocab,
        data.read_frequencies(),
    )


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
