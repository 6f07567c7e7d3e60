"""A research article with hundreds of references: the References pane is filled without
holding the article back, and a citation of the last reference still brings that
reference into view at once (the list measures its rows a batch at a time)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.test_reader_window import click_href, make_window

REFERENCES = 600


def long_article(root: Path) -> None:
    refs = "\n".join(
        f"[^r{n}]: Author{n} A, Writer B, Someone C. A long title of reference number {n} "
        f"that wraps over several lines in a narrow pane. J Abbrev. 2014;{n}(2):3-4."
        for n in range(1, REFERENCES + 1)
    )
    text = (
        "---\nid: long-refs\ntitle: Many references\ncollection: Research\nlanguage: en\n---\n\n"
        f"The first claim.[^r1] The last claim.[^r{REFERENCES}]\n\n# More\n\nText.\n\n{refs}\n"
    )
    path = root / "research" / "long-refs.md"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")


def test_a_citation_of_the_last_of_600_references_shows_it(qtbot: QtBot, tmp_path: Path) -> None:
    long_article(tmp_path / "lib")
    window = make_window(qtbot, "long-refs", library=tmp_path / "lib")
    pane = window.references_pane
    window.docks["references"].show()
    qtbot.waitUntil(lambda: pane.list.count() == REFERENCES)  # the rest come a turn later
    # At once, before the list had turns of the event loop to measure its rows.
    click_href(qtbot, window, "cite:1")
    assert pane.current_key == f"r{REFERENCES}"
    item = pane.list.currentItem()
    assert item is not None and item.text().startswith(f"{REFERENCES}. Author{REFERENCES} A")
    rect = pane.list.visualItemRect(item)
    assert rect.isValid() and pane.list.viewport().rect().intersects(rect)
    # and back to the first: at the top again
    click_href(qtbot, window, "cite:0")
    first = pane.list.visualItemRect(pane.list.item(0))
    assert pane.current_key == "r1" and pane.list.viewport().rect().intersects(first)
    window.close()
