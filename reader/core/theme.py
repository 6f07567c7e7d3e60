"""Colour themes as plain data, and the WCAG contrast maths that checks them.

A :class:`Theme` holds only colours (``#rrggbb``); the Qt layer fills its stylesheet
template and palette from it. "Follow the system" is not a theme of its own: it is
resolved at run time (:func:`resolve_theme`) from the platform's colour-scheme hint.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields

from reader.core.texts import QT_TRANSLATE_NOOP

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")

#: The theme choice that defers to the platform's light/dark hint.
SYSTEM = "system"


@dataclass(frozen=True, slots=True)
class Theme:
    """Every colour the reader paints with. Foreground/background pairs are named together."""

    id: str
    label: str
    dark: bool
    background: str  # the article page and input fields
    text: str
    muted: str  # secondary text (dates, counts): still AAA on background and pane
    link: str
    selection_bg: str
    selection_fg: str
    claim_bg: str  # the claim sentence of the activated citation
    claim_fg: str
    match_bg: str  # words matched by a search
    match_fg: str
    flag_bg: str  # a flagged claim (names a source not in the references)
    flag_fg: str
    focus: str  # the focus outline
    pane_bg: str  # docks, toolbars, menus
    control_bg: str  # buttons
    control_fg: str
    border: str
    error: str  # error text in the status bar (on pane_bg)
    placeholder: str  # hint text in an empty field (on background)
    disabled: str  # text of a disabled control (on pane_bg, control_bg and background)

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name not in ("id", "label", "dark") and not _HEX.match(str(value)):
                raise ValueError(f"theme {self.id!r}: {f.name} must be #rrggbb, not {value!r}")


LIGHT = Theme(
    id="light",
    label=QT_TRANSLATE_NOOP("Theme", "Light"),
    dark=False,
    background="#ffffff",
    text="#1a1a1a",
    muted="#3d3d3d",
    link="#0a3a8c",
    selection_bg="#0a3a8c",
    selection_fg="#ffffff",
    claim_bg="#fff1a8",
    claim_fg="#1a1a1a",
    match_bg="#b8e0ff",
    match_fg="#000000",
    flag_bg="#ffe0d6",
    flag_fg="#6b1200",
    focus="#0a3a8c",
    pane_bg="#f2f2f2",
    control_bg="#e4e4e4",
    control_fg="#1a1a1a",
    border="#767676",
    error="#8a0000",
    placeholder="#474747",
    disabled="#474747",
)

DARK = Theme(
    id="dark",
    label=QT_TRANSLATE_NOOP("Theme", "Dark"),
    dark=True,
    background="#121212",
    text="#ececec",
    muted="#c4c4c4",
    link="#a8d1ff",
    selection_bg="#a8d1ff",
    selection_fg="#000000",
    claim_bg="#4d3d00",
    claim_fg="#ffffff",
    match_bg="#003d66",
    match_fg="#ffffff",
    flag_bg="#5c1a00",
    flag_fg="#ffffff",
    focus="#ffd34d",
    pane_bg="#1e1e1e",
    control_bg="#2e2e2e",
    control_fg="#ffffff",
    border="#8c8c8c",
    error="#ffaaaa",
    placeholder="#b8b8b8",
    disabled="#bdbdbd",
)

HIGH_CONTRAST = Theme(
    id="high_contrast",
    label=QT_TRANSLATE_NOOP("Theme", "High contrast (white on black)"),
    dark=True,
    background="#000000",
    text="#ffffff",
    muted="#e0e0e0",
    link="#ffff00",
    selection_bg="#00ffff",
    selection_fg="#000000",
    claim_bg="#ffffff",
    claim_fg="#000000",
    match_bg="#00ff00",
    match_fg="#000000",
    flag_bg="#ff80ff",
    flag_fg="#000000",
    focus="#00ffff",
    pane_bg="#000000",
    control_bg="#000000",
    control_fg="#ffffff",
    border="#ffffff",
    error="#ff9999",
    placeholder="#cccccc",
    disabled="#cccccc",
)

HIGH_CONTRAST_YELLOW = Theme(
    id="high_contrast_yellow",
    label=QT_TRANSLATE_NOOP("Theme", "High contrast (yellow on black)"),
    dark=True,
    background="#000000",
    text="#ffff00",
    muted="#ffff99",
    link="#00ffff",
    selection_bg="#ffff00",
    selection_fg="#000000",
    claim_bg="#ffffff",
    claim_fg="#000000",
    match_bg="#00ff00",
    match_fg="#000000",
    flag_bg="#ff80ff",
    flag_fg="#000000",
    focus="#ffffff",
    pane_bg="#000000",
    control_bg="#000000",
    control_fg="#ffff00",
    border="#ffff00",
    error="#ff9999",
    placeholder="#cccc66",
    disabled="#cccc66",
)

THEMES: tuple[Theme, ...] = (LIGHT, DARK, HIGH_CONTRAST, HIGH_CONTRAST_YELLOW)
_BY_ID = {t.id: t for t in THEMES}

#: Choices offered to the person, in menu order: the system hint first.
THEME_CHOICES: tuple[tuple[str, str], ...] = (
    (SYSTEM, QT_TRANSLATE_NOOP("Theme", "Follow the system")),
    *((t.id, t.label) for t in THEMES),
)


#: The short names a narrow tool bar shows (see ``reader.ui.look.short_label``),
#: marked here so that they are translated too.
SHORT_NAMES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Theme", "White on black"),
    QT_TRANSLATE_NOOP("Theme", "Yellow on black"),
)


def theme_ids() -> tuple[str, ...]:
    return tuple(choice for choice, _ in THEME_CHOICES)


def theme_by_id(theme_id: str) -> Theme | None:
    return _BY_ID.get(theme_id)


def resolve_theme(choice: str, *, system_dark: bool | None, high_contrast: bool = False) -> Theme:
    """The theme to paint with. ``system_dark`` is the platform's hint (None: unknown);
    ``high_contrast`` is the platform's contrast preference, honoured for "system"."""
    if choice != SYSTEM:
        return _BY_ID.get(choice, LIGHT)
    if high_contrast:
        return HIGH_CONTRAST
    return DARK if system_dark else LIGHT


