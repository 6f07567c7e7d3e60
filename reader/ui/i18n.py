"""The interface language: which one, its translations, and its direction.

One :class:`Translations` per application (:func:`translations`) picks the language — a
saved choice, else the system's — and switches it while the reader runs: it installs the
reader's own ``reader_<lang>.qm`` (built from ``reader/i18n/*.ts`` at set-up) and Qt's own
``qtbase_<lang>.qm`` (the buttons of Qt's dialogs) from PySide6's translations folder,
sets the default :class:`QLocale` (numbers, dates) and the layout direction (right to left
for Arabic, Hebrew, …). Installing a translator sends (posts) every widget a ``LanguageChange``
event; windows either retranslate themselves on it or are rebuilt (see ``reader.ui.app``).

English is the source language: it needs no file.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTranslator,
    Signal,
)
from PySide6.QtWidgets import QApplication, QWidget

from reader.core.errors import ReaderError
from reader.core.language import INTERFACE_LANGUAGES, direction, primary_code
from reader.core.texts import Text, os_reason

__all__ = [
    "INTERFACE_LANGUAGES",
    "SOURCE_LANGUAGE",
    "Translations",
    "error_in_system_language",
    "error_text",
    "fill",
    "follow_content_language",
    "isolated",
    "language_name",
    "system_language",
    "tr",
    "translated",
    "translations",
]

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
#: Where the reader's compiled translations are (``scripts/bootstrap.sh`` builds them).
TRANSLATIONS_DIR = Path(__file__).resolve().parents[1] / "i18n"


def tr(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate`` for code outside a QObject (the lupdate scanner
    finds ``translate(...)`` calls, so use that name where a string is written)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def translated(text: str, translator: QTranslator | None = None) -> str:
    """A sentence from the core (:class:`reader.core.texts.Text`) in the interface language
    (or in ``translator``'s); any other string as it is. A translation whose placeholders do
    not fit its English template falls back to the English sentence rather than failing."""
    if not isinstance(text, Text):
        return text
    if translator is None:
        template = QCoreApplication.translate(text.context, text.template)
    else:
        template = translator.translate(text.context, text.template) or text.template
    if not text.values:
        return template
    # a value that is a sentence of its own (the reason inside an error) is translated too
    values = {
        k: translated(v, translator) if isinstance(v, Text) else v for k, v in text.values.items()
    }
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        log.warning("the translation of %r does not fit its values", text.template)
        return str(text)


def error_text(exc: BaseException) -> str:
    """What went wrong, in the interface language, as a sentence (capital first): a core
    error's translatable message (:attr:`reader.core.errors.ReaderError.text`), an
    operating system's reason, else the error's own words."""
    if isinstance(exc, ReaderError):
        text = translated(exc.text)
    elif isinstance(exc, OSError) and exc.strerror:
        text = translated(os_reason(exc))
        if exc.filename is not None:
            text = fill(QCoreApplication.translate("OSError", "%1: %2"), exc.filename, text)
    else:
        text = str(exc)
    return text[:1].upper() + text[1:]


def error_in_system_language(exc: BaseException) -> str:
    """What went wrong, in the system's language, before there is an application (the
    kiosk's reason for not starting, printed for the staff)."""
    if not isinstance(exc, ReaderError):
        return str(exc)
    code = system_language()
    translator = QTranslator()
    path = Translations.file_for_code(code)
    if code == SOURCE_LANGUAGE or path is None or not translator.load(str(path)):
        return str(exc)
    return translated(exc.text, translator)


_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(template: str, *values: object) -> str:
    """Qt's ``QString::arg`` for Python strings: ``%1``, ``%2``… of a translated template
    replaced by ``values`` in one pass (a value holding "%2" stays as it is)."""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if index < len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template)


def interface_codes() -> tuple[str, ...]:
    return tuple(code for code, _ in INTERFACE_LANGUAGES)


def language_name(code: str) -> str:
    """A language's name in that language ("Español"), for menus and buttons."""
    for known, name in INTERFACE_LANGUAGES:
        if known == code:
            return name
    native = QLocale(code).nativeLanguageName()
    return native[:1].upper() + native[1:] if native else code


