"""The linter: selects and configures rules, then runs the pipeline's stages over a draft.

``pipeline.py`` declares the stages; this module runs them: the analyses (on demand, through ``Document``), the
checks of the selected rules, then the finalizers. It returns what it found as a ``LintResult``, or as whatever
the ``report`` factory it was given builds from the same fields (the application gives ``FileReport``).
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .. import pipeline
from ..model import CATEGORIES, Context, Finding, Severity
from ..reading import Draft
from ..settings import Config, ConfigError
from .budget import budget, timer
from .checks import Check, check_class
from .document import Document
from .kinds import kind_is_sure
from .language import looks_english
from .literals import FACTS
from .loader import load_rules
from .rule import Rule
from .tokens.regexes import COMPILED

EMPTY = "The draft has no text to check."
NOT_ENGLISH = "This draft does not look like English; only English is supported, so it was not checked."

#: Findings one rule reports on one draft at most: past this a draft is not a follow-up (500 KB of "the the"
#: gave 65,000 findings, and the language server published 44,000 diagnostics for a 1 MB buffer).
MAX_FINDINGS_PER_RULE = 200
TOO_MANY = "Rule {rule} found more than {count} problems; only the first {count} are listed."


@dataclass
class LintResult:
    """What linting one draft found: its findings (sorted), its metrics and notes about the whole draft."""

    path: str
    source: str
    findings: list[Finding]
    metrics: dict[str, Any] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


def select_rules(rules: dict[str, Rule], config: Config) -> list[Rule]:
    """The rules a config runs, with its severity and option overrides applied."""
    for where, selectors in (("select", config.select), ("ignore", config.ignore)):
        for selector in selectors:
            if (
                selector.upper() != "ALL"
                and selector not in CATEGORIES
                and not any(r.matches(selector) for r in rules.values())
            ):
                raise ConfigError(config.path or "command line", where, f"unknown rule or category {selector!r}")
    if config.select:
        # A category, prefix or ALL selects the enabled rules in it; an exact id also enables an opt-in rule.
        chosen = [
            r
            for r in rules.values()
            if r.id in config.select or (r.enabled and any(r.matches(s) for s in config.select))
        ]
    else:
        chosen = [r for r in rules.values() if r.enabled]
    chosen = [r for r in chosen if not any(r.matches(s) for s in config.ignore)]
    return [_override(rule, config) for rule in sorted(chosen, key=lambda r: r.id)]


def _override(rule: Rule, config: Config) -> Rule:
    severity: Severity | None = None
    options: dict[str, Any] = {}
    for selector, settings in config.overrides:
        if not rule.matches(selector):
            continue
        for key, value in settings.items():
            field = f"rules.{selector}.{key}"
            if key == "severity":
                try:
                    severity = Severity.parse(str(value))
                except ValueError as exc:
                    raise ConfigError(config.path or "config", field, str(exc)) from None
            elif key in rule.options:
                default = rule.options[key]
                if isinstance(default, bool) != isinstance(value, bool) or not isinstance(
                    value, (int, float) if isinstance(default, (int, float)) else type(default)
                ):
                    raise ConfigError(config.path or "config", field, f"must be like the default {default!r}")
                if isinstance(value, float) and not math.isfinite(value):
                    raise ConfigError(config.path or "config", field, "must be a finite number")
                options[key] = value
    return rule.with_overrides(severity, options) if severity or options else rule


def _check_overrides(rules: dict[str, Rule], config: Config) -> None:
    for selector, settings in config.overrides:
        matched = [r for r in rules.values() if r.matches(selector)]
        if not matched:
            raise ConfigError(config.path or "config", f"rules.{selector}", "names no known rule or category")
        for key in settings:
            if key != "severity" and not any(key in r.options for r in matched):
                known = sorted({o for r in matched for o in r.options})
                raise ConfigError(
                    config.path or "config",
                    f"rules.{selector}.{key}",
                    f"unknown option (known: {', '.join(known) or 'none'})",
                )


def _without_deferred(
    findings: list[Finding], deferring: frozenset[str], uncovering: frozenset[str] = frozenset()
) -> list[Finding]:
    """Drop a deferring rule's finding where another rule of its category reports an overlapping span: one
    problem, one finding (the learned tone model gives way to a phrase rule's more precise rewrite). Findings of
    ``uncovering`` rules (``covers: false``, the politeness meter) make nothing give way."""
    if not deferring:
        return findings
    # Per category, the other findings' starts in order and the furthest end among those up to each: a
    # deferring finding overlaps one iff the last of them starting before its end reaches past its start
    # (a binary search each, where comparing every pair grew with the square of a long draft's findings).
    starts: dict[str, list[int]] = {}
    reach: dict[str, list[int]] = {}
    for g in sorted(
        (f for f in findings if f.rule not in deferring and f.rule not in uncovering), key=lambda g: g.offset
    ):
        ends = reach.setdefault(g.category, [])
        starts.setdefault(g.category, []).append(g.offset)
        ends.append(max(g.end, ends[-1]) if ends else g.end)

    def covered(f: Finding) -> bool:
        index = bisect.bisect_left(starts.get(f.category, ()), f.end) - 1
        return index >= 0 and reach[f.category][index] > f.offset

    return [f for f in findings if f.rule not in deferring or not covered(f)]


class Linter:
    """Lints drafts with one configuration. Rules are compiled once; reuse the linter for many drafts.

    ``report`` builds each draft's result from ``path``, ``source``, ``findings``, ``metrics`` and ``notices``.
    """

    def __init__(self, config: Config | None = None, report: Callable[..., Any] = LintResult) -> None:
        self.report = report
        self.finalizers = [pipeline.resolve(ref) for ref in pipeline.FINALIZERS]
        self.config = config or Config()
        available = load_rules(self.config.rule_dirs)
        _check_overrides(available, self.config)
        self.rules = select_rules(available, self.config)
        self.checks: list[Check] = []
        for rule in self.rules:
            kind = check_class(rule.check)
            assert kind is not None  # the loader rejects unknown check types
            check = kind(rule)
            check.prepare()
            self.checks.append(check)
        #: Rules whose findings give way to an overlapping finding of another rule of the same category.
        self.deferring = frozenset(c.rule.id for c in self.checks if c.rule.spec.get("defer"))
        #: Rules whose findings make no deferring finding give way (``covers: false``).
        self.uncovering = frozenset(c.rule.id for c in self.checks if c.rule.spec.get("covers") is False)
        self.rule_ids = frozenset(r.id for r in self.rules)

    def lint(self, draft: Draft, context: Context | None = None) -> Any:
        """Run every selected rule over ``draft``."""
        ctx = self.config.context.merged(context) if context else self.config.context
        doc = Document(draft, ctx, self.config)
        doc.rule_ids = self.rule_ids
        findings: list[Finding] = []
        notices: list[str] = []
        checks = self.checks
        if not draft.prose[draft.body_start :].strip():
            notices.append(EMPTY)
            checks = []
        elif not looks_english(draft.prose[draft.body_start :]):
            notices.append(NOT_ENGLISH)
            checks = []
        with timer():
            for check in checks:
                if check.rule.applies_to(ctx.channel) and (not check.rule.kinds or _kind_applies(doc, check.rule)):
                    with budget(draft.path, check.rule.id, check.rule.path):
                        found = list(itertools.islice(check.run(doc), MAX_FINDINGS_PER_RULE + 1))
                    if len(found) > MAX_FINDINGS_PER_RULE:
                        del found[MAX_FINDINGS_PER_RULE:]
                        notices.append(TOO_MANY.format(rule=check.rule.id, count=MAX_FINDINGS_PER_RULE))
                    findings.extend(found)
        for memo in (FACTS, COMPILED):  # what the regexes' pre-checks learned and their code, for the next process
            memo.save()
        findings = _without_deferred(findings, self.deferring, self.uncovering)
        findings.sort(key=lambda f: (f.offset, -f.severity, f.rule, f.length))
        for finalize in self.finalizers:
            finalize(doc, findings)
        metrics: dict[str, Any] = {name: doc.metric(name) for name in pipeline.REPORT_METRICS}
        metrics.update(doc.metrics)
        metrics = {k: (int(v) if isinstance(v, float) and v.is_integer() else v) for k, v in metrics.items()}
        return self.report(path=draft.path, source=draft.source, findings=findings, metrics=metrics, notices=notices)


def _kind_applies(doc: Document, rule: Rule) -> bool:
    """Whether a rule for some kinds of message runs on this draft: its kind is one of them, given or detected
    surely. On an unsure detection the rules that depend on the kind stay quiet rather than guess, unless the rule
    says it may report a guess as a suggestion (``options.when-guessed: suggestion``)."""
    if doc.kind[0] not in rule.kinds:
        return False
    return kind_is_sure(doc) or rule.options.get("when-guessed") == "suggestion"
