"""Validation of the data in rule files: each problem names the file and the field."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .errors import RuleError


@dataclass(frozen=True, slots=True)
class Field:
    """A key a rule file may have: its Python type(s) and whether it is required."""

    types: type | tuple[type, ...]
    required: bool = False
    doc: str = ""


def type_name(types: type | tuple[type, ...]) -> str:
    names = {
        str: "a string",
        int: "a number",
        float: "a number",
        bool: "true or false",
        list: "a list",
        dict: "a mapping",
    }
    if isinstance(types, tuple):
        return " or ".join(dict.fromkeys(names.get(t, t.__name__) for t in types))
    return names.get(types, types.__name__)


def check_fields(path: str, data: dict[str, Any], fields: dict[str, Field], prefix: str = "") -> None:
    """Raise ``RuleError`` for an unknown key, a missing required key, or a value of the wrong type."""
    for key in data:
        if key not in fields:
            known = ", ".join(sorted(fields))
            raise RuleError(path, prefix + str(key), f"unknown key (expected one of: {known})")
    for key, spec in fields.items():
        if key not in data:
            if spec.required:
                raise RuleError(path, prefix + key, "is required")
            continue
        value = data[key]
        if isinstance(value, bool) and bool not in _as_tuple(spec.types):
            raise RuleError(path, prefix + key, f"must be {type_name(spec.types)}, not true/false")
        if not isinstance(value, spec.types):
            raise RuleError(path, prefix + key, f"must be {type_name(spec.types)}, not {_describe(value)}")


def string_list(path: str, field: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(path, field, "must be a list of strings")
    return tuple(value)


#: ``{gap}`` in a rule's regular expression: the white space between two words of one paragraph, blanks or a
#: single line break (a hard-wrapped draft) but never a blank line. Atomic, so a long run of blanks is taken once.
GAP = r"(?>[ \t]+\n?[ \t]*|\n[ \t]*)"


def expand_gaps(pattern: str) -> str:
    """A rule's regular expression with each ``{gap}`` written out as ``GAP``."""
    return pattern.replace("{gap}", GAP)


def compile_regex(
    path: str, field: str, pattern: str, flags: int = 0, compile: Callable[[str, int], re.Pattern[str]] = re.compile
) -> re.Pattern[str]:
    """Compile a rule's regular expression (``{gap}`` standing for ``GAP``) with ``compile`` (``re.compile`` or a
    cached equivalent), refusing ones that can backtrack catastrophically."""
    pattern = expand_gaps(pattern)
    try:
        compiled = compile(pattern, flags)
    except re.error as exc:
        raise RuleError(path, field, f"invalid regular expression: {exc}") from None
    if (flags & re.VERBOSE or _REPEATED_GROUP.search(pattern)) and _nested_repeat(pattern, flags):
        raise RuleError(
            path, field, "regular expression nests unbounded repetition (like (a+)+), which can take exponential time"
        )
    return compiled


#: A group followed by an unbounded (or large) quantifier: ``)*``, ``)+``, ``){2,}``, ``){1,5000}``. Only such a
#: group can hold a nested repeat, so a pattern without one (most) skips the second parse. Conservative: an
#: escaped ``\)`` or one in a class only costs that parse; verbose patterns (spaces between ``)`` and ``*``)
#: are always parsed.
_REPEATED_GROUP = re.compile(r"\)\s*[*+{]|\(\?[a-zA-Z]*x")


@lru_cache(maxsize=4096)
def _nested_repeat(pattern: str, flags: int) -> bool:
    """Whether an unbounded repeat contains another unbounded repeat: the shape of catastrophic backtracking."""
    from re import _constants as constants  # type: ignore[attr-defined]
    from re import _parser as parser  # type: ignore[attr-defined]

    repeats = (constants.MAX_REPEAT, constants.MIN_REPEAT, getattr(constants, "POSSESSIVE_REPEAT", None))

    def walk(items: Any, inside: bool) -> bool:
        for op, value in items:
            if op in repeats:
                _low, high, body = value
                unbounded = high == constants.MAXREPEAT or high > 1000
                if unbounded and inside:
                    return True
                if walk(body, inside or unbounded):
                    return True
            elif op == constants.SUBPATTERN:
                if walk(value[-1], inside):
                    return True
            elif op == constants.BRANCH:
                if any(walk(branch, inside) for branch in value[1]):
                    return True
            elif op in (constants.ASSERT, constants.ASSERT_NOT) and walk(value[1], inside):
                return True
        return False

    return walk(parser.parse(pattern, flags), False)


def _as_tuple(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    return {str: "a string", int: "a number", float: "a number", list: "a list", dict: "a mapping"}.get(
        type(value), type(value).__name__
    )
