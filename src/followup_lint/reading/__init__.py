"""Reading drafts: bytes on disk (or standard input) become a ``Draft`` with its prose marked."""

from __future__ import annotations

import os
from pathlib import Path

from .decode import MAX_BYTES, MAX_EML_BYTES, check_size, decode
from .draft import Draft
from .errors import DraftError

__all__ = ["Draft", "DraftError", "draft_from_text", "format_for", "read_bytes", "read_path"]

_FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".eml": "email",
    ".mbox": "email",
    ".txt": "text",
    ".text": "text",
    "": "text",
}


def format_for(path: str) -> str:
    """The draft format implied by a file name: ``text``, ``markdown`` or ``email``."""
    return _FORMATS.get(os.path.splitext(path)[1].lower(), "text")


def draft_from_text(text: str, path: str = "<text>", fmt: str | None = None) -> Draft:
    """A draft from text already in memory (the library API and the language server use this)."""
    fmt = fmt or format_for(path)
    if fmt == "email":
        from .eml import read_eml

        return read_eml(path, text.encode("utf-8"))
    if fmt == "markdown":
        from .markdown import read_markdown

        return read_markdown(path, text)
    from .plain import read_text

    return read_text(path, text)


def read_bytes(path: str, data: bytes, fmt: str | None = None) -> Draft:
    """A draft from raw bytes; ``path`` is used for messages and to choose the format."""
    fmt = fmt or format_for(path)
    if fmt == "email":
        from .eml import read_eml

        return read_eml(path, data)
    text, _encoding = decode(path, data)
    return draft_from_text(text, path, fmt)


def read_file(path: str | Path, limit: int = MAX_BYTES) -> tuple[bytes, os.stat_result]:
    """A draft file's bytes and its status, read in one go; ``DraftError`` with a one-line reason otherwise."""
    name = str(path)
    try:
        if os.path.isdir(name):
            raise DraftError(name, "is a directory")
        with open(name, "rb") as handle:
            info = os.fstat(handle.fileno())
            check_size(name, info.st_size, limit)
            return handle.read(), info
    except DraftError:
        raise
    except FileNotFoundError:
        raise DraftError(name, "no such file") from None
    except PermissionError:
        raise DraftError(name, "permission denied") from None
    except OSError as exc:
        raise DraftError(name, exc.strerror or str(exc)) from None


def read_path(path: str | Path, fmt: str | None = None) -> Draft:
    """Read a draft file, raising ``DraftError`` with a one-line reason when it cannot be linted."""
    name = str(path)
    fmt = fmt or format_for(name)
    data, _ = read_file(name, MAX_EML_BYTES if fmt == "email" else MAX_BYTES)
    return read_bytes(name, data, fmt)
