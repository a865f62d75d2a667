"""spaCy's ``Matcher`` and ``PhraseMatcher(attr="NORM")`` in pure Python, for the token patterns rule files use.

The results are the same as spaCy's (checked in ``tests/test_patterns.py``): every ``(item, start, end)`` whose
tokens match, overlapping and non-greedy, empty matches left out. Tokens are read by duck typing (``norm_``,
``lower_``, ``orth_``, ``is_punct``, ``is_sent_start``, ``idx``...), so a spaCy ``Doc`` and the engine's light
``Doc`` both work.

Supported token keys: ORTH, TEXT, LOWER, NORM, LENGTH, the flags IS_ALPHA, IS_ASCII, IS_DIGIT, IS_LOWER,
IS_UPPER, IS_TITLE, IS_PUNCT, IS_SPACE, LIKE_NUM, LIKE_URL, LIKE_EMAIL, and IS_SENT_START (or SENT_START); values
as spaCy's validating ``Matcher`` accepts them (a literal, or a mapping of IN, NOT_IN, IS_SUBSET, IS_SUPERSET,
INTERSECTS, REGEX and, for LENGTH, ==, !=, >=, <=, >, <); every OP. Keys spaCy knows but this module does not
(POS, LEMMA, "_", FUZZY...) raise ``NeedsSpacy``: the caller then uses spaCy's matchers. Anything spaCy would
refuse raises ``PatternError`` with a one-line reason, and so do a few things spaCy accepts: a count above
``MAX_COUNT`` in an OP, REGEX mappings nested deeper than ``MAX_DEPTH``, a regular expression that nests
unbounded repeats (as for rule regexes), and a pattern whose every token has the count ``{0}``.

Matching follows spaCy's loop step by step, so matches come in spaCy's order (which decides, after
``_longest_first``, which of two items with the same span is reported), but it only starts where a pattern can
match: where all its required words occur in the text, at its possible first tokens, and where each of its
one-token steps up to the first ``*`` can pass within the tokens it could fall on (``Pattern.windows``, tested
on bit masks of the tokens, ``TokenView.mask``, shared by every rule linting the document).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from .errors import RuleError
from .schema import compile_regex

ONE, ZERO_ONE, ZERO_PLUS, ZERO = range(4)
#: spaCy's matcher actions; the RETRY ones (try the next step on the same token) come last.
REJECT, MATCH, ADVANCE, MATCH_EXTEND, MATCH_REJECT, MATCH_DOUBLE, RETRY, RETRY_ADVANCE, RETRY_EXTEND = range(9)

#: Token attributes matched on strings, and the column (token attribute) each reads.
STRING_KEYS = {"ORTH": "orth_", "TEXT": "orth_", "LOWER": "lower_", "NORM": "norm_"}
#: Boolean token attributes (spaCy's lexeme flags) and the sentence start.
FLAG_KEYS = {
    "IS_ALPHA": "is_alpha",
    "IS_ASCII": "is_ascii",
    "IS_DIGIT": "is_digit",
    "IS_LOWER": "is_lower",
    "IS_UPPER": "is_upper",
    "IS_TITLE": "is_title",
    "IS_PUNCT": "is_punct",
    "IS_SPACE": "is_space",
    "LIKE_NUM": "like_num",
    "LIKE_URL": "like_url",
    "LIKE_EMAIL": "like_email",
    "IS_SENT_START": "is_sent_start",
    "SENT_START": "is_sent_start",
}
LENGTH = "length"
#: Keys of spaCy's token-pattern schema that only spaCy's own matcher handles.
SPACY_KEYS = frozenset(
    {"POS", "TAG", "MORPH", "DEP", "LEMMA", "SHAPE", "ENT_TYPE", "ENT_IOB", "ENT_ID", "ENT_KB_ID", "SPACY", "_"}
    | {"IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY", "IS_STOP"}
)
SET_OPS = ("IN", "NOT_IN", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS")
COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
}
#: Fuzzy matching of strings, which only spaCy's matcher does.
FUZZY = frozenset(["FUZZY"] + [f"FUZZY{n}" for n in range(1, 10)])
#: Names spaCy's schema accepts for LENGTH comparisons (its field names) but its matcher ignores.
IGNORED_COMPARISONS = frozenset(["EQ", "NEQ", "GEQ", "LEQ", "GT", "LT"])
#: Limits spaCy does not have, so that a rule file cannot make a pattern of millions of steps, or recurse deeply.
MAX_COUNT = 100
MAX_DEPTH = 5
_MIN_MAX = re.compile(r"\{[0-9]+\}|\{[0-9]+,[0-9]*\}|\{[0-9]*,[0-9]+\}")
_SIMPLE_OPS = {"?": (ZERO_ONE,), "*": (ZERO_PLUS,), "+": (ONE, ZERO_PLUS), "!": (ZERO,)}

#: A test of one token: (column, test); ``test(value)`` is true when the token's column value passes.
Check = tuple[str, Callable[[Any], bool]]


class PatternError(ValueError):
    """A token pattern spaCy's validating ``Matcher`` would refuse (the message is one line)."""


