"""The spelling resources' cache entries, kept in the shared cache directory (``followup_lint.cache``)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..cache import cache_dir, cached, key, stat_stamp

__all__ = ["cache_dir", "cached", "fingerprint"]

#: Bump when the layout of a cached spelling object changes.
FORMAT = 7


def fingerprint(files: Iterable[Path], *extra: str) -> str:
    """A short key from the package version, ``extra`` strings and the paths, sizes and mtimes of ``files``
    (hashing their 2 MB of bytes instead cost 8 ms on every first lint)."""
    return key(f"spelling-{FORMAT}", *extra, stat_stamp(files))[:20]
