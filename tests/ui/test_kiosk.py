"""Kiosk mode as a person at the shared screen (and the next one) meets it."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QListWidget,
    QPushButton,
    QScroller,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reader.core.kiosk import (
    AdminPolicy,
    DisplayDefaults,
    Features,
    KioskConfig,
    SessionPolicy,
    hash_pin,
)
from reader.core.library import Library
from reader.core.search import PREBUILT_DIR_NAME, SearchIndex
from reader.ui.accessibility import announcer
from reader.ui.kiosk.window import KioskWindow, Place, interactive_widgets, target_px

LIBRARY = Path(__file__).resolve().parents[1] / "fixtures" / "ui_library"
PIN = "2468"

# PySide6 6.12 drops one reference to None on every QApplication.processEvents() /
# QTest.qWait() call (measured: 1000 calls, 1000 references). pytest-qt's waitUntil
# polls with qWait, so a long run would deallocate None and abort the interpreter.
# Holding extra references keeps the count far from zero.
_NONE_REFERENCES = [None] * 1_000_000


@pytest.fixture(scope="module")
def pin_hash() -> str:
    return hash_pin(PIN)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("OFFLINE_READER_HOME", str(home))
    return home


def make_config(pin_hash: str, *, qr_codes: bool = False, **admin: object) -> KioskConfig:
    return KioskConfig(
        session=SessionPolicy(idle_timeout=180, warning_countdown=30),
        display=DisplayDefaults(text_size=100, theme="light", font="atkinson"),
        features=Features(qr_codes=qr_codes),
        admin=AdminPolicy(pin_hash=pin_hash, failure_delay=60, **admin),  # type: ignore[arg-type]
    )


def open_kiosk(
    qtbot: QtBot, config: KioskConfig, library: Path = LIBRARY, **kwargs: int
) -> KioskWindow:
    window = KioskWindow(Library.scan(library), config, **kwargs)
    window.start()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: window.search.is_ready, timeout=20000)
    return window


def close_kiosk(window: KioskWindow) -> None:
    window.shutdown()
    window.guard.grant_exit()
    window.close()
    window.deleteLater()


@pytest.fixture
def kiosk(qtbot: QtBot, home: Path, pin_hash: str) -> Iterator[KioskWindow]:
    window = open_kiosk(qtbot, make_config(pin_hash))
    yield window
    close_kiosk(window)


def type_on_screen(qtbot: QtBot, window: KioskWindow, text: str) -> None:
    """Type with the on-screen keyboard, as a finger would."""
    qtbot.mouseClick(window.search_box, Qt.MouseButton.LeftButton)
    assert window.keyboard.isVisible()
    keys = {b.accessibleName(): b for b in window.keyboard.buttons()}
    for ch in text:
        qtbot.mouseClick(keys["Space" if ch == " " else ch], Qt.MouseButton.LeftButton)


def click_item(qtbot: QtBot, view: QListWidget, row: int) -> None:
    item = view.item(row)
    assert item is not None
    rect = view.visualItemRect(item)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def use_the_kiosk(qtbot: QtBot, window: KioskWindow) -> None:
    """Search, open an article and its source, change size and colours: leave traces."""
    type_on_screen(qtbot, window, "iron")
    keys = {b.accessibleName(): b for b in window.keyboard.buttons()}
    qtbot.mouseClick(keys["Search"], Qt.MouseButton.LeftButton)
    assert window.current_page == "results"
    assert window.results_list.count() >= 1
    click_item(qtbot, window.results_list, 0)
    qtbot.waitUntil(lambda: window.current_page == "article")
    assert "Iron" in window.article_view.toPlainText()
    window.article_view.anchorClicked.emit(QUrl("cite:0"))
    assert window.references_open
    qtbot.mouseClick(window.larger_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.larger_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.colours_button, Qt.MouseButton.LeftButton)
    assert window.text_size > 100
    assert window.theme_id != "light"
    assert window.history_length[0] >= 2


def assert_fresh(window: KioskWindow) -> None:
    assert window.current_page == "home"
    assert window.stack.currentWidget() is window.pages["home"]
    assert window.search_box.text() == ""
    assert window.results_list.count() == 0
    assert window.results_heading.text() == ""
    assert window.history_length == (0, 0)
    assert not window.back_button.isEnabled()
    assert not window.forward_button.isEnabled()
    assert window.text_size == window.config.display.text_size
    assert window.theme_id == window.config.display.theme
    assert window.font_id == window.config.display.font
    assert window.speech_rate == window.config.display.speech_rate
    assert not window.reading_aloud
    assert not window.references_open
    assert window.article_view.article is None
    assert window.article_view.toPlainText() == ""
    assert not window.keyboard.isVisible()


# --- no way out -----------------------------------------------------------------------------


QUIT_KEYS = [
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
]


def test_quit_shortcuts_do_nothing(qtbot: QtBot, home: Path, pin_hash: str) -> None:
    window = KioskWindow(Library.scan(LIBRARY), make_config(pin_hash))
    fired: list[str] = []
    quit_action = QAction("Quit", window)
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    quit_action.triggered.connect(lambda: fired.append("action"))
    quit_action.triggered.connect(window.close)
    window.addAction(quit_action)
    close_tab = QShortcut(QKeySequence("Ctrl+W"), window)
    close_tab.activated.connect(lambda: fired.append("shortcut"))
    close_tab.activated.connect(window.close)
    escape = QShortcut(QKeySequence("Escape"), window)
    escape.activated.connect(window.close)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    # Without the kiosk locks the shortcuts are live (so the test below can fail).
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert fired == ["shortcut"]
    fired.clear()
    window.show()
    window.start()
    escape.activated.disconnect()  # Escape has in-reader uses; it must never close
    escape.activated.connect(window.close)
    try:
        for key, mods in QUIT_KEYS:
            for target in (window, window.search_box, window.home_button):
                qtbot.keyClick(target, key, mods)
                assert window.isVisible(), f"{key} closed the kiosk"
        assert fired == []
        assert not quit_action.isEnabled()
        assert window.close() is False
        assert window.isVisible()
        assert window.isFullScreen()
        assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
        assert window.menuWidget() is None or not window.menuWidget().isVisible()
    finally:
        close_kiosk(window)


def test_no_context_menus_and_no_drops(qtbot: QtBot, kiosk: KioskWindow) -> None:
    for widget in [kiosk, *kiosk.findChildren(QWidget)]:
        assert not widget.acceptDrops(), widget
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5))
    QApplication.sendEvent(kiosk.search_box, event)
    QApplication.sendEvent(kiosk.article_view.viewport(), event)
    assert QApplication.activePopupWidget() is None


def test_links_in_sources_are_text_never_opened(qtbot: QtBot, kiosk: KioskWindow) -> None:
    use_the_kiosk(qtbot, kiosk)
    text = kiosk.reference_text.toPlainText()
    assert "https://example.org/iron" in text
    assert "href" not in kiosk.reference_text.toHtml().split("<body")[1]
    assert not kiosk.article_view.openExternalLinks()
    assert not kiosk.reference_text.openLinks()


# --- the administrator exit ------------------------------------------------------------------


def tap_corner(qtbot: QtBot, window: KioskWindow, times: int = 5) -> None:
    for _ in range(times):
        qtbot.mouseClick(window.admin_corner, Qt.MouseButton.LeftButton)


def enter_pin(qtbot: QtBot, window: KioskWindow, pin: str) -> None:
    dialog = window.pin_dialog
    assert dialog is not None
    buttons = {b.accessibleName(): b for b in dialog.findChildren(QPushButton)}
    for digit in pin:
        qtbot.mouseClick(buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)


def test_wrong_pin_does_not_open_the_exit_and_the_right_one_does(
    qtbot: QtBot, kiosk: KioskWindow
) -> None:
    tap_corner(qtbot, kiosk, 4)
    assert kiosk.pin_dialog is None  # four taps are not the gesture
    tap_corner(qtbot, kiosk, 1)
    qtbot.waitUntil(lambda: kiosk.pin_dialog is not None and kiosk.pin_dialog.isVisible())
    enter_pin(qtbot, kiosk, "1111")
    dialog = kiosk.pin_dialog
    assert dialog is not None and dialog.isVisible()
    assert "not right" in dialog.message.text()
    assert kiosk.isVisible() and not kiosk.guard.exit_granted
    assert kiosk.close() is False
    with qtbot.waitSignal(kiosk.exit_granted, timeout=5000):
        enter_pin(qtbot, kiosk, PIN)
    qtbot.waitUntil(lambda: not kiosk.isVisible())


def test_repeated_wrong_pins_lock_the_pad(qtbot: QtBot, kiosk: KioskWindow) -> None:
    tap_corner(qtbot, kiosk)
    qtbot.waitUntil(lambda: kiosk.pin_dialog is not None)
    for _ in range(kiosk.config.admin.failures_before_delay):
        enter_pin(qtbot, kiosk, "9999")
    dialog = kiosk.pin_dialog
    assert dialog is not None
    assert kiosk.gate.locked
    assert not dialog.ok.isEnabled()
    assert "wait" in dialog.message.text()
    assert kiosk.gate.check(PIN) is False  # even the right PIN, until the delay is over
    assert kiosk.isVisible()


def test_hold_gesture_opens_the_pin_pad(qtbot: QtBot, home: Path, pin_hash: str) -> None:
    config = make_config(pin_hash, gesture="hold", hold_seconds=2.0, corner="bottom-right")
    window = open_kiosk(qtbot, config)
    try:
        corner = window.admin_corner
        assert corner.geometry().bottomRight() == window.centralWidget().rect().bottomRight()
        qtbot.mouseClick(corner, Qt.MouseButton.LeftButton)  # a tap is not a hold
        assert window.pin_dialog is None
        qtbot.mousePress(corner, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.pin_dialog is not None, timeout=5000)
        qtbot.mouseRelease(corner, Qt.MouseButton.LeftButton)
    finally:
        close_kiosk(window)


def test_no_pin_configured_means_no_exit(qtbot: QtBot, home: Path) -> None:
    window = open_kiosk(qtbot, KioskConfig())
    try:
        assert not window.admin_corner.isVisible()
        tap_corner(qtbot, window, 6)
        assert window.pin_dialog is None
        assert window.close() is False
    finally:
        close_kiosk(window)


# --- idle reset ------------------------------------------------------------------------------


def test_idle_warning_is_shown_announced_and_a_key_keeps_the_session(
    qtbot: QtBot, kiosk: KioskWindow
) -> None:
    use_the_kiosk(qtbot, kiosk)
    heard: list[tuple[str, bool]] = []
    announcer().announced.connect(lambda text, assertive: heard.append((text, assertive)))
    kiosk.idle.set_timing(idle_ms=200, countdown_s=20)
    qtbot.keyClick(kiosk.article_view, Qt.Key.Key_Down)  # restart the idle time
    with qtbot.waitSignal(kiosk.idle.warning_shown, timeout=3000):
        pass
    assert kiosk.warning.isVisible()
    assert kiosk.idle.remaining == 20
    assert "20 seconds" in kiosk.warning.countdown.text()
    assert kiosk.warning.keep_button.isVisible()
    assert any("still reading" in text and assertive for text, assertive in heard)
    with qtbot.waitSignal(kiosk.idle.session_kept, timeout=1000):
        qtbot.keyClick(kiosk.warning.keep_button, Qt.Key.Key_Shift)
    assert not kiosk.warning.isVisible()
    assert kiosk.current_page == "article"
    assert kiosk.references_open
    assert kiosk.text_size > 100


def test_a_touch_on_keep_reading_keeps_the_session(qtbot: QtBot, kiosk: KioskWindow) -> None:
    use_the_kiosk(qtbot, kiosk)
    kiosk.idle.set_timing(idle_ms=100, countdown_s=20)
    qtbot.mouseClick(kiosk.home_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(kiosk.warning.isVisible, timeout=3000)
    with qtbot.waitSignal(kiosk.idle.session_kept, timeout=1000):
        qtbot.mouseClick(kiosk.warning.keep_button, Qt.MouseButton.LeftButton)
    assert kiosk.history_length[0] >= 2


def test_with_no_input_the_session_resets(qtbot: QtBot, kiosk: KioskWindow) -> None:
    use_the_kiosk(qtbot, kiosk)
    kiosk.idle.set_timing(idle_ms=100, countdown_s=1)
    qtbot.mouseClick(kiosk.article_view.viewport(), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(kiosk.session_reset, timeout=5000):
        pass
    assert not kiosk.warning.isVisible()
    assert_fresh(kiosk)


def test_finish_button_clears_the_session_at_once(qtbot: QtBot, kiosk: KioskWindow) -> None:
    use_the_kiosk(qtbot, kiosk)
    assert kiosk.finish_button.isVisible()
    with qtbot.waitSignal(kiosk.session_reset, timeout=1000):
        qtbot.mouseClick(kiosk.finish_button, Qt.MouseButton.LeftButton)
    assert_fresh(kiosk)


# --- privacy ---------------------------------------------------------------------------------


def tree(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
    }


def test_nothing_is_written_during_a_session(qtbot: QtBot, home: Path, pin_hash: str) -> None:
    before_home, before_library = tree(home), tree(LIBRARY)
    window = open_kiosk(qtbot, make_config(pin_hash))
    temp = window.search.temp_dir  # the fixture library ships no prebuilt index
    assert temp is not None and temp.is_dir() and home not in temp.parents
    try:
        use_the_kiosk(qtbot, window)
        qtbot.mouseClick(window.finish_button, Qt.MouseButton.LeftButton)
        use_the_kiosk(qtbot, window)
        window.idle.set_timing(idle_ms=50, countdown_s=1)
        qtbot.mouseClick(window.home_button, Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(window.session_reset, timeout=5000):
            pass
    finally:
        close_kiosk(window)
    assert tree(home) == before_home
    assert tree(LIBRARY) == before_library
    assert not temp.exists(), "the temporary search index outlived the kiosk"


# --- touch -----------------------------------------------------------------------------------


def too_small(window: KioskWindow, minimum: int) -> list[str]:
    small = []
    for widget in interactive_widgets(window):
        if widget.width() < minimum or widget.height() < minimum:
            label = widget.accessibleName() or widget.objectName() or type(widget).__name__
            small.append(f"{label} {widget.width()}x{widget.height()}")
    for view in window.findChildren(QListWidget):
        if not view.isVisibleTo(window):
            continue
        for row in range(view.count()):
            item = view.item(row)
            assert item is not None
            if view.visualItemRect(item).height() < minimum:
                small.append(f"{view.accessibleName()} row {row}")
    return small


def walk_every_page(qtbot: QtBot, window: KioskWindow, minimum: int) -> list[str]:
    problems: list[str] = []
    QApplication.processEvents()
    problems += too_small(window, minimum)
    type_on_screen(qtbot, window, "iron")
    problems += too_small(window, minimum)
    qtbot.mouseClick(window.search_button, Qt.MouseButton.LeftButton)
    problems += too_small(window, minimum)
    click_item(qtbot, window.results_list, 0)
    qtbot.waitUntil(lambda: window.current_page == "article")
    window.article_view.anchorClicked.emit(QUrl("cite:0"))
    QApplication.processEvents()
    problems += too_small(window, minimum)
    qtbot.mouseClick(window.home_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.tiles[0], Qt.MouseButton.LeftButton)
    problems += too_small(window, minimum)
    qtbot.mouseClick(window.help_button, Qt.MouseButton.LeftButton)
    problems += too_small(window, minimum)
    return problems


def test_every_target_is_at_least_44_px(qtbot: QtBot, kiosk: KioskWindow) -> None:
    assert walk_every_page(qtbot, kiosk, 44) == []
    tap_corner(qtbot, kiosk)
    qtbot.waitUntil(lambda: kiosk.pin_dialog is not None and kiosk.pin_dialog.isVisible())
    dialog = kiosk.pin_dialog
    assert dialog is not None
    small = [
        f"{b.accessibleName()} {b.width()}x{b.height()}"
        for b in dialog.findChildren(QAbstractButton)
        if b.width() < 44 or b.height() < 44
    ]
    assert small == []


def test_targets_grow_with_the_text_size(qtbot: QtBot, home: Path, pin_hash: str) -> None:
    config = make_config(pin_hash)
    config = KioskConfig(
        session=config.session,
        display=DisplayDefaults(text_size=150, theme="light", font="atkinson"),
        admin=config.admin,
    )
    window = open_kiosk(qtbot, config)
    try:
        assert target_px(150) > 44
        assert walk_every_page(qtbot, window, target_px(150)) == []
    finally:
        close_kiosk(window)


def test_every_scrolling_area_scrolls_with_a_finger(qtbot: QtBot, kiosk: KioskWindow) -> None:
    areas = [
        a for a in kiosk.findChildren(QAbstractScrollArea) if a.objectName() != "qt_scrollarea"
    ]
    assert len(areas) >= 5
    for area in areas:
        assert QScroller.hasScroller(area.viewport()), area.accessibleName() or area
    bars = [b for a in areas for b in (a.verticalScrollBar(), a.horizontalScrollBar())]
    assert all(b.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu for b in bars)


def test_search_box_keeps_focus_while_typing_on_screen(qtbot: QtBot, kiosk: KioskWindow) -> None:
    type_on_screen(qtbot, kiosk, "iron")
    assert kiosk.search_box.text() == "iron"
    assert kiosk.search_box.hasFocus() or QApplication.focusWidget() is kiosk.search_box
    keys = {b.accessibleName(): b for b in kiosk.keyboard.buttons()}
    qtbot.mouseClick(keys["Delete the last letter"], Qt.MouseButton.LeftButton)
    assert kiosk.search_box.text() == "iro"
    qtbot.mouseClick(keys["Clear the search box"], Qt.MouseButton.LeftButton)
    assert kiosk.search_box.text() == ""
    assert all(k.focusPolicy() == Qt.FocusPolicy.NoFocus for k in kiosk.keyboard.buttons())


def test_home_screen_has_tiles_and_readable_help(qtbot: QtBot, kiosk: KioskWindow) -> None:
    names = sorted(t.accessibleName() for t in kiosk.tiles)
    assert names == ["Nutrition, 1 articles", "Women's health, 1 articles"] or len(names) == 2
    qtbot.mouseClick(kiosk.help_button, Qt.MouseButton.LeftButton)
    assert kiosk.current_page == "help"
    assert kiosk.help_view.accessibleName() == "How to use this screen"
    assert "Finish / clear my session" in kiosk.help_view.toPlainText()


# --- sources as text and QR codes -----------------------------------------------------------


def open_cited(qtbot: QtBot, window: KioskWindow, reference_key: str) -> None:
    window._go(Place("article", "b12-breast-milk"))
    article = window.article_view.article
    assert article is not None
    ordinal = next(c.ordinal for c in article.citations if c.reference_key == reference_key)
    window.article_view.follow(f"cite:{ordinal}")
    assert window.references_open


def test_a_doi_is_shown_as_text_and_optionally_as_a_qr_code(
    qtbot: QtBot, home: Path, pin_hash: str
) -> None:
    window = open_kiosk(qtbot, make_config(pin_hash, qr_codes=True))
    try:
        open_cited(qtbot, window, "schmidt")
        assert "10.1093/aje/kwu208" in window.reference_text.toPlainText()
        assert window.reference_qr.isVisible()
        pixmap = window.reference_qr.pixmap()
        assert not pixmap.isNull() and pixmap.width() == pixmap.height() >= 21 * 4
        assert "https://doi.org/10.1093/aje/kwu208" in window.reference_qr.accessibleName()
        open_cited(qtbot, window, "who")  # no DOI, no web address: no code
        assert not window.reference_qr.isVisible()
    finally:
        close_kiosk(window)


def test_qr_codes_are_off_by_default(qtbot: QtBot, kiosk: KioskWindow) -> None:
    open_cited(qtbot, kiosk, "schmidt")
    assert "10.1093/aje/kwu208" in kiosk.reference_text.toPlainText()
    assert not kiosk.reference_qr.isVisible()


# --- a prebuilt, read-only index ------------------------------------------------------------


def test_a_prebuilt_index_on_read_only_media_is_used_as_is(
    qtbot: QtBot, home: Path, tmp_path: Path, pin_hash: str
) -> None:
    library = tmp_path / "library"
    shutil.copytree(LIBRARY, library)
    index = SearchIndex.open(Library.scan(library), library / PREBUILT_DIR_NAME)
    index.update()
    index.close()
    paths = [library, *library.rglob("*")]
    for path in paths:
        mode = path.stat().st_mode
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    before = tree(library)
    window = open_kiosk(qtbot, make_config(pin_hash), library)
    try:
        assert window.search.prebuilt
        assert window.search.temp_dir is None
        use_the_kiosk(qtbot, window)
        qtbot.mouseClick(window.finish_button, Qt.MouseButton.LeftButton)
    finally:
        close_kiosk(window)
        for path in paths:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
    assert tree(library) == before
    assert tree(home) == {}


# --- a bad configuration stops the start ----------------------------------------------------


def test_a_bad_configuration_is_a_clear_error_at_start(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[session]\nwarning_countdown = 5\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OFFLINE_READER_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--kiosk-config", str(config), "--library", str(LIBRARY)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert str(config) in result.stderr
    assert "session.warning_countdown" in result.stderr
    assert "20–600" in result.stderr


def test_enter_presses_the_focused_button_as_space_does(qtbot: QtBot, kiosk: KioskWindow) -> None:
    """A person with a keyboard (or a switch that sends Enter) presses what has the focus."""
    kiosk.home_help_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(kiosk.home_help_button.hasFocus)
    qtbot.keyClick(kiosk.home_help_button, Qt.Key.Key_Return)
    assert kiosk.current_page == "help"
    kiosk.home_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(kiosk.home_button, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert kiosk.current_page == "home"
    tile = kiosk.topic_tiles[0]
    tile.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(tile, Qt.Key.Key_Return)
    assert kiosk.current_page != "home"