class NeedsSpacy(Exception):  # noqa: N818 - a signal, not an error
    """A token pattern uses something only spaCy's ``Matcher`` implements (the message names it)."""


class Element:
    """One step of a compiled pattern: a quantifier, the checks a token must pass, and spaCy's action for each
    outcome (``get_action`` in ``spacy/matcher/matcher.pyx``, which depends only on the quantifier, whether
    the token matched, and whether the step is the pattern's last)."""

    __slots__ = ("checks", "literals", "member", "negated", "on_fail", "on_match", "quantifier")

    def __init__(self, quantifier: int, checks: tuple[Check, ...], literals: tuple[str, frozenset[str]] | None):
        self.quantifier = quantifier
        self.checks = checks
        self.negated = quantifier == ZERO
        #: A column and the only values a matching token can have there (for indexing), if known.
        self.literals = literals
        #: When the element's only check is a set membership: its column and set (the loop tests it inline).
        self.member: tuple[str, frozenset[Any]] | None = None
        if len(checks) == 1 and isinstance(getattr(checks[0][1], "__self__", None), frozenset):
            self.member = (checks[0][0], checks[0][1].__self__)  # type: ignore[attr-defined]
        self.on_match = self.on_fail = REJECT

    def set_final(self, final: bool) -> None:
        if self.quantifier == ZERO_PLUS:
            self.on_match, self.on_fail = (MATCH_EXTEND, MATCH_REJECT) if final else (RETRY_EXTEND, RETRY)
        elif self.quantifier == ZERO_ONE:
            self.on_match, self.on_fail = (MATCH_DOUBLE, MATCH_REJECT) if final else (RETRY_ADVANCE, RETRY)
        else:  # ONE, and ZERO (negated in ``test``)
            self.on_match, self.on_fail = (MATCH if final else ADVANCE), REJECT

    def test(self, columns: dict[str, list[Any]], i: int) -> bool:
        member = self.member
        if member is not None:
            return (columns[member[0]][i] in member[1]) is not self.negated
        for column, check in self.checks:
            if not check(columns[column][i]):
                return self.negated
        return not self.negated


