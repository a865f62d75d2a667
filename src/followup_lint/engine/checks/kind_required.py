"""``kind-required``: ``required`` for per-kind expectations. It stays silent when the kind was only guessed
(not given with ``--kind`` and detected below the cue file's ``sure`` confidence), so a draft of uncertain kind
is not held to, say, a thank-you note's expectations.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..kinds import kind_is_sure
from .required import Required

if TYPE_CHECKING:
    from ...model import Finding
    from ..document import Document


def kind_is_known(doc: Document) -> bool:
    """Whether the draft's kind was given or detected surely enough (``engine.kinds.kind_is_sure``)."""
    return kind_is_sure(doc)


class KindRequired(Required):
    """Fires once, at the start of the body, when nothing matches and the draft's kind is known."""

    def run(self, doc: Document) -> Iterator[Finding]:
        if kind_is_known(doc):
            yield from super().run(doc)
