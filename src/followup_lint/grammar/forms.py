"""Word forms for the grammar rules: is a word a verb's base, past, participle, -s or -ing form, or a noun,
and what are a verb's other forms.

Built on the spelling lexicon (hunspell's en_US expanded, which holds every regular form it accepts) and the
shipped list of irregular verbs (``rules/_data/grammar-irregular-verbs.txt``). A word is a verb when one of its
regular -ing spellings is a word ("hope" -> "hoping", "plan" -> "planning") or it is an irregular verb; a noun
when the lexicon holds its possessive ("meeting's"), which hunspell gives nouns only. Nothing is loaded until a
rule's regex has matched and asks.
"""

from __future__ import annotations

from functools import cache, lru_cache

from ..spelling import data

#: The word classes a rule may ask for (``require``/``reject`` in a ``grammar-forms`` rule).
CLASSES = (
    "base", "past", "participle", "third", "ing", "verb", "noun", "plural", "uncountable", "adjective", "same-form",
    "comparative", "regularized",
)  # fmt: skip
#: The forms a replacement may ask for (``{group:form}``).
FORMS = (
    "base", "past", "participle", "third", "ing", "as-is", "a-an", "other-number", "first-person", "plural", "lower",
    "object",
)  # fmt: skip
_IRREGULAR_PLURALS = {"person": "people", "child": "children", "man": "men", "woman": "women", "foot": "feet"}
#: A form of be/have/do and the form for the other number ("was" <-> "were"), and for "I" ("is" -> "am").
OTHER_NUMBER = {
    "was": "were", "were": "was", "is": "are", "are": "is", "has": "have", "have": "has", "does": "do",
    "do": "does", "wasn't": "weren't", "weren't": "wasn't", "isn't": "aren't", "aren't": "isn't",
    "hasn't": "haven't", "haven't": "hasn't", "doesn't": "don't", "don't": "doesn't",
}  # fmt: skip
#: A subject pronoun and its object form ("they" -> "them").
OBJECT = {"i": "me", "we": "us", "they": "them", "he": "him", "she": "her", "who": "whom"}
FIRST_PERSON = {"is": "am", "are": "am", "has": "have", "doesn't": "don't", "hasn't": "haven't", "isn't": "am not"}
_VOWELS = "aeiou"
#: Nouns used without "a" (mass nouns) that a missing-article rule must not ask an article for.
_UNCOUNTABLE = frozenset(
    str.split(
        "advice information feedback knowledge experience work research equipment furniture news progress "
        "software hardware training evidence support help time money traffic weather luggage homework "
        "employment management leadership communication education"
    )
)


#: Function words whose letters happen to make an -ing word ("the" -> "thing", "us" -> "using"): never verbs.
_FUNCTION_WORDS = frozenset(
    str.split(
        "a an the this that these those my your our his her its their me you him us them it we they he she i "
        "and or but nor so yet if as than then there here what which who whom whose when where why how "
        "of in on at by for from to with about into onto over under up down out off through between among "
        "not no all any some each every both either neither one none more most less least much many few "
        "very too also just only even still ever never always again now"
    )
)


@cache
def _irregular() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], dict[str, str], dict[str, str]]:
    """base -> past forms, base -> participles, past -> base, participle -> base."""
    past: dict[str, tuple[str, ...]] = {}
    participle: dict[str, tuple[str, ...]] = {}
    past_base: dict[str, str] = {}
    participle_base: dict[str, str] = {}
    path = data.data_dir() / "grammar-irregular-verbs.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        base, pasts, parts = line.split()
        past[base] = tuple(pasts.split("|"))
        participle[base] = tuple(parts.split("|"))
        for form in past[base]:
            past_base.setdefault(form, base)
        for form in participle[base]:
            participle_base.setdefault(form, base)
    return past, participle, past_base, participle_base


@cache
def _words() -> object:
    from ..spelling import speller

    return speller().lexicon


def _word(word: str) -> bool:
    lex = _words()
    return word in lex.lower or word in lex.rare  # type: ignore[attr-defined]


@lru_cache(maxsize=4096)
def is_verb(word: str) -> bool:
    """Whether ``word`` is the base form of a verb."""
    if word in _irregular()[0]:
        return True
    if word in _FUNCTION_WORDS:
        return False
    if not (len(word) > 1 and word.isalpha() and _word(word)):
        return False
    spellings = _ing_spellings(word)
    if _cvc(word) and _word(word + "e"):
        # "caring" is "care" + -ing: "car", "fin", "unit" would double ("carring"), so the plain -ing is the twin's
        spellings = [s for s in spellings if s != word + "ing"]
    return any(_word(form) for form in spellings)


