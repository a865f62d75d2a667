"""``grammar-forms``: ``grammar-regex`` whose named groups must (or must not) be words of a class, with
replacements built from a verb's other forms.

Each item of ``regexes`` takes the ``grammar-regex`` keys and also:

- ``require``: ``{group: class or [classes]}``: the group's word (lowercase) must be in one of the classes;
- ``reject``: ``{group: class or [classes]}``: the group's word must be in none of them;
- ``words``/``not-words``: ``{group: [words]}``: the group's word must (not) be one of these;
- ``replacement`` may hold ``{group:form}`` (``base``, ``past``, ``participle``, ``third``, ``ing`` of the
  group's verb, ``as-is``, or ``a-an``: the article the group's word takes), besides ``\\1`` templates;
- ``severity``: the finding's severity when it differs from the rule's (a less certain pattern is a
  ``suggestion``).

Classes (``followup_lint.grammar.forms``): ``base``, ``past``, ``participle``, ``third`` (-s form), ``ing``,
``verb`` (any form), ``noun``, ``plural``, ``uncountable``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

from ...model import Finding, Fix, Severity
from ..errors import RuleError
from ..schema import Field
from .grammar_regex import GrammarRegex, _parse
from .matching import Item, render
from .phrases import match_case

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule

_EXTRA = ("require", "reject", "words", "not-words", "severity")
_TEMPLATE = re.compile(r"\{(\w+):([\w-]+)\}")


@dataclass(frozen=True, slots=True)
class _Constraints:
    require: dict[str, tuple[str, ...]]
    reject: dict[str, tuple[str, ...]]
    words: dict[str, frozenset[str]]
    not_words: dict[str, frozenset[str]]
    severity: Severity | None

    def allow(self, match: re.Match[str]) -> bool:
        is_class = _is_class()
        for group, names in self.require.items():
            word = (match.group(group) or "").lower()
            if not word or not any(is_class(word, name) for name in names):
                return False
        for group, names in self.reject.items():
            word = (match.group(group) or "").lower()
            if word and any(is_class(word, name) for name in names):
                return False
        for group, allowed in self.words.items():
            if (match.group(group) or "").lower() not in allowed:
                return False
        return all((match.group(g) or "").lower() not in banned for g, banned in self.not_words.items())


@cache
def _is_class() -> Any:
    """``grammar.forms.is_class``, imported on first use (a relative import in ``allow``, run for every match,
    resolved the package's name each time: a third of its time)."""
    from ...grammar.forms import is_class

    return is_class


def _names(path: str, where: str, value: Any) -> dict[str, tuple[str, ...]]:
    from ...grammar.forms import CLASSES

    if not isinstance(value, dict):
        raise RuleError(path, where, "must map group names to word classes")
    out = {}
    for group, names in value.items():
        names = (names,) if isinstance(names, str) else tuple(names)
        for name in names:
            if name not in CLASSES:
                expected = ", ".join(CLASSES)
                raise RuleError(path, f"{where}.{group}", f"unknown word class {name!r} (expected {expected})")
        out[str(group)] = names
    return out


def _word_sets(path: str, where: str, value: Any) -> dict[str, frozenset[str]]:
    if not isinstance(value, dict) or not all(isinstance(v, list) for v in value.values()):
        raise RuleError(path, where, "must map group names to lists of words")
    return {str(group): frozenset(str(w).lower() for w in words) for group, words in value.items()}


def _split(rule: Rule) -> tuple[Rule, tuple[_Constraints, ...]]:
    """The rule with the extra keys taken out of its items (for ``grammar-regex``'s parser), and the extras."""
    raw = rule.spec.get("regexes")
    if not isinstance(raw, list):
        return rule, ()
    items, extras = [], []
    for index, entry in enumerate(raw):
        where = f"regexes[{index}]"
        if not isinstance(entry, dict):
            items.append(entry)
            extras.append(_Constraints({}, {}, {}, {}, None))
            continue
        severity = entry.get("severity")
        if severity is not None and severity not in ("error", "warning", "suggestion"):
            raise RuleError(rule.path, where + ".severity", "must be error, warning or suggestion")
        extras.append(
            _Constraints(
                _names(rule.path, where + ".require", entry.get("require", {})),
                _names(rule.path, where + ".reject", entry.get("reject", {})),
                _word_sets(rule.path, where + ".words", entry.get("words", {})),
                _word_sets(rule.path, where + ".not-words", entry.get("not-words", {})),
                Severity.parse(severity) if severity else None,
            )
        )
        items.append({k: v for k, v in entry.items() if k not in _EXTRA})
    return replace(rule, spec={**rule.spec, "regexes": items}), tuple(extras)


class GrammarForms(GrammarRegex):
    """Regular expressions over the prose whose groups must be words of a class (a verb's past form...)."""

    fields: ClassVar[dict[str, Field]] = {
        **GrammarRegex.fields,
        "regexes": Field(list, True, "grammar-regex items, plus require, reject, words, not-words, severity"),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        plain, extras = _split(rule)
        items, _unless = _parse(plain)
        for index, (item, extra) in enumerate(zip(items, extras, strict=True)):
            compiled = item.regex.compiled  # type: ignore[union-attr]
            templates = " ".join(item.replacements)
            groups = set(extra.require) | set(extra.reject) | set(extra.words) | set(extra.not_words)
            groups |= {g for g, _f in _TEMPLATE.findall(templates)}
            for group in groups:
                if group not in compiled.groupindex:
                    raise RuleError(rule.path, f"regexes[{index}]", f"the regex has no group named {group!r}")
            for _group, name in _TEMPLATE.findall(templates):
                from ...grammar.forms import FORMS

                if name not in FORMS:
                    raise RuleError(rule.path, f"regexes[{index}].replacement", f"unknown form {name!r}")

    def __init__(self, rule: Rule) -> None:
        plain, self.extras = _split(rule)
        super().__init__(plain)
        self.rule = rule

    def run(self, doc: Document) -> Iterator[Finding]:
        prose, source, end_of_prose = doc.prose, doc.source, len(doc.prose)
        runs: list[tuple[int, int]] = []
        cancel: list[tuple[int, int]] | None = None
        taken: list[tuple[int, int]] = []
        for item, extra in zip(self.items, self.extras, strict=True):
            for match in item.regex.search(doc, 0, end_of_prose, runs):  # type: ignore[union-attr]
                start, end = match.span(item.group)
                whole_start, whole_end = match.span()
                if start < 0 or source[whole_start:whole_end] != prose[whole_start:whole_end]:
                    continue
                if any(s < end and start < e for s, e in taken) or not extra.allow(match):
                    continue
                if cancel is None:
                    cancel = [
                        (m.start(), m.end())
                        for rx in self.unless
                        for m in rx.regex.search(doc, 0, end_of_prose, runs)  # type: ignore[union-attr]
                    ]
                if any(s < whole_end and whole_start < e for s, e in cancel):
                    continue
                replacement = self._replacement(doc, match, item, start, end)
                if start == end and not replacement:
                    continue
                taken.append((start, end))
                yield self._found(doc, match, item, extra, start, end, replacement)

    def _replacement(self, doc: Document, match: re.Match[str], item: Item, start: int, end: int) -> str | None:
        if not item.replacements:
            return None
        from ...grammar.forms import FIRST_PERSON, OBJECT, OTHER_NUMBER, a_or_an, base_of, form, plural_of

        def fill(found: re.Match[str]) -> str:
            word = match.group(found.group(1)) or ""
            which = found.group(2)
            if which == "as-is":
                return word
            if which == "lower":
                return word.lower()
            if which == "a-an":
                return a_or_an(word)
            if which == "plural":
                return match_case(word, plural_of(word.lower()))
            if which == "object":
                return match_case(word, OBJECT.get(word.lower(), word))
            if which in ("other-number", "first-person"):
                table = OTHER_NUMBER if which == "other-number" else FIRST_PERSON
                return table.get(word.lower().replace("\u2019", "'"), word)
            low = word.lower()
            base = low if which == "base" and base_of(low) is None else (base_of(low) or low)
            made = form(base, which) or word
            return made[:1].upper() + made[1:] if word[:1].isupper() else made

        text = render(_TEMPLATE.sub(fill, item.replacements[0]), match, {})
        if text is None:
            return None
        return match_case(doc.source[start:end], text) if start < end else text

    def _found(
        self,
        doc: Document,
        match: re.Match[str],
        item: Item,
        extra: _Constraints,
        start: int,
        end: int,
        replacement: str | None,
    ) -> Finding:
        text = doc.source[start:end]
        fixes = (Fix(start, end - start, replacement, item.safe),) if replacement is not None else ()
        values: dict[str, Any] = {k: v for k, v in match.groupdict().items() if v}
        values.update(match=text, replacement=replacement or "")
        return self.finding(
            doc,
            start,
            end,
            message=item.message,
            suggestion=item.suggestion,
            fixes=fixes,
            severity=extra.severity,
            values=values,
        )
