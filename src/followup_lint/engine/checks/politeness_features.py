"""Politeness strategies (Danescu-Niculescu-Mizil et al., ACL 2013) as binary features of a text.

A text is given as sentences of lower-cased spaCy ``NORM`` tokens, so contractions count as their full form
("can't" gives ``can``, ``not``). The same function serves the linter (a draft's body) and the training and
bench scripts (the requests of the Stanford Politeness Corpus), so the learned weights mean the same thing in
both places. Each feature is 1.0 when the strategy occurs anywhere in the text, else 0.0.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
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
_POSITIVE = {
    "good",
    "great",
    "nice",
    "helpful",
    "glad",
    "happy",
    "wonderful",
    "excellent",
    "love",
    "enjoy",
    "enjoyed",
    "kind",
    "welcome",
    "pleasure",
    "interesting",
    "useful",
    "best",
    "well",
    "fine",
    "super",
    "fantastic",
    "amazing",
    "pleased",
    "excited",
    "impressed",
    "hope",
    "better",
    "appreciated",
    "terrific",
}
_NEGATIVE = {
    "wrong",
    "bad",
    "stupid",
    "ridiculous",
    "problem",
    "problems",
    "mess",
    "annoying",
    "nonsense",
    "waste",
    "unacceptable",
    "terrible",
    "fail",
    "failed",
    "useless",
    "vandal",
    "vandalism",
    "hell",
    "damn",
    "crap",
    "idiot",
    "idiotic",
    "silly",
    "pointless",
    "biased",
    "rude",
    "lie",
    "lies",
    "lying",
    "false",
    "complain",
    "complaint",
    "disagree",
    "error",
    "mistake",
    "worse",
    "worst",
    "ignore",
    "ignored",
    "ignoring",
    "abuse",
    "attack",
    "fault",
    "confusing",
    "confused",
    "unfortunately",
    "shame",
    "hate",
    "upset",
    "angry",
    "disappointed",
    "nobody",
}
_OBLIGATION = {"need", "must", "should", "have", "has", "ought"}


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


def _obligation(tokens: Sentence) -> bool:
    """``you need to``, ``you must``, ``you should``, ``you have to``."""
    for a, b, c in zip(tokens, tokens[1:], [*tokens[2:], ""], strict=False):
        if a in {"you", "u"} and b in _OBLIGATION and (b not in {"need", "have", "has", "ought"} or c == "to"):
            return True
    return False


#: Feature name → test over (all tokens, sentences). The order is the order of the weights file.
FEATURES: dict[str, Callable[[list[str], Sequence[Sentence]], bool]] = {
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
    "positive": lambda t, s: _anywhere(t, _POSITIVE),
    "negative": lambda t, s: _anywhere(t, _NEGATIVE),
    "negation": lambda t, s: _anywhere(t, {"not", "no", "never"}),
    "exclamation": lambda t, s: "!" in t,
}


def strategy_features(sentences: Sequence[Sentence]) -> dict[str, float]:
    """Which politeness strategies occur in ``sentences`` (each a list of lower-cased ``NORM`` tokens)."""
    sentences = [list(s) for s in sentences if s]
    tokens = [t for s in sentences for t in s]
    return {name: 1.0 if test(tokens, sentences) else 0.0 for name, test in FEATURES.items()}


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