@lru_cache(maxsize=4096)
def is_noun(word: str) -> bool:
    """Whether ``word`` is a noun (the lexicon holds its possessive)."""
    if word in _FUNCTION_WORDS:
        return False
    lex = _words()
    return word + "'s" in lex.lower  # type: ignore[attr-defined]


def _cvc(word: str) -> bool:
    """Whether ``word`` ends consonant-vowel-consonant ("car", "unit"), the shape that doubles before -ing."""
    return len(word) > 2 and word[-1] not in _VOWELS + "wxy" and word[-2] in _VOWELS and word[-3] not in _VOWELS


def _ing_spellings(base: str) -> list[str]:
    out = [base + "ing"]
    if base.endswith("ie"):
        out.append(base[:-2] + "ying")
    elif base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        out.insert(0, base[:-1] + "ing")
    if len(base) > 2 and base[-1] not in _VOWELS + "wxy" and base[-2] in _VOWELS and base[-3] not in _VOWELS:
        out.append(base + base[-1] + "ing")
    return out


def _regular(base: str, ending: str) -> str:
    """``base`` + ``ending`` ("ed" or "ing") spelled as the lexicon spells it (doubling, dropped e, y -> i)."""
    if ending == "ing":
        if base.endswith("ie"):
            return base[:-2] + "ying"
        if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
            return base[:-1] + "ing"
        plain, doubled = base + "ing", base + base[-1:] + "ing"
    else:
        if base.endswith("e"):
            return base + "d"
        if base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
            return base[:-1] + "ied"
        plain, doubled = base + "ed", base + base[-1:] + "ed"
    if base[-1:] in _VOWELS + "wxy" or not _word(doubled):
        return plain
    if not _word(plain):
        return doubled
    freq = _words().freq  # type: ignore[attr-defined]
    return doubled if freq.get(doubled, 0) > freq.get(plain, 0) else plain


def third_of(base: str) -> str:
    """The -s form: "go" -> "goes", "try" -> "tries", "have" -> "has"."""
    if base in ("have", "be"):
        return {"have": "has", "be": "is"}[base]
    if base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
        return base[:-1] + "ies"
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        return base + "es"
    return base + "s"


def form(base: str, which: str) -> str | None:
    """A form of the verb ``base``: ``past``, ``participle``, ``third``, ``ing`` or ``base``."""
    past, participle, _, _ = _irregular()
    if which == "base":
        return base
    if which == "third":
        return third_of(base)
    if which == "ing":
        return "being" if base == "be" else _regular(base, "ing")
    table = past if which == "past" else participle
    if base in table:
        return table[base][0]
    return _regular(base, "ed")


@lru_cache(maxsize=4096)
def regularized_base(word: str) -> str | None:
    """The irregular verb a made-up regular past belongs to ("choosed" -> "choose", "teached" -> "teach",
    "runned" -> "run"), when the word is not in the lexicon; else None."""
    if not word.endswith("ed") or len(word) < 5 or _word(word):
        return None
    past, _, past_base, participle_base = _irregular()
    if word in past_base or word in participle_base:
        return None
    stem = word[:-2]
    for base in (stem, word[:-1], stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else "",
                 stem[:-1] + "y" if stem.endswith("i") else ""):  # fmt: skip
        if base in past and base not in ("be",):
            return base
    return None


@lru_cache(maxsize=4096)
def base_of(word: str) -> str | None:
    """The base form of a verb form ("planned" -> "plan", "tries" -> "try", "went" -> "go"), or None."""
    _, _, past_base, participle_base = _irregular()
    if word in past_base:
        return past_base[word]
    if word in participle_base:
        return participle_base[word]
    if word in ("is", "am", "are", "was", "were", "been", "being"):
        return "be"
    if word in ("has", "does", "goes"):
        return {"has": "have", "does": "do", "goes": "go"}[word]
    made_up = regularized_base(word)
    if made_up is not None:
        return made_up
    candidates: list[tuple[str, str]] = []
    if word.endswith("ing") and len(word) > 4:
        stem = word[:-3]
        candidates = [(c, "ing") for c in (stem + "e", stem, stem[:-1], stem[:-1] + "ie" if stem.endswith("y") else "")]
    elif word.endswith("ed") and len(word) > 3:
        stem = word[:-2]
        candidates = [(c, "past") for c in (word[:-1], stem, stem[:-1], stem[:-1] + "y" if stem.endswith("i") else "")]
    elif word.endswith("s") and len(word) > 2:
        candidates = [(c, "third") for c in (word[:-3] + "y" if word.endswith("ies") else "", word[:-1], word[:-2])]
    for candidate, which in candidates:
        if candidate and is_verb(candidate) and word in _spellings(candidate, which):
            return candidate
    return None


