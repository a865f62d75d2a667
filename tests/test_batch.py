"""Linting many drafts: directory expansion, .gitignore, worker processes, errors, statistics, progress."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from followup_lint.batch import (
    ProgressBar,
    compile_pattern,
    expand_paths,
    format_statistics,
    lint_many,
    progress_bar,
    rule_statistics,
)
from followup_lint.config import Config, ConfigError

THANKS = (
    "Hi Dana,\n\nThank you for speaking with me on Tuesday about the analyst role. I enjoyed hearing about "
    "the dashboard project.\n\nBest regards,\nSam\n"
)
NO_THANKS = (
    "Hello Mr. Ortiz,\n\nI interviewed for the charge nurse position two weeks ago and wanted to follow up on "
    "where things stand.\n\nRegards,\nLena\n"
)


def write(root: Path, relative: str, text: str = THANKS) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def relative(root: Path, names: list[str]) -> list[str]:
    return [Path(n).relative_to(root).as_posix() for n in names]


# --- expanding paths ----------------------------------------------------------------------------------------


def test_directory_is_walked_recursively_in_sorted_order_keeping_draft_formats(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "sub/c.eml", "sub/deeper/d.txt", "notes.pdf", "script.py", ".hidden.txt"):
        write(tmp_path, name)
    write(tmp_path, ".git/x.txt")
    found = expand_paths([str(tmp_path)])
    assert relative(tmp_path, found) == ["a.md", "b.txt", "sub/c.eml", "sub/deeper/d.txt"]


def test_files_given_explicitly_are_kept_in_order_with_stdin_and_duplicates_dropped(tmp_path: Path) -> None:
    odd = write(tmp_path, "draft.note")
    plain = write(tmp_path, "z.txt")
    found = expand_paths([str(plain), "-", str(odd), str(tmp_path), str(plain)])
    assert found == [str(plain), "-", str(odd)]  # the directory adds only z.txt, already listed


def test_missing_path_is_passed_on_to_be_reported(tmp_path: Path) -> None:
    assert expand_paths([str(tmp_path / "nope.txt")]) == [str(tmp_path / "nope.txt")]


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    for name in ("a.txt", "b.draft", "old/c.txt", "keep/old.txt", "keep/d.draft", "x/archive/e.txt"):
        write(tmp_path, name)
    assert relative(tmp_path, expand_paths([str(tmp_path)], include=["*.draft"])) == ["b.draft", "keep/d.draft"]
    assert relative(tmp_path, expand_paths([str(tmp_path)], exclude=["old/", "archive"])) == [
        "a.txt",
        "keep/old.txt",
    ]
    assert relative(tmp_path, expand_paths([str(tmp_path)], exclude=["keep/*.txt", "**/archive/**"])) == [
        "a.txt",
        "old/c.txt",
    ]


def test_gitignore_files_are_respected_with_negation_and_nesting(tmp_path: Path) -> None:
    for name in ("a.txt", "secret.txt", "private/p.txt", "team/b.txt", "team/tmp-1.txt", "team/tmp-keep.txt"):
        write(tmp_path, name)
    (tmp_path / ".gitignore").write_text("# drafts not to lint\nsecret.txt\nprivate/\n", encoding="utf-8")
    (tmp_path / "team" / ".gitignore").write_text("tmp-*.txt\n!tmp-keep.txt\n", encoding="utf-8")
    found = relative(tmp_path, expand_paths([str(tmp_path)]))
    assert found == ["a.txt", "team/b.txt", "team/tmp-keep.txt"]
    everything = relative(tmp_path, expand_paths([str(tmp_path)], gitignore=False))
    assert "secret.txt" in everything and "private/p.txt" in everything


def test_repository_gitignore_above_the_directory_applies(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("/drafts/private/\n*.tmp.txt\n", encoding="utf-8")
    for name in ("drafts/a.txt", "drafts/private/b.txt", "drafts/c.tmp.txt"):
        write(tmp_path, name)
    assert relative(tmp_path, expand_paths([str(tmp_path / "drafts")])) == ["drafts/a.txt"]


@pytest.mark.parametrize(
    ("pattern", "path", "is_dir", "ignored"),
    [
        ("*.txt", "a.txt", False, True),
        ("*.txt", "deep/er/a.txt", False, True),
        ("/a.txt", "sub/a.txt", False, False),
        ("/a.txt", "a.txt", False, True),
        ("build/", "build", True, True),
        ("build/", "build", False, False),
        ("doc/*.md", "doc/x.md", False, True),
        ("doc/*.md", "doc/sub/x.md", False, False),
        ("**/logs", "a/b/logs", True, True),
        ("a/**/b", "a/b", False, True),
        ("a/**/b", "a/x/y/b", False, True),
        ("drafts/**", "drafts/q/r.txt", False, True),
        ("draft-?.txt", "draft-1.txt", False, True),
        ("draft-?.txt", "draft-10.txt", False, False),
        ("draft-[0-9].txt", "draft-7.txt", False, True),
        ("draft-[!0-9].txt", "draft-x.txt", False, True),
        ("draft-[!0-9].txt", "draft-7.txt", False, False),
        ("\\#notes.txt", "#notes.txt", False, True),
        ("name\\ ", "name ", False, True),
    ],
)
def test_gitignore_pattern_subset(pattern: str, path: str, is_dir: bool, ignored: bool) -> None:
    compiled = compile_pattern(pattern)
    assert compiled is not None
    assert compiled.matches(path, is_dir) is ignored


@pytest.mark.parametrize("line", ["", "   ", "# a comment", "/"])
def test_blank_and_comment_lines_are_not_patterns(line: str) -> None:
    assert compile_pattern(line) is None


def test_negated_pattern_is_marked() -> None:
    compiled = compile_pattern("!keep.txt")
    assert compiled is not None and compiled.negated and compiled.matches("keep.txt", False)


# --- linting many -------------------------------------------------------------------------------------------


def corpus(root: Path, count: int) -> list[str]:
    return [str(write(root, f"d{i:03}.txt", NO_THANKS if i % 3 == 0 else THANKS)) for i in range(count)]


def test_jobs_keep_input_order_and_match_a_single_process(tmp_path: Path) -> None:
    paths = corpus(tmp_path, 24)[::-1]  # reverse order: output must follow the input, not the file names
    config = Config(select=("gratitude", "length"))
    single = lint_many(paths, lambda _d: config, jobs=1)
    parallel = lint_many(paths, lambda _d: config, jobs=2)
    assert [f.path for f in parallel.files] == paths
    assert parallel.to_dict() == single.to_dict()
    flagged = [Path(f.path).name for f in parallel.files if any(x.rule == "gratitude.missing" for x in f.findings)]
    assert flagged == [f"d{i:03}.txt" for i in range(23, -1, -1) if i % 3 == 0]


def test_a_lint_resumes_the_collector_it_paused_to_load_and_leaves_a_callers_alone(tmp_path: Path) -> None:
    import gc

    from followup_lint import heap

    paths = corpus(tmp_path, 3)
    config = Config(select=("gratitude",))
    try:
        heap.pause()  # as the command line does before it builds the linter
        paused = lint_many(paths, lambda _d: config)
        assert gc.isenabled()  # the drafts' own garbage is collected again
        gc.disable()  # a library caller's own choice
        assert lint_many(paths, lambda _d: config).to_dict() == paused.to_dict()
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert sum(1 for f in paused.files if f.findings) == 1


def test_spawned_workers_build_their_own_linter(tmp_path: Path) -> None:
    paths = corpus(tmp_path, 6)
    config = Config(select=("gratitude",))
    spawned = lint_many(paths, lambda _d: config, jobs=2, start_method="spawn")
    assert spawned.to_dict() == lint_many(paths, lambda _d: config).to_dict()
    assert sum(1 for f in spawned.files if f.findings) == 2


def test_unreadable_files_are_reported_and_the_run_continues(tmp_path: Path) -> None:
    good = corpus(tmp_path, 4)
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x00")
    paths = [good[0], str(tmp_path / "missing.txt"), good[1], str(binary), good[2], good[3]]
    for jobs in (1, 2):
        report = lint_many(paths, lambda _d: Config(select=("gratitude",)), jobs=jobs)
        assert [f.path for f in report.files] == good
        assert len(report.errors) == 2
        assert report.errors[0].startswith(str(tmp_path / "missing.txt")) and "no such file" in report.errors[0]
        assert report.errors[1].startswith(str(binary)) and "binary" in report.errors[1]
        assert report.exit_status(Config().fail_on) == 2


def test_each_directory_gets_its_own_config(tmp_path: Path) -> None:
    first = write(tmp_path, "strict/a.txt", NO_THANKS)
    second = write(tmp_path, "relaxed/b.txt", NO_THANKS)
    configs = {"strict": Config(select=("gratitude",)), "relaxed": Config(select=("length",))}
    asked: list[str] = []

    def config_for(directory: Path) -> Config:
        asked.append(directory.name)
        return configs[directory.name]

    report = lint_many([str(first), str(second), str(first)], config_for, jobs=2)
    assert [[x.rule for x in f.findings] for f in report.files] == [
        ["gratitude.missing"],
        ["length.words"],
        ["gratitude.missing"],
    ]
    assert asked == ["strict", "relaxed"]  # once per directory


def test_config_errors_are_raised_before_any_work(tmp_path: Path) -> None:
    paths = corpus(tmp_path, 4)
    with pytest.raises(ConfigError, match="no-such-rule"):
        lint_many(paths, lambda _d: Config(select=("no-such-rule",)), jobs=2)


def test_progress_is_reported_after_each_draft(tmp_path: Path) -> None:
    paths = [*corpus(tmp_path, 5), str(tmp_path / "missing.txt")]
    calls: list[tuple[int, int]] = []
    lint_many(paths, lambda _d: Config(select=("gratitude",)), jobs=2, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(i, 6) for i in range(1, 7)]


def test_rule_statistics_count_findings_and_files(tmp_path: Path) -> None:
    paths = corpus(tmp_path, 7)  # d000, d003, d006 lack thanks
    report = lint_many(paths, lambda _d: Config(select=("gratitude",)))
    stats = rule_statistics(report)
    # The drafts without thanks are check-ins: a missing thank-you there is a suggestion.
    assert [(s.rule, s.category, s.severity, s.findings, s.files) for s in stats] == [
        ("gratitude.missing", "gratitude", "suggestion", 3, 3)
    ]
    assert format_statistics(stats) == "3  gratitude.missing  suggestion  in 3 files\n"
    assert format_statistics([]) == "No findings.\n"


# --- progress bar -------------------------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_progress_bar_unless_a_terminal_and_a_long_run() -> None:
    assert progress_bar(io.StringIO(), 1000) is None
    assert progress_bar(Terminal(), 3) is None
    assert isinstance(progress_bar(Terminal(), 1000), ProgressBar)


def test_progress_bar_waits_then_draws_and_erases_itself() -> None:
    now = [0.0]
    stream = Terminal()
    bar = ProgressBar(stream, delay=0.5, clock=lambda: now[0])
    bar(1, 40)
    assert stream.getvalue() == ""  # a short run shows nothing
    now[0] = 1.0
    bar(20, 40)
    assert stream.getvalue().endswith("20/40 drafts") and "#" * 15 in stream.getvalue()
    now[0] = 1.01
    bar(40, 40)  # the last update is always drawn
    assert stream.getvalue().endswith("40/40 drafts")
    bar.close()
    assert stream.getvalue().endswith("\r\x1b[2K")
