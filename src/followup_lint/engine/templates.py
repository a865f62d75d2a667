"""Fill ``{company}``-style templates in messages and fixes from the lint context."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from functools import lru_cache

_FORMATTER = string.Formatter()
#: The widest field a template may format (``{match:>20}``): a width of two billion allocated gigabytes.
MAX_WIDTH = 200
_NUMBER = re.compile(r"\d+")


class _Keep(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@lru_cache(maxsize=1024)
def check_widths(template: str) -> None:
    """Raise ``ValueError`` when a field of ``template`` asks for a width or precision over ``MAX_WIDTH``."""
    for _, name, spec, _ in _FORMATTER.parse(template):
        if name is not None and spec and any(int(n) > MAX_WIDTH for n in _NUMBER.findall(spec)):
            raise ValueError(f"a field width over {MAX_WIDTH} in {{{name}:{spec}}}")


def fields(template: str) -> set[str]:
    """The names of the ``{fields}`` a template uses."""
    return {name for _, name, _, _ in _FORMATTER.parse(template) if name}


def fill(template: str, values: Mapping[str, object]) -> str | None:
    """The template with its fields filled, or None when one of them has no value."""
    if not fields(template) <= {k for k, v in values.items() if v not in (None, "")}:
        return None
    try:
        check_widths(template)
    except ValueError:
        return None
    return template.format_map(values)


def fill_partial(template: str, values: Mapping[str, object]) -> str:
    """The template with the fields that have values filled; the others are left as written."""

    try:
        check_widths(template)
        return template.format_map(_Keep(values))
    except (ValueError, IndexError):
        return template


def first_filled(templates: Iterable[str], values: Mapping[str, object]) -> str | None:
    """The first template whose fields all have values, filled."""
    for template in templates:
        text = fill(template, values)
        if text is not None:
            return text
    return None
