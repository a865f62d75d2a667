"""``sentence-cues``: ``existence``, plus constructions whose cues must meet in one sentence.

Fixed phrases do not generalise to new wording: "I need to hear back by Friday" and "Kindly confirm the outcome
no later than Thursday" share no phrase, but both put a deadline (one cue) on a reply (another cue) in the
same sentence. A construction lists cue groups (each a mapping of ``phrases``/``patterns``/``regexes``, as in
``existence``); it fires on a sentence where every group matches (each with a cue of its own, all within
``span`` tokens), unless one of its ``unless`` cues, or one of the rule's ``hedges``, occurs anywhere in that
sentence ("could you", "when you have a moment", "you mentioned"); ``hedged: false`` ignores the rule's
hedges, and ``item-hedges`` cancel the rule's items in their sentence. The finding covers the cues, from the
first to the last (or only the cue of its ``mark`` group). A sentence gets at most one finding per rule, and
none from a construction where an item of the rule matched.

``quiet-for-dates-of`` (a list of owners: ``other-employer``, ``candidate``): a sentence whose dates, deadlines
and urgency words all belong to these owners (``date_owners``) is not reported: "I have an offer from another
company and need to answer by the 28th" sets no deadline for this employer.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations, islice, product
from typing import TYPE_CHECKING, Any, ClassVar

from ...model import Finding
from ..errors import RuleError
from ..schema import Field, check_fields
from ..word_view import word_view
from .matching import Match, Matcher, parse_items
from .phrases import MATCH_FIELDS, SCOPES, PhraseCheck, scope_range

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule

CONSTRUCTION_FIELDS: dict[str, Field] = {
    "name": Field(str, False, "what the construction is, for the rule file's reader"),
    "cues": Field(list, True, "cue groups (phrases/patterns/regexes mappings) that must all match in one sentence"),
    "unless": Field(dict, False, "phrases/patterns/regexes that, anywhere in the sentence, cancel it"),
    "mark": Field(int, False, "the cue group (0-based) whose match the finding covers (default: all of them)"),
    "hedged": Field(bool, False, "false: the rule's hedges do not cancel it (only its own `unless`)"),
    "span": Field(int, False, "the most tokens the cues may cover together, first to last (default: the sentence)"),
    "message": Field(str, False, "the message for its findings (default: the rule's)"),
    "suggestion": Field(str, False, "the suggestion for its findings (default: the rule's)"),
}


@dataclass(slots=True)
class Construction:
    """Cue groups that must all occur in one sentence, and the cues that cancel them there."""

    cues: list[Matcher]
    unless: Matcher | None
    span: int | None
    hedged: bool
    mark: int | None
    message: str | None
    suggestion: str | None


def _matcher(path: str, field: str, spec: Any) -> Matcher:
    if not isinstance(spec, dict):
        raise RuleError(path, field, "must be a mapping of phrases, patterns or regexes")
    items = parse_items(path, spec, field + ".")
    if not items:
        raise RuleError(path, field, "needs at least one of phrases, patterns or regexes")
    return Matcher(path, field, items)


def build_constructions(rule: Rule) -> tuple[list[Construction], Matcher | None]:
    """The rule's constructions and its sentence-wide hedges, compiled (patterns lazily)."""
    path = rule.path
    hedges = _matcher(path, "hedges", rule.spec["hedges"]) if rule.spec.get("hedges") else None
    if rule.spec.get("item-hedges"):
        _matcher(path, "item-hedges", rule.spec["item-hedges"])  # validates it
    built: list[Construction] = []
    for index, spec in enumerate(rule.spec.get("constructions") or []):
        where = f"constructions[{index}]"
        if not isinstance(spec, dict):
            raise RuleError(path, where, "must be a mapping with `cues`")
        check_fields(path, spec, CONSTRUCTION_FIELDS, where + ".")
        groups = spec["cues"]
        if not groups:
            raise RuleError(path, where + ".cues", "needs at least one cue group")
        cues = [_matcher(path, f"{where}.cues[{i}]", group) for i, group in enumerate(groups)]
        unless = _matcher(path, where + ".unless", spec["unless"]) if spec.get("unless") else None
        mark = spec.get("mark")
        if mark is not None and not 0 <= mark < len(cues):
            raise RuleError(path, where + ".mark", f"must be the index of one of its {len(cues)} cue groups")
        span = spec.get("span")
        if span is not None and span < 1:
            raise RuleError(path, where + ".span", "must be at least 1")
        built.append(
            Construction(
                cues, unless, span, spec.get("hedged", True), mark, spec.get("message"), spec.get("suggestion")
            )
        )
    return built, hedges


