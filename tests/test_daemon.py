"""The resident process is transparent: same output and exit status as a direct run, private, bypassable,
gone when idle, replaced when the code changes, and never serving a stale user rule file.

Each test runs the installed console script with its own ``XDG_RUNTIME_DIR`` and stops every resident process
it started. Waits have generous caps that only catch a hang; nothing here is timed.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from followup_lint.cli import daemon

ROOT = Path(__file__).resolve().parents[1]
EXE = Path(sys.executable).parent / "followup-lint"
CAP = 300.0  # seconds: a warm-up on a loaded machine takes a while; only a hang exceeds this

pytestmark = pytest.mark.skipif(not EXE.exists() or sys.platform == "win32", reason="needs the console script, POSIX")

BAD = ["bad/casual-text-speak.txt", "bad/check-in-no-question.md", "bad/to-whom-it-may-concern.eml"]
GOOD = ["good/check-in-electrician.txt", "good/check-in-accountant.eml"]


def wait_for(condition: Callable[[], object], what: str) -> object:
    deadline = time.monotonic() + CAP
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"gave up waiting for {what}")


class Resident:
    """The console script with the resident process on, in a private runtime directory."""

    def __init__(self, runtime: Path, **extra: str) -> None:
        runtime.mkdir(mode=0o700, exist_ok=True)
        self.runtime = runtime
        self.env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "FOLLOWUP_LINT_DAEMON": "1", **extra}
        self.env.pop("TMPDIR", None)
        self.sockets = runtime / "followup-lint"

    def run(
        self, *args: str, cwd: Path = ROOT, stdin: bytes | None = None, **env: str
    ) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [str(EXE), *args],
            input=stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL,
            capture_output=True,
            cwd=cwd,
            env={**self.env, **env},
            timeout=CAP,
        )

    def status(self) -> dict[str, int] | None:
        """The resident process's pid and runs served, or None when none answers."""
        out = self.run("daemon", "status").stdout.decode()
        found = re.search(r"resident process (\d+): (\d+) runs served", out)
        return {"pid": int(found[1]), "served": int(found[2])} if found else None

    def start(self) -> dict[str, int]:
        """Make sure a resident process is up (a first run starts one) and return its status."""
        if self.status() is None:
            self.run("--version")
        return wait_for(self.status, "the resident process to start")  # type: ignore[return-value]

    def place(self) -> tuple[str, str]:
        """The socket path and code stamp the console script computes (run as it is run: same interpreter)."""
        python = EXE.read_text(encoding="utf-8").splitlines()[0][2:].strip()
        code = "from followup_lint.cli.daemon import Place, code_stamp as s; print(Place.here().socket); print(s())"
        out = subprocess.run([python, "-c", code], capture_output=True, text=True, env=self.env, check=True)
        sock, stamp = out.stdout.split()
        return sock, stamp

    def stop(self) -> None:
        self.run("daemon", "stop")


@pytest.fixture(scope="module")
def resident() -> Iterator[Resident]:
    with tempfile.TemporaryDirectory(prefix="fl-", dir="/tmp") as runtime:  # a socket's path must be short
        server = Resident(Path(runtime), FOLLOWUP_LINT_DAEMON_IDLE="600")
        server.start()
        yield server
        server.stop()


@pytest.fixture
def runtime() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="fl-", dir="/tmp") as directory:
        yield Path(directory)


def direct(server: Resident, *args: str, cwd: Path = ROOT, stdin: bytes | None = None) -> tuple[int, bytes, bytes]:
    out = server.run("--no-daemon", *args, cwd=cwd, stdin=stdin)
    return out.returncode, out.stdout, out.stderr


def served(server: Resident, *args: str, cwd: Path = ROOT, stdin: bytes | None = None) -> tuple[int, bytes, bytes]:
    """Run through the resident process, checking that it did serve the run."""
    before = server.status()
    assert before is not None
    out = server.run(*args, cwd=cwd, stdin=stdin)
    after = server.status()
    assert after is not None and after["pid"] == before["pid"] and after["served"] == before["served"] + 1
    return out.returncode, out.stdout, out.stderr


@pytest.mark.parametrize("fmt", ["text", "json", "line"])
def test_same_output_and_status_as_a_direct_run(resident: Resident, fmt: str) -> None:
    for paths in ([f"fixtures/{BAD[0]}"], [f"fixtures/{GOOD[0]}"], [f"fixtures/{name}" for name in (*BAD, *GOOD)]):
        expected = direct(resident, "--format", fmt, *paths)
        assert expected[0] == (0 if paths[0].startswith("fixtures/good") else 1)
        assert served(resident, "--format", fmt, *paths) == expected, paths


