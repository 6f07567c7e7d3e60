"""The window and `offline-reader search` count the same results; a search made before the
index is ready says so and runs by itself once it is (window and kiosk)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.cli.main import main
from reader.core.kiosk import AdminPolicy, DisplayDefaults, Features, KioskConfig, SessionPolicy
from reader.core.library import Library
from reader.ui.app import build_window
from reader.ui.kiosk.window import KioskWindow

WORDS = ("fever", "cough", "rash")


def write_library(root: Path) -> Path:
    """30 short articles: 4 with all three words, 10 with two, 16 with one."""
    folder = root / "symptoms"
    folder.mkdir(parents=True)
    for n in range(30):
        words = WORDS if n < 4 else WORDS[:2] if n < 14 else WORDS[:1]
        text = f"A child with {' and '.join(words)} should see a nurse. Note {n}."
        (folder / f"a{n:02d}.md").write_text(
            f"---\nid: a{n:02d}\ntitle: Article {n}\ncollection: Symptoms\n---\n\n"
            f"## What to do\n\n{text}\n",
            encoding="utf-8",
        )
    return root


def test_the_window_and_the_command_line_report_the_same_count(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = write_library(tmp_path / "library")
    query = " ".join(WORDS)
    assert main(["search", "--library", str(library), *WORDS]) == 0
    out = capsys.readouterr().out
    cli = re.search(r"(\d+) shown of (?:about )?(\d+) matching sections", out)
    assert cli is not None, out
    assert int(cli.group(1)) == 10  # the command line shows fewer than the window
    window = build_window(GuiOptions(library=library, open_target=None), start_search=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.search.index is not None and not window.search.indexing)
    try:
        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(window.search_pane.box, query)
        qtbot.waitUntil(lambda: window.search_pane.shown_query == query, timeout=10000)
        status = window.search_pane.status.text()
        shown = re.search(r"(\d+) results?", status)
        assert shown is not None, status
        assert int(shown.group(1)) == int(cli.group(2)), (status, out)
    finally:
        window.close()


def test_a_search_typed_before_the_index_is_ready_runs_once_it_is(
    qtbot: QtBot, tmp_path: Path
) -> None:
    library = write_library(tmp_path / "library")
    window = build_window(GuiOptions(library=library, open_target=None), start_search=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        pane = window.search_pane
        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(pane.box, "cough")
        qtbot.waitUntil(lambda: pane.shown_query == "cough", timeout=10000)
        assert pane.hit_count() == 0
        assert "will appear here by themselves" in pane.status.text()
        window.search.start()  # the index opens (and is built) now; nobody types again
        qtbot.waitUntil(lambda: pane.hit_count() > 0, timeout=60000)
        assert pane.status.text().startswith("14 result")
    finally:
        window.close()


def test_the_kiosk_runs_a_search_made_before_its_index_was_ready(
    qtbot: QtBot, tmp_path: Path
) -> None:
    library = write_library(tmp_path / "library")
    config = KioskConfig(
        session=SessionPolicy(idle_timeout=180, warning_countdown=30),
        display=DisplayDefaults(text_size=100, theme="light", font="atkinson"),
        features=Features(),
        admin=AdminPolicy(pin_hash=None, failure_delay=60),
    )
    window = KioskWindow(Library.scan(library), config)
    try:
        window.start()
        # in this same turn of the event loop the index cannot have been handed over yet
        assert not window.search.is_ready
        window.search_box.setText("rash")
        window.search_button.click()
        assert window.current_page == "results"
        assert "will appear here" in window.results_heading.text()
        qtbot.waitUntil(lambda: window.results_list.count() == 4, timeout=60000)
        assert window.results_heading.text().startswith("4 result")
        assert QApplication.activeWindow() in (window, None)
    finally:
        window.shutdown()
        window.guard.grant_exit()
        window.close()
        window.deleteLater()
