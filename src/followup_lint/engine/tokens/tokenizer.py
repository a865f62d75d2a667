"""spaCy's tokenizer algorithm (``spacy/tokenizer.pyx``) in pure Python, on data extracted from spaCy.

Steps, as in spaCy: split the text on white space (a single space becomes the previous token's trailing space,
other white space runs become tokens); tokenize each chunk by special cases, else by peeling prefixes and
suffixes (stopping at a special case or a ``token_match``) and splitting the rest on infixes unless it is a
``token_match`` or ``url_match``; finally re-tokenize special cases that the affix rules split, found with a
phrase matcher over the tokens' texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

#: The tokens of a chunk: their texts and their special-case norms (``None``: the lexeme's norm).
Pieces = tuple[tuple[str, ...], tuple["str | None", ...]]

_RUNS = re.compile(r"\s+|\S+")
#: Chunks whose tokens are kept (the cache is emptied when full).
_MAX_CACHE = 20_000
#: A chunk (a run without white space) longer than this is tokenized in pieces of this length, and affixes are
#: looked for within ``_AFFIX_WINDOW`` characters of its ends. spaCy peels affixes one at a time from the whole
#: chunk, which is quadratic (cubic for suffixes) in its length: 16,000 ``%`` took 39 s. Words, and the URLs and
#: hyphenated compounds of real drafts, are far shorter than either bound, so their tokens are spaCy's.
MAX_CHUNK = 256
_AFFIX_WINDOW = 64
#: Affix searches on windows longer than this are remembered (word-length ones are cheap and vary).
_MEMO_FROM = 24
#: In a chunk longer than ``MAX_CHUNK``, a run of one punctuation or symbol character this long or longer is one
#: token, not one token a character: 500,000 underscores made 500,000 tokens, and every step after the
#: tokenizer (sentences, columns, rules) paid for each. No draft has such a run; spaCy's tokens are unchanged
#: for every shorter chunk.
_REPEAT_FROM = 64
_REPEATS = re.compile(rf"([^\w\s]|_)\1{{{_REPEAT_FROM - 1},}}")


#: The regexes of the tokenizer's data, by key.
REGEXES = ("prefix", "suffix", "infix", "token_match", "url_match")


def _long_pieces(run: str) -> Iterable[tuple[str, bool]]:
    """A long chunk's pieces, each with whether it is a run of one repeated punctuation or symbol character."""
    start = 0
    for match in _REPEATS.finditer(run):
        if match.start() > start:
            yield run[start : match.start()], False
        yield match.group(), True
        start = match.end()
    if start < len(run):
        yield run[start:], False


