"""RFC 5322 messages (``.eml``): the Subject and the body the user wrote, via the standard ``email`` package.

Attachments are skipped without being decoded (``mime.prune``), and only the text counts against the size
limit: a follow-up with a large CV attached reads as fast as one without.

Positions refer to the file itself when the chosen body part is stored as plain text (7bit/8bit); in a
message larger than ``MAX_BYTES`` the source is the file up to the end of that part, so it cannot be fixed
in place. When the part is quoted-printable or base64 encoded, or only HTML exists, the draft's ``source``
is the header block as in the file followed by the decoded (and, for HTML, converted) body: positions
refer to that decoded text.
"""

from __future__ import annotations

import email
import email.errors
import re
from email import policy
from email.message import EmailMessage

from .decode import MAX_BYTES
from .draft import Draft, Masker, detect_newline
from .errors import DraftError
from .html import html_to_text
from .mime import OVERSIZED_HEADER, PART_HEADER, Pruned, prune
from .plain import mask_links, mask_reply_parts

#: A text part larger than this as stored (quoted-printable may triple the text) is not decoded at all.
MAX_TEXT_PART_BYTES = 4 * MAX_BYTES
_SUBJECT = re.compile(r"^Subject:[ \t]*([^\r\n]*(?:\r?\n[ \t]+[^\r\n]*)*)", re.IGNORECASE | re.MULTILINE)
_IDENTITY = {"", "7bit", "8bit", "binary"}


def read_eml(path: str, data: bytes) -> Draft:
    pruned = prune(path, data, MAX_TEXT_PART_BYTES)
    _refuse_nul(path, pruned)
    if pruned.header_end > MAX_BYTES:
        raise DraftError(path, f"has a header block over {MAX_BYTES // 1024} KB, so it is not a draft")
    try:
        message = email.message_from_bytes(pruned.data, policy=policy.default)
    except (email.errors.MessageError, ValueError, LookupError) as exc:
        raise DraftError(path, f"is not a readable e-mail message ({exc})") from None
    if not isinstance(message, EmailMessage) or (not message.keys() and not data.strip()):
        raise DraftError(path, "is empty: an .eml file needs headers and a body")
    if not message.keys():
        raise DraftError(path, "has no e-mail headers (is it a plain-text draft? name it .txt)")
    subject = _header(message, "subject")
    part = _body_part(message)
    span: tuple[int, int] | None = (pruned.body_start, len(data))  # the body's bytes in ``data``
    if part is None:
        _explain_missing_text(path, message)
        body, identity = "", True
    else:
        if pruned.multipart:
            span = _stored_span(path, part, pruned)
        elif len(data) - pruned.body_start > MAX_TEXT_PART_BYTES:
            _too_large(path, len(data) - pruned.body_start)
        body, identity = _part_text(path, part)
        size = len(body.encode("utf-8", "surrogatepass"))
        if size > MAX_BYTES:
            _too_large(path, size)
    # The text positions refer to: the whole file when it is small, else the file up to the end of the body.
    if not pruned.multipart or len(data) <= MAX_BYTES:
        window = data
    elif span is not None and span[1] <= 2 * MAX_BYTES:
        window = data[: span[1]]
    else:
        window = data[: pruned.body_start]
    raw, codec = _decode(window)
    identity = identity and codec == "utf-8"
    header_len = len(window[: pruned.body_start].decode(codec))
    if identity and part is not None and not message.is_multipart() and window is data:
        # The body is the file's own text after the header block.
        source, body_start, body_end, writable = raw, header_len, len(raw), True
    else:
        located = -1
        if identity and span is not None and span[1] <= len(window) and body.strip():
            start = len(window[: span[0]].decode(codec))
            located = start if raw.startswith(body, start) else raw.find(body, header_len)
        if located >= 0:
            source, body_start, body_end, writable = raw, located, located + len(body), window is data
        else:
            header_text = raw[:header_len]
            source = header_text + body
            body_start, body_end, writable = header_len, len(source), False
    masker = Masker(source)
    subject_span = None
    match = _SUBJECT.search(source, 0, header_len)
    if match and subject and "=?" not in match.group(1):
        subject_span = (match.start(1), match.end(1))  # the subject line is the user's prose too
        masker.hide(0, subject_span[0])
        masker.hide(subject_span[1], body_start)
    else:
        masker.hide(0, body_start)
    masker.hide(body_end, len(source))
    mask_reply_parts(masker, body_start, body_end)
    mask_links(masker, body_start, body_end)
    return Draft(
        path=path,
        format="email",
        source=source,
        prose=masker.render(),
        body_start=body_start,
        subject=subject,
        subject_span=subject_span,
        writable=writable,
        newline=detect_newline(source),
        date=_header(message, "date"),
    )


