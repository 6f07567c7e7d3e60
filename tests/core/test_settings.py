"""View settings: validated on load (bad values fall back with a warning), written atomically."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.settings import (
    DEFAULTS,
    SCALE_STEPS,
    LookChoice,
    Settings,
    SettingsStore,
    default_settings_path,
    step_scale,
)


def test_round_trip(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    wanted = Settings(
        text_scale=300, font_family="dyslexic", line_spacing=2.0, theme="high_contrast",
        window_state="AAEC", last_article="b12-breast-milk",
    )  # fmt: skip
    store.save(wanted)
    loaded, warnings = store.load()
    assert loaded == wanted
    assert warnings == ()
    assert not list(tmp_path.glob(".settings.json.*"))  # no temporary file left behind


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert SettingsStore(tmp_path / "nope.json").load() == (DEFAULTS, ())


@pytest.mark.parametrize(
    ("field", "bad"),
    [
        ("text_scale", 1000),
        ("text_scale", "big"),
        ("text_scale", True),
        ("line_spacing", 3.5),
        ("font_family", "Comic Sans"),
        ("theme", "purple"),
        ("window_state", "not base64!!"),
        ("last_article", 42),
    ],
)
def test_a_bad_value_falls_back_to_its_default_with_a_warning(
    tmp_path: Path, field: str, bad: object
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"text_scale": 200, field: bad}), encoding="utf-8")
    loaded, warnings = SettingsStore(path).load()
    assert getattr(loaded, field) == getattr(DEFAULTS, field)
    assert len(warnings) == 1 and field in warnings[0]
    if field != "text_scale":
        assert loaded.text_scale == 200  # the good values survive


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", "\x00\x01", ""])
def test_a_damaged_file_never_stops_the_reader(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    loaded, warnings = SettingsStore(path).load()
    assert loaded == DEFAULTS
    assert warnings


def test_memory_only_store_writes_nothing(tmp_path: Path) -> None:
    store = SettingsStore(None)
    store.save(Settings(text_scale=200))
    assert store.load() == (DEFAULTS, ())
    assert not list(tmp_path.iterdir())


def test_steps_go_from_50_to_400_and_stop_at_the_ends() -> None:
    assert SCALE_STEPS[0] == 50 and SCALE_STEPS[-1] == 400
    assert step_scale(100, 1) == 110
    assert step_scale(100, -1) == 90
    assert step_scale(400, 1) == 400
    assert step_scale(50, -1) == 50
    assert step_scale(260, 1) == 300  # a value between steps goes to the next step
    assert step_scale(300, 0) == 100


def test_reset_view_keeps_only_the_last_article() -> None:
    s = Settings(text_scale=250, theme="dark", window_state="AAEC", last_article="x")
    assert s.with_reset_view() == Settings(last_article="x")


def test_settings_live_under_the_user_config_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OFFLINE_READER_HOME", str(tmp_path))
    assert default_settings_path() == tmp_path / "config" / "settings.json"


def test_steps_of_a_shorter_list_stop_at_its_own_ends() -> None:
    kiosk = (100, 125, 150, 200)
    assert step_scale(100, -1, kiosk) == 100
    assert step_scale(200, 1, kiosk) == 200
    assert step_scale(125, 1, kiosk) == 150
    assert step_scale(200, 0, (125, 150)) == 125  # the nearest to 100 %


def test_the_look_is_taken_from_and_put_back_into_the_settings() -> None:
    s = Settings(text_scale=150, theme="dark", last_article="x", window_state="AAEC")
    look = LookChoice.of(s)
    assert look == LookChoice(text_scale=150, theme="dark")
    assert LookChoice(text_scale=200, font_family="dyslexic").applied_to(s) == Settings(
        text_scale=200, font_family="dyslexic", last_article="x", window_state="AAEC"
    )
