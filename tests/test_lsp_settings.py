"""The language server's settings: initializationOptions (or didChangeConfiguration) and config files."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_lint.config import ConfigError
from followup_lint.lsp.server import position_converter
from followup_lint.lsp.settings import ConfigCache, Settings


def test_flat_nested_and_comma_separated_options() -> None:
    flat = Settings.parse({"company": "Acme Corp", "interviewers": "Dana Lee, Omar Said", "select": "tone,typo"})
    nested = Settings.parse({"followup-lint": {"context": {"company": "Acme Corp"}, "ignore": ["length"]}})
    assert flat.context.company == "Acme Corp" and flat.context.interviewers == ("Dana Lee", "Omar Said")
    assert flat.select == ("tone", "typo")
    assert nested.context.company == "Acme Corp" and nested.ignore == ("length",)
    assert Settings.parse(None) == Settings()


@pytest.mark.parametrize(
    ("options", "field"),
    [({"debounce": "fast"}, "debounce"), ({"company": 3}, "company"), ({"select": [1]}, "select"), ([], None)],
)
def test_bad_options_name_the_field(options: object, field: str | None) -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.parse(options)
    assert caught.value.field == field


def test_options_override_the_workspace_config(tmp_path: Path) -> None:
    (tmp_path / ".followup-lint.toml").write_text('[context]\ncompany = "Acme Corp"\nrole = "Data Analyst"\n')
    (tmp_path / "drafts").mkdir()
    config = ConfigCache().config_for(Settings.parse({"role": "Nurse"}), tmp_path / "drafts", None)
    assert (config.context.company, config.context.role) == ("Acme Corp", "Nurse")
    isolated = ConfigCache().config_for(Settings.parse({"isolated": True}), tmp_path / "drafts", tmp_path)
    assert isolated.context.company is None


def test_positions_count_utf16_units_and_every_line_break() -> None:
    text = "Zoë 😀 touch\r\nbase\rnext"
    utf16 = position_converter(text, "utf-16")
    utf32 = position_converter(text, "utf-32")
    assert (utf16(text.index("touch")).character, utf32(text.index("touch")).character) == (7, 6)
    assert (utf16(text.index("base")).line, utf16(text.index("next")).line) == (1, 2)


def test_the_documented_options_parse() -> None:
    import json

    from .test_hooks import snippet

    settings = Settings.parse(json.loads(snippet("lsp-options")))
    assert settings.context.company == "Acme Corp" and settings.context.interviewers == ("Dana Lee",)
    assert (settings.select, settings.ignore, settings.debounce_ms) == (("ALL",), ("length",), 400)
    assert settings.config == "path/to/.followup-lint.toml" and not settings.isolated