def test_standard_input_errors_and_usage_errors_are_the_same(resident: Resident, tmp_path: Path) -> None:
    data = (ROOT / "fixtures" / BAD[0]).read_bytes()
    for args in (["-"], ["--stdin-filename", "note.md", "--format", "json", "-"]):
        assert served(resident, *args, stdin=data) == direct(resident, *args, stdin=data)
    missing = str(tmp_path / "missing.txt")
    for args in ([missing], ["--format", "xml", missing], ["--version"], ["--help"], ["rule", "gratitude.missing"]):
        expected = direct(resident, *args)
        assert served(resident, *args) == expected, args
    assert direct(resident, missing)[0] == 2


def test_the_working_directory_config_and_environment_are_the_callers(resident: Resident, tmp_path: Path) -> None:
    (tmp_path / ".followup-lint.toml").write_text('select = ["formality"]\n', encoding="utf-8")
    (tmp_path / "d.txt").write_bytes((ROOT / "fixtures" / BAD[0]).read_bytes())
    expected = direct(resident, "d.txt", cwd=tmp_path)
    assert served(resident, "d.txt", cwd=tmp_path) == expected
    assert b"formality." in expected[1] and b"grammar." not in expected[1]


def test_fix_writes_the_same_file_with_the_same_mode(resident: Resident, tmp_path: Path) -> None:
    source = (ROOT / "fixtures" / BAD[0]).read_bytes()
    results = []
    for how in ("direct", "served"):
        draft = tmp_path / how / "d.txt"
        draft.parent.mkdir()
        draft.write_bytes(source)
        out = direct(resident, "--fix", "d.txt", cwd=draft.parent) if how == "direct" else None
        out = out or served(resident, "--fix", "d.txt", cwd=draft.parent)
        results.append((out, draft.read_bytes(), stat.S_IMODE(draft.stat().st_mode)))
    assert results[0] == results[1]
    assert results[0][1] != source


def test_colour_on_a_terminal_is_the_same(resident: Resident) -> None:
    import fcntl
    import pty
    import struct
    import termios

    def on_terminal(*args: str) -> tuple[int, bytes]:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
        process = subprocess.Popen([str(EXE), *args], stdout=slave, stderr=slave, cwd=ROOT, env=resident.env)
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the terminal's last writer closed it
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(master)
        return process.wait(timeout=CAP), b"".join(chunks)

    before = resident.status()
    coloured = on_terminal("fixtures/" + BAD[0])
    assert resident.status()["served"] == before["served"] + 1  # type: ignore[index]
    assert b"\x1b[" in coloured[1]
    assert coloured == on_terminal("--no-daemon", "fixtures/" + BAD[0])


def test_bypass_with_the_flag_or_the_environment(resident: Resident) -> None:
    before = resident.status()
    path = "fixtures/" + BAD[0]
    flagged = resident.run("--no-daemon", path)
    switched_off = resident.run(path, FOLLOWUP_LINT_DAEMON="0")
    assert resident.status() == before
    assert flagged.stdout == switched_off.stdout and flagged.returncode == switched_off.returncode == 1


def test_socket_and_directory_are_private(resident: Resident) -> None:
    assert stat.S_IMODE(resident.sockets.stat().st_mode) == 0o700
    sockets = list(resident.sockets.glob("*.sock"))
    assert sockets
    for sock in sockets:
        info = sock.stat()
        assert stat.S_ISSOCK(info.st_mode) and stat.S_IMODE(info.st_mode) == 0o600
        assert info.st_uid == os.getuid()


def test_a_socket_others_could_use_is_not_used(resident: Resident) -> None:
    sock = next(resident.sockets.glob("*.sock"))
    before = resident.status()
    sock.chmod(0o666)
    try:
        out = resident.run("fixtures/" + BAD[0])
    finally:
        sock.chmod(0o600)
    assert out.returncode == 1 and b"formality.slang" in out.stdout
    assert resident.status()["served"] == before["served"]  # type: ignore[index]


def test_an_edited_user_rule_file_is_read_again(resident: Resident, tmp_path: Path) -> None:
    rule = tmp_path / "rules" / "demo.yaml"
    rule.parent.mkdir()
    (tmp_path / ".followup-lint.toml").write_text('rule-dirs = ["rules"]\nselect = ["custom"]\n', encoding="utf-8")
    (tmp_path / "d.txt").write_text("Hi Dana,\n\nI will circle back soon.\n\nSam\n", encoding="utf-8")
    template = (
        "id: custom.demo\ncategory: tone\nseverity: warning\ncheck: existence\nmessage: 'MESSAGE \"{match}\"'\n"
        "why: A test.\nphrases: [circle back]\nexamples: {fire: ['I will circle back.'], pass: ['I will write.']}\n"
    )
    rule.write_text(template.replace("MESSAGE", "first wording"), encoding="utf-8")
    first = served(resident, "d.txt", cwd=tmp_path)
    assert b"first wording" in first[1]
    rule.write_text(template.replace("MESSAGE", "second, longer wording"), encoding="utf-8")
    second = served(resident, "d.txt", cwd=tmp_path)
    assert b"second, longer wording" in second[1] and b"first wording" not in second[1]
    assert second == direct(resident, "d.txt", cwd=tmp_path)


