"""The kiosk reads articles on a worker: a slow article never freezes the screen, opens
when it is read, and is never shown to the next person if the session ends meanwhile."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.kiosk import AdminPolicy, DisplayDefaults, KioskConfig, SessionPolicy
from reader.core.library import Library
from reader.core.model import Article
from reader.ui.kiosk.window import KioskWindow
from tests.ui.test_kiosk import click_item
from tests.ui.test_slow_article import SLOW, SLOW_ID, Ticks

LIBRARY = Path(__file__).resolve().parents[1] / "fixtures" / "ui_library"


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[KioskWindow]:
    monkeypatch.setenv("OFFLINE_READER_HOME", str(tmp_path / "home"))
    library = tmp_path / "library"
    shutil.copytree(LIBRARY, library)
    (library / "tests").mkdir()
    (library / "tests" / "slow.md").write_text(SLOW, encoding="utf-8")
    config = KioskConfig(
        session=SessionPolicy(idle_timeout=180, warning_countdown=30),
        display=DisplayDefaults(text_size=100, theme="light", font="atkinson"),
        admin=AdminPolicy(),
    )
    window = KioskWindow(Library.scan(library), config)
    window.article_loader.wait_s = 0.2  # the slow article takes seconds on any machine
    window.start()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    yield window
    window.shutdown()
    window.guard.grant_exit()
    window.close()
    window.deleteLater()


def open_slow_article(qtbot: QtBot, kiosk: KioskWindow) -> None:
    tile = next(t for t in kiosk.tiles if t.accessibleName().startswith("Tests"))
    kiosk._tiles_scroll.ensureWidgetVisible(tile)  # scrolled to, as a finger would
    qtbot.waitUntil(lambda: not tile.visibleRegion().isEmpty())
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert kiosk.current_page == "collection"
    row = next(
        i
        for i in range(kiosk.collection_list.count())
        if kiosk.collection_list.item(i).data(Qt.ItemDataRole.UserRole) == SLOW_ID
    )
    click_item(qtbot, kiosk.collection_list, row)


def test_a_slow_article_is_read_off_the_screen_s_thread_and_opens_when_read(
    qtbot: QtBot, kiosk: KioskWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[bool] = []
    load = kiosk.library.load

    def recording_load(article_id: str) -> Article:
        threads.append(threading.current_thread() is threading.main_thread())
        return load(article_id)

    monkeypatch.setattr(kiosk.library, "load", recording_load)
    ticks = Ticks()
    open_slow_article(qtbot, kiosk)
    qtbot.waitUntil(lambda: kiosk.article_view.article is not None, timeout=60000)
    assert kiosk.current_page == "article"
    assert kiosk.article_view.article is not None
    assert kiosk.article_view.article.id == SLOW_ID
    ticks.timer.stop()
    # every read off the screen's thread (the article's, and the search index's own when
    # it is built meanwhile)
    assert threads and not any(threads)
    assert ticks.longest < 1.5, f"the screen stopped answering for {ticks.longest:.1f} s"


def test_a_slow_article_left_by_the_session_reset_is_never_shown(
    qtbot: QtBot, kiosk: KioskWindow
) -> None:
    open_slow_article(qtbot, kiosk)
    assert kiosk.article_loader.busy
    kiosk.reset_session()
    qtbot.waitUntil(lambda: not kiosk.article_loader.busy, timeout=60000)
    qtbot.wait(200)
    assert kiosk.current_page == "home"
    assert kiosk.article_view.article is None
