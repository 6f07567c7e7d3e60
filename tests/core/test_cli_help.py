"""``offline-reader --help`` tells both ways to use the command: the window's own options
and the commands; asking for help after a window option still gives it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli.main import COMMANDS, first_positional, main


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["-h"], ["--library", "/nowhere", "--help"], ["some-article", "--help"]],
)
def test_help_shows_the_window_options_and_every_command(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    for option in ("ARTICLE", "--library DIR", "--kiosk", "--kiosk-config FILE"):
        assert option in out, option
    for command in COMMANDS:
        assert f"\n    {command} " in out, command


def test_a_command_keeps_its_own_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["check", "--help"])
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: offline-reader check ")
    assert "--json" in out


def test_the_command_is_found_past_a_window_option_value() -> None:
    assert first_positional(["--library", "check", "search", "iron"]) == "search"
    assert first_positional(["--kiosk-config", "k.toml"]) is None
    assert first_positional(["-v", "check"]) == "check"


def test_a_library_given_before_the_command_is_the_commands_library(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["--library", str(empty), "check"]) == 2  # that folder, not the bundled one
    assert f"the library folder {empty} holds no articles" in capsys.readouterr().err
