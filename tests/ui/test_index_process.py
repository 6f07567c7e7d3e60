"""The window's search index is built by a separate process; the window shows its progress,
then searches the index it wrote. Closing the window stops that process."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.core.model import SearchResults
from reader.ui.app import build_window
from reader.ui.main_window import StatusMessage
from reader.ui.workers import IndexReady

LIBRARY = Path(__file__).parents[1] / "fixtures" / "ui_library"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_the_index_is_built_in_another_process_and_the_window_searches_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    library = tmp_path / "library"
    shutil.copytree(LIBRARY, library)
    window = build_window(GuiOptions(library=library, open_target=None), start_search=False)
    qtbot.addWidget(window)
    shown: list[StatusMessage] = []
    window.status_shown.connect(shown.append)
    window.show()
    try:
        with qtbot.waitSignal(window.search.indexer_started, timeout=30000) as started:
            window.search.start()
        pid = started.args[0] if started.args else 0
        assert pid > 0 and pid != os.getpid()
        with qtbot.waitSignal(window.search.index_finished, timeout=60000) as finished:
            pass
        ready = finished.args[0] if finished.args else None
        assert isinstance(ready, IndexReady) and ready.report is not None
        assert ready.report.added == 2
        assert any(m.text.startswith("Indexing:") for m in shown), [m.text for m in shown]
        assert window.status_label.text().startswith("Search ready (2 articles indexed")
        # the window searches what the other process wrote
        with qtbot.waitSignal(window.search.search_finished, timeout=10000) as found:
            window.search.search("iron")
        results = found.args[0] if found.args else None
        assert isinstance(results, SearchResults)
        assert "iron-in-pregnancy" in {h.article_id for h in results.hits}

        # an article added later: the next start indexes only that one, in a new process
        text = (library / "nutrition" / "iron-in-pregnancy.md").read_text(encoding="utf-8")
        (library / "nutrition" / "zinc.md").write_text(
            text.replace("iron-in-pregnancy", "zinc-basics", 1), encoding="utf-8"
        )
    finally:
        window.close()
    again = build_window(GuiOptions(library=library, open_target=None), start_search=False)
    qtbot.addWidget(again)
    try:
        with qtbot.waitSignal(again.search.index_finished, timeout=60000) as finished:
            again.search.start()
        ready = finished.args[0] if finished.args else None
        assert isinstance(ready, IndexReady) and ready.report is not None
        assert (ready.report.added, ready.report.unchanged) == (1, 2)
    finally:
        again.close()


def test_closing_the_window_stops_the_indexing_process(qtbot: QtBot) -> None:
    window = build_window(GuiOptions(library=LIBRARY, open_target=None), start_search=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.search.indexer_started, timeout=30000) as started:
        window.search.start()
    pid = started.args[0] if started.args else 0
    window.close()
    assert not _alive(pid)