def test_a_runtime_directory_others_can_enter_is_refused(runtime: Path) -> None:
    server = Resident(runtime)
    server.sockets.mkdir(mode=0o755)
    server.sockets.chmod(0o755)
    out = server.run("fixtures/" + BAD[0])
    assert out.returncode == 1 and b"formality.slang" in out.stdout
    assert list(server.sockets.iterdir()) == []
    assert b"no resident process" in server.run("daemon", "status").stdout


def test_idle_process_ends_and_removes_its_socket(runtime: Path) -> None:
    server = Resident(runtime, FOLLOWUP_LINT_DAEMON_IDLE="5")
    server.run("--version")  # starts one
    lock = wait_for(lambda: [p for p in server.sockets.glob("*.lock") if p.read_text()], "the process to start")
    pid = int(lock[0].read_text())  # type: ignore[index]
    wait_for(lambda: list(server.sockets.glob("*.sock")), "the resident process to listen")
    wait_for(lambda: not list(server.sockets.glob("*.sock")), "the idle process to remove its socket")
    wait_for(lambda: not _alive(pid), "the idle process to end")


def test_a_stale_process_is_replaced(runtime: Path) -> None:
    """A resident process started from other code (its stamp differs) answers "stale" and ends; the run happens
    directly, with the same output, and a fresh process takes over."""
    server = Resident(runtime)
    server.sockets.mkdir(mode=0o700)
    sock, stamp = server.place()
    python = EXE.read_text(encoding="utf-8").splitlines()[0][2:].strip()
    old = subprocess.Popen(
        [python, "-P", "-m", "followup_lint.cli.resident", sock, "stamp-of-older-code"],
        env=server.env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        assert wait_for(server.status, "the old process to listen")["pid"] == old.pid  # type: ignore[index]
        path = "fixtures/" + BAD[0]
        out = server.run(path)
        assert (out.returncode, out.stdout, out.stderr) == direct(server, path)
        assert old.wait(timeout=CAP) == 0
        fresh = wait_for(server.status, "a fresh process")
        assert fresh["pid"] != old.pid  # type: ignore[index]
        assert served(server, path) == direct(server, path)
        stopped = server.run("daemon", "stop")
        assert stopped.returncode == 0 and stopped.stdout == f"stopped the resident process {fresh['pid']}\n".encode()
        wait_for(lambda: not _alive(fresh["pid"]), "the stopped process to end")  # type: ignore[index]
        assert server.run("daemon", "status").stdout == b"no resident process\n"
        assert server.run("daemon", "bogus").returncode == 2
    finally:
        if old.poll() is None:
            old.kill()
        server.stop()
    assert stamp != "stamp-of-older-code"


def test_the_code_stamp_follows_the_package_and_rule_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "followup_lint"
    (package / "rules").mkdir(parents=True)
    (package / "__pycache__").mkdir()
    (package / "linter.py").write_text("x = 1\n")
    (package / "rules" / "a.yaml").write_text("id: a\n")
    monkeypatch.setattr(daemon, "_package_dir", lambda: str(package))
    stamps = [daemon.code_stamp()]
    (package / "__pycache__" / "linter.cpython-311.pyc").write_bytes(b"compiled")
    stamps.append(daemon.code_stamp())
    (package / "rules" / "a.yaml").write_text("id: a-changed\n")
    stamps.append(daemon.code_stamp())
    (package / "linter.py").write_text("x = 22\n")
    stamps.append(daemon.code_stamp())
    (package / "rules" / "b.yaml").write_text("id: b\n")
    stamps.append(daemon.code_stamp())
    assert stamps[0] == stamps[1]  # compiled files do not count
    assert len(set(stamps[1:])) == 4


def test_a_runtime_directory_too_deep_for_a_socket_means_a_direct_run(tmp_path: Path) -> None:
    server = Resident(tmp_path / ("deep" * 20))
    out = server.run("fixtures/" + BAD[0])
    assert out.returncode == 1 and b"formality.slang" in out.stdout
    assert not server.sockets.exists()


def test_the_place_depends_on_the_settings_read_at_start(monkeypatch: pytest.MonkeyPatch, runtime: Path) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    first = daemon.Place.here()
    monkeypatch.setenv("FOLLOWUP_LINT_DAEMON", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    assert first is not None and daemon.Place.here().socket == first.socket  # type: ignore[union-attr]
    monkeypatch.setenv("FOLLOWUP_LINT_MODEL", "something-else")
    assert daemon.Place.here().socket != first.socket  # type: ignore[union-attr]
    assert stat.S_IMODE((runtime / "followup-lint").stat().st_mode) == 0o700


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a child of this process that ended but was not reaped yet
        return os.waitpid(pid, os.WNOHANG) == (0, 0)
    except ChildProcessError:
        return True
