"""The window starts whatever it finds: a library with a link loop, a named pipe and a link
to /dev/zero among its articles; settings.json that is a named pipe; a search index whose
files were damaged where their sizes do not show it. It reads what it can, says what it
could not, and rebuilds the index in the background."""

from __future__ import annotations

import os
import re
import shutil
import zlib
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.core.library import Library
from reader.core.model import SearchResults
from reader.core.search import SearchIndex
from reader.core.settings import SettingsStore, default_settings_path
from reader.ui.app import build_window
from reader.ui.kiosk.window import KioskWindow
from reader.ui.main_window import MainWindow

LIBRARY = Path(__file__).parents[1] / "fixtures" / "ui_library"


def hostile_copy(tmp_path: Path) -> Path:
    library = tmp_path / "library"
    shutil.copytree(LIBRARY, library)
    bad = library / "bad"
    bad.mkdir()
    (bad / "loop.md").symlink_to("loop.md")
    (bad / "zero.md").symlink_to("/dev/zero")
    os.mkfifo(bad / "pipe.md")
    return library


def test_the_window_starts_on_a_library_with_loops_pipes_and_devices(
    qtbot: QtBot, tmp_path: Path
) -> None:
    library = hostile_copy(tmp_path)
    window = build_window(GuiOptions(library=library, open_target=None), start_search=False)
    qtbot.addWidget(window)
    window.show()
    try:
        assert {s.id for s in window.library.summaries} == {"iron-in-pregnancy", "b12-breast-milk"}
        status = window.status_label.text()
        assert "3 file" in status and "could not be read" in status
        item = window.library_pane.item_for("iron-in-pregnancy")
        assert item is not None
        window.library_pane.tree.setCurrentItem(item)
        qtbot.keyClick(window.library_pane.tree, Qt.Key.Key_Return)
        assert window.article_view.article is not None
    finally:
        window.close()


def test_the_kiosk_starts_on_a_library_with_loops_pipes_and_devices(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from reader.core.kiosk import KioskConfig

    library = hostile_copy(tmp_path)
    kiosk = KioskWindow(Library.scan(library), KioskConfig())
    qtbot.addWidget(kiosk)
    try:
        assert len(kiosk.library) == 2
    finally:
        kiosk.close()


def test_the_window_starts_with_settings_that_are_a_named_pipe(
    qtbot: QtBot, tmp_path: Path, private_home: Path
) -> None:
    path = default_settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    window = MainWindow(Library.scan(LIBRARY), SettingsStore.for_user())
    qtbot.addWidget(window)
    window.show()
    try:
        assert "named pipe" in window.status_label.text()
        assert window.settings.text_scale == 100
    finally:
        window.close()


def _search(qtbot: QtBot, window: MainWindow, query: str) -> SearchResults:
    with qtbot.waitSignal(window.search.search_finished, timeout=60_000) as found:
        window.search.search(query)
    results = found.args[0] if found.args else None
    assert isinstance(results, SearchResults)
    return results


def _damage(library: Path, how: str) -> None:
    ix = SearchIndex.open(Library.scan(library))
    ix.update()
    ix.close()
    seg = max(ix.index_dir.glob("*.seg"), key=lambda p: p.stat().st_size)
    data = bytearray(seg.read_bytes())
    if how == "zeroed":
        at = len(data) // 10
        data[at : at + 16384] = bytes(16384)
    else:  # every compressed block's header broken: stored text no longer inflates
        for m in re.finditer(rb"\x78[\x01\x5e\x9c\xda]", data):
            try:
                zlib.decompressobj().decompress(bytes(data[m.start() : m.start() + 4096]))
            except zlib.error:
                continue
            data[m.start()] ^= 0x01
    seg.write_bytes(bytes(data))


def test_a_damaged_index_is_found_after_start_and_rebuilt_by_the_window(
    qtbot: QtBot, tmp_path: Path
) -> None:
    library = tmp_path / "library"
    shutil.copytree(LIBRARY, library)
    _damage(library, "zeroed")
    window = build_window(GuiOptions(library=library, open_target=None), start_search=False)
    qtbot.addWidget(window)
    window.show()
    try:
        with qtbot.waitSignal(window.search.index_damaged, timeout=60_000):
            window.search.start()  # opens at once; the checksums are compared afterwards
        assert "damaged" in window.status_label.text()
        with qtbot.waitSignal(window.search.index_finished, timeout=120_000):
            pass
        assert "iron-in-pregnancy" in {h.article_id for h in _search(qtbot, window, "iron").hits}
    finally:
        window.close()


def test_an_index_that_fails_while_searching_is_rebuilt_and_the_search_answered(
    qtbot: QtBot, tmp_path: Path
) -> None:
    library = tmp_path / "library"
    shutil.copytree(LIBRARY, library)
    _damage(library, "zlib")
    window = build_window(GuiOptions(library=library, open_target=None), start_search=False)
    qtbot.addWidget(window)
    window.show()
    answers: list[SearchResults] = []
    window.search.search_finished.connect(answers.append)
    try:
        with qtbot.waitSignal(window.search.index_finished, timeout=60_000):
            window.search.start()
        window.search.search("iron")
        qtbot.waitUntil(
            lambda: any(r.hits for r in answers) and not window.search.indexing, timeout=120_000
        )
        assert "iron-in-pregnancy" in {h.article_id for r in answers for h in r.hits}
    finally:
        window.close()