def system_language(available: tuple[str, ...] | None = None) -> str:
    """The first of the system's preferred languages that the reader speaks, else English."""
    codes = available if available is not None else interface_codes()
    for tag in QLocale.system().uiLanguages():
        code = primary_code(tag)
        if code in codes:
            return code
    return SOURCE_LANGUAGE


def isolated(text: str, widget: QWidget) -> str:
    """``text`` (an article's title, in its own language) set apart for the Unicode bidi
    algorithm when ``widget`` is laid out right to left: an English title in a mirrored
    window keeps its own order ("3-way networks", not "way networks-3"; a closing quote
    where it belongs). Display only: names for screen readers stay as they are."""
    if not text or not widget.isRightToLeft():
        return text
    return "\n".join(f"\u2068{line}\u2069" for line in text.split("\n"))  # FSI … PDI


def follow_content_language(widget: QWidget, tag: str | None) -> None:
    """Text shown in ``widget`` is in language ``tag`` (an article's): its locale and its
    direction follow that language, whatever the interface language is."""
    code = primary_code(tag) or SOURCE_LANGUAGE
    widget.setLocale(QLocale(code))
    rtl = direction(code) == "rtl"
    widget.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )


class Translations(QObject):
    """The application's current interface language and its installed translators."""

    language_changed = Signal(str)  # the new language code

    def __init__(self, app: QCoreApplication, search_dirs: tuple[Path, ...] = ()) -> None:
        super().__init__(app)
        self._app = app
        self._dirs = (*search_dirs, TRANSLATIONS_DIR)
        self._installed: list[QTranslator] = []
        self._loaded = False
        self.language = SOURCE_LANGUAGE

    def add_search_dir(self, folder: Path) -> None:
        """Look for ``reader_<lang>.qm`` in ``folder`` first (a test's pseudo-translation)."""
        self._dirs = (Path(folder), *self._dirs)

    @staticmethod
    def file_for_code(code: str) -> Path | None:
        """The reader's own compiled translation for ``code``, if there is one."""
        path = TRANSLATIONS_DIR / f"reader_{code}.qm"
        return path if path.is_file() else None

    def file_for(self, code: str) -> Path | None:
        """The reader's compiled translation for ``code``, if there is one."""
        for folder in self._dirs:
            path = folder / f"reader_{code}.qm"
            if path.is_file():
                return path
        return None

    def set_language(self, tag: str) -> str:
        """Switch the interface to ``tag``'s language; returns the code now in use.

        A language the reader has no translation for keeps the English words but still
        takes that language's direction and number format (how an untranslated
        right-to-left locale is tested)."""
        code = primary_code(tag) or SOURCE_LANGUAGE
        if code == self.language and self._loaded:
            return code
        self._loaded = True
        # Language, number format and direction first: the LanguageChange events that
        # installing a translator sends find them already set.
        self.language = code
        QLocale.setDefault(QLocale(code))
        if isinstance(self._app, QApplication):
            rtl = direction(code) == "rtl"
            self._app.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
            )
        changed = bool(self._installed)
        for old in self._installed:
            self._app.removeTranslator(old)
        self._installed = []
        ours = self.file_for(code)  # English has one too: its plural forms
        if ours is None:
            log.info("no interface translation for %r: the words stay English", code)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_file = Path(qt_dir) / f"qtbase_{code}.qm" if code != SOURCE_LANGUAGE else None
        for path in (ours, qt_file):
            if path is None or not path.is_file():
                continue
            translator = QTranslator(self)
            if translator.load(str(path)):
                self._app.installTranslator(translator)
                self._installed.append(translator)
                changed = True
            else:
                log.warning("could not load the translation %s", path)
        if not changed:  # no translator came or went: tell the widgets all the same
            QCoreApplication.postEvent(self._app, QEvent(QEvent.Type.LanguageChange))
        # Now, not at the next turn of the event loop: a kiosk reset is whole when it returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange.value)
        self.language_changed.emit(code)
        return code

    @property
    def loaded(self) -> bool:
        """True once a language was set (English's plural forms are a translation too)."""
        return self._loaded

    @property
    def right_to_left(self) -> bool:
        return direction(self.language) == "rtl"


_current: Translations | None = None


def translations() -> Translations:
    """The application's :class:`Translations` (made on first use, English until set)."""
    global _current
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    if _current is None or _current.parent() is not app:
        _current = Translations(app)
    return _current
