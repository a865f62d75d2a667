"""A cache of built resources (e.g. parsed rule files) under the user's cache directory.

The directory is ``$FOLLOWUP_LINT_CACHE_DIR`` if set (an empty value turns caching off), else
``$XDG_CACHE_HOME/followup-lint``, else ``~/.cache/followup-lint``. Entries are ``marshal`` files (the fastest
form to load for plain data) named by a key that includes the package version and the inputs' hashes or
mtimes, so a new release or an edited rule file builds a fresh entry. When the directory cannot be written
the linter keeps working from memory: caching is best effort and never an error.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

#: Bump when the layout of a cached object changes.
FORMAT = 1

T = TypeVar("T")

try:  # hashlib's own module: importing hashlib loads OpenSSL's bindings too (3 to 4 ms), for nothing here
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - Python builds without it
    from hashlib import blake2b


def cache_dir() -> Path | None:
    """Where cached entries live, or ``None`` when caching is turned off."""
    override = os.environ.get("FOLLOWUP_LINT_CACHE_DIR")
    if override is not None:
        return Path(override).expanduser() if override.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if not base.strip() or not os.path.isabs(base):  # the spec says to ignore a relative XDG_CACHE_HOME
        base = str(Path.home() / ".cache")
    return Path(base) / "followup-lint"


def key(*parts: str) -> str:
    """A short hash of the package version, the cache format and ``parts``."""
    from . import __version__

    digest = blake2b(f"{FORMAT}\0{__version__}".encode(), digest_size=12)
    for part in parts:
        digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def stat_stamp(paths: Iterable[Path]) -> str:
    """The paths with their sizes and modification times: cheap to compute, changes when a file is edited."""
    lines = []
    for path in paths:
        try:
            info = path.stat()
            lines.append(f"{path}\0{info.st_size}\0{info.st_mtime_ns}")
        except OSError:
            lines.append(f"{path}\0missing")
    return "\n".join(lines)


def content_hash(paths: Iterable[Path]) -> str:
    """A hash of the names and bytes of ``paths`` (for inputs whose mtimes may not be trusted)."""
    digest = blake2b(digest_size=16)
    for path in paths:
        digest.update(str(path).encode("utf-8", "surrogatepass") + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"\0missing")
    return digest.hexdigest()


def _entry(name: str, entry_key: str) -> Path | None:
    directory = cache_dir()
    return None if directory is None else directory / f"{name}-{entry_key}.marshal"


def load(name: str, entry_key: str) -> Any | None:
    """The value stored as ``name`` for ``entry_key``, or ``None`` when absent, unreadable or caching is off."""
    path = _entry(name, entry_key)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    # Unmarshalling 100,000 strings into a dict triggers the cyclic garbage collector again and again, and each
    # pass walks every object the process holds: with it paused, a cold lint's cache loads take half the time.
    # Marshal data holds no reference cycles, so nothing is left for the collector to find.
    paused = gc.isenabled()
    gc.disable()
    try:
        return marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return None
    finally:
        if paused:
            gc.enable()


def store(name: str, entry_key: str, value: Any) -> bool:
    """Store ``value`` (plain data: marshal-able) atomically and drop older entries of ``name``.

    Returns whether it was stored; a value marshal cannot write or an unwritable directory is not an error.
    """
    path = _entry(name, entry_key)
    if path is None:
        return False
    try:
        data = marshal.dumps(value)
    except ValueError:
        return False
    import tempfile  # only when writing: it imports random and shutil

    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{name}-", delete=False) as handle:
            temporary = handle.name
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return False
    for old in path.parent.glob(f"{name}-*.marshal"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()
    return True


def cached(name: str, entry_key: str, build: Callable[[], T]) -> T:
    """The cached value of ``name`` for ``entry_key``; built with ``build()`` and stored when missing."""
    value = load(name, entry_key)
    if value is not None:
        return value  # type: ignore[no-any-return]
    value = build()
    store(name, entry_key, value)
    return value


class Memo:
    """A table of plain values kept in the user cache between processes (what an analysis found for each rule
    regex, say): loaded on first use, and written back by ``save`` only when an entry was added since.
    ``key_of`` gives the entry key (the inputs' fingerprint), or "" when nothing may be cached."""

    __slots__ = ("_entries", "_key", "_key_of", "_name", "_new")

    def __init__(self, name: str, key_of: Callable[[], str]) -> None:
        self._name, self._key_of = name, key_of
        self._entries: dict[str, Any] | None = None
        self._key = ""
        self._new = False

    @property
    def enabled(self) -> bool:
        self._loaded()
        return bool(self._key)

    def _loaded(self) -> dict[str, Any]:
        if self._entries is None:
            self._key = self._key_of()
            stored = load(self._name, self._key) if self._key else None
            self._entries = stored if isinstance(stored, dict) else {}
        return self._entries

    def get(self, name: str) -> Any | None:
        return self._loaded().get(name)

    def put(self, name: str, value: Any) -> None:
        self._loaded()[name] = value
        self._new = True

    def save(self) -> None:
        """Store the table if an entry was added since it was loaded (best effort; cheap when none was)."""
        if self._new and self._key and self._entries is not None:
            self._new = False
            store(self._name, self._key, self._entries)
