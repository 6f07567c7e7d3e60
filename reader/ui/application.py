"""The QApplication, made once with the reader's name, icon, fonts and accessibility;
at the bottom of the UI, so the window and the kiosk both build on it."""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.core.desktop import APP_ID
from reader.core.paths import resources_dir
from reader.ui import accessibility
from reader.ui.fonts import load_bundled_fonts
from reader.ui.i18n import translations
from reader.ui.look import base_font

log = logging.getLogger(__name__)


def app_icon() -> QIcon:
    """The reader's icon: the scalable SVG plus the rendered hicolor sizes."""
    icon = QIcon()
    icons = resources_dir() / "icons"
    for png in sorted((icons / "hicolor").glob(f"*/apps/{APP_ID}.png")):
        icon.addFile(str(png))
    svg = icons / f"{APP_ID}.svg"
    if svg.is_file():
        icon.addFile(str(svg))
    if icon.isNull():
        log.warning("the reader's icon is missing from %s", icons)
    return icon


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), with the bundled fonts loaded."""
    # Qt calls into Python (event filters, slots) many times per turn of the event loop,
    # and each call waits for the interpreter while a search or an index opens on a worker
    # thread: hand it over every millisecond rather than every five, so those waits never
    # add up to a visible stop.
    sys.setswitchinterval(0.001)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName("offline-reader")
        app.setApplicationDisplayName("Health library")
        app.setApplicationVersion(__version__)
        base_font(app)  # remember the platform's font before any text-size change
    if app.desktopFileName() != APP_ID:
        # The desktop entry's id: desktops match the window to its menu entry and icon.
        app.setDesktopFileName(APP_ID)
        app.setWindowIcon(app_icon())
    # Before any widget is asked for its accessible interface: the article view
    # must reach screen readers as a document of headings, paragraphs and links.
    accessibility.install()
    load_bundled_fonts()
    if not translations().loaded:  # English until a window picks the person's language
        translations().set_language("en")
    return app


__all__ = ["app_icon", "application"]
