"""The extracted data in the user cache, so that only the first run (per spaCy version and release) imports spaCy.

The entry's key holds spaCy's version (read from ``spacy/about.py`` without importing spaCy), the package
version (``followup_lint.cache.key``) and a hash of the modules that define the pipeline (``engine/nlp.py`` and
this package). A missing, stale or unreadable entry is rebuilt from spaCy; caching is best effort.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ... import cache
from .doc import Doc
from .extract import FORMAT
from .pipeline import LightPipeline

NAME = "tokens"
_VERSION = re.compile(r"""^__version__\s*=\s*["']([^"']+)["']""", re.MULTILINE)


def spacy_version() -> str | None:
    """spaCy's version, read from its ``about.py`` (``find_spec("spacy")`` locates the package, importing nothing)."""
    try:
        spec = importlib.util.find_spec("spacy")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        try:
            found = _VERSION.search((Path(location) / "about.py").read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        if found:
            return found.group(1)
    return None


def entry_key() -> str | None:
    """The cache key of the data for the installed spaCy and this code, or ``None`` without spaCy."""
    version = spacy_version()
    if version is None:
        return None
    here = Path(__file__).resolve().parent
    modules = [*sorted(here.glob("*.py")), here.parent / "nlp.py"]
    return cache.key(NAME, version, cache.content_hash(modules))


def load_pipeline(
    build: Callable[[], dict[str, Any] | None], components: Iterable[Callable[[Doc], Doc]] = ()
) -> LightPipeline | None:
    """The light pipeline from the cached data, else from ``build()`` (which imports spaCy; ``None``: unsupported).

    ``None`` when spaCy is not installed, the pipeline cannot be copied, or caching is turned off (the data
    could not be kept, and spaCy, imported to read it, is as quick for this one process): the caller uses spaCy.
    """
    key = entry_key()
    if key is None or cache.cache_dir() is None:
        return None
    components = tuple(components)
    light = _pipeline(cache.load(NAME, key), components)
    if light is not None:
        return light
    data = build()
    if data is None:
        return None
    cache.store(NAME, key, data)
    return _pipeline(data, components)


def _pipeline(data: Any, components: tuple[Callable[[Doc], Doc], ...]) -> LightPipeline | None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    try:
        return LightPipeline(data, components)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError, re.error):
        return None
