"""Wrong staff PINs are counted across restarts, in the file the deployment names."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.core.errors import SettingsError
from reader.core.kiosk import load_kiosk_config
from reader.core.lockout import MAX_DELAY_SECONDS, PinLockout, lock_seconds


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def start(path: Path | None, clock: Clock, delay: int = 30) -> PinLockout:
    """What a (re)started kiosk does: read the file."""
    return PinLockout(path, failures_before_delay=3, failure_delay=delay, clock=clock)


def test_a_restart_gives_no_fresh_tries(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "lockout.json"
    first = start(path, clock)
    assert first.record_failure() == 0
    assert first.record_failure() == 0
    second = start(path, clock)  # restarted after two wrong PINs
    assert not second.locked
    assert second.record_failure() == 30  # the third wrong PIN in a row locks
    clock.now += 10
    third = start(path, clock)  # restarted during the lock
    assert third.locked
    assert third.remaining() == pytest.approx(20)


def test_the_delay_doubles_with_each_lock_up_to_an_hour(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "lockout.json"
    seen = []
    for _ in range(9):
        lockout = start(path, clock)
        assert not lockout.locked
        seconds = [lockout.record_failure() for _ in range(3)]
        assert seconds[:2] == [0, 0]
        seen.append(seconds[2])
        assert start(path, clock).locked
        clock.now += seconds[2]
    assert seen == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]
    assert lock_seconds(600, 1) == 600 and lock_seconds(600, 4) == MAX_DELAY_SECONDS


def test_the_right_pin_starts_the_count_again(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "lockout.json"
    lockout = start(path, clock)
    for _ in range(3):
        lockout.record_failure()
    clock.now += 30
    lockout.record_success()
    again = start(path, clock)
    assert [again.record_failure() for _ in range(3)] == [0, 0, 30]


@pytest.mark.parametrize(
    "damage",
    ["garbage", "huge", "directory", "fifo", "symlink", "wrong_types", "not_json_object"],
)
def test_a_damaged_file_keeps_the_pad_locked_for_one_delay(
    tmp_path: Path, clock: Clock, damage: str
) -> None:
    path = tmp_path / "lockout.json"
    if damage == "garbage":
        path.write_bytes(b"\xff\x00not json")
    elif damage == "huge":
        path.write_text(json.dumps({"version": 1, "pad": "x" * 100_000}))
    elif damage == "directory":
        path.mkdir()
    elif damage == "fifo":
        os.mkfifo(path)
    elif damage == "symlink":
        path.symlink_to("/dev/zero")
    elif damage == "wrong_types":
        path.write_text('{"version": 1, "failures": "0", "locks": 0, "locked_until": 0}')
    else:
        path.write_text("[1, 2, 3]")
    lockout = start(path, clock)  # must not hang on a FIFO nor read /dev/zero forever
    assert lockout.locked
    assert lockout.remaining() == pytest.approx(30)
    assert lockout.notice is not None and str(path) in lockout.notice
    if damage in ("garbage", "huge", "wrong_types", "not_json_object"):
        # ... and written afresh, so the next start reads a running lock, not damage.
        assert start(path, clock).notice is None
        assert start(path, clock).locked


def test_a_clock_set_far_back_never_locks_for_longer_than_an_hour(
    tmp_path: Path, clock: Clock
) -> None:
    path = tmp_path / "lockout.json"
    lockout = start(path, clock)
    for _ in range(3):
        lockout.record_failure()
    clock.now -= 10 * 365 * 86400
    assert start(path, clock).remaining() <= MAX_DELAY_SECONDS


def test_the_file_is_written_atomically_and_holds_no_pin(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "lockout.json"
    lockout = start(path, clock)
    lockout.record_failure()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lockout.json"]
    data = json.loads(path.read_text())
    assert data == {"version": 1, "failures": 1, "locks": 0, "locked_until": 0.0}


def test_an_unwritable_place_is_a_clear_error_at_start(tmp_path: Path, clock: Clock) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    (folder / "lockout.json").mkdir()  # cannot be replaced by a file, even by root
    lockout = start(folder / "lockout.json", clock)
    with pytest.raises(SettingsError, match=r"cannot be written.*lockout_file"):
        lockout.check_writable()


# --- the configuration key ------------------------------------------------------------------


def write_config(tmp_path: Path, admin: str) -> Path:
    from reader.core.kiosk import hash_pin

    path = tmp_path / "kiosk.toml"
    path.write_text(f'[admin]\npin_hash = "{hash_pin("2468")}"\n{admin}', encoding="utf-8")
    return path


def test_a_pin_needs_a_lockout_file(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"admin\.lockout_file: is needed with admin\.pin_hash"):
        load_kiosk_config(write_config(tmp_path, ""))
    config = load_kiosk_config(write_config(tmp_path, 'lockout_file = "/var/lib/o-r/lock.json"\n'))
    assert config.admin.lockout_file == Path("/var/lib/o-r/lock.json")


@pytest.mark.parametrize("where", ["relative", "home", "reader_home", "xdg_state"])
def test_the_lockout_file_is_never_in_the_users_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("OFFLINE_READER_HOME", str(tmp_path / "reader-home"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    target = {
        "relative": "lockout.json",
        "home": f"{home}/kiosk/lockout.json",
        "reader_home": f"{tmp_path}/reader-home/lockout.json",
        "xdg_state": f"{tmp_path}/state/offline-reader/lockout.json",
    }[where]
    with pytest.raises(SettingsError, match=r"admin\.lockout_file: .*(absolute|own folders)"):
        load_kiosk_config(write_config(tmp_path, f'lockout_file = "{target}"\n'))
