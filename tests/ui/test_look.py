"""The look both windows keep: text size steps, colours, fonts, and the desktop's controls."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.core.settings import LookChoice
from reader.core.theme import DARK, HIGH_CONTRAST_YELLOW, LIGHT, THEMES
from reader.ui import look as look_module
from reader.ui.application import application
from reader.ui.look import Look, LookControls

KIOSK_SIZES = (100, 125, 150, 200)


def kiosk_like(theme: str = "system") -> Look:
    """A look as a shared screen keeps it: its own sizes and base, no "system" colours."""
    return Look(
        LookChoice(theme=theme),
        sizes=KIOSK_SIZES,
        themes=[t.id for t in THEMES],
        base_point=14.0,
        follow_system=False,
    )


def test_text_size_steps_through_the_sizes_given_and_stops_at_the_ends(
    qapp: QApplication, qtbot: QtBot
) -> None:
    look = kiosk_like()
    seen: list[int] = []
    look.changed.connect(lambda choice: seen.append(choice.text_scale))
    assert not look.can_shrink
    assert look.step_size(-1) == 100  # already the smallest
    for _ in range(5):
        look.step_size(1)
    assert seen == [100, 125, 150, 200, 200, 200]
    assert not look.can_grow and look.can_shrink
    assert look.step_size(0) == 100
    assert look.font().pointSizeF() == pytest.approx(14.0)
    look.step_size(1)
    assert look.font().pointSizeF() == pytest.approx(14.0 * 1.25)


def test_colours_cycle_through_the_themes_given(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(look_module, "system_high_contrast", lambda: True)
    look = kiosk_like("system")
    assert look.theme is LIGHT  # a shared screen does not follow the platform's preference
    names = [look.next_theme().id for _ in range(len(THEMES) + 1)]
    assert names == [*(t.id for t in THEMES), THEMES[0].id]
    assert look.choice.theme == THEMES[0].id


def test_fonts_grow_with_the_text_and_the_bars_stop_at_their_cap(qapp: QApplication) -> None:
    application()  # the bundled fonts
    look = Look(LookChoice(text_scale=300, font_family="atkinson"), base_point=10.0)
    fonts = look.fonts(tools_max=150)
    assert fonts.ui.pointSizeF() == pytest.approx(30.0)
    assert fonts.tools.pointSizeF() == pytest.approx(15.0)
    assert fonts.ui.pointSizeF() < fonts.article.pointSizeF() < 1.25 * fonts.ui.pointSizeF()
    assert "Atkinson Hyperlegible" in fonts.ui.families()
    look.choice = LookChoice(text_scale=400)
    assert look.fonts().article.pointSizeF() == pytest.approx(look.fonts().ui.pointSizeF())


def test_controls_show_the_choice_and_a_choice_made_by_keys_changes_the_look(
    qtbot: QtBot,
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    look = Look(LookChoice(theme="dark", line_spacing=1.3))
    controls = LookControls(look, window)
    label = controls.size_label("size", window)
    controls.show(look.choice)
    assert controls.theme_combo.currentData() == DARK.id
    assert controls.spacing_combo.currentData() == 1.3
    assert label.accessibleName() == "Text size 100 per cent"
    combo = controls.theme_combo
    combo.setFocus()
    last = combo.count() - 1
    assert combo.itemData(last) == HIGH_CONTRAST_YELLOW.id
    with qtbot.waitSignal(look.changed) as changed:
        qtbot.keyClick(combo, Qt.Key.Key_End)
    assert changed.args[0].theme == HIGH_CONTRAST_YELLOW.id
    assert look.theme is HIGH_CONTRAST_YELLOW
