"""``Doc``, ``Token`` and ``Span`` with spaCy's attribute names and meanings, over plain Python lists."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import accumulate
from operator import add
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    from .lexicon import Lexicon


def _normalize_slice(length: int, start: int | None, stop: int | None, step: int | None) -> tuple[int, int]:
    """spaCy's ``util.normalize_slice``: contiguous, clipped, ``stop >= start``."""
    if not (step is None or step == 1):
        raise ValueError("Stepped slices not supported in Span objects.")
    if start is None:
        start = 0
    elif start < 0:
        start += length
    start = min(length, max(0, start))
    if stop is None:
        stop = length
    elif stop < 0:
        stop += length
    stop = min(length, max(start, stop))
    return start, stop


class Doc:
    """A tokenised text: token texts, trailing spaces, offsets, norms and sentence starts.

    ``sent_starts`` holds spaCy's values: 1 starts a sentence, -1 does not, 0 unknown (``Token.is_sent_start``
    gives True, False, None). ``norms[i]`` is the special case's norm, or ``None`` for the lexeme's norm.
    """

    __slots__ = (
        "_norm_values",
        "_sent_spans",
        "_tokens",
        "idx",
        "lexicon",
        "norms",
        "sent_starts",
        "spaces",
        "text",
        "words",
    )

    def __init__(
        self,
        lexicon: Lexicon,
        text: str,
        words: list[str],
        spaces: list[bool],
        norms: list[str | None],
        sent_starts: list[int],
    ) -> None:
        self.lexicon = lexicon
        self.text = text
        self.words = words
        self.spaces = spaces
        self.norms = norms
        self.sent_starts = sent_starts
        self.idx = [0, *accumulate(map(add, map(len, words), spaces))][: len(words)]
        self._tokens: list[Token] | None = None
        self._norm_values: list[str] | None = None
        self._sent_spans: tuple[list[int], list[Span]] | None = None

    @property
    def text_with_ws(self) -> str:
        return self.text

    def norm_values(self) -> list[str]:
        """Every token's ``norm_`` (the special case's norm, else the lexeme's), worked out once."""
        values = self._norm_values
        if values is None:
            norm = self.lexicon.norm
            values = self._norm_values = [
                norm(word) if special is None else special for word, special in zip(self.words, self.norms, strict=True)
            ]
        return values

    def column(self, name: str) -> list[Any]:
        """Every token's value of the attribute ``name`` (``norm_``, ``lower_``, ``is_punct``, ``idx``...), as
        reading it from each token gives it (a new list, except ``norm_``'s), without making the tokens."""
        words = self.words
        lexicon = self.lexicon
        if name == "norm_":
            return self.norm_values()
        if name in ("orth_", "text"):
            return list(words)
        if name == "lower_":
            return [word.lower() for word in words]
        if name == "idx":
            return list(self.idx)
        if name == "is_sent_start":
            return [None if value == 0 else value > 0 for value in self.sent_starts]
        method = _FLAG_METHODS.get(name)
        if method is not None:
            return [method(word) for word in words]
        if name in _LEXICON_FLAGS:
            return list(map(getattr(lexicon, name), words))
        tokens = self._all()
        return [getattr(token, name) for token in tokens]

    def _all(self) -> list[Token]:
        tokens = self._tokens
        if tokens is None:
            tokens = self._tokens = [Token(self, i, word) for i, word in enumerate(self.words)]
        return tokens

    def __len__(self) -> int:
        return len(self.words)

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> Span: ...
    def __getitem__(self, i: int | slice) -> Token | Span:
        if isinstance(i, slice):
            start, stop = _normalize_slice(len(self.words), i.start, i.stop, i.step)
            return Span(self, start, stop)
        return self._all()[i]

    def __iter__(self) -> Iterator[Token]:
        return iter(self._all())

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text

    def has_annotation(self, attr: str) -> bool:
        """Whether sentence boundaries are set (``"SENT_START"``, ``"SENT_END"``); no other annotation exists."""
        if len(self.words) <= 1:
            return True  # spaCy: empty docs and docs of one token are always annotated
        if attr in {"SENT_START", "IS_SENT_START", "IS_SENT_END"}:
            return any(value != 0 for value in self.sent_starts[1:])
        return False

    @property
    def sents(self) -> Iterator[Span]:
        """The sentences, as spaCy yields them from the sentence starts."""
        if not self.has_annotation("SENT_START"):
            raise ValueError("[E030] Sentence boundaries unset.")
        return self._sents()

    def _sents(self) -> Iterator[Span]:
        """The sentence spans, made once for the current sentence starts (many checks read them)."""
        starts = self.sent_starts
        cached = self._sent_spans
        if cached is None or cached[0] != starts:
            spans = []
            start = 0
            for i in range(1, len(starts)):
                if starts[i] == 1:
                    spans.append(Span(self, start, i))
                    start = i
            if start != len(starts):
                spans.append(Span(self, start, len(starts)))
            cached = self._sent_spans = (list(starts), spans)
        return iter(cached[1])


