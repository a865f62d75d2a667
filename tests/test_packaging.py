"""The project installs as a real package: a wheel with its rule files runs from a fresh environment."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("followup_lint-*.whl")
    return built


def test_wheel_ships_rules_and_schema(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "followup_lint/rules/gratitude/missing.yaml" in names
    assert "followup_lint/rules/length/words.yaml" in names
    assert "followup_lint/reporting/report.schema.json" in names
    assert {f"followup_lint/web/static/{name}" for name in ("index.html", "app.js", "worker.js", "app.css")} <= names
    rule_files = {p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*.yaml")}
    assert {f"followup_lint/rules/{name}" for name in rule_files} <= names


def test_wheel_runs_from_a_fresh_environment(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    purelib = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    # Install the wheel itself into the new environment; its dependencies come from this one (read-only), so
    # the test needs no network. Only the wheel provides `followup_lint`: the editable install is not visible.
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target", str(purelib), str(wheel)],
        check=True,
        capture_output=True,
    )
    deps = sysconfig.get_paths()["purelib"]
    (purelib / "_deps_from_test_runner.pth").write_text(deps + "\n")
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    draft = FIXTURES / "bad" / "no-thanks-check-in.txt"
    clean_env = {**os.environ, "PYTHONPATH": ""}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([python, *args], cwd=workdir, capture_output=True, text=True, env=clean_env)

    where = run("-c", "import followup_lint; print(followup_lint.__file__)").stdout.strip()
    assert where.startswith(str(purelib)), where
    # A check-in without thanks is a suggestion, so fail on suggestions.
    result = run("-m", "followup_lint", str(draft), "--format", "line", "--fail-on", "suggestion")
    assert result.returncode == 1, result.stderr
    assert any("[gratitude.missing]" in line for line in result.stdout.splitlines())
    assert "length.words" in run("-m", "followup_lint", "rules").stdout


def test_wheel_declares_the_console_script(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        entry_points = next(n for n in archive.namelist() if n.endswith("entry_points.txt"))
        assert "followup-lint = followup_lint.cli.launcher:main" in archive.read(entry_points).decode()
