"""Lexical attributes of a token text, as spaCy's English vocabulary computes them (``spacy/lang/lex_attrs.py``).

The word lists and regexes come from spaCy (``extract``); the functions are spaCy's, memoised per text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, TypeVar

#: The regexes of the lexical data, by key.
REGEXES = ("like_email", "like_url_match")


#: Texts remembered per attribute (a memo is emptied when full, so a long-running server stays small).
_MAX_MEMO = 50_000

T = TypeVar("T")


def _remember(memo: dict[str, T], text: str, value: T) -> T:
    if len(memo) >= _MAX_MEMO:
        memo.clear()
    memo[text] = value
    return value


class Lexicon:
    """Norms and the flags ``is_punct``, ``like_num``, ``like_url``, ``like_email`` of token texts."""

    __slots__ = ("_email", "_like_num", "_norms", "_numbers", "_punct", "_tlds", "_url", "_url_match", "base_norms")

    def __init__(self, data: dict[str, Any], regexes: dict[str, re.Pattern[str]] | None = None) -> None:
        """``regexes``: ``REGEXES`` compiled (else compiled here from the data's sources)."""
        if regexes is None:
            regexes = {key: re.compile(*data[key]) for key in REGEXES}
        self.base_norms: dict[str, str] = dict(data["base_norms"])
        self._numbers = frozenset(data["num_words"]) | frozenset(data["ordinal_words"])
        self._tlds = frozenset(data["tlds"])
        self._email = regexes["like_email"].match
        self._url_match = regexes["like_url_match"].match
        self._norms: dict[str, str] = {}
        self._punct: dict[str, bool] = {}
        self._url: dict[str, bool] = {}
        self._like_num: dict[str, bool] = {}

    def norm(self, text: str) -> str:
        """The lexeme's norm: spaCy's base norm exceptions, else the lower case."""
        norm = self._norms.get(text)
        if norm is None:
            norm = _remember(self._norms, text, self.base_norms.get(text, text.lower()))
        return norm

    def is_punct(self, text: str) -> bool:
        punct = self._punct.get(text)
        if punct is None:
            punct = _remember(self._punct, text, all(unicodedata.category(char).startswith("P") for char in text))
        return punct

    def like_num(self, text: str) -> bool:
        """spaCy's English ``like_num``: digits (with , . / and a sign), number and ordinal words, 21st."""
        number = self._like_num.get(text)
        if number is None:
            number = _remember(self._like_num, text, self._number(text))
        return number

    def _number(self, text: str) -> bool:
        if text.startswith(("+", "-", "±", "~")):
            text = text[1:]
        text = text.replace(",", "").replace(".", "")
        if text.isdigit():
            return True
        if text.count("/") == 1:
            num, denom = text.split("/")
            if num.isdigit() and denom.isdigit():
                return True
        lower = text.lower()
        if lower in self._numbers:
            return True
        return lower.endswith(("st", "nd", "rd", "th")) and lower[:-2].isdigit()

    def like_email(self, text: str) -> bool:
        return bool(self._email(text))

    def like_url(self, text: str) -> bool:
        url = self._url.get(text)
        if url is None:
            url = _remember(self._url, text, self._like_url(text))
        return url

    def _like_url(self, text: str) -> bool:
        if text.startswith(("http://", "https://")):
            return True
        if text.startswith("www.") and len(text) >= 5:
            return True
        if text[0] == "." or text[-1] == ".":
            return False
        if "@" in text or "." not in text:
            return False
        tld = text.rsplit(".", 1)[1].split(":", 1)[0]
        if tld.endswith("/"):
            return True
        if tld.isalpha() and tld in self._tlds:
            return True
        return bool(self._url_match(text))
