"""Fuzz the readers (.eml, Markdown, text) and the engine for a set time; report executions and crashes.

    .venv/bin/python bench/fuzz.py --seconds 300            # coverage-guided with atheris when installed
    .venv/bin/python bench/fuzz.py --seconds 60 --mutate    # the built-in mutation fuzzer (no extra package)

A crash is any exception other than the one-line ``DraftError`` a bad input should give, or a finding whose
position is inconsistent. Crashing inputs are saved under bench/results/fuzz-crashes/.
(``pip install atheris`` adds coverage guidance; the built-in mode needs nothing.)
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("FOLLOWUP_LINT_MODEL", "none")

from followup_lint import Config  # noqa: E402
from followup_lint.api import linter_for  # noqa: E402
from followup_lint.reading import DraftError, read_bytes  # noqa: E402

CRASHES = ROOT / "bench" / "results" / "fuzz-crashes"
FORMATS = (".eml", ".md", ".txt")
TOKENS = [
    b"\x00", b"\r", b"\r\n", b"\n\n", b"--", b"-- \n", b"> ", b"```", b"`", b"[", b"](", b")", b"<", b">", b"*", b"_",
    b"=?utf-8?b?SGk=?=", b"=?x-unknown?q?hi?=", b"Content-Type: multipart/mixed; boundary=\"B\"\n", b"--B\n",
    b"--B--\n", b"Content-Transfer-Encoding: base64\n", b"Content-Transfer-Encoding: quoted-printable\n", b"=\n",
    b"=C3=A9", b"charset=utf-16", b"\xef\xbb\xbf", b"\xff\xfe", b"\xe2\x80\x99", b"\xf0\x9f\x99\x82",
    b"On Mon, Jan 5, 2026 Dana wrote:\n", b"Subject: ", b"{{first_name}}", b"[Company Name]", b"the the ",
]  # fmt: skip


def seeds() -> list[bytes]:
    out = [p.read_bytes() for p in sorted((ROOT / "fixtures").rglob("*")) if p.suffix in FORMATS]
    out.append(
        b'From: a@b.c\nSubject: Thanks\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="B"\n\n'
        b"--B\nContent-Type: text/html\n\n<p>Hi <b>Dana</b></p>\n--B\nContent-Type: text/plain\n\nHi Dana\n--B--\n"
    )
    return out or [b"Hi Dana,\n\nThank you.\n\nSam\n"]


def one_input(data: bytes, fmt: str) -> None:
    """Read and lint one input; raise AssertionError for inconsistent findings."""
    try:
        draft = read_bytes(f"fuzz{fmt}", data)
    except DraftError:
        return
    report = linter_for(Config()).lint(draft)
    for finding in report.findings:
        assert 0 <= finding.offset <= finding.end <= len(report.source), finding
        line, column = report.index.position(finding.offset)
        before = report.source[: finding.offset]
        assert (line, column) == (before.count("\n") + 1, finding.offset - before.rfind("\n")), finding


def save_crash(data: bytes, fmt: str, error: BaseException) -> Path:
    CRASHES.mkdir(parents=True, exist_ok=True)
    path = CRASHES / f"{hashlib.sha1(data).hexdigest()[:12]}{fmt}"
    path.write_bytes(data)
    (path.with_suffix(path.suffix + ".txt")).write_text("".join(traceback.format_exception(error)))
    return path


def mutate(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        choice = rng.random()
        pos = rng.randint(0, len(buf))
        if choice < 0.25 and buf:
            buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
        elif choice < 0.5:
            buf[pos:pos] = rng.choice(TOKENS)
        elif choice < 0.65 and buf:
            del buf[pos : pos + rng.randint(1, 16)]
        elif choice < 0.8:
            other = rng.choice(pool)
            start = rng.randint(0, len(other))
            buf[pos:pos] = other[start : start + rng.randint(1, 200)]
        else:
            chunk = bytes(buf[pos : pos + rng.randint(1, 64)])
            buf[pos:pos] = chunk * rng.randint(1, 8)
    return bytes(buf[:200_000])


def run_mutation(seconds: float, seed: int) -> int:
    rng = random.Random(seed)
    pool = seeds()
    deadline = time.monotonic() + seconds
    executions = crashes = 0
    while time.monotonic() < deadline:
        fmt = rng.choice(FORMATS)
        data = mutate(rng, rng.choice(pool), pool)
        executions += 1
        try:
            one_input(data, fmt)
        except Exception as error:  # every unexpected exception is a finding of the fuzzer
            crashes += 1
            path = save_crash(data, fmt, error)
            print(f"crash: {type(error).__name__}: {error} -> {path}", flush=True)
    print(f"mutation fuzzer: {executions} inputs in {seconds:.0f} s ({executions / seconds:.0f}/s), "
          f"{crashes} crashes, seed {seed}")  # fmt: skip
    return 1 if crashes else 0


def run_atheris(seconds: float) -> int:
    import atheris

    def target(data: bytes) -> None:
        if not data:
            return
        one_input(data[1:], FORMATS[data[0] % 3])

    corpus = ROOT / "bench" / "results" / "fuzz-corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for index, seed in enumerate(seeds()):
        (corpus / f"seed-{index}").write_bytes(bytes([index % 3]) + seed)
    atheris.instrument_all()
    CRASHES.mkdir(parents=True, exist_ok=True)
    args = [sys.argv[0], f"-max_total_time={int(seconds)}", "-max_len=20000", f"-artifact_prefix={CRASHES}/"]
    atheris.Setup([*args, str(corpus)], target)
    atheris.Fuzz()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mutate", action="store_true", help="use the built-in mutation fuzzer even with atheris")
    args = parser.parse_args()
    linter_for(Config())  # load rules once, outside the timed loop
    if not args.mutate:
        try:
            import atheris  # noqa: F401
        except ImportError:
            print("atheris is not installed; using the built-in mutation fuzzer")
        else:
            return run_atheris(args.seconds)
    return run_mutation(args.seconds, args.seed)


if __name__ == "__main__":
    raise SystemExit(main())