def _refuse_nul(path: str, pruned: Pruned) -> None:
    """Refuse a NUL byte anywhere in the headers or a text part: only attachments, left out, may hold them."""
    if b"\x00" not in pruned.data:
        return
    if not pruned.multipart or b"\x00" in pruned.data[: pruned.header_end]:
        raise DraftError(path, "looks like a binary file (it contains NUL bytes), not an e-mail message")
    raise DraftError(path, "has NUL bytes in a text part, so it is not a text draft")


def _decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and its codec: UTF-8 when it is valid UTF-8, else Latin-1 (one character a byte)."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _too_large(path: str, size: int) -> None:
    def shown(count: int) -> str:
        return f"{count / 1048576:.1f} MB" if count >= 1048576 else f"{count // 1024} KB"

    raise DraftError(
        path,
        f"its text is too large to lint ({shown(size)}; the limit is {shown(MAX_BYTES)}; attachments do not count)",
    )


def _stored_span(path: str, part: EmailMessage, pruned: Pruned) -> tuple[int, int] | None:
    """Where the chosen text part's body is in the original bytes; raises when it was too large to keep."""
    oversized = part.get(OVERSIZED_HEADER)
    if oversized is not None:
        _too_large(path, int(str(oversized)))
    marks = part.get_all(PART_HEADER) or ()
    index = str(marks[-1]) if marks else ""
    return pruned.bodies[int(index)] if index.isdigit() and int(index) < len(pruned.bodies) else None


def _explain_missing_text(path: str, message: EmailMessage) -> None:
    """Raise a clear error when a message that should have text has none we can find."""
    if message.get_content_maintype() == "multipart" and not message.is_multipart():
        raise DraftError(path, f"has a broken MIME structure (boundary {message.get_boundary()!r} not found)")
    if message.is_multipart():
        broken = [d for d in message.defects if "Boundary" in type(d).__name__]
        if broken or not message.get_payload():
            boundary = message.get_boundary()
            raise DraftError(
                path, f"has a broken MIME structure (boundary {boundary!r} not found), so no text was found"
            )
        names = [p.get_filename() or p.get_content_type() for p in message.walk() if not p.is_multipart()]
        raise DraftError(path, f"has no text part to lint, only attachments ({', '.join(names) or 'none'})")
    if message.get_content_maintype() != "text" and message.get_payload():
        raise DraftError(path, f"has no text part to lint (its body is {message.get_content_type()})")


def _header(message: EmailMessage, name: str) -> str | None:
    try:
        value = message.get(name)
    except (email.errors.HeaderParseError, ValueError, LookupError):
        return None
    return str(value).strip() if value is not None else None


def _body_part(message: EmailMessage) -> EmailMessage | None:
    """The part holding the user's text: ``text/plain`` preferred, else ``text/html``; attachments skipped."""
    try:
        part = message.get_body(preferencelist=("plain", "html"))
    except (KeyError, ValueError, LookupError, email.errors.MessageError):
        part = None
    if part is None and not message.is_multipart() and message.get_content_maintype() == "text":
        part = message
    return part  # type: ignore[return-value]


def _part_text(path: str, part: EmailMessage) -> tuple[str, bool]:
    """The part's text and whether it is stored verbatim (no transfer encoding, plain text)."""
    encoding = str(part.get("content-transfer-encoding", "")).strip().lower()
    try:
        text = part.get_content()
    except LookupError:
        charset = part.get_content_charset()
        raise DraftError(path, f"uses an unknown character set {charset!r}") from None
    except (ValueError, AssertionError, email.errors.MessageError) as exc:
        raise DraftError(path, f"has a body that cannot be decoded ({exc})") from None
    if not isinstance(text, str):
        return "", True
    if "\x00" in text:  # a NUL decoded from base64 or quoted-printable
        raise DraftError(path, "has NUL bytes in its text, so it is not a text draft")
    if part.get_content_subtype() == "html":
        return html_to_text(text), False
    return text, encoding in _IDENTITY
