"""Every theme meets WCAG AAA (7:1) for what a reader reads, and 3:1 for the focus outline."""

from __future__ import annotations

import pytest

from reader.core.theme import (
    DARK,
    HIGH_CONTRAST,
    HIGH_CONTRAST_YELLOW,
    LIGHT,
    SYSTEM,
    THEMES,
    Theme,
    contrast_pairs,
    contrast_ratio,
    focus_surroundings,
    next_theme_choice,
    relative_luminance,
    resolve_theme,
    theme_ids,
)


def test_contrast_maths_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # WebAIM's checker: #767676 on white is 4.54:1
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#123456", "#abcdef") == contrast_ratio("#abcdef", "#123456")


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.id)
def test_text_links_selection_claim_and_focus_reach_aaa(theme: Theme) -> None:
    failures = [
        f"{what}: {fg} on {bg} is {contrast_ratio(fg, bg):.2f}:1"
        for what, fg, bg in contrast_pairs(theme)
        if contrast_ratio(fg, bg) < 7.0
    ]
    assert not failures, failures
    names = {what for what, _, _ in contrast_pairs(theme)}
    assert {"body text", "links", "selection", "claim highlight", "focus indicator"} <= names


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.id)
def test_placeholder_and_disabled_text_reach_aaa_where_they_are_drawn(theme: Theme) -> None:
    checked = {
        "placeholder in a field": (theme.placeholder, theme.background),
        "disabled text in a field": (theme.disabled, theme.background),
        "disabled text on a pane": (theme.disabled, theme.pane_bg),
        "disabled button": (theme.disabled, theme.control_bg),
        "muted text on a button": (theme.muted, theme.control_bg),
    }
    failures = [
        f"{what}: {fg} on {bg} is {contrast_ratio(fg, bg):.2f}:1"
        for what, (fg, bg) in checked.items()
        if contrast_ratio(fg, bg) < 7.0
    ]
    assert not failures, failures
    pairs = {(fg, bg) for _, fg, bg in contrast_pairs(theme)}
    assert set(checked.values()) <= pairs  # the general check covers them too
    # a hint must not look like typed text
    assert theme.placeholder != theme.text


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.id)
def test_focus_outline_stands_out_from_its_surroundings(theme: Theme) -> None:
    for what, colour in focus_surroundings(theme):
        assert contrast_ratio(theme.focus, colour) >= 3.0, (what, theme.focus, colour)


def test_the_high_contrast_themes_are_white_and_yellow_on_black() -> None:
    assert (HIGH_CONTRAST.text, HIGH_CONTRAST.background) == ("#ffffff", "#000000")
    assert (HIGH_CONTRAST_YELLOW.text, HIGH_CONTRAST_YELLOW.background) == ("#ffff00", "#000000")


def test_follow_the_system_resolves_from_the_platform_hint() -> None:
    assert resolve_theme(SYSTEM, system_dark=True) is DARK
    assert resolve_theme(SYSTEM, system_dark=False) is LIGHT
    assert resolve_theme(SYSTEM, system_dark=None) is LIGHT
    assert resolve_theme(SYSTEM, system_dark=False, high_contrast=True) is HIGH_CONTRAST
    assert resolve_theme("dark", system_dark=False) is DARK
    assert resolve_theme("no-such-theme", system_dark=True) is LIGHT


def test_cycling_visits_every_choice_and_wraps() -> None:
    seen = [SYSTEM]
    for _ in range(len(theme_ids()) - 1):
        seen.append(next_theme_choice(seen[-1]))
    assert seen == list(theme_ids())
    assert next_theme_choice(seen[-1]) == SYSTEM


def test_a_theme_refuses_a_colour_that_is_not_hex() -> None:
    with pytest.raises(ValueError, match="text"):
        Theme(**{**{f: getattr(LIGHT, f) for f in LIGHT.__dataclass_fields__}, "text": "red"})