#: Flags that are a ``str`` method of the token's text (``Token.is_alpha`` is ``text.isalpha()``...).
_FLAG_METHODS: dict[str, Callable[[str], bool]] = {
    "is_space": str.isspace,
    "is_alpha": str.isalpha,
    "is_digit": str.isdigit,
    "is_lower": str.islower,
    "is_upper": str.isupper,
    "is_title": str.istitle,
    "is_ascii": str.isascii,
}
#: Flags that the ``Lexicon`` works out from the token's text.
_LEXICON_FLAGS = frozenset({"is_punct", "like_num", "like_url", "like_email"})


class Token:
    """One token of a ``Doc``: its text, and a view of the ``Doc``'s lists for the rest."""

    __slots__ = ("doc", "i", "text")

    def __init__(self, doc: Doc, i: int, text: str) -> None:
        self.doc = doc
        self.i = i
        self.text = text

    @property
    def orth_(self) -> str:
        return self.text

    @property
    def idx(self) -> int:
        return self.doc.idx[self.i]

    @property
    def whitespace_(self) -> str:
        return " " if self.doc.spaces[self.i] else ""

    @property
    def text_with_ws(self) -> str:
        return self.text + (" " if self.doc.spaces[self.i] else "")

    @property
    def lower_(self) -> str:
        return self.text.lower()

    @property
    def norm_(self) -> str:
        values = self.doc._norm_values
        return (values if values is not None else self.doc.norm_values())[self.i]

    @property
    def is_space(self) -> bool:
        return self.text.isspace()

    @property
    def is_alpha(self) -> bool:
        return self.text.isalpha()

    @property
    def is_digit(self) -> bool:
        return self.text.isdigit()

    @property
    def is_lower(self) -> bool:
        return self.text.islower()

    @property
    def is_upper(self) -> bool:
        return self.text.isupper()

    @property
    def is_title(self) -> bool:
        return self.text.istitle()

    @property
    def is_ascii(self) -> bool:
        return self.text.isascii()

    @property
    def is_punct(self) -> bool:
        return self.doc.lexicon.is_punct(self.text)

    @property
    def like_num(self) -> bool:
        return self.doc.lexicon.like_num(self.text)

    @property
    def like_url(self) -> bool:
        return self.doc.lexicon.like_url(self.text)

    @property
    def like_email(self) -> bool:
        return self.doc.lexicon.like_email(self.text)

    @property
    def is_sent_start(self) -> bool | None:
        value = self.doc.sent_starts[self.i]
        return None if value == 0 else value > 0

    @is_sent_start.setter
    def is_sent_start(self, value: bool | None) -> None:
        if value is None:
            self.doc.sent_starts[self.i] = 0
        elif value is True:
            self.doc.sent_starts[self.i] = 1
        elif value is False:
            self.doc.sent_starts[self.i] = -1
        else:
            raise ValueError(
                f"[E044] Invalid value for token.is_sent_start: {value}. Must be one of: None, True, False"
            )

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


class Span:
    """Tokens ``start`` to ``end`` (exclusive) of a ``Doc``."""

    __slots__ = ("doc", "end", "end_char", "start", "start_char")

    def __init__(self, doc: Doc, start: int, end: int) -> None:
        if not (0 <= start <= end <= len(doc.words)):
            raise IndexError(
                f"[E035] Error creating span with start {start} and end {end} for Doc of length {len(doc)}."
            )
        self.doc = doc
        self.start = start
        self.end = end
        self.start_char = doc.idx[start] if start < len(doc.words) else len(doc.text)
        self.end_char = self.start_char if start == end else doc.idx[end - 1] + len(doc.words[end - 1])

    @property
    def text(self) -> str:
        return self.doc.text[self.start_char : self.end_char]

    @property
    def text_with_ws(self) -> str:
        end = self.end_char + (1 if self.end > self.start and self.doc.spaces[self.end - 1] else 0)
        return self.doc.text[self.start_char : end]

    def __len__(self) -> int:
        return self.end - self.start

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Span) and (other.doc, other.start, other.end) == (self.doc, self.start, self.end)

    def __hash__(self) -> int:
        return hash((id(self.doc), self.start, self.end))

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> Span: ...
    def __getitem__(self, i: int | slice) -> Token | Span:
        if isinstance(i, slice):
            start, stop = _normalize_slice(len(self), i.start, i.stop, i.step)
            return Span(self.doc, self.start + start, self.start + stop)
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("[E1002] Span index out of range.")
        return self.doc._all()[self.start + i]

    def __iter__(self) -> Iterator[Token]:
        tokens = self.doc._all()
        for i in range(self.start, self.end):
            yield tokens[i]

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text
