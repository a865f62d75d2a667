"""The pipeline: every stage a draft goes through, declared here, in order, and nowhere else.

::

    bytes ─read─▶ Draft ─analyse─▶ Document ─check─▶ findings ─finalize─▶ findings + metrics ─report─▶ text/JSON/line
           reading/            engine/document      engine/checks/       engine/linter              reporting/

1. **read** (``reading/``): bytes or text become a ``Draft`` (source, prose mask, body start); the format
   comes from the file name (``reading.format_for``).
2. **analyse** (``ANALYSES``): views of the draft that checks share, each computed on first use and at most
   once per draft (``doc.<name>``).
3. **check** (``CHECKS``): each rule file names its check type with ``check:``; the type's class runs the rule.
4. **finalize** (``FINALIZERS``), in this order, after every check: they may add findings (a backend's
   matches) and put report metrics (``METRICS``; ``REPORT_METRICS`` are on every report) into the report.
5. **report** (``FORMATS``, ``METERS``): findings and metrics become text, JSON or one line per finding.

Entries are ``"module:attribute"`` references, imported on first use (``resolve``), so a stage's code and its
heavy resources load only when a draft needs them, and no module registers itself as a side effect of being
imported. This module imports nothing from the package: every layer may read it. docs/architecture.md says how
to add a rule, a check type, an analysis, a metric or a finalizer.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

#: 2. Analyses: ``Document`` attribute -> function of the ``Document`` giving it (computed once per draft).
ANALYSES: dict[str, str] = {
    # the prose lowercased for the rules' literal pre-checks, and whether it is all ASCII
    "folded": "followup_lint.engine.document:folded",
    "ascii": "followup_lint.engine.document:all_ascii",
    # the longest runs of white space and of word characters (how far a regex reaches around its literals)
    "runs": "followup_lint.engine.document:runs",
    # tokens and sentences: the light pipeline's Doc, or spaCy's
    "doc": "followup_lint.engine.document:tokens",
    # the words of the body (regex matches)
    "body_words": "followup_lint.engine.metrics:body_words",
    # greeting, sign-off, paragraphs
    "layout": "followup_lint.engine.document:layout",
    # the body's header lines written into the text ("Subject: ...", "To: ...", "Re: ..."), as spans
    "header_lines": "followup_lint.engine.document:header_lines",
    # the message kind (thank-you, check-in, post-rejection, networking) and the confidence in it
    "kind": "followup_lint.engine.kinds:message_kind",
    # the body's sentences for the reading grade and sentence length
    "grade_sentences": "followup_lint.engine.checks.readability:find_sentences",
    # the closing line (sign-off) and whether a name follows it
    "closing": "followup_lint.engine.checks.structure:find_closing",
    # the body's sentences and their tokens for the politeness strategies
    "polite_sentences": "followup_lint.engine.checks.politeness:find_sentences",
    # the dates the timing rules need (interview, send, previous follow-ups)
    "timeline": "followup_lint.engine.checks.timing:timeline",
    # the body's sentences read by the learned tone model (label and probability of not being polite)
    "tone": "followup_lint.engine.checks.sentence_model:tone",
}

#: 3. Check types: a rule file's ``check:`` -> its ``Check`` subclass.
CHECKS: dict[str, str] = {
    "existence": "followup_lint.engine.checks.phrases:Existence",
    "substitution": "followup_lint.engine.checks.phrases:Substitution",
    "required": "followup_lint.engine.checks.required:Required",
    "metric": "followup_lint.engine.checks.metric:Metric",
    "sentence-cues": "followup_lint.engine.checks.sentence_cues:SentenceCues",
    "grammar-regex": "followup_lint.engine.checks.grammar_regex:GrammarRegex",
    "formality": "followup_lint.engine.checks.formality:Formality",
    "personalization": "followup_lint.engine.checks.personalization:Personalization",
    "structure": "followup_lint.engine.checks.structure:Structure",
    "names": "followup_lint.engine.checks.names:Names",
    "spelling": "followup_lint.engine.checks.spelling:Spelling",
    "readability": "followup_lint.engine.checks.readability:Readability",
    "politeness": "followup_lint.engine.checks.politeness:Politeness",
    "timing": "followup_lint.engine.checks.timing:Timing",
    "kind-required": "followup_lint.engine.checks.kind_required:KindRequired",
    "kind-detail": "followup_lint.engine.checks.kind_detail:KindDetail",
    "stock-phrase": "followup_lint.engine.checks.stock_phrase:StockPhrase",
    "sentence-model": "followup_lint.engine.checks.sentence_model:SentenceModel",
    "grammar-forms": "followup_lint.engine.checks.grammar_forms:GrammarForms",
}

#: 4. Finalizers, run in this order after every check with ``(document, findings)``.
FINALIZERS: tuple[str, ...] = (
    # the optional LanguageTool backend's matches, merged first so that the scores below see them
    "followup_lint.engine.checks.languagetool:merge",
    # the message kind, the readiness score and its verdict
    "followup_lint.engine.checks.readiness:finalize",
    # the politeness meter, also when its rule is not selected
    "followup_lint.engine.checks.politeness:always_measured",
)

#: Metrics by name (``doc.metric(name)``, ``check: metric`` rules): function of the ``Document`` -> number.
METRICS: dict[str, str] = {
    "words": "followup_lint.engine.metrics:words",
    "sentences": "followup_lint.engine.metrics:sentences",
    "characters": "followup_lint.engine.metrics:characters",
    "grade": "followup_lint.engine.checks.readability:grade",
    "politeness": "followup_lint.engine.checks.politeness:politeness_metric",
}

#: Where the n-th unit of a metric starts, so that a "too long" finding can point at the excess.
LOCATORS: dict[str, str] = {
    "words": "followup_lint.engine.metrics:nth_word",
    "characters": "followup_lint.engine.metrics:nth_character",
}

#: Metrics every report carries, first, whatever rules run.
REPORT_METRICS: tuple[str, ...] = ("words", "sentences")

#: 5. Report formats: ``--format`` name -> writer ``(report, stream, color=...)``.
FORMATS: dict[str, str] = {
    "text": "followup_lint.reporting.text_format:write_text",
    "json": "followup_lint.reporting.json_format:write_json",
    "line": "followup_lint.reporting.line_format:write_lines",
}

#: How the text format shows a metric: metric -> function of its value giving a short label (or None to hide
#: it). Metrics without an entry are only in the JSON report.
METERS: dict[str, str] = {
    "words": "followup_lint.reporting.meters:show_words",
    "sentences": "followup_lint.reporting.meters:show_sentences",
    "kind": "followup_lint.reporting.meters:show_kind",
    "readiness": "followup_lint.reporting.meters:show_readiness",
    "verdict": "followup_lint.reporting.meters:show_verdict",
    "politeness": "followup_lint.reporting.meters:show_politeness",
    "grade": "followup_lint.reporting.meters:show_grade",
}


@cache
def resolve(ref: str) -> Any:
    """The object a ``"module:attribute"`` reference names, importing its module on first use."""
    module, _, attribute = ref.partition(":")
    return getattr(importlib.import_module(module), attribute)
