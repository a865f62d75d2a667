"""Fill ``{company}``-style templates in messages and fixes from the lint context."""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping

_FORMATTER = string.Formatter()


def fields(template: str) -> set[str]:
    """The names of the ``{fields}`` a template uses."""
    return {name for _, name, _, _ in _FORMATTER.parse(template) if name}


def fill(template: str, values: Mapping[str, object]) -> str | None:
    """The template with its fields filled, or None when one of them has no value."""
    if not fields(template) <= {k for k, v in values.items() if v not in (None, "")}:
        return None
    return template.format_map(values)


def fill_partial(template: str, values: Mapping[str, object]) -> str:
    """The template with the fields that have values filled; the others are left as written."""

    class _Keep(dict):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    try:
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
