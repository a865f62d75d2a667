"""Reading drafts: every finding's line, column, offset and text refer to the file as the user sees it."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from followup_lint.reading import DraftError, read_bytes, read_path

from .conftest import ROOT

ZEBRA = str(ROOT / "tests" / "data" / "zebra-rules")


def zebra_findings(run_cli, path: Path | str, *extra: str) -> list[dict]:
    status, out, err = run_cli(str(path), "--rules", ZEBRA, "--select", "test.zebra", "--format", "json", *extra)
    assert status in (0, 1), err
    return json.loads(out)["files"][0]["findings"]


def assert_consistent(finding: dict, source: str) -> None:
    """``text`` is the source slice, and line/column agree with the offset (columns count code points)."""
    offset, length = finding["offset"], finding["length"]
    assert finding["text"] == source[offset : offset + length]
    before = source[:offset]
    assert finding["line"] == before.count("\n") + 1
    assert finding["column"] == offset - (before.rfind("\n") + 1) + 1


def test_plain_text_crlf_and_non_ascii(run_cli, tmp_path: Path) -> None:
    source = "Hi Zoë,\r\n\r\nCafé ☕ and 日本語 notes: the zebra.\r\nA Zebra again 🦓 zebra\r\n"
    path = tmp_path / "draft.txt"
    path.write_bytes(source.encode("utf-8"))
    found = zebra_findings(run_cli, path)
    assert [(f["line"], f["column"], f["text"]) for f in found] == [(3, 27, "zebra"), (4, 3, "Zebra"), (4, 17, "zebra")]
    for finding in found:
        assert_consistent(finding, source)
    assert found[1]["fixes"][0]["replacement"] == "Horse"  # the fix keeps the capital


def test_utf8_bom_is_not_counted(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfzebra here\n")
    (finding,) = zebra_findings(run_cli, path)
    assert (finding["offset"], finding["line"], finding["column"]) == (0, 1, 1)


def test_quoted_reply_attribution_and_signature_are_not_prose(run_cli, tmp_path: Path) -> None:
    source = (
        "Hi Dana,\n\nOne zebra of mine.\n\n"
        "On Tue, 3 Mar 2026 at 10:02, Dana Lee <dana@acme.example> wrote:\n"
        "> a zebra quoted\n> more zebra\n\nMy reply zebra.\n-- \nSam, zebra keeper\n"
    )
    path = tmp_path / "reply.txt"
    path.write_text(source)
    found = zebra_findings(run_cli, path)
    assert [(f["line"], f["text"]) for f in found] == [(3, "zebra"), (9, "zebra")]


def test_top_posted_reply_hides_the_quoted_original(tmp_path: Path) -> None:
    source = "Thanks Dana!\n\nOn Mon, Jan 5, 2026 Dana wrote:\nHi Sam, a zebra question\n"
    draft = read_bytes("x.txt", source.encode())
    assert "zebra" not in draft.prose and "Thanks Dana!" in draft.prose
    assert len(draft.prose) == len(draft.source)


MARKDOWN = """---
title: zebra front matter
---
# Thank you, zebra

