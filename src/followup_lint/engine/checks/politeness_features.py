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


def _sentiment(tokens: Sentence, which: int) -> bool:
    """A word of the sentiment lexicon ``which`` (0 positive, 1 negative, 2 strongly negative)."""
    words = sentiment_words()[which]
    return any(t in words for t in tokens)


def _starts(sentences: Sequence[Sentence], words: set[str]) -> bool:
    return any(s and s[0] in words for s in sentences)


def _anywhere(tokens: Sentence, words: set[str]) -> bool:
    return any(t in words for t in tokens)


def _not_first(sentences: Sequence[Sentence], words: set[str]) -> bool:
    return any(t in words for s in sentences for t in s[1:])


def _bigram(tokens: Sentence, first: set[str], second: set[str]) -> bool:
    return any(a in first and b in second for a, b in pairwise(tokens))


def _phrase(tokens: Sentence, phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(tokens[i : i + n]) == phrase for i in range(len(tokens) - n + 1))


def _direct_question(sentences: Sequence[Sentence]) -> bool:
    return any(s and s[0] in _WH and "?" in s for s in sentences)


#: Question marks per sentence count up to this many (so "Why??!??" cannot outweigh everything else).
QUESTION_RATE_MAX = 2.0


def _question_rate(tokens: Sentence, sentences: Sequence[Sentence]) -> float:
    """Question marks per sentence, capped at ``QUESTION_RATE_MAX``: repeated questioning, independent of length."""
    return min(QUESTION_RATE_MAX, tokens.count("?") / len(sentences)) if sentences else 0.0


def _rhetorical_question(sentences: Sequence[Sentence]) -> bool:
    """A question that asserts rather than asks: a negative yes/no question ("Can't you read?", "Isn't it
    obvious?", "Shouldn't you cite it?"; such questions presuppose their answer, Ladd 1981, Han 2002) or an
    incredulous "really" ("Really?", "Was it really required?")."""
    return any("?" in s and ((s[0] in _AUXILIARY and "not" in s[1:4]) or "really" in s) for s in sentences)


def _obligation(tokens: Sentence) -> bool:
    """``you need to``, ``you must``, ``you should``, ``you have to``."""
    for a, b, c in zip(tokens, tokens[1:], [*tokens[2:], ""], strict=False):
        if a in {"you", "u"} and b in _OBLIGATION and (b not in {"need", "have", "has", "ought"} or c == "to"):
            return True
    return False


#: Feature name → test over (all tokens, sentences): a bool (the strategy occurs) or, for ``question_rate``, a
#: number. The order is the order of the weights file.
FEATURES: dict[str, Callable[[list[str], Sequence[Sentence]], bool | float]] = {
    "gratitude": lambda t, s: _anywhere(t, _GRATITUDE),
    "deference": lambda t, s: _starts(s, _DEFERENCE),
    "greeting": lambda t, s: _starts(s, _GREETING),
    "apology": lambda t, s: _anywhere(t, _APOLOGY) or _phrase(t, ("excuse", "me")) or _phrase(t, ("forgive", "me")),
    "please": lambda t, s: _not_first(s, _PLEASE),
    "please_start": lambda t, s: _starts(s, _PLEASE),
    "by_the_way": lambda t, s: _phrase(t, ("by", "the", "way")) or "btw" in t,
    "direct_question": lambda t, s: _direct_question(s),
    "why": lambda t, s: "why" in t,
    "direct_start": lambda t, s: _starts(s, _CONJ_START),
    "counterfactual_modal": lambda t, s: _bigram(t, {"could", "would"}, _SECOND),
    "indicative_modal": lambda t, s: _bigram(t, {"can", "will"}, _SECOND),
    "first_person_start": lambda t, s: _starts(s, _FIRST_SINGULAR),
    "first_person": lambda t, s: _not_first(s, _FIRST_SINGULAR),
    "first_person_plural": lambda t, s: _anywhere(t, _FIRST_PLURAL),
    "second_person_start": lambda t, s: _starts(s, _SECOND),
    "second_person": lambda t, s: _not_first(s, _SECOND),
    "obligation": lambda t, s: _obligation(t),
    "hedge": lambda t, s: _anywhere(t, _HEDGES),
    "wondering": lambda t, s: _bigram(t, {"wondering", "wonder", "wondered"}, {"if", "whether"}),
    "factuality": lambda t, s: (
        _anywhere(t, _FACTUALITY) or _phrase(t, ("in", "fact")) or _bigram(t, {"the"}, {"point", "reality", "fact"})
    ),
    "imperative_start": lambda t, s: _starts(s, _IMPERATIVE),
    "positive": lambda t, s: _sentiment(t, 0),
    "negative": lambda t, s: _sentiment(t, 1),
    "strong_negative": lambda t, s: _sentiment(t, 2),
    "negation": lambda t, s: _anywhere(t, _NEGATION),
    "exclamation": lambda t, s: "!" in t,
    "question_rate": _question_rate,
    "rhetorical_question": lambda t, s: _rhetorical_question(s),
}


def strategy_features(sentences: Sequence[Sentence]) -> dict[str, float]:
    """Which politeness strategies occur in ``sentences`` (each a list of lower-cased ``NORM`` tokens)."""
    sentences = [list(s) for s in sentences if s]
    tokens = [t for s in sentences for t in s]
    return {name: float(test(tokens, sentences)) for name, test in FEATURES.items()}


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
    tokens = [tok for tok in sent if not tok.is_space]
    norms: list[str] = []
    i = 0
    while i < len(tokens):
        if (
            tokens[i].text == "<"
            and i + 2 < len(tokens)
            and tokens[i + 1].lower_ == "url"
            and tokens[i + 2].text == ">"
        ):
            norms.append(URL)
            i += 3
            continue
        norms.append(URL if tokens[i].like_url else tokens[i].norm_.lower())
        i += 1
    start = 0
    while start < len(norms) and _is_lead(norms[start]):
        start += 1
    return norms[start:]


def sentences_of(span_sents: Iterable[Any]) -> list[list[str]]:
    """Sentences of lower-cased ``NORM`` tokens from spaCy sentence spans, skipping white space (see ``_norms``)."""
    return [_norms(sent) for sent in span_sents]
