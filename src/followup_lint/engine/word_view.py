"""The tokens phrases and token patterns are matched on: every token but white space inside a paragraph.

A draft wrapped at 72 columns (as mail clients and many Markdown writers do), a double space after a full stop
or a stretch of blanked markup puts a white-space token between two words, and spaCy's matchers then miss "I
really need / this job" or "As previously / stated". Matching skips such *soft* white space: a white-space token
with at most one line break. A blank line (two or more line breaks) is kept, so a match never runs from one
paragraph into the next. A sentence that started on a skipped token starts on the next kept one.

Matches are mapped back to the draft's characters through the kept tokens' own offsets, so positions and fixes
refer to the text as written.
"""

from __future__ import annotations

from typing import Any

from .patterns import TokenView, token_view


def is_soft_space(text: str) -> bool:
    """Whether a white-space token's ``text`` lies inside a paragraph (at most one line break)."""
    return text.count("\n") < 2


def kept_tokens(view: TokenView) -> list[int] | None:
    """The tokens of ``view`` that are not soft white space, or None when that is all of them."""
    spaces = view.columns["is_space"]
    if True not in spaces:
        return None
    texts = view.columns["orth_"]
    kept = [i for i, space in enumerate(spaces) if not space or not is_soft_space(texts[i])]
    return kept if len(kept) < len(spaces) else None


class _KeptColumns(dict):  # type: ignore[type-arg]
    """``column -> [value of each kept token]``, taken on first use from the full view's columns (already in the
    form patterns read), with sentence starts moved past skipped tokens."""

    def __init__(self, full: TokenView, kept: list[int]) -> None:
        super().__init__()
        self.full = full
        self.kept = kept

    def __missing__(self, column: str) -> list[Any]:
        values = self.full.columns[column]
        if column == "is_sent_start":
            found: list[Any] = sentence_starts(values, self.kept)
        else:
            found = [values[i] for i in self.kept]
        self[column] = found
        return found


def sentence_starts(starts: list[Any], kept: list[int]) -> list[bool]:
    """Sentence starts of the kept tokens: a start on a skipped token moves to the next kept token."""
    found: list[bool] = []
    pending = False
    position = 0
    for i, start in enumerate(starts):
        if position < len(kept) and kept[position] == i:
            found.append(start is True or pending)
            pending = False
            position += 1
        elif start is True:
            pending = True
    return found


_last: tuple[Any, TokenView] | None = None


def word_view(doc: Any) -> TokenView:
    """The ``TokenView`` of ``doc`` without its soft white space (``doc``'s own view when it has none), shared by
    every rule linting the same document."""
    global _last
    cached = _last
    if cached is not None and cached[0] is doc:
        return cached[1]
    full = token_view(doc)
    kept = kept_tokens(full)
    view = full if kept is None else TokenView(kept, _KeptColumns(full, kept))
    _last = (doc, view)
    return view


def words_doc(doc: Any) -> tuple[Any, list[int] | None]:
    """A spaCy ``Doc`` of ``doc``'s kept tokens with their annotations (for rules that need spaCy's own matchers),
    and the kept tokens' positions in ``doc`` (None when nothing is skipped, and ``doc`` itself is returned)."""
    from spacy.tokens import Doc

    kept = kept_tokens(token_view(doc))
    if kept is None:
        return doc, None
    tokens = [doc[i] for i in kept]
    annotations: dict[str, Any] = {}
    if doc.has_annotation("TAG"):
        annotations["tags"] = [t.tag_ for t in tokens]
    if doc.has_annotation("POS"):
        annotations["pos"] = [t.pos_ for t in tokens]
    if doc.has_annotation("MORPH"):
        annotations["morphs"] = [str(t.morph) for t in tokens]
    if doc.has_annotation("LEMMA"):
        annotations["lemmas"] = [t.lemma_ for t in tokens]
    if doc.has_annotation("DEP"):
        where = {i: position for position, i in enumerate(kept)}
        annotations["heads"] = [where.get(t.head.i, position) for position, t in enumerate(tokens)]
        annotations["deps"] = [t.dep_ for t in tokens]
    elif doc.has_annotation("SENT_START"):
        annotations["sent_starts"] = sentence_starts([t.is_sent_start for t in doc], kept)
    if doc.has_annotation("ENT_IOB"):
        annotations["ents"] = _entity_tags(tokens)
    words = Doc(doc.vocab, words=[t.text for t in tokens], spaces=[True] * len(tokens), **annotations)
    for word, token in zip(words, tokens, strict=True):
        word.norm_ = token.norm_
    return words, kept


def _entity_tags(tokens: list[Any]) -> list[str]:
    """IOB entity tags of the kept tokens; an entity whose first token was skipped starts on its next kept one."""
    tags: list[str] = []
    for token in tokens:
        if not token.ent_type_:
            tags.append("O")
            continue
        inside = token.ent_iob_ == "I" and tags and tags[-1] != "O" and tags[-1][2:] == token.ent_type_
        tags.append(f"{'I' if inside else 'B'}-{token.ent_type_}")
    return tags
