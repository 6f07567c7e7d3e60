"""A large library: every row of the library tree is two lines of one height, so showing
every article at once ("expand all") never measures 50,000 texts; a long title is cut
on screen but whole in its tooltip and for screen readers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.core.library import Library
from reader.core.model import ArticleSummary
from reader.ui.library_pane import WRAP_LIMIT, LibraryPane

LONG = "A very long title about iron, folate and vitamin B12 in pregnancy " * 4


def summaries(count: int) -> tuple[ArticleSummary, ...]:
    return tuple(
        ArticleSummary(
            id=f"a{n:05d}",
            title=LONG if n == 5 else f"Article {n}",
            collection=f"Collection {n % 3}",
            path=Path(f"/nowhere/a{n}.md"),
            journal="Journal" if n % 2 else None,
            published="2020" if n % 2 else None,
        )
        for n in range(count)
    )


def test_rows_of_a_large_library_are_one_height_and_long_titles_stay_whole_for_screen_readers(
    qtbot: QtBot,
) -> None:
    library = Library(Path("/nowhere"), summaries(WRAP_LIMIT + 1), ())
    pane = LibraryPane(library)
    qtbot.addWidget(pane)
    pane.resize(320, 600)
    pane.show()
    qtbot.waitExposed(pane)
    tree = pane.tree
    tree.expandAll()
    top = tree.topLevelItem(0)
    long_item = pane.item_for("a00005")
    plain = pane.item_for("a00000")  # no byline
    assert top is not None and long_item is not None and plain is not None
    heights = {tree.visualItemRect(i).height() for i in (top, long_item, plain)}
    assert len(heights) == 1, heights
    line = tree.fontMetrics().lineSpacing()
    assert heights.pop() >= 2 * line  # title and byline both shown
    assert long_item.toolTip(0) == LONG
    assert LONG in str(long_item.data(0, Qt.ItemDataRole.AccessibleTextRole))
    assert "Collection 0" in str(top.data(0, Qt.ItemDataRole.AccessibleTextRole))
