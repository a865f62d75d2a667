"""``--format json``: the versioned report of the public contract (schema in ``report.schema.json``)."""

from __future__ import annotations

import json
from typing import TextIO

from .results import Report


def write_json(report: Report, stream: TextIO, *, color: bool | None = None) -> None:
    json.dump(report.to_dict(), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