class Pattern:
    """A token pattern compiled into elements (``{2,3}`` is three: two required, one optional)."""

    __slots__ = ("elements", "firsts", "required", "windows")

    def __init__(self, elements: list[Element]) -> None:
        self.elements = elements
        for k, element in enumerate(elements):
            element.set_final(k == len(elements) - 1)
        #: Where the elements that take exactly one token (quantifier ONE, or ZERO for "!") must pass, as
        #: ``(least, most, column, values, negated)``: the token a match from ``start`` gives such an element is
        #: within ``start + least`` and ``start + most`` (up to the first ``*``, after which it could be
        #: anywhere), and passing needs its ``column`` to be one of ``values`` (not to be, when ``negated``).
        #: A state passes each of them on its way to any match it reports, so a state started where one of
        #: them cannot pass anywhere in its window reports nothing. Elements whose tests give no such column
        #: and values are left out.
        windows: list[tuple[int, int, str, frozenset[Any], bool]] = []
        least = 0
        for most, element in enumerate(elements):
            if element.quantifier == ZERO_PLUS:
                break
            if element.quantifier != ZERO_ONE:
                if element.member is not None:
                    windows.append((least, most, *element.member, element.negated))
                elif element.literals is not None and not element.negated:
                    windows.append((least, most, *element.literals, False))
                least += 1
        self.windows = tuple(sorted(windows, key=lambda window: window[1] - window[0]))  # one-token windows first
        #: For each required element with known values: its column and values (one must occur in the text).
        required = {e.literals for e in elements if e.quantifier == ONE and e.literals is not None}
        self.required = sorted(required, key=lambda literal: len(literal[1]))
        #: The elements that can match a match's first token: the first one and any optional ones before it.
        firsts = []
        for k, element in enumerate(elements):
            firsts.append(k)
            if element.quantifier not in (ZERO_ONE, ZERO_PLUS):
                break
        self.firsts = firsts


def compile_pattern(pattern: Sequence[Any]) -> Pattern:
    """Compile a spaCy token pattern.

    Raises ``PatternError`` for a pattern spaCy would refuse, ``NeedsSpacy`` for one only spaCy can run.
    """
    if not isinstance(pattern, (list, tuple)) or not pattern:
        raise PatternError("a token pattern must be a non-empty list of token mappings")
    elements: list[Element] = []
    for index, spec in enumerate(pattern):
        if not isinstance(spec, dict):
            raise PatternError(f"token {index}: must be a mapping of attributes to values, not {_kind(spec)}")
        try:
            elements.extend(_compile_token(spec))
        except PatternError as exc:
            raise PatternError(f"token {index}: {exc}") from None
    if not elements:
        raise PatternError("every token has a zero count ({0}), so the pattern matches nothing")
    return Pattern(elements)


def _compile_token(spec: dict[Any, Any]) -> list[Element]:
    quantifiers: tuple[int, ...] = (ONE,)
    checks: list[Check] = []
    literals: tuple[str, frozenset[str]] | None = None
    for key, value in spec.items():
        name = _key_name(key)
        if value is None:
            raise PatternError(f"{key}: null is not allowed")
        if name == "OP":
            quantifiers = _quantifiers(value)
        elif name in STRING_KEYS:
            column = STRING_KEYS[name]
            found = _string_checks(key, value)
            checks.extend((column, test) for test in found[0])
            if found[1] is not None and literals is None:
                literals = (column, found[1])
        elif name in FLAG_KEYS:
            if not isinstance(value, bool):
                raise PatternError(f"{key} must be true or false, not {_kind(value)}")
            checks.append((FLAG_KEYS[name], _equals(value)))
        elif name == "LENGTH":
            checks.extend((LENGTH, test) for test in _number_checks(key, value))
        else:
            raise NeedsSpacy(str(key))
    return [Element(quantifier, tuple(checks), literals) for quantifier in quantifiers]


def _key_name(key: Any) -> str:
    """The canonical attribute name of a token key, as spaCy's schema accepts it (``NORM`` or ``norm``)."""
    if isinstance(key, str):
        name = key.upper()
        if key in (name, name.lower()) and (name in STRING_KEYS or name in FLAG_KEYS or name in ("LENGTH", "OP")):
            return name
        if key in (name, name.lower()) and name in SPACY_KEYS:
            raise NeedsSpacy(key)
    raise PatternError(f"unknown key {key!r}")


def _quantifiers(op: Any) -> tuple[int, ...]:
    """spaCy's expansion of an OP: ``{2,4}`` is two required steps then two optional ones."""
    if isinstance(op, str) and op in _SIMPLE_OPS:
        return _SIMPLE_OPS[op]
    if not isinstance(op, str) or not _MIN_MAX.fullmatch(op):
        raise PatternError(f"OP {op!r} is not one of ?, *, +, !, {{n}}, {{n,m}}, {{n,}}, {{,m}}")
    low, _, high = op[1:-1].partition(",") if "," in op else (op[1:-1], "", op[1:-1])
    if low and high and int(low) > int(high):
        raise PatternError(f"OP {op!r}: the minimum is larger than the maximum")
    if max(int(low or 0), int(high or 0)) > MAX_COUNT:
        raise PatternError(f"OP {op!r}: counts above {MAX_COUNT} are not supported")
    head = (ONE,) * int(low or 0)
    return head + ((ZERO_ONE,) * (int(high) - int(low or 0)) if high else (ZERO_PLUS,))


