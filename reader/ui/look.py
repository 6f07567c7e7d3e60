"""The look of a window — text size, font, line spacing, colours — kept, stepped and painted.

:class:`Look` holds what the person chose (a :class:`~reader.core.settings.LookChoice`),
steps it as they ask (larger, smaller, next colours) and turns it into a theme and fonts
from the platform's own font; ``changed`` says when the person changed it, and the window
paints its widgets from it. The desktop window and the kiosk each keep one.

:class:`LookControls` are the desktop window's controls of it: the colour, font and
spacing boxes of its tool bar, the same choices as menus, and the text-size labels.

The arithmetic (size steps, the article's ratio, theme resolution, contrast) is Qt-free in
:mod:`reader.core.settings` and :mod:`reader.core.theme`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMenu, QWidget

from reader.core.settings import (
    FONT_CHOICES,
    LINE_SPACING_STEPS,
    SCALE_STEPS,
    LookChoice,
    article_font_ratio,
    step_scale,
)
from reader.core.texts import Text
from reader.core.theme import THEME_CHOICES, Theme, next_theme_choice, resolve_theme, theme_ids
from reader.ui.article_view import ArticleStyle
from reader.ui.fonts import font_for
from reader.ui.i18n import fill, translated
from reader.ui.platform import system_high_contrast, system_point_size
from reader.ui.style import palette, stylesheet

log = logging.getLogger(__name__)

#: Menu bar, tool bars and status bar grow with the text up to this size (per cent):
#: above it their rows would take a third of a laptop screen and push the article out
#: of sight. Menus, panes and the article keep growing.
TOOLS_MAX_SCALE = 200
#: The smallest base size taken from the platform (points): below it text at 100 % would
#: be too small to read.
MIN_BASE_POINT = 10.0

_BASE_FONT_PROPERTY = "reader_base_font"


def base_font(app: QApplication) -> QFont:
    """The application font as the platform gave it, before any text-size change.

    Recorded on the application the first time it is asked for, so a window made after
    another one changed the size (a restart in the same process) scales from the same base.
    """
    saved = app.property(_BASE_FONT_PROPERTY)
    if isinstance(saved, QFont):
        return QFont(saved)
    font = QFont(app.font())
    app.setProperty(_BASE_FONT_PROPERTY, font)
    return QFont(font)


@dataclass(frozen=True, slots=True)
class Fonts:
    """The fonts of one look."""

    ui: QFont  # panes, menus and dialogs
    article: QFont  # the article's text
    tools: QFont  # the bars around the article (they stop growing at a cap)


class Look(QObject):
    """The look a person chose, stepped as they ask and turned into a theme and fonts.

    ``sizes`` are the text sizes offered (per cent), ``themes`` the colour choices cycled
    through; ``base_point`` fixes the size of 100 % (default: the platform's font, followed
    when it changes); ``follow_system`` lets the "system" colours follow the platform's
    dark and high-contrast preferences (else "system" is the light theme).
    """

    changed = Signal(object)  # LookChoice: the person changed the look

    def __init__(
        self,
        choice: LookChoice,
        *,
        sizes: Sequence[int] = SCALE_STEPS,
        themes: Sequence[str] = (),
        base_point: float | None = None,
        follow_system: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        assert isinstance(app, QApplication), "create the QApplication first"
        #: What is painted now; set it directly to show a choice without ``changed``.
        self.choice = choice
        self.sizes = tuple(sizes)
        self.themes = tuple(themes) or theme_ids()
        self.follow_system = follow_system
        self._follow_platform_size = base_point is None
        self.base_font = base_font(app)
        self.base_point = (
            base_point
            if base_point is not None
            else max(self.base_font.pointSizeF(), MIN_BASE_POINT)
        )

    # --- what the person asks for ---------------------------------------------------------

    def change(
        self,
        *,
        text_scale: int | None = None,
        font_family: str | None = None,
        line_spacing: float | None = None,
        theme: str | None = None,
    ) -> LookChoice:
        """Take up what the person chose (what is not named stays); ``changed`` says so."""
        c = self.choice
        self.choice = LookChoice(
            c.text_scale if text_scale is None else text_scale,
            c.font_family if font_family is None else font_family,
            c.line_spacing if line_spacing is None else line_spacing,
            c.theme if theme is None else theme,
        )
        self.changed.emit(self.choice)
        return self.choice

    def step_size(self, direction: int) -> int:
        """The next text size up (1) or down (-1), or back to 100 % (0); the size now."""
        step = step_scale(self.choice.text_scale, direction, self.sizes)
        return self.change(text_scale=step).text_scale

    def next_theme(self) -> Theme:
        """The next colours in the cycle; the theme now painted."""
        self.change(theme=next_theme_choice(self.choice.theme, self.themes))
        return self.theme

    @property
    def can_grow(self) -> bool:
        return self.choice.text_scale < self.sizes[-1]

    @property
    def can_shrink(self) -> bool:
        return self.choice.text_scale > self.sizes[0]

    # --- what it paints with --------------------------------------------------------------

    @property
    def theme(self) -> Theme:
        """The colours to paint with ("system" resolved from the platform's preferences)."""
        if not self.follow_system:
            return resolve_theme(self.choice.theme, system_dark=False)
        scheme = QGuiApplication.styleHints().colorScheme()
        dark = scheme == Qt.ColorScheme.Dark if scheme != Qt.ColorScheme.Unknown else None
        return resolve_theme(
            self.choice.theme, system_dark=dark, high_contrast=system_high_contrast()
        )

    def font(self, percent: float | None = None) -> QFont:
        """The chosen font at ``percent`` of the base size (default: the chosen text size)."""
        scale = self.choice.text_scale if percent is None else percent
        return font_for(self.choice.font_family, self.base_point * scale / 100, self.base_font)

    def fonts(self, tools_max: int = TOOLS_MAX_SCALE) -> Fonts:
        scale = self.choice.text_scale
        return Fonts(
            ui=self.font(),
            article=self.font(scale * article_font_ratio(scale)),
            tools=self.font(min(scale, tools_max)),
        )

    def article_style(self, theme: Theme, font: QFont) -> ArticleStyle:
        return ArticleStyle(theme, font, self.choice.line_spacing, self.choice.text_scale)

    def follow_platform(self) -> bool:
        """Take up the platform's text size if it changed while running; whether it did."""
        if not self._follow_platform_size:
            return False
        point = max(system_point_size(), MIN_BASE_POINT)
        if abs(point - self.base_point) <= 0.01:
            return False
        self.base_point = point
        self.base_font.setPointSizeF(point)
        return True


def paint_application(app: QApplication, theme: Theme, font: QFont) -> None:
    """The application's palette, stylesheet and font (for what is made from now on)."""
    app.setPalette(palette(theme))
    sheet = stylesheet(theme)
    if sheet != app.styleSheet():  # the same at every size: set once per theme
        app.setStyleSheet(sheet)
    app.setFont(font)


def give_fonts(
    root: QWidget,
    fonts: Fonts,
    *,
    bars: Sequence[QWidget],
    own_font: Iterable[QWidget] = (),
    menus: Iterable[QMenu] = (),
) -> None:
    """Every widget under ``root`` its font: the bars (and all in them) the tools' font,
    ``menus`` the full size, and none to ``own_font`` and their children (they size
    themselves, as the article does from its style).

    Under an application stylesheet a widget keeps the font it was polished with (Qt does
    not pass a new application or parent font on), so each is given its own.
    """
    in_bars = {id(w) for b in bars for w in (b, *b.findChildren(QWidget))}
    own = {id(w) for o in own_font for w in (o, *o.findChildren(QWidget))}
    for widget in root.findChildren(QWidget):
        if id(widget) not in in_bars and id(widget) not in own:
            widget.setFont(fonts.ui)
    for bar in bars:
        for widget in (bar, *bar.findChildren(QWidget)):
            if not isinstance(widget, QMenu):
                widget.setFont(fonts.tools)
    for menu in menus:
        menu.setFont(fonts.ui)  # menus open over the window: they grow to the full size


def short_label(label: str) -> str:
    """A choice's name for a narrow tool bar: "High contrast (yellow on black)" ->
    "Yellow on black", "OpenDyslexic (dyslexia-friendly)" -> "OpenDyslexic"."""
    if label.startswith("High contrast (") and label.endswith(")"):
        inner = label[len("High contrast (") : -1]
        short = inner[:1].upper() + inner[1:]
    else:
        short = label.split(" (", 1)[0]
    context = label.context if isinstance(label, Text) else "Theme"
    return QCoreApplication.translate(context, short)


def _translated_choices(choices: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """(id, label) choices with each label in the interface language."""
    return [(value, translated(label)) for value, label in choices]


def choice_actions(
    menu: QMenu,
    choices: Sequence[tuple[object, str]],
    slot: Callable[[QAction], None],
    name_prefix: str | None,
) -> QActionGroup:
    """Checkable actions in ``menu``, one per (value, label), in one exclusive group wired
    to ``slot``; each is named ``name_prefix`` + its value."""
    group = QActionGroup(menu)
    for value, label in choices:
        act = menu.addAction(label)
        act.setCheckable(True)
        act.setData(value)
        if name_prefix is not None:
            act.setObjectName(f"{name_prefix}{value}")
        group.addAction(act)
    group.triggered.connect(slot)
    return group


class LookControls(QObject):
    """The desktop window's controls of its :class:`Look`: the colours, font and spacing
    boxes of a tool bar, the same choices in menus, and the text-size labels; each
    shows the look's choice after :meth:`show`."""

    def __init__(self, look: Look, parent: QWidget) -> None:
        super().__init__(parent)
        self.look = look
        self.theme_combo = self._combo(parent, "theme_combo", self.tr("Colours"))
        for theme_id, label in THEME_CHOICES:
            self.theme_combo.addItem(short_label(label), theme_id)
        self.font_combo = self._combo(parent, "font_combo", self.tr("Font"))
        for font_id, label in FONT_CHOICES:
            self.font_combo.addItem(short_label(label), font_id)
        self.spacing_combo = self._combo(parent, "spacing_combo", self.tr("Line spacing"))
        for spacing in LINE_SPACING_STEPS:
            self.spacing_combo.addItem(fill(self.tr("Spacing %1"), _number(spacing)), spacing)
        for combo, choices in ((self.theme_combo, THEME_CHOICES), (self.font_combo, FONT_CHOICES)):
            # Short names on the bar (the combo is named "Colours" or "Font"); the menu,
            # the tooltip and a screen reader get the full name.
            for i, (_id, label) in enumerate(choices):
                combo.setItemData(i, translated(label), Qt.ItemDataRole.ToolTipRole)
                combo.setItemData(i, translated(label), Qt.ItemDataRole.AccessibleTextRole)
        self.theme_combo.activated.connect(self._on_theme_combo_activated)
        self.font_combo.activated.connect(self._on_font_combo_activated)
        self.spacing_combo.activated.connect(self._on_spacing_combo_activated)
        self.size_labels: list[QLabel] = []
        self.theme_group: QActionGroup | None = None
        self.font_group: QActionGroup | None = None
        self.spacing_group: QActionGroup | None = None

    @staticmethod
    def _combo(parent: QWidget, name: str, accessible_name: str) -> QComboBox:
        combo = QComboBox(parent)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible_name)
        return combo

    def size_label(self, name: str, parent: QWidget) -> QLabel:
        """A label that shows the text size ("150 %"), for a tool bar."""
        label = QLabel(f"{self.look.choice.text_scale} %", parent)
        label.setObjectName(name)
        label.setAccessibleName(self.tr("Text size"))
        self.size_labels.append(label)
        return label

    # --- the same choices as menus ----------------------------------------------------------

    def fill_font_menu(self, menu: QMenu) -> None:
        self.font_group = choice_actions(
            menu, _translated_choices(FONT_CHOICES), self._on_font_group_triggered, "action_font_"
        )

    def fill_spacing_menu(self, menu: QMenu) -> None:
        choices = [(spacing, _number(spacing)) for spacing in LINE_SPACING_STEPS]
        self.spacing_group = choice_actions(menu, choices, self._on_spacing_group_triggered, None)

    def fill_theme_menu(self, menu: QMenu) -> None:
        self.theme_group = choice_actions(
            menu,
            _translated_choices(THEME_CHOICES),
            self._on_theme_group_triggered,
            "action_theme_",
        )

    # --- showing the choice -----------------------------------------------------------------

    def show(self, choice: LookChoice) -> None:
        for label in self.size_labels:
            label.setText(f"{choice.text_scale} %")
            label.setAccessibleName(
                self.tr("Text size %1 per cent").replace("%1", str(choice.text_scale))
            )
        for combo, value in (
            (self.theme_combo, choice.theme),
            (self.font_combo, choice.font_family),
            (self.spacing_combo, choice.line_spacing),
        ):
            index = combo.findData(value)
            if index >= 0:
                combo.setCurrentIndex(index)
        for group, value in (
            (self.theme_group, choice.theme),
            (self.font_group, choice.font_family),
            (self.spacing_group, choice.line_spacing),
        ):
            for act in group.actions() if group is not None else ():
                act.setChecked(act.data() == value)

    # --- the person chose -------------------------------------------------------------------

    def _on_font_group_triggered(self, action: QAction) -> None:
        self.look.change(font_family=str(action.data()))

    def _on_spacing_group_triggered(self, action: QAction) -> None:
        self.look.change(line_spacing=float(action.data()))

    def _on_theme_group_triggered(self, action: QAction) -> None:
        self.look.change(theme=str(action.data()))

    def _on_theme_combo_activated(self, index: int) -> None:
        self.look.change(theme=str(self.theme_combo.itemData(index)))

    def _on_font_combo_activated(self, index: int) -> None:
        self.look.change(font_family=str(self.font_combo.itemData(index)))

    def _on_spacing_combo_activated(self, index: int) -> None:
        self.look.change(line_spacing=float(self.spacing_combo.itemData(index)))


def _number(value: float) -> str:
    """A number as the interface language writes it ("1.5"; in Spanish "1,5")."""
    return QLocale().toString(float(value), "g", 6)
