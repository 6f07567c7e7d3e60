"""The kiosk's temporary search index is gone for good when the kiosk stops, even when
it stops while the index is still being built."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.core.library import Library
from reader.ui.kiosk.search import KioskSearch

LIBRARY = Path(__file__).resolve().parents[1] / "fixtures" / "search_library"


def _open_files_under(folder: Path) -> list[str]:
    fds = Path("/proc/self/fd")
    found = []
    for fd in fds.iterdir():
        try:
            target = str(fd.readlink())
        except OSError:
            continue
        if target.startswith(str(folder)):
            found.append(target)
    return found


def test_stopping_while_the_index_is_built_leaves_no_index_and_no_open_file(
    qtbot: QtBot,
) -> None:
    search = KioskSearch(Library.scan(LIBRARY))
    ready: list[bool] = []
    search.ready.connect(lambda: ready.append(True))
    search.start()
    folder = search.temp_dir
    assert folder is not None
    search.close()  # at once: the build is still running, or its result still queued
    qtbot.wait(300)  # deliver whatever the build thread queued before it was stopped
    assert not ready, "search said it was ready after the kiosk stopped"
    assert search.index is None
    assert _open_files_under(folder) == []
    assert not folder.exists()
