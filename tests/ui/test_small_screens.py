"""The real window on small screens (1024 x 600, 1366 x 768) at 100, 200 and 400 % text in
every theme, and the kiosk at 1024 x 600, 1280 x 800 and 1366 x 768 at every text size,
with and without its keyboard, before and after a reset.

Each screen is a child process (``layout_probe.py``) whose offscreen screen has exactly that
size, so "the window fits" is asked of the screen the window is really on. The child
changes the text size with Ctrl+= / Ctrl+- and reading mode with its key; this module
asserts what a person would see. The kiosk, and the window at 400 % in and out of reading
mode, are also run under a real window manager (openbox on Xvfb): the kiosk first grew past
the screen there, the window's title bar pushed its status bar off it, and reading mode is
the whole screen only where a window manager gives it. A tall 600 x 1024 screen checks
reading mode's bar as a row. About 60 s in all on an idle 2-core machine (the window
manager's run of the window some 8 s of it, the tall screen 4 s).
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from reader.core.theme import THEMES

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("layout_probe.py")
LIBRARY = ROOT / "library"
KIOSK_LIBRARY = ROOT / "tests" / "fixtures" / "ui_library"
SEED_ID = "exploring-the-connection-between-vitamin-b-12-in-breast-milk"

DESKTOP_SCREENS = ("1024x600", "1366x768")
KIOSK_SCREENS = ("1024x600", "1280x800", "1366x768")

#: Body lines wholly visible at 400 % on 1024 x 600. At 400 % the body is 40 pt (a 62 px
#: line), and the default spacing 1.5 gives 1.04 there (large text needs less space between
#: its lines): a line every 64.5 px. Reading mode takes the whole screen with its bar at the
#: side, so the article's 592 px hold nine; ten would need lines closer than the font's own
#: height. The normal window's 463 px (menus, one row of tools, the status bar) hold seven.
MIN_LINES_400_READING = 9
MIN_LINES_400_NORMAL = 7


def run_probe(*args: str, env: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The layout probe's records; by default on Qt's offscreen platform."""
    if env is None:
        env = dict(os.environ)
        env.pop("DISPLAY", None)
        env["PYTHONPATH"] = str(ROOT)
    out = subprocess.run(
        [sys.executable, str(PROBE), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    line = next((x for x in out.stdout.splitlines() if x.startswith("PROBE ")), None)
    if line is None:
        pytest.fail(f"the layout probe failed:\n{out.stderr[-3000:]}")
    records: list[dict[str, Any]] = json.loads(line[len("PROBE ") :])
    return records


_cache: dict[tuple[str, ...], list[dict[str, Any]]] = {}


def probe(*args: str) -> list[dict[str, Any]]:
    if args not in _cache:
        _cache[args] = run_probe(*args)
    return _cache[args]


def desktop(screen: str) -> list[dict[str, Any]]:
    return probe("desktop", screen, str(LIBRARY), SEED_ID)


def kiosk(screen: str) -> list[dict[str, Any]]:
    return probe("kiosk", screen, str(KIOSK_LIBRARY))


def where(r: dict[str, Any]) -> str:
    return f"{r['theme']} {r['scale']} % {r['mode']}"


@pytest.mark.parametrize("screen", DESKTOP_SCREENS)
def test_the_window_never_asks_for_more_than_the_screen(screen: str) -> None:
    bad = [
        f"{where(r)}: window {r['window']} (needs {r['min_size']}) on {r['screen']}"
        for r in in_two_modes(desktop(screen))
        if not r["window_fits"] or (not r["status_bar_visible"] and r["mode"] == "normal")
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("screen", DESKTOP_SCREENS)
def test_the_status_bar_is_as_tall_as_what_it_shows(screen: str) -> None:
    """Room for the article: the status bar is no taller than its message (a few pixels
    of margin), not as tall as the Stop button and progress bars it shows only at times."""
    bad = [
        f"{where(r)}: status bar {r['status_bar']['height']} px for"
        f" {r['status_bar']['shown']} px of what it shows"
        for r in desktop(screen)
        if r["mode"] == "normal" and r["status_bar"]["height"] > r["status_bar"]["shown"] + 6
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("screen", DESKTOP_SCREENS)
def test_no_control_label_is_cut(screen: str) -> None:
    bad = [f"{where(r)}: {c}" for r in desktop(screen) for c in r["cut"]]
    assert not bad, "\n".join(bad[:20])


@pytest.mark.parametrize("screen", DESKTOP_SCREENS)
def test_the_article_never_scrolls_sideways_nor_breaks_a_word(screen: str) -> None:
    bad = [
        f"{where(r)}: {'sideways scroll bar' if r['horizontal_scroll'] else r['broken_words']}"
        for r in in_two_modes(desktop(screen))
        if r["horizontal_scroll"] or r["broken_words"]
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("screen", DESKTOP_SCREENS)
def test_reading_mode_key_gives_the_article_the_screen(screen: str) -> None:
    for r in in_two_modes(desktop(screen)):
        assert r["reading_mode"] == (r["mode"] == "reading"), where(r)
        if r["mode"] == "reading":
            # The whole screen, with no frame; only the article and a minimal bar show, the
            # bar at the side of a wide screen: the article has the screen's full height.
            assert r["window"] == r["inside"] == r["whole_screen"], where(r)
            assert r["article_height"] >= r["screen"][3] - 10, where(r)
            check_reading_bar(r, vertical=True)
        else:
            assert r["window"] != r["inside"], f"{where(r)}: the window lost its frame"


def check_reading_bar(r: dict[str, Any], *, vertical: bool) -> None:
    """Reading mode's bar: along the side of a wide screen (at the top of a tall one), a
    small part of it; each button an icon with its words spoken, as a tooltip, and reached
    by Tab."""
    bar = r["reading_bar"]
    assert bar["vertical"] == vertical, where(r)
    _x, _y, width, height = bar["rect"]
    if vertical:
        assert height == r["screen"][3] and width <= r["screen"][2] // 10, (where(r), bar)
    else:
        assert width == r["screen"][2] and height <= r["screen"][3] // 14, (where(r), bar)
    names = [b["name"] for b in bar["buttons"]]
    assert names == ["Reading mode", "Back", "Smaller text", "Larger text", "Menu"], names
    for b in bar["buttons"]:
        assert b["icon"] and len(b["tip"]) > len(b["name"]) and b["tab"], (where(r), b)


def test_reading_mode_on_a_tall_screen_has_a_thin_bar_on_top() -> None:
    records = probe("desktop", "600x1024", str(LIBRARY), SEED_ID, "400", "high_contrast")
    for r in in_two_modes(records):
        assert r["window_fits"] and not r["cut"] and not r["broken_words"], where(r)
        if r["mode"] == "reading":
            assert r["window"] == r["whole_screen"], where(r)
            check_reading_bar(r, vertical=False)
            assert r["article_height"] >= r["screen"][3] * 0.9, where(r)


def in_two_modes(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records of the window and of reading mode (not the citation followed last)."""
    return [r for r in records if r["mode"] in ("normal", "reading")]


@pytest.mark.parametrize("screen", DESKTOP_SCREENS)
def test_a_reference_shown_at_400_per_cent_keeps_its_words_whole(screen: str) -> None:
    """Enter on a citation at 400 % opens the References pane beside the article, wide
    enough for each word of the reference, with the article still beside it."""
    r = desktop(screen)[-1]
    assert r["mode"] == "citation followed" and r["scale"] == 400, r
    assert r["references_shown"], r
    assert not r["cut_words"] and not r["cut"], r
    assert r["article_width"] >= 0.45 * int(screen.split("x")[0]), r


def test_the_article_shows_enough_lines_at_400_per_cent_on_1024x600() -> None:
    for r in in_two_modes(desktop("1024x600")):
        if r["scale"] != 400:
            continue
        wanted = MIN_LINES_400_READING if r["mode"] == "reading" else MIN_LINES_400_NORMAL
        assert r["lines"] >= wanted, f"{where(r)}: {r['lines']} lines in {r['article_height']} px"
    for r in in_two_modes(desktop("1024x600")):
        if r["scale"] == 100:
            assert r["lines"] >= 12, f"{where(r)}: {r['lines']} lines"


@pytest.mark.parametrize("screen", KIOSK_SCREENS)
def test_the_kiosk_bottom_bar_stays_on_screen(screen: str) -> None:
    records = kiosk(screen)
    assert any(r["keyboard"] for r in records), "the keyboard was never shown"
    assert any(r["step"] == "after reset" for r in records)
    bad = [
        f"{r['step']} at {r['text_size']} % (keyboard {r['keyboard']}): window {r['window']},"
        f" bottom bar {r['bottom_bar']} on {r['screen']}"
        for r in records
        if not r["window_fits"] or not r["bottom_bar_visible"]
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("screen", KIOSK_SCREENS)
def test_the_kiosk_labels_are_whole(screen: str) -> None:
    bad = [f"{r['step']} at {r['text_size']} %: {c}" for r in kiosk(screen) for c in r["cut"]]
    assert not bad, "\n".join(bad[:20])


def _start_x(tmp_path: Path, size: str) -> tuple[list[subprocess.Popen[bytes]], str]:
    """Xvfb with a screen of ``size`` and openbox, a small window manager, on it."""
    read_fd, write_fd = os.pipe()
    with (tmp_path / "x.log").open("wb") as log:
        return _start_x_logging(log, read_fd, write_fd, tmp_path, size)


def _start_x_logging(
    log: Any, read_fd: int, write_fd: int, tmp_path: Path, size: str
) -> tuple[list[subprocess.Popen[bytes]], str]:
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stderr=log,
        start_new_session=True,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        display = ":" + pipe.readline().strip()
    if display == ":":
        xvfb.kill()
        xvfb.wait()
        pytest.fail(f"Xvfb did not start: {(tmp_path / 'x.log').read_text()}", pytrace=False)
    env = {"PATH": os.environ.get("PATH", ""), "DISPLAY": display, "HOME": str(tmp_path)}
    # openbox runs its --startup command once it manages the screen: the reader starts
    # after that, so that it meets a window manager (on a loaded machine openbox can take
    # seconds, and a window shown before it comes gets no frame and no keyboard focus).
    ready = tmp_path / "window-manager-ready"
    wm = subprocess.Popen(
        ["openbox", "--startup", f"touch {shlex.quote(str(ready))}"],
        env=env,
        stderr=log,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not ready.exists():
        if wm.poll() is not None or time.monotonic() > deadline:
            for process in (wm, xvfb):
                process.kill()
                process.wait()
            pytest.fail(f"openbox did not start: {(tmp_path / 'x.log').read_text()}")
        time.sleep(0.05)  # polling a file the window manager makes, up to the deadline
    return [wm, xvfb], display


def probe_under_openbox(tmp_path: Path, size: str, *args: str) -> list[dict[str, Any]]:
    """The layout probe on Xvfb with a screen of ``size`` and openbox managing the window."""
    for tool in ("Xvfb", "openbox"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing (scripts/bootstrap.sh installs it)", pytrace=False)
    processes, display = _start_x(tmp_path, size)
    try:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("QT_", "DISPLAY", "WAYLAND", "DBUS"))
        }
        env.update(
            QT_QPA_PLATFORM="xcb",
            DISPLAY=display,
            PYTHONPATH=str(ROOT),
            DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path / 'no-bus'}",
        )
        return run_probe(*args, env=env)
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


def test_the_kiosk_bottom_bar_stays_on_screen_under_a_window_manager(tmp_path: Path) -> None:
    """Under a real window manager (openbox on Xvfb, 1366 x 768): the kiosk covers the screen
    and no more, with and without its keyboard, before and after a reset."""
    records = probe_under_openbox(tmp_path, "1366x768", "kiosk", "1366x768", str(KIOSK_LIBRARY))
    assert any(r["keyboard"] for r in records) and records[-2]["step"] == "keyboard after reset"
    bad = [
        f"{r['step']} at {r['text_size']} %: window {r['window']}, bottom bar {r['bottom_bar']}"
        for r in records
        if r["screen"] != [0, 0, 1366, 768] or not r["window_fits"] or not r["bottom_bar_visible"]
    ]
    assert not bad, "\n".join(bad)


def test_reading_mode_takes_the_whole_screen_under_a_window_manager(tmp_path: Path) -> None:
    """Under openbox on a 1024 x 600 screen at 400 %, in every theme: the window has the
    window manager's title bar and fits the screen (also as it first shows); reading mode (F9) covers the whole
    screen with no title bar and shows the most lines; F9 again gives the frame back."""
    records = probe_under_openbox(
        tmp_path, "1024x600", "desktop", "1024x600", str(LIBRARY), SEED_ID, "400"
    )
    assert {r["theme"] for r in in_two_modes(records)} == {t.id for t in THEMES}
    # As it first shows, before anything is changed, the window and its title bar fit.
    first = records[0]["first_show"]
    assert first["window"] == [0, 0, 1024, 600] and first["inside"][1] > 0, (
        f"as it first showed: {seen(first)}"
    )
    for r in in_two_modes(records):
        assert r["window_fits"] and not r["cut"] and not r["broken_words"], where(r)
        assert not r["horizontal_scroll"], where(r)
        if r["mode"] == "reading":
            assert r["key_wait"]["settled"] and r["reading_mode"], (
                f"{where(r)}: F9 did not give reading mode the whole screen within"
                f" {r['key_wait']['ms']} ms: {seen(r['key_wait'])}"
            )
            assert r["window"] == r["inside"] == r["whole_screen"] == [0, 0, 1024, 600], (
                f"{where(r)}: {seen(r)}"
            )
            check_reading_bar(r, vertical=True)
            assert r["lines"] >= MIN_LINES_400_READING, f"{where(r)}: {r['lines']} lines"
        else:
            if r["key_wait"] is not None:
                assert r["key_wait"]["settled"] and not r["reading_mode"], (
                    f"{where(r)}: F9 again did not give the frame back within"
                    f" {r['key_wait']['ms']} ms: {seen(r['key_wait'])}"
                )
            assert r["inside"][1] > r["window"][1], f"{where(r)}: no title bar: {seen(r)}"
            assert r["status_bar_visible"], where(r)
            # The title bar takes a line's worth: the article's 442 px there hold six
            # lines of 64.5 px, 9.5 px short of a seventh.
            assert r["lines"] >= MIN_LINES_400_NORMAL - 1, (
                f"{where(r)}: {r['lines']} lines in {r['article_height']} px,"
                f" status bar {r['status_bar']}"
            )


def seen(r: dict[str, Any]) -> str:
    """What was measured of the window: its frame, the part inside it, its state."""
    return (
        f"frame {r['window']}, inside {r['inside']}, full screen {r.get('full_screen')},"
        f" reading mode {r.get('reading_mode')}, active {r.get('active')}"
    )
