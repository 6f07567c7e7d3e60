"""The kiosk window: a full-screen, touch-first reader for a shared screen.

One window, five pages in a stack (home, a collection, search results, an article,
the help), a search bar with an on-screen keyboard, and a bottom bar for text size,
colours and reading aloud. All wiring between the parts is in this module.

What a person does here lives in memory only: nothing is written to disk, and
:meth:`KioskWindow.reset_session` (the idle reset and the "Finish" button) puts
every part back as the deployment configured it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core.kiosk import TEXT_SIZES, KioskConfig
from reader.core.language import INTERFACE_LANGUAGES
from reader.core.library import Library, secondary_collections
from reader.core.lockout import PinLockout
from reader.core.model import Reference, SearchResults
from reader.core.navigation import CitationRef, Trail
from reader.core.settings import LookChoice
from reader.core.texts import QT_TRANSLATE_NOOP, Text
from reader.core.theme import THEMES, Theme
from reader.core.topics import browsable, by_group, letter_of
from reader.ui.accessibility import DOCUMENT_PROPERTY, announce, follow_focus, make_heading
from reader.ui.article_html import DocumentColours, document_stylesheet
from reader.ui.article_view import ArticleView
from reader.ui.flow_layout import FlowLayout
from reader.ui.fonts import load_bundled_fonts
from reader.ui.i18n import fill, follow_content_language, translated, translations
from reader.ui.kiosk.admin import AdminGate, AdminGesture, PinDialog
from reader.ui.kiosk.guard import KioskGuard
from reader.ui.kiosk.idle import IdleController, IdleWarning
from reader.ui.kiosk.keyboard import OnScreenKeyboard
from reader.ui.kiosk.qr import qr_pixmap, reference_address
from reader.ui.kiosk.search import KioskSearch
from reader.ui.kiosk.session import (
    SESSION_PARTS,
    close_other_windows,
    forget_clipboard,
    forget_line_edit,
    forget_text_fields,
    forget_text_view,
    scroll_to_start,
)
from reader.ui.look import Look
from reader.ui.speech import ReadAloud
from reader.ui.spoken_only import visible_text
from reader.ui.workers import ArticleLoaded, ArticleLoader

log = logging.getLogger(__name__)

#: The smallest touch target at 100 % text size (WCAG 2.5.5 asks for 44 px).
MIN_TARGET_PX = 48
BASE_POINT_SIZE = 14.0
#: The bars' buttons grow with the text up to this size (per cent); above it they would
#: take the screen from what is being read. Pages and the article keep growing.
BAR_MAX_SIZE = 150
#: How long a search may take and still show its results at once (seconds); a slower
#: one says it is searching, and its results come when they are found, the screen
#: answering touches meanwhile.
SEARCH_WAIT_S = 0.5


def wrap_label(text: str, metrics: QFontMetrics, width: float) -> str:
    """``text`` with its lines broken at spaces so that none is wider than ``width``
    (a word wider than that keeps its own line: words are never cut)."""
    out: list[str] = []
    for line in text.split("\n"):
        current = ""
        for word in line.split(" "):
            trial = f"{current} {word}" if current else word
            if current and metrics.horizontalAdvance(trial) > width:
                out.append(current)
                current = word
            else:
                current = trial
        out.append(current)
    return "\n".join(out)


#: The article's line spacing on the shared screen (generous: low vision, low literacy).
LINE_SPACING = 1.5


def help_html() -> str:
    """The help page in the interface language. The document stylesheet keeps line breaks
    (``pre-wrap``): the source's own line breaks must not reach the page, where they would
    cut sentences."""
    return " ".join(_help_source().split())


def _help_source() -> str:
    return QCoreApplication.translate(
        "KioskWindow",
        """<h1>How to use this screen</h1>
<p>This screen is a library of health articles. Everything is stored here: nothing is
sent to the internet, and nothing you read or search for is kept.</p>
<h2>Finding an article</h2>
<ul>
<li>Touch a topic on the home screen to see its articles, then touch an article to read it.</li>
<li>Or touch the search box, type a few words with the keyboard on the screen, and touch
<b>Search</b>.</li>
</ul>
<h2>Reading</h2>
<ul>
<li>Slide your finger up and down on the text to scroll.</li>
<li>A number in square brackets, such as [1], shows where a statement comes from: touch it
to see the source. Web addresses are shown as text; nothing opens outside this screen.</li>
<li><b>Larger text</b> and <b>Smaller text</b> change the size; <b>Colours</b> changes the
colours; <b>Read aloud</b> reads the article (use headphones if there are some).</li>
<li><b>Back</b> and <b>Forward</b> move between the pages you have seen; <b>Home</b> goes back
to the start.</li>
<li><b>Español / English</b> changes the language of the screen.</li>
</ul>
<h2>When you have finished</h2>
<p>Touch <b>Finish / clear my session</b>: the screen forgets what you read and searched,
and goes back to the start for the next person. If nobody touches the screen for a while, a
message asks whether you are still reading, and the screen clears itself if nobody answers.</p>
<h2>Screen readers</h2>
<p>With a keyboard, Tab moves between the buttons and the search box; the article text can be
read with the arrow keys.</p>
""",
    )


@dataclass(frozen=True, slots=True)
class Place:
    """A page a person visited, for Back and Forward."""

    page: str  # "home" | "collection" | "topics" | "results" | "article" | "help"
    key: str = ""  # the collection name, the topic group ("" for A to Z), query or article id


def target_px(text_size: int) -> int:
    """Touch-target size for a text size: 48 px at 100 %, growing with the text."""
    return round(MIN_TARGET_PX * (1 + (text_size - 100) / 200))


def kiosk_stylesheet(theme: Theme, text_size: int) -> str:
    t = target_px(text_size)
    # Keys as large as the bars' buttons, which stop growing at BAR_MAX_SIZE.
    key_t = target_px(min(text_size, BAR_MAX_SIZE))
    pt = BASE_POINT_SIZE * text_size / 100
    bar_pt = BASE_POINT_SIZE * min(text_size, BAR_MAX_SIZE) / 100
    bar_t = target_px(min(text_size, BAR_MAX_SIZE))
    # Topic names a step above the text, the step shrinking as the text grows.
    tile_pt = pt * (1 + 0.3 * 100 / max(text_size, 100))
    return f"""
