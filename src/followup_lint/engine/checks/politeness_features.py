"""Politeness strategies (Danescu-Niculescu-Mizil et al., ACL 2013) as features of a text.

A text is given as sentences of lower-cased spaCy ``NORM`` tokens, so contractions count as their full form
("can't" gives ``can``, ``not``). The same function serves the linter (a draft's body) and the training and
bench scripts (the requests of the Stanford Politeness Corpus), so the learned weights mean the same thing in
both places. Each feature is 1.0 when the strategy occurs anywhere in the text, else 0.0, except
``question_rate`` (question marks per sentence, capped). The positive / negative lexicon strategies use words
of the VADER sentiment lexicon (``rules/_data/sentiment-vader.txt``). Every test is a set lookup on tokens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

Sentence = Sequence[str]

_GRATITUDE = {"thank", "thanks", "thanked", "thx", "grateful", "gratitude", "appreciate", "appreciated", "appreciative"}
_DEFERENCE = {
    "great",
    "good",
    "nice",
    "interesting",
    "cool",
    "excellent",
    "awesome",
    "wonderful",
    "fantastic",
    "impressive",
    "brilliant",
}
_GREETING = {"hi", "hello", "hey", "dear", "greetings", "howdy"}
_APOLOGY = {"sorry", "apologize", "apologise", "apologies", "apology", "apologizing", "apologising", "regret"}
_PLEASE = {"please", "pls", "plz", "kindly"}
_WH = {"what", "why", "who", "how", "where", "when", "which", "whose"}
_CONJ_START = {"so", "then", "and", "but", "or", "anyway", "well"}
_FIRST_SINGULAR = {"i", "me", "my", "mine", "myself"}
_FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
_SECOND = {"you", "your", "yours", "yourself", "u", "ur"}
_HEDGES = {
    "think",
    "thought",
    "believe",
    "suggest",
    "suggested",
    "maybe",
    "perhaps",
    "might",
    "possibly",
    "probably",
    "seems",
    "seem",
    "seemed",
    "guess",
    "wonder",
    "wondering",
    "wondered",
    "somewhat",
    "suppose",
    "assume",
    "apparently",
    "likely",
    "unclear",
    "hope",
    "hoping",
    "hoped",
    "mostly",
    "fairly",
    "rather",
    "sort",
    "kind",
    "bit",
}
_FACTUALITY = {"actually", "obviously", "clearly", "honestly", "seriously", "surely", "definitely", "certainly"}
_IMPERATIVE = {
    "do",
    "send",
    "tell",
    "give",
    "stop",
    "look",
    "check",
    "read",
    "see",
    "go",
    "make",
    "get",
    "fix",
    "add",
    "explain",
    "answer",
    "respond",
    "reply",
    "remove",
    "revert",
    "change",
    "put",
    "leave",
    "keep",
    "take",
    "use",
    "provide",
    "show",
    "note",
    "consider",
    "try",
    "write",
    "delete",
    "move",
    "quit",
    "learn",
    "find",
    "call",
}
#: Auxiliaries and modals that open a yes/no question ("Can't you ...?", "Isn't it ...?", "Shouldn't you ...?").
_AUXILIARY = {
    "do", "does", "did", "is", "are", "was", "were", "am", "have", "has", "had",
    "can", "could", "will", "would", "shall", "should", "may", "might", "must",
}  # fmt: skip
_OBLIGATION = {"need", "must", "should", "have", "has", "ought"}
_NEGATION = {"not", "no", "never"}

#: VADER's scale runs from -4 to +4: a word counts as positive (negative) from a mean valence of +1 (-1), as
#: strongly negative from -2.
SENTIMENT_FILE = "sentiment-vader.txt"
SENTIMENT_MIN = 1.0
STRONG_NEGATIVE = -2.0
#: Words that mark another strategy here ("thanks", "please", "sorry", "hi", "perhaps", "clearly", "no" ...)
#: are not counted as sentiment too.
_OTHER_STRATEGIES = _GRATITUDE | _PLEASE | _APOLOGY | _GREETING | _HEDGES | _FACTUALITY | _NEGATION
Lexicon = tuple[frozenset[str], frozenset[str], frozenset[str]]


@lru_cache(maxsize=1)
def sentiment_words() -> Lexicon:
    """(positive, negative, strongly negative) words of ``rules/_data/sentiment-vader.txt`` (a subset of the
    VADER lexicon, MIT licence; see its header): parsed once into the user cache (parsing takes ~5 ms, loading
    the cached sets about 1 ms), then kept for the process."""
    from ...cache import cached, key, stat_stamp
    from ..loader import builtin_rules_dir

    path = builtin_rules_dir() / "_data" / SENTIMENT_FILE
    entry = key(stat_stamp([path]), f"{SENTIMENT_MIN} {STRONG_NEGATIVE}", " ".join(sorted(_OTHER_STRATEGIES)))
    positive, negative, strong = cached("sentiment", entry, lambda: _read_sentiment(path))
    return positive, negative, strong


def _read_sentiment(path: Path) -> Lexicon:
    positive: set[str] = set()
    negative: set[str] = set()
    strong: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line[0] == "#":
            continue
        word, _, value = line.partition("\t")
        if word in _OTHER_STRATEGIES:
            continue
        valence = float(value)
        if valence >= SENTIMENT_MIN:
            positive.add(word)
        elif valence <= -SENTIMENT_MIN:
            negative.add(word)
            if valence <= STRONG_NEGATIVE:
                strong.add(word)
    return frozenset(positive), frozenset(negative), frozenset(strong)


class _Text:
    """One text's tokens, read once for all the tests: every token, each sentence, and the sets of all words,
    of sentence-initial words and of the other words."""

    __slots__ = ("firsts", "later", "sentences", "tokens", "words")

    def __init__(self, sentences: list[list[str]]) -> None:
        self.sentences = sentences
        self.tokens = [t for s in sentences for t in s]
        self.words = set(self.tokens)
        self.firsts = {s[0] for s in sentences}
        self.later = {t for s in sentences for t in s[1:]}


def _sentiment(text: _Text, which: int) -> bool:
    """A word of the sentiment lexicon ``which`` (0 positive, 1 negative, 2 strongly negative)."""
    return not sentiment_words()[which].isdisjoint(text.words)


def _starts(text: _Text, words: set[str]) -> bool:
    return not words.isdisjoint(text.firsts)


def _anywhere(text: _Text, words: set[str]) -> bool:
    return not words.isdisjoint(text.words)


def _not_first(text: _Text, words: set[str]) -> bool:
    return not words.isdisjoint(text.later)


def _bigram(text: _Text, first: set[str], second: set[str]) -> bool:
    if first.isdisjoint(text.words) or second.isdisjoint(text.words):
        return False
    return any(a in first and b in second for a, b in pairwise(text.tokens))


def _phrase(text: _Text, phrase: tuple[str, ...]) -> bool:
    if phrase[0] not in text.words:
        return False
    tokens = text.tokens
    n = len(phrase)
    return any(tuple(tokens[i : i + n]) == phrase for i in range(len(tokens) - n + 1))


def _direct_question(text: _Text) -> bool:
    return any(s[0] in _WH and "?" in s for s in text.sentences)


#: Question marks per sentence count up to this many (so "Why??!??" cannot outweigh everything else).
QUESTION_RATE_MAX = 2.0


def _question_rate(text: _Text) -> float:
    """Question marks per sentence, capped at ``QUESTION_RATE_MAX``: repeated questioning, independent of length."""
    if not text.sentences:
        return 0.0
    return min(QUESTION_RATE_MAX, text.tokens.count("?") / len(text.sentences))


def _rhetorical_question(text: _Text) -> bool:
    """A question that asserts rather than asks: a negative yes/no question ("Can't you read?", "Isn't it
    obvious?", "Shouldn't you cite it?"; such questions presuppose their answer, Ladd 1981, Han 2002) or an
    incredulous "really" ("Really?", "Was it really required?")."""
    if "?" not in text.words:
        return False
    return any("?" in s and ((s[0] in _AUXILIARY and "not" in s[1:4]) or "really" in s) for s in text.sentences)


def _obligation(text: _Text) -> bool:
    """``you need to``, ``you must``, ``you should``, ``you have to``."""
    tokens = text.tokens
    if _OBLIGATION.isdisjoint(text.words):
        return False
    for a, b, c in zip(tokens, tokens[1:], [*tokens[2:], ""], strict=False):
        if a in {"you", "u"} and b in _OBLIGATION and (b not in {"need", "have", "has", "ought"} or c == "to"):
            return True
    return False


#: Feature name → test over a text (``_Text``): a bool (the strategy occurs) or, for ``question_rate``, a
#: number. The order is the order of the weights file.
FEATURES: dict[str, Callable[[_Text], bool | float]] = {
    "gratitude": lambda t: _anywhere(t, _GRATITUDE),
    "deference": lambda t: _starts(t, _DEFERENCE),
    "greeting": lambda t: _starts(t, _GREETING),
    "apology": lambda t: _anywhere(t, _APOLOGY) or _phrase(t, ("excuse", "me")) or _phrase(t, ("forgive", "me")),
    "please": lambda t: _not_first(t, _PLEASE),
    "please_start": lambda t: _starts(t, _PLEASE),
    "by_the_way": lambda t: _phrase(t, ("by", "the", "way")) or "btw" in t.words,
    "direct_question": _direct_question,
    "why": lambda t: "why" in t.words,
    "direct_start": lambda t: _starts(t, _CONJ_START),
    "counterfactual_modal": lambda t: _bigram(t, {"could", "would"}, _SECOND),
    "indicative_modal": lambda t: _bigram(t, {"can", "will"}, _SECOND),
    "first_person_start": lambda t: _starts(t, _FIRST_SINGULAR),
    "first_person": lambda t: _not_first(t, _FIRST_SINGULAR),
    "first_person_plural": lambda t: _anywhere(t, _FIRST_PLURAL),
    "second_person_start": lambda t: _starts(t, _SECOND),
    "second_person": lambda t: _not_first(t, _SECOND),
    "obligation": _obligation,
    "hedge": lambda t: _anywhere(t, _HEDGES),
    "wondering": lambda t: _bigram(t, {"wondering", "wonder", "wondered"}, {"if", "whether"}),
    "factuality": lambda t: (
        _anywhere(t, _FACTUALITY) or _phrase(t, ("in", "fact")) or _bigram(t, {"the"}, {"point", "reality", "fact"})
    ),
    "imperative_start": lambda t: _starts(t, _IMPERATIVE),
    "positive": lambda t: _sentiment(t, 0),
    "negative": lambda t: _sentiment(t, 1),
    "strong_negative": lambda t: _sentiment(t, 2),
    "negation": lambda t: _anywhere(t, _NEGATION),
    "exclamation": lambda t: "!" in t.words,
    "question_rate": _question_rate,
    "rhetorical_question": _rhetorical_question,
}


def strategy_features(sentences: Sequence[Sentence]) -> dict[str, float]:
    """Which politeness strategies occur in ``sentences`` (each a list of lower-cased ``NORM`` tokens)."""
    text = _Text([list(s) for s in sentences if s])
    return {name: float(test(text)) for name, test in FEATURES.items()}


#: Stands for any link: the corpus the weights are learned from has ``<url>`` where its texts had links.
URL = "<url>"


def _is_lead(token: str) -> bool:
    """A token that opens a sentence without being part of its wording: markup or quote marks, a link, or an
    ``@name`` addressee (as in "@Sam: could you ...")."""
    return token == URL or token.startswith("@") or not any(c.isalnum() or c in "?!" for c in token)


def _norms(sent: Any) -> list[str]:
    """Lower-cased ``NORM`` tokens of one sentence; links (and the corpus's ``<url>`` placeholder, which the
    tokenizer splits in three) become ``URL``; leading markup, links and addressees are dropped, so that the
    sentence-start strategies ("Could you", "So ...", "Please ...") see the first word of the wording."""
    from ..patterns import token_view

    columns = token_view(sent.doc).columns  # the document's columns, read once for all its sentences
    texts, lowers, norm_values, spaces, urls = (
        columns["orth_"],
        columns["lower_"],
        columns["norm_"],
        columns["is_space"],
        columns["like_url"],
    )
    kept = [i for i in range(sent.start, sent.end) if not spaces[i]]
    norms: list[str] = []
    i = 0
    while i < len(kept):
        k = kept[i]
        if texts[k] == "<" and i + 2 < len(kept) and lowers[kept[i + 1]] == "url" and texts[kept[i + 2]] == ">":
            norms.append(URL)
            i += 3
            continue
        norms.append(URL if urls[k] else norm_values[k].lower())
        i += 1
    start = 0
    while start < len(norms) and _is_lead(norms[start]):
        start += 1
    return norms[start:]


def sentences_of(span_sents: Iterable[Any]) -> list[list[str]]:
    """Sentences of lower-cased ``NORM`` tokens from spaCy sentence spans, skipping white space (see ``_norms``)."""
    return [_norms(sent) for sent in span_sents]
