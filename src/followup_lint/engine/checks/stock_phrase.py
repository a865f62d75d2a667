"""``stock-phrase``: ``existence`` for template phrases, quiet in a draft that already says something specific.

A stock phrase ("I am writing to ...", "thank you for the opportunity") is what a name-swapped template is made
of; in a note that also names a topic, a person or a figure of this conversation it is harmless, and telling the
writer to "replace it with a detail from the conversation" would be wrong. The draft's sentences are judged as
``kind-detail`` judges them (``specificity``), with the options and cue phrases of the rule named by
``detail-rule`` (a rule id: one in this rule's own rules folder first, then the built-in one).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import RuleError
from .kind_detail import KindDetail
from .phrases import Existence
from .specificity import sentences

if TYPE_CHECKING:
    from ...model import Finding
    from ..document import Document
    from ..rule import Rule

DETAIL_RULE = "personalization.thank-you-detail"


class StockPhrase(Existence):
    """Report every stock phrase of a draft in which no sentence is specific to this conversation."""

    _judge: KindDetail | None = None

    @classmethod
    def validate(cls, rule: Rule) -> None:
        super().validate(rule)
        name = rule.options.get("detail-rule", DETAIL_RULE)
        if not isinstance(name, str) or not name:
            raise RuleError(rule.path, "options.detail-rule", "must be the id of a kind-detail rule")

    def prepare(self) -> None:
        """Find the ``detail-rule`` among the loaded rules (cached: no file is read again)."""
        from ..loader import builtin_rules_dir, load_rules

        super().prepare()
        name = self.rule.options.get("detail-rule", DETAIL_RULE)
        folder = Path(self.rule.path).resolve().parent.parent if self.rule.path else None
        extra = (folder,) if folder is not None and folder.is_dir() and folder != builtin_rules_dir() else ()
        detail = load_rules(extra).get(name)
        if detail is None or detail.check != "kind-detail":
            raise RuleError(self.rule.path, "options.detail-rule", f"{name} is not a kind-detail rule")
        self._judge = KindDetail(detail)
        self._judge.prepare()

    def run(self, doc: Document) -> Iterator[Finding]:
        found = list(super().run(doc))
        if not found:
            return
        judge = self._judge
        if judge is not None and any(sentence.specific for sentence in sentences(doc, judge.settings(doc))):
            return  # the note carries a detail: the stock phrase is not what makes it a template
        yield from found
