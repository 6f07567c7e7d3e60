"""Print an article, or one section of it, as a handout: title and attribution, the text,
and the references its citations point to, at a chosen text size; on a printer or into a
PDF file. The kiosk prints the same handout (on its default printer, with no dialog).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, Qt, Signal
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.model import Article
from reader.core.settings import SCALE_STEPS
from reader.ui.article_html import DocumentColours, document_stylesheet, handout_html
from reader.ui.heading_sizes import fit_heading_sizes, heading_blocks

log = logging.getLogger(__name__)

#: The body text of a handout at 100 %, in points (a printed page is read closer than a
#: screen); a chosen text size scales it.
HANDOUT_POINT = 11.0
#: Black on white whatever the screen's theme: paper has no dark mode.
PRINT_COLOURS = DocumentColours(text="#000000", link="#000000", muted="#333333", border="#000000")


@dataclass(frozen=True, slots=True)
class Handout:
    article: Article
    section_anchor: str | None = None  # None: the whole article
    text_scale: int = 100  # per cent
    line_spacing: float = 1.3
    font: QFont | None = None  # the reader's chosen font family, if any


def handout_document(handout: Handout) -> QTextDocument:
    """The handout as a document ready to print."""
    article = handout.article
    point = HANDOUT_POINT * handout.text_scale / 100.0
    doc = QTextDocument()
    font = QFont(handout.font) if handout.font is not None else QFont()
    font.setPointSizeF(point)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(document_stylesheet(PRINT_COLOURS, handout.line_spacing, point))
    note = ""
    if handout.section_anchor is not None:
        note = QCoreApplication.translate("Handout", "One section of the article.")
    doc.setHtml(
        handout_html(
            article,
            handout.section_anchor,
            references_title=QCoreApplication.translate("Handout", "References"),
            section_note=note,
        )
    )
    # Headings sized as on the screen: a step above the text that shrinks as it grows.
    fit_heading_sizes(doc, heading_blocks(doc), point, handout.text_scale)
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, article.title)
    return doc


def _a4_printer(printer: QPrinter) -> QPrinter:
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    return printer


def print_handout(handout: Handout, printer: QPrinter) -> None:
    """Print on ``printer`` (a real one, or one set to write a PDF)."""
    doc = handout_document(handout)
    page = printer.pageLayout().paintRectPoints().size()
    doc.setPageSize(QSizeF(page.width(), page.height()))
    printer.setDocName(handout.article.title)
    doc.print_(printer)


def save_pdf(handout: Handout, path: Path) -> None:
    """Write the handout to ``path`` as a PDF (A4)."""
    printer = _a4_printer(QPrinter(QPrinter.PrinterMode.HighResolution))
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    print_handout(handout, printer)


class Dialog(QDialog):
    """File > Print…: what to print (the article or one section), the text size, and
    where (a printer, or a PDF file)."""

    printed = Signal(str)  # a sentence for the status bar: what was printed, and where

    def __init__(
        self,
        article: Article,
        *,
        text_scale: int,
        font: QFont | None = None,
        line_spacing: float = 1.3,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.article = article
        self._font = font
        self._line_spacing = line_spacing
        self.setObjectName("print_dialog")
        self.setWindowTitle(self.tr("Print or save as PDF"))
        self.setAccessibleName(self.tr("Print or save as PDF"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Print “%1”, with its references.").replace("%1", article.title))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.what = QComboBox(self)
        self.what.setObjectName("print_what")
        self.what.setAccessibleName(self.tr("What to print"))
        self.what.addItem(self.tr("The whole article"), None)
        for section in article.sections:
            label = section.heading or self.tr("Introduction")
            indent = "  " * max(section.level - 2, 0)
            self.what.addItem(self.tr("Section: %1").replace("%1", indent + label), section.anchor)
        form.addRow(self.tr("&What:"), self.what)
        self.text_size = QComboBox(self)
        self.text_size.setObjectName("print_size")
        self.text_size.setAccessibleName(self.tr("Text size on paper"))
        for step in SCALE_STEPS:
            self.text_size.addItem(self.tr("%1 %").replace("%1", str(step)), step)
        index = self.text_size.findData(text_scale)
        self.text_size.setCurrentIndex(index if index >= 0 else self.text_size.findData(100))
        form.addRow(self.tr("Text &size:"), self.text_size)
        layout.addLayout(form)
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setObjectName("print_to_printer")
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"), self)
        self.pdf_button.setObjectName("print_to_pdf")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(buttons)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_clicked)
        buttons.rejected.connect(self.reject)
        self.file_dialog: QFileDialog | None = None
        self.what.setFocus(Qt.FocusReason.OtherFocusReason)

    def handout(self) -> Handout:
        anchor = self.what.currentData()
        return Handout(
            self.article,
            anchor if isinstance(anchor, str) else None,
            int(self.text_size.currentData()),
            self._line_spacing,
            self._font,
        )

    def _on_print_clicked(self) -> None:
        printer = _a4_printer(QPrinter(QPrinter.PrinterMode.HighResolution))
        chooser = QPrintDialog(printer, self)
        chooser.setWindowTitle(self.tr("Print"))
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return
        print_handout(self.handout(), printer)
        self.printed.emit(self.tr("Sent “%1” to the printer.").replace("%1", self.article.title))
        self.accept()

    def _on_pdf_clicked(self) -> None:
        """A file chooser (Qt's own, the same on every desktop), opened without blocking."""
        chooser = QFileDialog(self, self.tr("Save as PDF"))
        chooser.setObjectName("print_pdf_chooser")
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        chooser.setNameFilter(self.tr("PDF files (*.pdf)"))
        chooser.setDefaultSuffix("pdf")
        # The home folder, not wherever the reader was started from (a desktop menu: "/").
        chooser.setDirectory(str(Path.home()))
        chooser.selectFile(f"{self.article.id}.pdf")
        chooser.fileSelected.connect(self._on_chooser_file_selected)
        self.file_dialog = chooser
        chooser.open()

    def _on_chooser_file_selected(self, name: str) -> None:
        path = Path(name)
        try:
            save_pdf(self.handout(), path)
        except OSError as exc:  # pragma: no cover - QPrinter reports no errors this way
            self.printed.emit(self.tr("The PDF could not be written: %1").replace("%1", str(exc)))
            return
        if not path.is_file() or path.stat().st_size == 0:
            self.printed.emit(
                self.tr("The PDF could not be written to %1.").replace("%1", str(path))
            )
            return
        saved = self.tr("Saved “%1” as %2.").replace("%2", str(path))
        self.printed.emit(saved.replace("%1", self.article.title))
        self.accept()


__all__ = ["Dialog", "Handout", "handout_document", "print_handout", "save_pdf"]
