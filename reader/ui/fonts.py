"""The bundled fonts: loaded from resources/fonts at start, never installed system-wide."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

from reader.core.paths import resources_dir

log = logging.getLogger(__name__)

#: font choice id -> (folder under resources/fonts, family name the files declare)
BUNDLED: dict[str, tuple[str, str]] = {
    "atkinson": ("atkinson-hyperlegible", "Atkinson Hyperlegible"),
    "dyslexic": ("opendyslexic", "OpenDyslexic"),
}

_loaded: dict[str, str] = {}


def load_bundled_fonts(root: Path | None = None) -> dict[str, str]:
    """Register every bundled face; return choice id -> family actually available."""
    if _loaded:
        return dict(_loaded)
    base = (root or resources_dir()) / "fonts"
    for choice, (folder, family) in BUNDLED.items():
        files = sorted((base / folder).glob("*.[ot]tf"))
        families: set[str] = set()
        for path in files:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.warning("could not load the font file %s", path)
                continue
            families.update(QFontDatabase.applicationFontFamilies(font_id))
        if family in families:
            _loaded[choice] = family
        elif families:
            _loaded[choice] = sorted(families)[0]
        else:
            log.warning("the %s font is missing from %s", family, base / folder)
    return dict(_loaded)


def font_for(choice: str, point_size: float, default: QFont) -> QFont:
    """A font of the chosen family (or the platform default) at ``point_size``."""
    font = QFont(default)
    family = _loaded.get(choice)
    if family:
        font.setFamilies([family])
    font.setPointSizeF(point_size)
    return font
