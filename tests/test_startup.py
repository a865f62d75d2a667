"""Start-up stays light: the command line imports no heavy library before a draft needs it (not timed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("spacy", "thinc", "numpy", "textstat", "spylls", "pygls", "weasel", "requests")

PROBE = """
import contextlib, io, json, sys
from followup_lint.cli import main
args = json.loads(sys.argv[1])
with contextlib.redirect_stdout(io.StringIO()) as out:
    status = main(args) if args is not None else None
print(json.dumps({"status": status, "out": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def probe(args: list[str] | None, cache_dir: Path) -> dict[str, object]:
    env = {**os.environ, "FOLLOWUP_LINT_CACHE_DIR": str(cache_dir), "FOLLOWUP_LINT_MODEL": "none"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(result.stdout)


def heavy(modules: object) -> list[str]:
    assert isinstance(modules, list)
    return [name for name in HEAVY if name in modules]


def test_importing_the_cli_imports_nothing_heavy(tmp_path: Path) -> None:
    assert heavy(probe(None, tmp_path)["modules"]) == []


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["rules"], ["rule", "gratitude.missing"]])
def test_commands_that_lint_nothing_do_not_load_the_language_pipeline(args: list[str], tmp_path: Path) -> None:
    for _run in range(2):  # with an empty cache, then with the cache filled by the first run
        result = probe(args, tmp_path)
        assert result["status"] == 0
        assert heavy(result["modules"]) == []
    if args[0] == "--version":
        assert str(result["out"]).startswith("followup-lint ")


def test_a_filled_cache_spares_parsing_the_rule_files(tmp_path: Path) -> None:
    first = probe(["rules"], tmp_path)
    second = probe(["rules"], tmp_path)
    assert "yaml" in first["modules"]  # (the config module may import it otherwise; the rules need it here)
    assert "yaml" not in second["modules"]
    assert first["out"] == second["out"]


def test_a_lint_imports_no_spacy_once_the_cache_is_filled(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Hi Dana,\n\nThank you for your time on Tuesday. I'M glad we talked about the analytics role at Acme.\n\n"
        "Best,\nSam\n",
        encoding="utf-8",
    )
    cache = tmp_path / "cache"
    first = probe([str(draft), "--format", "json"], cache)  # reads the tokenizer's data out of spaCy, once
    second = probe([str(draft), "--format", "json"], cache)
    assert "spacy" in first["modules"]
    assert [name for name in second["modules"] if name == "spacy" or name.startswith(("spacy.", "thinc"))] == []
    assert second["status"] == first["status"]
    assert second["out"] == first["out"]


@pytest.mark.parametrize(
    "parse",
    [
        "from followup_lint.engine.nlp import pipeline\nparse = pipeline()\n",
        "from followup_lint.engine.nlp import parse, require_spacy\nrequire_spacy()\n",  # a rule needs spaCy
    ],
    ids=["pipeline", "require_spacy"],
)
def test_the_pipeline_imports_spacy_without_its_command_line_package(parse: str) -> None:
    code = (
        "import sys\n"
        f"{parse}"
        "doc = parse('Hi Dana,\\n\\nThank you. I\\'M glad.')\n"
        "print(len(list(doc.sents)), type(doc).__module__, 'spacy.cli' in sys.modules, 'weasel' in sys.modules,"
        " 'typer' in sys.modules)\n"
    )
    env = {**os.environ, "FOLLOWUP_LINT_MODEL": "none"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.split() == ["3", "spacy.tokens.doc", "False", "False", "False"]


def test_spacy_cli_is_still_importable_after_the_light_import() -> None:
    code = (
        "from followup_lint.engine.nlp import import_spacy\n"
        "spacy = import_spacy()\n"
        "import spacy.cli\n"
        "print(spacy.cli.__file__, callable(spacy.cli.info), callable(spacy.info))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    path, has_info, has_spacy_info = result.stdout.split()
    assert Path(path).name == "__init__.py" and Path(path).parent.name == "cli"
    assert has_info == has_spacy_info == "True"
