"""Read what the light pipeline needs out of a built spaCy pipeline, as plain (marshal-able) data.

This is the only module of the package that imports spaCy, and it runs once per cache entry. It refuses (raises
``Unsupported``) a pipeline that is not the one the light port copies: a blank English tokenizer, the
sentencizer, and the engine's own components; the caller then keeps using spaCy.
"""

from __future__ import annotations

from typing import Any

#: Bump when the layout of the extracted data changes.
FORMAT = 1

#: Texts the light pipeline must tokenize and split into sentences exactly as spaCy does before it is used.
SELF_CHECK = (
    "Hi Dana,\n\nThank you for your time on Tuesday. I'M glad we met; DON\u2019T hesitate to call (555) 010-2000.",
    "I can't wait... It's 3:30pm, e.g. at U.S. Steel with Mr. Smith -- the '90s were $50k, 10-15% \u201cok\u201d?!",
    "  See https://example.com/jobs?id=1 or mail me@example.org.\r\n\tThanks!",
    "[Company Name] <insert> \u00a0 \u2014 \U0001f600 \u4f60\u597d. (Y'ALL) \"C'MON\" \u2026 well-known",
)


class Unsupported(Exception):  # noqa: N818 - a signal to keep using spaCy
    """The spaCy pipeline has something the light port does not copy."""


def extract(nlp: Any, components: tuple[str, ...]) -> dict[str, Any]:
    """The tokenizer's rules, the sentencizer's characters and the lexical data of ``nlp``'s vocabulary.

    ``components`` are the names of the pipes after the sentencizer that the caller runs itself.
    """
    from spacy.attrs import NORM, ORTH, intify_attrs

    if list(nlp.pipe_names) != ["sentencizer", *components]:
        raise Unsupported(f"pipes {nlp.pipe_names}")
    if nlp.vocab.lookups.tables or nlp.vocab.vectors.shape[0]:
        raise Unsupported("lookup tables or vectors")
    sentencizer = nlp.get_pipe("sentencizer")
    if sentencizer.overwrite:
        raise Unsupported("sentencizer overwrites")
    tokenizer = nlp.tokenizer
    specials: dict[str, list[tuple[str, str | None]]] = {}
    for chunk, pieces in tokenizer.rules.items():
        tokens = []
        for piece in pieces:
            attrs = intify_attrs(piece, strings_map=nlp.vocab.strings, _do_deprecated=True)
            if set(attrs) - {ORTH, NORM}:
                raise Unsupported(f"special case {chunk!r} sets {sorted(attrs)}")
            orth, norm = attrs[ORTH], attrs.get(NORM)
            tokens.append((_string(nlp, orth), None if norm is None else _string(nlp, norm)))
        specials[chunk] = tokens
    data: dict[str, Any] = {
        "format": FORMAT,
        "prefix": _regex(tokenizer.prefix_search),
        "suffix": _regex(tokenizer.suffix_search),
        "infix": _regex(tokenizer.infix_finditer),
        "token_match": _regex(tokenizer.token_match),
        "url_match": _regex(tokenizer.url_match),
        "faster_heuristics": bool(tokenizer.faster_heuristics),
        "specials": specials,
        "punct_chars": sorted(sentencizer.punct_chars),
        **_lexical(nlp),
    }
    from .tokenizer import Tokenizer

    data["patterns"] = Tokenizer(data, patterns=()).special_patterns()
    return data


def self_check(nlp: Any, light: Any) -> str | None:
    """The first difference between ``nlp`` and ``light`` (both run fully) on ``SELF_CHECK``, or ``None``."""
    for text in SELF_CHECK:
        expected = [(t.text, t.whitespace_, t.norm_, t.is_punct, t.like_num, t.is_sent_start) for t in nlp(text)]
        found = [(t.text, t.whitespace_, t.norm_, t.is_punct, t.like_num, t.is_sent_start) for t in light(text)]
        if expected != found:
            return f"{text!r}: {expected} != {found}"
    return None


def _string(nlp: Any, value: Any) -> str:
    return value if isinstance(value, str) else nlp.vocab.strings[value]


def _regex(function: Any) -> tuple[str, int] | None:
    if function is None:
        return None
    pattern = getattr(function, "__self__", None)
    if pattern is None or not isinstance(getattr(pattern, "pattern", None), str):
        raise Unsupported(f"not a compiled regex: {function!r}")
    return pattern.pattern, pattern.flags


def _lexical(nlp: Any) -> dict[str, Any]:
    """The word lists and regexes of the lexical attributes, after checking the getters are spaCy's own."""
    import functools

    from spacy import attrs, util
    from spacy.lang import lex_attrs
    from spacy.lang.en import lex_attrs as en_lex_attrs

    getters = nlp.vocab.lex_attr_getters
    expected = {
        attrs.LOWER: lex_attrs.lower,
        attrs.IS_ALPHA: lex_attrs.is_alpha,
        attrs.IS_DIGIT: lex_attrs.is_digit,
        attrs.IS_LOWER: lex_attrs.is_lower,
        attrs.IS_SPACE: lex_attrs.is_space,
        attrs.IS_TITLE: lex_attrs.is_title,
        attrs.IS_UPPER: lex_attrs.is_upper,
        attrs.IS_PUNCT: lex_attrs.is_punct,
        attrs.IS_ASCII: lex_attrs.is_ascii,
        attrs.LIKE_EMAIL: lex_attrs.like_email,
        attrs.LIKE_URL: lex_attrs.like_url,
        attrs.LIKE_NUM: en_lex_attrs.like_num,
    }
    for attr, function in expected.items():
        if getters.get(attr) is not function:
            raise Unsupported(f"lexical attribute {attr}: {getters.get(attr)!r}")
    norm = getters.get(attrs.NORM)
    if not (
        isinstance(norm, functools.partial)
        and norm.func is util._get_attr_unless_lookup
        and norm.args[:1] == (lex_attrs.lower,)
        and len(norm.args) == 2
        and not norm.keywords
    ):
        raise Unsupported(f"norm getter {norm!r}")
    base_norms: dict[str, str] = {}
    for table in reversed(norm.args[1]):  # the first table that has a word wins
        base_norms.update(table)
    return {
        "base_norms": base_norms,
        "num_words": list(en_lex_attrs._num_words),
        "ordinal_words": list(en_lex_attrs._ordinal_words),
        "tlds": sorted(lex_attrs._tlds),
        "like_email": _regex(lex_attrs._like_email),
        "like_url_match": _regex(lex_attrs.URL_MATCH),
    }