class SentenceCues(PhraseCheck):
    """Existence items, plus constructions: cue groups that must all occur in one unhedged sentence."""

    fields: ClassVar[dict[str, Field]] = {
        **MATCH_FIELDS,
        "constructions": Field(list, False, "cue groups that must meet in one sentence (see the module)"),
        "hedges": Field(dict, False, "phrases/patterns/regexes that cancel every construction in their sentence"),
        "item-hedges": Field(
            dict, False, "phrases/patterns/regexes that cancel the rule's item matches in their sentence"
        ),
        "quiet-for-dates-of": Field(
            list, False, "owners (other-employer, candidate) whose dates alone in a sentence do not make a finding"
        ),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        from ...date_owners import OWNERS

        for index, owner in enumerate(rule.spec.get("quiet-for-dates-of") or ()):
            if owner not in OWNERS or owner == "employer":
                known = ", ".join(o for o in OWNERS if o != "employer")
                raise RuleError(rule.path, f"quiet-for-dates-of[{index}]", f"unknown owner {owner!r} (known: {known})")
        constructions, _ = build_constructions(rule)
        if parse_items(rule.path, rule.spec) or not constructions:
            super().validate(rule)  # the items (one of items or constructions is required)
        elif rule.spec.get("scope", "prose") not in SCOPES:
            raise RuleError(rule.path, "scope", f"must be one of {', '.join(SCOPES)}")

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.has_items = any(rule.spec.get(key) for key in ("phrases", "patterns", "regexes"))
        self._constructions: tuple[list[Construction], Matcher | None] | None = None
        spec = rule.spec.get("item-hedges")
        self.item_hedges = _matcher(rule.path, "item-hedges", spec) if spec else None

    def constructions(self) -> tuple[list[Construction], Matcher | None]:
        """The constructions and the hedges, built the first time a draft needs them."""
        if self._constructions is None:
            self._constructions = build_constructions(self.rule)
        return self._constructions

    def prepare(self) -> None:
        if self.has_items:
            super().prepare()
        constructions, hedges = self.constructions()
        for construction in constructions:
            for matcher in [*construction.cues, construction.unless]:
                if matcher is not None:
                    matcher.prepare()
        if hedges:
            hedges.prepare()
        if self.item_hedges is not None:
            self.item_hedges.prepare()

    def run(self, doc: Document) -> Iterator[Finding]:
        quiet = frozenset(self.rule.spec.get("quiet-for-dates-of") or ())
        if not quiet:
            yield from self._run(doc)
            return
        owned = None
        starts: list[int] = []
        for finding in self._run(doc):
            if owned is None:
                from ...date_owners import owned_times

                owned = owned_times(doc.prose)
                starts = [sentence.start_char for sentence in doc.doc.sents]
            index = _sentence_of(starts, finding.offset)
            lo = starts[index] if starts else 0
            hi = starts[index + 1] if index + 1 < len(starts) else len(doc.prose)
            times = [t.owner for t in owned if lo <= t.start < hi]
            if times and all(owner in quiet for owner in times):
                continue  # only another employer's or the candidate's own dates in this sentence
            yield finding

    def _run(self, doc: Document) -> Iterator[Finding]:
        findings = list(super().run(doc)) if self.has_items else []
        bounds = scope_range(doc, self.scope)
        starts = [sentence.start_char for sentence in doc.doc.sents] if findings or bounds else []
        if findings and bounds is not None and self.item_hedges is not None:
            hedged_items = self._sentences(self.item_hedges, doc, bounds, starts)
            findings = [f for f in findings if _sentence_of(starts, f.offset) not in hedged_items]
        yield from findings
        constructions, hedges = self.constructions()
        if bounds is None or not constructions:
            return
        taken = {_sentence_of(starts, f.offset) for f in findings}
        hedged: set[int] | None = None
        tokens: list[int] | None = None
        for construction in constructions:
            per_group: list[dict[int, list[Match]]] = []
            candidates: set[int] | None = None
            for matcher in construction.cues:  # a group with no cue in the candidate sentences ends the search
                by_sentence: dict[int, list[Match]] = {}
                for match in matcher.find(doc, *bounds):
                    sentence = _sentence_of(starts, match.start)
                    if candidates is None or sentence in candidates:
                        by_sentence.setdefault(sentence, []).append(match)
                candidates = set(by_sentence) - taken if candidates is None else candidates & set(by_sentence)
                if not candidates:
                    break
                per_group.append(by_sentence)
            if not candidates:
                continue
            if tokens is None:
                tokens = word_view(doc.doc).columns["idx"]
            cancelled = self._sentences(construction.unless, doc, bounds, starts)
            if construction.hedged:
                if hedged is None:
                    hedged = self._sentences(hedges, doc, bounds, starts)
                cancelled |= hedged
            for sentence in sorted(candidates - cancelled):
                best = _tightest([group[sentence] for group in per_group], tokens, construction.mark)
                if best is None:
                    continue
                start, end, width = best
                if construction.span is not None and width > construction.span:
                    continue
                taken.add(sentence)
                yield self.finding(
                    doc,
                    start,
                    end,
                    message=construction.message,
                    suggestion=construction.suggestion,
                    values={"match": doc.source[start:end]},
                )

    @staticmethod
    def _sentences(matcher: Matcher | None, doc: Document, bounds: tuple[int, int], starts: list[int]) -> set[int]:
        if matcher is None:
            return set()
        return {_sentence_of(starts, m.start) for m in matcher.find(doc, *bounds)}


def _tightest(groups: list[list[Match]], tokens: list[int], mark: int | None = None) -> tuple[int, int, int] | None:
    """The narrowest choice of one match per group, as (start, end, width in tokens), where start and end cover
    the choice (or only its ``mark`` group's match); None if the groups have no cues of their own."""
    best: tuple[int, int, int] | None = None
    for choice in islice(product(*groups), 4096):
        if len(choice) > 1 and any(a.start < b.end and b.start < a.end for a, b in combinations(choice, 2)):
            continue  # each group needs a cue of its own
        start = min(m.start for m in choice)
        end = max(m.end for m in choice)
        width = bisect_right(tokens, end - 1) - bisect_right(tokens, start) + 1
        if best is None or width < best[2]:
            best = (choice[mark].start, choice[mark].end, width) if mark is not None else (start, end, width)
    return best


def _sentence_of(starts: list[int], offset: int) -> int:
    """The index of the sentence that contains ``offset``."""
    return max(bisect_right(starts, offset) - 1, 0)
