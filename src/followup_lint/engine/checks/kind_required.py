"""``kind-required``: ``required`` for per-kind expectations. It stays silent when the kind was only assumed
(not given with ``--kind`` and no cue found in the draft), so a draft of unknown kind is not held to, say, a
thank-you note's expectations.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .required import Required

if TYPE_CHECKING:
    from ...model import Finding
    from ..document import Document


def kind_is_known(doc: Document) -> bool:
    """Whether the draft's kind was given or detected from at least one cue."""
    return bool(doc.context.kind) or doc.kind[1] > 0


class KindRequired(Required):
    """Fires once, at the start of the body, when nothing matches and the draft's kind is known."""

    def run(self, doc: Document) -> Iterator[Finding]:
        if kind_is_known(doc):
            yield from super().run(doc)
