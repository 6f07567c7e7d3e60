"""On-screen keyboard layouts as data (``reader/data/keyboards.toml``), one per interface
language: the keys row by row and the spoken name of every key that is not a plain
letter or digit. The kiosk's keyboard shows the layout of the current interface language."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from reader.core.errors import ReaderError
from reader.core.language import DEFAULT_LANGUAGE, primary_code
from reader.core.texts import QT_TRANSLATE_NOOP

LAYOUTS_FILE = "keyboards.toml"


@dataclass(frozen=True, slots=True)
class KeyboardLayout:
    code: str  # the language code
    name: str  # the language's name in that language
    rows: tuple[tuple[str, ...], ...]
    names: tuple[tuple[str, str], ...]  # (key, spoken name) for keys that are no letter

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(k for row in self.rows for k in row)

    def spoken(self, key: str) -> str:
        """What a screen reader says for ``key``."""
        return dict(self.names).get(key, key)


def parse_layouts(text: str) -> dict[str, KeyboardLayout]:
    """Layouts from TOML; raises :class:`ReaderError` naming the fault."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problem = QT_TRANSLATE_NOOP(
            "Keyboards", "the keyboard layouts are not valid TOML: {reason}"
        )
        raise ReaderError(problem.format(reason=exc)) from None
    layouts: dict[str, KeyboardLayout] = {}
    for code, table in data.items():
        if not isinstance(table, dict) or primary_code(code) != code:
            problem = QT_TRANSLATE_NOOP(
                "Keyboards", "keyboard layout {code}: not a language code with a table"
            )
            raise ReaderError(problem.format(code=repr(code)))
        rows = table.get("rows")
        names = table.get("names", {})
        if not isinstance(rows, list) or not all(isinstance(r, str) and r for r in rows):
            problem = QT_TRANSLATE_NOOP(
                "Keyboards", "keyboard layout {code}: rows must be a list of strings"
            )
            raise ReaderError(problem.format(code=repr(code)))
        if not isinstance(names, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v for k, v in names.items()
        ):
            problem = QT_TRANSLATE_NOOP(
                "Keyboards", "keyboard layout {code}: names must map keys to words"
            )
            raise ReaderError(problem.format(code=repr(code)))
        keys = [k for row in rows for k in row]
        if len(set(keys)) != len(keys):
            problem = QT_TRANSLATE_NOOP("Keyboards", "keyboard layout {code}: a key appears twice")
            raise ReaderError(problem.format(code=repr(code)))
        unnamed = [k for k in keys if not k.isalnum() and k not in names]
        if unnamed:
            problem = QT_TRANSLATE_NOOP(
                "Keyboards", "keyboard layout {code}: no spoken name for {keys}"
            )
            raise ReaderError(problem.format(code=repr(code), keys=" ".join(unnamed)))
        layouts[code] = KeyboardLayout(
            code=code,
            name=str(table.get("name", code)),
            rows=tuple(tuple(row) for row in rows),
            names=tuple((k, v) for k, v in names.items()),
        )
    if DEFAULT_LANGUAGE not in layouts:
        raise ReaderError(
            QT_TRANSLATE_NOOP("Keyboards", "the keyboard layouts lack the English one")
        )
    return layouts


@lru_cache(maxsize=1)
def layouts() -> dict[str, KeyboardLayout]:
    text = resources.files("reader").joinpath("data", LAYOUTS_FILE).read_text(encoding="utf-8")
    return parse_layouts(text)


def layout_for(language: str | None) -> KeyboardLayout:
    """The layout of ``language`` (``es-MX`` -> ``es``), else the English one."""
    found = layouts()
    return found.get(primary_code(language), found[DEFAULT_LANGUAGE])