def next_theme_choice(choice: str, ids: Sequence[str] = ()) -> str:
    """The choice after ``choice`` among ``ids`` (default: every choice in menu order),
    wrapping, for a "cycle theme" key or button."""
    ids = ids or theme_ids()
    index = ids.index(choice) if choice in ids else -1
    return ids[(index + 1) % len(ids)]


# --- WCAG 2.x contrast ---------------------------------------------------------------------


def parse_hex(colour: str) -> tuple[int, int, int]:
    if not _HEX.match(colour):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _linear(channel: int) -> float:
    c = channel / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white)."""
    r, g, b = parse_hex(colour)
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours, 1.0 to 21.0 (order does not matter)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def contrast_pairs(theme: Theme) -> tuple[tuple[str, str, str], ...]:
    """(what, foreground, background) pairs that must meet AAA (7:1) in every theme."""
    t = theme
    return (
        ("body text", t.text, t.background),
        ("text on panes", t.text, t.pane_bg),
        ("muted text", t.muted, t.background),
        ("muted text on panes", t.muted, t.pane_bg),
        ("links", t.link, t.background),
        ("selection", t.selection_fg, t.selection_bg),
        ("claim highlight", t.claim_fg, t.claim_bg),
        ("search match", t.match_fg, t.match_bg),
        ("flagged claim", t.flag_fg, t.flag_bg),
        ("focus indicator", t.focus, t.background),
        ("buttons", t.control_fg, t.control_bg),
        ("errors", t.error, t.pane_bg),
        ("placeholder text", t.placeholder, t.background),
        ("disabled text in fields", t.disabled, t.background),
        ("disabled text on panes", t.disabled, t.pane_bg),
        ("disabled buttons", t.disabled, t.control_bg),
        ("muted text on buttons", t.muted, t.control_bg),
    )


def focus_surroundings(theme: Theme) -> tuple[tuple[str, str], ...]:
    """(what, colour) the focus outline is drawn against: it needs 3:1 with each."""
    return (
        ("page", theme.background),
        ("panes", theme.pane_bg),
        ("buttons", theme.control_bg),
    )
