"""The spelling resources' cache entries, kept in the shared cache directory (``followup_lint.cache``)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..cache import cache_dir, cached, content_hash, key

__all__ = ["cache_dir", "cached", "fingerprint"]

#: Bump when the layout of a cached spelling object changes.
FORMAT = 4


def fingerprint(files: Iterable[Path], *extra: str) -> str:
    """A short key from the package version, ``extra`` strings and the bytes of ``files``."""
    return key(f"spelling-{FORMAT}", *extra, content_hash(files))[:20]
