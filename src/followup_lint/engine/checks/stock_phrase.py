"""``stock-phrase``: ``existence`` for template phrases, quiet in a draft that already says something specific.

A stock phrase ("I am writing to ...", "thank you for the opportunity") is what a name-swapped template is made
of; in a note that also names a topic, a person or a figure of this conversation it is harmless, and telling the
writer to "replace it with a detail from the conversation" would be wrong. The draft's sentences are judged as
``kind-detail`` judges them (``specificity``), with the options and cue phrases of the rule file named by
``detail-rule`` (a path under the rules folder, looked up beside this rule's folder first, then built in).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
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

DETAIL_RULE = "message-kinds/thank-you-detail.yaml"


def detail_rule_path(rule_path: str | None, name: str) -> Path:
    """The rule file whose judgement of a detail is used: beside this rule's rules folder, else built in."""
    from ..loader import builtin_rules_dir

    if rule_path:
        local = Path(rule_path).resolve().parent.parent / name
        if local.is_file():
            return local
    return builtin_rules_dir() / name


@lru_cache(maxsize=4)
def _judge(path: str) -> KindDetail:
    from ..loader import load_rule_file

    check = KindDetail(load_rule_file(Path(path)))
    check.prepare()
    return check


class StockPhrase(Existence):
    """Report every stock phrase of a draft in which no sentence is specific to this conversation."""

    @classmethod
    def validate(cls, rule: Rule) -> None:
        super().validate(rule)
        name = rule.options.get("detail-rule", DETAIL_RULE)
        if not isinstance(name, str) or not name.endswith((".yaml", ".yml")) or ".." in Path(name).parts:
            raise RuleError(rule.path, "options.detail-rule", "must be a rule file's path under the rules folder")
        path = detail_rule_path(rule.path, name)
        if not path.is_file():
            raise RuleError(rule.path, "options.detail-rule", f"no such rule file: {name}")

    def run(self, doc: Document) -> Iterator[Finding]:
        found = list(super().run(doc))
        if not found:
            return
        judge = _judge(str(detail_rule_path(self.rule.path, self.rule.options.get("detail-rule", DETAIL_RULE))))
        if any(sentence.specific for sentence in sentences(doc, judge.settings(doc))):
            return  # the note carries a detail: the stock phrase is not what makes it a template
        yield from found
