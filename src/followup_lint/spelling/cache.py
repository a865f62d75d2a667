"""A cache of built resources under the user's cache directory, keyed by package version and input hashes."""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

#: Bump when the layout of a cached object changes.
FORMAT = 3


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/followup-lint``, else ``~/.cache/followup-lint``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "followup-lint"


def fingerprint(files: Iterable[Path], *extra: str) -> str:
    """A short hash of the package version, ``extra`` strings and the bytes of ``files``."""
    from .. import __version__

    digest = hashlib.sha256(f"{FORMAT}\0{__version__}".encode())
    for text in extra:
        digest.update(b"\0" + text.encode())
    for path in files:
        digest.update(b"\0" + path.name.encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def cached(name: str, key: str, build: Callable[[], Any]) -> Any:
    """The object cached as ``name`` for ``key``; built and stored (best effort) when missing or unreadable."""
    path = cache_dir() / f"{name}-{key}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{name}-", delete=False) as handle:
            handle.write(marshal.dumps(value))
        os.replace(handle.name, path)
        for old in path.parent.glob(f"{name}-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or missing cache directory: keep working from memory
    return value
