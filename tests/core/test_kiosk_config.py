"""The kiosk configuration: a valid file is read, every bad value is a clear error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.errors import SettingsError
from reader.core.kiosk import (
    KioskConfig,
    check_pin_format,
    hash_pin,
    load_kiosk_config,
    verify_pin,
)

VALID = """\
[session]
idle_timeout = 120
warning_countdown = 25

[display]
text_size = 150
theme = "high_contrast"
font = "dyslexic"
speech_rate = -0.25

[home]
title = "Waiting room library"
collections = ["Nutrition", "Women's health"]

[features]
printing = true
qr_codes = false

[admin]
pin_hash = "{pin_hash}"
gesture = "hold"
corner = "bottom-right"
hold_seconds = 6
failures_before_delay = 2
failure_delay = 45
lockout_file = "/var/lib/offline-reader/pin-lockout.json"
"""


@pytest.fixture(scope="module")
def pin_hash() -> str:
    return hash_pin("2468")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_file_is_read(tmp_path: Path, pin_hash: str) -> None:
    path = write(tmp_path, VALID.format(pin_hash=pin_hash))
    config = load_kiosk_config(path)
    assert config.session.idle_timeout == 120
    assert config.session.warning_countdown == 25
    assert config.display.text_size == 150
    assert config.display.theme == "high_contrast"
    assert config.display.font == "dyslexic"
    assert config.display.speech_rate == -0.25
    assert config.home.title == "Waiting room library"
    assert config.home.collections == ("Nutrition", "Women's health")
    assert config.features.printing is True
    assert config.features.qr_codes is False
    assert config.admin.gesture == "hold"
    assert config.admin.corner == "bottom-right"
    assert config.admin.hold_seconds == 6.0
    assert config.admin.taps == 5  # not in the file: the documented default
    assert config.admin.exit_possible
    assert verify_pin("2468", config.admin.pin_hash or "")


def test_no_file_means_documented_defaults() -> None:
    config = load_kiosk_config(None)
    assert config == KioskConfig()
    assert config.session.idle_timeout == 180
    assert config.session.warning_countdown == 30
    assert config.features.printing is False
    assert config.features.qr_codes is False
    assert not config.admin.exit_possible


def test_empty_file_is_valid_and_gives_defaults(tmp_path: Path) -> None:
    config = load_kiosk_config(write(tmp_path, ""))
    assert config.session == KioskConfig().session


@pytest.mark.parametrize(
    ("text", "key", "allowed"),
    [
        ("[session]\nidle_timout = 60\n", "session.idle_timout", "idle_timeout"),
        ("[sesion]\n", "sesion", "session, display"),
        ("[session]\nidle_timeout = '60'\n", "session.idle_timeout", "whole number"),
        ("[session]\nidle_timeout = 5\n", "session.idle_timeout", "30–3600"),
        ("[session]\nidle_timeout = true\n", "session.idle_timeout", "whole number"),
        ("[session]\nwarning_countdown = 10\n", "session.warning_countdown", "20–600"),
        ("[display]\ntext_size = 50\n", "display.text_size", "100, 110, 125"),
        ("[display]\ntext_size = 140\n", "display.text_size", "150, 175"),
        ("[display]\ntheme = 'neon'\n", "display.theme", "'high_contrast'"),
        ("[display]\nfont = 'Comic'\n", "display.font", "'dyslexic'"),
        ("[display]\nspeech_rate = 3\n", "display.speech_rate", "-1.0–1.0"),
        ("[home]\ncollections = 'Nutrition'\n", "home.collections", "list of texts"),
        ("[home]\ncollections = ['A', 'A']\n", "home.collections", "twice"),
        ("[home]\ntitle = ''\n", "home.title", "non-empty"),
        ("[features]\nprinting = 'yes'\n", "features.printing", "true or false"),
        ("[features]\nqr_codes = 1\n", "features.qr_codes", "true or false"),
        ("[admin]\npin_hash = '1234'\n", "admin.pin_hash", "hash-pin"),
        ("[admin]\ngesture = 'swipe'\n", "admin.gesture", "'taps', 'hold'"),
        ("[admin]\ncorner = 'middle'\n", "admin.corner", "'top-left'"),
        ("[admin]\ntaps = 2\n", "admin.taps", "3–10"),
        ("[admin]\nhold_seconds = 60\n", "admin.hold_seconds", "2.0–20.0"),
        ("[admin]\npin = '1234'\n", "admin.pin", "pin_hash"),
        ("session = 3\n", "session", "must be a table"),
    ],
)
def test_each_invalid_value_is_a_clear_error(
    tmp_path: Path, text: str, key: str, allowed: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(SettingsError) as info:
        load_kiosk_config(path)
    message = str(info.value)
    assert str(path) in message
    assert f": {key}:" in message
    assert allowed in message


def test_broken_toml_and_missing_file_name_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "[session\nidle_timeout = 60\n")
    with pytest.raises(SettingsError, match="not valid TOML") as info:
        load_kiosk_config(path)
    assert str(path) in str(info.value)
    missing = tmp_path / "nope.toml"
    with pytest.raises(SettingsError, match="cannot be read"):
        load_kiosk_config(missing)


def test_pin_hash_verifies_only_the_right_pin() -> None:
    stored = hash_pin("13579")
    assert "13579" not in stored
    assert verify_pin("13579", stored)
    assert not verify_pin("13578", stored)
    assert not verify_pin("", stored)
    assert not verify_pin("13579", "scrypt$garbage")


def test_salt_differs_per_hash() -> None:
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first != second
    assert first.split("$")[2] != second.split("$")[2]
    assert verify_pin("2468", first) and verify_pin("2468", second)


@pytest.mark.parametrize("pin", ["12", "1234567890123", "12a4", "１２３４", ""])
def test_pin_format_is_checked(pin: str) -> None:
    with pytest.raises(SettingsError, match="4 to 12 digits"):
        check_pin_format(pin)


def test_hash_pin_command_prints_a_hash_that_verifies(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "kiosk", "hash-pin"],
        input="8642\n",
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    line = result.stdout.strip()
    assert line.startswith('pin_hash = "scrypt$')
    assert "8642" not in result.stdout
    lockout = tmp_path / "state" / "pin-lockout.json"
    config_path = write(tmp_path, f'[admin]\n{line}\nlockout_file = "{lockout}"\n')
    config = load_kiosk_config(config_path)
    assert verify_pin("8642", config.admin.pin_hash or "")
    check = subprocess.run(
        [sys.executable, "-m", "reader", "kiosk", "check", str(config_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.returncode == 0, check.stderr
    assert "ok" in check.stdout


def test_check_command_reports_a_bad_file(tmp_path: Path) -> None:
    path = write(tmp_path, "[session]\nidle_timeout = 1\n")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "kiosk", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "session.idle_timeout" in result.stderr


@pytest.mark.parametrize("kind", ["fifo", "zero", "huge"])
def test_a_configuration_that_is_no_ordinary_small_file_is_refused_at_once(
    tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "kiosk.toml"
    if kind == "fifo":
        os.mkfifo(path)  # would hang a plain read until someone writes to it
    elif kind == "zero":
        path.symlink_to("/dev/zero")  # would be read until memory runs out
    else:
        path.write_text("# " + "x" * (2 << 20) + "\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="kiosk configuration cannot be read"):
        load_kiosk_config(path)