class Tokenizer:
    """Tokens (text, trailing space, special-case norm) of a text, exactly as spaCy's tokenizer splits it."""

    def __init__(
        self,
        data: dict[str, Any],
        patterns: Iterable[Iterable[str]] | None = None,
        regexes: dict[str, re.Pattern[str] | None] | None = None,
    ) -> None:
        """``patterns``: the special matcher's (computed when ``None``); ``regexes``: ``REGEXES`` compiled (else
        compiled here from the data's sources)."""
        if regexes is None:
            regexes = {key: None if data[key] is None else re.compile(*data[key]) for key in REGEXES}
        prefix, suffix, infix, token_match, url_match = (regexes[key] for key in REGEXES)
        self.prefix_search: Callable[[str], re.Match[str] | None] | None = prefix.search if prefix else None
        self.suffix_search: Callable[[str], re.Match[str] | None] | None = suffix.search if suffix else None
        self.infix_finditer: Callable[[str], Iterable[re.Match[str]]] | None = infix.finditer if infix else None
        self.token_match: Callable[[str], re.Match[str] | None] | None = token_match.match if token_match else None
        self.url_match: Callable[[str], re.Match[str] | None] | None = url_match.match if url_match else None
        self.specials: dict[str, Pieces] = {
            chunk: (tuple(orth for orth, _ in pieces), tuple(norm for _, norm in pieces))
            for chunk, pieces in data["specials"].items()
        }
        self.faster_heuristics = bool(data.get("faster_heuristics", True))
        self._cache: dict[str, Pieces] = {}
        self._prefix_memo: dict[str, int] = {}
        self._suffix_memo: dict[str, int] = {}
        self._trie: dict[Any, Any] = {}
        for pattern in self.special_patterns() if patterns is None else patterns:
            node = self._trie
            for orth in pattern:
                node = node.setdefault(orth, {})
            node[None] = True

    # -- the special matcher's patterns (spaCy's ``add_special_case``) ----------------------------------------

    def special_patterns(self) -> list[tuple[str, ...]]:
        """The texts of the tokens each special case is split into without special cases, for those that the
        affix rules split (spaCy adds only these to its special matcher, with ``faster_heuristics``)."""
        patterns = []
        for chunk in sorted(self.specials):
            if not self.faster_heuristics or self._affixed(chunk) or " " in chunk:
                words, _spaces, _norms = self.tokenize_affixes(chunk, with_special_cases=False)
                patterns.append(tuple(words))
        return patterns

    def _affixed(self, text: str) -> bool:
        if self.prefix_search is not None and self._length(self.prefix_search(text)):
            return True
        if self.infix_finditer is not None and any(True for _ in self.infix_finditer(text)):
            return True
        return self.suffix_search is not None and bool(self._length(self.suffix_search(text)))

    @staticmethod
    def _length(match: re.Match[str] | None) -> int:
        return match.end() - match.start() if match is not None else 0

    # -- tokenizing -------------------------------------------------------------------------------------------

    def __call__(self, text: str) -> tuple[list[str], list[bool], list[str | None], bool]:
        """Words, trailing spaces, special-case norms, and whether the first token lost its sentence start."""
        words, spaces, norms = self.tokenize_affixes(text, with_special_cases=True)
        first_reset = self._apply_special_cases(words, spaces, norms) if words and self._trie else False
        return words, spaces, norms, first_reset

    def tokenize_affixes(self, text: str, with_special_cases: bool) -> tuple[list[str], list[bool], list[str | None]]:
        """spaCy's ``_tokenize_affixes``: split on white space and tokenize each chunk.

        A white space run that follows a token and starts with a single space gives that token its trailing
        space; the rest of the run (or the whole run, at the start of the text) is a token.
        """
        words: list[str] = []
        norms: list[str | None] = []
        spaced: list[int] = []
        specials = self.specials if with_special_cases else {}
        cache = self._cache if with_special_cases else {}
        for run in _RUNS.findall(text):
            if run[0] == " " and words:
                spaced.append(len(words) - 1)
                run = run[1:]
                if not run:
                    continue
            if run[0].isspace() or len(run) <= MAX_CHUNK:
                self._add_chunk(run, specials, cache, with_special_cases, words, norms)
                continue
            for piece, repeated in _long_pieces(run):
                if repeated:
                    words.append(piece)
                    norms.append(None)
                    continue
                for start in range(0, len(piece), MAX_CHUNK):
                    self._add_chunk(piece[start : start + MAX_CHUNK], specials, cache, with_special_cases, words, norms)
        spaces = [False] * len(words)
        for i in spaced:
            spaces[i] = True
        return words, spaces, norms

    def _add_chunk(
        self,
        part: str,
        specials: dict[str, Pieces],
        cache: dict[str, Pieces],
        with_special_cases: bool,
        words: list[str],
        norms: list[str | None],
    ) -> None:
        """Tokenize one chunk (through the cache) onto ``words`` and ``norms``."""
        found = specials.get(part) or cache.get(part)
        if found is None:
            found, special = self._tokenize(part, specials)
            if with_special_cases and not special:
                if len(cache) >= _MAX_CACHE:
                    cache.clear()
                cache[part] = found
        words.extend(found[0])
        norms.extend(found[1])

    def _tokenize(self, chunk: str, specials: dict[str, Pieces]) -> tuple[Pieces, bool]:
        """A chunk's tokens, and whether a special case was used (such results are not cached, as in spaCy)."""
        prefixes, core, suffixes = self._split_affixes(chunk, specials)
        words = list(prefixes)
        norms: list[str | None] = [None] * len(prefixes)
        special = False
        if core:
            found = specials.get(core)
            if found is not None:
                words.extend(found[0])
                norms.extend(found[1])
                special = True
            elif (self.token_match is not None and self.token_match(core)) or (
                self.url_match is not None and self.url_match(core)
            ):
                words.append(core)
                norms.append(None)
            else:
                infixed = self._split_infixes(core)
                words.extend(infixed)
                norms.extend([None] * len(infixed))
        words.extend(reversed(suffixes))
        norms.extend([None] * len(suffixes))
        return (tuple(words), tuple(norms)), special

    def _window_length(
        self, search: Callable[[str], re.Match[str] | None] | None, window: str, memo: dict[str, int]
    ) -> int:
        """The affix length ``search`` finds in a window of a long chunk, remembered: the windows of a run of
        one character repeat, and each search of a 64-character window tries every affix pattern at each place."""
        if search is None:
            return 0
        found = memo.get(window)
        if found is None:
            if len(memo) >= _MAX_CACHE:
                memo.clear()
            found = memo[window] = self._length(search(window))
        return found

    def _split_affixes(self, text: str, specials: dict[str, Pieces]) -> tuple[list[str], str, list[str]]:
        prefixes: list[str] = []
        suffixes: list[str] = []
        last_size = 0
        prefix_search = self.prefix_search
        suffix_search = self.suffix_search
        while text and len(text) != last_size:
            if self.token_match is not None and self.token_match(text):
                break
            if text in specials:
                break
            last_size = len(text)
            if last_size <= _MEMO_FROM:
                pre_len = self._length(prefix_search(text)) if prefix_search is not None else 0
            else:
                pre_len = self._window_length(prefix_search, text[:_AFFIX_WINDOW], self._prefix_memo)
            prefix = minus_pre = ""
            if pre_len:
                prefix = text[:pre_len]
                minus_pre = text[pre_len:]
                if minus_pre and minus_pre in specials:
                    prefixes.append(prefix)
                    text = minus_pre
                    break
            rest = text[pre_len:]
            if len(rest) <= _MEMO_FROM:
                suf_len = self._length(suffix_search(rest)) if suffix_search is not None else 0
            else:
                suf_len = self._window_length(suffix_search, rest[-_AFFIX_WINDOW:], self._suffix_memo)
            suffix = minus_suf = ""
            if suf_len:
                suffix = text[-suf_len:]
                minus_suf = text[:-suf_len]
                if minus_suf and minus_suf in specials:
                    suffixes.append(suffix)
                    text = minus_suf
                    break
            if pre_len and suf_len and pre_len + suf_len <= len(text):
                text = text[pre_len:-suf_len]
                prefixes.append(prefix)
                suffixes.append(suffix)
            elif pre_len:
                text = minus_pre
                prefixes.append(prefix)
            elif suf_len:
                text = minus_suf
                suffixes.append(suffix)
        return prefixes, text, suffixes

    def _split_infixes(self, text: str) -> list[str]:
        matches = list(self.infix_finditer(text)) if self.infix_finditer is not None else []
        if not matches:
            return [text]
        pieces = []
        start = 0
        for match in matches:
            infix_start, infix_end = match.span()
            if infix_start == 0:
                continue
            if infix_start != start:
                pieces.append(text[start:infix_start])
            if infix_start != infix_end:
                pieces.append(text[infix_start:infix_end])
            start = infix_end
        if start < len(text):
            pieces.append(text[start:])
        return pieces

    # -- the final pass: special cases the affix rules split --------------------------------------------------

    def _apply_special_cases(self, words: list[str], spaces: list[bool], norms: list[str | None]) -> bool:
        """spaCy's ``_apply_special_cases``, in place; whether token 0 was replaced (it loses its sentence start)."""
        matches = self._find_matches(words)
        if not matches:
            return False
        # Longest first, then leftmost; a match is kept unless its first or last token is already covered (by
        # any earlier match, kept or not).
        matches.sort(key=lambda m: (m[0] - m[1], m[0]))
        seen: set[int] = set()
        kept = []
        for start, end in matches:
            if start not in seen and end - 1 not in seen:
                kept.append((start, end))
            seen.update(range(start, end))
        kept.sort()
        first_reset = False
        for start, end in reversed(kept):
            text = "".join(words[i] + (" " if spaces[i] else "") for i in range(start, end - 1)) + words[end - 1]
            pieces = self.specials.get(text)
            if pieces is None:
                continue
            final_space = spaces[end - 1]
            words[start:end] = pieces[0]
            norms[start:end] = pieces[1]
            spaces[start:end] = [*([False] * (len(pieces[0]) - 1)), final_space]
            if start == 0:
                first_reset = True
        return first_reset

    def _find_matches(self, words: list[str]) -> list[tuple[int, int]]:
        """Every ``(start, end)`` whose token texts are a pattern (spaCy's ``PhraseMatcher.find_matches``)."""
        trie = self._trie
        matches: list[tuple[int, int]] = []
        if trie.keys().isdisjoint(words):
            return matches
        length = len(words)
        for start in range(length):
            node = trie.get(words[start])
            if node is None:
                continue
            end = start + 1
            while True:
                if None in node:
                    matches.append((start, end))
                if end >= length:
                    break
                node = node.get(words[end])
                if node is None:
                    break
                end += 1
        return matches
