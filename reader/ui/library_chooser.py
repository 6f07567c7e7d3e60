"""File > Open library…: choose a folder of articles; and the offer to do so when the
reader starts on a library that is missing or empty. Only the desktop window has these
(the kiosk never shows a file dialog)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.core.errors import LibraryError
from reader.core.library import require_library
from reader.ui.i18n import error_text


class LibraryChooser(QFileDialog):
    """A folder chooser (Qt's own, the same on every desktop), opened without blocking;
    ``chosen`` carries a folder that holds articles, ``refused`` why another does not."""

    chosen = Signal(object)  # Path
    refused = Signal(str)

    def __init__(self, start: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent, self.tr("Open a library folder"))
        self.setObjectName("library_chooser")
        self.setFileMode(QFileDialog.FileMode.Directory)
        self.setOption(QFileDialog.Option.ShowDirsOnly, True)
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        self.setLabelText(QFileDialog.DialogLabel.Accept, self.tr("Open library"))
        if start.is_dir():
            self.setDirectory(str(start))
        elif start.parent.is_dir():
            self.setDirectory(str(start.parent))
        self.fileSelected.connect(self._on_file_selected)

    def _on_file_selected(self, name: str) -> None:
        path = Path(name)
        try:
            require_library(path)
        except LibraryError as exc:
            self.refused.emit(error_text(exc))
            return
        self.chosen.emit(path)


class LibraryOffer(QMessageBox):
    """ "There is no library here: open one?" — shown when the window starts without one."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("library_offer")
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("No library to read"))
        self.setText(self.tr("The reader has no articles to show."))
        self.setInformativeText(message)
        self.open_button = self.addButton(
            self.tr("Open library…"), QMessageBox.ButtonRole.AcceptRole
        )
        self.open_button.setObjectName("library_offer_open")
        self.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.open_button)


__all__ = ["LibraryChooser", "LibraryOffer"]