def _string_checks(key: str, value: Any) -> tuple[list[Callable[[Any], bool]], frozenset[str] | None]:
    """Tests of a string attribute, and the only values it can take when they are known."""
    if isinstance(value, str):
        return [_equals(value)], frozenset([value])
    if not isinstance(value, dict):
        raise PatternError(f"{key} must be a string or a mapping (IN, NOT_IN, REGEX...), not {_kind(value)}")
    tests: list[Callable[[Any], bool]] = []
    literals: frozenset[str] | None = None
    for op, operand in value.items():
        name = _predicate_name(key, op, (*SET_OPS, "REGEX"))
        if name == "REGEX":
            tests.append(_regex_test(key, operand))
            continue
        values = _string_list(key, name, operand)
        if name in ("IN", "IS_SUBSET", "INTERSECTS"):
            tests.append(values.__contains__)
            literals = values if literals is None else literals & values
        elif name == "NOT_IN":
            tests.append(lambda v, values=values: v not in values)
        else:  # IS_SUPERSET: {value} >= values
            tests.append(lambda v, values=values: values <= {v})
    return tests, literals


def _regex_test(key: str, operand: Any, depth: int = 0) -> Callable[[Any], bool]:
    if depth > MAX_DEPTH:
        raise PatternError(f"{key} REGEX nests mappings more than {MAX_DEPTH} deep")
    if isinstance(operand, str):
        search = _regex(key, operand).search
        return lambda v: search(v) is not None
    if not isinstance(operand, dict):
        raise PatternError(f"{key} REGEX must be a string or a mapping, not {_kind(operand)}")
    tests: list[Callable[[Any], bool]] = []
    for op, inner in operand.items():
        name = _predicate_name(key, op, ("IN", "NOT_IN", "REGEX", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS"))
        if name == "REGEX":
            tests.append(_regex_test(key, inner, depth + 1))
        elif name in ("IN", "NOT_IN"):
            searches = tuple(_regex(key, text).search for text in _string_list(key, name, inner))
            if name == "IN":
                tests.append(lambda v, s=searches: any(search(v) for search in s))
            else:
                tests.append(lambda v, s=searches: not any(search(v) for search in s))
        else:
            _string_list(key, name, inner)
            raise NeedsSpacy(f"{key} REGEX {name}")
    return lambda v: all(test(v) for test in tests)


def _number_checks(key: str, value: Any) -> list[Callable[[Any], bool]]:
    if isinstance(value, bool) or not isinstance(value, (int, dict)):
        raise PatternError(f"{key} must be a whole number or a mapping (IN, ==, >=...), not {_kind(value)}")
    if isinstance(value, int):
        return [_equals(value)]
    tests: list[Callable[[Any], bool]] = []
    for op, operand in value.items():
        name = _predicate_name(key, op, (*SET_OPS, *COMPARISONS, "REGEX"))
        if name == "REGEX":
            if not isinstance(operand, str):
                raise PatternError(f"{key} REGEX must be a string, not {_kind(operand)}")
            raise NeedsSpacy(f"{key} REGEX")
        if name in COMPARISONS:
            if isinstance(operand, bool) or not isinstance(operand, (int, float)):
                raise PatternError(f"{key} {name} needs a number, not {_kind(operand)}")
            compare = COMPARISONS[name]
            tests.append(lambda v, c=compare, o=operand: c(v, o))
            continue
        if not isinstance(operand, list) or any(isinstance(n, bool) or not isinstance(n, int) for n in operand):
            raise PatternError(f"{key} {name} needs a list of whole numbers")
        numbers = frozenset(operand)
        if name in ("IN", "IS_SUBSET", "INTERSECTS"):
            tests.append(numbers.__contains__)
        elif name == "NOT_IN":
            tests.append(lambda v, n=numbers: v not in n)
        else:
            tests.append(lambda v, n=numbers: n <= {v})
    return tests


def _predicate_name(key: str, op: Any, allowed: tuple[str, ...]) -> str:
    """The canonical name of a predicate (``IN`` or ``in``); ``NeedsSpacy`` for those only spaCy runs."""
    if isinstance(op, str):
        name = op.upper()
        if op in (name, name.lower()) and name in allowed:
            return name
        if (name in FUZZY and op in (name, name.lower()) and key.upper() != "LENGTH") or (
            key.upper() == "LENGTH" and op in IGNORED_COMPARISONS
        ):
            raise NeedsSpacy(f"{key} {op}")
    raise PatternError(f"{key}: unknown predicate {op!r} (use {', '.join(allowed)})")


def _string_list(key: str, name: str, operand: Any) -> frozenset[str]:
    if not isinstance(operand, list) or not all(isinstance(text, str) for text in operand):
        raise PatternError(f'{key} {name} needs a list of strings (quote words like "no" and "on" in YAML)')
    return frozenset(operand)


def _regex(key: str, text: str) -> re.Pattern[str]:
    try:
        return compile_regex("", "", text)
    except RuleError as exc:
        raise PatternError(f"{key} REGEX {text!r}: {exc.problem}") from None


def _equals(expected: Any) -> Callable[[Any], bool]:
    """``v == expected`` for the hashable values of a column (strings, numbers, booleans), as a set test."""
    return frozenset([expected]).__contains__


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__


class TokenView:
    """The columns of a tokenised text that patterns read, each read once and cached."""

    __slots__ = ("_masks", "_value_masks", "_values", "_where", "columns", "doc", "length")

    def __init__(self, doc: Any, columns: dict[str, list[Any]] | None = None) -> None:
        """The view of ``doc`` (anything with a length); its ``columns`` are read from its tokens on first use
        unless given."""
        self.doc = doc
        self.length = len(doc)
        self.columns: dict[str, list[Any]] = _LazyColumns(doc) if columns is None else columns
        self._values: dict[str, frozenset[Any]] = {}
        self._where: dict[tuple[str, Any], list[int]] = {}
        self._masks: dict[tuple[str, frozenset[Any]], int] = {}
        self._value_masks: dict[str, dict[Any, int]] = {}

    def where(self, column: str, value: Any) -> list[int]:
        """The tokens whose ``column`` is ``value``."""
        key = (column, value)
        found = self._where.get(key)
        if found is None:
            found = self._where[key] = []
            values = self.columns[column]
            index = values.index
            i = -1
            try:
                while True:
                    i = index(value, i + 1)
                    found.append(i)
            except ValueError:
                pass
        return found

    def values(self, column: str) -> frozenset[Any]:
        """The values ``column`` takes somewhere in the text."""
        found = self._values.get(column)
        if found is None:
            found = self._values[column] = frozenset(self.columns[column])
        return found

    def mask(self, column: str, values: frozenset[Any]) -> int:
        """The tokens whose ``column`` is one of ``values``, as the bits of an integer (bit ``i``: token ``i``)."""
        key = (column, values)
        found = self._masks.get(key)
        if found is None:
            by_value = self._value_masks.get(column)
            if by_value is None:
                by_value = self._value_masks[column] = _bit_masks(self.columns[column])
            found = 0
            for value in values & self.values(column):
                found |= by_value[value]
            self._masks[key] = found
        return found

    def has_required(self, pattern: Pattern) -> bool:
        """Whether every required element of ``pattern`` has one of its values somewhere in the text."""
        known = self._values
        for column, values in pattern.required:
            present = known.get(column)
            if present is None:
                present = self.values(column)
            if values.isdisjoint(present):
                return False
        return True

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        """The character offsets of tokens ``[start, end)``."""
        columns = self.columns
        return columns["idx"][start], columns["end"][end - 1]


class _LazyColumns(dict):  # type: ignore[type-arg]
    """``column -> [value of each token]``, read from the tokens on first use."""

    def __init__(self, doc: Any) -> None:
        super().__init__()
        self.doc = doc

    def __missing__(self, column: str) -> list[Any]:
        column_of = getattr(self.doc, "column", None)  # the light ``Doc`` gives its columns without tokens
        if column_of is not None:
            values: list[Any]
            if column == LENGTH:
                values = [len(word) for word in column_of("orth_")]
            elif column == "end":
                values = [start + len(word) for start, word in zip(column_of("idx"), column_of("orth_"), strict=True)]
            elif column == "is_sent_start":
                values = [value is True for value in column_of(column)]
            elif column == "idx" or column.endswith("_"):
                values = column_of(column)
            else:
                values = [bool(value) for value in column_of(column)]
            self[column] = values
            return values
        if column == LENGTH:
            values = [len(token.text) for token in self.doc]
        elif column == "idx":
            values = [token.idx for token in self.doc]
        elif column == "end":
            values = [token.idx + len(token.text) for token in self.doc]
        elif column == "is_sent_start":
            values = [token.is_sent_start is True for token in self.doc]
        elif column.endswith("_"):
            values = [getattr(token, column) for token in self.doc]
        else:
            values = [bool(getattr(token, column)) for token in self.doc]
        self[column] = values
        return values


_last_view: tuple[Any, TokenView] | None = None


def token_view(doc: Any) -> TokenView:
    """The ``TokenView`` of ``doc``, shared by every rule linting the same document."""
    global _last_view
    cached = _last_view
    if cached is not None and cached[0] is doc:
        return cached[1]
    view = TokenView(doc)
    _last_view = (doc, view)
    return view


class PatternSet:
    """Token patterns of one rule, with what a text must contain for each to match.

    A pattern is tried only when every required token of it (a token without ``?``, ``*`` or ``!``) can find
    one of its values in the text, and then only where its first token can match and its one-token steps can
    pass within their windows.
    """

    def __init__(self, patterns: Iterable[tuple[int, Pattern]]) -> None:
        self.patterns = list(patterns)
        #: column -> value -> the patterns (numbers) that value triggers: the most telling required token's values.
        self.triggers: dict[str, dict[str, list[int]]] = {}
        #: Patterns without a required token of known values (tried in every text).
        self.always: list[int] = []
        #: For each pattern, its first tokens' known values, or None when one can be anything.
        self.firsts: list[list[tuple[str, frozenset[str]]] | None] = []
        for number, (_, pattern) in enumerate(self.patterns):
            if pattern.required:
                column, values = max(pattern.required, key=_telling)
                for value in values:
                    self.triggers.setdefault(column, {}).setdefault(value, []).append(number)
            else:
                self.always.append(number)
            firsts = [pattern.elements[k] for k in pattern.firsts]
            known = all(e.literals is not None and e.quantifier != ZERO for e in firsts)
            self.firsts.append([e.literals for e in firsts] if known else None)  # type: ignore[misc]
        self._trigger_values = {column: frozenset(by_value) for column, by_value in self.triggers.items()}
        #: Whether every pattern is one token that is not repeated: then a state ends on the token it starts on.
        self.one_token = all(len(p.elements) == 1 and p.elements[0].quantifier != ZERO_PLUS for _, p in self.patterns)

    def __len__(self) -> int:
        return len(self.patterns)

    def matches(self, view: TokenView) -> list[tuple[int, int, int]]:
        """Every ``(key, start, end)`` match, in the order spaCy's ``Matcher`` gives them.

        This is spaCy's matching loop (``find_matches``, ``transition_states``, ``finish_states`` in
        ``spacy/matcher/matcher.pyx``), started only where a pattern can match: a state started elsewhere is
        rejected without adding a match or a state, so leaving it out changes neither the matches nor their
        order (which decides ties between items with the same span).
        """
        patterns = self.patterns
        candidates = set(self.always)
        for column, values in self._trigger_values.items():
            present = values & view.values(column)
            if present:
                by_value = self.triggers[column]
                for value in present:
                    candidates.update(by_value[value])
        if not candidates:
            return []
        mask = view.mask
        everywhere = (1 << view.length) - 1
        seeds: dict[int, set[int]] = {}
        for number in candidates:
            pattern = patterns[number][1]
            if not view.has_required(pattern):
                continue
            # Where its states may start, as bits (bit i: token i): at its possible first tokens...
            firsts = self.firsts[number]
            if firsts is not None:
                starts = 0
                for column, values in firsts:
                    starts |= mask(column, values)
            else:
                starts = everywhere
            # ...from where each one-token element can pass within its window.
            for least, most, column, values, negated in pattern.windows:
                passing = mask(column, values)
                if negated:
                    passing ^= everywhere
                if least == most:
                    starts &= passing >> least
                else:
                    reach = 0
                    for offset in range(least, most + 1):
                        reach |= passing >> offset
                    starts &= reach
                if not starts:
                    break
            if starts.bit_length() > _LONG:
                for i in _set_bits(starts):
                    seeds.setdefault(i, set()).add(number)
                continue
            while starts:
                lowest = starts & -starts
                seeds.setdefault(lowest.bit_length() - 1, set()).add(number)
                starts ^= lowest
        if not seeds:
            return []
        columns = view.columns
        if self.one_token:  # what the loop below gives: each state matches or not on its own token, in order
            return [
                (patterns[number][0], i, i + 1)
                for i in sorted(seeds)
                for number in sorted(seeds[i])
                if patterns[number][1].elements[0].test(columns, i)
            ]
        emitted: list[tuple[int, int, int]] = []
        states: list[tuple[int, int, int, int]] = []  # (pattern number, element, start, length)
        order = sorted(seeds)
        following = 0  # the next seeded token in ``order``
        i = order[0]
        while i < view.length:
            if following < len(order) and order[following] == i:
                states.extend((number, 0, i, 0) for number in sorted(seeds[i]))
                following += 1
            if states:
                states = _transition(patterns, states, columns, i, emitted)
                i += 1
            elif following < len(order):
                i = order[following]
            else:
                break
        _finish(patterns, states, emitted)
        return [match for match in dict.fromkeys(emitted) if match[2] > match[1]]


#: Bits from which ``_set_bits`` reads an integer's bits as digits.
_LONG = 512


def _set_bits(bits: int) -> Iterator[int]:
    """The numbers of the set bits of a long ``bits``, lowest first, read once as binary digits: taking off its
    lowest bit one at a time copied the whole integer per bit (quadratic on a 512 KB draft)."""
    digits = format(bits, "b")[::-1]
    find = digits.find
    i = find("1")
    while i >= 0:
        yield i
        i = find("1", i + 1)


def _telling(literal: tuple[str, frozenset[str]]) -> tuple[int, int]:
    """How rarely a required token's values occur, roughly: long words are rarer than short ones."""
    return min(len(value) for value in literal[1]) if literal[1] else 99, -len(literal[1])


def _transition(
    patterns: list[tuple[int, Pattern]],
    states: list[tuple[int, int, int, int]],
    columns: dict[str, list[Any]],
    i: int,
    emitted: list[tuple[int, int, int]],
) -> list[tuple[int, int, int, int]]:
    """spaCy's ``transition_states``: move every state over token ``i``, recording matches as they end."""
    kept: list[tuple[int, int, int, int]] = []
    added: list[tuple[int, int, int, int]] = []
    for number, k, start, length in states:
        key, pattern = patterns[number]
        elements = pattern.elements
        element = elements[k]
        member = element.member  # the common test inlined: ``element.test(columns, i)``
        if member is not None:
            matched = (columns[member[0]][i] in member[1]) is not element.negated
        else:
            matched = element.test(columns, i)
        action = element.on_match if matched else element.on_fail
        while action >= RETRY:
            if action == RETRY_EXTEND:
                added.append((number, k, start, length + 1))
            elif action == RETRY_ADVANCE:
                added.append((number, k + 1, start, length + 1))
            k += 1
            element = elements[k]
            member = element.member
            if member is not None:
                matched = (columns[member[0]][i] in member[1]) is not element.negated
            else:
                matched = element.test(columns, i)
            action = element.on_match if matched else element.on_fail
        if action == ADVANCE:
            kept.append((number, k + 1, start, length + 1))
        elif action == MATCH:
            emitted.append((key, start, start + length + 1))
        elif action == MATCH_DOUBLE:
            emitted.append((key, start, start + length))
            emitted.append((key, start, start + length + 1))
        elif action == MATCH_REJECT:
            emitted.append((key, start, start + length))
        elif action == MATCH_EXTEND:
            emitted.append((key, start, start + length))
            kept.append((number, k, start, length + 1))
    # spaCy keeps identical states (``{0,5}`` makes many); a copy makes the same matches after the first, so
    # dropping it changes nothing once matches are deduplicated.
    return list(dict.fromkeys(kept + added)) if added else kept


def _finish(
    patterns: list[tuple[int, Pattern]], states: list[tuple[int, int, int, int]], emitted: list[tuple[int, int, int]]
) -> None:
    """spaCy's ``finish_states``: matches of states whose remaining elements are all optional."""
    for number, k, start, length in states:
        key, pattern = patterns[number]
        elements = pattern.elements
        while elements[k].quantifier in (ZERO_ONE, ZERO_PLUS):
            if k == len(elements) - 1:
                emitted.append((key, start, start + length))
                break
            k += 1


class PhraseSet:
    """Phrases as token norm sequences, indexed by their first norm, like spaCy's ``PhraseMatcher(attr="NORM")``."""

    def __init__(self, phrases: Iterable[tuple[int, Sequence[str]]]) -> None:
        self.index: dict[str, list[tuple[int, list[str]]]] = {}
        self.count = 0
        for key, norms in phrases:
            if norms:  # spaCy skips empty phrase docs
                self.index.setdefault(norms[0], []).append((key, list(norms)))
                self.count += 1
        self.firsts = frozenset(self.index)

    def __len__(self) -> int:
        return self.count

    def matches(self, view: TokenView) -> list[tuple[int, int, int]]:
        """Every ``(key, start, end)`` match, by start, end and key.

        spaCy's ``PhraseMatcher`` gives the same matches by start and end; two phrases with the same norms
        come in the order of its hash table, here in the order of their keys.
        """
        found: list[tuple[int, int, int]] = []
        norms = view.columns["norm_"]
        for first in self.firsts & view.values("norm_"):
            for key, phrase in self.index[first]:
                size = len(phrase)
                for i in view.where("norm_", first):
                    if norms[i : i + size] == phrase:
                        found.append((key, i, i + size))
        return sorted(set(found), key=lambda m: (m[1], m[2], m[0]))


def _bit_masks(column: Sequence[Any]) -> dict[Any, int]:
    """Each value of ``column`` with the bits of the tokens that have it (bit ``i``: token ``i``).

    A frequent value's mask is built in a byte array, once: OR-ing ``1 << i`` into it token by token copied the
    growing integer each time, quadratic in the tokens of one value (500 KB of '%' after a sentence).
    """
    if len(column) <= _LONG:  # short masks: OR-ing each token's bit in is quicker than listing positions first
        short: dict[Any, int] = {}
        get = short.get
        bit = 1
        for value in column:
            short[value] = get(value, 0) | bit
            bit <<= 1
        return short
    positions: dict[Any, list[int]] = {}
    for i, value in enumerate(column):
        positions.setdefault(value, []).append(i)
    masks: dict[Any, int] = {}
    for value, where in positions.items():
        if len(where) <= 32:
            mask = 0
            for i in where:
                mask |= 1 << i
        else:
            bits = bytearray((where[-1] >> 3) + 1)
            for i in where:
                bits[i >> 3] |= 1 << (i & 7)
            mask = int.from_bytes(bits, "little")
        masks[value] = mask
    return masks