QWidget {{ background: {theme.background}; color: {theme.text}; font-size: {pt:.1f}pt; }}
QLabel {{ background: transparent; }}
QFrame#kioskBar, QFrame#kioskBottomBar {{ background: {theme.pane_bg}; }}
QPushButton {{
    background: {theme.control_bg}; color: {theme.control_fg};
    border: 2px solid {theme.border}; border-radius: 8px; padding: 6px 14px;
    min-height: {t - 16}px; min-width: {t - 32}px;
}}
QPushButton:pressed {{ background: {theme.selection_bg}; color: {theme.selection_fg}; }}
QPushButton:disabled {{ color: {theme.disabled}; }}
QLineEdit {{ placeholder-text-color: {theme.placeholder}; }}
QPushButton:focus, QLineEdit:focus, QListWidget:focus, QTextBrowser:focus,
QLabel#kioskTitle:focus {{
    border: 3px solid {theme.focus};
}}
QPushButton#topicTile {{ font-size: {tile_pt:.1f}pt; font-weight: bold; padding: 18px; }}
QLabel#kioskStatus {{ font-size: {bar_pt:.1f}pt; }}
QPushButton#finishSession {{ font-weight: bold; }}
QPushButton#adminCorner {{ background: transparent; border: none; }}
QFrame#kioskBar QPushButton, QFrame#kioskBottomBar QPushButton,
QPushButton#homeHelp, QPushButton#languageButton {{
    font-size: {bar_pt:.1f}pt; min-height: {bar_t - 16}px; min-width: {bar_t - 32}px;
}}
QWidget#onScreenKeyboard QPushButton {{
    font-size: {bar_pt:.1f}pt; padding: 2px;
    min-height: {key_t - 8}px; max-height: {key_t - 8}px; min-width: {MIN_TARGET_PX - 8}px;
}}
QLineEdit {{
    background: {theme.background}; border: 2px solid {theme.border}; border-radius: 6px;
    padding: 6px; min-height: {t - 16}px;
}}
QListWidget {{ border: 1px solid {theme.border}; }}
QListWidget::item {{ min-height: {t}px; padding: 8px; border-bottom: 1px solid {theme.border}; }}
QListWidget::item:selected {{ background: {theme.selection_bg}; color: {theme.selection_fg}; }}
QScrollBar:vertical {{ width: {t}px; background: {theme.pane_bg}; }}
QScrollBar:horizontal {{ height: {t}px; background: {theme.pane_bg}; }}
QScrollBar::handle {{ background: {theme.control_bg}; border: 2px solid {theme.border};
    min-height: {t}px; min-width: {t}px; }}
