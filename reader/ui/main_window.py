"""The reader window: panes declared as a table, and ALL wiring between them in one method.

Panes never import each other; they speak through signals that this window connects
in :meth:`MainWindow._connect_panes`. Its actions, menus and tool bars are declared in
:mod:`reader.ui.actions` and built here with the window's handlers; the look (size,
font, spacing, theme) is a :class:`~reader.ui.look.Look`, applied with the rest of the
settings by :meth:`MainWindow.apply_settings`.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFont,
    QGuiApplication,
    QMoveEvent,
    QResizeEvent,
    QShowEvent,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QToolButton,
    QWidget,
)

from reader.core.article import read_article
from reader.core.library import Library
from reader.core.model import (
    Article,
    FlaggedClaim,
    IndexPhase,
    IndexProgress,
    Reference,
    SearchResults,
)
from reader.core.navigation import CitationRef, History, Location, OpenRequest
from reader.core.reading import Bookmark, ReadingStore, Visit
from reader.core.settings import LookChoice, Settings, SettingsStore
from reader.core.texts import QT_TRANSLATE_NOOP, os_reason
from reader.core.theme import Theme
from reader.ui import printing, reading_bar
from reader.ui.accessibility import announce
from reader.ui.actions import (
    FIND_BAR,
    READING_BAR,
    TOOL_BARS,
    build_actions,
    build_menus,
    build_tool_bar,
)
from reader.ui.article_view import ArticleView
from reader.ui.bookmarks import Bookmarks
from reader.ui.find_bar import FindBar
from reader.ui.fonts import font_for
from reader.ui.i18n import (
    INTERFACE_LANGUAGES,
    fill,
    follow_content_language,
    translated,
    translations,
)
from reader.ui.library_chooser import LibraryChooser, LibraryOffer
from reader.ui.library_pane import LibraryPane
from reader.ui.look import Look, LookControls, choice_actions, give_fonts, paint_application
from reader.ui.references_pane import ReferencesPane, spoken_reference
from reader.ui.search_pane import SearchPane
from reader.ui.sections_pane import SectionsPane
from reader.ui.shortcuts_dialog import ShortcutsDialog
from reader.ui.speech import ReadAloudControls
from reader.ui.style import stylesheet
from reader.ui.window_fit import WindowFit, fit_to_screen, mirrored, unsqueezable
from reader.ui.workers import ArticleLoaded, ArticleLoader, IndexReady, SearchService

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1280, 800)


@dataclass(frozen=True, slots=True)
class PaneSpec:
    id: str
    title: str
    area: Qt.DockWidgetArea


@dataclass(frozen=True, slots=True)
class Pane:
    widget: QWidget
    focus: QWidget  # what takes the focus when F6 or its key moves to the pane


#: The panes in docks, in F6 order (the article, the central widget, after the library).
PANES: tuple[PaneSpec, ...] = (
    PaneSpec(
        "search", QT_TRANSLATE_NOOP("MainWindow", "Search"), Qt.DockWidgetArea.LeftDockWidgetArea
    ),
    PaneSpec(
        "library", QT_TRANSLATE_NOOP("MainWindow", "Library"), Qt.DockWidgetArea.LeftDockWidgetArea
    ),
    PaneSpec(
        "sections",
        QT_TRANSLATE_NOOP("MainWindow", "Sections"),
        Qt.DockWidgetArea.LeftDockWidgetArea,
    ),
    PaneSpec(
        "references",
        QT_TRANSLATE_NOOP("MainWindow", "References"),
        Qt.DockWidgetArea.RightDockWidgetArea,
    ),
)


@dataclass(frozen=True, slots=True)
class StatusMessage:
    text: str
    error: bool = False
    spoken: bool = True


class _Plurals(QObject):
    """Plural words of this module's functions (lupdate reads plural forms from tr())."""

    def indexing(self, done: int, total: int) -> str:
        return fill(self.tr("Indexing: %1 of %n article(s)", "", total), done)

    def saving(self, total: int) -> str:
        return self.tr("Indexing: saving the index of %n article(s)…", "", total)


def index_progress_text(progress: IndexProgress) -> str | None:
    """What the status bar says while the search index is checked or built."""
    if progress.phase is IndexPhase.CHECKING:
        return QCoreApplication.translate("MainWindow", "Checking the search index…")
    if progress.phase is IndexPhase.INDEXING:
        return _Plurals().indexing(progress.done, progress.total)
    if progress.phase is IndexPhase.COMMITTING:
        return _Plurals().saving(progress.total)
    return None


