"""Right to left: with a pseudo-translation under a right-to-left code (accented words a
third longer, scripts/pseudo_locale.py) the window mirrors and nothing overlaps, while an
English article keeps its own direction."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from itertools import combinations
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QComboBox, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.core.settings import SettingsStore
from reader.ui.app import build_window
from reader.ui.i18n import translations
from reader.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]
LIBRARY = REPO / "tests" / "fixtures" / "ui_library"


def pseudo_locale(out: Path) -> Path:
    spec = importlib.util.spec_from_file_location(
        "pseudo_locale", REPO / "scripts" / "pseudo_locale.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    qm: Path = module.build(out)
    return qm


def in_window(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def overlaps(rects: list[tuple[str, QRect]]) -> list[str]:
    return [f"{a} / {b}" for (a, ra), (b, rb) in combinations(rects, 2) if ra.intersects(rb)]


def test_the_window_mirrors_and_nothing_overlaps(qtbot: QtBot, tmp_path: Path) -> None:
    translations().add_search_dir(pseudo_locale(tmp_path / "pseudo").parent)
    store = SettingsStore.for_user()
    store.save(replace(store.load()[0], language="ar"))
    window: MainWindow = build_window(
        GuiOptions(library=LIBRARY, open_target="b12-breast-milk"), start_search=False
    )
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    assert translations().language == "ar"
    assert window.isRightToLeft()
    # the pseudo-translation is on screen (longer, accented words)
    assert window.search_pane.box.placeholderText().startswith("[Šéáŕçh")
    # mirrored: the first menu at the right, the left panes on the right of the article
    bar = window.menuBar()
    actions = [a for a in bar.actions() if a.isVisible()]
    geometries = [bar.actionGeometry(a) for a in actions]
    assert geometries[0].x() > geometries[-1].x()
    assert overlaps([(a.text(), g) for a, g in zip(actions, geometries, strict=True)]) == []
    assert all(bar.rect().contains(g) for g in geometries)
    article = in_window(window.article_view, window)
    search = in_window(window.docks["search"], window)
    references = in_window(window.docks["references"], window)
    assert search.left() >= article.right() and references.right() <= article.left()
    # nothing overlaps: docks, the article, and the controls of every tool bar
    parts = [(name, in_window(d, window)) for name, d in window.docks.items() if d.isVisible()]
    visible_parts = [p for p in parts if p[0] in ("search", "references")]
    assert overlaps([*visible_parts, ("article", article)]) == []
    for tools in window.findChildren(QToolBar):
        if not tools.isVisible():
            continue
        controls = [
            (w.objectName() or w.accessibleName() or type(w).__name__, in_window(w, window))
            for w in tools.findChildren(QWidget)
            if w.parentWidget() is tools and w.isVisible() and w.width() > 1
        ]
        assert overlaps(controls) == [], tools.objectName()
    # the English article keeps its own direction inside the mirrored window
    assert window.article_view.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.references_pane.list.layoutDirection() == Qt.LayoutDirection.LeftToRight
    window.close()


def _x_of(text: str, char: str, direction: Qt.LayoutDirection) -> float:
    """Where ``char`` is drawn in ``text`` laid out as an item view lays out its rows."""
    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    x, _ = line.cursorToX(text.index(char) + 1)  # just after it: inside its run of text
    return float(x)


def test_an_english_title_keeps_its_order_in_the_mirrored_library_pane(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from reader.core.library import Library
    from reader.ui.library_pane import LibraryPane

    root = tmp_path / "library"
    (root / "research").mkdir(parents=True)
    (root / "research" / "networks.md").write_text(
        "---\nid: networks\ntitle: 3-way networks for health\ncollection: Research\n"
        "language: en\n---\n\nText.\n",
        encoding="utf-8",
    )
    rtl = Qt.LayoutDirection.RightToLeft
    # as it was: the title as it is, laid out right to left, puts the "3" after "way"
    plain = "3-way networks for health"
    assert _x_of(plain, "3", rtl) > _x_of(plain, "w", rtl)
    translations().set_language("ar")
    pane = LibraryPane(Library.scan(root))
    qtbot.addWidget(pane)
    assert pane.isRightToLeft()
    item = pane.item_for("networks")
    assert item is not None
    shown = item.text(0)
    assert _x_of(shown, "3", rtl) < _x_of(shown, "w", rtl)  # "3-way", as it is written
    spoken = str(item.data(0, Qt.ItemDataRole.AccessibleTextRole))
    # the screen reader gets the title as it is written: no direction marks inside it
    assert "3-way networks for health" in spoken, spoken
    assert not set(spoken) & set(
        "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    )
    translations().set_language("en")
    pane = LibraryPane(Library.scan(root))
    qtbot.addWidget(pane)
    item = pane.item_for("networks")
    assert item is not None and item.text(0).startswith("3-way networks for health")


def test_numbers_in_the_spacing_choices_are_written_the_spanish_way(qtbot: QtBot) -> None:
    store = SettingsStore.for_user()
    store.save(replace(store.load()[0], language="es"))
    window = build_window(GuiOptions(library=LIBRARY, open_target=None), start_search=False)
    qtbot.addWidget(window)
    try:
        combo = window.findChild(QComboBox, "spacing_combo")
        assert combo is not None
        labels = [combo.itemText(i) for i in range(combo.count())]
        assert "Interlineado 1,5" in labels, labels
    finally:
        window.close()
