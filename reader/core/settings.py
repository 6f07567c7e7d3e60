"""The reader's per-user view settings: frozen data, validated on load, written atomically.

A bad or missing value never stops the reader: it falls back to the default and the
problem is reported as a warning the window can show. ``SettingsStore(path=None)``
keeps settings in memory only (a shared screen that must not write to disk).
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from reader.core.fsutil import UnsafeFileError, atomic_write_text, read_bounded
from reader.core.paths import user_config_dir
from reader.core.texts import QT_TRANSLATE_NOOP
from reader.core.theme import SYSTEM, theme_ids

log = logging.getLogger(__name__)

#: Text sizes offered by zoom in / zoom out, in per cent.
SCALE_STEPS: tuple[int, ...] = (50, 67, 75, 90, 100, 110, 125, 150, 175, 200, 250, 300, 350, 400)
MIN_SCALE, MAX_SCALE = SCALE_STEPS[0], SCALE_STEPS[-1]
MIN_LINE_SPACING, MAX_LINE_SPACING = 1.0, 2.0
LINE_SPACING_STEPS: tuple[float, ...] = (1.0, 1.15, 1.3, 1.5, 1.75, 2.0)

#: Font choices: id -> label. "system" is the platform's default UI font.
FONT_CHOICES: tuple[tuple[str, str], ...] = (
    ("system", QT_TRANSLATE_NOOP("Font", "System default")),
    ("atkinson", QT_TRANSLATE_NOOP("Font", "Atkinson Hyperlegible")),
    ("dyslexic", QT_TRANSLATE_NOOP("Font", "OpenDyslexic (dyslexia-friendly)")),
)
_FONT_IDS = frozenset(f for f, _ in FONT_CHOICES)
_MAX_BLOB = 64 * 1024
_LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$")
SETTINGS_FILE = "settings.json"
#: No article file is larger than the reader reads (a few MiB): a position beyond this is
#: not one of ours.
MAX_POSITION = 50_000_000
#: A settings file is a few kilobytes (the window layout the most of it); a larger one is not read.
MAX_SETTINGS_BYTES = 1024 * 1024
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class Settings:
    text_scale: int = 100  # per cent of the platform's default size
    font_family: str = "system"  # an id from FONT_CHOICES
    line_spacing: float = 1.5
    theme: str = SYSTEM  # "system" or a theme id
    window_geometry: str = ""  # QMainWindow.saveGeometry(), base64
    window_state: str = ""  # QMainWindow.saveState(): which panes show, where, how big
    last_article: str | None = None
    #: Where the last article was when the reader closed: the document position of the
    #: text at the top of the view (0: its beginning). The desktop reopens it there.
    last_position: int = 0
    language: str = ""  # the interface language (a code such as "es"); "" follows the system
    library: str = ""  # the library folder chosen with File > Open library ("": the bundled one)

    def with_reset_view(self) -> Settings:
        """Defaults for everything a person sees (size, font, spacing, theme, layout);
        the last article, the interface language and the chosen library stay."""
        return Settings(
            last_article=self.last_article,
            last_position=self.last_position,
            language=self.language,
            library=self.library,
        )


DEFAULTS = Settings()


def step_scale(current: int, direction: int, steps: Sequence[int] = SCALE_STEPS) -> int:
    """The next text size of ``steps`` up (direction > 0) or down (< 0) from ``current``,
    never beyond the first or last step; 0 resets to 100 % (or the nearest step to it)."""
    if direction == 0:
        return min(steps, key=lambda s: abs(s - DEFAULTS.text_scale))
    if direction > 0:
        return next((s for s in steps if s > current), steps[-1])
    return next((s for s in reversed(steps) if s < current), steps[0])


#: The article's text is this much larger than the controls' at 100 %; the difference
#: fades to none at 400 % (the size asked for is then the size the article gets).
ARTICLE_FONT_RATIO = 1.25


def article_font_ratio(text_scale: int) -> float:
    """How much larger the article's text is than the controls' at ``text_scale``."""
    s = min(max(text_scale, 100), 400)
    return ARTICLE_FONT_RATIO - (ARTICLE_FONT_RATIO - 1.0) * (s - 100) / 300


@dataclass(frozen=True, slots=True)
class LookChoice:
    """What a person chose for the look: the part of the settings both windows paint."""

    text_scale: int = DEFAULTS.text_scale  # per cent
    font_family: str = DEFAULTS.font_family  # an id from FONT_CHOICES
    line_spacing: float = DEFAULTS.line_spacing
    theme: str = DEFAULTS.theme  # "system" or a theme id

    @classmethod
    def of(cls, settings: Settings) -> LookChoice:
        return cls(settings.text_scale, settings.font_family, settings.line_spacing, settings.theme)

    def applied_to(self, settings: Settings) -> Settings:
        """``settings`` with this look (everything else as it was)."""
        return replace(
            settings,
            text_scale=self.text_scale,
            font_family=self.font_family,
            line_spacing=self.line_spacing,
            theme=self.theme,
        )


def _valid_blob(value: Any) -> bool:
    if not isinstance(value, str) or len(value) > _MAX_BLOB:
        return False
    if not value:
        return True
    try:
        base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def _check(name: str, value: Any) -> bool:
    if name == "text_scale":
        return (
            isinstance(value, int)
            and not isinstance(value, bool)
            and (MIN_SCALE <= value <= MAX_SCALE)
        )
    if name == "font_family":
        return value in _FONT_IDS
    if name == "line_spacing":
        return (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and MIN_LINE_SPACING <= float(value) <= MAX_LINE_SPACING
        )
    if name == "theme":
        return value in theme_ids()
    if name in ("window_geometry", "window_state"):
        return _valid_blob(value)
    if name == "language":
        return isinstance(value, str) and (value == "" or _LANGUAGE_TAG.match(value) is not None)
    if name == "last_article":
        return value is None or (isinstance(value, str) and 0 < len(value) <= 256)
    if name == "library":
        return isinstance(value, str) and len(value) <= 4096 and "\0" not in value
    if name == "last_position":
        return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_POSITION
    return False


def settings_from_dict(data: Any) -> tuple[Settings, tuple[str, ...]]:
    """Settings from decoded JSON; every bad field becomes its default plus a warning."""
    if not isinstance(data, dict):
        return DEFAULTS, (
            QT_TRANSLATE_NOOP(
                "Settings", "the settings file does not hold a JSON object; using defaults"
            ),
        )
    warnings: list[str] = []
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in data:
            continue
        value = data[f.name]
        if _check(f.name, value):
            values[f.name] = float(value) if f.name == "line_spacing" else value
        else:
            unusable = QT_TRANSLATE_NOOP(
                "Settings",
                "setting {name} has an unusable value {value}; using the default {default}",
            )
            warnings.append(
                unusable.format(
                    name=repr(f.name),
                    value=f"{value!r:.60}",
                    default=repr(getattr(DEFAULTS, f.name)),
                )
            )
    return replace(DEFAULTS, **values), tuple(warnings)


def settings_to_json(settings: Settings) -> str:
    data = {"version": FORMAT_VERSION, **asdict(settings)}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def default_settings_path() -> Path:
    return user_config_dir() / SETTINGS_FILE


class SettingsStore:
    """Where settings live. ``path=None`` keeps them in memory only."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    @classmethod
    def for_user(cls) -> SettingsStore:
        return cls(default_settings_path())

    def load(self) -> tuple[Settings, tuple[str, ...]]:
        """The saved settings and any warnings; never raises. Only a regular file of at
        most :data:`MAX_SETTINGS_BYTES` is read (a named pipe or a link to a device in its
        place is refused at once); anything else gives the defaults and a warning."""
        if self.path is None:
            return DEFAULTS, ()
        try:
            raw = read_bounded(self.path, MAX_SETTINGS_BYTES).decode("utf-8")
        except FileNotFoundError:
            return DEFAULTS, ()
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("cannot read %s: %s", self.path, exc)
            if isinstance(exc, UnsafeFileError):
                unreadable = QT_TRANSLATE_NOOP(
                    "Settings",
                    "the settings file {file} cannot be read ({reason}); using defaults",
                ).format(file=self.path, reason=exc.strerror)
            else:
                unreadable = QT_TRANSLATE_NOOP(
                    "Settings", "the settings file {file} cannot be read; using defaults"
                ).format(file=self.path)
            return DEFAULTS, (unreadable,)
        try:
            data = json.loads(raw)
        except (json.JSONDecodeError, RecursionError, MemoryError):
            log.warning("%s is not valid JSON", self.path)
            damaged = QT_TRANSLATE_NOOP(
                "Settings", "the settings file {file} is damaged; using defaults"
            )
            return DEFAULTS, (damaged.format(file=self.path),)
        settings, warnings = settings_from_dict(data)
        for w in warnings:
            log.warning("%s: %s", self.path, w)
        return settings, warnings

    def save(self, settings: Settings) -> None:
        """Write atomically; raises OSError when the folder cannot be written."""
        if self.path is None:
            return
        atomic_write_text(self.path, settings_to_json(settings))
