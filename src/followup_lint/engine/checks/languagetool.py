"""Findings from a LanguageTool server (optional backend, ``--languagetool URL`` or ``languagetool = "..."``).

It runs after the built-in checks as the first finalizer (``pipeline.FINALIZERS``), so it can merge: a
LanguageTool match that overlaps a built-in typo or grammar finding (or one of the same category) is dropped in
favour of the built-in one.
Matches map onto the contract's categories through ``rules/_data/grammar-languagetool.yaml``. Typo matches
obey the same exemptions as the built-in speller (context names, the personal word list, British and
technical spellings, capitalised words inside a sentence). An unreachable server costs one warning on stderr;
the lint completes without it.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import TYPE_CHECKING, Any

from ...model import Finding, Fix, Severity

if TYPE_CHECKING:
    from ..document import Document

#: Servers that failed in this process (tried once, warned once).
_DEAD: set[str] = set()
BACKEND = "languagetool"


@cache
def settings() -> dict[str, Any]:
    import yaml

    from ...spelling.data import data_dir

    return yaml.safe_load((data_dir() / "grammar-languagetool.yaml").read_text(encoding="utf-8"))


def merge(doc: Document, findings: list[Finding]) -> None:
    """Add the server's matches to ``findings`` (in place), mapped, filtered and without duplicates."""
    url = doc.config.languagetool
    if not url or url in _DEAD or not doc.prose.strip():
        return
    from ...backends.languagetool import UnavailableError, client

    language = doc.context.dialect or "en-US"
    try:
        matches = client(url).check(doc.prose, language)
    except UnavailableError as exc:
        _DEAD.add(url)
        sys.stderr.write(
            f"followup-lint: warning: LanguageTool server {url}: {exc}; linted without it"
            " (start the server, or drop --languagetool / `languagetool` from the config)\n"
        )
        return
    conf = settings()
    added: list[Finding] = []
    for m in matches:
        category = _category(m.category, m.issue_type, conf)
        start, end = m.offset, m.offset + m.length
        if (
            category is None
            or m.rule_id in conf.get("ignore-rules", ())
            or not 0 <= start < end <= len(doc.source)
            or doc.source[start:end] != doc.prose[start:end]
            or not _selected(doc, category)
            or (category == "typo" and _exempt_word(doc, start, end))
        ):
            continue
        if any(
            f.offset < end and start < f.end and (f.category in ("typo", "grammar") or f.category == category)
            for f in [*findings, *added]
        ):
            continue  # the built-in finding (or an earlier match) already covers it
        severity = Severity.parse(conf.get("severity", {}).get(category, "suggestion"))
        fixes = tuple(Fix(start, end - start, r, False) for r in m.replacements[:3])
        added.append(
            Finding(
                rule=f"{category}.{BACKEND}",
                category=category,
                severity=severity,
                message=m.message,
                offset=start,
                length=end - start,
                fixes=fixes,
                suggestion=f"From LanguageTool ({m.rule_id})"
                + (f": write \u201c{m.replacements[0]}\u201d." if m.replacements else "."),
            )
        )
    if added:
        findings.extend(added)
        findings.sort(key=lambda f: (f.offset, -f.severity, f.rule, f.length))


def _category(lt_category: str, issue_type: str, conf: dict[str, Any]) -> str | None:
    if issue_type == "misspelling":
        return "typo"
    return conf.get("categories", {}).get(lt_category, "grammar")


def _selected(doc: Document, category: str) -> bool:
    rule_id = f"{category}.{BACKEND}"

    def hits(selector: str) -> bool:
        selector = selector.strip()
        return selector.upper() == "ALL" or selector in (category, rule_id) or rule_id.startswith(selector + ".")

    config = doc.config
    return (not config.select or any(hits(s) for s in config.select)) and not any(hits(s) for s in config.ignore)


def _exempt_word(doc: Document, start: int, end: int) -> bool:
    """Whether the built-in speller's exemptions cover this word (so a LanguageTool typo would be noise)."""
    from ...spelling import speller
    from .spelling import _name_words, _sentence_start

    word = doc.source[start:end]
    low = word.lower()
    if low in doc.words or low in _name_words(doc) or speller().known(word, doc.context.dialect):
        return True
    return word[:1].isupper() and not _sentence_start(doc.prose, start)
