"""File > Print (Ctrl+P) makes a handout of the open article or one section, with its
references and attribution, at a chosen text size; Save as PDF writes it. The text is
read back from the PDF with pdftotext (poppler-utils), as a person would read the paper."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.core.article import read_article
from reader.ui import printing
from reader.ui.app import build_window
from reader.ui.article_html import heading_point_size
from reader.ui.main_window import MainWindow

LIBRARY = Path(__file__).parents[1] / "fixtures" / "ui_library"
ARTICLE = LIBRARY / "womens-health" / "vitamin-b12-breast-milk.md"
CLAIM = "better cognitive outcomes for infants"
REFERENCE = "Higher levels of vitamin B12 in mother’s milk"


def pdf_text(path: Path, *extra: str) -> str:
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext is missing: scripts/bootstrap.sh installs poppler-utils"
    out = subprocess.run(
        [tool, "-enc", "UTF-8", *extra, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    # NFKC: the PDF's ligatures (ﬁ, ﬀ) read as their letters
    return " ".join(unicodedata.normalize("NFKC", out.stdout).split())


def word_height(path: Path, word: str) -> float:
    """The height of ``word``'s box in the PDF, in points (pdftotext -bbox)."""
    tool = shutil.which("pdftotext")
    assert tool
    html = subprocess.run(
        [tool, "-bbox", str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    for line in html.splitlines():
        if f">{word}</word>" in line:
            box = dict(re.findall(r'(\w+)="([0-9.]+)"', line))
            return float(box["yMax"]) - float(box["yMin"])
    raise AssertionError(f"{word!r} is not in {path}")


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    win = build_window(
        GuiOptions(library=LIBRARY, open_target="b12-breast-milk"), start_search=False
    )
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _open_dialog(qtbot: QtBot, window: MainWindow) -> printing.Dialog:
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(printing.Dialog)
    assert dialog is not None, "Ctrl+P opened no print dialog"
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _save_as_pdf(qtbot: QtBot, dialog: printing.Dialog, target: Path) -> None:
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    chooser = dialog.file_dialog
    assert isinstance(chooser, QFileDialog)
    qtbot.waitUntil(chooser.isVisible)
    chooser.selectFile(str(target))
    with qtbot.waitSignal(dialog.printed, timeout=30000):
        chooser.accept()


def test_ctrl_p_saves_the_article_as_pdf_with_its_claims_and_references(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = _open_dialog(qtbot, window)
    assert dialog.what.accessibleName() and dialog.text_size.accessibleName()
    target = tmp_path / "handout.pdf"
    _save_as_pdf(qtbot, dialog, target)
    text = pdf_text(target)
    assert "Exploring the Connection Between Vitamin B-12" in text
    assert CLAIM in text
    assert REFERENCE in text
    assert "A shortened copy of the seed article" in text  # the attribution
    assert "Potential Benefits Beyond Cognition" in text
    assert str(target) in window.status_label.text()


def test_one_section_at_a_larger_size(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    normal = tmp_path / "normal.pdf"
    printing.save_pdf(printing.Handout(read_article(ARTICLE)), normal)

    dialog = _open_dialog(qtbot, window)
    dialog.what.setCurrentIndex(dialog.what.findData("new-research-findings"))
    dialog.text_size.setCurrentIndex(dialog.text_size.findData(200))
    target = tmp_path / "section.pdf"
    _save_as_pdf(qtbot, dialog, target)
    text = pdf_text(target)
    assert "New Research Findings" in text and CLAIM in text
    assert REFERENCE in text  # the section's own reference ...
    assert "Micronutrient deficiencies" not in text  # ... and no other section's
    assert "Potential Benefits Beyond Cognition" not in text
    ratio = word_height(target, "Cornell") / word_height(normal, "Cornell")
    assert 1.8 < ratio < 2.2, ratio


def test_print_without_an_article_says_what_to_do(qtbot: QtBot) -> None:
    win = build_window(GuiOptions(library=LIBRARY, open_target=None), start_search=False)
    qtbot.addWidget(win)
    win.show_welcome()
    win.actions_by_id["print"].trigger()
    assert win.findChild(printing.Dialog) is None
    assert "Open an article" in win.status_label.text()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog)]


def _heading_ratios(pdf: Path) -> tuple[float, float]:
    """How many times the body text the title (a first-level heading) and a section's
    heading (second level) stand on the paper."""
    body = word_height(pdf, "Cornell")
    return word_height(pdf, "Exploring") / body, word_height(pdf, "Findings") / body


def test_printed_headings_grow_less_than_the_text_as_on_the_screen(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Headings on paper are sized in points as on the screen: a modest step above the
    text, smaller the larger the text (Qt's own heading sizes are twice and one and a half
    times the text at every size, so a title at 400 % would fill half a page)."""
    ratios = {}
    for scale in (100, 200, 400):
        dialog = _open_dialog(qtbot, window)
        dialog.text_size.setCurrentIndex(dialog.text_size.findData(scale))
        target = tmp_path / f"handout-{scale}.pdf"
        _save_as_pdf(qtbot, dialog, target)
        qtbot.waitUntil(lambda: window.findChild(printing.Dialog) is None)  # closed and gone
        window.activateWindow()  # back in the window, as after any dialog
        qtbot.waitUntil(window.isActiveWindow)
        ratios[scale] = _heading_ratios(target)
        for level, ratio in zip((1, 2), ratios[scale], strict=True):
            screen = heading_point_size(level, 10.0, scale) / 10.0  # the screen's step
            assert ratio == pytest.approx(screen, rel=0.08), (scale, level, ratio, screen)
    assert ratios[100][0] > ratios[200][0] > ratios[400][0]  # the step shrinks
    assert ratios[100][1] > ratios[200][1] > ratios[400][1]
    assert ratios[400][0] < 1.3  # a title at 400 % is not twice the text