class MainWindow(QMainWindow):
    article_opened = Signal(object)  # Article
    status_shown = Signal(object)  # StatusMessage (the accessibility layer announces it)
    settings_applied = Signal(object)  # Settings
    theme_applied = Signal(object)  # Theme

    def __init__(
        self,
        library: Library,
        store: SettingsStore,
        *,
        search: SearchService | None = None,
        reading: ReadingStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Health library — offline reader"))
        self.setAccessibleName(self.tr("Offline health library reader"))
        self.library = library
        self.store = store
        self.settings, warnings = store.load()
        self.history = History()
        #: Why the library cannot be read ("" when it can): the window offers to open one.
        self.library_problem = ""
        self.library_chooser: LibraryChooser | None = None
        self.library_offer: LibraryOffer | None = None
        # Bookmarks and recently read articles, kept where the settings are kept (nowhere
        # for settings kept in memory only).
        if reading is None:
            reading = ReadingStore.for_user() if store.path is not None else ReadingStore(None)
        self.bookmarks = Bookmarks(reading, self)
        self.search = search if search is not None else SearchService(library, self)
        self.article_loader = ArticleLoader(self)
        app = QApplication.instance()
        assert isinstance(app, QApplication), "create the QApplication first"
        self._app = app
        # Text size, font, spacing and colours, from the platform's own font.
        self.look = Look(LookChoice.of(self.settings), parent=self)
        self.theme: Theme = self.look.theme
        self.look.changed.connect(self._on_look_changed)

        self.article_view = ArticleView(self)
        self.read_aloud = ReadAloudControls(self.article_view, self)
        self.read_aloud.before_reading = self.article_view.complete_text
        self.setCentralWidget(self.article_view)
        self.library_pane = LibraryPane(library, self)
        self.search_pane = SearchPane(self)
        self.sections_pane = SectionsPane(self)
        self.references_pane = ReferencesPane(self)
        #: Every pane by its name (the docks' in PANES), in F6 order.
        self.panes: dict[str, Pane] = {
            "search": Pane(self.search_pane, self.search_pane.box),
            "library": Pane(self.library_pane, self.library_pane.tree),
            "article": Pane(self.article_view, self.article_view),
            "sections": Pane(self.sections_pane, self.sections_pane.tree),
            "references": Pane(self.references_pane, self.references_pane.list),
        }
        self.docks: dict[str, QDockWidget] = {}
        self._build_docks()
        self.actions_by_id: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self._build_actions()
        self._build_bars()
        self.fit = WindowFit(
            self,
            [self.docks[spec.id] for spec in PANES],
            first_row=self.toolbar,
            wrapping=(self.look_toolbar, self.speech_toolbar),
            article_font=lambda: self.article_view.document().defaultFont(),
        )
        self._build_status_bar()
        self._connect_panes()
        self._resume_at: tuple[str, int] | None = None
        self._tools_font: QFont | None = None
        self._references_after_welcome = False
        self._before_reading = QByteArray()
        self._geometry_before_reading = QByteArray()
        self._window_before_reading = Qt.WindowState.WindowNoState
        self._frame_extra = (0, 0)  # the window manager's frame: wider, taller by
        self.resize(*DEFAULT_SIZE)
        self._default_state = self.saveState()
        self._restore_layout()
        self.find_toolbar.hide()  # opened by Ctrl+F, never by a restored layout
        self.apply_settings(self.settings, save=False)
        warnings = (*warnings, *self.bookmarks.warnings)
        if warnings:
            sentences = (translated(w) for w in warnings)
            self.show_status(" ".join(f"{w[0].upper()}{w[1:]}." for w in sentences), error=True)

    # --- building -------------------------------------------------------------------------

    def _build_docks(self) -> None:
        for spec in PANES:
            dock = QDockWidget(translated(spec.title), self)
            dock.setObjectName(f"{spec.id}_dock")
            dock.setAccessibleName(fill(self.tr("%1 pane"), translated(spec.title)))
            # At a large text size a pane scrolls inside its dock rather than making the
            # window taller than the screen.
            holder = QScrollArea(dock)
            holder.setObjectName(f"{spec.id}_scroll")
            holder.setWidgetResizable(True)
            holder.setFrameShape(QFrame.Shape.NoFrame)
            holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            holder.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            holder.setWidget(self.panes[spec.id].widget)
            dock.setWidget(holder)
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetClosable
                | QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            )
            self.addDockWidget(mirrored(spec.area), dock)
            self.docks[spec.id] = dock
        self.resizeDocks(
            [self.docks["search"], self.docks["references"]],
            [330, 340],
            Qt.Orientation.Horizontal,
        )
        # Library and Sections share one place as tabs: both stay tall enough to use
        # at a large text size.
        self.tabifyDockWidget(self.docks["library"], self.docks["sections"])
        self.docks["library"].raise_()
        self.resizeDocks(
            [self.docks["search"], self.docks["library"]], [45, 55], Qt.Orientation.Vertical
        )

    def _build_actions(self) -> None:
        handlers: dict[str, Callable[[], object]] = {
            "focus_search": self.focus_search,
            "focus_library": lambda: self._focus_pane("library"),
            "focus_article": lambda: self.article_view.setFocus(Qt.FocusReason.ShortcutFocusReason),
            "next_pane": lambda: self.cycle_pane(1),
            "previous_pane": lambda: self.cycle_pane(-1),
            "back": self.go_back,
            "forward": self.go_forward,
            "next_section": lambda: self._step_section(1),
            "previous_section": lambda: self._step_section(-1),
            "next_citation": lambda: self._step_citation(1),
            "previous_citation": lambda: self._step_citation(-1),
            "activate_citation": self.article_view.activate_at_cursor,
            "return_to_claim": self.return_to_claim,
            "zoom_in": lambda: self.zoom(1),
            "zoom_out": lambda: self.zoom(-1),
            "zoom_reset": lambda: self.zoom(0),
            "cycle_theme": self.cycle_theme,
            "reset_view": self.reset_view,
            "read_aloud": lambda: self.read_aloud.read_from_caret(),
            "pause_reading": lambda: self.read_aloud.toggle_pause(),
            "stop_reading": lambda: self.read_aloud.reader.stop(),
            "show_shortcuts": self.show_shortcuts,
            "print": self.print_article,
            "bookmark": self.bookmark_here,
            "open_library": self.choose_library,
            "find_in_article": lambda: self.find_in_article(0),
            "find_next": lambda: self.find_in_article(1),
            "find_previous": lambda: self.find_in_article(-1),
            "reading_mode": self.toggle_reading_mode,
            "article_details": self._toggle_article_details,
            "open_menu_bar": self.open_menu_bar,
            "quit": self.close,
        }
        self.actions_by_id = build_actions(self, handlers)
        self.reading_mode = False
        self._update_history_actions()

    def _toggle_article_details(self) -> None:
        """Ctrl+I, View > Article details: a research article's details, shown or hidden."""
        view = self.article_view
        if not view.toggle_details():
            self.actions_by_id["article_details"].setChecked(False)
            return
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_article_details_toggled(self, shown: bool) -> None:
        self.actions_by_id["article_details"].setChecked(shown)

    def _build_bars(self) -> None:
        """The tool bars, then the menus (View > Tool bars switches the bars), then reading
        mode's bar (its Menu button holds the menus)."""
        a = self.actions_by_id
        look = self.look_controls = LookControls(self.look, self)
        self.size_label = look.size_label("text_size_label", self)
        widgets: dict[str, QWidget] = {
            "text_size": self.size_label,
            "theme": look.theme_combo,
            "font": look.font_combo,
            "spacing": look.spacing_combo,
            "read_aloud": self.read_aloud,
        }
        bars = {spec.id: build_tool_bar(self, spec, a, widgets) for spec in TOOL_BARS}
        self.toolbar = bars["reading_toolbar"]
        self.look_toolbar = bars["look_toolbar"]
        self.speech_toolbar = bars["speech_toolbar"]
        self.menuBar().setAccessibleName(self.tr("Menu bar"))
        self.bookmarks.add_action = a["bookmark"]
        self.menus = build_menus(
            self.menuBar(),
            a,
            {
                "font_choices": look.fill_font_menu,
                "spacing_choices": look.fill_spacing_menu,
                "theme_choices": look.fill_theme_menu,
                "panes": self._fill_panes_menu,
                "toolbars": self._fill_toolbars_menu,
                "languages": self._fill_language_menu,
                "bookmarks": self.bookmarks.menu,
            },
        )
        self.reading_size_label = look.size_label("reading_size_label", self)
        menus_button = self._reading_menus_button = self._menus_button()
        self.reading_bar = build_tool_bar(
            self, READING_BAR, a, {"text_size": self.reading_size_label, "menus": menus_button}
        )
        reading_bar.dress(self.reading_bar, a, menus_button)
        self.reading_bar.hide()
        # The find bar (Ctrl+F) under the article, hidden until asked for.
        self.find_bar = FindBar(self.article_view, self)
        self.find_toolbar = build_tool_bar(self, FIND_BAR, a, {"find": self.find_bar})
        self.find_bar.closed.connect(self.find_toolbar.hide)

    def _fill_panes_menu(self, menu: QMenu) -> None:
        for spec in PANES:
            toggle = self.docks[spec.id].toggleViewAction()
            toggle.setText(fill(self.tr("Show %1"), translated(spec.title)))
            menu.addAction(toggle)

    def _fill_toolbars_menu(self, menu: QMenu) -> None:
        for tools in (self.toolbar, self.look_toolbar, self.speech_toolbar):
            menu.addAction(tools.toggleViewAction())

    def _fill_language_menu(self, menu: QMenu) -> None:
        self._language_group = choice_actions(
            menu, INTERFACE_LANGUAGES, self._on_language_group_triggered, "action_language_"
        )
        for act in self._language_group.actions():
            act.setChecked(act.data() == translations().language)

    def _menus_button(self) -> QToolButton:
        """Reading mode's Menu button: every menu of the menu bar, which is hidden then."""
        button = QToolButton(self)
        button.setObjectName("reading_menu_button")
        button.setText(self.tr("Menu"))
        button.setAccessibleName(self.tr("Menu"))
        button.setToolTip(self.tr("The window's menus"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        all_menus = QMenu(button)
        for menu in self.menus.values():
            all_menus.addMenu(menu)
        button.setMenu(all_menus)
        return button

    def find_in_article(self, step: int) -> None:
        """Ctrl+F opens the find bar; F3 / Shift+F3 go to the next / previous match."""
        self.find_toolbar.show()
        self.article_view.complete_text()  # every match, not those of the part shown
        if step == 0 or not self.find_bar.box.text():
            self.find_bar.open_bar()
        else:
            self.find_bar.step(step)

    def toggle_reading_mode(self) -> None:
        self.set_reading_mode(not self.reading_mode)

    def set_reading_mode(self, on: bool) -> None:
        """Reading mode: only the article and one small bar; the layout comes back after."""
        action = self.actions_by_id["reading_mode"]
        if on == self.reading_mode:
            action.setChecked(on)
            return
        if on:
            self._before_reading = self.saveState()
            self._geometry_before_reading = self.saveGeometry()
            self._window_before_reading = self.windowState()
            for dock in self.docks.values():
                dock.hide()
            for tools in (self.toolbar, self.look_toolbar, self.speech_toolbar):
                tools.hide()
            self.menuBar().hide()
            self.statusBar().hide()
            self.reading_mode = True
            # The whole screen, with no title bar: each row of pixels is text.
            self.setWindowState(self._window_before_reading | Qt.WindowState.WindowFullScreen)
            reading_bar.place(self, self.reading_bar)
            self.reading_bar.show()
        else:
            self.reading_mode = False
            # Qt puts the window back where and as large as it was.
            self.setWindowState(self._window_before_reading & ~Qt.WindowState.WindowFullScreen)
            self.reading_bar.hide()
            self.menuBar().show()
            self.statusBar().show()
            self.restoreState(self._before_reading)
            self.reading_bar.hide()
            self.fit_docks()
        action.setChecked(on)
        self.article_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.show_status(
            self.tr("Reading mode: F9 or the Reading mode button brings the panes back.")
            if on
            else self.tr("Reading mode is off.")
        )

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        status.setObjectName("status_bar")
        status.setAccessibleName(self.tr("Status"))
        self.status_label = QLabel("", self)
        self.status_label.setObjectName("status_message")
        self.status_label.setAccessibleName(self.tr("Status message"))
        self.status_label.setWordWrap(True)
        status.addWidget(self.status_label, 1)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("index_progress")
        self._progress_step = -1
        self.progress.setAccessibleName(self.tr("Search index progress"))
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self._show_in_status_bar(self.progress, False)
        # While a slow article is read on its worker: a busy bar, and a way to leave it
        # (this button, Escape, or opening anything else).
        self.opening_progress = QProgressBar(self)
        self.opening_progress.setObjectName("opening_progress")
        self.opening_progress.setAccessibleName(self.tr("Opening the article"))
        self.opening_progress.setRange(0, 0)  # busy: parsing cannot say how far it got
        self.opening_progress.setMaximumWidth(160)
        self.opening_progress.setTextVisible(False)
        self.opening_progress.hide()
        self.stop_opening_button = QPushButton(self.tr("Stop opening"), self)
        self.stop_opening_button.setObjectName("stop_opening")
        self.stop_opening_button.setAccessibleName(self.tr("Stop opening the article"))
        self.stop_opening_button.clicked.connect(self.stop_opening)
        self.stop_opening_button.hide()
        # In the bar only while shown: Qt makes the bar as tall as the tallest widget it
        # holds, hidden or not (the Stop button made it 46 px at 400 %, a line of text).
        self._status_widgets = (self.progress, self.opening_progress, self.stop_opening_button)

    def _show_in_status_bar(self, widget: QWidget, shown: bool) -> None:
        """Put ``widget`` at its place at the end of the status bar, or take it out."""
        status = self.statusBar()
        if shown != widget.isHidden():  # already as asked
            return
        if not shown:
            status.removeWidget(widget)
            widget.hide()
            return
        before = self._status_widgets[: self._status_widgets.index(widget)]
        place = sum(1 for w in before if not w.isHidden())
        status.insertPermanentWidget(place, widget)
        widget.show()

    # --- wiring: every connection between panes is here ------------------------------------

    def _connect_panes(self) -> None:
        self.library_pane.open_requested.connect(self._on_library_open_requested)
        self.search_pane.open_requested.connect(self._on_search_open_requested)
        self.search_pane.search_requested.connect(self._on_search_search_requested)
        self.search_pane.browse_requested.connect(self._on_search_browse_requested)
        self.sections_pane.section_requested.connect(self._on_sections_section_requested)
        self.article_view.reference_requested.connect(self._on_article_reference_requested)
        self.article_view.flag_explanation_requested.connect(
            self._on_article_flag_explanation_requested
        )
        self.article_view.section_changed.connect(self._on_article_section_changed)
        self.article_view.zoom_requested.connect(self._on_article_zoom_requested)
        self.article_view.details_toggled.connect(self._on_article_details_toggled)
        self.references_pane.claim_requested.connect(self._on_references_claim_requested)
        self.references_pane.reference_selected.connect(self._on_references_reference_selected)
        self.bookmarks.open_requested.connect(self._on_bookmarks_open_requested)
        self.bookmarks.status.connect(self._on_bookmarks_status)
        self.article_opened.connect(self._on_window_article_opened)
        self.search.index_opened.connect(self._on_search_index_opened)
        self.search.index_progressed.connect(self._on_search_index_progressed)
        self.search.index_finished.connect(self._on_search_index_finished)
        self.search.index_failed.connect(self._on_search_index_failed)
        self.search.index_damaged.connect(self._on_search_index_damaged)
        self.article_loader.loaded.connect(self._on_article_loader_loaded)
        self.search.search_finished.connect(self._on_search_search_finished)
        self.search.search_failed.connect(self._on_search_search_failed)
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_hints_color_scheme_changed)
        self._app.installEventFilter(self)

    def _on_library_open_requested(self, request: OpenRequest) -> None:
        self.open_article(request)

    def _on_search_open_requested(self, request: OpenRequest) -> None:
        self.open_article(request)
        self.article_view.setFocus(Qt.FocusReason.OtherFocusReason)
        shown = self.article_view.article
        if shown is not None and shown.id == request.article_id:  # a slow one says so later
            self.article_view.say_section(request.section_anchor)

    def _on_search_search_requested(self, query: str) -> None:
        self.search.search(query)

    def _on_search_browse_requested(self) -> None:
        self._focus_pane("library")

    def _on_search_search_finished(self, results: SearchResults) -> None:
        self.search_pane.show_results(results)
        if results.query.strip() == self.search_pane.query:
            announce(self.search_pane.box, self.search_pane.status.text())

    def _on_search_search_failed(self, message: str) -> None:
        self.show_status(message, error=True)

    def _on_sections_section_requested(self, anchor: str) -> None:
        self.history.visit(self.article_view.location())
        self.article_view.scroll_to_section(anchor)
        self.article_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_history_actions()

    def _on_article_section_changed(self, anchor: str) -> None:
        self.sections_pane.show_current(anchor)

    def _on_article_reference_requested(self, ref: CitationRef) -> None:
        article = self.article_view.article
        if article is None:
            return
        if ref.ordinal >= 0:
            # Remember where the claim is, so Back (or Escape) returns to it.
            self.history.visit(self.article_view.location())
            self._update_history_actions()
        self._show_references()
        if self.references_pane.show_reference(ref.reference_key, focus=True):
            reference = article.reference(ref.reference_key)
            # The focus on the reference says it; told again, it would be heard twice.
            if reference is not None and not self.references_pane.list.hasFocus():
                spoken = spoken_reference(reference, len(article.references))
                announce(self.references_pane.list, spoken, assertive=True)

    def _show_references(self) -> None:
        """The References pane in view, wide enough for its words (at a large size it
        may have been folded away)."""
        self.docks["references"].show()
        self.docks["references"].raise_()
        self.fit_docks()

    def _on_article_flag_explanation_requested(self, flag: FlaggedClaim) -> None:
        self._show_references()
        self.references_pane.show_flag(flag)
        self.show_status(self.references_pane.notice.text())

    def _on_article_zoom_requested(self, step: int) -> None:
        self.zoom(step)

    def _on_references_claim_requested(self, ordinal: int) -> None:
        self.history.visit(self.article_view.location())
        self._update_history_actions()
        self.article_view.select_claim(ordinal)
        self.article_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.article_view.say_claim()

    def _on_references_reference_selected(self, ref: Reference) -> None:
        log.debug("reference %s selected", ref.number)

    def _on_bookmarks_open_requested(self, target: Bookmark | Visit) -> None:
        anchor = target.section_anchor if isinstance(target, Bookmark) else None
        if not self.open_article(OpenRequest(target.article_id, section_anchor=anchor)):
            return
        offset = target.position if isinstance(target, Bookmark) else None
        doc = self.article_view.document()
        start = (self.article_view.section_position(anchor) if anchor else None) or 0
        if offset is not None and 0 <= start + offset < doc.characterCount():
            cursor = QTextCursor(doc)
            cursor.setPosition(start + offset)
            self.article_view.setTextCursor(cursor)
            self.article_view.ensureCursorVisible()
        self.article_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_bookmarks_status(self, text: str, error: bool) -> None:
        self.show_status(text, error=error)

    def _on_window_article_opened(self, article: Article) -> None:
        if self.library.summary(article.id) is not None:
            self.bookmarks.visited(article.id, article.title)

    def bookmark_here(self) -> None:
        """Ctrl+D: bookmark the article at the section being read, under a name."""
        article = self.article_view.article
        if article is None or self.library.summary(article.id) is None:
            self.show_status(self.tr("Open an article of the library first, then bookmark it."))
            return
        view = self.article_view
        anchor = view.current_section or None
        section = article.section(anchor) if anchor else None
        # The place within the section, as characters from its heading (positions in the
        # whole document change when a narrow window shows tables as lists).
        top = view.cursorForPosition(QPoint(4, 4)).position()
        start = (view.section_position(anchor) if anchor else None) or 0
        position = max(0, top - start)
        name = (
            f"{article.title} — {section.heading}" if section and section.heading else article.title
        )
        self.bookmarks.bookmark_place(Bookmark(article.id, name, article.title, anchor, position))

    def _on_search_index_opened(self) -> None:
        self.show_status(self.tr("Checking the search index…"), speak=False)

    def _on_search_index_progressed(self, progress: IndexProgress) -> None:
        text = index_progress_text(progress)
        if text is None:
            return
        if progress.phase is IndexPhase.INDEXING and progress.total:
            # Every 5 %, not every article: each change is an event a screen reader
            # must process, and hundreds of them leave it behind the keys for seconds.
            step = progress.done * 20 // progress.total
            if step == self._progress_step and progress.done < progress.total:
                return
            self._progress_step = step
            self._show_in_status_bar(self.progress, True)
            self.progress.setMaximum(progress.total)
            self.progress.setValue(progress.done)
        self.progress.setAccessibleDescription(text)
        self.show_status(text, speak=False)
        self.search_pane.set_message(fill(self.tr("Search will be ready soon: %1"), text))

    def _on_search_index_finished(self, ready: IndexReady) -> None:
        self._show_in_status_bar(self.progress, False)
        text = self.tr("Search ready")
        if ready.report is not None:
            r = ready.report
            n = r.added + r.changed + r.unchanged
            seconds = QLocale().toString(r.seconds, "f", 1)
            text = fill(self.tr("Search ready (%n article(s) indexed in %1 s)", "", n), seconds)
        notice = self.search.index.notice if self.search.index is not None else None
        if notice:
            text = fill(self.tr("%1. %2"), text, translated(notice))
        self.show_status(text)
        if not self.search_pane.query:
            self.search_pane.set_message("")

    def _on_search_index_failed(self, message: str) -> None:
        self._show_in_status_bar(self.progress, False)
        self.search_pane.set_message(message)
        self.show_status(message, error=True)

    def _on_search_index_damaged(self, reason: str) -> None:
        log.warning("the search index is damaged: %s", reason)
        self.show_status(
            self.tr("The search index is damaged and is being rebuilt; reading goes on meanwhile.")
        )

    def _on_hints_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.settings.theme == "system":
            self.apply_settings(self.settings, save=False)

    def _on_platform_theme_changed(self) -> None:
        """The platform's text scale or contrast changed while running: follow it."""
        self.look.follow_platform()
        self.apply_settings(self.settings, save=False)

    def _on_look_changed(self, choice: LookChoice) -> None:
        self.apply_settings(choice.applied_to(self.settings))

    def _on_language_group_triggered(self, action: QAction) -> None:
        code = str(action.data())
        if code == translations().language:
            return
        from reader.ui.app import switch_language  # the window is rebuilt in that language

        switch_language(self, code)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ThemeChange and watched is self:
            self._on_platform_theme_changed()
        # Ctrl+wheel anywhere in the window changes the text size.
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and isinstance(watched, QWidget)
            and watched.window() is self
            and watched is not self.article_view.viewport()
        ):
            delta = event.angleDelta().y()
            if delta:
                self.zoom(1 if delta > 0 else -1)
            return True
        return super().eventFilter(watched, event)

    # --- articles and navigation ------------------------------------------------------------

    def open_article(self, request: OpenRequest) -> bool:
        """Show an article of the library; errors go to the status bar.

        The file is read and parsed on a worker (:class:`ArticleLoader`): an ordinary
        article is shown before this returns; a slow one shows progress in the status bar
        and arrives later, unless the person left it (Escape, Stop, or another article).
        """
        current = self.article_view.article
        if current is not None and current.id == request.article_id:
            self._stop_opening_quietly()
            if request.remember:
                self.history.visit(self.article_view.location())
            self._show(current, request)
            return True
        library = self.library
        return self._load(request, lambda: library.load(request.article_id))

    def _load(self, request: OpenRequest, read: Callable[[], Article]) -> bool:
        result = self.article_loader.load(request, read)
        if result is not None:
            self._stop_opening_quietly()
            return self._deliver(result)
        summary = self.library.summary(request.article_id)
        title = summary.title if summary is not None else request.article_id
        self._show_in_status_bar(self.opening_progress, True)
        self._show_in_status_bar(self.stop_opening_button, True)
        self.show_status(self.tr("Opening “%1”…").replace("%1", title))
        return True

    def _deliver(self, result: ArticleLoaded) -> bool:
        if result.article is None:
            self.show_status(result.error or "", error=True)
            return False
        request: OpenRequest = result.request
        if request.remember:
            self.history.visit(self.article_view.location())
        self._show(result.article, request)
        return True

    def _on_article_loader_loaded(self, result: ArticleLoaded) -> None:
        self._stop_opening_quietly()
        if self._deliver(result) and result.article is not None:
            self.show_status(self.tr("Opened “%1”.").replace("%1", result.article.title))

    def _stop_opening_quietly(self) -> None:
        self.article_loader.cancel()
        self._show_in_status_bar(self.opening_progress, False)
        self._show_in_status_bar(self.stop_opening_button, False)

    def stop_opening(self) -> None:
        """Leave the article that is still being read (its result is not shown)."""
        if not self.article_loader.busy:
            return
        self._stop_opening_quietly()
        self.show_status(self.tr("Stopped opening the article."))

    def open_target(self, target: str) -> bool:
        """``offline-reader PATH_OR_ID``: an article id, a library file, or any article file."""
        summary = self.library.find(target)
        if summary is not None:
            return self.open_article(OpenRequest(summary.id, remember=False))
        path = Path(target)
        if path.is_file():
            return self._load(OpenRequest(path.stem, remember=False), lambda: read_article(path))
        self.show_status(
            fill(self.tr("There is no article “%1” in the library, and no such file."), target),
            error=True,
        )
        return False

    def _show(self, article: Article, request: OpenRequest) -> None:
        view = self.article_view
        if view.article is not article:
            # The article's own language: its direction, and the voice reading it aloud.
            follow_content_language(view, article.meta.language)
            self.read_aloud.language = article.meta.language
            view.show_article(article)
            if self._references_after_welcome and not self.reading_mode:
                self._references_after_welcome = False
                if self.fit.folded < 2:
                    self.docks["references"].show()
            resume = self._resume_at
            self._resume_at = None
            if resume is not None and resume[0] == article.id and request.scroll is None:
                view.keep_place(resume[1], move_caret=True)
            self.sections_pane.set_article(article)
            # The section being read is current (and so what a screen reader says on
            # entering the list); the view told it before the list was filled.
            self.sections_pane.show_current(view.current_section)
            self.references_pane.set_article(article)
            self.library_pane.show_current(article.id)
            self.setWindowTitle(fill(self.tr("%1 — Health library"), article.title))
            if article.id != self.settings.last_article and self.library.summary(article.id):
                self.update_settings(last_article=article.id, last_position=0, apply=False)
            self.article_opened.emit(article)
        if request.section_anchor:
            view.scroll_to_section(request.section_anchor)
        if request.terms:
            view.mark_terms(request.terms, request.section_anchor)
        if request.citation is not None:
            view.select_claim(request.citation)
        elif request.scroll is not None:
            view.select_claim(None)
        if request.scroll is not None:
            view.set_scroll_value(request.scroll)
        self._update_history_actions()

    def _restore(self, location: Location) -> None:
        self.open_article(
            OpenRequest(
                location.article_id,
                citation=location.citation,
                scroll=location.scroll,
                remember=False,
            )
        )
        self.article_view.setFocus(Qt.FocusReason.OtherFocusReason)
        if location.citation is not None:
            self.article_view.say_claim()
        elif (shown := self.article_view.article) is not None and shown.id == location.article_id:
            # Back or Forward to another article: a screen reader hears which one.
            self.article_view.say_section(None)

    def go_back(self) -> None:
        target = self.history.back(self.article_view.location())
        if target is not None:
            self._restore(target)
        self._update_history_actions()

    def go_forward(self) -> None:
        target = self.history.forward(self.article_view.location())
        if target is not None:
            self._restore(target)
        self._update_history_actions()

    def return_to_claim(self) -> None:
        """Escape: leave an article still being read; or from the references (or
        anywhere) back to the selected claim."""
        if self.article_loader.busy:
            self.stop_opening()
            return
        ordinal = self.article_view.current_citation
        if ordinal is None:
            return
        self.article_view.select_claim(ordinal)
        self.article_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.article_view.say_claim()

    def _update_history_actions(self) -> None:
        if "back" in self.actions_by_id:
            self.actions_by_id["back"].setEnabled(self.history.can_go_back)
            self.actions_by_id["forward"].setEnabled(self.history.can_go_forward)

    def _step_section(self, step: int) -> None:
        # Focus first, so that the screen reader hears the heading as news of the article.
        self.article_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.article_view.step_section(step)

    def _step_citation(self, step: int) -> None:
        self.article_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.article_view.step_citation(step) is None:
            self.show_status(self.tr("No more citations in that direction."))

    # --- focus --------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.docks["search"].show()
        self.docks["search"].raise_()
        box = self.search_pane.box
        # The focus first, without the shortcut reason (with it the box selects its text
        # while taking the focus), then the selection: caret or selection news that
        # reaches a screen reader ahead of the focus news makes Orca 43 move to the box
        # in silence.
        box.setFocus(Qt.FocusReason.OtherFocusReason)
        box.selectAll()

    def _pane_targets(self) -> list[tuple[str, QWidget]]:
        """The panes F6 goes through (those shown), in order, with what takes the focus."""
        return [
            (name, pane.focus)
            for name, pane in self.panes.items()
            if name not in self.docks or self.docks[name].isVisible()
        ]

    def _focus_pane(self, name: str) -> None:
        if name in self.docks:
            self.docks[name].show()
            self.docks[name].raise_()
        target = dict(self._pane_targets()).get(name)
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def cycle_pane(self, step: int) -> None:
        """F6 / Shift+F6: move focus to the next / previous visible pane."""
        targets = self._pane_targets()
        names = [name for name, _focus in targets]
        current = self.current_pane()
        index = names.index(current) if current in names else -1
        name, widget = targets[(index + step) % len(targets)] if index >= 0 else targets[0]
        if name in self.docks:
            self.docks[name].raise_()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current_pane(self) -> str | None:
        """The name of the pane that has the focus (None: none has)."""
        focused = QApplication.focusWidget()
        for name, pane in self.panes.items():
            if focused is not None and (
                focused is pane.widget or pane.widget.isAncestorOf(focused)
            ):
                return name
        return None

    # --- view settings ------------------------------------------------------------------

    def zoom(self, step: int) -> None:
        self.look.step_size(step)
        self.show_status(fill(self.tr("Text size %1 %"), self.settings.text_scale))

    def cycle_theme(self) -> None:
        self.look.next_theme()
        self.show_status(fill(self.tr("Colours: %1"), translated(self.theme.label)))

    def reset_view(self) -> None:
        if self.reading_mode:
            self.set_reading_mode(False)
        self.fit.restore(self._default_state)
        self.resize(*DEFAULT_SIZE)
        fit_to_screen(self)
        for dock in self.docks.values():
            dock.show()
        self.apply_settings(self.settings.with_reset_view())
        self.show_status(self.tr("The view is back to its defaults."))

    def update_settings(self, *, apply: bool = True, **changes: object) -> None:
        new = replace(self.settings, **changes)  # type: ignore[arg-type]
        if apply:
            self.apply_settings(new)
        else:
            self.settings = new
            self._save()

    def apply_settings(self, settings: Settings, *, save: bool = True) -> None:
        """Paint the window with ``settings``: size, font, spacing, theme."""
        previous_scale = self.settings.text_scale
        self.settings = settings
        self.look.choice = LookChoice.of(settings)
        theme = self.look.theme
        self.theme = theme
        fonts = self.look.fonts()
        # The article first: a new size or font restyles its text and paints it at once,
        # then the bars and panes around it follow. New colours come after the new
        # stylesheet (polishing under it gives each widget its first font again).
        new_colours = stylesheet(theme) != self._app.styleSheet()
        if new_colours:
            paint_application(self._app, theme, fonts.ui)
        self.article_view.set_style(self.look.article_style(theme, fonts.article))
        if not new_colours:
            paint_application(self._app, theme, fonts.ui)
        give_fonts(
            self,
            fonts,
            bars=self._chrome(),
            own_font=(self.article_view,),
            menus=self.menus.values(),
        )
        self._tools_font = fonts.tools
        reading_bar.size_icons(self.reading_bar, fonts.tools)
        unsqueezable((self.toolbar, self.look_toolbar, self.speech_toolbar, self.reading_bar))
        self.look_controls.show(self.look.choice)
        self.actions_by_id["zoom_in"].setEnabled(self.look.can_grow)
        self.actions_by_id["zoom_out"].setEnabled(self.look.can_shrink)
        if settings.text_scale != previous_scale:
            self.fit_docks()
        self.fit.fit_toolbars()
        fit_to_screen(self)
        if save:
            self._save()
        self.theme_applied.emit(theme)
        self.settings_applied.emit(settings)

    def _chrome(self) -> list[QWidget]:
        """The bars around the article, whose text stops growing (see ``look.TOOLS_MAX_SCALE``)."""
        return [
            self.menuBar(),
            self.statusBar(),
            self.toolbar,
            self.look_toolbar,
            self.speech_toolbar,
            self.reading_bar,
        ]

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if hasattr(self, "fit") and self.reading_mode:
            reading_bar.place(self, self.reading_bar)
        if hasattr(self, "fit"):
            self.fit.fit_toolbars()
            if event.oldSize().width() != event.size().width():
                self.fit_docks()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        fit_to_screen(self)

    def moveEvent(self, event: QMoveEvent) -> None:  # noqa: N802 - Qt override
        super().moveEvent(event)
        self._fit_new_frame()

    def _fit_new_frame(self) -> None:
        """A window manager puts its frame (the title bar) round the window after it is
        shown, which moves it: fitted to the screen again once the frame is known (a
        window the person moves keeps its frame, and where they put it)."""
        if not self.isVisible():
            return
        frame = self.frameGeometry()
        extra = (frame.width() - self.width(), frame.height() - self.height())
        if extra != self._frame_extra:
            self._frame_extra = extra
            fit_to_screen(self)

    def fit_docks(self) -> None:
        """Fold the panes as the room runs out (not in reading mode: they are hidden)."""
        if hasattr(self, "fit") and not self.reading_mode:
            self.fit.fit_docks()

    def _restore_layout(self) -> None:
        try:
            if self.settings.window_geometry:
                self.restoreGeometry(QByteArray(base64.b64decode(self.settings.window_geometry)))
            if self.settings.window_state:
                self.restoreState(QByteArray(base64.b64decode(self.settings.window_state)))
        except ValueError:
            log.warning("the saved window layout is unusable; using the default layout")

    def _save(self) -> None:
        try:
            self.store.save(self.settings)
        except OSError as exc:
            reason = translated(os_reason(exc))
            self.show_status(
                fill(self.tr("Your settings could not be saved: %1"), reason), error=True
            )

    def resume_at(self, article_id: str, position: int) -> None:
        """When ``article_id`` next opens, show it from ``position`` (a restart's place)."""
        self._resume_at = (article_id, position) if position > 0 else None

    def save_layout(self) -> None:
        # The window as the person had it, not reading mode's whole screen.
        saved = self._geometry_before_reading if self.reading_mode else self.saveGeometry()
        geometry = base64.b64encode(bytes(saved.data())).decode("ascii")
        # The layout as the person made it, not as reading mode or folding changed it.
        layout = self._before_reading if self.reading_mode else self.fit.layout
        state = base64.b64encode(bytes(layout.data())).decode("ascii")
        article = self.article_view.article
        position = self.settings.last_position
        if article is not None and article.id == self.settings.last_article:
            position = self.article_view.top_position() or 0
        self.settings = replace(
            self.settings, window_geometry=geometry, window_state=state, last_position=position
        )
        self._save()

    # --- status ---------------------------------------------------------------------------

    def show_status(self, text: str, *, error: bool = False, speak: bool = True) -> None:
        """A message in the status bar (errors in the theme's error colour).

        Spoken politely, or assertively for an error; ``speak=False`` for steady
        progress that a screen reader would otherwise repeat all the time.
        """
        self.status_label.setText(text)
        self.status_label.setProperty("error", error)
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)
        # Polishing gives the label the application's font: the bars' size is put back.
        if self._tools_font is not None:
            self.status_label.setFont(self._tools_font)
        if error:
            log.warning("%s", text)
        self.status_shown.emit(StatusMessage(text, error, speak or error))
        if speak or error:
            announce(self.status_label, text, assertive=error)

    def choose_library(self) -> None:
        """File > Open library… (Ctrl+O): a folder chooser; the chosen library opens in a
        new window in this one's place and is remembered for the next start."""
        chooser = LibraryChooser(Path(self.library.root), self)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.chosen.connect(self._on_library_chooser_chosen)
        chooser.refused.connect(lambda message: self.show_status(message, error=True))
        self.library_chooser = chooser
        chooser.open()

    def offer_library(self, message: str) -> None:
        """At start on a missing or empty library: say so and offer File > Open library."""
        self.show_status(message, error=True)
        offer = LibraryOffer(message, self)
        offer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        offer.buttonClicked.connect(
            lambda button: self.choose_library() if button is offer.open_button else None
        )
        self.library_offer = offer
        offer.open()

    def _on_library_chooser_chosen(self, path: Path) -> None:
        from reader.ui.app import switch_library  # the window is rebuilt on that library

        switch_library(self, path)

    def print_article(self) -> None:
        """File > Print (Ctrl+P): the open article or one section, on paper or as a PDF."""
        article = self.article_view.article
        if article is None:
            self.show_status(self.tr("Open an article first, then print it."))
            return
        dialog = printing.Dialog(
            article,
            text_scale=self.settings.text_scale,
            font=font_for(self.settings.font_family, printing.HANDOUT_POINT, self.look.base_font),
            line_spacing=self.settings.line_spacing,
            parent=self,
        )
        dialog.printed.connect(self.show_status)
        self._open_dialog(dialog)

    def open_menu_bar(self) -> None:
        """F10: the first menu opens, its first item has the focus (and is spoken); in
        reading mode, whose menu bar is hidden, the Menu button's menu does."""
        if self.reading_mode:
            reading_bar.open_menu(self.reading_bar, self._reading_menus_button)
            return
        bar = self.menuBar()
        first = next((a for a in bar.actions() if a.isVisible() and a.isEnabled()), None)
        if first is not None:
            bar.setFocus(Qt.FocusReason.ShortcutFocusReason)
            bar.setActiveAction(first)

    def show_shortcuts(self) -> None:
        """Help -> Keyboard shortcuts: the key map as a table."""
        self._open_dialog(ShortcutsDialog(self))

    def _open_dialog(self, dialog: QDialog) -> None:
        """Open ``dialog`` (deleted once closed); as it closes, the window is made active
        again, so the focus is back where it was and a screen reader says so. A window
        manager does that itself; without one (a kiosk's bare X session, the test display)
        the window stayed inactive, and Orca 43 ignored everything it did from then on."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_dialog_finished)
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        if self.isVisible():
            self.activateWindow()

    def set_library(self, library: Library) -> None:
        """Show ``library`` (listed after the window appeared, on a first start)."""
        self.library = library
        self.search.library = library
        self.library_pane.set_library(library, in_steps=True)

    def show_welcome(self) -> None:
        counts = [(c.name, len(c.articles)) for c in self.library.collections()]
        self.article_view.show_welcome(counts)
        self.sections_pane.set_article(None)
        self.references_pane.set_article(None)
        # No empty References pane beside the welcome page: it comes back with an article.
        references = self.docks["references"]
        if references.isVisible() and not self.reading_mode:
            references.hide()
            self._references_after_welcome = True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_layout()
        self.article_loader.shutdown(0)  # a slow parse left behind ends on its own
        self.search.shutdown()
        super().closeEvent(event)
