"""The Dask recipe (followup_lint.cluster, docs/scaling.md) gives the command's JSON report, byte for byte.

Identical means: ``combine`` of the cluster's results is the standard output of ``followup-lint --format json`` on
the same drafts in the same order, its error lines are the command's standard error, and its exit status the
command's; each draft's ``DraftResult.json()`` is what the command prints for that draft alone.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import cloudpickle
import pytest
from dask.bag import from_sequence
from distributed import Client, LocalCluster

from followup_lint import api
from followup_lint.batch import expand_paths
from followup_lint.cluster import DraftResult, combine, exit_status, lint_bag, lint_drafts
from followup_lint.config import Config
from followup_lint.model import Context

from .conftest import FIXTURES

CONTEXT = {"company": "Riverside Clinic", "role": "charge nurse"}
CLI_CONTEXT = ("--company", "Riverside Clinic", "--role", "charge nurse")
#: Fixtures with findings (plain text, Markdown, e-mail) and clean ones.
DRAFTS = (
    "bad/casual-text-speak.txt",
    "bad/check-in-no-question.md",
    "bad/generic-template-thank-you.txt",
    "bad/no-subject.eml",
    "bad/mail-merge-fields.md",
    "bad/misspelled-names.txt",
    "good/check-in-accountant.eml",
    "good/check-in-electrician.txt",
    "good/kind-thank-you-panel.md",
    "good/linkedin-networking.txt",
)

cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the probes below run in the worker processes


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The fixtures above, a draft that cannot be read (NUL bytes) and one with accents and an emoji."""
    root = tmp_path_factory.mktemp("drafts")
    for name in DRAFTS:
        (root / name).parent.mkdir(exist_ok=True)
        shutil.copy(FIXTURES / name, root / name)
    (root / "bad" / "binary.txt").write_bytes(b"Hi Dana,\n\x00\x01\x02 not a draft\n")
    (root / "good" / "accents.txt").write_text(
        "Hi Zoë,\n\nThank you for the café tour at Riverside Clinic 🙂 — I enjoyed meeting the team.\n\n"
        "I would welcome the chance to join you as a charge nurse.\n\nBest regards,\nRenée\n",
        encoding="utf-8",
    )
    return expand_paths([str(root)])


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "followup_lint", "--isolated", "--format", "json", *CLI_CONTEXT, *args]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=300, check=False)


@pytest.fixture(scope="module")
def command(drafts: list[str]) -> subprocess.CompletedProcess[str]:
    return cli(*drafts)


def count_linters() -> None:
    """In a worker: count the linters this process builds."""
    from followup_lint import api
    from followup_lint.engine.linter import Linter

    class Counting(Linter):
        built = 0

        def __init__(self, *args, **kwargs) -> None:
            type(self).built += 1
            super().__init__(*args, **kwargs)

    api.Linter = Counting  # type: ignore[misc]


def linters_built() -> int:
    from followup_lint import api

    return getattr(api.Linter, "built", -1)


def test_a_local_cluster_gives_the_commands_report_byte_for_byte(
    drafts: list[str], command: subprocess.CompletedProcess[str]
) -> None:
    assert command.returncode == 2  # a draft could not be read
    report = json.loads(command.stdout)
    assert report["summary"]["warnings"] + report["summary"]["errors"] > 0
    assert any(f["path"].endswith("accents.txt") for f in report["files"])
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local,
        Client(local) as client,
    ):
        client.run(count_linters)
        results: list[DraftResult] = lint_drafts(drafts, context=CONTEXT, npartitions=4).compute()
        built = client.run(linters_built)
    assert combine(results) == command.stdout
    assert [f"followup-lint: error: {e}" for r in results for e in r.errors] == command.stderr.splitlines()
    assert [r.path for r in results] == drafts
    assert exit_status(results) == command.returncode
    # Both worker processes linted, and each built its linter once for all of its drafts.
    assert sorted(built.values()) == [1, 1]


def test_each_draft_alone_is_what_the_command_prints_for_it(
    drafts: list[str], command: subprocess.CompletedProcess[str], run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    results = lint_drafts(drafts, context=CONTEXT, npartitions=3).compute(scheduler="sync")
    files = json.loads(command.stdout)["files"]
    readable = [r for r in results if r.report is not None]
    assert [json.loads(r.json())["files"] for r in readable] == [[f] for f in files]
    assert [json.loads(r.json_line()) for r in readable] == files
    assert all("\n" not in r.json_line() for r in readable)
    with_findings = next(r for r in readable if r.report and r.report.findings)
    broken = next(r for r in results if r.report is None)
    assert broken.path.endswith("binary.txt") and broken.json() == "" and broken.json_line() == ""
    for result in (with_findings, broken):
        status, out, err = run_cli("--isolated", "--format", "json", *CLI_CONTEXT, result.path)
        assert (result.json(), [f"followup-lint: error: {e}" for e in result.errors]) == (out, err.splitlines())
        assert exit_status([result]) == status


def test_drafts_given_as_bytes_or_text_are_linted_like_their_files(drafts: list[str]) -> None:
    as_bytes = [(path, Path(path).read_bytes()) for path in drafts]
    as_text = [(path, Path(path).read_text(encoding="utf-8")) for path in drafts if not path.endswith("binary.txt")]
    by_path = lint_drafts(drafts, context=CONTEXT).compute(scheduler="sync")
    assert combine(lint_drafts(as_bytes, context=CONTEXT).compute(scheduler="sync")) == combine(by_path)
    text_paths = {path for path, _ in as_text}
    readable = [r for r in by_path if r.path in text_paths]
    assert combine(lint_bag(from_sequence(as_text), context=Context(**CONTEXT)).compute(scheduler="sync")) == combine(
        readable
    )


def test_a_draft_over_the_size_limit_is_refused_as_its_file_is(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"Thank you for your time. " * 30_000)
    (from_file,) = lint_drafts([str(big)]).compute(scheduler="sync")
    (from_bytes,) = lint_drafts([(str(big), big.read_bytes())]).compute(scheduler="sync")
    assert from_file.report is None and "too large" in from_file.errors[0]
    assert from_bytes == from_file


def test_a_process_builds_its_linter_once_not_per_draft(drafts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[object] = []

    class Counting(api.Linter):  # type: ignore[misc,name-defined]
        def __init__(self, *args, **kwargs) -> None:
            built.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(api, "Linter", Counting)
    monkeypatch.setattr(api, "_LINTERS", type(api._LINTERS)())
    config = Config(select=("gratitude", "structure"))
    results = lint_drafts(drafts, config, partition_size=2).compute(scheduler="sync")
    assert len(results) == len(drafts) > 2 * 2
    assert len(built) == 1


def test_standard_input_is_refused_by_name_on_a_cluster() -> None:
    (result,) = lint_drafts(["-"]).compute(scheduler="sync")
    assert result.report is None and result.errors[0].startswith("-: ")
    assert os.fsdecode(result.path) == "-"
