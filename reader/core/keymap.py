"""Every keyboard shortcut of the window, declared once as data.

The window builds its actions from this table and the keyboard-shortcuts help lists
it, so what the help says is what the keys do. Key sequences use Qt's portable text
form ("Ctrl+K"); the first one is the one menus show.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.texts import QT_TRANSLATE_NOOP


@dataclass(frozen=True, slots=True)
class Binding:
    action: str  # a stable id, e.g. "zoom_in"
    keys: tuple[str, ...]  # default key sequences, portable text form
    description: str  # what the key does, for the help and the accessible description
    group: str  # heading it is listed under in the help
    scope: str = "window"  # "window": anywhere in the window; "article": in the article text


KEYMAP: tuple[Binding, ...] = (
    # Moving around
    Binding(
        "focus_search",
        ("Ctrl+K", "/"),
        QT_TRANSLATE_NOOP("keymap", "Go to the library search box"),
        QT_TRANSLATE_NOOP("keymap", "Moving around"),
    ),
    Binding(
        "focus_library",
        ("Ctrl+L",),
        QT_TRANSLATE_NOOP("keymap", "Go to the library list"),
        QT_TRANSLATE_NOOP("keymap", "Moving around"),
    ),
    Binding(
        "focus_article",
        ("Ctrl+Shift+A",),
        QT_TRANSLATE_NOOP("keymap", "Go to the article text"),
        QT_TRANSLATE_NOOP("keymap", "Moving around"),
    ),
    Binding(
        "next_pane",
        ("F6",),
        QT_TRANSLATE_NOOP("keymap", "Move to the next pane"),
        QT_TRANSLATE_NOOP("keymap", "Moving around"),
    ),
    Binding(
        "previous_pane",
        ("Shift+F6",),
        QT_TRANSLATE_NOOP("keymap", "Move to the previous pane"),
        QT_TRANSLATE_NOOP("keymap", "Moving around"),
    ),
    Binding(
        "back",
        ("Alt+Left",),
        QT_TRANSLATE_NOOP("keymap", "Go back to where you were"),
        QT_TRANSLATE_NOOP("keymap", "Moving around"),
    ),
    Binding(
        "forward",
        ("Alt+Right",),
        QT_TRANSLATE_NOOP("keymap", "Go forward again"),
        QT_TRANSLATE_NOOP("keymap", "Moving around"),
    ),
    # Reading
    Binding(
        "bookmark",
        ("Ctrl+D",),
        QT_TRANSLATE_NOOP("keymap", "Bookmark this article or section"),
        QT_TRANSLATE_NOOP("keymap", "Reading"),
    ),
    Binding(
        "find_in_article",
        ("Ctrl+F",),
        QT_TRANSLATE_NOOP("keymap", "Find words in this article"),
        QT_TRANSLATE_NOOP("keymap", "Reading"),
    ),
    Binding(
        "find_next",
        ("F3",),
        QT_TRANSLATE_NOOP("keymap", "Next match of the words found"),
        QT_TRANSLATE_NOOP("keymap", "Reading"),
    ),
    Binding(
        "find_previous",
        ("Shift+F3",),
        QT_TRANSLATE_NOOP("keymap", "Previous match"),
        QT_TRANSLATE_NOOP("keymap", "Reading"),
    ),
    Binding(
        "next_section",
        ("Ctrl+Down", "]"),
        QT_TRANSLATE_NOOP("keymap", "Next section of the article"),
        QT_TRANSLATE_NOOP("keymap", "Reading"),
    ),
    Binding(
        "previous_section",
        ("Ctrl+Up", "["),
        QT_TRANSLATE_NOOP("keymap", "Previous section"),
        QT_TRANSLATE_NOOP("keymap", "Reading"),
    ),
    Binding(
        "next_citation",
        ("Ctrl+Alt+Down", "."),
        QT_TRANSLATE_NOOP("keymap", "Next citation in the text"),
        QT_TRANSLATE_NOOP("keymap", "Reading"),
    ),
    Binding(
        "previous_citation",
        ("Ctrl+Alt+Up", ","),
        QT_TRANSLATE_NOOP("keymap", "Previous citation"),
        QT_TRANSLATE_NOOP("keymap", "Reading"),
    ),
    Binding(
        "activate_citation",
        ("Return", "Enter"),
        QT_TRANSLATE_NOOP("keymap", "Show the reference of the citation at the cursor"),
        QT_TRANSLATE_NOOP("keymap", "Reading"),
        scope="article",
    ),
    Binding(
        "article_details",
        ("Ctrl+I",),
        QT_TRANSLATE_NOOP(
            "keymap", "Show or hide a research article's details (authors, DOI, licence)"
        ),
        QT_TRANSLATE_NOOP("keymap", "Reading"),
    ),
    Binding(
        "return_to_claim",
        ("Escape",),
        QT_TRANSLATE_NOOP("keymap", "From a reference, back to its claim"),
        QT_TRANSLATE_NOOP("keymap", "Reading"),
    ),
    # Seeing
    Binding(
        "zoom_in",
        ("Ctrl+=", "Ctrl++"),
        QT_TRANSLATE_NOOP("keymap", "Larger text"),
        QT_TRANSLATE_NOOP("keymap", "Text size and colours"),
    ),
    Binding(
        "zoom_out",
        ("Ctrl+-",),
        QT_TRANSLATE_NOOP("keymap", "Smaller text"),
        QT_TRANSLATE_NOOP("keymap", "Text size and colours"),
    ),
    Binding(
        "zoom_reset",
        ("Ctrl+0",),
        QT_TRANSLATE_NOOP("keymap", "Text size back to 100 %"),
        QT_TRANSLATE_NOOP("keymap", "Text size and colours"),
    ),
    Binding(
        "cycle_theme",
        ("Ctrl+Shift+T",),
        QT_TRANSLATE_NOOP("keymap", "Next colour theme"),
        QT_TRANSLATE_NOOP("keymap", "Text size and colours"),
    ),
    Binding(
        "reading_mode",
        ("F9",),
        QT_TRANSLATE_NOOP(
            "keymap", "Reading mode: only the article and a small bar (again to leave)"
        ),
        QT_TRANSLATE_NOOP("keymap", "Text size and colours"),
    ),
    Binding(
        "reset_view",
        ("Ctrl+Shift+R",),
        QT_TRANSLATE_NOOP("keymap", "Reset text size, font, spacing, colours and panes"),
        QT_TRANSLATE_NOOP("keymap", "Text size and colours"),
    ),
    # Listening
    Binding(
        "read_aloud",
        ("Ctrl+Shift+S",),
        QT_TRANSLATE_NOOP("keymap", "Read aloud from the cursor"),
        QT_TRANSLATE_NOOP("keymap", "Listening"),
    ),
    Binding(
        "pause_reading",
        ("Ctrl+Shift+P",),
        QT_TRANSLATE_NOOP("keymap", "Pause or resume reading aloud"),
        QT_TRANSLATE_NOOP("keymap", "Listening"),
    ),
    Binding(
        "stop_reading",
        ("Ctrl+Shift+X",),
        QT_TRANSLATE_NOOP("keymap", "Stop reading aloud"),
        QT_TRANSLATE_NOOP("keymap", "Listening"),
    ),
    # The application
    Binding(
        "open_library",
        ("Ctrl+O",),
        QT_TRANSLATE_NOOP("keymap", "Open a library folder"),
        QT_TRANSLATE_NOOP("keymap", "Application"),
    ),
    Binding(
        "print",
        ("Ctrl+P",),
        QT_TRANSLATE_NOOP("keymap", "Print the article or save it as PDF"),
        QT_TRANSLATE_NOOP("keymap", "Application"),
    ),
    Binding(
        "show_shortcuts",
        ("F1",),
        QT_TRANSLATE_NOOP("keymap", "List the keyboard shortcuts"),
        QT_TRANSLATE_NOOP("keymap", "Application"),
    ),
    Binding(
        "open_menu_bar",
        ("F10",),
        QT_TRANSLATE_NOOP("keymap", "Open the menu bar"),
        QT_TRANSLATE_NOOP("keymap", "Application"),
    ),
    Binding(
        "quit",
        ("Ctrl+Q",),
        QT_TRANSLATE_NOOP("keymap", "Quit the reader"),
        QT_TRANSLATE_NOOP("keymap", "Application"),
    ),
)

_BY_ACTION = {b.action: b for b in KEYMAP}


def binding(action: str) -> Binding:
    """The binding of ``action``; KeyError names the unknown id."""
    try:
        return _BY_ACTION[action]
    except KeyError:
        raise KeyError(f"no key binding declared for action {action!r}") from None


def keys_for(action: str) -> tuple[str, ...]:
    return binding(action).keys