def _spellings(base: str, which: str) -> tuple[str | None, ...]:
    """Every spelling of a form the lexicon may hold ("traveled" and "travelled")."""
    ending = {"ing": "ing", "past": "ed", "participle": "ed"}.get(which)
    plain = base + ending if ending and not base.endswith("e") else None
    return (form(base, which), _doubled(base, which), plain)


def _doubled(base: str, which: str) -> str:
    """The doubled-consonant spelling of a regular form ("hop" -> "hopped", "travel" -> "travelled")."""
    ending = {"ing": "ing", "past": "ed", "participle": "ed"}.get(which)
    if ending is None or base[-1:] in _VOWELS + "wxy":
        return ""
    return base + base[-1] + ending


@lru_cache(maxsize=8192)
def is_class(word: str, name: str) -> bool:
    """Whether ``word`` (lowercase) belongs to the class ``name`` (one of ``CLASSES``)."""
    _, _, past_base, participle_base = _irregular()
    if name == "base":
        return is_verb(word)
    if name == "verb":
        return is_verb(word) or base_of(word) is not None
    if name == "noun":
        return is_noun(word)
    if name == "uncountable":
        return word in _UNCOUNTABLE
    if name == "adjective":
        return is_adjective(word)
    if name == "same-form":
        return word in past_base or word in participle_base
    if name == "comparative":
        return is_comparative(word)
    if name == "regularized":
        return regularized_base(word) is not None
    if name == "plural":
        if not word.endswith("s") or word.endswith(("ss", "us", "is")):
            return False
        stem = word[:-2] if word.endswith("es") and word[:-2] and is_noun(word[:-2]) else word[:-1]
        if word.endswith("ies"):
            stem = word[:-3] + "y"
        return is_noun(stem) and not is_noun(word)
    base = base_of(word)
    if base is None or base == word:
        return False
    if name == "past":
        return word in past_base or (word not in participle_base and word in _spellings(base, name))
    if name == "participle":
        return word in participle_base or word in _spellings(base, name)
    if name == "third":
        return form(base, "third") == word
    if name == "ing":
        return word in _spellings(base, name)
    raise ValueError(f"unknown word class {name!r}")


@lru_cache(maxsize=4096)
def is_adjective(word: str) -> bool:
    """Whether ``word`` can be an adjective: the lexicon holds its -ly adverb ("open" -> "openly", "ready" ->
    "readily", "simple" -> "simply") or its -est superlative ("clean" -> "cleanest", "big" -> "biggest")."""
    if len(word) < 3 or not word.isalpha() or word in _FUNCTION_WORDS:
        return False
    forms = [word + "ly", word + "est", word + word[-1] + "est"]
    if word.endswith("y"):
        forms += [word[:-1] + "ily", word[:-1] + "iest"]
    if word.endswith("le"):
        forms.append(word[:-1] + "y")
    if word.endswith("e"):
        forms.append(word + "st")
    if any(_word(w) for w in forms):
        return True
    # an adjective suffix on a word of the lexicon ("innovative", "helpful", "famous", "reliable"); -ive only
    # when the word is not also a noun ("executive", "objective")
    if len(word) > 5 and word.endswith(("ful", "ous", "able", "ible", "less")):
        return _word(word)
    return len(word) > 5 and word.endswith("ive") and _word(word) and not is_noun(word)


@lru_cache(maxsize=4096)
def is_comparative(word: str) -> bool:
    """Whether ``word`` is an adjective's -er form ("easier", "bigger", "nicer"), or "better"/"worse"."""
    if word in ("better", "worse"):
        return True
    if not word.endswith("er") or len(word) < 5:
        return False
    return _word(word[:-2] + "est")


def plural_of(noun: str) -> str:
    """A noun's plural: "reason" -> "reasons", "activity" -> "activities", "box" -> "boxes", "child" -> "children"."""
    if noun in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[noun]
    return third_of(noun) if not noun.endswith("o") else noun + "s"


def a_or_an(word: str) -> str:
    """The article for ``word`` by its first letter (the grammar.a-an rule judges the hard cases)."""
    low = word.lower()
    if low.startswith(("uni", "use", "usu", "eu", "one")):
        return "a"
    if low.startswith(("hour", "honest", "honor", "honour", "heir")):
        return "an"
    return "an" if low[:1] in _VOWELS else "a"
