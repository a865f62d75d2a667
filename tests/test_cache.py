"""The user cache: where it lives, keys, best-effort storage, and the cached rule files."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from followup_lint import __version__, cache
from followup_lint.engine import loader
from followup_lint.engine.errors import RuleError

RULES = Path(__file__).resolve().parent / "data" / "zebra-rules"


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    directory = tmp_path / "cache"
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE_DIR", str(directory))
    loader._load_dir.cache_clear()
    yield directory
    loader._load_dir.cache_clear()


def test_cache_directory_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOLLOWUP_LINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "followup-lint"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # ignored, as the XDG spec says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "followup-lint"
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.cache_dir() == tmp_path / "mine"
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE_DIR", "")
    assert cache.cache_dir() is None


def test_store_and_load_round_trip_replacing_older_entries(cache_home: Path) -> None:
    assert cache.load("thing", "k1") is None
    assert cache.store("thing", "k1", {"a": [1, 2.5, "x", None, True]})
    assert cache.load("thing", "k1") == {"a": [1, 2.5, "x", None, True]}
    assert cache.store("thing", "k2", [3])
    assert cache.load("thing", "k1") is None  # replaced by the newer entry
    assert [p.name for p in cache_home.iterdir()] == ["thing-k2.marshal"]


def test_values_marshal_cannot_write_are_not_stored(cache_home: Path) -> None:
    import datetime as dt

    assert not cache.store("dates", "k", {"when": dt.date(2026, 1, 1)})
    assert cache.load("dates", "k") is None


def test_a_corrupt_entry_is_rebuilt(cache_home: Path) -> None:
    cache_home.mkdir()
    (cache_home / "thing-k.marshal").write_bytes(b"\x00garbage")
    assert cache.cached("thing", "k", lambda: [1, 2]) == [1, 2]
    assert cache.load("thing", "k") == [1, 2]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only directory")
def test_an_unwritable_directory_means_no_caching(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE_DIR", str(locked / "cache"))
    assert not cache.store("thing", "k", [1])
    assert cache.cached("thing", "k", lambda: [1]) == [1]


def test_a_path_that_is_a_file_means_no_caching(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE_DIR", str(blocker / "cache"))
    assert not cache.store("thing", "k", [1])
    assert cache.cached("thing", "k", lambda: [7]) == [7]


def test_keys_change_with_version_and_inputs(tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    first.write_text("one", encoding="utf-8")
    stamp = cache.stat_stamp([first])
    digest = cache.content_hash([first])
    assert cache.key(stamp) == cache.key(stamp)
    first.write_text("two!", encoding="utf-8")
    assert cache.stat_stamp([first]) != stamp
    assert cache.content_hash([first]) != digest
    assert cache.key("x") != cache.key("y")
    assert __version__  # the version is part of every key (see cache.key)


# --- cached rule files --------------------------------------------------------------------------------------


def copy_rules(tmp_path: Path) -> Path:
    directory = tmp_path / "rules"
    shutil.copytree(RULES, directory)
    return directory


def test_rules_load_the_same_from_the_cache(cache_home: Path, tmp_path: Path) -> None:
    directory = copy_rules(tmp_path)
    fresh = loader.load_rules((directory,))
    assert any(p.name.startswith("rules-") for p in cache_home.iterdir())
    loader._load_dir.cache_clear()
    again = loader.load_rules((directory,))
    assert again == fresh


def test_an_edited_rule_file_is_read_again_and_still_validated(cache_home: Path, tmp_path: Path) -> None:
    directory = copy_rules(tmp_path)
    loader.load_rules((directory,))
    rule_file = next(directory.glob("*.yaml"))
    text = rule_file.read_text(encoding="utf-8")
    rule_file.write_text(text.replace("severity:", "severity: loud\nold-severity:", 1), encoding="utf-8")
    loader._load_dir.cache_clear()
    with pytest.raises(RuleError) as caught:
        loader.load_rules((directory,))
    assert str(rule_file) in str(caught.value)


def test_a_new_rule_file_invalidates_the_cache(cache_home: Path, tmp_path: Path) -> None:
    directory = copy_rules(tmp_path)
    before = loader.load_rules((directory,))
    source = next(directory.glob("*.yaml"))
    text = source.read_text(encoding="utf-8")
    rule_id = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("id:"))
    (directory / "second.yaml").write_text(text.replace(rule_id, rule_id + "-two"), encoding="utf-8")
    loader._load_dir.cache_clear()
    after = loader.load_rules((directory,))
    assert set(after) == set(before) | {rule_id + "-two"}


def test_data_files_are_parsed_once_and_again_when_edited(
    cache_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "weights.yaml"
    data.write_text("weights: {error: 30}\n", encoding="utf-8")
    assert loader.read_data_file(data) == {"weights": {"error": 30}}
    parsed: list[str] = []
    monkeypatch.setattr(loader, "_read_yaml", lambda path: parsed.append(str(path)) or {"never": "used"})
    assert loader.read_data_file(data) == {"weights": {"error": 30}}  # from the cache, not parsed
    assert parsed == []
    monkeypatch.undo()
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE_DIR", str(cache_home))
    data.write_text("weights: {error: 25, warning: 8}\n", encoding="utf-8")
    os.utime(data, ns=(1, 1))  # a different mtime even on a coarse clock
    assert loader.read_data_file(data) == {"weights": {"error": 25, "warning": 8}}


def test_a_broken_data_file_is_a_rule_error_naming_it(cache_home: Path, tmp_path: Path) -> None:
    data = tmp_path / "weights.yaml"
    data.write_text("weights: [unclosed\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"weights\.yaml"):
        loader.read_data_file(data)
