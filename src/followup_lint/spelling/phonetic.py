"""A compact sound-alike key (Metaphone-style) so that "aricticure" can find "architecture"."""

from __future__ import annotations

import re

_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"^(?:kn|gn|pn|wr|ps)", lambda m: m.group()[1]),  # type: ignore[list-item]
        (r"^x", "s"),
        (r"^wh", "w"),
        (r"[^a-z]", ""),
        (r"mb$", "m"),
        (r"ph", "f"),
        (r"gh(?=[aeiouy])", "g"),
        (r"gh", ""),
        (r"sch", "sk"),
        (r"tch", "ch"),
        (r"t?ch|sh|ti(?=[aeiou])|ci(?=[aeiou])|si(?=[aeiou])|ssi(?=[aeiou])", "X"),
        (r"ck", "k"),
        (r"c(?=[eiy])", "s"),
        (r"[cq]", "k"),
        (r"dg(?=[eiy])", "j"),
        (r"g(?=[eiy])", "j"),
        (r"th", "0"),
        (r"x", "ks"),
        (r"z", "s"),
        (r"v", "f"),
        (r"w(?![aeiou])", ""),
        (r"y(?![aeiou])", ""),
        (r"(?<=[aeiou])h(?![aeiou])", ""),
    )
)


def key(word: str) -> str:
    """The sound-alike key: consonant skeleton, first vowel kept as ``A``, doubled letters collapsed."""
    text = word.lower()
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    if not text:
        return ""
    head = "A" if text[0] in "aeiouy" else text[0]
    rest = re.sub(r"[aeiouy]", "", text[1:])
    out = head
    for ch in rest:
        if ch != out[-1]:
            out += ch
    return out