Hello **zebra** and `zebra code` and [zebra link](https://zebra.example/zebra) ![zebra](z.png).

```
zebra in a fence
```

    zebra indented code

- a list zebra
<span class="zebra">html zebra</span> <https://zebra.example>

[ref]: https://zebra.example/zebra
"""


def test_markdown_skips_code_link_targets_and_markup(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(MARKDOWN)
    found = zebra_findings(run_cli, path)
    assert [(f["line"], f["column"]) for f in found] == [(4, 14), (6, 9), (6, 39), (14, 10), (15, 26)]
    for finding in found:
        assert_consistent(finding, MARKDOWN)
        assert finding["text"] == "zebra"


def test_markdown_keeps_placeholders_that_look_like_tags() -> None:
    draft = read_bytes("x.md", b"I enjoyed <insert specific project> and <b>bold</b>.\n")
    assert "<insert specific project>" in draft.prose
    assert "<b>" not in draft.prose and "bold" in draft.prose


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("Thanks **so** much", "Thanks   so   much"),
        ("a *b* and _c_ and ~~d~~", "a  b  and  c  and   d  "),
        ("snake_case_name and 2*3*4", "snake_case_name and 2*3*4"),  # inside words: not emphasis
        ("**unclosed and *also", "**unclosed and *also"),
        ("x * not emphasis * y", "x * not emphasis * y"),  # a blank after the opener
        ("**bold** and *it*", "  bold   and  it "),
        ("**" + "x" * 200 + "**", "  " + "x" * 200 + "  "),  # 200 characters: the widest emphasis
        ("**" + "x" * 201 + "**", "**" + "x" * 201 + "**"),
        ("a \\# b | c || d \\\\\\", "a  # b   c    d   \\"),  # escapes (a run too) and table pipes
    ],
)
def test_markdown_emphasis_escapes_and_pipes_are_blanked(line: str, prose: str) -> None:
    assert read_bytes("x.md", line.encode()).prose == prose


def test_markdown_markup_is_read_in_linear_time() -> None:
    """500 KB of each kind of markup reads in well under a second (a line of unclosed ``**`` took 1.3 s, a
    file of one-letter lines 3 s, a run of escaped or piped characters 1.5 s)."""
    import time

    for text in (
        "**a " * 131_000,
        "*a _b ~~c " * 52_000,
        "\\" * 520_000,
        "|" * 520_000,
        "*" * 520_000,
        "a\n" * 260_000,
        "<" * 520_000,
    ):
        start = time.process_time()
        read_bytes("x.md", text.encode())
        assert time.process_time() - start < 4.0, text[:8]


PLAIN_EML = (
    "From: Sam Patel <sam@example.com>\r\n"
    "To: Dana Lee <dana@acme.example>\r\n"
    "Subject: Thank you, zebra\r\n"
    "Date: Tue, 3 Mar 2026 10:00:00 +0000\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "\r\n"
    "Hi Dana,\r\n"
    "\r\n"
    "Thank you, é zebra.\r\n"
    "\r\n"
    "> quoted zebra\r\n"
    "-- \r\n"
    "Sam zebra\r\n"
)


def test_eml_positions_refer_to_the_file(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "draft.eml"
    path.write_bytes(PLAIN_EML.encode("utf-8"))
    found = zebra_findings(run_cli, path)
    assert [(f["line"], f["column"]) for f in found] == [(3, 21), (9, 14)]
    for finding in found:
        assert_consistent(finding, PLAIN_EML)


def test_eml_headers_are_not_prose() -> None:
    draft = read_bytes("x.eml", PLAIN_EML.encode())
    assert "dana@acme" not in draft.prose and "Content-Type" not in draft.prose
    assert draft.subject == "Thank you, zebra"
    assert draft.source[slice(*draft.subject_span)] == "Thank you, zebra"
    assert draft.date and draft.writable


def _mime(body_headers: str, body: str) -> bytes:
    return (
        "From: sam@example.com\nTo: dana@acme.example\nSubject: Follow-up\nMIME-Version: 1.0\n"
        + body_headers
        + "\n\n"
        + body
    ).encode()


def test_quoted_printable_body_is_decoded(run_cli, tmp_path: Path) -> None:
    body = "Hi Dana,\n\nThank you for the caf=C3=A9 chat about the zebra=\n project.\n"
    path = tmp_path / "qp.eml"
    path.write_bytes(
        _mime("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable", body)
    )
    found = zebra_findings(run_cli, path)
    _status, _out, _ = run_cli(str(path), "--rules", ZEBRA, "--select", "test.zebra", "--format", "json")
    (finding,) = found
    assert finding["text"] == "zebra"
    draft = read_path(path)
    assert not draft.writable and "café chat about the zebra project" in draft.source
    assert_consistent(finding, draft.source)


def test_base64_body_and_multipart_prefers_plain(tmp_path: Path) -> None:
    plain = base64.b64encode(b"Hi Dana,\n\nThank you, plain zebra.\n").decode()
    message = (
        "From: sam@example.com\nSubject: Thanks\nMIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="XX"\n\n'
        "--XX\nContent-Type: text/html; charset=utf-8\n\n<p>Hi, html zebra</p>\n"
        "--XX\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        f"{plain}\n--XX--\n"
    )
    draft = read_bytes("m.eml", message.encode())
    assert "plain zebra" in draft.prose and "html zebra" not in draft.prose


def test_multipart_plain_7bit_part_maps_to_the_file(run_cli, tmp_path: Path) -> None:
    message = (
        "From: sam@example.com\nSubject: Thanks\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="XX"\n\n'
        "--XX\nContent-Type: text/plain; charset=utf-8\n\nHi Dana,\nA zebra here.\n"
        "--XX\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n--XX--\n"
    )
    path = tmp_path / "mixed.eml"
    path.write_text(message)
    (finding,) = zebra_findings(run_cli, path)
    assert (finding["line"], finding["column"]) == (10, 3)
    assert_consistent(finding, message)


def test_html_only_message_is_converted_to_text() -> None:
    message = _mime(
        "Content-Type: text/html; charset=utf-8",
        "<html><body><p>Hi Dana,</p><p>Thank you &amp; a zebra.</p><blockquote>old zebra</blockquote></body></html>",
    )
    draft = read_bytes("h.eml", message)
    assert "Thank you & a zebra." in draft.prose
    assert "old zebra" not in draft.prose and "<p>" not in draft.source


def test_html_quotes_are_marked_per_line_and_entities_decoded_once() -> None:
    from followup_lint.reading.html import html_to_text

    markup = (
        "<p>Hi Dana,</p><blockquote><p>Dear <b>Sam</b>, thank you</p>see <i>you</i></blockquote>"
        "<p>I wrote &amp;lt;3 &lt; 4 and a < b <a <a</p>"
    )
    assert html_to_text(markup) == (
        "Hi Dana,\n\n> Dear Sam, thank you\n> see you\n\nI wrote &lt;3 < 4 and a < b <a <a\n"
    )


def test_stdin_with_filename_picks_the_format(run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    class FakeStdin:
        buffer = io.BytesIO(b"See `zebra` and a zebra.\n")

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    status, out, _err = run_cli(
        "-", "--stdin-filename", "note.md", "--rules", ZEBRA, "--select", "test.zebra", "--format", "line"
    )
    assert out == "note.md:1:19: error: 'zebra' is a test word. [test.zebra]\n"
    assert status == 1


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("bin.txt", b"\x89PNG\x00\x00\x00", "binary"),
        ("bad.txt", b"caf\xe9 zebra", "not valid UTF-8"),
    ],
)
def test_unreadable_input_is_refused_in_one_line(run_cli, tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    status, _out, err = run_cli(str(path))
    assert status == 2
    assert err.count("\n") == 1 and str(path) in err and reason in err
    assert "Traceback" not in err


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Hi Dana, a zebra.\n".encode("utf-16"))
    assert read_path(path).source == "Hi Dana, a zebra.\n"


def test_missing_file_raises_draft_error() -> None:
    with pytest.raises(DraftError, match="no such file"):
        read_path("/nonexistent/draft.txt")
