"""The platform's reading preferences: colour scheme, contrast and text size, live.

"Follow the system" in the theme menu resolves through :meth:`Platform.system_dark`
and :meth:`Platform.high_contrast`; the text size setting is a percentage of
:meth:`Platform.base_point_size`. :attr:`Platform.changed` fires when any of them
changes while the reader runs, so the window can restyle itself.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication

log = logging.getLogger(__name__)


class Platform(QObject):
    """Watches the platform's colour scheme, contrast preference and default font."""

    changed = Signal()

    def __init__(self, app: QGuiApplication, parent: QObject | None = None) -> None:
        super().__init__(parent or app)
        self._app = app
        self._base_point_size = self._current_point_size()
        hints = app.styleHints()
        hints.colorSchemeChanged.connect(self._on_changed)
        try:
            hints.accessibility().contrastPreferenceChanged.connect(self._on_changed)
        except (AttributeError, RuntimeError):  # no contrast preference on this Qt
            log.debug("the platform reports no contrast preference")
        app.fontChanged.connect(self._on_font_changed)

    def system_dark(self) -> bool | None:
        """True/False when the platform says dark/light; None when it does not say."""
        scheme = self._app.styleHints().colorScheme()
        if scheme == Qt.ColorScheme.Dark:
            return True
        if scheme == Qt.ColorScheme.Light:
            return False
        return None

    def high_contrast(self) -> bool:
        try:
            preference = self._app.styleHints().accessibility().contrastPreference()
        except (AttributeError, RuntimeError):
            return False
        return bool(preference == Qt.ContrastPreference.HighContrast)

    def base_point_size(self) -> float:
        """The platform's default text size (points), which already carries its text scale."""
        return self._base_point_size

    def _current_point_size(self) -> float:
        size = QGuiApplication.font().pointSizeF()
        return size if size > 0 else 10.0

    def _on_changed(self, *args: object) -> None:
        log.info(
            "platform preferences changed: dark=%s high_contrast=%s",
            self.system_dark(),
            self.high_contrast(),
        )
        self.changed.emit()

    def _on_font_changed(self, *args: object) -> None:
        size = self._current_point_size()
        if abs(size - self._base_point_size) > 0.01:
            self._base_point_size = size
            self._on_changed()


def system_high_contrast() -> bool:
    """Whether the platform asks for high contrast (False when Qt cannot tell)."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    try:
        preference = app.styleHints().accessibility().contrastPreference()
    except (AttributeError, RuntimeError):
        return False
    return bool(preference == Qt.ContrastPreference.HighContrast)


def system_point_size() -> float:
    """The platform's general font size now (with its text scale), whatever the app set."""
    size = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()
    return size if size > 0 else 10.0