QLabel#kioskTitle {{ font-size: {pt * 1.6:.1f}pt; font-weight: bold; }}
QFrame#idleWarning {{ background: {theme.pane_bg}; border: 4px solid {theme.focus}; }}
QLabel#idleHeading {{ font-size: {pt * 1.8:.1f}pt; font-weight: bold; }}
QLabel#idleCountdown {{ font-size: {pt * 1.3:.1f}pt; }}
QFrame#referencesPanel {{ border-top: 3px solid {theme.border}; }}
"""


def _enable_kinetic_scrolling(area: QAbstractScrollArea) -> None:
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)


class _Page(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Page")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(16, 12, 16, 12)
        self.layout_.setSpacing(12)


class KioskWindow(QMainWindow):
    """The whole kiosk. ``countdown_override`` shortens the warning in tests only."""

    session_reset = Signal()
    results_shown = Signal(object)  # SearchResults: a search's results are on the screen
    reset_failed = Signal(object)  # tuple[str, ...]: the parts that could not be cleared
    exit_granted = Signal()

    def __init__(
        self,
        library: Library,
        config: KioskConfig,
        *,
        idle_ms: int | None = None,
        countdown_override: int | None = None,
        lockout: PinLockout | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.config = config
        self.setObjectName("kioskWindow")
        self.setWindowTitle(translated(config.home.title))
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setAcceptDrops(False)
        load_bundled_fonts()
        # The desktop window's look, with the screen's own sizes and base, and every
        # colour theme but "system" (a shared screen does not follow a platform setting).
        self.look = Look(
            self._configured_look(),
            sizes=TEXT_SIZES,
            themes=[t.id for t in THEMES],
            base_point=BASE_POINT_SIZE,
            follow_system=False,
            parent=self,
        )
        self.speech_rate = config.display.speech_rate
        self.speech = ReadAloud(self)
        self.speech.set_rate(self.speech_rate)
        #: The pages a person saw, for Back and Forward (the desktop window's history).
        self.history: Trail[Place] = Trail()
        self._place = Place("home")
        #: Which person's session this is; each reset counts one more. Work that finishes
        #: after it was started (a search, an article opened on a worker) shows nothing
        #: unless the session it was started in is still this one.
        self.session = 0
        # The window's search service: searches run on its worker thread.
        self.search = KioskSearch(library, self)
        self.search.search_finished.connect(self._on_search_search_finished)
        self.search.search_failed.connect(self._on_search_search_failed)
        # Articles are read and parsed on a worker: a slow one never freezes the screen.
        self.article_loader = ArticleLoader(self)
        self.article_loader.loaded.connect(self._on_article_loader_loaded)
        self._idle_ms = idle_ms
        self._countdown = countdown_override
        translations().set_language(config.display.language)
        self._build()
        self.guard = KioskGuard(self)
        self.guard.activity.connect(self.idle.activity)
        self.gate = AdminGate(config.admin, self, lockout=lockout)
        self._pin_dialog: PinDialog | None = None
        if config.admin.exit_possible:
            self.gesture = AdminGesture(self.admin_corner, config.admin)
            self.gesture.triggered.connect(self._on_admin_gesture)
        self._wipes = self._session_wipes()
        self._apply_view()
        self._update_navigation()

    # --- building --------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(self)
        self._central = central
        central.setObjectName("kioskCentral")
        self.setCentralWidget(central)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        bar = QFrame(central)
        bar.setObjectName("kioskBar")
        # Buttons wrap onto a second row rather than being cut at a large text size.
        top = FlowLayout(bar)
        top.setContentsMargins(MIN_TARGET_PX + 16, 8, MIN_TARGET_PX + 16, 8)
        self.home_button = self._button(
            QT_TRANSLATE_NOOP("KioskWindow", "Home"),
            QT_TRANSLATE_NOOP("KioskWindow", "Home: the start screen"),
            bar,
        )
        self.back_button = self._button(
            QT_TRANSLATE_NOOP("KioskWindow", "‹ Back"),
            QT_TRANSLATE_NOOP("KioskWindow", "Back"),
            bar,
        )
        self.forward_button = self._button(
            QT_TRANSLATE_NOOP("KioskWindow", "Forward ›"),
            QT_TRANSLATE_NOOP("KioskWindow", "Forward"),
            bar,
        )
        self.finish_button = self._button(
            QT_TRANSLATE_NOOP("KioskWindow", "Finish / clear my session"),
            QT_TRANSLATE_NOOP(
                "KioskWindow", "Finish and clear my session: forget what I read and searched"
            ),
            bar,
        )
        self.finish_button.setObjectName("finishSession")
        top.add_widget(self.home_button)
        top.add_widget(self.back_button)
        top.add_widget(self.forward_button)
        top.add_widget(self.finish_button, push_right=True)
        outer.addWidget(bar)

        search_row = QHBoxLayout()
        search_row.setContentsMargins(16, 8, 16, 0)
        self.search_box = QLineEdit(central)
        self.search_box.setObjectName("kioskSearch")
        self._fixed_text(
            self.search_box,
            "setAccessibleName",
            QT_TRANSLATE_NOOP("KioskWindow", "Search the library"),
        )
        self._fixed_text(
            self.search_box,
            "setPlaceholderText",
            QT_TRANSLATE_NOOP("KioskWindow", "Touch here and type a few words to search"),
        )
        self.search_box.setClearButtonEnabled(False)
        self.search_box.setMaxLength(200)
        self.search_button = self._button(
            QT_TRANSLATE_NOOP("KioskWindow", "Search"),
            QT_TRANSLATE_NOOP("KioskWindow", "Search"),
            central,
        )
        self.keyboard_button = self._button(
            QT_TRANSLATE_NOOP("KioskWindow", "Keyboard"),
            QT_TRANSLATE_NOOP("KioskWindow", "Show or hide the on-screen keyboard"),
        )
        self.keyboard_button.setCheckable(True)
        search_row.addWidget(self.search_box, 1)
        search_row.addWidget(self.search_button)
        search_row.addWidget(self.keyboard_button)
        outer.addLayout(search_row)
        self.keyboard = OnScreenKeyboard(self.search_box, central)
        self.keyboard.setContentsMargins(16, 4, 16, 4)
        self.keyboard.hide()
        # The keyboard opens over the lower part of the page, as a phone's does, so the
        # window never grows with it and the bottom bar stays where it is.
        self.keyboard.setAutoFillBackground(True)

        self.stack = QStackedWidget(central)
        # The pages take the room the bars leave and scroll inside it: whatever a page
        # holds never makes the window taller than the screen.
        self.stack.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        outer.addWidget(self.stack, 1)
        self.pages: dict[str, QWidget] = {}
        self._build_home()
        self._build_collection()
        self._build_results()
        self._build_article()
        self._build_help()

        bottom = QFrame(central)
        bottom.setObjectName("kioskBottomBar")
        low = FlowLayout(bottom)
        low.setContentsMargins(MIN_TARGET_PX + 16, 8, MIN_TARGET_PX + 16, 8)
        self.smaller_button = self._button(
            QT_TRANSLATE_NOOP("KioskWindow", "Smaller text"),
            QT_TRANSLATE_NOOP("KioskWindow", "Smaller text"),
            bottom,
        )
        self.larger_button = self._button(
            QT_TRANSLATE_NOOP("KioskWindow", "Larger text"),
            QT_TRANSLATE_NOOP("KioskWindow", "Larger text"),
            bottom,
        )
        self.colours_button = self._button(
            QT_TRANSLATE_NOOP("KioskWindow", "Colours"),
            QT_TRANSLATE_NOOP("KioskWindow", "Change the colours"),
            bottom,
        )
        self.speak_button = self._button(
            QT_TRANSLATE_NOOP("KioskWindow", "Read aloud"),
            QT_TRANSLATE_NOOP("KioskWindow", "Read the article aloud"),
            bottom,
        )
        self.speak_button.setCheckable(True)
        self.print_button = self._button(
            QT_TRANSLATE_NOOP("KioskWindow", "Print"),
            QT_TRANSLATE_NOOP("KioskWindow", "Print this article"),
            bottom,
        )
        self.print_button.setVisible(self.config.features.printing)
        self.help_button = self._button(
            QT_TRANSLATE_NOOP("KioskWindow", "Help"),
            QT_TRANSLATE_NOOP("KioskWindow", "How to use this screen"),
            bottom,
        )
        for widget in (
            self.smaller_button,
            self.larger_button,
            self.colours_button,
            self.speak_button,
            self.print_button,
        ):
            low.add_widget(widget)
        low.add_widget(self.help_button, push_right=True)
        outer.addWidget(bottom)
        self.status = QLabel("", central)
        self.status.setObjectName("kioskStatus")
        self.status.setContentsMargins(16, 0, 16, 4)
        self.status.setWordWrap(True)
        outer.addWidget(self.status)

        self.admin_corner = QPushButton("", central)
        self.admin_corner.setObjectName("adminCorner")
        self._fixed_text(
            self.admin_corner, "setAccessibleName", QT_TRANSLATE_NOOP("KioskWindow", "Staff")
        )
        self.admin_corner.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.admin_corner.setFixedSize(MIN_TARGET_PX, MIN_TARGET_PX)
        self.admin_corner.setVisible(self.config.admin.exit_possible)

        self.warning = IdleWarning(central)
        idle_ms = self.config.session.idle_timeout * 1000
        countdown = self.config.session.warning_countdown
        self.idle = IdleController(
            self.warning,
            idle_ms=self._idle_ms if self._idle_ms is not None else idle_ms,
            countdown_s=self._countdown if self._countdown is not None else countdown,
        )
        self.idle.session_expired.connect(self.reset_session)

        self.home_button.clicked.connect(self._on_home_clicked)
        self.back_button.clicked.connect(self._on_back_clicked)
        self.forward_button.clicked.connect(self._on_forward_clicked)
        self.finish_button.clicked.connect(self._on_finish_clicked)
        self.search_button.clicked.connect(self._on_search_requested)
        self.search_box.returnPressed.connect(self._on_search_requested)
        self.keyboard.search_requested.connect(self._on_search_requested)
        self.keyboard_button.toggled.connect(self._on_keyboard_toggled)
        self.search_box.installEventFilter(self)
        self.stack.installEventFilter(self)  # the keyboard follows the page area
        self.smaller_button.clicked.connect(lambda: self._step_text_size(-1))
        self.larger_button.clicked.connect(lambda: self._step_text_size(1))
        self.colours_button.clicked.connect(self._on_colours_clicked)
        self.speak_button.toggled.connect(self._on_speak_toggled)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.help_button.clicked.connect(lambda: self._go(Place("help")))

    def _on_keyboard_toggled(self, on: bool) -> None:
        self.keyboard.setVisible(on)
        if on:
            self._place_keyboard()

    def _place_keyboard(self) -> None:
        """Over the bottom of the page area, as tall as it needs (at most the whole area)."""
        area = self.stack.geometry()
        height = min(self.keyboard.sizeHint().height(), area.height())
        self.keyboard.setGeometry(area.x(), area.bottom() + 1 - height, area.width(), height)
        self.keyboard.raise_()

    def _button(self, text: str, name: str, parent: QWidget | None = None) -> QPushButton:
        button = QPushButton(parent)
        self._fixed_text(button, "setText", text)
        self._fixed_text(button, "setAccessibleName", name)
        # Enter presses the focused button as Space does (a keyboard or switch at the
        # kiosk); outside a dialog no button is ever the default for Enter in a text box.
        button.setAutoDefault(True)
        return button

    def _fixed_text(self, widget: QWidget, setter: str, text: str) -> None:
        """``widget.setter(text)`` in the interface language, again at every change of it
        (for texts marked with QT_TRANSLATE_NOOP; others are set as they are)."""
        getattr(widget, setter)(translated(text))
        if isinstance(text, Text):
            if not hasattr(self, "_fixed"):
                self._fixed: list[tuple[QWidget, str, Text]] = []
            self._fixed.append((widget, setter, text))

    def _add_page(self, name: str, page: QWidget) -> None:
        self.pages[name] = page
        self.stack.addWidget(page)

    def _build_home(self) -> None:
        page = _Page("home")
        self.title = QLabel(translated(self.config.home.title), page)
        self.title.setObjectName("kioskTitle")
        self.title.setWordWrap(True)
        # The page's heading, where the focus is when the screen starts or is cleared: a
        # screen reader says "Health library, heading level 1" first. Not a Tab stop.
        make_heading(self.title, level=1)
        self.title.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        intro = QLabel(
            self.tr(
                "Touch a topic to see its articles, or search above. Nothing you read here is kept."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.home_help_button = self._button(
            QT_TRANSLATE_NOOP("KioskWindow", "How to use this screen"),
            QT_TRANSLATE_NOOP("KioskWindow", "How to use this screen"),
            page,
        )
        self.home_help_button.clicked.connect(lambda: self._go(Place("help")))
        self.home_help_button.setObjectName("homeHelp")
        # Every interface language by its own name, the current one last: "Español / English".
        self.language_button = self._button("", "", page)
        self.language_button.setObjectName("languageButton")
        self.language_button.clicked.connect(self._on_language_clicked)
        self._name_language_button()
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Not a Tab stop of its own (a screen reader had nothing to say there): Tab goes
        # from tile to tile, and the page scrolls to the tile with the focus.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        tiles = QWidget(scroll)
        outer = QVBoxLayout(tiles)
        outer.setSpacing(16)
        # Title, introduction and buttons scroll with the tiles: at a large text size on a
        # small screen the page is taller than the room the bars leave.
        self.title.setParent(tiles)
        intro.setParent(tiles)
        outer.addWidget(self.title)
        outer.addWidget(intro)
        # A row of their own that wraps: beside the title they would be cut at a large
        # text size.
        buttons = QWidget(tiles)
        row = FlowLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        self.language_button.setParent(buttons)
        self.home_help_button.setParent(buttons)
        row.add_widget(self.language_button)
        row.add_widget(self.home_help_button)
        outer.addWidget(buttons)
        self._tiles_scroll = scroll
        self._tiles_layout = outer
        self._tile_grids: list[tuple[QGridLayout, list[QPushButton]]] = []
        self.topic_tiles = self._topic_tiles(tiles, outer)
        self.collections_label = QLabel(self.tr("Collections"), tiles)
        self.collections_label.setObjectName("kioskSubtitle")
        outer.addWidget(self.collections_label)
        grid = QGridLayout()
        grid.setSpacing(16)
        outer.addLayout(grid, 1)
        self.tiles: list[QPushButton] = []
        for i, (name, count) in enumerate(self._home_collections()):
            label = fill(self.tr("%1\n%n article(s)", "tile", count), name)
            tile = self._button(label, fill(self.tr("%1, %n article(s)", "", count), name), tiles)
            tile.setObjectName("topicTile")
            tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            tile.setMinimumHeight(MIN_TARGET_PX * 2)
            tile.setMaximumHeight(MIN_TARGET_PX * 4)
            tile.clicked.connect(lambda _=False, n=name: self._go(Place("collection", n)))
            grid.addWidget(tile, i // 2, i % 2)
            self.tiles.append(tile)
        self._tile_grids.append((grid, self.tiles))
        self._tile_columns = 2
        if not self.tiles:
            empty = QLabel(self.tr("There are no articles on this screen yet."), tiles)
            grid.addWidget(empty, 0, 0)
        grid.setRowStretch(grid.rowCount(), 1)
        scroll.setWidget(tiles)
        _enable_kinetic_scrolling(scroll)
        page.layout_.addWidget(scroll, 1)
        self._add_page("home", page)

    def _name_language_button(self) -> None:
        current = translations().language
        others = [name for code, name in INTERFACE_LANGUAGES if code != current]
        mine = [name for code, name in INTERFACE_LANGUAGES if code == current]
        label = " / ".join([*others, *mine])
        self.language_button.setText(label)
        self.language_button.setAccessibleName(
            self.tr("Change the language: %1").replace("%1", label)
        )

    def _on_language_clicked(self) -> None:
        codes = [code for code, _ in INTERFACE_LANGUAGES]
        current = translations().language
        following = codes[(codes.index(current) + 1) % len(codes)] if current in codes else codes[0]
        translations().set_language(following)
        announce(self, self.tr("The screen now speaks English."), assertive=True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "language_button"):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        """Every word of the window in the interface language now in use: the fixed ones
        set again, the home page (tiles with their counts) built anew."""
        for widget, setter, text in getattr(self, "_fixed", []):
            if shiboken6.isValid(widget):
                getattr(widget, setter)(translated(text))
        self._fixed = [f for f in getattr(self, "_fixed", []) if shiboken6.isValid(f[0])]
        old = self.pages.get("home")
        if old is not None:
            showing = self.stack.currentWidget() is old
            self._build_home()
            self.stack.removeWidget(old)
            old.deleteLater()
            if showing:
                self.stack.setCurrentWidget(self.pages["home"])
            self._apply_view()
        self.help_view.setHtml(help_html())

    def _topic_tiles(self, parent: QWidget, outer: QVBoxLayout) -> list[QPushButton]:
        """Tiles for browsing without typing: every topic A to Z, then each group of topics
        (heart, diabetes, pregnancy and children, ...)."""
        shelves = by_group(self.library)
        everything = len(browsable(self.library))
        if not everything:
            return []
        label = QLabel(self.tr("Browse by topic"), parent)
        label.setObjectName("kioskSubtitle")
        outer.addWidget(label)
        grid = QGridLayout()
        grid.setSpacing(16)
        outer.addLayout(grid)
        entries = [(self.tr("All topics, A to Z"), "", everything)]
        entries += [(translated(shelf.name), shelf.name, len(shelf.articles)) for shelf in shelves]
        out: list[QPushButton] = []
        for i, (name, key, count) in enumerate(entries):
            counted = self.tr("%n topic(s)", "", count)
            tile = self._button(f"{name}\n{counted}", f"{name}, {counted}", parent)
            tile.setObjectName("topicTile")
            tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            tile.setMinimumHeight(MIN_TARGET_PX * 2)
            tile.setMaximumHeight(MIN_TARGET_PX * 4)
            tile.clicked.connect(lambda _=False, k=key: self._go(Place("topics", k)))
            grid.addWidget(tile, i // 2, i % 2)
            out.append(tile)
        self._tile_grids.append((grid, out))
        return out

    def _fill_topics(self, group: str) -> None:
        """The collection page, listing a group's topics, or every topic under its letter."""
        self.collection_list.clear()
        if group:
            shelf = next((s for s in by_group(self.library) if s.name == group), None)
            articles = shelf.articles if shelf is not None else ()
            self.collection_heading.setText(translated(shelf.name) if shelf else group)
            for summary in articles:
                item = QListWidgetItem(summary.title)
                item.setData(Qt.ItemDataRole.UserRole, summary.id)
                self.collection_list.addItem(item)
        else:
            self.collection_heading.setText(self.tr("All topics, A to Z"))
            letter = None
            for summary in browsable(self.library):
                first = letter_of(summary.title)
                if first != letter:
                    letter = first
                    head = QListWidgetItem(first)
                    head.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading, not a topic to open
                    head.setData(
                        Qt.ItemDataRole.AccessibleTextRole,
                        self.tr("Letter %1").replace("%1", first),
                    )
                    font = head.font()
                    font.setBold(True)
                    head.setFont(font)
                    self.collection_list.addItem(head)
                item = QListWidgetItem(summary.title)
                item.setData(Qt.ItemDataRole.UserRole, summary.id)
                self.collection_list.addItem(item)
        count = sum(
            1
            for i in range(self.collection_list.count())
            if isinstance(self.collection_list.item(i).data(Qt.ItemDataRole.UserRole), str)
        )
        self._number_items(self.collection_list)
        heading = self.collection_heading.text()
        announce(self.collection_list, self.tr("%1: %n topic(s)", "", count).replace("%1", heading))

    def _fit_tiles(self) -> None:
        """Two columns of tiles while every name fits half the page, else one; names too
        long for a column are wrapped onto more lines, never cut."""
        tiles = [t for _, group in self._tile_grids for t in group]
        if not tiles:
            return
        scroll = self._tiles_scroll
        bar = scroll.verticalScrollBar()
        margins = self._tiles_layout.contentsMargins()
        viewport = scroll.viewport().width() if scroll.isVisible() else self.stack.width() - 32
        # Keep room for the scroll bar that longer tiles may bring.
        room = (
            viewport
            - margins.left()
            - margins.right()
            - (0 if bar.isVisible() else bar.sizeHint().width())
        )
        for tile in tiles:
            tile.ensurePolished()
            if tile.property("tile_label") is None:
                tile.setProperty("tile_label", tile.text())

        def widest(tile: QPushButton, text: str) -> int:
            metrics = tile.fontMetrics()
            return max(metrics.horizontalAdvance(line) for line in text.split("\n"))

        # What a tile adds around its text (padding, border), as its own size hint says.
        padding = max(t.sizeHint().width() - widest(t, t.text()) for t in tiles) + 4
        half = (room - 16) / 2 - padding
        columns = 2 if all(widest(t, str(t.property("tile_label"))) <= half for t in tiles) else 1
        column = (room - 16 * (columns - 1)) / columns - padding
        for tile in tiles:
            tile.setText(wrap_label(str(tile.property("tile_label")), tile.fontMetrics(), column))
            tile.setMaximumHeight(max(MIN_TARGET_PX * 4, tile.sizeHint().height()))
        self._arrange_tiles(columns)

    def _arrange_tiles(self, columns: int) -> None:
        """Tiles in ``columns`` columns."""
        if columns == self._tile_columns:
            return
        for grid, tiles in self._tile_grids:
            for tile in tiles:
                grid.removeWidget(tile)
            for i, tile in enumerate(tiles):
                grid.addWidget(tile, i // columns, i % columns)
        self._tile_columns = columns

    def _home_collections(self) -> list[tuple[str, int]]:
        counts = {c.name: len(c.articles) for c in self.library.collections()}
        wanted = self.config.home.collections
        if not wanted:
            # research papers and other secondary collections are not offered by default
            secondary = secondary_collections(self.library.root)
            return [(n, c) for n, c in counts.items() if n not in secondary]
        missing = [name for name in wanted if name not in counts]
        for name in missing:
            log.warning("the kiosk configuration names collection %r, which is empty", name)
        return [(name, counts[name]) for name in wanted if name in counts]

    def _list(self, parent: QWidget, name: str) -> QListWidget:
        view = QListWidget(parent)
        self._fixed_text(view, "setAccessibleName", name)
        view.setWordWrap(True)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setDragEnabled(False)
        _enable_kinetic_scrolling(view)
        # Entering the list speaks the item the keys are on; only the list with the focus
        # claims it for its current item.
        follow_focus(view)
        view.currentItemChanged.connect(
            lambda current, _previous: self._on_list_current_changed(view, current)
        )
        return view

    @staticmethod
    def _on_list_current_changed(view: QListWidget, current: QListWidgetItem | None) -> None:
        # The item the keys come to is the selected one (Qt leaves the first item that
        # Tab reaches unselected, and a screen reader then says "not selected").
        if current is not None and view.hasFocus() and not current.isSelected():
            current.setSelected(True)

    def _number_items(self, view: QListWidget) -> None:
        """Each item a person can open says where it is, as a screen reader speaks it:
        "Iron in Pregnancy, 1 of 3" (the A to Z list's letters are not counted)."""
        items = [view.item(row) for row in range(view.count())]
        openable = [i for i in items if isinstance(i.data(Qt.ItemDataRole.UserRole), str)]
        for position, item in enumerate(openable, start=1):
            about = ", ".join(line for line in item.text().splitlines() if line.strip())
            spoken = fill(self.tr("%1, %2 of %3"), about, position, len(openable))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)

    def _build_collection(self) -> None:
        page = _Page("collection")
        self.collection_heading = QLabel("", page)
        self.collection_heading.setObjectName("kioskTitle")
        self.collection_list = self._list(page, QT_TRANSLATE_NOOP("KioskWindow", "Articles"))
        self.collection_list.itemClicked.connect(self._on_article_item)
        self.collection_list.itemActivated.connect(self._on_article_item)
        page.layout_.addWidget(self.collection_heading)
        page.layout_.addWidget(self.collection_list, 1)
        self._add_page("collection", page)

    def _build_results(self) -> None:
        page = _Page("results")
        self.results_heading = QLabel("", page)
        self.results_heading.setWordWrap(True)
        self.results_list = self._list(page, QT_TRANSLATE_NOOP("KioskWindow", "Search results"))
        self.results_list.itemClicked.connect(self._on_article_item)
        self.results_list.itemActivated.connect(self._on_article_item)
        page.layout_.addWidget(self.results_heading)
        page.layout_.addWidget(self.results_list, 1)
        self._add_page("results", page)

    def _build_article(self) -> None:
        page = _Page("article")
        self.article_view = ArticleView(page)
        self.article_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.article_view.reference_requested.connect(self._on_article_reference_requested)
        self.article_view.internal_link_requested.connect(self._on_article_internal_link)
        _enable_kinetic_scrolling(self.article_view)
        self.references = QFrame(page)
        self.references.setObjectName("referencesPanel")
        refs = QVBoxLayout(self.references)
        refs.setContentsMargins(0, 8, 0, 0)
        head = QHBoxLayout()
        heading = QLabel(self.references)
        self._fixed_text(heading, "setText", QT_TRANSLATE_NOOP("KioskWindow", "Source"))
        heading.setObjectName("kioskTitle")
        self.close_references = self._button(
            QT_TRANSLATE_NOOP("KioskWindow", "Close source"),
            QT_TRANSLATE_NOOP("KioskWindow", "Close the source"),
            self.references,
        )
        self.close_references.clicked.connect(self._close_references)
        head.addWidget(heading, 1)
        head.addWidget(self.close_references)
        self.reference_text = QTextBrowser(self.references)
        self.reference_text.setObjectName("referenceText")
        self._fixed_text(
            self.reference_text,
            "setAccessibleName",
            QT_TRANSLATE_NOOP("KioskWindow", "Source of the statement"),
        )
        self.reference_text.setOpenLinks(False)
        self.reference_text.setOpenExternalLinks(False)
        self.reference_text.setMaximumHeight(240)
        _enable_kinetic_scrolling(self.reference_text)
        self.reference_qr = QLabel(self.references)
        self.reference_qr.setObjectName("referenceQr")
        self.reference_qr.hide()
        body = QHBoxLayout()
        body.addWidget(self.reference_text, 1)
        body.addWidget(self.reference_qr, 0, Qt.AlignmentFlag.AlignTop)
        refs.addLayout(head)
        refs.addLayout(body)
        self.references.hide()
        page.layout_.addWidget(self.article_view, 1)
        page.layout_.addWidget(self.references)
        self._add_page("article", page)

    def _build_help(self) -> None:
        page = _Page("help")
        self.help_view = QTextBrowser(page)
        self.help_view.setObjectName("kioskHelp")
        self._fixed_text(
            self.help_view,
            "setAccessibleName",
            QT_TRANSLATE_NOOP("KioskWindow", "How to use this screen"),
        )
        self.help_view.setProperty(DOCUMENT_PROPERTY, True)
        self.help_view.setOpenLinks(False)
        self.help_view.setOpenExternalLinks(False)
        self.help_view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.help_view.setHtml(help_html())
        _enable_kinetic_scrolling(self.help_view)
        page.layout_.addWidget(self.help_view, 1)
        self._add_page("help", page)

    # --- showing and locking ---------------------------------------------------------

    def start(self) -> None:
        """Full screen, locked, idle timer running."""
        self.guard.install()
        self.search.start()
        screen = self.screen()
        if screen is not None:
            # Without a window manager (a bare kiosk X session) "full screen" is only a
            # hint: cover the screen ourselves.
            self.setGeometry(screen.geometry())
            self.setMaximumSize(screen.geometry().size())
        self.showFullScreen()
        self.idle.start()
        self.activateWindow()
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def shutdown(self) -> None:
        """Stop the timers and speech, close the index and remove its temporary folder."""
        self.idle.stop()
        self.speech.stop()
        self.article_loader.shutdown(0)  # a slow read left behind ends on its own
        self.search.close()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt\'s name
        super().resizeEvent(event)
        self._place_corner()
        if event.oldSize().width() != event.size().width():
            self._fit_tiles()
            # again once the layouts have given the tiles' scroll area its new width (at
            # the first show it is still the default one, and every word got its own line)
            QTimer.singleShot(0, self._fit_tiles)
        if self.keyboard.isVisible():
            self._place_keyboard()
        if self.warning.isVisible():
            self.warning.setGeometry(self._central.rect())

    def _place_corner(self) -> None:
        area = self._central.rect()
        size = self.admin_corner.size()
        corner = self.config.admin.corner
        x = 0 if corner.endswith("left") else area.width() - size.width()
        y = 0 if corner.startswith("top") else area.height() - size.height()
        self.admin_corner.move(x, y)
        self.admin_corner.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt\'s name
        if (
            watched is self.stack
            and event.type() in (QEvent.Type.Resize, QEvent.Type.Move)
            and self.keyboard.isVisible()
        ):
            self._place_keyboard()
        if (
            watched is self.search_box
            and event.type() == QEvent.Type.MouseButtonPress
            and not self.keyboard.isVisible()
        ):
            self.keyboard_button.setChecked(True)
        return False

    # --- navigation ------------------------------------------------------------------

    def _go(self, place: Place, *, remember: bool = True) -> None:
        if remember and place != self._place:
            self.history.visit(self._place)
        self._show(place)

    def _show(self, place: Place) -> None:
        self._place = place
        if place.page == "collection":
            self._fill_collection(place.key)
        elif place.page == "topics":
            self._fill_topics(place.key)
        elif place.page == "results":
            self._fill_results(place.key)
        elif place.page == "article" and not self._open_article(place.key):
            return
        if place.page != "article":
            self._close_references()
        self.stack.setCurrentWidget(self.pages.get(place.page) or self.pages["collection"])
        self._update_navigation()
        if place.page == "help":  # the focus stays on the button: say where it went
            announce(self.help_view, self.tr("How to use this screen"))

    def _update_navigation(self) -> None:
        self.back_button.setEnabled(self.history.can_go_back)
        self.forward_button.setEnabled(self.history.can_go_forward)
        on_article = self._place.page == "article"
        self.speak_button.setEnabled(on_article)
        self.print_button.setEnabled(on_article)

    @property
    def history_length(self) -> tuple[int, int]:
        return self.history.lengths

    @property
    def current_page(self) -> str:
        return self._place.page

    def _on_home_clicked(self) -> None:
        self._go(Place("home"))

    def _on_back_clicked(self) -> None:
        target = self.history.back(self._place)
        if target is not None:
            self._show(target)

    def _on_forward_clicked(self) -> None:
        target = self.history.forward(self._place)
        if target is not None:
            self._show(target)

    def _fill_collection(self, name: str) -> None:
        self.collection_heading.setText(name)
        self.collection_list.clear()
        for collection in self.library.collections():
            if collection.name != name:
                continue
            for summary in collection.articles:
                item = QListWidgetItem(summary.title)
                item.setData(Qt.ItemDataRole.UserRole, summary.id)
                self.collection_list.addItem(item)
        self._number_items(self.collection_list)
        count = self.collection_list.count()
        announce(self.collection_list, fill(self.tr("%1: %n article(s)", "", count), name))

    def _on_search_requested(self) -> None:
        query = self.search_box.text().strip()
        if query:
            self.keyboard_button.setChecked(False)
            self._go(Place("results", query))

    def _fill_results(self, query: str) -> None:
        """Search for ``query`` on the worker; a slow search says so and is shown by
        :meth:`_on_search_search_finished` when it is done (unless left meanwhile)."""
        self.results_list.clear()
        results = self.search.search(query, wait_s=SEARCH_WAIT_S)
        if results is None:
            text = fill(self.tr("Searching for “%1”…"), query)
            self.results_heading.setText(text)
            announce(self.results_list, text)
            return
        self._show_results(results)

    def _on_search_search_finished(self, results: SearchResults) -> None:
        # Shown only on the page that asked for it: the person may have gone elsewhere,
        # and a session's reset cancels what it left running (see _wipe_results).
        if self._place == Place("results", results.query):
            self._show_results(results)

    def _on_search_search_failed(self, message: str) -> None:
        if self._place.page == "results":
            self.results_list.clear()
            self.results_heading.setText(message)
            announce(self.results_list, message)

    def _show_results(self, results: SearchResults) -> None:
        query = results.query
        self.results_list.clear()
        for hit in results.hits:
            item = QListWidgetItem(f"{hit.article_title} — {hit.section_heading}\n{hit.snippet}")
            item.setData(Qt.ItemDataRole.UserRole, hit.article_id)
            item.setData(Qt.ItemDataRole.UserRole + 1, hit.section_anchor)
            self.results_list.addItem(item)
        self._number_items(self.results_list)
        if results.hits:
            found = self.tr("%n result(s) for “%1”. Touch one to read it.", "", results.total)
            text = fill(found, query)
            if results.message:  # what these results are ("no articles in Spanish…")
                text = fill(
                    self.tr("%1 %2", "results, then a note on them"),
                    text,
                    translated(results.message),
                )
        else:
            nothing = fill(self.tr("Nothing was found for “%1”."), query)
            text = translated(results.message) if results.message else nothing
        if results.did_you_mean:
            text = fill(self.tr("%1 Did you mean “%2”?"), text, results.did_you_mean)
        self.results_heading.setText(text)
        announce(self.results_list, text)
        self.results_shown.emit(results)

    def _on_article_item(self, item: QListWidgetItem) -> None:
        article_id = item.data(Qt.ItemDataRole.UserRole)
        anchor = item.data(Qt.ItemDataRole.UserRole + 1)
        if isinstance(article_id, str):
            self._go(Place("article", article_id))
            if isinstance(anchor, str) and anchor:
                self.article_view.scroll_to_section(anchor)

    def _open_article(self, article_id: str) -> bool:
        """Show the article if it is read within a moment; a slow one is shown by
        :meth:`_on_article_loader_loaded` when it comes (the page stays as it is until
        then, and any other choice leaves it)."""
        library = self.library
        result = self.article_loader.load(article_id, lambda: library.load(article_id))
        if result is None:
            self._say(self.tr("Opening the article…"))
            return False
        return self._show_loaded(result)

    def _on_article_loader_loaded(self, result: ArticleLoaded) -> None:
        if self._place != Place("article", result.request):
            return  # the person went elsewhere meanwhile (or the session was cleared)
        if self._show_loaded(result):
            self.stack.setCurrentWidget(self.pages["article"])
            self._update_navigation()

    def _show_loaded(self, result: ArticleLoaded) -> bool:
        article = result.article
        if article is None:
            self._say(fill(self.tr("This article cannot be shown: %1"), result.error or ""))
            return False
        self._stop_speech()
        follow_content_language(self.article_view, article.meta.language)
        self.article_view.show_article(article)
        self._close_references()
        announce(self.article_view, fill(self.tr("Opened %1"), article.title))
        return True

    def _on_article_internal_link(self, anchor: str) -> None:
        self.article_view.scroll_to_section(anchor)

    def _on_article_reference_requested(self, ref: CitationRef) -> None:
        article = self.article_view.article
        reference = article.reference(ref.reference_key) if article is not None else None
        if reference is not None:
            self._show_reference(reference)

    def _show_reference(self, reference: Reference) -> None:
        parts = [f"<p><b>[{reference.number}]</b> {escape(reference.text)}</p>"]
        if reference.doi:
            doi = fill(self.tr("DOI (to look up on your own device): %1"), escape(reference.doi))
            parts.append(f"<p>{doi}</p>")
        if reference.url:
            parts.append(f"<p>{fill(self.tr('Web address: %1'), escape(reference.url))}</p>")
        address = reference_address(reference) if self.config.features.qr_codes else None
        if address is not None:
            self.reference_qr.setPixmap(qr_pixmap(address, max(4, target_px(self.text_size) // 10)))
            qr_name = fill(self.tr("QR code of %1, to scan with your phone"), address)
            self.reference_qr.setAccessibleName(qr_name)
            self.reference_qr.setToolTip("")
            scan = self.tr("Scan the code with your own phone to look the source up.")
            parts.append(f"<p>{escape(scan)}</p>")
            self.reference_qr.show()
        else:
            self.reference_qr.clear()
            self.reference_qr.hide()
        self.reference_text.setHtml("".join(parts))
        self.references.show()
        spoken = fill(self.tr("Source %1: %2"), reference.number, reference.text)
        announce(self.reference_text, spoken)

    def _close_references(self) -> None:
        self.references.hide()
        forget_text_view(self.reference_text)
        self.reference_text.clear()
        self.reference_text.document().clearUndoRedoStacks()
        self.reference_qr.clear()
        self.reference_qr.setAccessibleName("")
        self.reference_qr.hide()

    @property
    def references_open(self) -> bool:
        return self.references.isVisibleTo(self)

    # --- view: size, colours, font, speech -------------------------------------------

    def _configured_look(self) -> LookChoice:
        display = self.config.display
        return LookChoice(display.text_size, display.font, LINE_SPACING, display.theme)

    def _step_text_size(self, direction: int) -> None:
        size = self.look.step_size(direction)
        self._apply_view()
        self._say(fill(self.tr("Text size %1 per cent"), size))

    def _on_colours_clicked(self) -> None:
        theme = self.look.next_theme()
        self._apply_view()
        self._say(fill(self.tr("Colours: %1"), translated(theme.label)))

    @property
    def text_size(self) -> int:
        return self.look.choice.text_scale

    @property
    def theme_id(self) -> str:
        return self.look.choice.theme

    @property
    def font_id(self) -> str:
        return self.look.choice.font_family

    @property
    def theme(self) -> Theme:
        return self.look.theme

    def _apply_view(self) -> None:
        theme = self.theme
        self.setStyleSheet(kiosk_stylesheet(theme, self.text_size))
        font = self.look.font()  # the article too: the screen's text is large already
        self.setFont(font)
        colours = DocumentColours(theme.text, theme.link, theme.muted, theme.border)
        sheet = document_stylesheet(colours, LINE_SPACING)
        for view in (self.help_view, self.reference_text):
            view.document().setDefaultStyleSheet(sheet)
            view.document().setDefaultFont(font)
        self.article_view.set_style(self.look.article_style(theme, font))
        self.help_view.setHtml(help_html())
        t = target_px(self.text_size)
        bar_t = target_px(min(self.text_size, BAR_MAX_SIZE))
        bars = (self.findChild(QFrame, "kioskBar"), self.findChild(QFrame, "kioskBottomBar"))
        in_bars = {
            id(b) for bar in bars if bar is not None for b in bar.findChildren(QAbstractButton)
        } | {id(self.home_help_button), id(self.language_button)}
        keys = {id(b) for b in self.keyboard.buttons()}
        for button in self.findChildren(QAbstractButton):
            if id(button) in keys:
                continue  # sized by the stylesheet
            if id(button) in in_bars:
                button.setMinimumSize(bar_t, bar_t)
            else:
                button.setMinimumSize(t, t)
        self.search_box.setMinimumHeight(bar_t)
        if self.keyboard.isVisible():
            self._place_keyboard()
        self._fit_tiles()
        self.admin_corner.setFixedSize(t, t)
        self._place_corner()

    def _on_speak_toggled(self, on: bool) -> None:
        if not on:
            self._stop_speech()
            return
        if self.article_view.article is None or not self.speech.available:
            self._set_speak_checked(False)
            self._say(
                self.speech.availability.reason or self.tr("Open an article to read it aloud.")
            )
            return
        self.speech.set_rate(self.speech_rate)
        language = self.article_view.article.meta.language  # the voice of the article's language
        self.article_view.complete_text()  # to the end, not the part shown so far
        text = visible_text(self.article_view.document())  # not a screen reader's own words
        if not self.speech.speak(text, language=language):
            self._set_speak_checked(False)

    @property
    def reading_aloud(self) -> bool:
        return self.speech.state != "idle"

    def _set_speak_checked(self, on: bool) -> None:
        self.speak_button.blockSignals(True)
        self.speak_button.setChecked(on)
        self.speak_button.blockSignals(False)

    def _stop_speech(self) -> None:
        self.speech.stop()
        self._set_speak_checked(False)

    def _on_print_clicked(self) -> None:
        article = self.article_view.article
        if not self.config.features.printing or article is None:
            return
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        if QPrinterInfo.defaultPrinter().isNull():
            self._say(self.tr("No printer is set up for this screen."))
            return
        from reader.ui.printing import Handout, print_handout

        # The same handout as the desktop's File > Print (title, attribution, references),
        # at the screen's text size; never a dialog.
        printer = QPrinter(QPrinterInfo.defaultPrinter())
        print_handout(Handout(article, text_scale=self.text_size), printer)
        self._say(fill(self.tr("Printing %1. Please collect it from the printer."), article.title))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        announce(self.status, text)

    # --- the session -----------------------------------------------------------------

    def _on_finish_clicked(self) -> None:
        self.reset_session()

    def reset_session(self) -> None:
        """Forget everything the person did and show the deployment's start screen.

        Each part of :data:`~reader.ui.kiosk.session.SESSION_PARTS` is wiped in turn by
        its entry in :meth:`_session_wipes`. If one fails, the others are still wiped and
        :attr:`reset_failed` names it: the kiosk then stops, to be started afresh (see
        :mod:`reader.ui.kiosk.app`), rather than show what may be left.
        """
        failed: list[str] = []
        for name, wipe in self._wipes.items():
            try:
                wipe()
            except Exception:  # one failing part must not leave the others uncleared
                log.exception("clearing the kiosk session's %s failed", name)
                failed.append(name)
        self.session += 1
        if failed:
            self.reset_failed.emit(tuple(failed))
        self.idle.activity()
        announce(self, self.tr("The screen has been cleared for the next person."), assertive=True)
        self.session_reset.emit()

    def _session_wipes(self) -> dict[str, Callable[[], None]]:
        wipes: dict[str, Callable[[], None]] = {
            "dialogs": self._wipe_dialogs,
            "reading aloud": self._stop_speech,
            "search box": lambda: forget_line_edit(self.search_box),
            "on-screen keyboard": lambda: self.keyboard_button.setChecked(False),
            "search results": self._wipe_results,
            "collection list": self._wipe_collection,
            "view": self._wipe_view,
            "language": self._wipe_language,
            "article": self._wipe_article,
            "sources": self._close_references,
            "history": self._wipe_history,
            "status line": self.status.clear,
            "text fields": lambda: forget_text_fields(self),
            "scrolling": lambda: scroll_to_start(self),
            "clipboard and selection": forget_clipboard,
            "page": self._wipe_page,
        }
        if tuple(wipes) != SESSION_PARTS:
            raise RuntimeError(
                f"kiosk session parts without a wipe: {set(SESSION_PARTS) ^ set(wipes)}"
            )
        return wipes

    def _wipe_dialogs(self) -> None:
        if self._pin_dialog is not None:
            self._pin_dialog.reject()
        close_other_windows(keep=self)

    def _wipe_results(self) -> None:
        self.search.cancel()  # a search still running is never shown to the next person
        self.results_list.clear()
        self.results_heading.clear()

    def _wipe_collection(self) -> None:
        self.collection_list.clear()
        self.collection_heading.clear()

    def _wipe_article(self) -> None:
        view = self.article_view
        view.show_welcome([])
        view.clear()
        view.clearHistory()
        view.setExtraSelections([])
        forget_text_view(view)

    def _wipe_history(self) -> None:
        self.history.clear()
        self._update_navigation()

    def _wipe_language(self) -> None:
        translations().set_language(self.config.display.language)

    def _wipe_view(self) -> None:
        self.look.choice = self._configured_look()
        self.speech_rate = self.config.display.speech_rate
        self.speech.set_rate(self.speech_rate)
        self._apply_view()

    def _wipe_page(self) -> None:
        self._show(Place("home"))
        self.raise_()
        self.activateWindow()  # a closed dialog may have left no window active
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the administrator exit -------------------------------------------------------

    def _on_admin_gesture(self) -> None:
        if self._pin_dialog is not None:
            return
        dialog = PinDialog(self.gate, self)
        self.guard.lock_down(dialog)
        self._pin_dialog = dialog
        dialog.finished.connect(self._on_pin_finished)
        dialog.open()

    def _on_pin_finished(self, result: int) -> None:
        dialog = self._pin_dialog
        self._pin_dialog = None
        if dialog is not None:
            dialog.deleteLater()
        if result == PinDialog.DialogCode.Accepted.value:
            log.info("administrator exit granted")
            self.idle.stop()
            self.guard.grant_exit()
            self.exit_granted.emit()
            QTimer.singleShot(0, self.close)

    @property
    def pin_dialog(self) -> PinDialog | None:
        return self._pin_dialog


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """Every visible widget under ``root`` a finger can act on."""
    kinds = (QAbstractButton, QLineEdit, QAbstractScrollArea, QAbstractSlider)
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, kinds) and w.isVisibleTo(root) and w.isEnabled()
    ]
