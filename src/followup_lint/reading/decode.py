"""Turn the bytes of a draft into text, refusing binary and undecodable input with a clear reason."""

from __future__ import annotations

import codecs

from .errors import DraftError

#: Text drafts larger than this are refused: a follow-up is a few hundred words, not megabytes.
MAX_BYTES = 512 * 1024
#: An .eml file may carry attachments, so the file may be larger; only its text counts against MAX_BYTES.
MAX_EML_BYTES = 128 * 1024 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def check_size(path: str, size: int, limit: int = MAX_BYTES) -> None:
    """Refuse input over ``limit`` bytes with a message that names the limit."""
    if size > limit:
        raise DraftError(path, f"is too large to be a draft ({_size(size)}; the limit is {_size(limit)})")


def _size(count: int) -> str:
    return f"{count / 1048576:.1f} MB" if count >= 1048576 else f"{count // 1024} KB"


def sniff_encoding(data: bytes) -> str | None:
    """The encoding named by a byte-order mark, or None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def decode(path: str, data: bytes) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)``. The BOM, if any, is not part of the text."""
    check_size(path, len(data))
    encoding = sniff_encoding(data)
    if encoding is None:
        if b"\x00" in data[:8192]:
            raise DraftError(path, "looks like a binary file (it contains NUL bytes), not a text draft")
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DraftError(
            path,
            f"is not valid {exc.encoding.upper()} (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8",
        ) from None
    if "\x00" in text:
        raise DraftError(path, "contains NUL characters, so it is not a text draft")
    return text, encoding
